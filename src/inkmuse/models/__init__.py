"""Text-model backends. The embedded poet (`inkmuse.models.embedded`) ships in the package:
a small character transformer whose weights run on numpy, so writing poems needs no torch,
no GPU and no network.
"""
