"""Roles and what each may do: the permission matrix the services enforce."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.messages import QT_TRANSLATE_NOOP


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    QA = "qa"
    HR = "hr"
    ADMIN = "admin"


class Permission(StrEnum):
    VIEW_PLANT = "view_plant"
    EDIT_MASTER_DATA = "edit_master_data"
    SEED_DEMO = "seed_demo"
    VIEW_PRODUCTION = "view_production"
    RECORD_DOWNTIME = "record_downtime"
    EDIT_PRODUCTION_TARGETS = "edit_production_targets"
    RUN_LINE_SIMULATOR = "run_line_simulator"
    VIEW_HEADCOUNT = "view_headcount"
    VIEW_EMPLOYEES = "view_employees"
    VIEW_PERSONAL_DATA = "view_personal_data"
    EDIT_EMPLOYEES = "edit_employees"
    OVERRIDE_CERTIFICATION = "override_certification"
    MANAGE_USERS = "manage_users"
    VIEW_MASTER_DATA = "view_master_data"
    VIEW_AUDIT = "view_audit"
    OPERATE_STATION = "operate_station"
    VIEW_GENEALOGY = "view_genealogy"
    PLACE_HOLD = "place_hold"
    RELEASE_HOLD = "release_hold"
    IMPORT_GENEALOGY = "import_genealogy"
    EDIT_ROUTES = "edit_routes"
    VIEW_SHIFTS = "view_shifts"
    EDIT_ROSTER = "edit_roster"
    CLOCK_ATTENDANCE = "clock_attendance"
    CORRECT_ATTENDANCE = "correct_attendance"
    WRITE_HANDOVER = "write_handover"


ROLE_NAMES = {
    Role.OPERATOR: QT_TRANSLATE_NOOP("Messages", "Operator"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Messages", "Supervisor"),
    Role.QA: QT_TRANSLATE_NOOP("Messages", "Quality"),
    Role.HR: QT_TRANSLATE_NOOP("Messages", "Human resources"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Messages", "Administrator"),
}

_EVERYONE = frozenset(Role)

MATRIX: dict[Permission, frozenset[Role]] = {
    Permission.VIEW_PLANT: _EVERYONE,
    Permission.EDIT_MASTER_DATA: frozenset({Role.ADMIN}),
    Permission.SEED_DEMO: frozenset({Role.ADMIN}),
    Permission.VIEW_PRODUCTION: _EVERYONE,
    Permission.RECORD_DOWNTIME: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.EDIT_PRODUCTION_TARGETS: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.RUN_LINE_SIMULATOR: frozenset({Role.ADMIN}),
    # People (GDPR): counts for managers; names, crews and skills for supervisors; contracts and
    # personal details for HR and admin only; an operator sees their own record (services).
    Permission.VIEW_HEADCOUNT: frozenset({Role.SUPERVISOR, Role.QA, Role.HR, Role.ADMIN}),
    Permission.VIEW_EMPLOYEES: frozenset({Role.SUPERVISOR, Role.HR, Role.ADMIN}),
    Permission.VIEW_PERSONAL_DATA: frozenset({Role.HR, Role.ADMIN}),
    Permission.EDIT_EMPLOYEES: frozenset({Role.HR, Role.ADMIN}),
    Permission.OVERRIDE_CERTIFICATION: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
    Permission.VIEW_MASTER_DATA: frozenset({Role.SUPERVISOR, Role.QA, Role.ADMIN}),
    Permission.VIEW_AUDIT: frozenset({Role.QA, Role.ADMIN}),
    # Genealogy: operators record at stations; supervisors and QA hold material, QA releases.
    Permission.OPERATE_STATION: frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.QA, Role.ADMIN}),
    Permission.VIEW_GENEALOGY: frozenset({Role.SUPERVISOR, Role.QA, Role.ADMIN}),
    Permission.PLACE_HOLD: frozenset({Role.SUPERVISOR, Role.QA, Role.ADMIN}),
    Permission.RELEASE_HOLD: frozenset({Role.QA, Role.ADMIN}),
    Permission.IMPORT_GENEALOGY: frozenset({Role.QA, Role.ADMIN}),
    Permission.EDIT_ROUTES: frozenset({Role.ADMIN}),
    # Shifts: supervisors plan, hand over and correct clockings; HR sees and corrects attendance
    # (payroll); a badge clocks in at any station PC. Patterns and holidays are master data.
    Permission.VIEW_SHIFTS: frozenset({Role.SUPERVISOR, Role.HR, Role.ADMIN}),
    Permission.EDIT_ROSTER: frozenset({Role.SUPERVISOR, Role.ADMIN}),
    Permission.CLOCK_ATTENDANCE: frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.QA, Role.ADMIN}),
    Permission.CORRECT_ATTENDANCE: frozenset({Role.SUPERVISOR, Role.HR, Role.ADMIN}),
    Permission.WRITE_HANDOVER: frozenset({Role.SUPERVISOR, Role.ADMIN}),
}


# Permissions that only choose what the navigation shows; the data behind them is guarded by
# the services' own permissions (the role test checks that every other one is enforced there).
NAVIGATION_ONLY = frozenset({Permission.VIEW_MASTER_DATA})


def allowed(role: Role, permission: Permission) -> bool:
    return role in MATRIX[permission]
