"""The terminal reports for 词 and 对联: lines over tones, the pattern, marks, verdicts."""

from __future__ import annotations

from inkmuse.poetry.ci import check_ci
from inkmuse.poetry.ci.couplet import check_couplet
from inkmuse.poetry.ci.render import render_ci, render_couplet

BUSUANZI = (
    "缺月挂疏桐，漏断人初静。谁见幽人独往来，缥缈孤鸿影。"
    "惊起却回头，有恨无人省。拣尽寒枝不肯栖，寂寞沙洲冷。"
)


def test_ci_report_in_both_languages() -> None:
    report = check_ci(BUSUANZI.replace("疏桐", "疏洞"), "卜算子")
    zh = render_ci(report).splitlines()
    assert zh[0] == "卜算子 · 正体 · 词林正韵 第十一部"
    assert zh[2] == "  1   缺 月 挂 疏 洞，"
    assert zh[3] == "      仄 仄 仄 * 仄   谱 ⊖仄仄⊕平"  # 疏 reads both tones
    assert zh[4] == "                  ✗"  # under the 5th character
    assert zh[-1] == "不合谱：1处错误，0处提示。"
    en = render_ci(report, "en")
    assert "tone mismatch: line 1, character 5" in en
    assert en.splitlines()[-1] == "Not valid: 1 error(s), 0 warning(s)."


def test_colour_only_when_asked() -> None:
    report = check_ci(BUSUANZI.replace("疏桐", "疏洞"), "卜算子")
    assert "\x1b[" not in render_ci(report)
    assert "\x1b[31m" in render_ci(report, colour=True)


def test_couplet_report() -> None:
    text = render_couplet(check_couplet("海内存知己", "天涯若比邻"))
    lines = text.splitlines()
    assert lines[1] == " 上联 海 内 存 知 己"
    assert lines[3] == " 下联 天 涯 若 比 邻"
    assert lines[5] == "         ^     ^  ^"  # characters 2, 4 and the last
    assert lines[-1] == "合格。"
    assert "not judged" in render_couplet(check_couplet("海内存知己", "天涯若比邻"), "en")
