"""Lyrics: split a poem into lines and syllables, with Mandarin tones or English stress.

Chinese tones come from pypinyin's phrase-aware reading (so 行 in 银行 and 行走 differ),
then the sandhi a singer would use: 不 before a 4th tone is sung 2nd; 一 is 2nd before a
4th tone, 4th before the others, 1st when counting (第一, 十一, at the end), neutral between
repeated verbs (看一看); in a run of 3rd tones all but the last become 2nd (你好 → ni2 hao3).
English stress comes from CMUdict; words it lacks get a spelling-based estimate.

    >>> [s.tone for s in chinese_lines("灯塔")[0].syllables]
    [1, 3]
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from inkmuse.core.errors import InputError
from inkmuse.core.hanzi import has_han, normalize, split_lines

_DIGIT_CHARS = set("零一二三四五六七八九十百千万两")


@dataclass(frozen=True)
class Syllable:
    """One sung syllable. tone: Mandarin tone 1-4, 5 = neutral, 0 = not Chinese.
    stress: English lexical stress (0 none, 1 primary, 2 secondary); 1 for Chinese.
    rhyme: the rhyme class of the final (medials dropped) for Chinese, the last stressed
    vowel onward for English. word_pos: 'single', 'begin', 'middle' or 'end' in its word."""

    text: str
    reading: str
    tone: int
    stress: int
    rhyme: str
    word_pos: str = "single"


@dataclass(frozen=True)
class Line:
    """One lyric line: its syllables and its text as written."""

    text: str
    syllables: tuple[Syllable, ...]
    language: str  # 'zh' or 'en'

    def __len__(self) -> int:
        return len(self.syllables)


def detect_language(text: str) -> str:
    """'zh' when the text has Chinese characters, else 'en' when it has Latin letters."""
    if has_han(normalize(text)):
        return "zh"
    if re.search(r"[A-Za-z]", text):
        return "en"
    raise InputError(
        "the lyrics have no Chinese characters and no English words",
        accepted="a Chinese poem (e.g. 床前明月光，疑是地上霜。) or English lines",
    )


def _apply_sandhi(chars: str, tones: list[int]) -> list[int]:
    out = list(tones)
    for i, ch in enumerate(chars):
        nxt = tones[i + 1] if i + 1 < len(tones) else None
        if ch == "不" and tones[i] == 4 and nxt == 4:
            out[i] = 2
        elif ch == "一":
            prev_ch = chars[i - 1] if i > 0 else ""
            next_ch = chars[i + 1] if i + 1 < len(chars) else ""
            if prev_ch and prev_ch == next_ch:
                out[i] = 5  # 看一看
            elif nxt is None or prev_ch == "第" or next_ch in _DIGIT_CHARS or prev_ch == "十":
                out[i] = 1
            elif nxt == 4:
                out[i] = 2
            elif nxt in (1, 2, 3):
                out[i] = 4
    # Third-tone runs: every 3rd tone directly before another 3rd tone is sung as a 2nd.
    for i in range(len(out) - 2, -1, -1):
        if out[i] == 3 and tones[i + 1] == 3:
            out[i] = 2
    return out


def _rhyme_class(final: str) -> str:
    final = final.replace("ü", "v")
    if final in ("i", "u", "v"):
        return final
    return re.sub(r"^[iuv](?=[aeo])", "", final)


def chinese_lines(text: str) -> list[Line]:
    """Chinese lines with tones after sandhi. Raises InputError when nothing is singable."""
    from pypinyin import Style, lazy_pinyin

    lines = []
    for chars in split_lines(text):
        readings = lazy_pinyin(chars, style=Style.TONE3, neutral_tone_with_five=True)
        finals = lazy_pinyin(chars, style=Style.FINALS)
        tones = [int(r[-1]) if r[-1].isdigit() else 5 for r in readings]
        sung = _apply_sandhi(chars, tones)
        syllables = tuple(
            Syllable(
                text=ch,
                reading=re.sub(r"\d$", "", r) + str(t),
                tone=t,
                stress=1,
                rhyme=_rhyme_class(f),
            )
            for ch, r, f, t in zip(chars, readings, finals, sung, strict=True)
        )
        lines.append(Line(chars, syllables, "zh"))
    if not lines:
        raise InputError("the poem has no Chinese characters to sing", accepted="汉字 lines")
    return lines


# Short function words CMUdict gives a full stress, but a singer leaves weak.
_WEAK_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "am",
        "it",
        "its",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "with",
    ]
)


@lru_cache(maxsize=1)
def _cmudict() -> dict[str, list[list[str]]]:
    from inkmuse.core.cmu import cmudict

    return {word: [p.split() for p in prons] for word, prons in cmudict().items()}


def _split_spelling(word: str, count: int) -> list[str]:
    """Cut a written word into `count` chunks, each starting at the consonant before a
    vowel group (sum-mer, com-pare, love-ly). A silent e (at the end, or before -ly,
    -ness, -less, -ful, -ment) is not a syllable. Words whose spelling hides a syllable
    are cut evenly, so no syllable is left without text."""
    if count <= 1:
        return [word]
    lower = word.lower()
    groups = []
    for m in re.finditer(r"[aeiouy]+", lower):
        silent = m.group() == "e" and (
            m.end() == len(lower) or re.match(r"(ly|ness|less|ful|ment|s)$", lower[m.end() :])
        )
        if not silent and (m.start() > 0 or m.group() != "y"):
            groups.append(m.start())
    if len(groups) < count:
        step = len(word) / count
        bounds = [round(i * step) for i in range(count + 1)]
        return [word[a:b] for a, b in itertools.pairwise(bounds)]
    cuts: list[int] = []
    for g in groups[1:count]:
        cut = g - 1 if g - 1 > (cuts[-1] if cuts else 0) else g
        cuts.append(cut)
    bounds = [0, *cuts, len(word)]
    return [word[a:b] for a, b in itertools.pairwise(bounds)]


def _english_word(word: str) -> list[tuple[str, int, str]]:
    """[(syllable text, stress, rhyme)] for one word."""
    lower = word.lower().strip("'")
    prons = _cmudict().get(lower)
    if prons:
        phones = prons[0]
        vowels = [(i, p) for i, p in enumerate(phones) if p[-1].isdigit()]
        stresses = [int(p[-1]) for _, p in vowels]
        last = max((i for i, p in vowels if p[-1] in "12"), default=vowels[-1][0] if vowels else 0)
        rhyme = " ".join(p.rstrip("012") for p in phones[last:])
    else:
        n = max(
            1, len(re.findall(r"[aeiouy]+", lower)) - int(lower.endswith("e") and len(lower) > 3)
        )
        stresses = [1] + [0] * (n - 1)
        m = re.search(r"[aeiouy]+[^aeiouy]*$", lower)
        rhyme = m.group(0) if m else lower
    if not stresses:
        stresses = [1]
    if lower in _WEAK_WORDS and len(stresses) == 1:
        stresses = [0]
    chunks = _split_spelling(word, len(stresses))
    return [(c, s, rhyme) for c, s in zip(chunks, stresses, strict=True)]


def english_lines(text: str) -> list[Line]:
    """English lines (split at line breaks and sentence punctuation) with CMUdict stress."""
    lines = []
    for part in re.split(r"[\n\r;.!?/|]+", text):
        words = re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?", part)
        if not words:
            continue
        syllables = []
        for word in words:
            parts = _english_word(word)
            for i, (chunk, stress, rhyme) in enumerate(parts):
                if len(parts) == 1:
                    pos = "single"
                else:
                    pos = "begin" if i == 0 else "end" if i == len(parts) - 1 else "middle"
                syllables.append(Syllable(chunk, chunk.lower(), 0, stress, rhyme, pos))
        lines.append(Line(" ".join(words), tuple(syllables), "en"))
    if not lines:
        raise InputError("the lyrics have no English words to sing", accepted="English lines")
    return lines


def read_lyrics(text: str) -> list[Line]:
    """Lines of a poem in either language (Chinese when it has Chinese characters)."""
    if not text or not text.strip():
        raise InputError("the poem is empty", accepted="a Chinese poem or English lines")
    return chinese_lines(text) if detect_language(text) == "zh" else english_lines(text)


def rhyming_lines(lines: list[Line]) -> list[bool]:
    """Which lines end on the poem's rhyme: the even lines' most common rhyme, and line 1
    when it shares it (首句入韵). Non-rhyming lines still close every couplet."""
    if not lines:
        return []
    evens = [ln.syllables[-1].rhyme for i, ln in enumerate(lines) if i % 2 == 1]
    if not evens:
        return [True] * len(lines)
    main = max(sorted(set(evens)), key=evens.count)
    return [i % 2 == 1 or ln.syllables[-1].rhyme == main for i, ln in enumerate(lines)]
