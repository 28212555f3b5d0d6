"""Classic poems pass the checker and are found as their form; mutations of them fail."""

from __future__ import annotations

import pytest

from inkmuse.poetry.english import check_english

from .poems import (
    BASHO_575,
    BASHO_ASTON,
    CLASSICS,
    FROST,
    LEAR_BEARD,
    ROBINSON,
    SONNET_18,
    SONNET_130,
    replace_line,
)


@pytest.mark.parametrize("name", sorted(CLASSICS))
def test_classic_passes_and_is_found_as_its_form(name: str) -> None:
    poem, form = CLASSICS[name]
    report = check_english(poem)
    assert report.ok, [f.message for f in report.errors]
    assert report.form.key == form
    named = check_english(poem, form)
    assert named.ok and not named.detected


def test_sonnets_scan_every_line_as_iambic_pentameter() -> None:
    for poem in (SONNET_18, SONNET_130):
        report = check_english(poem, "sonnet")
        assert report.meter == "iambic pentameter"
        assert all(line.scansion and line.scansion.fits for line in report.lines)
    first = check_english(SONNET_18).lines[0].scansion
    assert first is not None and first.marks[2] == "x/"  # com-PARE


def test_shakespeare_half_rhyme_is_a_warning_not_an_error() -> None:
    report = check_english(SONNET_18)
    assert [(f.kind, f.line) for f in report.warnings] == [("slant_rhyme", 4)]


def test_translation_off_5_7_5_warns_and_fails_strictly() -> None:
    loose = check_english(BASHO_ASTON, "haiku")
    assert loose.ok and {f.kind for f in loose.warnings} == {"syllables_loose"}
    strict = check_english(BASHO_ASTON, "haiku", strict=True)
    assert not strict.ok and {f.line for f in strict.errors} == {1, 3}
    assert check_english(BASHO_575, "haiku", strict=True).ok


# --- mutations: each breaks one rule, and the checker must name that rule at that line ---


@pytest.mark.parametrize("line", [0, 3, 6, 12])
def test_a_rhyme_word_swapped_breaks_the_scheme(line: int) -> None:
    text = SONNET_130.splitlines()[line].rstrip(",;:.")
    words = text.split()
    mutated = replace_line(SONNET_130, line, " ".join([*words[:-1], "cat"]))
    report = check_english(mutated, "sonnet")
    assert not report.ok
    rhyme = [f for f in report.errors if f.kind == "rhyme"]
    assert rhyme and rhyme[0].suggestions, report.faults
    assert line + 1 in {f.line for f in rhyme} or any(str(line + 1) in f.message for f in rhyme)


@pytest.mark.parametrize("line", range(14))
def test_an_extra_word_breaks_the_meter(line: int) -> None:
    text = SONNET_18.splitlines()[line]
    mutated = replace_line(SONNET_18, line, "Yet once again " + text)
    report = check_english(mutated, "sonnet")
    assert not report.ok
    assert {f.kind for f in report.errors if f.line == line + 1} == {"meter_count"}


def test_a_word_stressed_against_the_meter_is_named_with_the_scanned_line() -> None:
    mutated = replace_line(SONNET_18, 1, "Thou art more gentle and more temperate:")
    assert check_english(mutated).ok  # GEN-tle fits where LOVE-ly did
    mutated = replace_line(SONNET_18, 1, "Thou art more above and more temperate:")
    report = check_english(mutated, "sonnet")
    stress = [f for f in report.errors if f.kind == "stress"]
    assert [f.line for f in stress] == [2]
    assert "'above' is stressed x/" in stress[0].message
    assert "above" in stress[0].detail and "/" in stress[0].detail
    assert stress[0].suggestions  # words with the stress the positions want


def test_a_missing_line_is_a_line_count_error() -> None:
    lines = SONNET_18.splitlines()
    report = check_english("\n".join(lines[:13]), "sonnet")
    assert "line_count" in {f.kind for f in report.errors}


def test_limerick_long_short_lines_must_be_short() -> None:
    mutated = replace_line(LEAR_BEARD, 2, "Two Owls and a Cat and a Dog and a Hen")
    report = check_english(mutated, "limerick")
    assert [(f.kind, f.line) for f in report.errors] == [("meter_count", 3)]


def test_limerick_rhyme_broken() -> None:
    mutated = replace_line(LEAR_BEARD, 1, "Who said, 'It is just as I thought!—")
    report = check_english(mutated, "limerick")
    assert [(f.kind, f.line) for f in report.errors] == [("rhyme", 2)]
    assert "feared" in report.errors[0].suggestions or report.errors[0].suggestions


def test_refrain_changed_and_varied() -> None:
    changed = ROBINSON.replace(
        "They are all gone away.\n\nNor", "The birds have flown today.\n\nNor"
    )
    report = check_english(changed, "villanelle")
    assert [(f.kind, f.line) for f in report.errors] == [("refrain", 6)]
    varied = ROBINSON.replace("They are all gone away.\n\nNor", "They are all gone astray.\n\nNor")
    loose = check_english(varied, "villanelle")
    assert loose.ok and [(f.kind, f.line) for f in loose.warnings] == [("refrain_varied", 6)]
    assert not check_english(varied, "villanelle", strict=True).ok


def test_quatrain_scheme_is_enforced_when_named() -> None:
    assert check_english(FROST, "rubaiyat").ok
    report = check_english(FROST, "quatrain-abab")
    assert not report.ok and {f.kind for f in report.errors} == {"rhyme"}


def test_haiku_with_a_fourth_line_fails() -> None:
    report = check_english(BASHO_575 + "and the frog is gone\n", "haiku")
    assert "line_count" in {f.kind for f in report.errors}


def test_a_limerick_with_one_fault_is_still_found_as_a_limerick() -> None:
    mutated = replace_line(LEAR_BEARD, 1, "Who said, 'It is just as I thought!—")
    report = check_english(mutated)
    assert report.form.key == "limerick" and [f.kind for f in report.errors] == ["rhyme"]
