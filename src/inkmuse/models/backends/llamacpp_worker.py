"""llama-cpp-python in a child process, so a crash in native code never takes inkmuse down.

llama.cpp is C++ compiled for a CPU. A wheel built for another CPU, or a bad code path (the
AMX kernels segfault at the first decode on Sapphire Rapids Xeons, ggml-org/llama.cpp#20824),
kills whatever process loaded it: the CLI, the studio, or the whole pytest run. So the model
lives in a worker started with `spawn` (a fresh interpreter: forking a threaded studio is
unsafe) and talks over a pipe. When the worker dies, the caller gets one `BackendError`
naming the signal and what to try, and the next request starts a fresh worker.

    >>> WorkerCrashed.describe(-11)
    'killed by signal SIGSEGV (a crash in native code)'
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
import warnings
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from inkmuse.core.errors import BackendError
from inkmuse.core.hanzi import is_han

# A loader takes (model path, context size) and returns an object with llama_cpp.Llama's
# API. It must be a module-level function: spawn pickles it by name.
Loader = Callable[[str, int], Any]

PORTABLE_HINT = (
    "llama-cpp-python may have been built for another CPU: rebuild it with portable flags "
    "(`make setup` runs scripts/build_llama_wheel.sh), or use a llama.cpp server backend; "
    "the next request starts a fresh worker"
)
START_TIMEOUT = 120.0  # loading a GGUF from a cold disk on 2 busy cores
# A local model on two busy cores is far slower than a server (a grammar-constrained sonnet
# takes minutes), and a live worker is working, so a request's timeout is never below this.
MIN_LOCAL_TIMEOUT = 600.0


def load_llama(path: str, n_ctx: int) -> Any:
    """The real loader: llama_cpp.Llama on `path` (runs in the worker)."""
    from llama_cpp import Llama

    return Llama(model_path=path, n_ctx=n_ctx, verbose=False)


class WorkerCrashed(BackendError):
    """The worker process died (a signal or an exit) while serving a request."""

    @staticmethod
    def describe(exitcode: int | None) -> str:
        if exitcode is None:
            return "stopped answering"
        if exitcode < 0:
            try:
                name = signal.Signals(-exitcode).name
            except ValueError:
                name = f"signal {-exitcode}"
            native = " (a crash in native code)" if name in ("SIGSEGV", "SIGILL", "SIGBUS") else ""
            return f"killed by signal {name}{native}"
        return f"exited with status {exitcode}"


class LlamaWorker:
    """A client for one model in one child process, started on the first request."""

    def __init__(self, name: str, loader: Loader, n_ctx: int, log: Path | None = None) -> None:
        self.name = name
        self.loader = loader
        self.n_ctx = n_ctx
        self.log = log
        self._proc: Any = None
        self._conn: Connection | None = None
        self._path: str | None = None

    # -- life cycle --------------------------------------------------------------------
    def start(self, path: str) -> None:
        if self._proc is not None and self._proc.is_alive() and self._path == path:
            return
        self.stop()
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=serve, args=(child, self.loader, path, self.n_ctx, self.log), daemon=True,
            name=f"inkmuse-llama-{self.name}",
        )  # fmt: skip
        proc.start()
        child.close()
        self._proc, self._conn, self._path = proc, parent, path
        self._receive(START_TIMEOUT, "loading the model")

    def stop(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is not None:
            if proc.is_alive():
                proc.kill()
            proc.join(timeout=10)

    # -- requests ----------------------------------------------------------------------
    def call(self, op: str, *args: Any, timeout: float) -> Any:
        """Run `op` in the worker and return its result."""
        self._send(op, args)
        return self._receive(max(timeout, MIN_LOCAL_TIMEOUT), op)

    def stream(self, op: str, *args: Any, timeout: float) -> Iterator[str]:
        """Run a streaming `op`: pieces of text until the worker says it is done."""
        self._send(op, args)
        finished = False
        try:
            while True:
                kind, value = self._next(max(timeout, MIN_LOCAL_TIMEOUT), op)
                if kind == "chunk":
                    yield str(value)
                elif kind == "done":
                    finished = True
                    return
                else:
                    finished = True
                    self._fail(kind, value)
        finally:
            if (
                not finished
            ):  # abandoned mid-stream: its leftover pieces must not reach the next call
                self.stop()

    def _send(self, op: str, args: tuple[Any, ...]) -> None:
        if self._conn is None:
            raise BackendError(f"{self.name}: the model worker is not running")
        try:
            self._conn.send((op, args))
        except (BrokenPipeError, ConnectionResetError, OSError):
            raise self._crashed(op) from None

    def _receive(self, timeout: float, what: str) -> Any:
        kind, value = self._next(timeout, what)
        if kind == "ok":
            return value
        self._fail(kind, value)

    def _next(self, timeout: float, what: str) -> tuple[str, Any]:
        conn = self._conn
        assert conn is not None
        deadline = time.monotonic() + timeout
        try:
            while not conn.poll(0.05):
                if not self._proc.is_alive():
                    raise self._crashed(what)
                if time.monotonic() > deadline:
                    self.stop()
                    raise BackendError(
                        f"{self.name}: the model did not finish {what} within {timeout:g} s",
                        hint="raise the timeout, or ask for fewer tokens",
                    )
            message: tuple[str, Any] = conn.recv()
        except (EOFError, ConnectionResetError, BrokenPipeError, OSError):
            raise self._crashed(what) from None
        return message

    def _fail(self, kind: str, value: Any) -> Any:
        if kind == "context":
            raise BackendError(
                f"{self.name}: {value}", hint=f"prompts plus output must fit {self.n_ctx} tokens"
            )
        if kind == "missing":
            from inkmuse.core.errors import MissingDependencyError

            self.stop()
            raise MissingDependencyError(str(value), hint="pip install 'inkmuse[gguf]'")
        raise BackendError(f"{self.name}: the model failed: {value}")

    def _crashed(self, what: str) -> WorkerCrashed:
        proc = self._proc
        if proc is not None:
            proc.join(timeout=5)
        how = WorkerCrashed.describe(proc.exitcode if proc is not None else None)
        self.stop()
        log = f" (its log: {self.log})" if self.log is not None else ""
        return WorkerCrashed(
            f"{self.name}: the llama.cpp worker {how} while {what}{log}", hint=PORTABLE_HINT
        )


# -- the child side --------------------------------------------------------------------
def serve(conn: Connection, loader: Loader, path: str, n_ctx: int, log: Path | None) -> None:
    """The worker's loop: load the model, then answer requests until the pipe closes."""
    # multiprocessing leaves the child's stdin on /dev/null; a worker that is killed or
    # stopped never closes it, and a parent running with -W error would see the warning.
    warnings.simplefilter("ignore", ResourceWarning)
    _quiet_native_output(log)
    try:
        llama = loader(path, n_ctx)
    except ImportError as err:
        conn.send(("missing", f"llama-cpp-python cannot be imported ({err})"))
        return
    except Exception as err:  # a bad GGUF, an unreadable file: say what, then stop
        conn.send(("error", f"cannot load {path}: {type(err).__name__}: {err}"))
        return
    conn.send(("ok", None))
    while True:
        try:
            op, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if op == "stream":
                for piece in OPS_STREAM(llama, *args):
                    conn.send(("chunk", piece))
                conn.send(("done", None))
            else:
                conn.send(("ok", OPS[op](llama, *args)))
        except ValueError as err:  # llama-cpp says "Requested tokens exceed context window"
            conn.send(("context", str(err)))
        except Exception as err:
            conn.send(("error", f"{type(err).__name__}: {err}"))


def _quiet_native_output(log: Path | None) -> None:
    """llama.cpp writes its own notes to fd 2 whatever `verbose` says; they go to the log
    (or nowhere), so the person's terminal shows only inkmuse's own messages."""
    target = os.devnull
    if log is not None:
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            target = str(log)
        except OSError:
            pass
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError:
        fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)


def _kwargs(kwargs: dict[str, Any], grammar: str | None) -> dict[str, Any]:
    if grammar is not None:  # a LlamaGrammar holds C pointers: it is built here, not sent
        from llama_cpp.llama_grammar import LlamaGrammar

        kwargs = {**kwargs, "grammar": LlamaGrammar.from_string(grammar, verbose=False)}
    return kwargs


def _generate(llama: Any, text: str, kwargs: dict[str, Any], grammar: str | None) -> str:
    return str(llama(text, **_kwargs(kwargs, grammar))["choices"][0]["text"])


def _stream(llama: Any, text: str, kwargs: dict[str, Any], grammar: str | None) -> Iterator[str]:
    for chunk in llama(text, stream=True, **_kwargs(kwargs, grammar)):
        yield str(chunk["choices"][0]["text"])


def _masked(llama: Any, text: str, kwargs: dict[str, Any], masks: Any) -> str:
    from llama_cpp import LogitsProcessorList

    masks.prompt_len = len(llama.tokenize(text.encode(), add_bos=True))
    out = llama(text, logits_processor=LogitsProcessorList([masks]), **kwargs)
    return str(out["choices"][0]["text"])


def _vocabulary(llama: Any) -> tuple[dict[str, int], dict[str, int], int]:
    """Single-character CJK tokens, the two punctuation tokens, and the end token."""
    chars: dict[str, int] = {}
    for token in range(llama.n_vocab()):
        try:
            text = llama.detokenize([token]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if is_han(text):
            chars.setdefault(text, token)
    punct = {p: llama.tokenize(p.encode(), add_bos=False)[0] for p in ("，", "。")}
    return chars, punct, int(llama.token_eos())


OPS: dict[str, Callable[..., Any]] = {
    "generate": _generate,
    "masked": _masked,
    "vocabulary": _vocabulary,
}
OPS_STREAM = _stream
