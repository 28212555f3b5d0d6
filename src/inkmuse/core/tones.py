"""Tone classes of classical prosody: 平 (level) and 仄 (oblique)."""

from __future__ import annotations

from enum import StrEnum


class Tone(StrEnum):
    PING = "平"
    ZE = "仄"

    @property
    def opposite(self) -> Tone:
        return Tone.ZE if self is Tone.PING else Tone.PING

    @property
    def english(self) -> str:
        return "level (ping)" if self is Tone.PING else "oblique (ze)"

    @classmethod
    def parse(cls, text: str) -> Tone:
        """Read a tone name: 平/仄 or ping/ze (any case)."""
        key = text.strip().lower()
        for tone, names in ((cls.PING, ("平", "ping", "p", "level")), (cls.ZE, ("仄", "ze", "z"))):
            if key in names:
                return tone
        from inkmuse.core.errors import InputError

        raise InputError(f"unknown tone {text!r}", accepted="平 or 仄 (ping or ze)")
