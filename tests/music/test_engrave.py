"""Scores engrave cleanly in LilyPond (skipped where it is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inkmuse.music import ComposeRequest, compose, export
from inkmuse.music.engrave import engrave, fix_ly, lilypond_available


def test_fix_ly_rewrites_musicxml2lys_power_chords_and_stanza() -> None:
    text = fix_ly('g4.:m5 f2.:5 c8:sus2 \\set stanza = "1." \\Lyrics')
    assert text.startswith("g4.:m f2. c8:sus2 \\Lyrics")
    assert "indent = 32\\mm" in text


@pytest.mark.slow
@pytest.mark.skipif(not lilypond_available(), reason="LilyPond is not installed")
@pytest.mark.parametrize(
    ("poem", "meter", "refrain"),
    [
        ("床前明月光，疑是地上霜。举头望明月，低头思故乡。", "6/8", False),
        ("千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。", "4/4", True),
        ("白日依山尽，黄河入海流。欲穷千里目，更上一层楼。", "3/4", False),
        ("朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。", "2/4", False),
    ],
)
def test_songs_engrave_without_warnings(
    tmp_path: Path, poem: str, meter: str, refrain: bool
) -> None:
    piece = compose(ComposeRequest(poem=poem, seed=3, meter=meter, refrain=refrain))
    paths = export(piece, tmp_path, formats=("musicxml",))
    result = engrave(paths["musicxml"], tmp_path / "score", resolution=40)
    assert result.warnings == []
    assert result.pages and all(p.stat().st_size > 1000 for p in result.pages)
