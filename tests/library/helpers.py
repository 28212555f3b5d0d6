"""What the library tests share: a save through the real save path, and a real small or
read-only disk (a tmpfs in a user namespace) for the storage-fault tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from inkmuse.create.remix import save_creation
from inkmuse.library import Library, Version


def creation(folder: Path, poem: str, *, idea: str = "秋夜 思乡", size: int = 2000) -> Any:
    """A finished creation's folder, shaped like `create`'s (files + provenance.json)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "poem.txt").write_text(poem + "\n", encoding="utf-8")
    (folder / "painting.png").write_bytes(os.urandom(size))
    seeds = {"poem": 1, "painting": 2, "song": 3}
    authorship = {"poem line 1": "inkmuse:embedded", "painting": "inkmuse:shanshui"}
    theme = {"key": "C宫", "mood": "lonely"}
    provenance = {
        "kind": "create",
        "inputs": {"idea": idea, "image": None},
        "seeds": seeds,
        "theme": theme,
        "authorship": authorship,
    }
    (folder / "provenance.json").write_text(
        __import__("json").dumps(provenance, ensure_ascii=False), encoding="utf-8"
    )
    return SimpleNamespace(
        folder=folder,
        idea=idea,
        poem=poem,
        theme=SimpleNamespace(to_dict=lambda: theme),
        seeds=seeds,
        authorship=authorship,
        provenance=provenance,
    )


def save_new(lib: Library, tmp: Path, poem: str, **kw: Any) -> Version:
    """Save a new work the way `inkmuse create` and the studio do."""
    return save_creation(lib, None, creation(tmp / f"out-{poem}", poem, **kw))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under works/, by relative path, with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "works").rglob("*"))
        if p.is_file()
    }


def _can_mount() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d && umount $d"
    return (
        subprocess.run(["unshare", "-rm", "sh", "-c", probe], capture_output=True).returncode == 0
    )


needs_mount = pytest.mark.skipif(
    not _can_mount(), reason="needs `unshare -rm` (user namespaces) for a real tmpfs disk"
)


def on_small_disk(
    mount: Path,
    steps: list[list[str]],
    *,
    size_kb: int,
    read_only_after: int | None = None,
    substitute: dict[str, str] | None = None,
) -> list[subprocess.CompletedProcess[str]]:
    """Run each step (argv; "PY" stands for this Python) in one user namespace where `mount`
    is a fresh tmpfs of size_kb; after step number `read_only_after` the tmpfs is remounted
    read-only. An argument that is a key of `substitute` becomes that shell expression (to
    pass on what an earlier step printed). Returns one result per step."""
    mount.mkdir(parents=True, exist_ok=True)
    out = mount.parent / f"{mount.name}-results"
    out.mkdir(exist_ok=True)
    script = [f"mount -t tmpfs -o size={size_kb}k tmpfs {mount} || exit 99"]
    for i, argv in enumerate(steps):
        cmd = " ".join(_arg(a, substitute or {}) for a in argv)
        script.append(f"{cmd} >{out}/{i}.out 2>{out}/{i}.err; echo $? >{out}/{i}.rc")
        if read_only_after == i:
            script.append(f"mount -o remount,ro {mount} || exit 98")
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "\n".join(script)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return [
        subprocess.CompletedProcess(
            steps[i],
            int((out / f"{i}.rc").read_text()),
            (out / f"{i}.out").read_text(encoding="utf-8"),
            (out / f"{i}.err").read_text(encoding="utf-8"),
        )
        for i in range(len(steps))
    ]


def _arg(arg: str, substitute: dict[str, str]) -> str:
    if arg in substitute:
        return f'"{substitute[arg]}"'
    arg = sys.executable if arg == "PY" else arg
    return "'" + arg.replace("'", "'\\''") + "'"
