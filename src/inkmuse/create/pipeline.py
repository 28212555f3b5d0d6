"""`create`: one idea becomes a poem, an inscribed painting and a song, in one folder.

    >>> creation = create(CreateRequest(idea="秋夜 思乡", seed=7), out_dir)  # doctest: +SKIP

The three parts share one Theme (see `inkmuse.create.theme`); each part has its own seed,
derived from the creation's seed, so regenerating one part (`remix`) leaves the others'
bytes unchanged. Same idea and seed, same bytes in every file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.provenance import library_versions, provenance_json
from inkmuse.core.seeds import derive_seed, resolve_seed
from inkmuse.core.theme import Theme
from inkmuse.create.page import render_page
from inkmuse.create.theme import CreationTheme, creation_theme, merge_poem_imagery
from inkmuse.poetry.checker import CheckReport, check_poem
from inkmuse.poetry.report import render_report

PARTS = ("poem", "painting", "song")
MAX_IDEA = 500
Progress = Callable[[str, float], None]  # (step name, seconds it took)

# File names inside a creation folder (and a library version).
POEM_FILES = ("poem.txt", "poem-check.txt", "poem-check.json")
PAINTING_FILES = ("painting.png",)
SONG_FILES = ("song.mid", "song.musicxml", "song.abc", "song.wav", "song.png", "song.json")


@dataclass(frozen=True)
class CreateRequest:
    """What to create. idea: words or a line (秋夜 思乡, a harbour at dawn); image: a picture
    whose colours lend the Theme its palette and mood; form: the poem's form; key: override
    the song's key (E羽, A minor); size: the painting's (width, height)."""

    idea: str
    seed: int | None = None
    image: Path | None = None
    form: str = "七绝"
    key: str | None = None
    size: tuple[int, int] = (960, 640)
    candidates: int = 16

    def validated(self) -> CreateRequest:
        idea = " ".join(self.idea.split())
        if not idea:
            raise InputError("the idea is empty", accepted="a few words, e.g. '秋夜 思乡'")
        if len(idea) > MAX_IDEA:
            raise InputError(f"the idea is {len(idea)} characters", accepted=f"up to {MAX_IDEA}")
        return replace(self, idea=idea, seed=resolve_seed(self.seed))


@dataclass
class Creation:
    """A finished creation: where its files are and what made them."""

    folder: Path
    idea: str
    seed: int
    poem: str
    check: CheckReport
    theme: CreationTheme
    seeds: dict[str, int]
    authorship: dict[str, str]
    provenance: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def files(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir() if p.is_file())


def create(
    request: CreateRequest,
    out: Path,
    progress: Progress | None = None,
    *,
    keep: dict[str, Any] | None = None,
) -> Creation:
    """Make the poem, painting and song for `request` in the folder `out`.

    keep: parts carried over from an earlier version (remix): {"poem": text,
    "poem_author": {...}, "theme": CreationTheme, "seeds": {...}}; kept parts keep their
    seeds, so their files come out byte-identical.
    """
    req = request.validated()
    assert req.seed is not None
    keep = keep or {}
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}

    def step(name: str, start: float) -> None:
        timings[name] = time.perf_counter() - start
        if progress is not None:
            progress(name, timings[name])

    seeds = {part: derive_seed(req.seed, part) for part in PARTS}
    seeds.update(keep.get("seeds", {}))

    t0 = time.perf_counter()
    ctheme: CreationTheme = keep.get("theme") or creation_theme(req.idea, req.image, req.key)
    if req.key and keep.get("theme"):
        ctheme = replace(ctheme, key=req.key)
    step("theme", t0)

    t0 = time.perf_counter()
    poem, authorship, poem_record = _poem(req, ctheme, seeds["poem"], keep)
    report = _check(poem, req.form, kept="poem" in keep)
    (out / "poem.txt").write_text(poem + "\n", encoding="utf-8")
    (out / "poem-check.txt").write_text(render_report(report) + "\n", encoding="utf-8")
    (out / "poem-check.json").write_text(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    step("poem", t0)

    t0 = time.perf_counter()
    painting_theme = merge_poem_imagery(ctheme.theme, poem)
    paint_record = _paint(req, painting_theme, poem, seeds["painting"], out)
    authorship["painting"] = "inkmuse:shanshui"
    step("painting", t0)

    t0 = time.perf_counter()
    song_record = _song(req, ctheme, poem, seeds["song"], out)
    authorship["song"] = "inkmuse:music"
    step("song", t0)

    provenance = {
        "tool": "inkmuse",
        "kind": "create",
        "inputs": {"idea": req.idea, "image": req.image.name if req.image else None},
        "seed": req.seed,
        "seeds": seeds,
        "params": {"form": req.form, "key": req.key, "size": list(req.size)},
        "theme": ctheme.to_dict(),
        "authorship": authorship,
        "parts": {"poem": poem_record, "painting": paint_record, "song": song_record},
        "versions": library_versions(),
    }
    (out / "provenance.json").write_text(
        json.dumps(json.loads(provenance_json(provenance)), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    t0 = time.perf_counter()
    (out / "index.html").write_text(
        render_page(req.idea, poem, report, ctheme, provenance, out), encoding="utf-8"
    )
    step("page", t0)
    return Creation(
        out, req.idea, req.seed, poem, report, ctheme, seeds, authorship, provenance, timings
    )


def _check(poem: str, form: str, *, kept: bool) -> CheckReport:
    """Check the poem; a poem the person wrote is checked in the form its shape shows."""
    if kept:
        try:
            return check_poem(poem)
        except InputError:
            pass  # a shape no regulated form has: report it against the requested form
    return check_poem(poem, form)


def _poem(
    req: CreateRequest, ctheme: CreationTheme, seed: int, keep: dict[str, Any]
) -> tuple[str, dict[str, str], dict[str, Any]]:
    if "poem" in keep:
        poem = keep["poem"]
        authorship = dict(keep.get("poem_author", {}))
        return poem, authorship, {"kept": True, "by": sorted(set(authorship.values()))}
    from inkmuse.core.hanzi import split_lines
    from inkmuse.poetry.request import PoemRequest
    from inkmuse.poetry.write import write

    poem = write(PoemRequest(keywords=ctheme.keywords, form=req.form, seed=seed, n=req.candidates))
    count = len(split_lines(poem.text))
    authorship = {f"poem line {i}": "inkmuse:embedded" for i in range(1, count + 1)}
    return poem.text, authorship, poem.provenance


def _paint(req: CreateRequest, theme: Theme, poem: str, seed: int, out: Path) -> dict[str, Any]:
    from inkmuse.painting import PaintRequest, paint, save_png

    painting = paint(
        PaintRequest(
            text=f"{req.idea}\n{poem}",
            theme=theme,
            poem=poem,
            title=req.idea if len(req.idea) <= 12 else None,
            size=req.size,
            seed=seed,
        )
    )
    save_png(painting, out / "painting.png")
    record: dict[str, Any] = painting.provenance
    return record


def _song(
    req: CreateRequest, ctheme: CreationTheme, poem: str, seed: int, out: Path
) -> dict[str, Any]:
    from inkmuse.music import ComposeRequest, compose, export

    piece = compose(
        ComposeRequest(
            poem=poem,
            theme=ctheme.theme,
            key=ctheme.key,
            tempo=ctheme.tempo,
            style=ctheme.style,
            seed=seed,
            title=req.idea,
        )
    )
    export(piece, out, stem="song")
    return piece.provenance
