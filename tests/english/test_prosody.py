"""Syllables, stress, rhyme and scansion on single words and lines."""

from __future__ import annotations

import pytest

from inkmuse.core.errors import InputError
from inkmuse.poetry.english import (
    check_english,
    get_meter,
    pronunciations,
    rhyme_kind,
    rhymes_for,
    scan,
)
from inkmuse.poetry.english.rhyme import shape
from inkmuse.poetry.english.suggest import words_with_shape, words_with_syllables

PENTAMETER = get_meter("iambic pentameter")


@pytest.mark.parametrize(
    ("word", "counts"),
    [("summer", {2}), ("flower", {1, 2}), ("heaven", {1, 2}), ("every", {2, 3}),
     ("grow'st", {1}), ("untrimm'd", {2}), ("damask'd", {2}), ("o'er", {1}),
     ("offence", {2}), ("goeth", {1, 2}), ("lips'", {1})],
)  # fmt: skip
def test_syllable_readings(word: str, counts: set[int]) -> None:
    assert {p.syllables for p in pronunciations(word)} == counts


def test_unknown_word_is_estimated_without_stress() -> None:
    (pron,) = pronunciations("brillig")
    assert pron.guessed and pron.syllables == 2 and pron.stresses == (None, None)


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [("day", "May", "perfect"), ("compare", "rare", "perfect"), ("shines", "declines", "perfect"),
     ("dimm'd", "untrimm'd", "perfect"), ("love", "prove", "slant"), ("date", "temperate", "slant"),
     ("late", "shape", "slant"), ("sun", "red", None), ("cat", "white", None),
     ("beard", "beard", "identical")],
)  # fmt: skip
def test_rhyme_kinds(a: str, b: str, kind: str | None) -> None:
    assert rhyme_kind(a, b) == kind
    assert rhyme_kind(b, a) == kind


def test_rhyme_suggestions_are_common_words_of_the_needed_shape() -> None:
    found = rhymes_for("away", 5, stresses=(0, 1))
    assert len(found) == 5 and all(shape(w) == (0, 1) for w in found)
    assert all(rhyme_kind(w, "away") == "perfect" for w in found)
    assert "away" not in found
    assert rhymes_for("night", 3, exclude=frozenset({"right"}))[0] != "right"


def test_words_by_shape_and_syllables() -> None:
    assert all(shape(w) == (0, 1) for w in words_with_shape("x/", 5))
    assert all(pronunciations(w)[0].syllables == 3 for w in words_with_syllables(3, 5))


def test_pentameter_variations() -> None:
    assert scan("Coral is far more red than her lips' red;", PENTAMETER).marks[0] == "/x"
    feminine = scan("To be, or not to be, that is the question:", PENTAMETER)
    assert feminine.fits and feminine.syllables == 11
    # an extra weak syllable must be an unstressed word ending, not a stressed monosyllable
    assert not scan("Shall I compare thee to a summer's day now", PENTAMETER).fits


def test_stress_maximum_on_a_weak_position_is_the_fault() -> None:
    s = scan("Thou art more above and more temperate", PENTAMETER)
    assert s.counted and not s.fits
    assert s.faults == ((3, "x/"),) and s.marks[3] == "/x"
    assert "above" in s.render().splitlines()[0]


def test_syllable_count_outside_the_meter() -> None:
    s = scan("The cat sat on the mat", PENTAMETER)
    assert not s.counted and s.possible == (6, 6)


def test_anapestic_lines() -> None:
    trimeter, dimeter = get_meter("anapestic trimeter"), get_meter("anapestic dimeter")
    assert scan("There was an Old Man with a beard,", trimeter).fits
    assert scan("Four Larks and a Wren,", dimeter).fits
    assert not scan("Have all built their nests in my beard and my hat", dimeter).counted


def test_unknown_meter_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="accepted: iambic trimeter"):
        get_meter("amphibrachic tetrameter")


def test_sounded_ed_and_contractions_across_words() -> None:
    assert [p.syllables for p in pronunciations("wreathèd")] == [2]
    line = scan("For this, for everything, we are out of tune;", PENTAMETER)
    assert line.fits and line.marks[line.words.index("are")] == ""  # we're
    assert scan("But thy eternal summer shall not fade,", PENTAMETER).marks[0] == "x"
    # the eternal may elide (th'eternal) only before an unstressed vowel
    assert scan("And the eternal summer shall not fade", PENTAMETER).fits
    assert not scan("And the old summer shall not fade again now", PENTAMETER).fits


TYGER = """Tyger Tyger, burning bright,
In the forests of the night;
What immortal hand or eye,
Could frame thy fearful symmetry?"""
HIAWATHA = """Should you ask me, whence these stories?
Whence these legends and traditions,
With the odours of the forest,
With the dew and damp of meadows,"""
EVANGELINE = """This is the forest primeval. The murmuring pines and the hemlocks,
Bearded with moss, and in garments green, indistinct in the twilight,
Stand like Druids of eld, with voices sad and prophetic,
Stand like harpers hoar, with beards that rest on their bosoms."""


@pytest.mark.parametrize(
    ("poem", "meter"),
    [(TYGER, "trochaic tetrameter"), (HIAWATHA, "trochaic tetrameter"),
     (EVANGELINE, "dactylic hexameter")],
)  # fmt: skip
def test_falling_meters_are_found(poem: str, meter: str) -> None:
    assert check_english(poem).meter == meter


def test_trochaic_lines_drop_the_last_weak_syllable_or_take_an_upbeat() -> None:
    tetrameter = get_meter("trochaic tetrameter")
    assert scan("Tyger Tyger, burning bright,", tetrameter).marks == ("/x", "/x", "/x", "/")
    upbeat = scan("Could frame thy fearful symmetry?", tetrameter)
    assert upbeat.fits and upbeat.marks[0] == "x"
    # A secondary stress after the primary is a weak ending too (MEAD-ows).
    assert scan("With the dew and damp of meadows,", tetrameter).marks[-1] == "/x"
    assert scan("Tyger Tyger, burning bright,", get_meter("iambic tetrameter")).cost > 0.5


def test_an_unrhymed_quatrain_is_free_verse_with_its_meter_named() -> None:
    report = check_english(EVANGELINE)
    assert report.form.key == "free-verse" and report.ok
    assert report.meter == "dactylic hexameter"
    # A quatrain whose one rhyme holds is still a ballad.
    ballad = "The king sits in Dunfermline town,\nDrinking the blood-red wine;\nO where will I get a good sailor\nTo sail this ship of mine?"
    assert check_english(ballad).form.key == "ballad"
