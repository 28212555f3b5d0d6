"""The poem API on a real server: live checking, replacements, writing and continuing."""

from __future__ import annotations

import httpx
import pytest

from inkmuse.poetry import check_poem

pytestmark = pytest.mark.network  # a real server on a loopback port

DENGGUAN = "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"
OFF_RHYME = "白日依山尽，黄河入海流。欲穷千里目，更上一层天。"


def test_check_marks_every_character_and_reports_the_form(client: httpx.Client) -> None:
    data = client.post("/api/check", json={"text": DENGGUAN}).json()
    assert data["report"]["ok"] is True
    assert data["report"]["form"] == "五言绝句"
    assert [c["char"] for c in data["chars"][0]] == list("白日依山尽")
    assert [c["tones"] for c in data["chars"][0]] == [["仄"], ["仄"], ["平"], ["平"], ["仄"]]
    assert data["chars"][1][4]["rhymes"] == ["十一尤"]  # 流


def test_check_names_the_fault_where_it_is(client: httpx.Client) -> None:
    report = client.post("/api/check", json={"text": OFF_RHYME}).json()["report"]
    assert report["ok"] is False
    (fault,) = [f for f in report["faults"] if f["severity"] == "error"]
    assert (fault["kind"], fault["line"], fault["pos"]) == ("chu_yun", 4, 5)
    assert "十一尤" in fault["message_zh"] and "does not rhyme" in fault["message_en"]
    assert "楼" in fault["suggestions"]


def test_check_under_tang_practice(client: httpx.Client) -> None:
    chuzhou = "独怜幽草涧边生，上有黄鹂深树鸣。春潮带雨晚来急，野渡无人舟自横。"
    strict = client.post("/api/check", json={"text": chuzhou}).json()["report"]
    tang = client.post("/api/check", json={"text": chuzhou, "rules": "tang"}).json()["report"]
    assert strict["ok"] is False and tang["ok"] is True and tang["rules"] == "tang"
    assert strict["passes_under_tang"] is True  # the page can say why a classic fails
    off = client.post("/api/check", json={"text": OFF_RHYME}).json()["report"]
    assert off["passes_under_tang"] is False
    assert client.post("/api/check", json={"text": chuzhou, "rules": "x"}).status_code in (400, 422)


def test_a_half_typed_poem_still_gets_its_tones(client: httpx.Client) -> None:
    response = client.post("/api/check", json={"text": "白日依山尽，黄河"})
    assert response.status_code == 200
    data = response.json()
    assert data["report"] is None and "form" in data["problem"]["problem"]
    assert [c["char"] for c in data["chars"][1]] == ["黄", "河"]


def test_bad_check_input_is_a_clear_400(client: httpx.Client) -> None:
    response = client.post("/api/check", json={"text": DENGGUAN, "form": "八绝"})
    assert response.status_code == 400
    body = response.json()
    assert "八绝" in body["problem"] and body["accepted"]
    response = client.post("/api/check", json={"text": "hello world"})
    assert response.status_code == 400 and "Chinese" in response.json()["message"]
    response = client.post("/api/check", json={"text": DENGGUAN, "colour": "red"})
    assert response.status_code == 422 and "colour" in response.json()["problem"]


def test_suggestions_for_a_faulted_character_keep_the_form(client: httpx.Client) -> None:
    body = {"text": OFF_RHYME, "line": 4, "pos": 5, "seed": 3}
    data = client.post("/api/suggest", json=body).json()
    assert "楼" in data["fixes"]
    assert data["alternatives"], "the poet offered nothing"
    for alt in data["alternatives"]:
        assert alt["text"].endswith(alt["replacement"] + "。")
        assert check_poem(alt["text"]).ok, alt["text"]
    again = client.post("/api/suggest", json=body).json()
    assert again["alternatives"] == data["alternatives"]  # same seed, same ranking


def test_rewrite_a_whole_line(client: httpx.Client) -> None:
    data = client.post("/api/suggest", json={"text": DENGGUAN, "line": 3, "seed": 1, "k": 4}).json()
    assert 1 <= len(data["alternatives"]) <= 4
    for alt in data["alternatives"]:
        assert len(alt["replacement"]) == 5 and alt["replacement"] != "欲穷千里目"
        assert check_poem(alt["text"]).ok


def test_write_is_reproducible_and_every_candidate_is_checked(client: httpx.Client) -> None:
    body = {"keywords": "秋夜 思乡", "form": "五绝", "n": 6, "seed": 11}
    first = client.post("/api/poems", json=body).json()
    second = client.post("/api/poems", json=body).json()
    assert first["text"] == second["text"] and first["seed"] == 11
    assert first["text"] == first["candidates"][0]["text"]
    assert all(c["ok"] for c in first["candidates"])
    assert first["provenance"]["seed"] == 11


def test_continue_keeps_the_persons_opening(client: httpx.Client) -> None:
    data = client.post(
        "/api/poems", json={"opening": "白日依山尽，", "form": "五绝", "n": 4, "seed": 2}
    ).json()
    assert data["text"].startswith("白日依山尽，")
    assert check_poem(data["text"], "五绝").ok


def test_poem_errors_say_what_is_accepted(client: httpx.Client) -> None:
    response = client.post("/api/poems", json={"keywords": "秋夜", "form": "词"})
    assert response.status_code == 400 and response.json()["accepted"]
    response = client.post("/api/poems", json={"keywords": "秋夜", "n": 1000})
    assert response.status_code == 422 and "n" in response.json()["problem"]


def test_the_studio_writes_through_the_one_pipeline_and_shows_the_plan(
    client: httpx.Client,
) -> None:
    from inkmuse.poetry.request import PoemRequest
    from inkmuse.poetry.write import write

    body = {"keywords": "秋夜 思乡", "form": "七绝", "n": 6, "seed": 5}
    data = client.post("/api/poems", json=body).json()
    cli = write(PoemRequest(("秋夜", "思乡"), form="七绝", n=6, seed=5))
    assert data["text"] == cli.text and data["plan"] == list(cli.plan or ())
    assert data["plan"][0] == "秋夜" and len(data["plan"]) == 4
    edited = client.post("/api/poems", json={**body, "plan": "雁,霜,灯,乡"}).json()
    assert edited["plan"] == ["雁", "霜", "灯", "乡"]
    bad = client.post("/api/poems", json={**body, "plan": "雁,霜"})
    assert bad.status_code == 400 and "4 words" in bad.json()["accepted"]


RUMENGLING = "昨夜雨疏风骤，浓睡不消残酒。试问卷帘人，却道海棠依旧。知否，知否，应是绿肥红瘦。"


def test_check_a_ci_draws_its_grid_against_the_tune(client: httpx.Client) -> None:
    data = client.post("/api/check", json={"text": RUMENGLING, "form": "如梦令"}).json()
    report = data["report"]
    assert report["ok"] and report["form"] == "如梦令" and report["rhymebook"] == "词林正韵"
    assert [line["rhyme"] for line in report["lines"]][:2] == [True, True]
    assert len(report["lines"][0]["pattern"]) == 6 and report["rhyme_group"]
    auto = client.post("/api/check", json={"text": RUMENGLING, "form": "词"}).json()["report"]
    assert auto["form"] == "如梦令" and auto["detected"]
    wrong = client.post("/api/check", json={"text": "春", "form": "浣溪沙"}).json()
    assert wrong["report"]["ok"] is False  # too short: line and count faults, not a crash
    options = client.get("/api/options").json()
    assert "浣溪沙" in options["ci_forms"] and "浣溪沙" not in options["forms"]
    assert options["ci_labels"]["清平乐"] == "Qīng Píng Yuè"  # the English page's name for it
    assert set(options["ci_labels"]) == set(options["ci_forms"]) - {"词"}


def test_check_a_couplet_draws_both_lines_against_each_other(client: httpx.Client) -> None:
    data = client.post("/api/check", json={"text": "海内存知己\n天涯若比邻", "form": "对联"}).json()
    report = data["report"]
    assert report["ok"] and report["form"] == "对联" and report["duizhang_judged"]
    # The 下联's pattern is the tone each stressed place needs against the 上联, 平 at the end.
    assert [line["pattern"] for line in report["lines"]] == ["中仄中中仄", "中平中仄平"]
    assert [len(row) for row in data["chars"]] == [5, 5]
    bad = client.post("/api/check", json={"text": "海纳百川\n有容", "form": "对联"}).json()
    assert not bad["report"]["ok"] and bad["report"]["lines"][1]["pattern"] is None
    half = client.post("/api/check", json={"text": "海内存知己", "form": "对联"}).json()
    assert half["report"] is None and "upper line from the lower" in half["problem"]["message"]
    assert client.get("/api/options").json()["couplet_forms"] == ["对联"]


def test_poems_writes_a_ci_with_each_candidate_checked(client: httpx.Client) -> None:
    body = {"keywords": "春愁", "form": "浣溪沙", "seed": 3, "n": 4}
    data = client.post("/api/poems", json=body).json()
    assert data["candidates"] and all(c["ok"] for c in data["candidates"])
