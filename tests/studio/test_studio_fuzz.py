"""Fuzzing the JSON API with hypothesis: any body, well-formed or not, gets an answer below
500, and a refusal says what was wrong. Jobs that are accepted must not fail by a bug."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import wait_job

pytestmark = [pytest.mark.slow, pytest.mark.network]

POEM_CHARS = "白日依山尽黄河入海流欲穷千里目更上一层楼天秋夜月，。！\n 　a1"
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
poemish = st.text(alphabet=POEM_CHARS, max_size=40)
POEMS = (
    "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。",
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
)
# A real poem with one character changed: deep enough to reach the poet and the checker.
near_poem = st.builds(
    lambda poem, i, ch: poem[:i] + ch + poem[i + 1 :],
    st.sampled_from(POEMS),
    st.integers(0, 23),
    st.sampled_from(POEM_CHARS),
)
seed = st.integers(0, 2**63 - 1)
small_int = st.integers(min_value=-3, max_value=40) | st.integers()
anything = json_values | poemish | small_int


def shaped(required: dict[str, Any], **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Bodies with the endpoint's own field names: half well-typed (so the fuzz reaches the
    work behind validation), half with any value in any field."""
    typed = st.fixed_dictionaries(required, optional=fields)
    loose = st.fixed_dictionaries(
        {}, optional={k: v | anything for k, v in {**required, **fields}.items()}
    )
    return typed | loose


BODIES: dict[str, st.SearchStrategy[Any]] = {
    "/api/check": shaped({"text": near_poem | poemish}, form=st.sampled_from(["五绝", "七绝", "五律", "词"]),
                         rhymebook=st.sampled_from(["平水韵", "中华新韵", "x"])),
    "/api/suggest": shaped({"text": near_poem | poemish, "line": st.integers(1, 4)},
                           pos=st.integers(1, 5), k=st.integers(1, 4), seed=seed),
    "/api/poems": shaped({"keywords": poemish}, form=st.sampled_from(["五绝", "七绝"]),
                         n=st.integers(1, 3), seed=seed, opening=poemish, acrostic=poemish,
                         rhyme=st.sampled_from(["七阳", "一东", "x"]), temperature=st.floats(-1, 3)),
    "/api/paintings": shaped({"text": poemish, "width": st.integers(60, 160),
                              "height": st.integers(60, 160)},
                             style=st.sampled_from(["shanshui", "painterly", "x"]), seed=seed,
                             inscribe=st.booleans(), upload=st.text(max_size=30)),
    "/api/songs": shaped({"poem": poemish}, key=st.sampled_from(["D羽", "A minor", "Q"]),
                         mood=poemish, tempo=st.integers(20, 250), seed=seed),
    "/api/creations": json_values,
}  # fmt: skip


def _assert_sane(client: httpx.Client, response: httpx.Response, seen: set[int]) -> None:
    seen.add(response.status_code)
    assert response.status_code < 500, response.text
    body = response.json()
    if response.status_code in (400, 404, 422):
        assert body["problem"], body
    if response.status_code == 202:
        snap = wait_job(client, body, timeout=120)
        assert snap["status"] in ("done", "failed"), snap
        if snap["status"] == "failed":
            error = snap["error"]
            assert isinstance(error, dict) and "internal error" not in error["problem"], error


@pytest.mark.parametrize("path", sorted(BODIES))
def test_post_bodies_never_500(client: httpx.Client, path: str) -> None:
    @settings(
        max_examples=30, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(body=BODIES[path])
    def run(body: Any) -> None:
        _assert_sane(client, client.post(path, json=body), seen)

    seen: set[int] = set()
    run()
    if path != "/api/creations":  # the fuzz got past validation into the real work
        assert seen & {200, 202}, seen


def test_path_and_query_parameters_never_500(client: httpx.Client) -> None:
    segment = st.text(alphabet="abcdef0123456789-._~%", min_size=1, max_size=20)

    @settings(
        max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(a=segment, b=segment, n=st.integers(-5, 10**12))
    def run(a: str, b: str, n: int) -> None:
        for url in (f"/api/works/{a}", f"/api/jobs/{a}", f"/api/files/{a}/{b}",
                    f"/api/works/{a}/versions/{n}/files/{b}", f"/api/works/{a}/export?version={n}",
                    f"/api/works/{a}/compare?a={n}&b={b}"):  # fmt: skip
            response = client.get(url)
            assert response.status_code < 500, (url, response.text)
        assert client.delete(f"/api/works/{a}").status_code < 500

    start = time.perf_counter()
    run()
    assert time.perf_counter() - start < 120
