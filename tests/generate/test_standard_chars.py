"""The poet writes standard simplified characters only (issue 17: 簷, 隠, 鴈, 髪 were written)."""

from __future__ import annotations

from inkmuse.models.embedded import EmbeddedPoet
from inkmuse.poetry.forms import get_form
from inkmuse.poetry.generate.decode import decode_batch
from inkmuse.poetry.generate.tables import variant_forms


def test_the_table_knows_the_variants_the_review_found() -> None:
    table = variant_forms()
    assert {table[c] for c in "簷隠鴈髪"} == {"檐", "隐", "雁", "发"}
    assert not set(table.values()) & set(table)  # a standard form is never itself a variant


def test_the_table_knows_the_old_forms_poet_v2_wrote() -> None:
    """OpenCC leaves these alone; poet-v2 wrote 鬰 (for 郁) in 13 of 1,142 poems."""
    table = variant_forms()
    assert [table.get(c) for c in "鬰櫂臯鼇櫺"] == list("郁棹皋鳌棂")


def test_no_sampled_character_is_a_variant(tiny_poet: EmbeddedPoet) -> None:
    variants = set(variant_forms())
    for seed in range(6):  # random weights pick rare characters freely: the mask decides
        for cand in decode_batch(tiny_poet, get_form("七律").patterns(), ["秋"], n=16, seed=seed):
            assert not set(cand.text) & variants, cand.text
