"""The llamacpp-local backend runs its model in a child process: a crash there is an error.

A worker that kills itself with SIGSEGV (as llama.cpp's AMX kernels do on some Xeons) must
become one BackendError with the signal and what to try, and the next request must start
a fresh worker. These run on stand-in models, so they need no llama-cpp-python.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inkmuse.core.errors import BackendError, InputError
from inkmuse.models.backends.llamacpp_local import LlamaCppLocal, make_backend
from inkmuse.models.backends.llamacpp_worker import WorkerCrashed
from inkmuse.models.config import BackendConfig
from inkmuse.models.protocol import GenerateOptions
from inkmuse_cli import run_inkmuse

from .fake_llama import broken_file_loader, echo_loader, segfault_loader

OPTS = GenerateOptions(seed=1, timeout=60)


def local(tmp_path: Path, loader: object) -> LlamaCppLocal:
    model = tmp_path / "stand-in.gguf"
    model.write_bytes(b"GGUF")
    return LlamaCppLocal("gemma", model, loader=loader)  # type: ignore[arg-type]


def test_a_segfault_in_the_worker_is_a_backend_error_naming_the_signal(tmp_path: Path) -> None:
    model = local(tmp_path, segfault_loader)
    with pytest.raises(WorkerCrashed) as err:
        model.generate("白日依山尽", OPTS)
    text = str(err.value)
    assert "killed by signal SIGSEGV" in text and "native code" in text
    assert "portable" in text and "fresh worker" in text
    assert isinstance(err.value, BackendError) and err.value.exit_code == 4


def test_the_next_request_starts_a_fresh_worker(tmp_path: Path) -> None:
    model = local(tmp_path, echo_loader)
    try:
        assert model.generate("abc", OPTS) == "cba"
        first = model._worker._proc.pid
        with pytest.raises(WorkerCrashed):
            model.generate("crash now", OPTS)
        assert model.generate("xyz", OPTS) == "zyx"
        assert model._worker._proc.pid != first
    finally:
        model.close()


def test_streaming_and_an_abandoned_stream(tmp_path: Path) -> None:
    model = local(tmp_path, echo_loader)
    try:
        assert "".join(model.stream("abcd", OPTS)) == "dcba"
        pieces = model.stream("0123456789", OPTS)
        assert next(pieces) == "9"
        pieces.close()  # the rest of that stream must not leak into the next answer
        assert model.generate("ok", OPTS) == "ko"
        with pytest.raises(WorkerCrashed, match="SIGSEGV"):
            list(model.stream("crash", OPTS))
    finally:
        model.close()


def test_a_model_that_cannot_load_says_which_file(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match=r"cannot load .*stand-in\.gguf"):
        local(tmp_path, broken_file_loader).generate("hi", OPTS)


def test_a_bad_loader_in_the_config_is_a_clear_error() -> None:
    config = BackendConfig("x", "llamacpp-local", {"loader": "no.such.module:f"})
    with pytest.raises(InputError, match="not an importable function"):
        make_backend(config)


def test_the_cli_exits_with_one_line_when_the_model_crashes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    model = tmp_path / "stand-in.gguf"
    model.write_bytes(b"GGUF")
    (home / "config.toml").write_text(
        "[backends.crashy]\n"
        'type = "llamacpp-local"\n'
        f'model_path = "{model}"\n'
        'loader = "backends.fake_llama:segfault_loader"\n',
        encoding="utf-8",
    )
    done = run_inkmuse(
        "poem", "autumn rain", "--form", "haiku", "--backend", "crashy",
        env={"INKMUSE_HOME": str(home), "PYTHONPATH": str(Path(__file__).parents[1])},
    )  # fmt: skip
    assert done.returncode == 4, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "Segmentation" not in done.stderr
    assert "killed by signal SIGSEGV" in done.stderr
