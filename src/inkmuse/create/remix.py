"""Remix: regenerate some parts of a saved creation and keep the others byte for byte.

>>> remix(library, work_id, RemixRequest(keep=("poem",), seed=9), out)  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inkmuse.core.errors import InputError
from inkmuse.core.seeds import derive_seed, resolve_seed
from inkmuse.create.pipeline import PARTS, CreateRequest, Creation, Progress, create
from inkmuse.create.theme import creation_theme_from_dict
from inkmuse.library import Library, Version


@dataclass(frozen=True)
class RemixRequest:
    """keep: parts to carry over unchanged (poem, painting, song); seed: the seed for the
    parts made anew; key: a new key for the song; poem: the person's own edit of the poem
    (the painting and the song follow it)."""

    keep: tuple[str, ...] = ()
    seed: int | None = None
    key: str | None = None
    poem: str | None = None
    version: int | None = None


def remix(
    library: Library,
    work_id: str,
    request: RemixRequest,
    out: Path,
    progress: Progress | None = None,
) -> tuple[Creation, Version]:
    """Make a new version of a work in `out` and save it; returns it and the saved version.

    progress: called with the same steps as a creation's (theme, poem, painting, song,
    page), each with its seconds, kept parts included (a kept poem is copied; a kept
    painting or song is made again from its old seed and size, the same bytes)."""
    unknown = [p for p in request.keep if p not in PARTS]
    if unknown:
        raise InputError(f"cannot keep {unknown[0]!r}", accepted=", ".join(PARTS))
    if request.poem is not None and "poem" in request.keep:
        raise InputError("an edited poem and --keep poem contradict", accepted="one of them")
    if request.key and "song" in request.keep:
        raise InputError(
            "a new key changes the song, which --keep song keeps", accepted="one of them"
        )
    work = library.work(work_id)
    base = library.version(work_id, request.version)
    ctheme = creation_theme_from_dict(base.theme)
    seed = resolve_seed(request.seed)
    seeds = {p: base.seeds[p] if p in request.keep else derive_seed(seed, p) for p in PARTS}
    keep: dict[str, object] = {"theme": ctheme, "seeds": seeds}
    poem_author = {k: v for k, v in base.authorship.items() if k.startswith("poem line")}
    if "poem" in request.keep:
        keep["poem"], keep["poem_author"] = base.poem, poem_author
    elif request.poem is not None:
        keep["poem"], keep["poem_author"] = request.poem, _edit_authorship(base, request.poem)
    params = base.provenance.get("params", {})
    form = params.get("form", "七绝")
    # The base's painting size: a kept painting is only byte-identical at the same size.
    width, height = params.get("size", (960, 640))
    creation = create(
        CreateRequest(
            work.idea, seed=seed, form=form, key=request.key or None, size=(width, height)
        ),
        out,
        progress,
        keep=keep,
    )
    action = "edit" if request.poem is not None else "remix"
    version = save_creation(library, work_id, creation, action=action, parent=base.number)
    return creation, version


def _edit_authorship(base: Version, poem: str) -> dict[str, str]:
    """Lines the person changed are theirs; unchanged lines keep their author."""
    from inkmuse.poetry.text import split_poem

    old = split_poem(base.poem).lines
    new = split_poem(poem).lines
    out = {}
    for i, line in enumerate(new, 1):
        same = i <= len(old) and old[i - 1] == line
        out[f"poem line {i}"] = (
            base.authorship.get(f"poem line {i}", "person") if same else "person"
        )
    return out


def save_creation(
    library: Library,
    work_id: str | None,
    creation: Creation,
    *,
    action: str = "create",
    parent: int | None = None,
) -> Version:
    """Save a creation's files and record as a new version (a new work when work_id is None;
    the work and its first version are saved in one step, so neither appears alone)."""
    files = {p.name: p for p in sorted(creation.folder.iterdir()) if p.is_file()}
    if work_id is None:
        return library.add_work(
            creation.idea,
            creation.idea,
            files=files,
            poem=creation.poem,
            theme=creation.theme.to_dict(),
            seeds=creation.seeds,
            authorship=creation.authorship,
            provenance=creation.provenance,
        )
    return library.add_version(
        work_id,
        files=files,
        poem=creation.poem,
        theme=creation.theme.to_dict(),
        seeds=creation.seeds,
        authorship=creation.authorship,
        provenance=creation.provenance,
        action=action,
        parent=parent,
    )
