"""Fuzzing the JSON API with hypothesis: any body, well-formed or not, gets an answer below
500, and a refusal says what was wrong. Jobs that are accepted must not fail by a bug.
`test_hostile_bodies_never_500` sends over 3,000 hostile bodies (lone surrogates, NaN,
huge numbers, deep nesting, broken bytes) to every JSON route."""

from __future__ import annotations

import json
import math
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


# Every JSON route, with the fields its schema names (a body with a stranger's field names
# only tests the extra-field check).
JSON_ROUTES = {
    "/api/check": ("text", "form", "rhymebook", "rules"),
    "/api/suggest": ("text", "line", "pos", "form", "rhymebook", "keywords", "seed", "k"),
    "/api/poems": ("keywords", "form", "n", "seed", "temperature", "rhyme", "rhymebook",
                   "acrostic", "opening", "backend"),
    "/api/paintings": ("text", "poem", "style", "preset", "neural_style", "seed", "inscribe",
                       "width", "height", "upload"),
    "/api/songs": ("poem", "mood", "key", "tempo", "style", "seed"),
    "/api/creations": ("idea", "seed", "form", "key", "width", "height", "upload"),
    "/api/works/0123456789ab/remix": ("keep", "seed", "key", "poem", "version"),
    "/api/backends/fake/stream": ("keywords", "form", "seed", "temperature", "max_tokens"),
}  # fmt: skip
CHEAP = {"/api/check"}
PER_ROUTE = 400  # the others start the poet or a job once a body is valid
surrogates = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1)
hostile_text = (
    st.sampled_from(["", " ", "\x00", "\u202e", "\ufeff", "白" * 2001, "a" * 5000, "../../x",
                     "<script>alert(1)</script>", "%s%n", "{}", "五绝", "七绝", "shanshui"])
    | st.text(max_size=30)
    | st.builds(lambda a, b, c: a + b + c, poemish, surrogates, poemish)
)  # fmt: skip
hostile_number = st.sampled_from(
    [math.nan, math.inf, -math.inf, 1e308, -0.0, 2**64, -(2**63) - 1, 10**30, 0.5, 7]
) | st.integers(-(2**70), 2**70)
hostile = st.recursive(
    st.none() | st.booleans() | hostile_text | hostile_number,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
)
# One field that no schema accepts, so a heavy route refuses the body before any work.
poison = st.one_of(
    st.tuples(st.just("text"), surrogates),
    st.tuples(st.just("seed"), st.sampled_from([math.nan, math.inf, -1, 2**64])),
    st.tuples(st.sampled_from(["extra", "\ud800", "Text", ""]), hostile),
)


def hostile_request(path: str) -> st.SearchStrategy[bytes]:
    fields = JSON_ROUTES[path]
    required = {"text": near_poem | poemish | hostile_text} if path in CHEAP else {}
    dicts = st.fixed_dictionaries(
        required, optional={f: hostile for f in fields if f not in required}
    )
    if path not in CHEAP:  # always poisoned: refused before the poet or a job starts
        dicts = st.builds(lambda body, bad: {**body, bad[0]: bad[1]}, dicts, poison)
    raw = st.binary(max_size=40) | st.sampled_from(
        [b"{", b"[", b'{"text": NaN}', b"\xff\xfe{}", b"[" * 5000 + b"]" * 5000, b"null"]
    )  # bytes that are not a JSON object at all
    as_json = dicts.map(lambda body: json.dumps(body, allow_nan=True).encode())
    return st.one_of(as_json, as_json, as_json, as_json, raw)


@pytest.mark.slow
def test_hostile_bodies_never_500(client: httpx.Client) -> None:
    """400 hostile bodies to each of the 8 JSON routes (one hypothesis run each: a run's
    cost per example grows with its length)."""
    sent: dict[int, int] = {}

    def fuzz(path: str) -> None:
        @settings(
            max_examples=PER_ROUTE, deadline=None, derandomize=True, database=None,
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        @given(raw=hostile_request(path))
        def run(raw: bytes) -> None:
            response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
            sent[response.status_code] = sent.get(response.status_code, 0) + 1
            assert response.status_code < 500, (path, raw[:200], response.text[:300])
            if response.status_code >= 400:
                assert len(response.content) < 4096, (path, len(response.content))  # no echo
                assert response.json()["problem"], response.text[:300]

        run()

    start = time.perf_counter()
    for path in sorted(JSON_ROUTES):
        fuzz(path)
    took = time.perf_counter() - start
    assert sum(sent.values()) >= 3000, sent
    assert sent.get(422, 0) > 1000 and sent.get(200, 0) > 10, sent  # refusals and real work
    print(f"hostile fuzz: {sum(sent.values())} requests in {took:.1f} s, by status {sent}")
