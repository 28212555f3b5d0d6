"""The library: every creation and each of its versions, with provenance, in the user folder.

>>> lib = Library.open()  # ~/.inkmuse/library (or $INKMUSE_HOME/library)
>>> [w.title for w in lib.list_works()]  # doctest: +SKIP
"""

from inkmuse.library.store import Library, Version, Work, WorkNotFound

__all__ = ["Library", "Version", "Work", "WorkNotFound"]
