"""Core messages in the user's language: translate the template, then fill it in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.messages import CONTEXT, LinedeskError, Message


def translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def render(item: LinedeskError | Message) -> str:
    """Translated, with decimal numbers and dates written the user's way (`12,345` in French)."""
    from ui.formatting import localized

    message = item.message if isinstance(item, LinedeskError) else item
    return localized(message).render(translate)


def describe_error(exc: BaseException) -> str:
    """Words for a person: our own errors in their language, anything else by its type."""
    if isinstance(exc, LinedeskError):
        return render(exc)
    return QCoreApplication.translate("Messages", "Unexpected error: {error}").format(
        error=f"{type(exc).__name__}: {exc}"
    )
