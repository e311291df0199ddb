"""The plant's master data: site, station types, lines, stations, crews, shift patterns.

Business ids (line and station codes, crew letters) are unique keys; surrogate integer keys join
the tables.
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.storage.models.base import Base


class Site(Base):
    """The plant. One row today; the table keeps a second site possible."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    time_zone: Mapped[str] = mapped_column(String(64))
    staffing_target: Mapped[int] = mapped_column(Integer)
    capacity_gwh: Mapped[float]
    packs_per_year: Mapped[int] = mapped_column(Integer)
    production_start: Mapped[str] = mapped_column(String(10))

    lines: Mapped[list[Line]] = relationship(back_populates="site", order_by="Line.code")


class StationType(Base):
    """A stage of the process chain (mixing ... pack assembly)."""

    __tablename__ = "station_type"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    line_kind: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)


class Line(Base):
    __tablename__ = "line"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    site: Mapped[Site] = relationship(back_populates="lines")
    stations: Mapped[list[Station]] = relationship(
        back_populates="line", order_by="Station.position"
    )


class Station(Base):
    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)
    station_type_code: Mapped[str] = mapped_column(ForeignKey("station_type.code"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    line: Mapped[Line] = relationship(back_populates="stations")
    station_type: Mapped[StationType] = relationship()


class Crew(Base):
    """A crew (équipe) A-E rotating through the shift pattern."""

    __tablename__ = "crew"
    __table_args__ = (UniqueConstraint("site_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(100))


class ShiftPattern(Base):
    """A way of cutting the day into shifts (3x8 by default, 2x12 as an alternative)."""

    __tablename__ = "shift_pattern"
    __table_args__ = (UniqueConstraint("site_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=False)

    shifts: Mapped[list[ShiftDefinition]] = relationship(
        back_populates="pattern", order_by="ShiftDefinition.sequence"
    )


class ShiftDefinition(Base):
    """One shift of a pattern in plant time; an end at or before the start is the next day."""

    __tablename__ = "shift_definition"
    __table_args__ = (UniqueConstraint("pattern_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pattern_id: Mapped[int] = mapped_column(ForeignKey("shift_pattern.id"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)

    pattern: Mapped[ShiftPattern] = relationship(back_populates="shifts")


class Setting(Base):
    """Plant-wide settings stored in the database (the workstation's own live in its TOML)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]
