"""Loading the language: the catalogue compiled at first start, reused, recompiled when newer."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop import paths
from ui.i18n import (
    choose_language,
    compiled_catalogue,
    find_lrelease,
    install_translators,
    remove_translators,
)

needs_lrelease = pytest.mark.skipif(find_lrelease() is None, reason="no lrelease")


def test_a_setting_wins_over_the_system_locale() -> None:
    assert choose_language("fr") == "fr"
    assert choose_language("en") == "en"
    assert choose_language("system") in ("fr", "en")


@needs_lrelease
def test_the_catalogue_is_compiled_once_then_again_when_the_source_changes(tmp_path: Path) -> None:
    sources, cache = tmp_path / "sources", tmp_path / "cache"
    sources.mkdir()
    shutil.copyfile(paths.RESOURCES / "translations" / "linedesk_fr.ts", sources / "linedesk_fr.ts")
    first = compiled_catalogue(sources, cache, "fr")
    assert first == cache / "linedesk_fr.qm" and first.stat().st_size > 1000
    stamp = first.stat().st_mtime_ns
    assert compiled_catalogue(sources, cache, "fr") == first
    assert first.stat().st_mtime_ns == stamp  # not compiled again
    later = stamp / 1e9 + 10
    os.utime(sources / "linedesk_fr.ts", (later, later))
    compiled_catalogue(sources, cache, "fr")
    assert first.stat().st_mtime_ns != stamp


def test_a_shipped_catalogue_is_used_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "linedesk_fr.qm").write_bytes(b"shipped")
    assert compiled_catalogue(tmp_path, tmp_path / "cache", "fr") == tmp_path / "linedesk_fr.qm"
    assert compiled_catalogue(tmp_path, tmp_path / "cache", "de") is None


@needs_lrelease
def test_french_translates_and_formats_then_english_comes_back(qapp, tmp_path: Path) -> None:
    translators = install_translators(
        qapp, "fr", paths.RESOURCES / "translations", tmp_path / "cache"
    )
    try:
        assert len(translators) == 2
        assert QCoreApplication.translate("MainWindow", "Sign out") == "Se déconnecter"
        assert QLocale().toString(12.345, "f", 3) == "12,345"
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("MainWindow", "Sign out") == "Sign out"
    assert QLocale().toString(12.345, "f", 3) == "12.345"
