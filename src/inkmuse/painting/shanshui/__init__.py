"""The ink-wash landscape (山水) renderer: procedural, numpy-vectorised, seeded."""

from inkmuse.painting.shanshui.render import render_shanshui

__all__ = ["render_shanshui"]
