"""The error hierarchy. Every message says what was wrong and what is accepted.

Front ends catch `InkmuseError`, print `str(err)` and exit with `err.exit_code`; no
traceback reaches a person for a mistake in their input.

    >>> str(InputError("unknown form '八绝'", accepted="五绝, 七绝, 五律, 七律"))
    "unknown form '八绝' (accepted: 五绝, 七绝, 五律, 七律)"
"""

from __future__ import annotations


class InkmuseError(Exception):
    """Base of every error inkmuse raises on purpose."""

    exit_code = 2

    def __init__(self, problem: str, *, accepted: str | None = None, hint: str | None = None):
        self.problem = problem
        self.accepted = accepted
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = self.problem
        if self.accepted:
            text += f" (accepted: {self.accepted})"
        if self.hint:
            text += f". {self.hint}"
        return text


class InputError(InkmuseError):
    """The person gave something inkmuse cannot use (bad poem text, unknown option value)."""


class StorageError(InkmuseError):
    """The disk refused: full, read-only, or a damaged library database. Exit 2, like bad
    input, because the person can act on it (free space, fix permissions, rebuild)."""


class DataError(InkmuseError):
    """A shipped or user data file is missing or damaged."""

    exit_code = 3


class MissingDependencyError(InkmuseError):
    """An optional package or system program is needed for this feature and is absent."""

    exit_code = 3


class BackendError(InkmuseError):
    """A text-model backend could not be reached or answered badly."""

    exit_code = 4
