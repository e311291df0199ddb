"""Employees: the people of the plant (personal data, GDPR: see the people services)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.models.base import Base


class Employee(Base):
    """An employee; counts on day D when hire_date <= D and (no end_date or D <= end_date)."""

    __tablename__ = "employee"

    id: Mapped[int] = mapped_column(primary_key=True)
    badge: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(32), default="production")
    job: Mapped[str] = mapped_column(String(100), default="")
    contract: Mapped[str] = mapped_column(String(16), default="CDI")
    hire_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    crew_id: Mapped[int | None] = mapped_column(ForeignKey("crew.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime]
