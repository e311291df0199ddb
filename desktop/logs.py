"""Logging to a rotating file in the user log folder, so a crash at 5 a.m. leaves a trace."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop import paths

LOG_NAME = "linedesk.log"


def configure_logging(level: int = logging.INFO) -> Path:
    """Add the rotating file handler once; returns the log file's path."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / LOG_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == target
        ):
            return target
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return target
