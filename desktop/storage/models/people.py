"""People: employees, their effective-dated assignments, certifications, requisitions and the
hiring plan (personal data, GDPR: the people services decide who sees what)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.storage.models.base import Base


class Employee(Base):
    """An employee; counts on day D when hire_date <= D and (no end_date or D <= end_date).

    department, job, contract and crew_id hold the current assignment (the latest row of
    `employee_assignment`); the history of assignments makes breakdowns on past dates exact.
    status is `active` or `anonymised` (a leaver whose name and badge were erased).
    """

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


class EmployeeAssignment(Base):
    """Department, job, contract and crew of an employee from `valid_from` on (effective-dated).

    The assignment in force on day D is the one with the latest valid_from <= D; the first one
    starts on the hire date (or earlier, after a hire date is corrected).
    """

    __tablename__ = "employee_assignment"
    __table_args__ = (UniqueConstraint("employee_id", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    department: Mapped[str] = mapped_column(String(32))
    job: Mapped[str] = mapped_column(String(100))
    contract: Mapped[str] = mapped_column(String(16))
    crew_id: Mapped[int | None] = mapped_column(ForeignKey("crew.id"))
    recorded_at: Mapped[datetime]


class Certification(Base):
    """What an employee may do at a station type: trainee, qualified or trainer, until a date."""

    __tablename__ = "certification"
    __table_args__ = (UniqueConstraint("employee_id", "station_type_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employee.id"), index=True)
    station_type_code: Mapped[str] = mapped_column(ForeignKey("station_type.code"), index=True)
    level: Mapped[str] = mapped_column(String(16))
    valid_until: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime]


class Requisition(Base):
    """An approved opening to hire for (open until filled or cancelled)."""

    __tablename__ = "requisition"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    department: Mapped[str] = mapped_column(String(32))
    job: Mapped[str] = mapped_column(String(100))
    contract: Mapped[str] = mapped_column(String(16))
    positions: Mapped[int] = mapped_column(Integer, default=1)
    opened_on: Mapped[date] = mapped_column(Date)
    wanted_by: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)


class HiringPlanPoint(Base):
    """The planned headcount at the end of a month (the plan's way to the staffing target)."""

    __tablename__ = "hiring_plan"

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    planned_headcount: Mapped[int] = mapped_column(Integer)
