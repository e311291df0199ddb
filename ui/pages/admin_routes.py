"""Admin: routes (the order of station types a unit passes) and recipes (targets and
tolerances), edited by an administrator with an electronic signature; both audited."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.context import AppContext
from desktop.domain.genealogy import KIND_CODES
from desktop.domain.numbers import decimal_text, parse_decimal
from desktop.domain.plant import STATION_TYPES
from desktop.domain.roles import Permission
from desktop.services import station_routes as routes
from desktop.services.station_routes import RecipeInfo, RouteInfo
from desktop.tasks import Ops
from ui.forms import FormDialog, FormInvalid, Write, text_field
from ui.master_data_page import CanEdit, MasterDataPage, anyone
from ui.messages import describe_error
from ui.table_model import Column, RecordTableModel
from ui.widgets import ErrorLine, page_layout, record_table, title_label


class _SignedDialog(FormDialog):
    """A form, a signature box, a red error line, "Sign and save" and Cancel."""

    def __init__(self, title: str, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, title, signed=True, parent=parent)
        self.setMinimumWidth(520)
        self.save_button.setText(self.tr("Sign and save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def secret(self) -> str:
        return self.signature_values()["secret"]


class RecipeDialog(_SignedDialog):
    def __init__(self, ops: Ops, recipe: RecipeInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Recipe"), ops, parent)
        self.station_type = QComboBox()
        for info in STATION_TYPES:
            self.station_type.addItem(info.code, info.code)
        fixed = recipe is not None
        self.product = text_field(recipe.product if recipe else "", "P56 cell", fixed=fixed)
        self.parameter = text_field(
            recipe.parameter if recipe else "", "electrolyte fill", fixed=fixed
        )
        self.target = QLineEdit(decimal_text(recipe.target) if recipe else "")
        self.tolerance = QLineEdit(decimal_text(recipe.tolerance) if recipe else "")
        self.unit = QLineEdit(recipe.unit if recipe else "g")
        if recipe is not None:
            self.station_type.setCurrentIndex(self.station_type.findData(recipe.station_type))
            self.station_type.setEnabled(False)
        self.form.addRow(self.tr("Station type"), self.station_type)
        self.form.addRow(self.tr("Product"), self.product)
        self.form.addRow(self.tr("Parameter"), self.parameter)
        self.form.addRow(self.tr("Target"), self.target)
        self.form.addRow(self.tr("Tolerance (+/-)"), self.tolerance)
        self.form.addRow(self.tr("Unit"), self.unit)

    def write(self) -> Write:
        try:
            # a recipe value is small: a comma or a point is its decimal mark on either screen
            target = parse_decimal(self.target.text())
            tolerance = parse_decimal(self.tolerance.text())
        except ValueError as exc:
            raise FormInvalid(self.tr("Target and tolerance must be numbers")) from exc
        return Write(
            routes.save_recipe,
            self.station_type.currentData(),
            self.product.text(),
            self.parameter.text(),
            target,
            tolerance,
            self.unit.text(),
            self.secret(),
        )


class RouteDialog(_SignedDialog):
    def __init__(self, ops: Ops, route: RouteInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Route"), ops, parent)
        self.code = text_field(route.code if route else "", fixed=route is not None)
        self.name = QLineEdit(route.name if route else "")
        self.kind = QComboBox()
        for kind in ("cell", "module", "pack"):
            self.kind.addItem(kind, kind)
        if route is not None and route.kind in KIND_CODES:
            self.kind.setCurrentIndex(self.kind.findData(route.kind))
        self.material = text_field(route.material or "" if route else "", self.tr("all designs"))
        self.steps = text_field(
            ", ".join(route.steps) if route else "",
            "stacking, filling, formation, grading, module_assembly",
        )
        self.form.addRow(self.tr("Route id"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind of unit"), self.kind)
        self.form.addRow(self.tr("Design (material)"), self.material)
        self.form.addRow(self.tr("Station types, in order"), self.steps)

    def write(self) -> Write:
        steps = [s.strip() for s in self.steps.text().replace(">", ",").split(",") if s.strip()]
        return Write(
            routes.save_route,
            self.code.text(),
            self.name.text(),
            self.kind.currentData(),
            steps,
            self.secret(),
            self.material.text() or None,
        )


class AdminRoutesPage(MasterDataPage):
    def __init__(self, ops: Ops, can_edit: CanEdit = anyone, parent: QWidget | None = None) -> None:
        super().__init__(ops, can_edit, parent)
        self.routes_model: RecordTableModel[RouteInfo] = RecordTableModel(
            [
                Column(self.tr("Route"), lambda r: r.code),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Unit"), lambda r: r.kind),
                Column(self.tr("Design"), lambda r: r.material or ""),
                Column(self.tr("Steps"), lambda r: " > ".join(r.steps)),
            ],
            self,
        )
        self.recipes_model: RecordTableModel[RecipeInfo] = RecordTableModel(
            [
                Column(self.tr("Station type"), lambda r: r.station_type),
                Column(self.tr("Product"), lambda r: r.product),
                Column(self.tr("Parameter"), lambda r: r.parameter),
                Column(self.tr("Target"), lambda r: decimal_text(r.target), align_right=True),
                Column(self.tr("+/-"), lambda r: decimal_text(r.tolerance), align_right=True),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Changed by"), lambda r: r.updated_by),
            ],
            self,
        )
        self.routes_view = record_table(self.routes_model)
        self.recipes_view = record_table(self.recipes_model)
        self.routes_view.doubleClicked.connect(lambda _i: self.edit_route())
        self.recipes_view.doubleClicked.connect(lambda _i: self.edit_recipe())
        self.new_route = QPushButton(self.tr("New route"))
        self.new_recipe = QPushButton(self.tr("New recipe"))
        self.new_route.clicked.connect(lambda: self._route_dialog(None))
        self.new_recipe.clicked.connect(lambda: self._recipe_dialog(None))
        self.error = ErrorLine()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # an id typed in shows as typed
        layout = page_layout(self, self.tr("Routes and recipes"), self.error)
        for title, view, button in (
            (self.tr("Routes"), self.routes_view, self.new_route),
            (self.tr("Recipes: targets and tolerances"), self.recipes_view, self.new_recipe),
        ):
            row = QHBoxLayout()
            row.addWidget(title_label(title, section=True), 1)
            row.addWidget(button)
            layout.addLayout(row)
            layout.addWidget(view, 1)

    def editing_buttons(self) -> Sequence[QWidget]:
        return (self.new_route, self.new_recipe)

    def refresh(self) -> None:
        self._ops.read(routes.list_routes).then(self.routes_model.set_records, self._failed)
        self._ops.read(routes.list_recipes).then(self.recipes_model.set_records, self._failed)

    def edit_route(self) -> None:
        self.edit_current(self.routes_model, self.routes_view, self._route_dialog)

    def edit_recipe(self) -> None:
        self.edit_current(self.recipes_model, self.recipes_view, self._recipe_dialog)

    def _route_dialog(self, route: RouteInfo | None) -> RouteDialog:
        return RouteDialog(self._ops, route, self).open_with(lambda _r: self.refresh())

    def _recipe_dialog(self, recipe: RecipeInfo | None) -> RecipeDialog:
        return RecipeDialog(self._ops, recipe, self).open_with(lambda _r: self.refresh())

    def _failed(self, exc: BaseException) -> None:
        self.error.show_error(describe_error(exc))


def create_tab(context: AppContext) -> tuple[str, QWidget] | None:
    if not context.may(Permission.VIEW_GENEALOGY) and not context.may(Permission.EDIT_ROUTES):
        return None
    page = AdminRoutesPage(context.ops, lambda: context.may(Permission.EDIT_ROUTES))
    return QCoreApplication.translate("AdminRoutesPage", "Routes and recipes"), page
