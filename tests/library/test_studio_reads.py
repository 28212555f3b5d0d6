"""Issue 14, item 1, as it was found: one `GET /api/works` with library.db gone deleted
every version folder. The studio reads the same store, so it now lists them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from inkmuse.library import Library

from .helpers import save_new, tree

pytest.importorskip("fastapi", reason="the studio extra is not installed")
pytestmark = pytest.mark.network  # a real studio on a loopback port


def test_get_works_with_the_database_gone_lists_every_work_and_deletes_nothing(
    tmp_path: Path,
) -> None:
    import httpx

    from inkmuse.studio import StudioConfig
    from studio.conftest import running_studio  # the studio tests' real server

    home = tmp_path / "home"
    with Library.open(home / "library") as lib:
        ids = {save_new(lib, tmp_path, poem).work_id for poem in ("一", "二")}
    files = tree(home / "library")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{home}/library/library.db{suffix}").unlink(missing_ok=True)

    with running_studio(StudioConfig(home=home)) as url:
        response = httpx.get(f"{url}/api/works", timeout=60)
    assert response.status_code == 200, response.text
    assert {w["id"] for w in response.json()} == ids
    assert tree(home / "library") == files
