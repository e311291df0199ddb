"""Numbers, weights, percentages and dates as the user's language writes them.

`ui.i18n.install_translators` sets the default QLocale from the language (fr_FR or en_GB), so
`12.345` reads `12,345` in French and a date `04/03/2026` in both; an f-string such as
`f"{x:.3f}"` or `day.isoformat()` would show English conventions on a French screen. Input goes
the other way through `parse_number`, which takes what a French operator types (`12,5`) as well
as a point.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desktop.domain.messages import Message
from desktop.domain.numbers import parse_decimal, percent_text


def number(value: float | int | Decimal | None, decimals: int | None = None) -> str:
    """`1 234,5` in French, `1,234.5` in English. A Decimal keeps its own number of decimals
    unless `decimals` says otherwise; a float without `decimals` shows at most 3, trailing
    zeros dropped."""
    if value is None:
        return ""
    locale = QLocale()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, Decimal):
        places = decimals if decimals is not None else max(0, -int(value.as_tuple().exponent))
        return locale.toString(float(value), "f", places)
    if decimals is not None:
        return locale.toString(float(value), "f", decimals)
    text = locale.toString(float(value), "f", 3)
    point = locale.decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def quantity(value: float | int | Decimal | None, unit: str, decimals: int | None = None) -> str:
    """A value with its unit: `12,345 g`, `3,2 s`, `650 personnes` is `number` + unit."""
    if value is None:
        return ""
    return f"{number(value, decimals)}\u00a0{unit}"


def percent(fraction: float | None, decimals: int = 1) -> str:
    """A fraction (0.873) as `87,3 %` in French (a space before %), `87.3%` in English: the
    core's `percent_text` with the user's decimal mark."""
    return percent_text(fraction, decimals, QLocale().decimalPoint())


def date_text(day: date | None) -> str:
    """`04/03/2026` (the locale's short date)."""
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def time_text(moment: time | datetime | None, zone: tzinfo | None = None) -> str:
    """`14:05` (the locale's short time); an aware date-time is shown in `zone` first."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        if zone is not None and moment.tzinfo is not None:
            moment = moment.astimezone(zone)
        moment = moment.time()
    return QLocale().toString(
        QTime(moment.hour, moment.minute, moment.second), QLocale.FormatType.ShortFormat
    )


def datetime_text(moment: datetime | None, zone: tzinfo | None = None) -> str:
    """`04/03/2026 14:05`; an aware date-time is shown in `zone` (the plant's time zone)."""
    if moment is None:
        return ""
    if zone is not None and moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return QLocale().toString(value, QLocale.FormatType.ShortFormat)


def display(value: Any) -> str:
    """Any table cell in the user's conventions (dates, numbers); other values as text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, time):
        return time_text(value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return number(value)
    return str(value)


def parse_number(text: str) -> Decimal:
    """What a person typed, in their locale: `12,345` is 12.345 in French (a point works too),
    and 12345 in English (`,` groups thousands there). Raises ValueError when not a number."""
    locale = QLocale()
    return parse_decimal(
        text, decimal_point=locale.decimalPoint(), group_separator=locale.groupSeparator()
    )


def localized(message: Message) -> Message:
    """The same message with its decimal numbers and dates written the user's way, for
    `ui.messages.render`: the core fills templates with `str()`, which gives `12.345` on a
    French screen. Whole numbers stay as they are (years, line numbers, ids)."""
    params = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            params[key] = localized(value)
        elif isinstance(value, Decimal | float) or (
            isinstance(value, date) and not isinstance(value, datetime)
        ):
            params[key] = display(value)
        else:
            params[key] = value
    return Message(message.template, params)
