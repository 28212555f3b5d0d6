"""The outputs shown in docs/english.md are what the checker prints, so they cannot drift."""

from __future__ import annotations

from pathlib import Path

from inkmuse.poetry.english import check_english, render_english

from .poems import SONNET_18, replace_line

DOC = Path(__file__).resolve().parents[2] / "docs" / "english.md"


def _blocks() -> list[str]:
    parts = DOC.read_text(encoding="utf-8").split("```")
    return [parts[i].strip("\n") for i in range(1, len(parts), 2)]


def test_the_sonnet_18_report_shown_is_the_real_one() -> None:
    shown = _blocks()[0].splitlines()
    real = render_english(check_english(SONNET_18)).splitlines()
    kept = [line for line in shown[1:] if line.strip() != "..."]
    assert all(line in real for line in kept), [line for line in kept if line not in real]


def test_the_faults_shown_are_the_real_ones() -> None:
    broken = replace_line(SONNET_18, 1, "Thou art more above and more temperate:")
    broken = replace_line(broken, 2, "Rough winds do shake the darling buds of June,")
    real = render_english(check_english(broken)).splitlines()
    shown = _blocks()[1].splitlines()
    assert shown == real[-len(shown) :]
