"""Public-domain poems the checker must pass (and the mutations of them it must fail).

Sources: Shakespeare, Sonnets 18 and 130 (1609); Edward Lear, A Book of Nonsense (1846);
Basho, "Furu ike ya", tr. W. G. Aston, A History of Japanese Literature (1899), and a 5-7-5
rendering made for these tests; Robert Frost, "Stopping by Woods on a Snowy Evening" (1923,
public domain in the US since 2019), first two stanzas; Alexander Pope, An Essay on
Criticism (1711), lines 362-365; Edwin Arlington Robinson, "The House on the Hill" (1894),
a villanelle; William Wordsworth, "The world is too much with us" (1807), a Petrarchan sonnet.
"""

from __future__ import annotations

SONNET_18 = """\
Shall I compare thee to a summer's day?
Thou art more lovely and more temperate:
Rough winds do shake the darling buds of May,
And summer's lease hath all too short a date;
Sometime too hot the eye of heaven shines,
And often is his gold complexion dimm'd;
And every fair from fair sometime declines,
By chance or nature's changing course untrimm'd;
But thy eternal summer shall not fade,
Nor lose possession of that fair thou ow'st;
Nor shall Death brag thou wander'st in his shade,
When in eternal lines to time thou grow'st:
So long as men can breathe or eyes can see,
So long lives this, and this gives life to thee.
"""

SONNET_130 = """\
My mistress' eyes are nothing like the sun;
Coral is far more red than her lips' red;
If snow be white, why then her breasts are dun;
If hairs be wires, black wires grow on her head.
I have seen roses damask'd, red and white,
But no such roses see I in her cheeks;
And in some perfumes is there more delight
Than in the breath that from my mistress reeks.
I love to hear her speak, yet well I know
That music hath a far more pleasing sound;
I grant I never saw a goddess go;
My mistress, when she walks, treads on the ground:
And yet, by heaven, I think my love as rare
As any she belied with false compare.
"""

LEAR_BEARD = """\
There was an Old Man with a beard,
Who said, 'It is just as I feared!—
Two Owls and a Hen,
Four Larks and a Wren,
Have all built their nests in my beard!'
"""

LEAR_CHIN = """\
There was a Young Lady whose chin,
Resembled the point of a pin;
So she had it made sharp,
And purchased a harp,
And played several tunes with her chin.
"""

BASHO_ASTON = """\
An ancient pond!
With a sound from the water
Of the frog as it plunges in.
"""

BASHO_575 = """\
The ancient still pond
a frog leaps in, and the sound
of water rises
"""

FROST = """\
Whose woods these are I think I know.
His house is in the village though;
He will not see me stopping here
To watch his woods fill up with snow.

My little horse must think it queer
To stop without a farmhouse near
Between the woods and frozen lake
The darkest evening of the year.
"""

POPE = """\
True ease in writing comes from art, not chance,
As those move easiest who have learn'd to dance.
'Tis not enough no harshness gives offence,
The sound must seem an echo to the sense.
"""

ROBINSON = """\
They are all gone away,
The House is shut and still,
There is nothing more to say.

Through broken walls and gray
The winds blow bleak and shrill:
They are all gone away.

Nor is there one to-day
To speak them good or ill:
There is nothing more to say.

Why is it then we stray
Around the sunken sill?
They are all gone away,

And our poor fancy-play
For them is wasted skill:
There is nothing more to say.

There is ruin and decay
In the House on the Hill:
They are all gone away,
There is nothing more to say.
"""

WORDSWORTH = """\
The world is too much with us; late and soon,
Getting and spending, we lay waste our powers;—
Little we see in Nature that is ours;
We have given our hearts away, a sordid boon!
This Sea that bares her bosom to the moon;
The winds that will be howling at all hours,
And are up-gathered now like sleeping flowers;
For this, for everything, we are out of tune;
It moves us not. Great God! I'd rather be
A Pagan suckled in a creed outworn;
So might I, standing on this pleasant lea,
Have glimpses that would make me less forlorn;
Have sight of Proteus rising from the sea;
Or hear old Triton blow his wreathèd horn.
"""

# (poem, the form it must be found as)
CLASSICS = {
    "sonnet 18": (SONNET_18, "shakespearean-sonnet"),
    "sonnet 130": (SONNET_130, "shakespearean-sonnet"),
    "lear beard": (LEAR_BEARD, "limerick"),
    "lear chin": (LEAR_CHIN, "limerick"),
    "basho aston": (BASHO_ASTON, "haiku"),
    "basho 5-7-5": (BASHO_575, "haiku"),
    "frost": (FROST, "quatrain-aaba"),
    "pope": (POPE, "quatrain-aabb"),
    "robinson": (ROBINSON, "villanelle"),
    "wordsworth": (WORDSWORTH, "petrarchan-sonnet"),
}


def replace_line(poem: str, index: int, line: str) -> str:
    lines = poem.splitlines()
    lines[index] = line
    return "\n".join(lines) + "\n"
