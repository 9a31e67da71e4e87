"""Errors the user can act on. Every message is a complete Chinese sentence."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A problem the user can fix; ``str(error)`` is shown to them as it is."""


@dataclass(frozen=True)
class FieldError:
    field: str  # the field's key, e.g. "deadline"
    label: str  # the field's Chinese label, e.g. "整改时限"
    message: str  # a Chinese sentence naming the field

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """One or more fields are invalid; nothing was stored."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors))

    def for_field(self, key: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == key]
