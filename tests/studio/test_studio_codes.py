"""Issue 21: every refusal carries a `code` the page translates, with only safe params, and
no internals (object reprs, Python names) in what a person may read."""

from __future__ import annotations

import httpx

from inkmuse.studio.codes import code_of_problem


def test_a_too_long_field_names_the_field_the_rule_and_the_bound(client: httpx.Client) -> None:
    body = client.post("/api/check", json={"text": "白" * 2001}).json()
    assert body["code"] == "validation"
    assert body["params"] == {"field": "text", "rule": "string_too_long", "max_length": 2000}


def test_an_unreadable_upload_says_so_without_an_object_repr(client: httpx.Client) -> None:
    response = client.post("/api/uploads", files={"file": ("x.png", b"not an image", "image/png")})
    body = response.json()
    assert response.status_code == 400 and body["code"] == "upload_not_image"
    assert "BytesIO" not in response.text and "0x" not in response.text


def test_half_typed_and_non_chinese_poems_are_named_for_the_page(client: httpx.Client) -> None:
    half = client.post("/api/check", json={"text": "床前明月光，"}).json()["problem"]
    assert half["code"] == "shape_unknown" and half["params"] == {"lines": 1}
    latin = client.post("/api/check", json={"text": "hello"})
    assert latin.status_code == 400 and latin.json()["code"] == "no_chinese"
    unknown = client.post("/api/check", json={"text": "白日", "form": "八绝"}).json()
    assert unknown["code"] == "unknown_form"


def test_continue_with_the_form_left_to_the_opening_keeps_its_comma(client: httpx.Client) -> None:
    # Issue 21: with form 自动 the page sent 七绝, and "床前明月光，" became "床前明月光如日".
    body = {"opening": "床前明月光，", "form": None, "seed": 3, "n": 2}
    data = client.post("/api/poems", json=body).json()
    assert data["form"] == "五言绝句" and data["text"].startswith("床前明月光，")


def test_unmatched_wording_falls_back_to_a_code_by_class() -> None:
    assert code_of_problem("InputError", "something new") == ("invalid_input", {})
    assert code_of_problem("DiskFull", "the disk is full") == ("disk_full", {})
    assert code_of_problem("Busy", "3 requests are already waiting") == ("busy", {})
