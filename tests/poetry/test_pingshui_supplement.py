"""The build script's sourced supplement of 平水韵 readings reaches the shipped table: 槎
reads 平 in 六麻 (杜甫《秋兴八首》其二 rhymes on it) beside its 仄 reading in 二十一马."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from inkmuse.core.prosody import get_rhymebook
from inkmuse.core.tones import Tone
from inkmuse.poetry.checker import check_poem

ROOT = Path(__file__).resolve().parents[2]
QIUXING_2 = (
    "夔府孤城落日斜，每依北斗望京华。听猿实下三声泪，奉使虚随八月槎。"
    "画省香炉违伏枕，山楼粉堞隐悲笳。请看石上藤萝月，已映洲前芦荻花。"
)


def test_cha_reads_level_in_liu_ma() -> None:
    book = get_rhymebook("平水韵")
    assert book.tones("槎") == {Tone.PING, Tone.ZE}
    assert "下平声六麻" in book.rhyme_groups("槎", Tone.PING)


def test_qiuxing_rhymes_on_cha() -> None:
    report = check_poem(QIUXING_2, "七律")
    assert report.ok, [f.zh for f in report.errors]
    assert not [f for f in report.faults if f.kind in ("chu_yun", "lin_yun")]


def test_every_supplement_reading_is_in_the_shipped_table() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_prosody_tables", ROOT / "scripts/build_prosody_tables.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    groups = json.loads((ROOT / "src/inkmuse/core/data/pingshui.json").read_text(encoding="utf-8"))[
        "groups"
    ]
    assert module.PINGSHUI_SUPPLEMENT["槎"] == "下平声六麻"
    for ch, group in module.PINGSHUI_SUPPLEMENT.items():
        assert ch in groups[group]["chars"], (ch, group)
