"""Form-exact poems on any backend: grammar, verify-and-repair, or the embedded poet.

    >>> from inkmuse.models.backends.fake import FakeBackend
    >>> result = write_with_backend(FakeBackend(), BackendPoemRequest(keywords=("登楼",), form="五绝", seed=1))
    >>> result.report.ok, result.strategy, result.rounds
    (True, 'repair', 1)

Strategies, picked by what the backend can do (`strategy="auto"`):
- grammar: the form compiled to GBNF (`inkmuse.poetry.grammar`); every draft keeps the
  tones and the rhyme by construction, and the checker still reads each one.
- repair: plain chat models (Ollama, hosted APIs). k drafts are checked; the best one's
  precise faults go back to the model ("第三句第二字「X」应平") for another round, up to a
  bound. The best poem is returned with any faults that remain, reported, never hidden.
- unconstrained: one round of drafts, no feedback (the baseline the evaluation compares).
- native: the embedded poet, which decodes inside the form itself.
- masks: a local model that takes a logits processor (llama-cpp-python in process): the
  same per-position masks as the embedded poet, token by token (`inkmuse.poetry.token_masks`),
  which also forbid 重字.
"""

from __future__ import annotations

from dataclasses import dataclass

from inkmuse.core.errors import BackendError, InputError
from inkmuse.core.hanzi import split_lines
from inkmuse.core.prosody import get_rhymebook
from inkmuse.core.provenance import provenance_record
from inkmuse.core.seeds import derive_seed, make_rng, resolve_seed
from inkmuse.models.protocol import GenerateOptions, MaskedModel, Message, TextModel
from inkmuse.poetry.checker import CheckReport, check_poem
from inkmuse.poetry.forms import get_form, line_punct
from inkmuse.poetry.grammar import form_grammar, rhyme_groups_by_use
from inkmuse.poetry.token_masks import FormMasks
from inkmuse.poetry.written import FormWriter, WrittenPoem

STRATEGIES = ("auto", "native", "masks", "grammar", "repair", "unconstrained")
_FORM_EN = {"五绝": "five-character quatrain (wujue)", "七绝": "seven-character quatrain (qijue)",
            "五律": "five-character regulated octave (wulü)", "七律": "seven-character regulated octave (qilü)"}  # fmt: skip


@dataclass(frozen=True)
class BackendPoemRequest:
    """keywords: the theme words; form: 五绝 七绝 五律 七律; rhyme: a 平 group (七阳) or None
    to let inkmuse choose; drafts: candidates a round; rounds: the repair bound; lang: the
    prompt language (zh or en)."""

    keywords: tuple[str, ...]
    form: str = "七绝"
    seed: int | None = None
    rhyme: str | None = None
    rhymebook: str = "平水韵"
    strategy: str = "auto"
    drafts: int = 3
    rounds: int = 3
    temperature: float = 0.8
    lang: str = "zh"


BackendPoemResult = WrittenPoem[CheckReport]


def write_with_backend(model: TextModel, request: BackendPoemRequest) -> BackendPoemResult:
    """Write a poem of the requested form on `model`, keeping the form as far as it can."""
    if request.strategy not in STRATEGIES:
        raise InputError(f"unknown strategy {request.strategy!r}", accepted=", ".join(STRATEGIES))
    if not request.keywords:
        raise InputError("no keywords given", accepted="one or more words, e.g. 秋夜 思乡")
    if request.lang not in ("zh", "en"):
        raise InputError(f"unknown prompt language {request.lang!r}", accepted="zh, en")
    kind = get_form(request.form)
    if kind.line_count is None:
        raise InputError(
            f"{kind.name} is not offered on backends yet", accepted="五绝, 七绝, 五律, 七律"
        )
    book = get_rhymebook(request.rhymebook)
    seed = resolve_seed(request.seed)
    strategy = request.strategy
    native = isinstance(model, FormWriter)  # the embedded poet decodes inside the form
    masks_ok = isinstance(model, MaskedModel)  # a local model taking a logits processor
    if strategy == "auto":
        strategy = (
            "native"
            if native
            else "masks"
            if masks_ok
            else "grammar"
            if model.supports_grammar
            else "repair"
        )
    if strategy == "masks" and not masks_ok:
        raise InputError(
            f"{model.name} takes no logits processor", accepted="grammar, repair or unconstrained"
        )
    if strategy == "native" and not native:
        raise InputError(
            f"{model.name} does not decode inside forms",
            accepted="grammar, repair or unconstrained",
        )
    if strategy == "grammar" and not model.supports_grammar:
        raise InputError(f"{model.name} cannot take a grammar", accepted="repair or unconstrained")
    group = book.resolve_group(request.rhyme) if request.rhyme else None
    if strategy in ("grammar", "masks") and group is None:
        choices = rhyme_groups_by_use(book, kind.line_length)
        group = choices[int(make_rng(seed).integers(len(choices)))]
    rhyme_short = book.short(group) if group else None
    grammar = form_grammar(kind, group, book) if strategy == "grammar" and group else None
    messages = _prompt(
        request, kind.short, rhyme_short, base=strategy in ("grammar", "native", "masks")
    )
    history: list[tuple[int, str, int]] = []
    best: tuple[tuple[int, int], str, CheckReport] | None = None
    max_rounds = request.rounds if strategy == "repair" else 1
    round_ = 0
    for round_ in range(1, max_rounds + 1):
        drafts = []
        for d in range(request.drafts):
            options = GenerateOptions(
                max_tokens=kind.line_length * kind.line_count * 4 + 64,
                temperature=request.temperature,
                seed=derive_seed(seed, "draft", str(round_), str(d)),
                grammar=grammar,
            )
            if strategy == "masks" and group is not None:
                patterns = kind.patterns()
                spec = patterns[int(make_rng(options.seed or 0).integers(len(patterns)))]
                assert isinstance(model, MaskedModel)
                masks = FormMasks(model.token_table(), spec, group, book)
                raw = model.generate_masked(messages, masks, options)
            else:
                raw = model.generate(messages, options)
            text = extract_poem(raw, kind.line_length, kind.line_count or 4)
            report = _check(text, kind.short, request.rhymebook)
            key = (len(report.errors), len(report.warnings)) if report else (99, 99)
            history.append((round_, text, key[0]))
            if report is not None:
                drafts.append((key, text, report))
        if drafts:
            round_best = min(drafts, key=lambda d: d[0])
            if best is None or round_best[0] < best[0]:
                best = round_best
        if best is not None and best[2].ok:
            break
        if strategy == "repair" and round_ < max_rounds:
            messages = [
                *messages,
                *_feedback(best, request.lang, kind.line_count or 4, kind.line_length),
            ]
    if best is None:
        raise BackendError(
            f"{model.name} gave no usable poem in {round_} round(s) of {request.drafts} drafts",
            hint="try another model, more rounds, or the grammar strategy on a llama.cpp server",
        )
    params = {
        "form": kind.short,
        "strategy": strategy,
        "rounds": round_,
        "drafts": request.drafts,
        "rhyme": rhyme_short,
        "rhymebook": request.rhymebook,
        "temperature": request.temperature,
        "lang": request.lang,
    }
    record = provenance_record(
        "poem", inputs={"keywords": list(request.keywords)}, seed=seed, params=params,
        backend=model.name, model=model.model,
    )  # fmt: skip
    return BackendPoemResult(best[1], best[2], strategy, round_, request.drafts, record, history)


def _check(text: str, form: str, rhymebook: str) -> CheckReport | None:
    try:
        return check_poem(text, form, rhymebook)
    except InputError:
        return None  # not a poem at all (no Chinese, too long): the draft is discarded


def _prompt(
    request: BackendPoemRequest, form: str, rhyme: str | None, *, base: bool
) -> list[Message]:
    words = "、".join(request.keywords)
    if base:  # a base model continues text; a title line is the best instruction it takes
        return [Message("user", f"{form}·{words}\n")]
    if request.lang == "en":
        rhyme_text = f", rhyming in the {rhyme} group of the Pingshui rhyme book" if rhyme else ""
        text = (
            f"Write a classical Chinese {_FORM_EN.get(form, form)} about: {words}{rhyme_text}. "
            "Keep every tonal rule of regulated verse (平仄, 粘对, no 孤平, no 三平尾) and rhyme "
            "in a level-tone group. Reply with the poem only, in Chinese characters, one line "
            "per couplet, no title and no explanation."
        )
    else:
        rhyme_text = f"，押平水韵{rhyme}" if rhyme else "，押平声韵"
        text = (
            f"请以「{words}」为题写一首{form}{rhyme_text}，严守平仄、粘对，不犯孤平、三平尾。"
            "只输出诗的正文，每联一行，不要标题和解释。"
        )
    return [Message("system", "你是精通格律的古典诗人。"), Message("user", text)]


def _feedback(
    best: tuple[tuple[int, int], str, CheckReport] | None, lang: str, lines: int, size: int
) -> list[Message]:
    if best is None:
        shape = (
            f"{lines}句，每句{size}字" if lang == "zh" else f"{lines} lines of {size} characters"
        )
        text = (
            f"没有读到符合格式的诗。请只写{shape}的诗。"
            if lang == "zh"
            else f"No poem of {shape} was found. Reply with the poem only."
        )
        return [Message("user", text)]
    _, poem, report = best
    faults = [f.message(lang) for f in report.errors] + [f.message(lang) for f in report.warnings]
    listed = "\n".join(f"- {f}" for f in faults)
    if lang == "zh":
        text = f"这一稿有以下问题：\n{listed}\n请逐条改正后重写全诗，只输出诗。"
    else:
        text = f"That draft has these faults:\n{listed}\nFix each and rewrite the whole poem; reply with the poem only."
    return [Message("assistant", poem), Message("user", text)]


def extract_poem(raw: str, line_length: int, line_count: int) -> str:
    """The poem in a model's reply: lines of Chinese characters, re-punctuated.

    Titles, numbering, markdown and commentary are dropped: the reply's runs of Chinese
    characters are kept, and a run as long as several lines is cut into lines.
    """
    runs = split_lines(raw)
    lines: list[str] = []
    for run in runs:
        if len(run) == line_length:
            lines.append(run)
        elif len(run) % line_length == 0 and len(run) > line_length:
            lines.extend(run[i : i + line_length] for i in range(0, len(run), line_length))
        elif lines:
            break  # commentary after the poem
    if len(lines) < line_count:
        lines = runs[:line_count]  # let the checker say what is wrong with the shape
    lines = lines[:line_count]
    return "".join(line + line_punct(i) for i, line in enumerate(lines))
