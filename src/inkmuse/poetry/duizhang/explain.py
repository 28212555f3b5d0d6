"""The one-line explanation of a 对仗 judgement, in Chinese and English.

Each foot is shown with how its positions stand: 「万里」对「百年」：数目·同为名词 ✓.

    >>> from inkmuse.poetry.duizhang.judge import judge_couplet
    >>> judge_couplet("万里悲秋常作客", "百年多病独登台").zh.split("；")[0]
    '宽对：「万里」对「百年」：数目·同为名词 ✓'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inkmuse.poetry.duizhang.judge import CoupletJudgement, FootMatch, PositionMatch

VERDICT_EN = {
    "工对": "parallel, exact (gong dui)",
    "宽对": "parallel, loose (kuan dui)",
    "不对": "not parallel (bu dui)",
    "合掌": "parallel but restating itself (he zhang)",
}
CLASS_EN = {
    "天文": "sky", "时令": "season", "地理": "land", "宫室": "building", "器物": "object",
    "植物": "plant", "动物": "animal", "形体": "body", "人物": "person", "人事": "affair",
    "动作": "verb", "性状": "quality", "虚字": "function word", "数目": "number",
    "颜色": "colour", "方位": "direction", "叠字": "reduplication", "名词": "noun",
    "谓词": "predicate", "数词": "numeral", "虚词": "function word",
}  # fmt: skip


def _label(p: PositionMatch, zh: bool) -> str:
    name = p.shared if zh else CLASS_EN.get(p.shared, p.shared)
    if p.how in ("class", "double"):
        return name
    if p.how == "kind":
        return f"同为{name}" if zh else f"both {name}s"
    if p.how == "word":
        return f"词对（{name}）" if zh else f"as words ({name})"
    if p.how == "common":
        return "常对" if zh else "a usual pairing"
    if p.how == "same":
        return "同字" if zh else "the same character"
    if p.how == "lone_double":
        return (
            f"{p.upper}/{p.lower}叠字不对"
            if zh
            else f"{p.upper}/{p.lower}: reduplication unmatched"
        )

    def cls(c: tuple[str, ...]) -> str:
        if not c:
            return "未见" if zh else "unseen"
        return c[0] if zh else CLASS_EN.get(c[0], c[0])

    return (
        f"{p.upper}（{cls(p.upper_classes)}）/{p.lower}（{cls(p.lower_classes)}）不对"
        if zh
        else f"{p.upper} ({cls(p.upper_classes)}) / {p.lower} ({cls(p.lower_classes)}) do not match"
    )


def _foot(f: FootMatch, zh: bool) -> str:
    labels = "·".join(dict.fromkeys(_label(p, zh) for p in f.positions))
    mark = "✓" if f.matched else "✗"
    if zh:
        return f"「{f.upper}」对「{f.lower}」：{labels} {mark}"
    return f"「{f.upper}」/「{f.lower}」: {labels} {mark}"


def explain_zh(j: CoupletJudgement) -> str:
    body = "；".join(_foot(f, True) for f in j.feet)
    if j.verdict == "合掌":
        said = "，".join(f"「{b}」即「{a}」" for a, b in j.echoes)
        return f"合掌：{said}，下句重述上句；{body}"
    return f"{j.verdict}：{body}"


def explain_en(j: CoupletJudgement) -> str:
    body = "; ".join(_foot(f, False) for f in j.feet)
    if j.verdict == "合掌":
        said = ", ".join(f"「{b}」 restates 「{a}」" for a, b in j.echoes)
        return f"{VERDICT_EN[j.verdict]}: {said}; {body}"
    return f"{VERDICT_EN[j.verdict]}: {body}"
