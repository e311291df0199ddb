"""What the Admin pages of master data share (lines and stations, routes and recipes, shifts and
holidays): whoever may see them reads them, only who may edit sees the buttons that change them,
and each page reads afresh every time it is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop.context import AppContext
from desktop.domain.roles import Permission
from desktop.tasks import Ops
from ui.table_model import Record, RecordTableModel

CanEdit = Callable[[], bool]


def anyone() -> bool:
    """The default `can_edit` (a page built without one, as in the tests): everyone edits."""
    return True


def master_data_tab(
    context: AppContext, title: str, make_page: Callable[[Ops, CanEdit], QWidget]
) -> tuple[str, QWidget] | None:
    """The tab of a master-data page (`title` already translated): whoever may view master data
    sees it, whoever may edit it (asked each time the page is shown) gets the buttons."""
    if not context.may(Permission.VIEW_MASTER_DATA):
        return None
    return title, make_page(context.ops, lambda: context.may(Permission.EDIT_MASTER_DATA))


class MasterDataPage(QWidget):
    """`can_edit` is asked each time the page is shown, as the signed-in user may have changed
    since it was built. A page lists its editing buttons in `editing_buttons` and reads its
    records in `refresh`."""

    def __init__(self, ops: Ops, can_edit: CanEdit = anyone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops, self._can_edit = ops, can_edit

    def editing_buttons(self) -> Sequence[QWidget]:
        return ()

    def refresh(self) -> None:
        raise NotImplementedError

    def edit_current(
        self,
        model: RecordTableModel[Record],
        view: QAbstractItemView,
        open_dialog: Callable[[Record], object],
    ) -> None:
        """Open the record on `view`'s current row in its dialog, for who may edit (asked now:
        the signed-in user may have changed since the page was shown)."""
        record = model.current(view)
        if record is not None and self._can_edit():
            open_dialog(record)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        editable = self._can_edit()
        for button in self.editing_buttons():
            button.setVisible(editable)
        self.refresh()
        super().showEvent(event)
