"""Reasons in words that the UI can translate later.

The core has no Qt, so templates are marked with a local no-op ``QT_TRANSLATE_NOOP`` that
``pyside6-lupdate`` recognises (context ``"Messages"``). The UI translates the template with
``QCoreApplication.translate("Messages", reason.template)`` and then formats the parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name fixed by lupdate
    """Mark ``text`` for extraction in ``context``; return it unchanged."""
    return text


@dataclass(frozen=True)
class Reason:
    """A message template in English plus its parameters."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template

    def __hash__(self) -> int:
        return hash((self.template, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))


def reason(template: str, **params: Any) -> Reason:
    """Build a :class:`Reason`; ``template`` must be a literal marked with QT_TRANSLATE_NOOP."""
    return Reason(template, params)
