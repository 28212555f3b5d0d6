"""One convention for every command that takes a poem or an idea: `-` reads standard input.

`inkmuse check -`, `inkmuse paint -`, `inkmuse create -`, `inkmuse compose -` and
`inkmuse poem -` all read the text from standard input (UTF-8), so a poem can be piped in
from a file or another program. A file option (`--file PATH`, `--poem-file PATH`) reads a
UTF-8 file, and `-` there means standard input too.

    >>> read_argument("秋夜 思乡", what="the idea")
    '秋夜 思乡'
"""

from __future__ import annotations

import sys
from pathlib import Path

from inkmuse.core.errors import InputError

STDIN = "-"


def read_stdin(what: str) -> str:
    """Standard input as UTF-8 text; a clear error for bytes that are not UTF-8."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"{what} on standard input is not UTF-8 text", accepted="UTF-8 text"
        ) from None


def read_argument(value: str | None, *, what: str) -> str | None:
    """A positional argument as given, or standard input when it is `-`."""
    return read_stdin(what) if value == STDIN else value


def read_file(path: Path, *, what: str) -> str:
    """A UTF-8 text file (`-` for standard input), with a clear error when it cannot be read."""
    if str(path) == STDIN:
        return read_stdin(what)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no file {str(path)!r}", accepted="a UTF-8 text file") from None
    except IsADirectoryError:
        raise InputError(f"{str(path)!r} is a folder", accepted="a UTF-8 text file") from None
    except UnicodeDecodeError:
        raise InputError(f"{str(path)!r} is not UTF-8 text", accepted="a UTF-8 text file") from None
    except OSError as err:
        raise InputError(
            f"cannot read {str(path)!r} ({err.strerror or err})", accepted="a readable UTF-8 file"
        ) from None
