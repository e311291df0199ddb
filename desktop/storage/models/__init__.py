"""Typed SQLAlchemy models, one module per part of the plant (plant, security, genealogy...).

Every module in this package is imported here, so `Base.metadata` always holds the whole schema
(Alembic and the schema test compare against it).
"""

from __future__ import annotations

import importlib
import pkgutil

from desktop.storage.models.base import NAMING_CONVENTION, Base
from desktop.storage.models.plant import (
    Crew,
    Line,
    Setting,
    ShiftDefinition,
    ShiftPattern,
    Site,
    Station,
    StationType,
)

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "NAMING_CONVENTION",
    "Base",
    "Crew",
    "Line",
    "Setting",
    "ShiftDefinition",
    "ShiftPattern",
    "Site",
    "Station",
    "StationType",
]
