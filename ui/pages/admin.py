"""The Admin area: tabs for master data, devices, users... each built by its own module."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from desktop.context import AppContext
from ui.main_window import Area
from ui.pages import optional_module

# (module) each with `create_tab(context) -> tuple[str, QWidget] | None`.
TABS: tuple[str, ...] = (
    "ui.pages.admin_plant",
    "ui.pages.admin_routes",
    "ui.pages.admin_shifts",
    "ui.pages.admin_devices",
    "ui.pages.admin_users",
    "ui.pages.admin_audit",
)


def create_area(context: AppContext) -> Area | None:
    tabs = QTabWidget()
    tabs.setObjectName("adminTabs")
    for module_name in TABS:
        module = optional_module(module_name)
        if module is None:
            continue
        tab = module.create_tab(context)
        if tab is not None:
            tabs.addTab(tab[1], tab[0])
    if tabs.count() == 0:
        return None
    return Area("admin", QCoreApplication.translate("MainWindow", "Admin"), tabs)
