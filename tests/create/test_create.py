"""create, remix and the Theme mapping, end to end through the real pipeline and CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from inkmuse.core.errors import InputError
from inkmuse.create import CreateRequest, create, creation_theme, read_image
from inkmuse.create.remix import RemixRequest, remix, save_creation
from inkmuse.library import Library
from inkmuse_cli import run_inkmuse

EXPECTED_FILES = {
    "index.html",
    "painting.png",
    "poem-check.json",
    "poem-check.txt",
    "poem.txt",
    "provenance.json",
    "song.abc",
    "song.json",
    "song.mid",
    "song.musicxml",
    "song.png",
    "song.wav",
}
SMALL = (320, 240)


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("create") / "a"
    create(CreateRequest("秋夜 思乡", seed=7, size=SMALL), out)
    return out


def test_a_creation_has_every_part_and_a_valid_poem(first: Path) -> None:
    assert {p.name for p in first.iterdir()} == EXPECTED_FILES
    check = json.loads((first / "poem-check.json").read_text(encoding="utf-8"))
    assert check["ok"] is True and check["form"] == "七言绝句"
    page = (first / "index.html").read_text(encoding="utf-8")
    for ref in ('src="painting.png"', 'src="song.wav"', 'src="song.png"', 'href="song.musicxml"'):
        assert ref in page
    prov = json.loads((first / "provenance.json").read_text(encoding="utf-8"))
    assert prov["seed"] == 7 and set(prov["seeds"]) == {"poem", "painting", "song"}
    assert prov["parts"]["poem"]["backend"] == "embedded"


def test_same_idea_and_seed_same_bytes(first: Path, tmp_path: Path) -> None:
    again = tmp_path / "b"
    create(CreateRequest("秋夜 思乡", seed=7, size=SMALL), again)
    for name in EXPECTED_FILES:
        assert (first / name).read_bytes() == (again / name).read_bytes(), name


def test_sad_autumn_night_maps_to_cool_minor_and_slow() -> None:
    sad = creation_theme("sad autumn night")
    joy = creation_theme("a joyful spring morning")
    assert sad.theme.palette == "night"  # the blue-grey ink palette
    assert sad.key.endswith(("羽", "minor"))
    assert joy.key.endswith(("宫", "徵", "major"))
    assert sad.tempo < joy.tempo
    assert sad.keywords and all("\u4e00" <= c <= "\u9fff" for w in sad.keywords for c in w)


def test_an_image_lends_its_palette_and_mood(tmp_path: Path) -> None:
    dark = tmp_path / "dark.png"
    Image.fromarray(np.full((64, 64, 3), (20, 24, 40), np.uint8)).save(dark)
    reading = read_image(dark)
    assert reading.time_of_day == "night" and reading.palette == "night"
    ct = creation_theme("a quiet place", image=dark)
    assert ct.theme.palette == "night" and ct.theme.time_of_day == "night"


def test_remix_keeps_the_poem_and_edits_make_the_person_the_author(
    first: Path, tmp_path: Path
) -> None:
    with Library.open() as lib:
        creation = create(CreateRequest("秋夜 思乡", seed=7, size=SMALL), tmp_path / "v1")
        v1 = save_creation(lib, None, creation)
        steps: list[tuple[str, float]] = []
        request = RemixRequest(keep=("poem",), seed=99)
        _, v2 = remix(lib, v1.work_id, request, tmp_path / "v2", lambda *s: steps.append(s))
        assert v2.parent == 1 and v2.action == "remix"
        # Every stage of a creation is reported for a remix too, kept parts included.
        assert [name for name, _ in steps] == ["theme", "poem", "painting", "song", "page"]
        assert all(seconds >= 0 for _, seconds in steps)
        with Image.open(tmp_path / "v2" / "painting.png") as painting:
            assert painting.size == SMALL  # the work's size, not the default 960x640
        assert (tmp_path / "v2" / "poem.txt").read_bytes() == (
            tmp_path / "v1" / "poem.txt"
        ).read_bytes()
        assert (tmp_path / "v2" / "painting.png").read_bytes() != (
            tmp_path / "v1" / "painting.png"
        ).read_bytes()
        own = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
        made, v3 = remix(lib, v1.work_id, RemixRequest(poem=own, seed=5), tmp_path / "v3")
        assert v3.action == "edit" and v3.poem == own
        assert {v3.authorship[f"poem line {i}"] for i in range(1, 5)} == {"person"}
        assert made.check.ok and made.check.form is not None and made.check.form.short == "五绝"
        assert "白日依山尽" in (tmp_path / "v3" / "index.html").read_text(encoding="utf-8")
        assert [v.number for v in lib.versions(v1.work_id)] == [1, 2, 3]
        with pytest.raises(InputError, match="cannot keep"):
            remix(lib, v1.work_id, RemixRequest(keep=("sculpture",)), tmp_path / "v4")


def test_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        CreateRequest("   ").validated()
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image at all")
    with pytest.raises(InputError):
        creation_theme("秋", image=junk)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_inkmuse(*args)


def test_cli_create_and_library(tmp_path: Path) -> None:
    out = tmp_path / "cli"
    done = run_cli("create", "江雪", "--seed", "3", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "open " in done.stdout and "library: work" in done.stdout
    assert "painting" in done.stderr  # progress
    listed = json.loads(run_cli("library", "list", "--json").stdout)
    assert len(listed) == 1
    wid = listed[0]["id"]
    assert run_cli("library", "show", wid).returncode == 0
    zip_path = tmp_path / "w.zip"
    assert run_cli("library", "export", wid, "--out", str(zip_path)).returncode == 0
    assert zip_path.stat().st_size > 10_000
    assert run_cli("library", "check").stdout.strip() == "library ok"
    assert run_cli("library", "delete", wid, "--yes").returncode == 0
    assert json.loads(run_cli("library", "list", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("create",), "no idea given"),
        (("create", "秋", "--image", "/nonexistent.png"), "no image file"),
        (("create", "秋", "--keep", "poem"), "--from"),
        (("library", "show", "../../etc"), "not a work id"),
        (("library", "show", "0123456789ab"), "no work"),
    ],
)
def test_cli_bad_input(args: tuple[str, ...], message: str) -> None:
    done = run_cli(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert message in done.stderr and "Traceback" not in done.stderr
