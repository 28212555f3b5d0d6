"""`inkmuse check` shows the 对仗 of a 律诗 beside the report (issue 17)."""

from __future__ import annotations

import json

import pytest

from inkmuse.cli.main import main

CHUNWANG = "国破山河在，城春草木深。感时花溅泪，恨别鸟惊心。烽火连三月，家书抵万金。白头搔更短，浑欲不胜簪。"


def test_check_names_each_couplets_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", CHUNWANG])
    out = capsys.readouterr().out
    assert "对仗（颔联、颈联须对）" in out and "颈联 工对：「烽火」对「家书」" in out
    assert "尾联（不拘）" in out


def test_check_json_has_the_judgement(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", CHUNWANG, "--json"])
    data = json.loads(capsys.readouterr().out)
    required = [c for c in data["duizhang"]["couplets"] if c["required"]]
    assert [c["name"] for c in required] == ["颔联", "颈联"]
    assert data["duizhang"]["ok"] is True and data["ok"] is True
