"""The shipped 对仗 table and the derivation that builds it (on a toy corpus)."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType

from inkmuse.poetry.duizhang.closed import CLOSED, closed_class
from inkmuse.poetry.duizhang.kinds import kind_of
from inkmuse.poetry.duizhang.table import get_table

ROOT = Path(__file__).resolve().parents[3]
TABLE = ROOT / "src/inkmuse/poetry/data/duizhang.json"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_duizhang_table", ROOT / "scripts/build_duizhang_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_is_compact_and_sourced() -> None:
    assert TABLE.stat().st_size < 200_000
    raw = json.loads(TABLE.read_text(encoding="utf-8"))
    assert "MIT" in raw["source"] and "held out" in raw["source"]
    assert raw["couplets"] > 40_000  # 颔联 and 颈联 of 20,000+ 律诗
    assert all(kind_of(name) for name in raw["classes"])


def test_classes_of_common_characters() -> None:
    t = get_table()
    assert t.classes("山")[0] == "地理" and t.classes("月")[0] == "天文"
    assert t.classes("雁")[0] == "动物" and "动作" in t.classes("飞")
    assert t.common("诗", "酒") and t.common("酒", "诗")
    assert not t.common("诗", "滚")
    assert t.classes("𠀀") == ()


def test_closed_members_keep_their_class_first() -> None:
    t = get_table()
    for name, chars in CLOSED.items():
        for ch in chars:
            assert closed_class(ch) == name
            assert t.classes(ch)[0] == name


def test_propagation_gives_a_character_the_class_of_its_opposites() -> None:
    build = _build_script()
    # 鵩 (unseeded) stands against 雁 and 鹤 (动物) and once against 山 (地理).
    pairs: Counter[tuple[str, str]] = Counter()
    for a, b, n in (("鵩", "雁", 4), ("鵩", "鹤", 3), ("鵩", "山", 1)):
        pairs[a, b] += n
        pairs[b, a] += n
    labels = build.propagate(pairs)
    assert max(labels["鵩"], key=labels["鵩"].get) == "动物"
    first, _ = build.assign(labels, build.observed(pairs, labels))
    assert "鵩" in first["动物"]
    # A character set against too little is not classed.
    few: Counter[tuple[str, str]] = Counter({("鵩", "雁"): 1, ("雁", "鵩"): 1})
    assert "鵩" not in build.propagate(few)
