"""`inkmuse check` on English poems, driven as a person would: the real CLI as a subprocess."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from inkmuse_cli import run_inkmuse

from .poems import BASHO_ASTON, LEAR_BEARD, SONNET_18, replace_line


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_inkmuse(*args, stdin=stdin, timeout=60)


def test_a_sonnet_from_a_file_is_found_scanned_and_valid(tmp_path: Path) -> None:
    path = tmp_path / "18.txt"
    path.write_text(SONNET_18, encoding="utf-8")
    out = run("check", "--file", str(path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Shakespearean sonnet (found from the shape) · rhyme ABAB")
    assert "x     / x /     x    /  x / x      /" in out.stdout  # scansion under line 1
    assert "slant rhyme: line 4: 'date' only half rhymes with 'temperate'" in out.stdout
    assert "Valid, with 1 warning(s)." in out.stdout


def test_faults_exit_1_with_the_scanned_line_and_fixes() -> None:
    broken = replace_line(SONNET_18, 1, "Thou art more above and more temperate:")
    broken = replace_line(broken, 2, "Rough winds do shake the darling buds of June,")
    out = run("check", "--form", "sonnet", stdin=broken)
    assert out.returncode == 1
    assert "stress against the meter: line 2: 'above' is stressed x/" in out.stdout
    assert "rhyme scheme broken: line 3: 'June' does not rhyme with 'day'" in out.stdout
    assert out.stdout.count("try: ") == 2
    assert "Not valid: 2 error(s)" in out.stdout


def test_json_report() -> None:
    out = run("check", LEAR_BEARD, "--json")
    report = json.loads(out.stdout)
    assert report["language"] == "en" and report["ok"] and report["form"] == "limerick"
    assert report["lines"][2]["scansion"] == ["x", "/", "x", "x", "/"]


def test_strict_turns_a_translation_off_5_7_5_into_errors() -> None:
    assert run("check", BASHO_ASTON, "--form", "haiku").returncode == 0
    out = run("check", BASHO_ASTON, "--form", "haiku", "--strict")
    assert out.returncode == 1 and "wrong syllable count" in out.stdout


def test_bad_english_input_exits_2_with_what_is_accepted() -> None:
    cases = [
        ("check", "one line only"),
        ("check", LEAR_BEARD, "--form", "octave"),
        ("check", LEAR_BEARD, "--acrostic", "TWTFH"),
    ]
    for args in cases:
        out = run(*args)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert out.stderr.startswith("error: ") and "accepted" in out.stderr
        assert "Traceback" not in out.stderr
