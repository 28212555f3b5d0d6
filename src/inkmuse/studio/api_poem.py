"""Poem routes: live checking, replacements that keep the form, new and continued poems.

`/api/check` is cheap and runs on the server's shared threads. The poet's routes are
`async`: they wait for one of the poet's own threads (`pools.BoundedPool`) without holding
a shared one, so a queue of poems never delays a check."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from inkmuse.core.errors import InputError
from inkmuse.studio.problems import error_body
from inkmuse.studio.schemas import CheckIn, PoemIn, SuggestIn
from inkmuse.studio.state import State

router = APIRouter(prefix="/api", tags=["poem"])


@router.post("/check")
def check(body: CheckIn) -> dict[str, Any]:
    """Tones and rhyme groups of every character, and the checker's report when the text
    has a form's shape (while a poem is half typed, `problem` says why there is none)."""
    from inkmuse.core.prosody import resolve_rhymebook_name
    from inkmuse.poetry import check_poem, get_form, get_rhymebook
    from inkmuse.poetry.checker import passes_under_tang
    from inkmuse.poetry.duizhang.summary import duizhang_dict
    from inkmuse.poetry.generate.couplet_poet import is_couplet_form
    from inkmuse.poetry.text import split_poem

    book = get_rhymebook(resolve_rhymebook_name(body.rhymebook))
    if body.form and _is_ci(body.form):
        return _check_ci(body.text, body.form, book)
    if body.form and is_couplet_form(body.form):
        return _check_couplet(body.text, book)
    if body.form:
        get_form(body.form)  # an unknown form is the person's choice to fix: a 400
    if not body.text.strip():
        return {"chars": [], "report": None, "problem": None}
    poem = split_poem(body.text)
    chars = [[_char_info(book, ch) for ch in line] for line in poem.lines]
    try:
        checked = check_poem(body.text, body.form, book.name, rules=body.rules)
        report = checked.to_dict()
        report["passes_under_tang"] = passes_under_tang(checked)  # the page says why
        report["duizhang"] = duizhang_dict(checked)
        problem = None
    except InputError as err:
        report, problem = None, error_body(err)
    return {"chars": chars, "report": report, "problem": problem}


def _is_ci(form: str) -> bool:
    from inkmuse.poetry.ci import find_tune

    return form.strip() in ("词", "詞") or find_tune(form) is not None


def _check_ci(text: str, form: str, book: Any) -> dict[str, Any]:
    """A 词 against its tune (or the tune its shape reads as, for 词): the 词 grid, each
    line's 词谱 pattern over its characters and whether it ends on a rhyme."""
    from inkmuse.poetry.ci import check_ci, get_cilin
    from inkmuse.poetry.text import split_poem

    if not text.strip():
        return {"chars": [], "report": None, "problem": None}
    poem = split_poem(text)
    chars = [[_char_info(book, ch) for ch in line] for line in poem.lines]
    try:
        checked = check_ci(text, None if form.strip() in ("词", "詞") else form)
    except InputError as err:
        return {"chars": chars, "report": None, "problem": error_body(err)}
    report = checked.to_dict()
    used = set(checked.rhymes.values())
    cilin = get_cilin()
    for row, line in zip(chars, report["lines"], strict=False):
        if line["rhyme"] and row:  # a rhyme's label is its 词林正韵 部, 平 or 仄
            bu = sorted(cilin.bu(row[-1]["char"]), key=lambda b: (b not in used, b))
            row[-1]["rhymes"] = bu
    report["rhyme_group"] = " ".join(dict.fromkeys(checked.rhymes.values())) or None
    report["counts"]["accepted"] = 0
    return {"chars": chars, "report": report, "problem": None}


def _check_couplet(text: str, book: Any) -> dict[str, Any]:
    """A 对联 (上联 and 下联 on two lines, or split at ；or 。) under the couplet checker and
    the 对仗 judge, drawn as a two-line grid; until there are two lines, `problem` says so."""
    from inkmuse.poetry.ci.couplet import check_couplet, split_pair
    from inkmuse.poetry.duizhang import duizhang_faults
    from inkmuse.poetry.text import split_poem

    if not text.strip():
        return {"chars": [], "report": None, "problem": None}
    try:
        upper, lower = split_pair(text)
    except InputError as err:
        chars = [[_char_info(book, ch) for ch in line] for line in split_poem(text).lines]
        return {"chars": chars, "report": None, "problem": error_body(err)}
    checked = check_couplet(upper, lower, duizhang=duizhang_faults)
    report = checked.to_dict()
    report["rhymebook"] = "平水韵"  # the tones are read by it; a couplet has no rhyme
    report["lines"] = checked.grid()
    chars = [[_char_info(book, ch) for ch in line["text"]] for line in report["lines"]]
    return {"chars": chars, "report": report, "problem": None}


def _char_info(book: Any, ch: str) -> dict[str, Any]:
    tones, groups, estimated = book.profile(ch)
    return {
        "char": ch,
        "tones": sorted(t.value for t in tones),
        "rhymes": [book.short(g) for g in groups],
        "estimated": estimated,
    }


@router.post("/suggest")
async def suggest(body: SuggestIn, state: State) -> dict[str, Any]:
    """Replacements for one character (pos) or a whole line that keep the form, ranked by the
    poet; `fixes` are the checker's own tone-correct characters for a fault there."""
    return await state.poet.run(_suggest, body)


def _suggest(body: SuggestIn) -> dict[str, Any]:
    from inkmuse.core.seeds import resolve_seed
    from inkmuse.poetry import check_poem
    from inkmuse.poetry.generate.cowrite import suggest as cowrite

    seed = resolve_seed(body.seed)
    report = check_poem(body.text, body.form, body.rhymebook)
    fixes: list[str] = []
    for fault in report.faults:
        if fault.line == body.line and fault.pos == body.pos:
            fixes.extend(s for s in fault.suggestions if s not in fixes)
    keywords = tuple(body.keywords.split()) if body.keywords.strip() else ()
    note = None
    try:
        alts = cowrite(
            body.text, body.line, body.pos, keywords=keywords, form=body.form,
            rhymebook=body.rhymebook, seed=seed, k=body.k,
        )  # fmt: skip
    except InputError as err:
        if not fixes:
            raise
        alts, note = [], str(err)  # the checker's fixes still help
    return {
        "seed": seed,
        "alternatives": [
            {"replacement": a.replacement, "text": a.text, "score": round(a.score, 4)} for a in alts
        ],
        "fixes": fixes,
        "note": note,
    }


@router.post("/poems")
async def poems(body: PoemIn, state: State) -> dict[str, Any]:
    """A new poem (or the continuation of `opening`) and its ranked candidates."""
    if body.backend != "embedded":
        return await state.backends.run(_on_backend, body)
    return await state.poet.run(_embedded_poem, body)


def opening_form(opening: str | None) -> str:
    """The form an opening's first line implies: "床前明月光，" is five characters, so a 五绝
    (a quatrain unless the opening already runs past four lines); 七绝 with no opening.

    >>> opening_form("床前明月光，"), opening_form(None), opening_form("一二三四五六七。" * 5)
    ('五绝', '七绝', '七律')
    """
    from inkmuse.poetry.text import split_poem

    lines = split_poem(opening).lines if opening and opening.strip() else []
    size = "五" if lines and len(lines[0]) == 5 else "七"
    return size + ("律" if len(lines) > 4 else "绝")


def _embedded_poem(body: PoemIn) -> dict[str, Any]:
    return _write(body, None)


def _on_backend(body: PoemIn) -> dict[str, Any]:
    """A poem from a configured backend: grammar-constrained or verify-and-repair drafts."""
    from inkmuse.models.registry import get_backend

    if body.opening or body.acrostic:
        raise InputError(
            f"continuing a poem and acrostics are written by the embedded poet, not {body.backend!r}",
            accepted="backend 'embedded' for those",
        )
    return _write(body, get_backend(body.backend))


def _write(body: PoemIn, model: Any) -> dict[str, Any]:
    """Every poem goes through `poetry.write` (the one pipeline the CLI uses too); the page
    gets the WrittenPoem's JSON plus each candidate's verdict."""
    from inkmuse.poetry.request import PoemRequest
    from inkmuse.poetry.write import check_written, write

    form = body.form or opening_form(body.opening)
    plan = (
        tuple(body.plan.replace("，", ",").split(",")) if body.plan and body.plan.strip() else None
    )
    request = PoemRequest(
        keywords=tuple(body.keywords.split()), form=form, n=body.n, seed=body.seed,
        temperature=body.temperature, rhyme=body.rhyme or None, rhymebook=body.rhymebook,
        acrostic=body.acrostic or None, opening=body.opening or None,
        muse=body.muse or None, era=body.era or None,
        plan=tuple(w.strip() for w in plan if w.strip()) if plan else None,
    )  # fmt: skip
    poem = write(request, model)
    data = poem.to_dict(show=len(poem.candidates) or 1)
    texts = [c["text"] for c in data["candidates"]] if poem.candidates else [poem.text]
    candidates = []
    for k, text in enumerate(texts):
        report = poem.report if text == poem.text else check_written(text, form, body.rhymebook)
        ranked = data["candidates"][k] if poem.candidates else {"score": None, "coverage": None}
        candidates.append(
            {
                "text": text, "score": ranked["score"], "coverage": ranked["coverage"],
                "ok": report.ok, "errors": len(report.errors),
            }
        )  # fmt: skip
    notes = list(poem.notes)
    if poem.strategy != "native":
        notes.append(f"{poem.strategy}: {poem.rounds} round(s), {poem.drafts} draft(s)")
    return {
        "text": poem.text,
        "seed": data["seed"],
        "form": data["form"],
        "variant": data["variant"],
        "rhyme_group": data["rhyme_group"],
        "candidates": candidates,
        "plan": data["plan"],
        "notes": notes,
        "provenance": poem.provenance,
        "backend": body.backend,
    }
