"""Evaluate the 词 checker on 宋词三百首, which scripts/build_cipu.py held out of the 词谱.

    make corpus && .venv/bin/python benchmarks/eval_ci.py [--show-failures]

Prints (1) the share of the anthology's ci of covered tunes that pass (no error; warnings
allowed) under their best-fitting variant, with a histogram of faults; (2) the share of
single-character tone flips at strict positions caught: each strict character of each
passing ci is replaced by a common character of the opposite tone (not a polyphone, not
already in the ci) and the mutated ci must fail; (3) how the derived 正体 of seven common
tunes compares with 龙榆生《唐宋词格律》, position by position; (4) famous couplets.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from songci import ERRATA, correct, match_anthology, read_anthology, read_song_ci

from inkmuse.core.errors import InputError
from inkmuse.core.prosody import get_rhymebook, position_frequencies
from inkmuse.core.tones import Tone
from inkmuse.poetry.ci import check_ci, find_tune
from inkmuse.poetry.ci.checker import CiReport
from inkmuse.poetry.ci.cipu import STRICT
from inkmuse.poetry.ci.couplet import check_couplet
from inkmuse.poetry.text import _ANNOTATION, split_poem

CORPUS = Path(__file__).resolve().parents[1] / "data/cache/chinese-poetry-2.0.1/package/dist"

# 龙榆生《唐宋词格律》 (上海古籍出版社, 1978), the 正体 of seven tunes: 中 = 可平可仄,
# (韵) marks a rhyme. Typed from the book's 定格 for the comparison below.
LONG_YUSHENG = {
    "浣溪沙": "中仄中平中仄平(韵)，中平中仄仄平平(韵)。中平中仄仄平平(韵)。"
    "中仄中平平仄仄，中平中仄仄平平(韵)。中平中仄仄平平(韵)。",
    "菩萨蛮": "中平中仄平平仄(韵)，中平中仄平平仄(韵)。中仄仄平平(韵)，中平中仄平(韵)。"
    "中平平仄仄(韵)，中仄平平仄(韵)。中仄仄平平(韵)，中平中仄平(韵)。",
    "如梦令": "中仄中平中仄(韵)，中仄中平中仄(韵)。中仄仄平平，中仄中平中仄(韵)。"
    "平仄(韵)，平仄(韵)，中仄中平中仄(韵)。",
    "西江月": "中仄中平中仄，中平中仄平平(韵)。中平中仄仄平平(韵)，中仄中平中仄(韵)。"
    "中仄中平中仄，中平中仄平平(韵)。中平中仄仄平平(韵)，中仄中平中仄(韵)。",
    "卜算子": "中仄仄平平，中仄平平仄(韵)。中仄平平仄仄平，中仄平平仄(韵)。"
    "中仄仄平平，中仄平平仄(韵)。中仄平平仄仄平，中仄平平仄(韵)。",
    "清平乐": "中平中仄(韵)，中仄平平仄(韵)。中仄中平平仄仄(韵)，中仄中平中仄(韵)。"
    "中平中仄平平(韵)，中平中仄平平(韵)。中仄中平中仄，中平中仄平平(韵)。",
    "鹧鸪天": "中仄平平中仄平(韵)，中平中仄仄平平(韵)。中平中仄平平仄，中仄平平仄仄平(韵)。"
    "平仄仄，仄平平(韵)，中平中仄仄平平(韵)。中平中仄平平仄，中仄平平仄仄平(韵)。",
}


def load_anthology(as_filed: bool) -> list[tuple[str, str, str]]:
    """(tune as tagged, author, text) for every ci of 宋词三百首: the text of its 全宋词
    copy, which keeps the characters the anthology file lost, unless `as_filed`."""
    if not (CORPUS / "songci" / "宋词三百首.json").exists():
        sys.exit(f"corpus not found under {CORPUS}: run `make corpus` first")
    anthology = read_anthology()
    song = [] if as_filed else read_song_ci()
    copies = [None] * len(anthology) if as_filed else match_anthology(song, anthology)
    out = []
    for ci, copy in zip(anthology, copies, strict=True):
        text = ci.text if copy is None else song[copy].text
        out.append((ci.rhythmic, ci.author, _ANNOTATION.sub("", text)))
    return out


def tune_of(tag: str) -> str | None:
    """The covered tune a tag names ("木兰花・玉楼春" is "alias・本名"), or None."""
    for name in reversed(tag.split("・")):
        tune = find_tune(name)
        if tune is not None:
            return tune.name
    return None


def _other_form(text: str, tune: str) -> bool:
    """A ci a quarter longer or shorter than every variant of its tune: 柳永's 浪淘沙 is
    the 135-character 浪淘沙慢, not the 54-character 令 the 词谱 holds under that name."""
    found = find_tune(tune)
    assert found is not None
    n = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return all(abs(n - v.total) > v.total / 4 for v in found.variants)


def flip_candidates(tone: Tone, length: int, pos: int) -> list[str]:
    book = get_rhymebook("平水韵")
    return [c for c in position_frequencies(length)[pos][:400] if book.tones(c) == {tone}]


def flip_test(passing: list[tuple[str, CiReport]]) -> tuple[int, int, list[str]]:
    """(caught, flips, missed texts): every strict single-tone character flipped in turn."""
    caught = flips = 0
    missed = []
    book = get_rhymebook("平水韵")
    for tune, report in passing:
        lines = list(report.poem.lines)
        body = "".join(lines)
        # The pattern over the poem's own characters (a 衬字 stands outside it, as 衬).
        pattern = "".join(row["pattern"] or "" for row in report.grid())
        at = 0
        for i, line in enumerate(lines):
            for j, ch in enumerate(line):
                want = STRICT.get(pattern[at + j])
                if want is None or book.tones(ch) != {want}:
                    continue
                repl = next(
                    (c for c in flip_candidates(want.opposite, len(line), j) if c not in body),
                    None,
                )
                if repl is None:
                    continue
                mutated = list(lines)
                mutated[i] = line[:j] + repl + line[j + 1 :]
                text = "".join(x + p for x, p in zip(mutated, report.poem.puncts, strict=True))
                flips += 1
                if check_ci(text, tune).ok:
                    missed.append(text)
                else:
                    caught += 1
            at += len(line)
    return caught, flips, missed


def _longyusheng_lines(ref: str) -> list[str]:
    """A 定格 as typed above, split into its lines of tone marks."""
    return [x for x in ref.replace("(韵)", "").replace("。", "，").split("，") if x]


def compare_long(show: bool) -> None:
    """Position by position: the derived 正体 against 龙榆生's 定格."""
    print("\nderived 正体 against 龙榆生《唐宋词格律》 (strict = 平/仄, free = 中/⊕/⊖):")
    for tune, ref in LONG_YUSHENG.items():
        derived = find_tune(tune)
        assert derived is not None
        v = derived.variants[0]
        lines = _longyusheng_lines(ref)
        ref_pattern = "".join(lines)
        ref_rhymes = {i for i, x in enumerate(ref.replace("。", "，").split("，")) if "(韵)" in x}
        if [len(x) for x in lines] != list(v.lengths):
            print(f"  {tune}: line lengths differ ({[len(x) for x in lines]} vs {v.lengths})")
            continue
        both = stricter = looser = clash = 0
        for r, d in zip(ref_pattern, v.pattern, strict=True):
            if r in STRICT and d in STRICT:
                both += 1
                clash += r != d
            elif r in STRICT:
                looser += 1
            elif d in STRICT:
                stricter += 1
        rhymes = {i for i, r in enumerate(v.rhyme) if r is not None}
        print(
            f"  {tune}: {len(ref_pattern)} positions; both strict {both} (opposite {clash}); "
            f"strict only in 龙榆生 {looser}; strict only derived {stricter}; rhymes "
            f"{'same' if rhymes == ref_rhymes else f'derived {sorted(rhymes)} vs {sorted(ref_rhymes)}'}"
        )
        if show:
            print(f"    龙榆生 {ref_pattern}\n    derived {v.pattern}")


def against_longyusheng(poems: list[tuple[str, str, str]]) -> None:
    """The anthology's ci of the seven tunes held to 龙榆生's 定格 tones, against the
    derived table: does the reference itself pass what the derived table fails?"""
    book = get_rhymebook("平水韵")
    held = ref_ok = derived_ok = 0
    faults = []
    for tag, author, text in poems:
        tune = tune_of(tag)
        if tune not in LONG_YUSHENG:
            continue
        pattern = "".join(_longyusheng_lines(LONG_YUSHENG[tune]))
        body = "".join(split_poem(text).lines)
        if len(body) != len(pattern):
            continue  # another shape (a 衬字, a 又一体): 龙榆生's 定格 cannot hold it
        held += 1
        off = [
            ch
            for ch, mark in zip(body, pattern, strict=True)
            if mark in STRICT and (tones := book.tones(ch)) and STRICT[mark] not in tones
        ]
        ref_ok += not off
        derived_ok += check_ci(text, tune).ok
        if off:
            faults.append(f"{tag} {author} ({''.join(off)})")
    print(
        f"  the anthology's {held} ci of these tunes in the 定格's shape: 龙榆生's tones pass "
        f"{ref_ok}, the derived table passes {derived_ok}; 龙榆生 faults: {', '.join(faults)}"
    )


# Famous couplets (对联) with where they hang or who wrote them.
COUPLETS = [
    ("风声雨声读书声，声声入耳", "家事国事天下事，事事关心", "顾宪成，无锡东林书院"),
    ("海内存知己", "天涯若比邻", "王勃句，常作联"),
    ("天增岁月人增寿", "春满乾坤福满门", "春联"),
    ("宝剑锋从磨砺出", "梅花香自苦寒来", "《警世贤文》"),
    ("书山有路勤为径", "学海无涯苦作舟", "相传韩愈"),
    ("室雅何须大", "花香不在多", "郑板桥"),
    ("四面荷花三面柳", "一城山色半城湖", "刘凤诰，济南大明湖"),
    ("横眉冷对千夫指", "俯首甘为孺子牛", "鲁迅"),
    ("铁肩担道义", "辣手著文章", "李大钊"),
    ("事能知足心常惬", "人到无求品自高", "陈伯崖"),
    ("春风大雅能容物", "秋水文章不染尘", "邓石如"),
    (
        "有志者，事竟成，破釜沉舟，百二秦关终属楚",
        "苦心人，天不负，卧薪尝胆，三千越甲可吞吴",
        "蒲松龄",
    ),
    ("两个黄鹂鸣翠柳", "一行白鹭上青天", "杜甫句，常作联"),
    ("爆竹一声除旧", "桃符万户更新", "春联"),
    ("千秋邈矣独留我", "百战归来再读书", "曾国藩"),
    ("五湖四海皆春色", "万水千山尽得辉", "春联"),
    ("海纳百川，有容乃大", "壁立千仞，无欲则刚", "林则徐"),
    ("大肚能容，容天下难容之事", "开口便笑，笑世间可笑之人", "弥勒殿联"),
]


def eval_couplets() -> None:
    passed = 0
    print("\nfamous couplets (对联):")
    for upper, lower, source in COUPLETS:
        report = check_couplet(upper, lower)
        passed += report.ok
        if not report.ok:
            print(f"  fails: {upper} / {lower} ({source}): {report.errors[0].zh}")
    print(f"  pass: {passed}/{len(COUPLETS)}")


@dataclass
class Judged:
    covered: int = 0
    passed: int = 0
    outright: int = 0  # passed with no warning
    histogram: Counter[str] = field(default_factory=Counter)
    variants: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    passing: list[tuple[str, CiReport]] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # 慢词 under a 令's name


def judge(poems: list[tuple[str, str, str]]) -> Judged:
    """Every ci of a covered tune checked against its tune, best-fitting variant."""
    out = Judged()
    for tag, author, text in poems:
        tune = tune_of(tag)
        if tune is None:
            continue
        out.covered += 1
        if _other_form(text, tune):
            out.other.append(f"{tag} {author}")
        try:
            report = check_ci(text, tune)
        except InputError as err:
            out.failures.append(f"{tag} {author}: {err}")
            continue
        out.variants["正体" if report.variant.index == 0 else "又一体"] += 1
        for f in report.errors + report.warnings:
            out.histogram[f"{f.name_zh} ({f.severity})"] += 1
        if report.ok:
            out.passed += 1
            out.outright += not report.warnings
            out.passing.append((tune, report))
        else:
            shown = "; ".join(f.zh for f in report.errors[:3])
            out.failures.append(f"{tag} {author} [{report.variant.name}]: {shown}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument(
        "--as-filed",
        action="store_true",
        help="read the anthology file's own text, with the characters it lost",
    )
    args = parser.parse_args()
    as_printed = load_anthology(args.as_filed)
    # The misprints both copies share set right (songci.ERRATA); the count as printed too.
    poems = [(tag, author, correct(author, text)) for tag, author, text in as_printed]
    j = judge(poems)
    printed = judge(as_printed)
    covered, passed = j.covered, j.passed
    print(f"宋词三百首: {len(poems)} ci, {covered} of covered tunes")
    print(
        f"pass under the best-fitting variant: {passed}/{covered} = {passed / covered:.1%} "
        f"({j.outright} with no warning); held to 正体 {j.variants['正体']}, "
        f"又一体 {j.variants['又一体']}"
    )
    print(
        f"  with the text as printed ({len(ERRATA)} misprints of songci.ERRATA left in): "
        f"{printed.passed}/{printed.covered} = {printed.passed / printed.covered:.1%}"
    )
    print(
        f"  {len(j.other)} of the failures are a longer tune under the same name (慢词: "
        f"{', '.join(j.other)}); without them {passed}/{covered - len(j.other)} = "
        f"{passed / (covered - len(j.other)):.1%}"
    )
    for name, n in j.histogram.most_common():
        print(f"  {name}: {n}")
    if args.show_failures:
        for line in j.failures:
            print("  failed:", line)
    caught, flips, missed = flip_test(j.passing)
    print(
        f"single-character tone flips at strict positions: caught {caught}/{flips} = "
        f"{caught / flips:.1%}"
    )
    if args.show_failures:
        for text in missed[:10]:
            print("  missed:", text)
    compare_long(args.show_failures)
    against_longyusheng(poems)
    eval_couplets()


if __name__ == "__main__":
    main()
