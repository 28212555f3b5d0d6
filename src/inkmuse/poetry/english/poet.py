"""English poems that keep their form on any backend: grammar, verify-and-repair, or plain.

    >>> from inkmuse.models.backends.fake import FakeBackend
    >>> limerick = ("There was an Old Man with a beard,\\nWho said, 'It is just as I feared!\\n"
    ...             "Two Owls and a Hen,\\nFour Larks and a Wren,\\nHave all built their nests in my beard!'")
    >>> result = write_english_poem(FakeBackend(replies=[limerick]),
    ...                             EnglishPoemRequest("an old man's beard", "limerick", seed=1))
    >>> result.report.ok, result.strategy, result.rounds
    (True, 'repair', 1)

The sibling of `inkmuse.poetry.backend_poet` (the Chinese forms), with the same strategies:
- grammar: the form compiled to GBNF (`inkmuse.poetry.english.grammar`): every line scans
  and rhymes by construction, refrains are copied in, and the checker reads each draft.
  This is the offline default, on the packaged Gemma 3 270M (`backend=None`).
- repair: chat models. k drafts a round are checked strictly; the best one's faults, with
  the checker's fixes ("line 3: 'cat' does not rhyme with 'white' ... try: night, light"),
  go back to the model, up to a bound. The best poem is returned with what remains wrong.
- unconstrained: one round, no feedback (the baseline the evaluation compares).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inkmuse.core.errors import BackendError, InputError
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed, resolve_seed
from inkmuse.models.protocol import GenerateOptions, Message, TextModel
from inkmuse.poetry.backend_poet import STRATEGIES
from inkmuse.poetry.english.checker import EnglishReport, check_english
from inkmuse.poetry.english.examples import example_for
from inkmuse.poetry.english.forms import EnglishForm, get_english_form, stanza_ends
from inkmuse.poetry.english.grammar import english_grammar
from inkmuse.poetry.written import WrittenPoem

MAX_LINES = 40
MAX_FAULTS_FED_BACK = 10  # the first ten: more drowns a small model's context
_CHATTER = re.compile(
    r"^(here('s| is| are)|sure\b|certainly|title\b|of course|i hope|this (poem|sonnet)|note\b|"
    r"okay|ok\b|a (sonnet|haiku|limerick|villanelle|poem)\b)",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(\d+[.):]|[-*•])\s+")
_METER_HINT = {
    "iamb": "each foot da-DUM",
    "anapest": "each foot da-da-DUM (the first may be da-DUM)",
    "trochee": "each foot DUM-da (the last da usually dropped)",
    "dactyl": "each foot DUM-da-da (the last foot shorter)",
}


@dataclass(frozen=True)
class EnglishPoemRequest:
    """theme: what the poem is about; form: a name `get_english_form` knows; lines: for
    stanza forms and free verse, how many lines (default 8); drafts: candidates a round;
    rounds: the repair bound; seed: same seed, same prompts and sampling seeds."""

    theme: str
    form: str = "sonnet"
    seed: int | None = None
    strategy: str = "auto"
    drafts: int = 3
    rounds: int = 3
    temperature: float = 0.8
    lines: int | None = None


EnglishPoemResult = WrittenPoem[EnglishReport]


def default_backend() -> TextModel:
    """The offline default: the packaged Gemma 3 270M, in-process (the `gguf` extra)."""
    from inkmuse.models.registry import get_backend

    return get_backend("gemma-local")  # through the registry, as any configured backend


def write_english_poem(model: TextModel | None, request: EnglishPoemRequest) -> EnglishPoemResult:
    """Write a poem of the requested form on `model` (None: the offline default)."""
    kind, n = _validate(request)
    model = model or default_backend()
    seed = resolve_seed(request.seed)
    strategy = request.strategy
    if strategy == "auto":
        strategy = "grammar" if model.supports_grammar else "repair"
    if strategy == "grammar" and not model.supports_grammar:
        raise InputError(f"{model.name} cannot take a grammar", accepted="repair or unconstrained")
    scheme = kind.schemes[0]
    grammar = None
    if strategy == "grammar":
        grammar = english_grammar(kind, n, scheme, derive_seed(seed, "rhyme"))
    messages = first = _prompt(request, kind, n, base=strategy == "grammar")
    history: list[tuple[int, str, int]] = []
    best: tuple[tuple[float, ...], str, EnglishReport] | None = None
    max_rounds = 1 if strategy == "unconstrained" else request.rounds
    round_ = 0
    for round_ in range(1, max_rounds + 1):
        for d in range(request.drafts):
            options = GenerateOptions(
                max_tokens=n * 16 + 32,  # a line of verse is 8-14 tokens
                temperature=request.temperature,
                seed=derive_seed(seed, "draft", str(round_), str(d)),
                grammar=grammar,
            )
            raw = model.generate(messages, options)
            text = extract_english(raw, kind, n, constrained=strategy == "grammar")
            report = _check(text, kind.key)
            key = _rank(report, text)
            history.append((round_, text, int(key[0])))
            if report is not None and (best is None or key < best[0]):
                best = (key, text, report)
        if best is not None and best[2].ok:
            break
        if strategy != "unconstrained" and round_ < max_rounds:
            # Only the latest exchange: the best draft and its faults. Small local models
            # have 1-2k tokens of context, and older drafts add nothing the faults do not say.
            messages = [*first, *_feedback(best, n)]
    if best is None:
        raise BackendError(
            f"{model.name} gave no usable poem in {round_} round(s) of {request.drafts} drafts",
            hint="try another model, more rounds, or the grammar strategy",
        )
    params = {"form": kind.key, "lines": n, "scheme": scheme, "strategy": strategy,
              "rounds": round_, "drafts": request.drafts, "temperature": request.temperature}  # fmt: skip
    record = provenance_record(
        "poem", inputs={"theme": request.theme}, seed=seed, params=params,
        backend=model.name, model=model.model,
    )  # fmt: skip
    return EnglishPoemResult(best[1], best[2], strategy, round_, request.drafts, record, history)


def _validate(request: EnglishPoemRequest) -> tuple[EnglishForm, int]:
    if request.strategy not in STRATEGIES:
        raise InputError(f"unknown strategy {request.strategy!r}", accepted=", ".join(STRATEGIES))
    if not request.theme.strip():
        raise InputError("no theme given", accepted='a few words, e.g. "a harbour at dawn"')
    if request.drafts < 1 or request.rounds < 1:
        raise InputError("drafts and rounds must be at least 1", accepted="integers >= 1")
    kind = get_english_form(request.form)
    n = kind.line_count or request.lines or 8
    if kind.line_count and request.lines not in (None, kind.line_count):
        raise InputError(
            f"a {kind.name} has {kind.line_count} lines, not {request.lines}",
            accepted=f"{kind.line_count} or no --lines",
        )
    if not 2 <= n <= MAX_LINES or (kind.stanza and n % kind.stanza):
        step = kind.stanza or 1
        raise InputError(
            f"{n} lines do not fit {kind.name}",
            accepted=f"multiples of {step} from {max(2, step)} to {MAX_LINES}",
        )
    return kind, n


def _check(text: str, form: str) -> EnglishReport | None:
    try:
        return check_english(text, form, strict=True)
    except InputError:
        return None  # not a poem at all (empty, one line): the draft is discarded


def _explain(kind: EnglishForm, n: int) -> str:
    rules = kind.rules(n, kind.schemes[0])
    parts = [f"{n} lines"]
    meters = list(dict.fromkeys(r.meter for r in rules if r.meter))
    for meter in meters:
        which = [str(i + 1) for i, r in enumerate(rules) if r.meter == meter]
        where = "every line" if len(which) == n else "lines " + ", ".join(which)
        syllables = "/".join(map(str, meter.counts()[:2]))
        parts.append(f"{where} in {meter.name} ({syllables} syllables, {_METER_HINT[meter.foot]})")
    if kind.syllables:
        parts.append("syllables per line exactly " + "-".join(map(str, kind.syllables)))
    if kind.schemes[0]:
        letters = "".join((r.rhyme or "-")[:1] for r in rules)
        parts.append(f"end rhymes {letters} (same letter, same rhyme sound)")
    refrains = [(i + 1, r.refrain) for i, r in enumerate(rules) if r.refrain]
    for source in sorted({s for _, s in refrains}):
        repeats = [str(i) for i, s in refrains if s == source]
        parts.append(
            f"line {source} is a refrain, repeated word for word as lines {', '.join(repeats)}"
        )
    return "; ".join(parts)


def _prompt(request: EnglishPoemRequest, kind: EnglishForm, n: int, *, base: bool) -> list[Message]:
    if base:  # a base model continues text: an example and a heading are what it follows
        heading = f"{kind.name.capitalize()}: {request.theme.strip()}"
        return [Message("user", f"{example_for(kind.key)}\n\n{heading}\n\n")]
    text = (
        f"Write a {kind.name} about {request.theme.strip()}. Keep the form exactly: "
        f"{_explain(kind, n)}. Reply with the poem only, one line of verse per line, "
        "no title and no commentary."
    )
    return [
        Message("system", "You are a poet who writes in strict traditional English forms."),
        Message("user", text),
    ]


def _rank(report: EnglishReport | None, text: str) -> tuple[float, ...]:
    """Fewest errors, then warnings, then the least repetition: a small model under a
    grammar can loop on one word ("after after after"), and a valid loop is still worse."""
    if report is None:
        return (99.0, 99.0, 1.0)
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", text)]
    repeated = 1 - len(set(words)) / max(1, len(words))
    return (float(len(report.errors)), float(len(report.warnings)), round(repeated, 6))


def _feedback(best: tuple[tuple[float, ...], str, EnglishReport] | None, n: int) -> list[Message]:
    if best is None:
        return [Message("user", f"No poem of {n} lines was found. Reply with the poem only.")]
    _, poem, report = best
    rows = []
    for f in (report.errors + report.warnings)[:MAX_FAULTS_FED_BACK]:
        row = f"- {f.message}"
        if f.kind == "stress" and f.detail:
            row += " (scanned: " + " | ".join(f.detail.splitlines()) + ")"
        if f.suggestions:
            row += " (try: " + ", ".join(f.suggestions[:6]) + ")"
        rows.append(row)
    text = (
        "That draft has these faults:\n" + "\n".join(rows) + "\n"
        "Fix each and rewrite the whole poem; reply with the poem only."
    )
    return [Message("assistant", poem), Message("user", text)]


def extract_english(raw: str, kind: EnglishForm, n: int, *, constrained: bool = False) -> str:
    """The poem in a model's reply, laid out as the form is (stanza breaks restored).

    Chatter ("Here is a sonnet:"), titles, numbering and markdown are dropped; the first
    `n` lines of verse are kept. constrained=True (the grammar strategy) takes the lines as
    they are and copies each refrain line from its source, which a grammar cannot.
    """
    lines: list[str] = []
    for row in raw.splitlines():
        line = row.strip()
        if not constrained:
            line = _NUMBERED.sub("", line.strip("*_#>`").strip())
            if _CHATTER.match(line) or (
                not lines and (line.endswith(":") or row.strip().startswith(("#", "**")))
            ):
                continue  # commentary, or a title or heading above the poem
        if not re.search(r"[A-Za-z]", line):
            continue
        lines.append(line[0].upper() + line[1:])
        if len(lines) == n:
            break
    if constrained and len(lines) == n:
        for i, rule in enumerate(kind.rules(n, kind.schemes[0])):
            if rule.refrain:
                lines[i] = lines[rule.refrain - 1]
    breaks = stanza_ends(kind, len(lines))
    return "".join(line + ("\n\n" if i in breaks else "\n") for i, line in enumerate(lines))
