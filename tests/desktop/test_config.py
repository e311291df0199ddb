"""The workstation config file: a wrong key or value names the file, the key, what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import config
from desktop.paths import RESOURCES


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "linedesk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_is_loaded(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[workstation]\nstations = ["FILL-1"]\nlanguage = "fr"\n'
        '[database]\nurl = "sqlite:///x.db"\n',
    )
    loaded = config.load(path)
    assert loaded.stations == ["FILL-1"]
    assert loaded.language == "fr"
    assert loaded.database_url == "sqlite:///x.db"
    assert loaded.get("workstation", "idle_lock_minutes") == 5


def test_the_annotated_example_lists_every_option_and_loads(tmp_path: Path) -> None:
    example = RESOURCES / "linedesk.example.toml"
    text = example.read_text(encoding="utf-8")
    for option in config.OPTIONS:
        assert f"{option.key} = " in text
    assert config.load(example).values == config.defaults().values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[workstation]\nstaions = []\n",
            "workstation.staions: unknown key; allowed in [workstation]: stations",
        ),
        (
            '[workstation]\nlanguage = "de"\n',
            "workstation.language: 'de' is not allowed; allowed: system, fr, en",
        ),
        ('[workstation]\nstations = "FILL-1"\n', "workstation.stations: expected a list of texts"),
        (
            "[workstation]\nidle_lock_minutes = 999\n",
            "workstation.idle_lock_minutes: 999 is out of range; allowed: 0 to 240",
        ),
        (
            "[workstation]\nidle_lock_minutes = true\n",
            "workstation.idle_lock_minutes: expected a whole number",
        ),
        ("[printer]\nname = 1\n", "printer: unknown section"),
        ('[devices.printer]\nport = "x"\n', "devices.printer: unknown device"),
        ("[workstation\n", "is not valid TOML"),
    ],
)
def test_wrong_keys_and_values_name_file_key_and_what_is_allowed(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(config.ConfigError) as caught:
        config.load(path)
    assert str(path) in str(caught.value)
    assert expected in str(caught.value)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(config.ConfigError, match="Config file not found"):
        config.load(tmp_path / "nope.toml")
