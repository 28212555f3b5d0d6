"""`inkmuse poem`: the embedded poet, offline.

inkmuse poem 秋夜 思乡 --form 七绝 --seed 7
inkmuse poem 春 --form 五律 --rhyme 七阳 --acrostic 春江花月夜好时 ...
inkmuse poem --continue "床前明月光，" --form 五绝
inkmuse poem 春愁 --form 浣溪沙
inkmuse poem --form 对联 --first "海内存知己"
inkmuse poem --poem "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。" --suggest 3:5
"""

from __future__ import annotations

import json
import sys

import click

from inkmuse.cli.text_input import STDIN, read_argument, read_stdin
from inkmuse.core.errors import InputError


def _parse_slot(text: str) -> tuple[int, int | None]:
    line, sep, pos = text.partition(":")
    try:
        return int(line), (int(pos) if sep else None)
    except ValueError:
        raise InputError(
            f"cannot read the slot {text!r}", accepted="LINE or LINE:POS, e.g. 3 or 3:5"
        ) from None


@click.command(name="poem")
@click.argument("keywords", nargs=-1)
@click.option(
    "--form",
    help="五绝 七绝 五律 七律 五排 七排, a 词牌 (浣溪沙, 临江仙 ...), 对联, or an English form "
    "(default 七绝; for --suggest, read from the poem).",
)
@click.option("--n", "n", default=16, show_default=True, help="Candidates sampled and ranked.")
@click.option("--seed", type=int, help="Same seed, same poem (a random one is printed).")
@click.option("--temperature", default=0.8, show_default=True, help="0 greedy .. 2 wild.")
@click.option("--rhyme", help="Keep this 平 rhyme group, e.g. 七阳 (or 阳).")
@click.option("--rhymebook", default="平水韵", show_default=True, help="平水韵 中华新韵 中华通韵.")
@click.option("--acrostic", help="藏头: the first character of every line.")
@click.option("--continue", "opening", help="Your first line(s): the poet completes the poem.")
@click.option("--first", "first", help="With --form 对联: your 上联; the poet writes the 下联.")
@click.option("--poem", "poem_text", help="A finished poem to revise with --suggest.")
@click.option("--suggest", "slot", help="LINE or LINE:POS of --poem to offer alternatives for.")
@click.option(
    "--show",
    default=1,
    show_default=True,
    help="Ranked poems to print (alternatives: 8 unless more than 1).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--backend", help="A configured backend (inkmuse backends list); default: the embedded poet."
)
@click.option(
    "--strategy",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "grammar", "repair", "unconstrained"]),
    help="How a backend keeps the form.",
)
@click.option("--drafts", default=3, show_default=True, help="Backend drafts per round.")
@click.option("--rounds", default=3, show_default=True, help="Repair rounds at most.")
@click.option(
    "--lang",
    default="zh",
    show_default=True,
    type=click.Choice(["zh", "en"]),
    help="Prompt language for backends.",
)
@click.option(
    "--fallback", is_flag=True, help="Write with the embedded poet if the backend is unreachable."
)
@click.option("--lines", type=int, help="Lines of a 排律 (五排, 七排: 10, 12 ...; default 12).")
@click.option("--muse", help="Write in the manner of a poet (王维, 苏轼; --muses lists them).")
@click.option("--era", help="Write in the manner of an era: 唐, 五代 or 宋.")
@click.option("--plan", "plan_text", help="One word per line, e.g. 雁,霜,灯,乡 (default: planned).")
@click.option("--no-plan", is_flag=True, help="Write without a line plan.")
@click.option("--show-plan", is_flag=True, help="Print the line plan above the poem.")
@click.option("--muses", "list_muses", is_flag=True, help="List the poets --muse takes, and exit.")
def command(
    keywords: tuple[str, ...],
    form: str | None,
    n: int,
    seed: int | None,
    temperature: float,
    rhyme: str | None,
    rhymebook: str,
    acrostic: str | None,
    opening: str | None,
    first: str | None,
    poem_text: str | None,
    slot: str | None,
    show: int,
    as_json: bool,
    backend: str | None,
    strategy: str,
    drafts: int,
    rounds: int,
    lang: str,
    fallback: bool,
    lines: int | None,
    muse: str | None,
    era: str | None,
    plan_text: str | None,
    no_plan: bool,
    show_plan: bool,
    list_muses: bool,
) -> None:
    """Write a classical poem that keeps every rule of its form (no network, no GPU).

    KEYWORDS steer the content (秋夜 思乡; '-' reads them from standard input). Every poem
    is checked before it is printed.
    With --backend, any configured model writes it (grammar or repair keeps the form);
    English forms (sonnet, haiku, limerick ...) go to the English poet.
    """
    if list_muses:
        _list_muses()
        return
    if STDIN in keywords:  # `inkmuse poem -`: the keywords (or an idea) from standard input
        if keywords != (STDIN,):
            raise InputError("'-' reads the keywords from standard input", accepted="'-' alone")
        keywords = tuple(read_stdin("the keywords").split())
    poem_text = read_argument(poem_text, what="the poem")
    if slot or poem_text:
        if not (slot and poem_text):
            raise InputError(
                "--suggest and --poem go together", accepted="--poem TEXT --suggest 3:5"
            )
        if backend and backend != "embedded":
            raise InputError(
                "--suggest uses the embedded poet", accepted="drop --backend, or drop --suggest"
            )
        _suggest(poem_text, slot, keywords, form, rhymebook, seed, show, as_json)
        return
    opening = _first_line(first, opening, form)
    from inkmuse.cli.poem_backend import resolve_model, show_poem
    from inkmuse.poetry.request import PoemRequest
    from inkmuse.poetry.write import write

    request = PoemRequest(
        keywords=keywords, form=form or "七绝", n=n, seed=seed, temperature=temperature,
        rhyme=rhyme, rhymebook=rhymebook, acrostic=acrostic, opening=opening,
        strategy=strategy, drafts=drafts, rounds=rounds, lang=lang, lines=lines, muse=muse, era=era,
        plan=_plan_option(plan_text, no_plan),
    )  # fmt: skip
    poem = write(request, resolve_model(backend, fallback))
    show_poem(poem, show, lang, as_json, show_plan)
    if not poem.ok:
        sys.exit(1)


def _first_line(first: str | None, opening: str | None, form: str | None) -> str | None:
    """--first is the 上联 of a 对联 (what --continue is for a 诗)."""
    if first is None:
        return opening
    from inkmuse.poetry.generate.couplet_poet import is_couplet_form

    if opening is not None:
        raise InputError("--first and --continue both give the opening", accepted="one of them")
    if not is_couplet_form(form or ""):
        raise InputError("--first is the 上联 of a couplet", accepted="--form 对联 --first '上联'")
    return read_argument(first, what="the 上联")


def _plan_option(text: str | None, none: bool) -> tuple[str, ...] | None:
    """--plan words (checked against the form by the poet), () for --no-plan, else None."""
    if text and none:
        raise InputError("--plan and --no-plan contradict each other", accepted="one of them")
    if none:
        return ()
    if text is None:
        return None
    words = tuple(w for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip())
    return tuple(w.strip() for w in words)


def _list_muses() -> None:
    from inkmuse.models.embedded import load_poet

    poet = load_poet()
    muses = poet.vocab.muses()
    if not muses:
        click.echo(f"{poet.name} was trained without muses; poet-v2 and later have them")
        return
    click.echo(f"{len(muses)} poets with 50 or more poems in {poet.name}'s corpus:")
    click.echo("、".join(muses))


def _suggest(
    poem_text: str,
    slot: str,
    keywords: tuple[str, ...],
    form: str | None,
    rhymebook: str,
    seed: int | None,
    show: int,
    as_json: bool,
) -> None:
    from inkmuse.poetry.generate.cowrite import suggest

    line, pos = _parse_slot(slot)
    alternatives = suggest(
        poem_text,
        line,
        pos,
        keywords=keywords,
        form=form,
        rhymebook=rhymebook,
        seed=seed,
        k=show if show > 1 else 8,
    )
    if as_json:
        rows = [
            {"replacement": a.replacement, "text": a.text, "score": a.score} for a in alternatives
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    where = f"line {line}" + (f", character {pos}" if pos else "")
    click.echo(f"alternatives for {where} that keep the form (best first):")
    for a in alternatives:
        click.echo(f"  {a.replacement}\t{a.score:.3f}\t{a.text}")
