"""合掌: the two lines of a couplet saying the same thing in other words.

《文心雕龙·丽辞》 names the fault with 刘琨's 宣尼悲获麟，西狩泣孔丘 (宣尼 is 孔丘, 悲 is 泣,
获麟 is 西狩: "若斯重出，即对句之骈枝也"); the couplet manuals' stock example is 神州千古秀，
赤县万年青. A foot of the lower line echoes the upper when it holds a word of the same
meaning anywhere in the upper line, since 合掌 is often crossed (宣尼 against 孔丘 at the
other end). The same character in both lines is not counted: that is 重字 (the checker's)
or a deliberate 回环 (古石衣新苔，新巢封古树), not a restatement. The couplet is 合掌 when most of its feet
echo (both of 五言's two, two of 七言's three): one shared word is a theme, two are a
restatement.

Same meaning is read from SYNONYMS, a small table of words that mean one thing, not from
the corpus: what stands opposite in Tang couplets is the same *class* (江/河, 晨/暮), which
is 工对, not the same sense. The table is small, so 合掌 in other words is missed.

    >>> echoes("神州千古秀", "赤县万年青")
    (('神州', '赤县'), ('千古', '万年'))
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from inkmuse.poetry.duizhang.feet import feet

# Groups of one meaning. Words first (宣尼/孔丘), then characters of one sense in Tang use.
# Each is a synonym set of 《汉语大词典》's glosses (泣: 无声或低声地哭; 睹: 看见), kept to
# senses where swapping one for the other leaves the line saying the same.
SYNONYMS = (
    "宣尼 孔丘 仲尼 孔子 尼父",  # 文心雕龙·丽辞
    "获麟 西狩",  # 同上: 鲁哀公西狩获麟
    "神州 赤县 中华 华夏 九州 中原",  # 神州千古秀，赤县万年青
    "千古 万古 千秋 万年 万代 千载 万世 终古",
    "故乡 故园 家乡 乡关 故里 桑梓",
    "夕阳 斜阳 残阳 落日 斜晖 夕晖",
    "明月 皓月 素月 玉蟾 冰轮 婵娟",
    "泣 哭 啼 涕",
    "悲 哀 伤 恸 戚",
    "忧 愁 虑",
    "喜 欢 悦 乐",
    "看 望 视 观 睹 瞻 览",
    "听 闻",
    "言 语 说",
    "归 还 回 返",
    "死 殁 亡 逝 卒",
    "寒 冷 凉",
    "静 寂 谧",
    "舟 船 艇 舸",
    "路 径 途 道",
    "首 头",
    "目 眼 眸",
    "友 朋",
    "年 岁 载",
    "晨 朝 晓 旦",
    "暮 夕 昏 晚",
    "木 树",
    "家 宅 舍",
)


@cache
def _meaning() -> dict[str, int]:
    return {w: i for i, group in enumerate(SYNONYMS) for w in group.split()}


def _units(line: str) -> list[tuple[int, int, str]]:
    """Every word of the table and every character in the line: (start, end, text)."""
    meaning = _meaning()
    out = [(i, i + 2, line[i : i + 2]) for i in range(len(line) - 1) if line[i : i + 2] in meaning]
    out.extend((i, i + 1, ch) for i, ch in enumerate(line))
    return out


def _same(a: str, b: str) -> bool:
    meaning = _meaning()
    return a != b and a in meaning and b in meaning and meaning[a] == meaning[b]


def echoes(upper: str, lower: str) -> tuple[tuple[str, str], ...]:
    """For each foot of the lower line that restates the upper: (upper word, lower word)."""
    ups = _units(upper)
    out = []
    bounds = feet(len(lower))
    for start, end in pairwise(bounds):
        found = None
        for a, b, word in _units(lower):
            if a < start or b > end:
                continue
            match = next((w for _, _, w in ups if _same(w, word)), None)
            if match is not None:
                found = (match, word)
                break
        if found is not None:
            out.append(found)
    return tuple(out)


def is_hezhang(upper: str, lower: str) -> bool:
    """Whether most feet of the lower line restate the upper (both of two, two of three)."""
    n = len(feet(len(lower))) - 1
    return n >= 2 and len(echoes(upper, lower)) >= max(2, (2 * n + 2) // 3)
