"""The fidelity set: ideas with what their painting must show and must not, tested on the
scene plan (what was placed where), over several seeds.

A token is an element kind ("smoke", "moon"), a tree species ("tree:bamboo"), a weather
("weather:snow"), a field of the plan ("kind=desert", "water=none", "sky=warm"), "sun=low"
or "moon=low" (standing within a sixth of the height above the horizon), or "rain+snow" (both at
once). Required tokens must hold on every seed; forbidden ones on none.
"""

from __future__ import annotations

from typing import Any

import pytest

from inkmuse.painting.reader import read_scene
from inkmuse.painting.scene import compose_scene

BIRDS = "birds geese crane"
BUILDINGS = "village pavilion temple bridge"
CASES: list[tuple[str, str, str]] = [
    ("大漠孤烟直", "kind=desert smoke", f"water=lake {BIRDS} waterfall"),
    ("大漠孤烟直，长河落日圆", "kind=desert smoke water=river sun=low sky=warm", "water=lake moon"),
    ("千山鸟飞绝，万径人踪灭", "", f"{BIRDS} {BUILDINGS}"),
    ("千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪", "boat weather:snow", f"{BIRDS} weather:rain {BUILDINGS}"),
    ("落日", "sun=low sky=warm", "moon weather:rain"),
    ("枯藤老树昏鸦，小桥流水人家，夕阳西下", "sun=low sky=warm bridge village birds", "moon"),
    ("白日依山尽，黄河入海流", "sun=low sky=warm", f"moon {BIRDS}"),
    ("床前明月光，疑是地上霜。举头望明月，低头思故乡。", "moon sky=night", f"sun weather:rain weather:snow {BIRDS}"),
    ("海上生明月，天涯共此时", "kind=coast water=sea moon", "sun waterfall"),
    ("空山不见人，但闻人语响", "", f"{BUILDINGS} {BIRDS} waterfall"),
    ("江南好，风景旧曾谙", "kind=village village bridge", f"waterfall {BIRDS}"),
    ("小桥流水人家", "kind=village bridge water=river", "waterfall"),
    ("独坐幽篁里，弹琴复长啸", "kind=bamboo tree:bamboo", f"{BIRDS} waterfall"),
    ("竹林 细雨", "kind=bamboo tree:bamboo weather:rain", "sun moon"),
    ("两岸垂柳", "kind=willows tree:willow", "waterfall"),
    ("姑苏城外寒山寺，夜半钟声到客船", "kind=temple temple boat sky=night", "sun"),
    ("云海", "kind=cloud_sea cloud_sea water=none", f"{BIRDS} boat"),
    ("会当凌绝顶，一览众山小", "kind=cloud_sea", f"{BIRDS} waterfall"),
    ("北国风光，千里冰封，万里雪飘", "kind=snowy_plain weather:snow", "weather:rain water=lake"),
    ("君问归期未有期，巴山夜雨涨秋池", "weather:rain sky=night", "moon sun"),
    ("雨 明月", "moon", "weather:rain"),
    ("雨雪霏霏", "", "rain+snow"),
    ("日照香炉生紫烟，遥看瀑布挂前川。飞流直下三千尺，疑是银河落九天。", "kind=mountains waterfall", "stars moon"),
    ("黄河远上白云间，一片孤城万仞山。羌笛何须怨杨柳，春风不度玉门关。", "kind=desert", "water=lake"),
    ("塞下秋来风景异，衡阳雁去无留意", "kind=desert geese", "water=lake waterfall"),
    ("两个黄鹂鸣翠柳，一行白鹭上青天", "kind=willows crane tree:willow", "waterfall"),
    ("孤帆远影碧空尽，唯见长江天际流", "boat", f"water=none {BIRDS}"),
    ("远上寒山石径斜，白云生处有人家", "village", "waterfall"),
    ("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。", "birds weather:rain", "moon sun weather:snow"),
    ("渭城朝雨浥轻尘，客舍青青柳色新", "kind=willows tree:willow village weather:rain", "sun moon"),
    ("借问酒家何处有，牧童遥指杏花村", "village", "waterfall"),
    ("月落乌啼霜满天，江枫渔火对愁眠", "moon=low birds sky=night", "sun"),
    ("烟波江上使人愁", "kind=lake water=lake", f"{BIRDS} waterfall"),
    ("青山", "", f"{BIRDS} waterfall boat {BUILDINGS} moon sun stars"),
    ("a harbour at dawn, gulls over the water", "kind=coast sun=low sky=dawn birds", "moon"),
    ("a desert at sunset, no birds", "kind=desert sun=low sky=warm", f"{BIRDS} water=lake"),
    ("a snowfield under the moon", "kind=snowy_plain moon sky=night", "sun weather:rain"),
    ("a pagoda on the mountain", "kind=temple temple", f"{BIRDS} waterfall"),
    ("mountains with no moon and no clouds", "", "moon weather:cloud cloud_sea"),
    ("a lake without boats, in the rain", "kind=lake water=lake weather:rain", "boat sun moon"),
    ("众鸟高飞尽，孤云独去闲", "weather:cloud", BIRDS),
]  # fmt: skip


def holds(token: str, plan: dict[str, Any]) -> bool:
    """Whether one token holds on a scene plan."""
    elements = plan["elements"]
    if token == "rain+snow":
        return {"rain", "snow"} <= set(plan["weather"])
    if token in ("sun=low", "moon=low"):
        body = token.split("=")[0]
        return any(e["kind"] == body and e["y"] > plan["horizon"] - 1 / 6 for e in elements)
    if "=" in token:
        field, value = token.split("=")
        actual = plan[field] if field != "water" else (plan["water"] or "none")
        return bool(actual == value)
    if token.startswith("weather:"):
        return token.split(":")[1] in plan["weather"]
    if token.startswith("tree:"):
        return any(e["kind"] == "tree" and e["variant"] == token[5:] for e in elements)
    return any(e["kind"] == token for e in elements)


@pytest.mark.parametrize(("idea", "required", "forbidden"), CASES, ids=[c[0][:12] for c in CASES])
def test_the_scene_shows_what_is_asked_and_nothing_denied(
    idea: str, required: str, forbidden: str
) -> None:
    intent = read_scene(idea)
    for seed in range(4):
        plan = compose_scene(intent, 640, 480, seed).plan()
        missing = [t for t in required.split() if not holds(t, plan)]
        present = [t for t in forbidden.split() if holds(t, plan)]
        assert not missing and not present, (seed, missing, present, plan["notes"])


def test_the_set_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_a_simile_is_not_painted_and_the_note_says_so() -> None:
    intent = read_scene("疑是银河落九天")
    assert "stars" not in intent.wanted and any("simile" in n for n in intent.notes)


def test_have_you_not_seen_is_not_a_denial() -> None:
    """君不见黄河之水天上来: 'have you not seen' shows the river."""
    assert "river" not in read_scene("君不见黄河之水天上来").forbidden


def test_boundless_is_not_a_denial() -> None:
    """无边落木萧萧下: 无边 is 'boundless', it takes nothing away."""
    assert read_scene("无边落木萧萧下").forbidden == ()


def test_a_theme_given_outright_is_kept() -> None:
    from inkmuse.core.theme import Theme

    intent = read_scene("", Theme(imagery=("bamboo", "moon")))
    assert intent.kind == "bamboo" and intent.sky == "night" and "moon" in intent.wanted
