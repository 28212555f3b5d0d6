"""A stable `code` (and a few safe `params`) for every refusal, so the page can say it in the
person's language instead of showing inkmuse's English sentence.

inkmuse's errors are English prose written for the CLI. The studio does not rewrite them:
it recognises the ones a person can meet in the page by their wording and names them, and
everything else falls back to a code by class (`invalid_input`, `storage` ...). Params are
only numbers and the short values the API itself lists, never free text from the request.

    >>> code_of_problem("InputError", "unknown form '八绝'")
    ('unknown_form', {})
    >>> code_of_problem("InputError", "the upload is 9000x9000 pixels")
    ('upload_too_many_pixels', {'width': 9000, 'height': 9000})
"""

from __future__ import annotations

import re
from typing import Any

# (code, the start of inkmuse's message); named groups become params when they are numbers.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (code, re.compile(pattern))
    for code, pattern in [
        ("unknown_form", r"^unknown form"),
        ("unknown_rhymebook", r"^unknown rhyme ?book"),
        ("unknown_key", r"^(cannot read key|unknown mode)"),
        ("unknown_preset", r"^unknown painterly preset"),
        ("unknown_backend", r"^unknown backend"),
        ("poem_empty", r"^the poem is empty"),
        ("no_chinese", r"^the (text|poem) has no Chinese characters"),
        ("shape_unknown", r"^cannot tell the form from the shape: (?P<lines>\d+) lines"),
        ("not_regulated", r"^the poem's shape is not a"),
        ("no_alternative", r"^no alternative keeps the form"),
        ("idea_empty", r"^the idea is empty"),
        ("idea_too_long", r"^the idea is (?P<length>\d+) characters"),
        ("nothing_to_paint", r"^nothing to paint"),
        ("nothing_to_sing", r"^nothing to set to music"),
        ("photo_needs_style", r"^an input image is painted by"),
        ("upload_too_big", r"^the upload is [\d.]+ MB"),
        ("upload_empty", r"^the upload is empty"),
        ("upload_too_many_pixels", r"^the upload is (?P<width>\d+)x(?P<height>\d+) pixels"),
        ("upload_too_small", r"^the upload is only (?P<width>\d+)x(?P<height>\d+)"),
        ("upload_too_large_to_decode", r"^the upload is too large to decode"),
        ("upload_not_image", r"^the upload is (not an image|a )"),
        ("backend_only_embedded", r"^continuing a poem and acrostics"),
        ("tempo_out_of_range", r"^tempo (?P<tempo>\d+) is out of range"),
        ("no_such_file", r"^version \d+ has no file"),
        ("no_such_item", r"^no (studio item|file) "),
    ]
]

# When no wording matches: one code per kind of error (the class name or a fault's kind).
_BY_KIND = {
    "InputError": "invalid_input",
    "WorkNotFound": "work_not_found",
    "JobNotFound": "job_not_found",
    "Busy": "busy",
    "MissingDependencyError": "missing_extra",
    "BackendError": "backend_failed",
    "StorageError": "storage",
    "DataError": "data_damaged",
    "ValidationError": "validation",
    "HTTPError": "http",
    "DiskFull": "disk_full",
    "StorageReadOnly": "storage_read_only",
    "LibraryBusy": "library_busy",
    "LibraryDamaged": "library_damaged",
    "InternalError": "internal",
}


def code_of_problem(kind: str, problem: str) -> tuple[str, dict[str, Any]]:
    """(code, params) for a problem of this kind (an error class name) and wording."""
    for code, pattern in _PATTERNS:
        match = pattern.match(problem)
        if match:
            params = {k: int(v) for k, v in match.groupdict().items() if v and v.isdigit()}
            return code, params
    return _BY_KIND.get(kind, "invalid_input" if kind.endswith("Error") else "problem"), {}
