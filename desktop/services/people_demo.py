"""The demo plant's people: 650 employees today, hired since early 2024 (before the plant opened
on 3 June 2025), leavers along the way, contract conversions as effective-dated changes, a
cell plant's department and contract mix, certifications (some expiring soon, a few expired),
open requisitions and a hiring plan to 1,000 by the end of 2027.

Deterministic (a fixed random seed) and relative to today, so "650 today" holds whenever the
demo is seeded. Written with Core batch inserts and one audit row.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, insert, select

from desktop.domain.people import PLANT_OPENING
from desktop.domain.plant import STATION_TYPES
from desktop.domain.plant_time import utc_now
from desktop.domain.roles import Permission
from desktop.services import audit
from desktop.services.actor import Actor
from desktop.services.employee_history import crew_ids
from desktop.services.people_settings import save_people_settings
from desktop.services.shifts import plant_today
from desktop.storage.database import Database
from desktop.storage.models.people import (
    Certification,
    Employee,
    EmployeeAssignment,
    HiringPlanPoint,
    Requisition,
)

TODAY_HEADCOUNT = 650
FIRST_HIRE = date(2024, 2, 5)
PLAN_END = date(2027, 12, 1)

# The employees the demo users are: the users' seeding links to them by badge.
DEMO_STAFF = (
    ("BADGE-900001", "Camille Operator", "production", "Opératrice de production", "A"),
    ("BADGE-900002", "Sam Supervisor", "production", "Chef d'équipe", "A"),
    ("BADGE-900003", "Quinn Quality", "quality", "Ingénieure qualité", None),
    ("BADGE-900004", "Harper HR", "support", "Chargée RH", None),
    ("BADGE-900005", "Alex Admin", "engineering", "Ingénieur informatique industrielle", None),
)

FIRST_NAMES = tuple(
    "Zoé,Léa,Chloé,Inès,Manon,Camille,Émilie,Sarah,Anaïs,Océane,Hélène,Maëlle,Noémie,"
    "Justine,Amélie,Nadia,Fatima,Yasmine,Sophie,Lucas,Hugo,Théo,Louis,Mathéo,Jérôme,"
    "François,Grégory,Karim,Mehdi,Julien,Sébastien,Nicolas,Antoine,Rémi,Loïc,Joël,"
    "Benoît,Cédric,Raphaël,Gaëtan,Stéphane,Mickaël,Olivier,Yannick,Bruno".split(",")
)
LAST_NAMES = tuple(
    "Martin,Bernard,Dubois,Lefèvre,Lefebvre,Leroy,Moreau,Fournier,Girard,Lambert,"
    "Bonnet,François,Mercier,Dupont,Caron,Delattre,D'Almeida,D'Hondt,Van der Berghe,"
    "Vandenbussche,Dewaele,Deprez,Lemaître,Delcroix,Wattiez,Carpentier,Lecoq,Benali,"
    "Haddad,Nguyen,Da Silva,O'Neill,Ducrocq,Hénon,Lécuyer,Bréhier,Rousseau,Lefort,"
    "Béghin".split(",")
)
# Department: (share, jobs, share in crews, contract weights CDI/CDD/interim/apprentice)
MIX = {
    "production": (
        0.58,
        ("Opérateur de production", "Conducteur de ligne", "Chef d'équipe", "Régleur"),
        0.95,
        (0.66, 0.12, 0.17, 0.05),
    ),
    "quality": (
        0.12,
        ("Technicien qualité", "Ingénieur qualité", "Laborantin"),
        0.7,
        (0.8, 0.1, 0.04, 0.06),
    ),
    "maintenance": (
        0.10,
        ("Technicien de maintenance", "Électromécanicien", "Automaticien"),
        0.8,
        (0.85, 0.07, 0.03, 0.05),
    ),
    "logistics": (
        0.09,
        ("Cariste", "Agent logistique", "Gestionnaire des flux"),
        0.6,
        (0.6, 0.12, 0.25, 0.03),
    ),
    "engineering": (
        0.07,
        ("Ingénieur procédés", "Ingénieur méthodes", "Ingénieur électrochimie"),
        0.0,
        (0.9, 0.03, 0.0, 0.07),
    ),
    "support": (
        0.04,
        ("Chargé RH", "Contrôleur de gestion", "Technicien HSE", "Acheteur"),
        0.0,
        (0.85, 0.08, 0.02, 0.05),
    ),
}
CONTRACT_CODES = ("CDI", "CDD", "interim", "apprentice")
CELL_STATION_TYPES = [t.code for t in STATION_TYPES]


def _hire_day(rng: random.Random, today: date) -> date:
    """45 % hired during the ramp before opening, the rest spread evenly since."""
    if rng.random() < 0.40:
        span = (PLANT_OPENING - FIRST_HIRE).days
        # the pre-opening ramp hires more and more towards the start of production
        return FIRST_HIRE + timedelta(days=int(span * rng.random() ** 0.6))
    span = (today - PLANT_OPENING).days
    return PLANT_OPENING + timedelta(days=rng.randrange(span + 1))


def seed_people(database: Database, actor: Actor) -> str:
    actor.require(Permission.EDIT_EMPLOYEES)
    rng = random.Random(20250603)
    now = utc_now()
    with database.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(Employee)):
            return "people already seeded"
        today = plant_today(session)
        crews = crew_ids(session)
        crew_codes = sorted(crews)
        departments = list(MIX)
        weights = [MIX[d][0] for d in departments]

        def person(hire: date, end: date | None) -> dict:
            department = rng.choices(departments, weights)[0]
            _share, jobs, in_crews, contracts = MIX[department]
            contract = rng.choices(CONTRACT_CODES, contracts)[0]
            return {
                "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "department": department,
                "job": rng.choice(jobs),
                "contract": contract,
                "hire_date": hire,
                "end_date": end,
                "crew": rng.choice(crew_codes) if rng.random() < in_crews else None,
            }

        staff: list[dict] = []
        for badge, name, department, job, crew in DEMO_STAFF:
            staff.append(
                {
                    "badge": badge,
                    "name": name,
                    "department": department,
                    "job": job,
                    "contract": "CDI",
                    "hire_date": FIRST_HIRE + timedelta(days=30 * len(staff)),
                    "end_date": None,
                    "crew": crew,
                }
            )
        for _ in range(TODAY_HEADCOUNT - len(DEMO_STAFF)):
            hire = _hire_day(rng, today)
            entry = person(hire, None)
            if entry["contract"] in ("CDD", "interim") and rng.random() < 0.35:
                # a fixed-term or agency contract that ends in the coming months
                entry["end_date"] = today + timedelta(days=rng.randrange(10, 200))
            staff.append(entry)
        # Leavers: about 8 % a year, and fixed-term contracts that ended.
        for _ in range(90):
            hire = _hire_day(rng, today - timedelta(days=45))
            last_possible = (today - timedelta(days=1) - hire).days
            end = hire + timedelta(days=rng.randrange(30, max(31, last_possible)))
            end = min(end, today - timedelta(days=1))
            staff.append(person(hire, end))
        staff.sort(key=lambda e: (e["hire_date"], e["name"]))
        number = 10001
        for entry in staff:
            if "badge" not in entry:
                entry["badge"] = f"E{number}"
                number += 1
        rows = [
            {
                "badge": e["badge"],
                "name": e["name"],
                "department": e["department"],
                "job": e["job"],
                "contract": e["contract"],
                "hire_date": e["hire_date"],
                "end_date": e["end_date"],
                "crew_id": crews[e["crew"]] if e["crew"] else None,
                "status": "active",
                "created_at": now,
            }
            for e in staff
        ]
        ids = session.scalars(
            insert(Employee).returning(Employee.id, sort_by_parameter_order=True), rows
        ).all()
        assignments = []
        conversions = 0
        for employee_id, row in zip(ids, rows, strict=True):
            first = {**row}
            last_day = row["end_date"] or today
            # about a third of those on CDI today came from a CDD or an agency contract
            converted_on = row["hire_date"] + timedelta(days=rng.randrange(150, 400))
            if (
                row["contract"] == "CDI"
                and not row["badge"].startswith("BADGE-")
                and converted_on <= last_day
                and rng.random() < 0.3
            ):
                first["contract"] = rng.choice(("CDD", "interim"))
                conversions += 1
                assignments.append(_assignment(employee_id, first, row["hire_date"], now))
                assignments.append(_assignment(employee_id, row, converted_on, now))
            else:
                assignments.append(_assignment(employee_id, row, row["hire_date"], now))
        session.execute(insert(EmployeeAssignment), assignments)

        certifications = []
        by_badge = dict(zip((r["badge"] for r in rows), ids, strict=True))
        for employee_id, row in zip(ids, rows, strict=True):
            counted = row["end_date"] is None or row["end_date"] >= today
            if not counted or row["department"] not in ("production", "quality"):
                continue
            if row["badge"].startswith("BADGE-"):
                continue
            for code in rng.sample(CELL_STATION_TYPES, rng.choice((1, 1, 2, 2, 3))):
                level = rng.choices(("trainee", "qualified", "trainer"), (0.12, 0.8, 0.08))[0]
                roll = rng.random()
                if roll < 0.04:
                    until = today - timedelta(days=rng.randrange(1, 60))  # expired
                elif roll < 0.12:
                    until = today + timedelta(days=rng.randrange(0, 30))  # expiring soon
                else:
                    until = today + timedelta(days=rng.randrange(31, 730))
                certifications.append(_cert(employee_id, code, level, until, now))
        # the demo users: the operator is qualified at filling and stacking, expired at mixing
        certifications += [
            _cert(by_badge["BADGE-900001"], "filling", "qualified", today + timedelta(400), now),
            _cert(by_badge["BADGE-900001"], "stacking", "trainee", today + timedelta(90), now),
            _cert(by_badge["BADGE-900001"], "mixing", "qualified", today - timedelta(20), now),
            _cert(by_badge["BADGE-900002"], "filling", "trainer", today + timedelta(20), now),
            _cert(by_badge["BADGE-900002"], "formation", "trainer", today + timedelta(300), now),
        ]
        session.execute(insert(Certification), certifications)

        requisitions = []
        for index in range(1, 71):
            department = rng.choices(departments, weights)[0]
            _share, jobs, _in_crews, contracts = MIX[department]
            opened = today - timedelta(days=rng.randrange(5, 420))
            filled = index > 34
            requisitions.append(
                {
                    "code": f"REQ-{opened.year}-{index:03d}",
                    "department": department,
                    "job": rng.choice(jobs),
                    "contract": rng.choices(CONTRACT_CODES, contracts)[0],
                    "positions": rng.choice((1, 1, 1, 2, 3, 5)),
                    "opened_on": opened,
                    "wanted_by": opened + timedelta(days=rng.randrange(45, 150)),
                    "status": "filled" if filled else "open",
                    "closed_on": opened + timedelta(days=rng.randrange(20, 90)) if filled else None,
                }
            )
            if filled and requisitions[-1]["closed_on"] >= today:
                requisitions[-1]["closed_on"] = today - timedelta(days=1)
        session.execute(insert(Requisition), requisitions)

        plan = []
        month = PLANT_OPENING.replace(day=1)
        start_value, months = 300, _months_between(PLANT_OPENING.replace(day=1), PLAN_END)
        step = 0
        while month <= PLAN_END:
            plan.append(
                {
                    "month": month,
                    "planned_headcount": round(start_value + (1000 - start_value) * step / months),
                }
            )
            step += 1
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        session.execute(insert(HiringPlanPoint), plan)
        save_people_settings(session, actor, staff_per_gwh_value=100.0)
        audit.record_bulk(
            session,
            actor,
            "seed-demo",
            "employee",
            counts={
                "employees": len(rows),
                "assignments": len(assignments),
                "certifications": len(certifications),
                "requisitions": len(requisitions),
                "plan_points": len(plan),
            },
        )
    return (
        f"{TODAY_HEADCOUNT} employees today ({len(rows)} with leavers), "
        f"{conversions} contract conversions, {len(certifications)} certifications, "
        f"{sum(1 for r in requisitions if r['status'] == 'open')} open requisitions"
    )


def _assignment(employee_id: int, row: dict, valid_from: date, now) -> dict:  # noqa: ANN001
    return {
        "employee_id": employee_id,
        "valid_from": valid_from,
        "department": row["department"],
        "job": row["job"],
        "contract": row["contract"],
        "crew_id": row["crew_id"],
        "recorded_at": now,
    }


def _cert(employee_id: int, code: str, level: str, until: date, now) -> dict:  # noqa: ANN001
    return {
        "employee_id": employee_id,
        "station_type_code": code,
        "level": level,
        "valid_until": until,
        "updated_at": now,
    }


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month
