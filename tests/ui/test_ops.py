"""The kernel's GUI bridge in a real QApplication: results on the GUI thread, the actor bound
at submit, nothing delivered to a widget that was closed meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel

from desktop.domain.messages import PermissionDenied
from desktop.domain.roles import Role
from desktop.operations import Cancelled, Operations
from desktop.services.actor import Actor
from desktop.services.plant import site_info
from desktop.tasks import Ops

ALICE = Actor("alice", Role.OPERATOR)
BOB = Actor("bob", Role.OPERATOR)


@pytest.fixture
def kernel(qtbot, database):  # noqa: ANN001, ANN201
    operations = Operations(database)
    current = {"actor": ALICE}
    ops = Ops(operations, lambda: current["actor"])
    yield ops, current
    ops.wait()
    operations.shutdown()


def test_success_arrives_on_the_gui_thread(qtbot, kernel) -> None:  # noqa: ANN001
    ops, _ = kernel
    got = []
    ops.read(site_info).then(lambda site: got.append((site, QThread.currentThread())))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0][1] is QApplication.instance().thread()
    assert got[0][0].time_zone


def test_failure_arrives_on_the_gui_thread(qtbot, kernel) -> None:  # noqa: ANN001
    ops, current = kernel
    current["actor"] = None
    errors = []
    ops.write(lambda s, a: None).then(None, errors.append)
    assert not errors  # never delivered inside the submitting call
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], PermissionDenied)


def test_the_actor_is_bound_at_submit(qtbot, kernel) -> None:  # noqa: ANN001
    ops, current = kernel
    gate, names = threading.Event(), []
    ops.write(lambda s, a: gate.wait(10)).then()
    ops.write(lambda s, a: a.username).then(names.append)
    current["actor"] = BOB
    ops.write(lambda s, a: a.username).then(names.append)
    gate.set()
    qtbot.waitUntil(lambda: len(names) == 2, timeout=5000)
    assert names == ["alice", "bob"]


def test_a_closed_owner_gets_nothing_and_nothing_breaks(qtbot, kernel) -> None:  # noqa: ANN001
    ops, _ = kernel
    gate, calls = threading.Event(), []
    label = QLabel()

    def show(value: object) -> None:
        calls.append(value)
        label.setText(str(value))

    ops.write(lambda s, a: gate.wait(10)).then(show, show, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=5000)
    gate.set()
    assert ops.wait(5000)
    qtbot.wait(50)
    assert calls == []


def _alive(widget: QLabel) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


def test_a_long_job_reports_progress_and_cancels(qtbot, kernel) -> None:  # noqa: ANN001
    ops, _ = kernel
    reports, errors = [], []

    def work(job, total: int) -> None:  # noqa: ANN001
        for done in range(total):
            job.progress(done + 1, total, "")
            threading.Event().wait(0.005)

    pending = ops.long(work, 100_000).then(
        None, errors.append, on_progress=lambda *r: reports.append(r)
    )
    qtbot.waitUntil(lambda: len(reports) > 2, timeout=5000)
    pending.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)
    assert reports[-1][1] == 100_000
