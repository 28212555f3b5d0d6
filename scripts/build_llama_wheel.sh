#!/usr/bin/env bash
# Builds llama-cpp-python once with portable CPU flags and installs it into the venv.
#
# Why: built with ggml's native flags, the wheel carries whatever the build machine's CPU
# has (AVX-512, AMX). On a Sapphire Rapids Xeon the AMX path segfaults at the first decode
# (ggml-org/llama.cpp#20824), and a wheel built natively on one CPU can crash on another.
# pip's wheel cache does not key on CMAKE_ARGS, so it would hand back a native wheel built
# earlier whatever flags are set now. So the wheel is built with pip's cache off, into a
# folder named after the version, the Python and a hash of the flags, and installed from
# there: a different flag set is a different folder, and a fresh clone on the same machine
# reuses the folder instead of building again (about 4.5 minutes on 2 cores).
#
#   bash scripts/build_llama_wheel.sh .venv/bin/python
set -euo pipefail
PY=${1:-.venv/bin/python}
VERSION=0.3.36
# AVX2/FMA/F16C are on every x86-64 machine this project runs on; AVX-512 and AMX are not,
# and AMX is the path that crashes. Override with INKMUSE_LLAMA_CMAKE_ARGS if you must.
DEFAULT_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
ARGS=${INKMUSE_LLAMA_CMAKE_ARGS:-$DEFAULT_ARGS}
PYTAG=$("$PY" -c 'import sys, platform; print(f"cp{sys.version_info[0]}{sys.version_info[1]}-{platform.machine()}")')
KEY=$(printf '%s|%s|%s' "$VERSION" "$PYTAG" "$ARGS" | sha256sum | cut -c1-16)
ROOT=${INKMUSE_WHEEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/inkmuse/wheels}
DIR="$ROOT/llama-cpp-python-$VERSION-$PYTAG-$KEY"
STAMP="$(dirname "$PY")/../.llama-$KEY"

if [ -f "$STAMP" ]; then
  exit 0
fi
if ! ls "$DIR"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
  echo "llama-cpp-python $VERSION: building a portable wheel (about 4.5 minutes on 2 cores)"
  echo "  flags: $ARGS"
  echo "  into:  $DIR"
  mkdir -p "$DIR.partial"
  start=$(date +%s)
  CMAKE_ARGS="$ARGS" CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) FORCE_CMAKE=1 \
    "$PY" -m pip wheel --quiet --no-cache-dir --no-deps --no-binary llama-cpp-python \
    -w "$DIR.partial" "llama-cpp-python==$VERSION"
  rm -rf "$DIR" && mv "$DIR.partial" "$DIR"
  printf '%s\n' "$ARGS" >"$DIR/CMAKE_ARGS"
  echo "llama-cpp-python $VERSION: built in $(( $(date +%s) - start )) s"
fi
# --force-reinstall --no-deps replaces a wheel an older venv got from pip's cache.
"$PY" -m pip install --quiet --no-deps --force-reinstall "$DIR"/llama_cpp_python-"$VERSION"-*.whl
rm -f "$(dirname "$PY")"/../.llama-*
touch "$STAMP"
