"""Numbers and dates follow the interface language: decimal comma and `;` CSV in French."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from ui import formatting as f


@pytest.fixture
def french(qapp) -> Iterator[None]:
    QLocale.setDefault(QLocale("fr_FR"))
    yield
    QLocale.setDefault(QLocale("en_GB"))


@pytest.fixture
def english(qapp) -> Iterator[None]:
    QLocale.setDefault(QLocale("en_GB"))
    yield


def test_french_numbers_take_a_decimal_comma(french) -> None:
    assert f.quantity(Decimal("12.345"), "g") == "12,345\u00a0g"
    assert f.number(Decimal("1234.50")) == "1\u202f234,50"
    assert f.number(0.5) == "0,5"
    assert f.number(5973) == "5\u202f973"
    assert f.percent(0.873) == "87,3\u202f%"


def test_english_numbers_take_a_point(english) -> None:
    assert f.quantity(Decimal("12.345"), "g") == "12.345\u00a0g"
    assert f.number(5973) == "5,973"
    assert f.percent(0.873) == "87.3%"


def test_dates_and_times_in_the_locale_and_plant_zone(french) -> None:
    paris = ZoneInfo("Europe/Paris")
    assert f.date_text(date(2026, 3, 4)) == "04/03/2026"
    moment = datetime(2026, 7, 1, 12, 5, tzinfo=UTC)
    assert f.datetime_text(moment, paris) == "01/07/2026 14:05"
    assert f.time_text(time(6, 0)) == "06:00"
    assert f.display(date(2026, 3, 4)) == "04/03/2026"
    assert f.display(Decimal("2.5")) == "2,5"
    assert f.display("LOT-1.5") == "LOT-1.5"


def test_input_in_french_reads_a_comma_or_a_point(french) -> None:
    assert f.parse_number("12,345") == Decimal("12.345")
    assert f.parse_number(" 1\u202f234,5 ") == Decimal("1234.5")
    assert f.parse_number("12.5") == Decimal("12.5")
    for bad in ("", "12,3,4", "abc", "nan", "1.2.3"):
        with pytest.raises(ValueError):
            f.parse_number(bad)


def test_input_in_english_takes_commas_as_groups(english) -> None:
    assert f.parse_number("12,345") == Decimal("12345")
    assert f.parse_number("12.345") == Decimal("12.345")


def test_csv_export_in_french_uses_semicolons_and_decimal_commas(french, tmp_path) -> None:
    from ui.csv_export import write_csv

    target = tmp_path / "out.csv"
    write_csv(target, ["lot", "poids"], [["LOT-1", 12.345]])
    assert target.read_text(encoding="utf-8-sig").splitlines() == ["lot;poids", "LOT-1;12,345"]


def test_core_messages_get_french_numbers_and_dates(french) -> None:
    from desktop.domain.messages import Message

    message = Message(
        "{what} {measured} {unit} on {day}, line {line}",
        {
            "what": Message("Fill"),
            "measured": Decimal("12.345"),
            "unit": "g",
            "day": date(2026, 3, 4),
            "line": 2026,
        },
    )
    assert f.localized(message).render() == "Fill 12,345 g on 04/03/2026, line 2026"


def test_core_messages_show_decimals_the_french_way(qapp) -> None:
    from decimal import Decimal

    from PySide6.QtCore import QLocale

    from desktop.domain.messages import InputError
    from ui.messages import render

    QLocale.setDefault(QLocale("fr_FR"))
    try:
        error = InputError(
            "Fill {fill} g is out of {target} g", fill=Decimal("181.85"), target=180.0
        )
        assert render(error) == "Fill 181,85 g is out of 180 g"
    finally:
        QLocale.setDefault(QLocale("en_GB"))
