"""Any text gives a report or a clear InputError, never a crash (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inkmuse.core.errors import InputError
from inkmuse.poetry.english import check_english

WORDS = st.sampled_from(["the", "sea", "o'er", "grow'st", "brillig", "Xz", "42", "—", "day,", ""])
LINES = st.lists(st.lists(WORDS, max_size=12).map(" ".join), min_size=0, max_size=20)


@settings(max_examples=60, deadline=None)
@given(LINES.map("\n".join), st.sampled_from([None, "sonnet", "haiku", "villanelle", "free"]))
def test_poem_like_text_never_crashes(text: str, form: str | None) -> None:
    try:
        report = check_english(text, form)
    except InputError as err:
        assert err.accepted
        return
    assert report.lines and report.to_dict()["language"] == "en"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_crashes(text: str) -> None:
    try:
        check_english(text)
    except InputError as err:
        assert err.accepted
