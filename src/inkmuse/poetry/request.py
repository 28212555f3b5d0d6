"""`PoemRequest`: the one request for a poem, whatever form it has and whatever writes it.

The same object goes to `inkmuse.poetry.write.write` for a 七绝 on the embedded poet, a 五律
on a llama.cpp server, or a sonnet on Ollama; each strategy reads the fields it uses and
says clearly when a field cannot be honoured there.

    >>> PoemRequest(keywords=("秋夜", "思乡"), form="七绝", seed=7).strategy
    'auto'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PoemRequest:
    """One request.

    keywords: the person's words (秋夜, 思乡; for English forms, the theme's words).
    form: 五绝 七绝 五律 七律 (the embedded poet and backends), or an English form (sonnet,
        haiku, limerick ...). rhyme: a 平 rhyme group to keep (七阳 or 阳); rhymebook:
        平水韵, 中华新韵, 中华通韵. acrostic: the first character of every line (藏头);
        opening: the person's first line(s) to continue.
    n: candidates the embedded poet samples in one batch and ranks; temperature: 0 is
        greedy, 0.8 the default; seed: same seed, same poem.
    strategy: how a backend keeps the form (auto, native, masks, grammar, repair,
        unconstrained); drafts: a backend's candidates a round; rounds: the repair bound;
        lang: the prompt language for chat models (zh, en); lines: for English stanza
        forms and free verse, how many lines.
    muse: a poet to write in the manner of (王维), era: 唐, 五代 or 宋; the embedded poet
        takes them when its model learned them (poet-v2), other writers refuse them.
    plan: one word per line (雁,霜,灯,乡); None lets the embedded poet plan the lines from
        the keywords, () writes without a plan.
    """

    keywords: tuple[str, ...] = ()
    form: str = "七绝"
    n: int = 16
    seed: int | None = None
    temperature: float = 0.8
    rhyme: str | None = None
    rhymebook: str = "平水韵"
    acrostic: str | None = None
    opening: str | None = None
    strategy: str = "auto"
    drafts: int = 3
    rounds: int = 3
    lang: str = "zh"
    lines: int | None = None
    muse: str | None = None
    era: str | None = None
    plan: tuple[str, ...] | None = None
