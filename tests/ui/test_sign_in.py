"""Sign-in, lock and user switch in the real window (offscreen), on a real demo database."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.config import defaults
from desktop.context import AppContext
from desktop.domain.roles import Role
from desktop.services.demo_users import DEMO_USERS
from desktop.startup import open_database
from tests.ui.sign_in_kit import make_window, password_form, submit_password
from ui.main import build_main_window
from ui.pages.admin_audit import AdminAuditPage
from ui.pages.admin_users import AdminUsersPage


def test_the_window_opens_on_the_sign_in_screen_with_the_demo_users(qtbot, demo_database):
    context, window = make_window(qtbot, demo_database)
    page = window.sign_in
    assert not window.signed_in_view() and context.actor is None
    assert page.demo_panel is not None and len(page.demo_buttons) == 5
    qtbot.waitUntil(lambda: page.title.text() == "Sign in", timeout=15000)


def test_a_password_sign_in_shows_the_areas_of_the_role(qtbot, demo_database):
    context, window, page = password_form(qtbot, demo_database)
    submit_password(page, "admin", "demo-admin")
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    assert context.actor.role is Role.ADMIN
    assert "admin" in [a.key for a in window.areas]
    assert window.findChild(AdminUsersPage) is not None
    assert window.findChild(AdminAuditPage) is not None
    assert "Alex Admin" in window.user_label.text()


def test_an_operator_sees_no_admin_tabs(qtbot, demo_database):
    context, window, page = password_form(qtbot, demo_database)
    page._switch_mode()
    page.badge.setText("BADGE-900001")
    page.pin.setText("1111")
    page.submit()
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    assert context.actor.role is Role.OPERATOR
    assert window.findChild(AdminUsersPage) is None
    assert window.findChild(AdminAuditPage) is None


def test_a_wrong_pin_shows_red_words_and_stays_signed_out(qtbot, demo_database):
    context, window = make_window(qtbot, demo_database)
    page = window.sign_in
    page.badge_scanned("BADGE-900001")
    page.pin.setText("0000")
    page.submit()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=15000)
    assert "Sign-in refused" in page.error.text()
    assert context.actor is None and not window.signed_in_view()


def test_idle_time_locks_and_a_badge_switches_user(qtbot, demo_database):
    context, window = make_window(qtbot, demo_database)
    flow = window.sign_in_flow
    page = window.sign_in
    page.fill_demo(next(u for u in DEMO_USERS if u.username == "supervisor"))
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    flow.idle.idle.emit()
    assert not window.signed_in_view() and context.actor is None
    assert "Locked after idle time" in page.notice.text()
    flow.badge_scanned("BADGE-900003")
    assert page.badge.text() == "BADGE-900003"
    page.pin.setText("3333")
    page.submit()
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    assert context.actor.username == "qa"


def test_the_first_start_of_a_plant_database_creates_the_admin(qtbot, sqlite_url):
    database = open_database(sqlite_url)
    context, window = make_window(qtbot, database, demo=False)
    page = window.sign_in
    qtbot.waitUntil(lambda: page.modes.currentIndex() == 2, timeout=15000)
    assert page.demo_panel is None
    page.admin_name.setText("Plant Administrator")
    page.admin_password.setText("a long password")
    page.admin_again.setText("a long passwort")
    page.submit()
    assert "differ" in page.error.text()
    page.admin_again.setText("a long password")
    page.submit()
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    assert context.actor.role is Role.ADMIN
    QCoreApplication.processEvents()
    database.dispose()


def test_a_supervisor_lets_an_uncertified_operator_in_at_a_station(qtbot, sqlite_url):
    from desktop.config import WorkstationConfig
    from desktop.services import plant
    from desktop.services.actor import Actor
    from desktop.services.user_accounts import create_user

    database = open_database(sqlite_url)
    with database.unit_of_work() as session:
        system = Actor.system()
        plant.save_line(session, system, "CELL-1", "Cell line 1", "cell")
        plant.save_station(session, system, "FILL-1", "Filling 1", "CELL-1", "filling", new=True)
        create_user(session, system, "op", "Olga Op", "operator", badge="BADGE-1001", pin="2468")
        create_user(session, system, "sup", "Sam Sup", "supervisor", badge="BADGE-2002", pin="8642")
    values = dict(defaults().values)
    values[("workstation", "stations")] = ["FILL-1"]
    context = AppContext(database, WorkstationConfig(values), None)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    page = window.sign_in
    qtbot.waitUntil(lambda: page.title.text() == "Scan your badge", timeout=15000)
    page.badge.setText("BADGE-1001")
    page.pin.setText("2468")
    page.submit()
    qtbot.waitUntil(lambda: page.override_box.isVisible(), timeout=15000)
    assert "Olga Op may not work here" in page.error.text()
    page.override_badge.setText("BADGE-2002")
    page.override_pin.setText("8642")
    page.override_reason.setText("trainer beside her")
    page.submit_override()
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    assert context.actor.username == "op" and context.actor.override_by == "sup"
    database.dispose()


def test_an_empty_password_is_no_attempt_and_says_what_is_missing(qtbot, demo_database):
    from sqlalchemy import select

    from desktop.storage.models.security import User

    context, window, page = password_form(qtbot, demo_database)
    page.username.setText("qa")
    for _ in range(7):
        page.submit()
        qtbot.waitUntil(lambda: not page.in_flight, timeout=15000)
        assert page.error.text() == "Enter your password"
    assert page.password.hasFocus() or not window.isActiveWindow()
    with demo_database.reading() as session:
        user = session.scalar(select(User).where(User.username == "qa"))
        assert (user.failed_attempts, user.locked_until) == (0, None)
    page.password.setText("demo-quality")
    page.submit()
    qtbot.waitUntil(window.signed_in_view, timeout=15000)


def test_the_fifth_wrong_password_says_locked_until_when(qtbot, demo_database):
    context, window, page = password_form(qtbot, demo_database)
    for attempt in range(5):
        submit_password(page, "hr", "not it")
        qtbot.waitUntil(lambda: not page.in_flight, timeout=15000)
        if attempt < 4:
            assert "Sign-in refused" in page.error.text()
    assert "Harper HR is locked until" in page.error.text()
    assert page.password.text() == ""
    page.password.setText("demo-hr-1234")  # the right one: still locked
    page.submit()
    qtbot.waitUntil(lambda: not page.in_flight, timeout=15000)
    assert "locked until" in page.error.text() and not window.signed_in_view()


def test_a_double_press_on_sign_in_makes_one_attempt(qtbot, demo_database):
    from sqlalchemy import select

    from desktop.storage.models.security import User

    context, window, page = password_form(qtbot, demo_database)
    submit_password(page, "qa", "wrong one")
    page.submit()
    page.password.returnPressed.emit()
    assert page.in_flight and not page.submit_button.isEnabled()
    qtbot.waitUntil(lambda: not page.in_flight, timeout=15000)
    context.ops.wait()
    with demo_database.reading() as session:
        assert session.scalar(select(User.failed_attempts).where(User.username == "qa")) == 1


def test_sign_out_leaves_the_form_empty(qtbot, demo_database):
    context, window, page = password_form(qtbot, demo_database)
    submit_password(page, "supervisor", "demo-supervisor")
    qtbot.waitUntil(window.signed_in_view, timeout=15000)
    assert window.areas
    window.sign_out_button.click()
    assert not window.signed_in_view() and context.actor is None
    assert (page.username.text(), page.password.text(), page.badge.text()) == ("", "", "")
    assert window.areas == []  # the pages of the last user are closed
