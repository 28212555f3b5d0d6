"""English word pronunciations: syllables and stress from CMUdict, with guesses for the rest.

    >>> [p.stresses for p in pronunciations("flower")]
    [(1, 0), (1,)]
    >>> pronunciations("untrimm'd")[0].syllables
    2

CMUdict (shipped, see cmu.py) knows 126,052 words. Verse also uses archaic and elided
spellings (grow'st, untrimm'd, o'er) that it lacks: those are rebuilt from the base word
(grow + "st", un + trimmed). A word still unknown gets a syllable estimate from its
spelling (cmu.estimate_syllable_counts: one count, or two when a vowel pair may slur) and
no stress (`guessed=True`): the scansion leaves it free and the report says so.
Elision is offered as a variant (flower as one syllable, heav'n, ev'ry): poets count them
either way, so the scansion chooses, at a small cost.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from inkmuse.core.cmu import cmudict, estimate_syllable_counts

VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())  # noqa: SIM905

# Monosyllables that verse leaves unstressed unless the meter promotes them.
FUNCTION_WORDS = frozenset(
    """
    a an the and but or nor for so yet if as at by in of on to up from with into onto upon
    than that this these those there then when where while which who whom whose what i me my
    mine we us our you your he him his she her it its they them their thou thee thy thine ye
    is am are was were be been has have had do does did doth hath shall should will would can
    could may might must shalt wilt art not no all some such own o oh ah than too 'tis 'twas
    let how why whence thence hence ere o'er e'er ne'er
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# Archaic and elided words CMUdict lacks, in its notation.
_ARCHAIC = {
    "o'er": "OW1 R", "e'er": "EH1 R", "canst": "K AE1 N S T", "wouldst": "W UH1 D S T",
    "couldst": "K UH1 D S T", "shouldst": "SH UH1 D S T", "didst": "D IH1 D S T",
    "hast": "HH AE1 S T", "wert": "W ER1 T", "'twere": "T W ER1", "'gainst": "G EH1 N S T",
    "th'": "DH", "i'": "IH0", "ope": "OW1 P", "oft": "AO1 F T", "thro'": "TH R UW1",
}  # fmt: skip
# Readings CMUdict lacks: first-syllable noun stress it gives only the verb stress for.
_EXTRA = {"perfume": "P ER1 F Y UW0 M", "perfumes": "P ER1 F Y UW0 M Z",
          "romance": "R OW1 M AE0 N S", "address": "AE1 D R EH2 S", "research": "R IY1 S ER0 CH"}  # fmt: skip
_SHORT_WORDS = FUNCTION_WORDS | {"go", "me", "we", "he", "be", "ox", "oh", "ah", "lo", "yo", "hi"}
_PREFIXES = ("un", "re", "dis", "mis", "over", "out", "under", "be", "fore", "up")
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][A-Za-zÀ-ÿ]+)*['’]?|['’][A-Za-z]+")


@dataclass(frozen=True)
class Pron:
    """One way to say a word. phones: CMUdict phones (None when guessed); stresses: per
    syllable 1 primary, 2 secondary, 0 none, None unknown; elided: a syllable was dropped."""

    word: str
    phones: tuple[str, ...] | None
    stresses: tuple[int | None, ...]
    elided: bool = False

    @property
    def syllables(self) -> int:
        return len(self.stresses)

    @property
    def guessed(self) -> bool:
        return self.phones is None


def tokenize(line: str) -> list[str]:
    """The words of a line, apostrophes kept (grow'st, lips'), hyphens splitting compounds."""
    return [m.group(0).replace("’", "'") for m in _TOKEN.finditer(line.replace("-", " "))]


def normalize(word: str) -> str:
    return word.lower().replace("’", "'")


def _cmu() -> dict[str, list[str]]:
    return cmudict()


def _from_phones(word: str, phones: str) -> Pron:
    parts = tuple(phones.split())
    stresses = tuple(int(p[-1]) for p in parts if p[-1].isdigit())
    return Pron(word, parts, stresses)


def _lookup(word: str) -> list[str]:
    if word in _ARCHAIC:
        return [_ARCHAIC[word]]
    found = list(_cmu().get(word, []))
    return [*found, _EXTRA[word]] if word in _EXTRA else found


def _bases(stem: str) -> list[str]:
    """Spellings the stem of an inflected word may have: lov -> love, dimm -> dim."""
    out = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])
    if stem.endswith("i"):
        out.append(stem[:-1] + "y")  # cri'd -> cry
    return out


_BRITISH = (("ence", "ense"), ("our", "or"), ("ise", "ize"), ("ised", "ized"), ("tre", "ter"))


def _rebuilt(word: str) -> list[str]:
    """Phones for archaic, elided and British spellings built from a word CMUdict knows."""
    for uk, us in _BRITISH:
        if word.endswith(uk) and _lookup(word[: -len(uk)] + us):
            return _lookup(word[: -len(uk)] + us)
    suffixes = (("'d", "D"), ("'st", "S T"), ("st", "S T"), ("est", "IH0 S T"),
                ("eth", "IH0 TH"), ("'s", "Z"), ("s'", "Z"), ("'", ""))  # fmt: skip
    for suffix, tail in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            for base in _bases(word[: -len(suffix)]):
                found = _lookup(base)
                if found:
                    return [f"{p} {tail}".strip() for p in found]
    if word.endswith("'s") and _lookup(word[:-2]):
        return [f"{p} Z" for p in _lookup(word[:-2])]
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) > 2:
            head = _lookup(prefix) or ([] if prefix != "un" else ["AH0 N"])
            tail_phones = _lookup(rest) or _rebuilt(rest)
            if head and tail_phones:
                unstressed = head[0].replace("1", "2")
                return [f"{unstressed} {p}" for p in tail_phones]
    return []


def _elisions(pron: Pron) -> list[Pron]:
    """Variants with one unstressed vowel dropped: hiatus (fi-re, flow-er, be-ing, eas-i-est),
    ER before a vowel (ev-er-y), and -en/-el after a fricative (heav-en)."""
    if pron.phones is None or pron.syllables < 2:
        return []
    phones = list(pron.phones)
    out = []
    for i in range(1, len(phones)):
        ph = phones[i]
        if ph[-1] != "0" or ph[:-1] not in VOWELS:
            continue
        prev = phones[i - 1]
        nxt = phones[i + 1] if i + 1 < len(phones) else ""
        new: list[str] | None = None
        glide = prev in ("IY0", "IH0")  # synizesis: eas-iest as eas-yest, glor-ious
        if prev[:-1] in VOWELS and (prev[-1] in "12" or glide):
            new = phones[:i] + (["R"] if ph == "ER0" else []) + phones[i + 1 :]
        elif ph == "ER0" and nxt[:-1] in VOWELS:
            new = [*phones[:i], "R", *phones[i + 1 :]]
        elif (
            ph == "AH0"
            and prev in ("V", "DH", "TH", "Z")
            and nxt in ("N", "L")
            and i + 2 == len(phones)
        ):
            new = phones[:i] + phones[i + 1 :]
        if new is not None:
            variant = _from_phones(pron.word, " ".join(new))
            out.append(Pron(pron.word, variant.phones, variant.stresses, elided=True))
    return out


@cache
def pronunciations(word: str) -> tuple[Pron, ...]:
    """Every reading of `word` the scansion may use: CMUdict's, then elided variants."""
    w = normalize(word)
    if w.endswith("èd"):  # the poet's mark for a sounded -ed: wreath-èd, belov-èd
        stems = [p for base in _bases(w[:-2]) for p in _lookup(base)]
        if stems:
            return tuple(_from_phones(word, f"{p} IH0 D") for p in stems)
    w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    bare = w.strip("'")
    found = _lookup(w) or _lookup(bare) or _rebuilt(w) or _rebuilt(bare)
    if not found:
        counts = estimate_syllable_counts(bare.replace("'", ""))
        return tuple(Pron(word, None, (None,) * n) for n in counts)
    prons: list[Pron] = []
    for phones in found:
        p = _from_phones(word, phones)
        if p not in prons and p.stresses:
            prons.append(p)
    if not prons:  # a phones string with no vowel: an elided "th'"
        return (Pron(word, tuple(found[0].split()), ()),)
    for p in list(prons):
        for e in _elisions(p):
            if all(e.stresses != q.stresses or e.phones != q.phones for q in prons):
                prons.append(e)
    return tuple(prons)


def is_function_word(word: str) -> bool:
    return normalize(word) in FUNCTION_WORDS


def syllable_range(word: str) -> tuple[int, int]:
    counts = [p.syllables for p in pronunciations(word)]
    return min(counts), max(counts)


@cache
def common_words() -> tuple[str, ...]:
    """The 20,000 most frequent English words CMUdict knows, most frequent first."""
    text = resources.files("inkmuse.poetry.english").joinpath("data/words.txt").read_text("utf-8")
    # Two-letter entries are mostly abbreviations read as words (re, uk, tv): keep real ones.
    return tuple(
        w
        for w in text.splitlines()
        if w and not w.startswith("#") and (len(w) > 2 or w in _SHORT_WORDS)
    )


@cache
def word_rank() -> dict[str, int]:
    return {w: i for i, w in enumerate(common_words())}
