"""`inkmuse check --form 浣溪沙 ...` and `--form 对联 上联 下联`, driven through the real CLI."""

from __future__ import annotations

import json

from inkmuse_cli import run_inkmuse

RUMENGLING = "昨夜雨疏风骤，浓睡不消残酒。试问卷帘人，却道海棠依旧。知否，知否，应是绿肥红瘦。"


def test_named_tune_passes_with_its_pattern() -> None:
    result = run_inkmuse("check", "--form", "如梦令", RUMENGLING)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("如梦令 · 正体 · 词林正韵 第十二部")
    assert "谱 ⊖仄⊕平⊕仄（韵）" in result.stdout
    assert result.stdout.rstrip().endswith("合谱。")


def test_tune_from_the_shape_and_a_fault_in_english() -> None:
    text = RUMENGLING.replace("残酒", "残杯")
    result = run_inkmuse("check", "--form", "词", "--lang", "en", text)
    assert result.returncode == 1
    assert "(tune read from the shape)" in result.stdout
    assert "off-rhyme (chu yun)" in result.stdout


def test_couplet_two_arguments_and_json() -> None:
    result = run_inkmuse("check", "--form", "对联", "海纳百川，有容乃大", "壁立千仞，无欲则刚")
    assert result.returncode == 1
    assert "平仄不对" in result.stdout and "对仗" in result.stdout and "未判" not in result.stdout
    ok = run_inkmuse("check", "--form", "对联", "--json", "海内存知己", "天涯若比邻")
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["ok"] is True


def test_couplet_from_stdin_as_one_text() -> None:
    result = run_inkmuse("check", "--form", "对联", "-", stdin="室雅何须大\n花香不在多\n")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bad_input_exits_2_with_a_message() -> None:
    unknown = run_inkmuse("check", "--form", "词", "白日依山尽，黄河入海流。")
    assert unknown.returncode == 2
    assert "no 词牌 in the 词谱 has this shape" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    second = run_inkmuse("check", "--form", "浣溪沙", "海内存知己", "天涯若比邻")
    assert second.returncode == 2 and "only read with --form 对联" in second.stderr
    rules = run_inkmuse("check", "--form", "如梦令", "--rules", "tang", RUMENGLING)
    assert rules.returncode == 2 and "apply to 诗" in rules.stderr
