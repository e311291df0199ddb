"""The plant settings table (desktop/services/plant_settings.py): each kind goes in and comes
back typed, defaults apply while nothing valid is stored, and an unknown setting or a wrong
value is refused with nothing written."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop.domain.messages import InputError
from desktop.services import plant, plant_settings
from desktop.services.plant_settings import (
    ANONYMISE_AFTER_YEARS,
    DEMO,
    EXPANSION_GWH,
    LOCKOUT_MINUTES,
    SETTINGS,
    STAFF_PER_GWH,
    Setting,
)
from desktop.storage.models import Setting as SettingRow


def _stored(session) -> int:  # noqa: ANN001
    return session.scalar(select(func.count()).select_from(SettingRow)) or 0


def test_every_setting_is_declared_once_with_its_help() -> None:
    keys = [s.key for s in SETTINGS]
    assert len(keys) == len(set(keys))
    assert all(s.help for s in SETTINGS)


@pytest.mark.parametrize(
    ("setting", "value", "text"),
    [
        (LOCKOUT_MINUTES, 30, "30"),
        (STAFF_PER_GWH, 80.5, "80.5"),
        (EXPANSION_GWH, (12.0, 20.5), "12.0,20.5"),
        (DEMO, True, "true"),
    ],
    ids=["whole number", "number", "numbers", "flag"],
)
def test_a_value_comes_back_as_it_went_in(database, setting: Setting, value, text: str) -> None:  # noqa: ANN001
    with database.unit_of_work() as session:
        plant_settings.write(session, setting, value)
    with database.reading() as session:
        assert plant.get_setting(session, setting.key) == text
        assert plant_settings.read(session, setting) == value
        assert type(plant_settings.read(session, setting)) is type(value)


def test_defaults_apply_while_nothing_valid_is_stored(database) -> None:  # noqa: ANN001
    with database.unit_of_work() as session:
        assert plant_settings.read(session, LOCKOUT_MINUTES) == 15
        assert plant_settings.read(session, ANONYMISE_AFTER_YEARS) == 5
        assert plant_settings.read(session, DEMO) is False
        assert plant_settings.read(session, STAFF_PER_GWH) == 100.0  # 1,000 people for 10 GWh
        plant.put_setting(session, LOCKOUT_MINUTES.key, "soon")
        plant.put_setting(session, ANONYMISE_AFTER_YEARS.key, "99")
        assert plant_settings.read(session, LOCKOUT_MINUTES) == 15
        assert plant_settings.read(session, ANONYMISE_AFTER_YEARS) == 5


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (LOCKOUT_MINUTES, "30", "expected a whole number"),
        (LOCKOUT_MINUTES, True, "expected a whole number"),
        (LOCKOUT_MINUTES, 5000, "0 to 1,440 minutes"),
        (STAFF_PER_GWH, "80", "expected a number"),
        (STAFF_PER_GWH, 0, "between 0 and 10,000"),
        (ANONYMISE_AFTER_YEARS, 2.5, "expected a whole number"),
        (EXPANSION_GWH, (12.0, "x"), "expected a list of numbers"),
        (EXPANSION_GWH, (), "between 0 and 1,000 GWh"),
        (DEMO, "true", "expected true or false"),
    ],
)
def test_a_wrong_value_is_refused_and_nothing_written(
    database,  # noqa: ANN001
    setting: Setting,
    value: object,
    message: str,
) -> None:
    with database.unit_of_work() as session:
        before = _stored(session)
        with pytest.raises(InputError, match=message):
            plant_settings.write(session, setting, value)
        assert _stored(session) == before
        assert plant.get_setting(session, setting.key) is None


def test_an_unknown_setting_is_refused_by_name(database) -> None:  # noqa: ANN001
    with pytest.raises(InputError, match="Unknown plant setting 'people.nonsense'; known: demo"):
        plant_settings.setting("people.nonsense")
    assert plant_settings.setting("demo") is DEMO
    stray = replace(LOCKOUT_MINUTES, key="security.other")
    with database.unit_of_work() as session:
        with pytest.raises(InputError, match="Unknown plant setting 'security.other'"):
            plant_settings.write(session, stray, 5)
        with pytest.raises(InputError, match="Unknown plant setting 'security.other'"):
            plant_settings.read(session, stray)
        assert plant.get_setting(session, "security.other") is None
