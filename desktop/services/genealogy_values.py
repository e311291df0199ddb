"""Text from the genealogy import's files to values in the columns' storage form.

A naive date-time is plant time (desktop/domain/plant_time.py); `12,5` is 12.5 (French
spreadsheets); quantities are never negative. On SQLite the storage form is the text SQLAlchemy's
DateTime and Numeric write, so the bulk inserts (desktop/storage/bulk.py) hand it to the driver as
it is.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from desktop.domain.messages import QT_TRANSLATE_NOOP, LinedeskError, Message
from desktop.domain.numbers import parse_decimal
from desktop.domain.plant_time import as_utc


class BadValue(Exception):
    """A bad value on the current line; the reader adds the file and line number."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.message = Message(template, params)


class StoredValues:
    """Text from the files to values in the columns' storage form.

    Rows repeat their time (a cell's five links share it) and plant-time offsets change only at
    clock changes, so the last conversion is kept and offsets are cached per local hour.
    """

    def __init__(self, tz: ZoneInfo, sqlite: bool) -> None:
        self.tz = tz
        self.sqlite = sqlite
        self._hours: dict[str, tuple[timedelta, str] | None] = {}
        self.quantities: dict[str, tuple[Decimal, Any]] = {}
        self._last_raw = ""
        self._last_value: Any = None

    def moment(self, raw: str) -> Any:
        """ISO 8601; without an offset, plant time. SQLite: naive UTC text as SQLAlchemy's
        DateTime stores it; PostgreSQL: aware UTC."""
        if raw == self._last_raw:
            return self._last_value
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            try:
                moment = datetime.fromisoformat(raw.strip())
            except ValueError:
                raise BadValue(
                    QT_TRANSLATE_NOOP(
                        "Messages", "'{text}' is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS)"
                    ),
                    text=raw,
                ) from None
        if moment.tzinfo is None:
            key = raw[:13]
            hour = self._hours.get(key, False)
            if hour is False:
                hour = self._hour(moment)
                self._hours[key] = hour
            if hour is None:  # an hour with a clock change inside: exact conversion
                try:
                    utc = as_utc(moment, self.tz).replace(tzinfo=None)
                except LinedeskError as exc:
                    raise BadValue(exc.message.template, **exc.message.params) from None
            elif self.sqlite and len(raw) == 19 and raw[10] in "T ":
                # Whole-hour offset: only the hour changes; minutes and seconds are as given.
                value = f"{hour[1]}{raw[13:]}.000000"
                self._last_raw, self._last_value = raw, value
                return value
            else:
                utc = moment - hour[0]
        else:
            utc = moment.astimezone(UTC).replace(tzinfo=None)
        value = (
            utc.isoformat(sep=" ", timespec="microseconds")
            if self.sqlite
            else utc.replace(tzinfo=UTC)
        )
        self._last_raw, self._last_value = raw, value
        return value

    def _hour(self, moment: datetime) -> tuple[timedelta, str] | None:
        """(offset, UTC hour as "YYYY-MM-DD HH") of a local hour without a clock change."""
        start = moment.replace(minute=0, second=0, microsecond=0)
        end = start + timedelta(minutes=59, seconds=59, microseconds=999_999)
        try:
            first = start - as_utc(start, self.tz).replace(tzinfo=None)
            last = end - as_utc(end, self.tz).replace(tzinfo=None)
        except LinedeskError:
            return None
        if first != last:
            return None
        if first % timedelta(hours=1):
            return first, ""  # a zone with a half-hour offset: no text shortcut
        return first, (start - first).isoformat(sep=" ")[:13]

    def quantity(self, raw: str) -> tuple[Decimal, Any]:
        """(value, storage form); `12,5` is read as 12.5 (French spreadsheets)."""
        cached = self.quantities.get(raw)
        if cached is not None:
            return cached
        try:
            value = parse_decimal(raw)
        except ValueError:
            raise BadValue(
                QT_TRANSLATE_NOOP("Messages", "'{text}' is not a quantity"), text=raw
            ) from None
        if value < 0:
            raise BadValue(QT_TRANSLATE_NOOP("Messages", "'{text}' is not a quantity"), text=raw)
        result = (value, format(value, "f") if self.sqlite else value)
        if len(self.quantities) < 10_000:
            self.quantities[raw] = result
        return result

    def stored_moment(self, value: datetime) -> Any:
        """A datetime read from the database in the same form as `moment` returns."""
        utc = value.astimezone(UTC)
        if self.sqlite:
            return utc.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        return utc

    def amount(self, value: Decimal) -> Any:
        return format(value, "f") if self.sqlite else value
