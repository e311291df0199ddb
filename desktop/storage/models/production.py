"""Production: units completed at stations, their minute totals, downtime, station rates.

`production_event` is one unit completed at a station (pass or NG), written by station scanning
and by the line simulator alike. Its integer id is the cheap polling cursor of live views; its
UUID lets events from many PCs merge. `production_minute` holds the same events summed per
station and minute, kept in the same transaction as the events, so shift figures and charts read
a few thousand rows whatever the event rate (and the demo's seeded history is written there
only).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.models.base import Base

EVENT_ID = BigInteger().with_variant(Integer(), "sqlite")  # SQLite's rowid must be INTEGER


class ProductionEvent(Base):
    __tablename__ = "production_event"
    __table_args__ = (Index("ix_production_event_station_at", "station_id", "at"),)

    id: Mapped[int] = mapped_column(EVENT_ID, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"))
    at: Mapped[datetime]
    unit_id: Mapped[str | None] = mapped_column(String(64))
    passed: Mapped[bool] = mapped_column(Boolean)
    cycle_seconds: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(16), default="station")


class ProductionMinute(Base):
    """Units and NG of a station in one minute (UTC, start of the minute)."""

    __tablename__ = "production_minute"
    __table_args__ = (Index("ix_production_minute_minute", "minute"),)

    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), primary_key=True)
    minute: Mapped[datetime] = mapped_column(primary_key=True)
    units: Mapped[int] = mapped_column(Integer, default=0)
    ng: Mapped[int] = mapped_column(Integer, default=0)


class Downtime(Base):
    """A stop of a station: entered by a supervisor (with a reason) or detected (reason
    'unexplained' until someone gives one). `planned` stops (breaks, changeovers) do not count
    against availability. An open stop has no end yet."""

    __tablename__ = "downtime"
    __table_args__ = (Index("ix_downtime_station_start", "station_id", "start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"))
    start: Mapped[datetime]
    end: Mapped[datetime | None]
    reason: Mapped[str] = mapped_column(String(32))
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class StationRate(Base):
    """A station's production settings; empty values mean the defaults from capacity.

    `last_event_at` is the newest completion seen, kept here so stop detection at each event
    reads one row instead of searching the events."""

    __tablename__ = "station_rate"

    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), primary_key=True)
    ideal_cycle_seconds: Mapped[float | None] = mapped_column(Float)
    target_per_hour: Mapped[float | None] = mapped_column(Float)
    stop_multiple: Mapped[float | None] = mapped_column(Float)
    last_event_at: Mapped[datetime | None]
