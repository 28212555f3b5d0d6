"""Public-domain poems shown to a base model before it writes (its one example of a form).

    >>> example_for("limerick").splitlines()[0]
    'There was an Old Man with a beard,'

Shakespeare, Sonnet 18 (1609); Edward Lear, A Book of Nonsense (1846); Basho tr.
W. G. Aston (1899); Alexander Pope, An Essay on Criticism (1711); E. A. Robinson, "The
House on the Hill" (1894), first two tercets.
"""

from __future__ import annotations

_SONNET = """Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;"""
_LIMERICK = """There was an Old Man with a beard,
Who said, 'It is just as I feared!
Two Owls and a Hen,
Four Larks and a Wren,
Have all built their nests in my beard!'"""
_HAIKU = """An ancient pond!
With a sound from the water
Of the frog as it plunges in."""
_COUPLETS = """True ease in writing comes from art, not chance,
As those move easiest who have learn'd to dance.
'Tis not enough no harshness gives offence,
The sound must seem an echo to the sense."""
_VILLANELLE = """They are all gone away,
The House is shut and still,
There is nothing more to say.

Through broken walls and gray
The winds blow bleak and shrill:
They are all gone away."""

EXAMPLES = {
    "shakespearean-sonnet": _SONNET, "petrarchan-sonnet": _SONNET, "limerick": _LIMERICK,
    "haiku": _HAIKU, "tanka": _HAIKU, "villanelle": _VILLANELLE,
}  # fmt: skip


def example_for(form_key: str) -> str:
    """A public-domain poem in (or near) the form: rhymed stanza forms get Pope's couplets."""
    return EXAMPLES.get(form_key, _COUPLETS)
