"""The installed llama.cpp has no AVX-512 or AMX code, so it runs on every x86-64 machine.

A wheel built with ggml's native flags on an AVX-512/AMX machine carries those kernels, and
the AMX path segfaults on Sapphire Rapids (ggml-org/llama.cpp#20824); pip's cache can carry
such a wheel to the next clone. `scripts/build_llama_wheel.sh` builds a portable one; this
test reads the installed shared libraries' code and fails if a native build slipped in.
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# zmm registers are AVX-512; tile instructions are AMX.
FORBIDDEN = re.compile(r"%zmm\d|\btdpb\w+|\btileloadd|\bldtilecfg")


def _libraries() -> list[Path]:
    llama_cpp = pytest.importorskip("llama_cpp", reason="the gguf extra is not installed")
    root = Path(llama_cpp.__file__).parent / "lib"
    found = sorted(root.glob("libggml*.so")) + sorted(root.glob("libllama*.so"))
    if not found:
        pytest.skip(f"no llama.cpp libraries under {root}")
    return found


@pytest.mark.skipif(platform.machine() != "x86_64", reason="x86-64 instruction sets only")
@pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) not installed")
def test_no_avx512_or_amx_instructions_in_the_installed_llama_cpp() -> None:
    libraries = _libraries()
    names = {lib.name for lib in libraries}
    assert any(n.startswith("libggml-cpu") for n in names), names  # the kernels are checked
    for lib in libraries:
        code = subprocess.run(
            ["objdump", "-d", "--no-show-raw-insn", str(lib)],
            capture_output=True, text=True, check=True, timeout=120,
        ).stdout  # fmt: skip
        hits = FORBIDDEN.findall(code)
        assert not hits, (
            f"{lib.name} has {len(hits)} AVX-512/AMX instructions ({sorted(set(hits))[:5]}): "
            "a native build; rebuild with `bash scripts/build_llama_wheel.sh`"
        )
