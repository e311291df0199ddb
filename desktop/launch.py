"""How this run was launched: the workstation config and the database, from the global options.

One place holds the precedence, so every command and the window agree on which config file and
which database they use. Qt-free and resolved lazily: `linedesk --version` reads nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.config import WorkstationConfig
    from desktop.storage.database import Database


@dataclass
class Launch:
    """What every command needs, resolved lazily from the global options."""

    config_file: Path | None
    database_option: str | None
    _config: WorkstationConfig | None = field(default=None, init=False)

    @property
    def config(self) -> WorkstationConfig:
        """--config, else the default config file when it exists, else the defaults."""
        if self._config is None:
            from desktop import config, paths

            if self.config_file is not None:
                self._config = config.load(self.config_file)
            elif paths.default_config_file().exists():
                self._config = config.load(paths.default_config_file())
            else:
                self._config = config.defaults()
        return self._config

    def database_url(self) -> str:
        """First found wins: --database, LINEDESK_DATABASE_URL, the config file, the default."""
        from desktop import paths

        if self.database_option:
            return self.database_option
        if os.environ.get("LINEDESK_DATABASE_URL"):
            return os.environ["LINEDESK_DATABASE_URL"]
        if self.config.database_url:
            return self.config.database_url
        return paths.sqlite_url(paths.plant_database_file())

    def demo_database_url(self) -> str:
        """The demo plant's own file, unless --database names another database explicitly."""
        from desktop import paths

        return self.database_option or paths.sqlite_url(paths.demo_database_file())

    def open_database(self, url: str | None = None, *, create: bool = True) -> Database:
        from desktop.startup import open_database

        return open_database(url or self.database_url(), create=create)
