"""Per-vocabulary prosody arrays and per-line tone options, computed once and cached.

Masked decoding asks the same questions at every step ("which ids may stand here?"), so the
answers are precomputed as boolean arrays over the model's vocabulary for one rhyme book.
The legal tone strings of each line are the form's own (`inkmuse.poetry.rules.legal_tones`).

    >>> from inkmuse.models.embedded import load_poet
    >>> tables = get_tables(load_poet().vocab, "平水韵")
    >>> bool(tables.ping[load_poet().vocab.stoi["光"]]), bool(tables.ze[load_poet().vocab.stoi["月"]])
    (True, True)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray

from inkmuse.core.hanzi import is_han
from inkmuse.core.prosody import RhymeBook, get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.models.embedded.vocab import Vocab

Mask = NDArray[np.bool_]


@dataclass(frozen=True)
class VocabTables:
    """Boolean arrays over vocabulary ids for one rhyme book.

    han: a Chinese character with at least one reading, and its standard simplified form:
        a variant such as 簷 (檐) or 鴈 (雁) is never sampled (`variants.json`, built by
        scripts/build_variant_table.py); the person's own characters are kept as written.
    ping / ze: it has a level / an oblique reading (a polyphone has both).
    ze_only: only oblique readings (a non-rhyming first line must end in one, or the
        checker would read it as rhyming).
    rhyme_group: for a character usable as a rhyme, the index of its one 平 group in
        `groups` (from a reading in the book's own table); -1 otherwise. Characters in two
        平 groups are left out as rhymes so that the rhyme group is never ambiguous.
    """

    book: RhymeBook
    han: Mask
    ping: Mask
    ze: Mask
    ze_only: Mask
    rhyme_group: NDArray[np.int32]
    groups: tuple[str, ...]

    def group_mask(self, group: str) -> Mask:
        """Ids that can rhyme in `group` (full group name)."""
        mask: Mask = self.rhyme_group == self.groups.index(group)
        return mask

    def rhyme_mask(self) -> Mask:
        mask: Mask = self.rhyme_group >= 0
        return mask


@cache
def variant_forms() -> dict[str, str]:
    """Non-standard forms and the standard simplified form of each (簷 -> 檐)."""
    text = resources.files("inkmuse.poetry").joinpath("data/variants.json").read_text("utf-8")
    table: dict[str, str] = json.loads(text)["variants"]
    return table


@cache
def get_tables(vocab: Vocab, rhymebook: str) -> VocabTables:
    book = get_rhymebook(rhymebook)
    groups = tuple(book.groups)
    index = {g: i for i, g in enumerate(groups)}
    size = len(vocab)
    han = np.zeros(size, dtype=bool)
    ping = np.zeros(size, dtype=bool)
    ze = np.zeros(size, dtype=bool)
    rhyme = np.full(size, -1, dtype=np.int32)
    variants = variant_forms()
    for i, ch in enumerate(vocab.itos):
        if len(ch) != 1 or not is_han(ch) or ch in variants:
            continue
        readings = book.readings(ch)
        if not readings:
            continue
        han[i] = True
        ping[i] = any(r.tone is Tone.PING for r in readings)
        ze[i] = any(r.tone is Tone.ZE for r in readings)
        sure = book.sure_rhyme_group(ch)
        if sure is not None:
            rhyme[i] = index[sure]
    return VocabTables(book, han, ping, ze, ze & ~ping, rhyme, groups)
