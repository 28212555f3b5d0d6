"""inkmuse: an offline-first art-creation assistant.

>>> from inkmuse.poetry import check_poem
>>> check_poem("床前明月光，疑是地上霜。举头望明月，低头思故乡。").form.name
'五言绝句'
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
