"""Build the word-reading table: how a two-tone character reads inside a word (扁舟, 万顷).

    .venv/bin/python scripts/build_word_readings.py   # a few seconds

A character the 平水韵 lists under both a level and an oblique group (看: 寒 and 翰; 扁:
先 and 铣) is read by the checker in whichever tone fits the pattern. Inside a word its
sense fixes the reading, and the modern reading of the word tells which: pypinyin's phrase
dictionary (MIT; phrases from CC-CEDICT and other open lists) gives 扁舟 piān zhōu, 万顷
wàn qǐng, 看花 kàn huā. A modern 3rd or 4th tone is an oblique reading; a 1st or 2nd tone
is a level one, unless the character also has an entering-tone (入声) reading, which modern
Mandarin spreads over all four tones, so it decides nothing and is left out. Only words of
two to four characters whose characters are all Chinese are read, and only those that real
poems use: MIN_USES times or more in the poet's training split (data/poet-corpus-v1, npm
chinese-poetry 2.0.1, MIT), so the table holds the words of verse, not of newspapers.

The modern reading is not always the classical one (不胜 and 经过 read 平 in verse, 乡思
仄), so each word is then tried against the poets themselves: over the same split's poems,
at every strict position where the checker's reading of such a character rests on the
pattern, the reading the pattern gives is compared with the word's. A word stays only when
the poets read it its way at least AGREE of the time over at least MIN_TRIALS positions.

Writes src/inkmuse/poetry/data/word_readings.json: {"words": {"扁舟": "平·", ...}}, one mark
per character: 平 or 仄 where the word fixes a two-tone character's reading, · elsewhere.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src/inkmuse/poetry/data/word_readings.json"
CORPUS = ROOT / "data/poet-corpus-v1/train.jsonl"
MIN_USES = 3
MIN_TRIALS = 5
AGREE = 0.9


def main() -> int:
    from pypinyin.constants import PHRASES_DICT

    from inkmuse.core.hanzi import is_han
    from inkmuse.core.prosody import get_rhymebook
    from inkmuse.core.tones import Tone

    book = get_rhymebook("平水韵")
    two_tone: dict[str, bool] = {}  # character -> whether it has an entering-tone reading

    def kind(ch: str) -> bool | None:
        if ch not in two_tone:
            readings = book.readings(ch)
            tones = {r.tone for r in readings if not r.estimated}
            two_tone[ch] = len(tones) == 2 and any("入" in r.group for r in readings)
            if len(tones) != 2:
                two_tone[ch] = None  # type: ignore[assignment]
        return two_tone[ch]

    if not CORPUS.exists():
        sys.exit("corpus v1 missing: run training/prepare_corpus.py")
    verse = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    words: dict[str, str] = {}
    for phrase, syllables in PHRASES_DICT.items():
        if not 2 <= len(phrase) <= 4 or len(syllables) != len(phrase):
            continue
        if not all(is_han(c) for c in phrase):
            continue
        marks = []
        for ch, options in zip(phrase, syllables, strict=True):
            entering = kind(ch)
            tone = _tone_number(options[0])
            if entering is None or tone is None:
                marks.append("·")
            elif tone in (3, 4):
                marks.append(Tone.ZE.value)
            elif tone in (1, 2) and not entering:
                marks.append(Tone.PING.value)
            else:
                marks.append("·")
        if any(m != "·" for m in marks):
            words[phrase] = "".join(marks)
    uses: dict[str, int] = dict.fromkeys(words, 0)
    for text in verse:  # one pass: every 2- to 4-character window of every line
        for k in range(len(text)):
            for size in (2, 3, 4):
                window = text[k : k + size]
                if window in uses:
                    uses[window] += 1
    words = {w: m for w, m in words.items() if uses[w] >= MIN_USES}
    trials = _tried_by_the_poets(verse, words)
    kept = {
        w: m
        for w, m in words.items()
        if sum(trials.get(w, (0, 0))) >= MIN_TRIALS and trials[w][0] / sum(trials[w]) >= AGREE
    }
    dropped = sorted(
        (w for w in words if w not in kept and w in trials), key=lambda w: -sum(trials[w])
    )
    print(f"{len(words):,} candidate words; {len(kept):,} agree with the poets; dropped e.g.:")
    print(" ".join(f"{w}({trials[w][0]}/{sum(trials[w])})" for w in dropped[:30]))
    words = kept
    # The checker reads poems as written, often in traditional characters (全唐诗 is): each
    # word is also listed in its traditional form (OpenCC s2t), so no conversion runs per
    # line at check time (that cost the checker two thirds of its speed).
    import opencc

    s2t = opencc.OpenCC("s2t")
    for word, marks in list(words.items()):
        traditional = s2t.convert(word)
        if traditional != word and len(traditional) == len(word):
            words.setdefault(traditional, marks)
    out = {
        "built_by": "scripts/build_word_readings.py",
        "source": "pypinyin phrase dictionary (MIT), mapped into 平水韵 tone classes",
        "words": dict(sorted(words.items())),
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"{len(words):,} words fix a two-tone character; {OUT.stat().st_size:,} bytes")
    for w in ("扁舟", "万顷", "收拾", "不可", "看花", "乘风", "空山", "长安"):
        print(w, words.get(w))
    return 0


def _tried_by_the_poets(verse: list[str], words: dict[str, str]) -> dict[str, tuple[int, int]]:
    """word -> (agreeing, disagreeing) strict polyphone positions in real poems."""
    from inkmuse.core.errors import InputError
    from inkmuse.poetry.checker import check_poem
    from inkmuse.poetry.word_readings import word_reading

    tally: dict[str, list[int]] = {}
    for text in verse:
        try:
            report = check_poem(text)
        except InputError:
            continue
        for line in report.lines:
            for j, info in enumerate(line.chars):
                if not (info.polyphone and info.strict):
                    continue
                found = word_reading(line.text, j, words)
                if found is None:
                    continue
                counts = tally.setdefault(found[0], [0, 0])
                counts[0 if found[1] is info.resolved else 1] += 1
    return {w: (a, d) for w, (a, d) in tally.items()}


def _tone_number(syllable: str) -> int | None:
    """The tone of a pypinyin syllable with diacritics (piān -> 1), None for neutral."""
    marks = {"āēīōūǖ": 1, "áéíóúǘ": 2, "ǎěǐǒǔǚ": 3, "àèìòùǜ": 4}
    for chars, tone in marks.items():
        if any(c in syllable for c in chars):
            return tone
    return None


if __name__ == "__main__":
    raise SystemExit(main())
