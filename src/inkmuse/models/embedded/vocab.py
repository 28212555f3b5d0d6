"""The embedded poet's character vocabulary and its prompt layout.

One token per character. A training example and a generation prompt share one layout, so
the model sees at run time exactly what it saw in training:

    <七绝> 秋 夜 <kw> 思 乡 <sep> 床 前 明 月 光 ， ... 。 <eos>

A second-generation vocabulary (poet-v2) adds conditioning tokens after the characters, so
v1's ids stay as they were: more forms (<排律>, <古诗>, <词>), a 词牌 after <词> (<调:菩萨蛮>),
an era (<唐>, <五代>, <宋>) and a muse, the author (<@王维>). Each is optional, in that order,
before the keywords; a prompt with none of them is exactly v1's layout.

    <词> <调:浣溪沙> <宋> <@晏殊> 春 <sep> 一 曲 新 词 酒 一 杯 ， ... 。 <eos>

    >>> vocab = Vocab(["，", "。", "秋", "月"])
    >>> vocab.decode(vocab.encode_prompt("七绝", ["秋月"]))
    '<七绝>秋月<sep>'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

PAD, EOS, UNK, SEP, KW = "<pad>", "<eos>", "<unk>", "<sep>", "<kw>"
# Short form names the model is conditioned on (the four regulated shapes of the corpus).
FORMS = ("五绝", "七绝", "五律", "七律")
FORM_TOKENS = tuple(f"<{name}>" for name in FORMS)
SPECIALS = (PAD, EOS, UNK, SEP, KW, *FORM_TOKENS)
# poet-v2's added forms and eras (see the module text); muses and 词牌 come from the corpus.
V2_FORMS = ("排律", "古诗", "词")
ERAS = ("唐", "五代", "宋")


def muse_token(author: str) -> str:
    return f"<@{author}>"


def era_token(era: str) -> str:
    return f"<{era}>"


def tune_token(tune: str) -> str:
    return f"<调:{tune}>"


# Line-ending punctuation: "，" closes odd lines, "。" even lines.
COMMA, STOP = "，", "。"


class Vocab:
    """Maps characters to ids; the specials always take the first ids in SPECIALS order."""

    def __init__(self, chars: Iterable[str]):
        seen = dict.fromkeys(SPECIALS)
        for ch in chars:
            if ch not in seen:
                seen[ch] = None
        self.itos: list[str] = list(seen)
        self.stoi: dict[str, int] = {s: i for i, s in enumerate(self.itos)}
        self.pad, self.eos, self.unk = self.stoi[PAD], self.stoi[EOS], self.stoi[UNK]
        self.sep, self.kw = self.stoi[SEP], self.stoi[KW]

    def __len__(self) -> int:
        return len(self.itos)

    def __contains__(self, ch: object) -> bool:
        return ch in self.stoi

    def form_id(self, form_short: str) -> int:
        """The conditioning token of a form ('七绝' -> id of '<七绝>')."""
        return self.stoi[f"<{form_short}>"]

    def encode(self, text: str) -> list[int]:
        """Characters to ids; an unknown character becomes <unk>."""
        return [self.stoi.get(ch, self.unk) for ch in text]

    def has_token(self, token: str) -> bool:
        """Whether a conditioning token (<@王维>, <宋>, <调:菩萨蛮>, <排律>) is in this vocabulary."""
        return len(token) > 1 and token in self.stoi

    def muses(self) -> list[str]:
        """The authors this vocabulary has a muse token for (none in poet-v1)."""
        return [t[2:-1] for t in self.itos if t.startswith("<@") and t.endswith(">")]

    def encode_prompt(
        self,
        form_short: str,
        keywords: Sequence[str],
        body: str = "",
        *,
        conditions: Sequence[str] = (),
    ) -> list[int]:
        """The conditioning prefix (form, conditions, keywords, <sep>) then any poem text.

        conditions: tokens such as "<调:菩萨蛮>", "<宋>", "<@王维>" (see the module text), each
        of which must be in the vocabulary (check with has_token).
        """
        ids = [self.form_id(form_short)]
        for token in conditions:
            if not self.has_token(token):
                raise KeyError(f"{token} is not a token of this vocabulary")
            ids.append(self.stoi[token])
        for i, word in enumerate(keywords):
            if i:
                ids.append(self.kw)
            ids.extend(self.encode(word))
        ids.append(self.sep)
        ids.extend(self.encode(body))
        return ids

    def decode(self, ids: Iterable[int]) -> str:
        return "".join(self.itos[i] for i in ids)

    def to_json(self) -> str:
        return json.dumps(self.itos, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Vocab:
        itos = json.loads(text)
        if list(itos[: len(SPECIALS)]) != list(SPECIALS):
            raise ValueError("vocabulary file does not start with the expected special tokens")
        return cls(itos[len(SPECIALS) :])

    @classmethod
    def load(cls, path: Path) -> Vocab:
        return cls.from_json(path.read_text(encoding="utf-8"))
