"""A crash in a local model's native code is a problem JSON from the studio, which stays up.

The `crashy` backend runs a stand-in model (tests/backends/fake_llama.py) that kills its
worker with SIGSEGV, as llama.cpp's AMX kernels do on Sapphire Rapids Xeons.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from inkmuse.studio import StudioConfig

from .conftest import running_studio


def test_a_segfaulting_model_is_a_problem_not_a_dead_studio(
    _isolated_home: Path, tmp_path: Path
) -> None:
    model = tmp_path / "stand-in.gguf"
    model.write_bytes(b"GGUF")
    (_isolated_home / "config.toml").write_text(
        '[backends.crashy]\ntype = "llamacpp-local"\n'
        f'model_path = "{model}"\nloader = "backends.fake_llama:segfault_loader"\n',
        encoding="utf-8",
    )
    with (
        running_studio(StudioConfig(home=tmp_path / "studio")) as url,
        httpx.Client(base_url=url, timeout=120) as client,
    ):
        for _ in range(2):  # the second request starts a fresh worker, which crashes again
            answer = client.post(
                "/api/poems", json={"keywords": "秋夜", "form": "五绝", "backend": "crashy"}
            )
            assert answer.status_code == 502, answer.text
            body = answer.json()
            text = str(body)
            assert "SIGSEGV" in text and "Traceback" not in text, body
        still = client.post(
            "/api/check", json={"text": "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。"}
        )
        assert still.status_code == 200, still.text
