"""Lot genealogy and station operation: items, genealogy links, holds, routes, recipes, the
lots loaded at stations and every scan (accepted or rejected).

Items join by integer surrogate keys (links stay small and traces fast); the business id printed
on the label is the unique key people use. Stations are referred to by their code as a string: an
older MES's links keep station names the master data does not know.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.models.base import Base

QUANTITY = Numeric(18, 6)
DEFERRABLE = {"deferrable": True, "initially": "IMMEDIATE"}


class Item(Base):
    """A lot (raw, intermediate) or a serialised unit (cell, module, pack).

    `remaining` is what is left to consume (lots: partially, by quantity; units: 1 or 0).
    `held` is true while a hold on this very item is active (`item_hold` keeps who and why);
    items made from it are blocked through their ancestry, not by copying the flag.
    `route_position` is the last route step a unit completed (None: not tracked, e.g. imported).
    """

    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    business_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    material: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    remaining: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    held: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    station: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(String(64))
    route_position: Mapped[int | None] = mapped_column(Integer)
    last_station: Mapped[str | None] = mapped_column(String(64))
    event_id: Mapped[str | None] = mapped_column(String(36))
    # The import run that stored the item (None: made at a station or by hand); readers see it
    # only once that run is committed. No foreign key: adding one would make SQLite copy the
    # table at the migration, and the run's rows are checked by the import itself.
    import_run: Mapped[int | None] = mapped_column(Integer)


class GenealogyLink(Base):
    """Parent consumed into child: how much, when, where and by whom.

    The unique key (child, parent, time) makes a re-import change nothing and doubles as the
    index of backward traces; (parent, child) serves forward traces.
    """

    __tablename__ = "genealogy_link"
    __table_args__ = (
        UniqueConstraint("child_id", "parent_id", "linked_at"),
        Index("ix_genealogy_link_parent_id", "parent_id", "child_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Deferrable: a bulk import stores links before the items they name (checked at commit).
    parent_id: Mapped[int] = mapped_column(ForeignKey("item.id", **DEFERRABLE))
    child_id: Mapped[int] = mapped_column(ForeignKey("item.id", **DEFERRABLE))
    quantity: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[str] = mapped_column(String(8))
    linked_at: Mapped[datetime]
    station: Mapped[str | None] = mapped_column(String(64))
    operator: Mapped[str | None] = mapped_column(String(64))
    event_id: Mapped[str | None] = mapped_column(String(36))
    import_run: Mapped[int | None] = mapped_column(Integer)  # as `Item.import_run`


class ImportRun(Base):
    """One bulk import, stored in short committed slices and invisible until `state` is
    "committed" (the run's last, tiny commit). A run left "running" by a process that died, or
    "abandoned" (bad input, cancel), is removed by the next import; until then its rows stay
    invisible. `items_after` / `links_after` are the highest ids before the run started: the
    run's rows all lie above them, so the clean-up walks id ranges instead of an index."""

    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime]
    started_by: Mapped[str] = mapped_column(String(64))
    finished_at: Mapped[datetime | None]
    items_after: Mapped[int] = mapped_column(Integer)
    links_after: Mapped[int] = mapped_column(Integer)


class ItemHold(Base):
    """A QA hold on an item: placed with a reason, released with a reason and a signature."""

    __tablename__ = "item_hold"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    placed_at: Mapped[datetime]
    placed_by: Mapped[str] = mapped_column(String(64))
    released_at: Mapped[datetime | None]
    released_by: Mapped[str | None] = mapped_column(String(64))
    release_reason: Mapped[str | None] = mapped_column(Text)
    signature_meaning: Mapped[str | None] = mapped_column(String(16))


class Route(Base):
    """The order of station types a unit of `kind` (and `material`, when given) passes."""

    __tablename__ = "route"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    material: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime]


class RouteStep(Base):
    __tablename__ = "route_step"
    __table_args__ = (UniqueConstraint("route_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("route.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    station_type: Mapped[str] = mapped_column(ForeignKey("station_type.code"))


class Recipe(Base):
    """A target and tolerance for one parameter of one product at one station type.

    Filling: product = the cell design (the cell's material), parameter "electrolyte fill".
    Mixing: product = the slurry, parameter = the powder material of an addition.
    Other stations: parameter = an input material, target = the quantity each output consumes.
    """

    __tablename__ = "recipe"
    __table_args__ = (UniqueConstraint("station_type", "product", "parameter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_type: Mapped[str] = mapped_column(ForeignKey("station_type.code"))
    product: Mapped[str] = mapped_column(String(64))
    parameter: Mapped[str] = mapped_column(String(64))
    target: Mapped[Decimal] = mapped_column(QUANTITY)
    tolerance: Mapped[Decimal] = mapped_column(QUANTITY)
    unit: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))


class StationLoad(Base):
    """A lot loaded at a station (role "material") or the container being built there
    (role "container"); ended when unloaded, emptied or the container is full."""

    __tablename__ = "station_load"

    id: Mapped[int] = mapped_column(primary_key=True)
    station: Mapped[str] = mapped_column(String(64), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    loaded_at: Mapped[datetime]
    loaded_by: Mapped[str] = mapped_column(String(64))
    unloaded_at: Mapped[datetime | None]


class ScanEvent(Base):
    """Every scan at a station, accepted or rejected: who, what, where, when, the verdict and
    why. `event_id` is the UUID the station gave it (stations merge without conflicts, and a
    retried scan is recognised)."""

    __tablename__ = "scan_event"
    __table_args__ = (Index("ix_scan_event_station", "station", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime]
    station: Mapped[str] = mapped_column(String(64))
    username: Mapped[str | None] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(128))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("item.id"), index=True)
    verdict: Mapped[str] = mapped_column(String(8))
    action: Mapped[str | None] = mapped_column(String(16))
    rejection: Mapped[str | None] = mapped_column(String(24))
    message: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text, default="{}")
    override_by: Mapped[str | None] = mapped_column(String(64))
