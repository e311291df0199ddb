"""Messages in two languages without Qt in the core (README, "Language").

Services raise `LinedeskError` carrying an English template and its parameters. The template is
marked for extraction with a local no-op `QT_TRANSLATE_NOOP("Messages", ...)`, which
`pyside6-lupdate` recognises; the UI and the command line translate the template with
`QCoreApplication.translate("Messages", template)` and only then format it, so an operator and a
log read the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark `text` for extraction; returns it unchanged."""
    return text


Translator = Callable[[str], str]


def untranslated(text: str) -> str:
    """The English template as it is (the command line's default, and the tests')."""
    return text


@dataclass(frozen=True)
class Message:
    """A translatable template and its parameters (a parameter may be a Message itself)."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Translator = untranslated) -> str:
        """Translate the template, then fill it in."""
        params = {
            key: value.render(translate) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        text = translate(self.template)
        for candidate in (text, self.template):
            try:
                return candidate.format(**params)
            except (KeyError, IndexError, ValueError):
                continue
        # a broken translation and template: still say something, never raise
        return f"{self.template} {params}"

    def __str__(self) -> str:
        return self.render()


class LinedeskError(Exception):
    """An expected failure with a message for a person (bad input, a refused action)."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, params)
        super().__init__(str(self.message))

    def render(self, translate: Translator = untranslated) -> str:
        return self.message.render(translate)


class InputError(LinedeskError):
    """Bad input from a person or a file: nothing was changed."""


class NotFoundError(LinedeskError):
    """A business id that the database does not know."""


class PermissionDenied(LinedeskError):
    """The acting user's role does not allow this action."""


class ConflictError(LinedeskError):
    """The action clashes with what is stored (a duplicate id, a stale edit)."""
