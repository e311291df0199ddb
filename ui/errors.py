"""An uncaught exception shows a dialog and goes to the log; the application stays up."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.messages import describe_error

log = logging.getLogger("linedesk.crash")


class _Reporter(QObject):
    """Carries reports from any thread to the GUI thread."""

    report = Signal(str, str)


class CrashReporter:
    def __init__(self, log_file: str) -> None:
        self._log_file = log_file
        self._reporter = _Reporter()
        self._reporter.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.shown: list[str] = []
        self._boxes: list[QMessageBox] = []

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )

    def handle(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("uncaught exception\n%s", details)
        self._reporter.report.emit(describe_error(exc), details)

    def _show(self, summary: str, details: str) -> None:
        self.shown.append(summary)
        app = QApplication.instance()
        if app is None or QCoreApplication.closingDown():
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("CrashReporter", "Something went wrong"),
            summary,
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CrashReporter",
                "Linedesk keeps running. The details are in the log file:\n{file}",
            ).format(file=self._log_file)
        )
        box.setDetailedText(details)
        self._boxes.append(box)  # a parentless dialog lives as long as Python holds it
        box.finished.connect(lambda _result: self._boxes.remove(box))
        box.open()
