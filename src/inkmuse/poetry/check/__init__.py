"""The classical poem checker, one concern a file; `inkmuse.poetry.checker` is its public face.

- `model`: the report a check returns (CheckReport, LineReport, CharInfo) and its JSON.
- `rule_sets`: the rules a check can apply (textbook or Tang practice).
- `shape`: line count and line length, judged before anything else.
- `reading`: what each character can read as (the rhyme book, pins, estimated readings).
- `lines`: each line's key tone (a small Viterbi) and the polyphone readings that fit best.
- `tone`: 粘对 and the tone faults of each line, and the notes on readings.
- `rhyme`: the rhyme group, 出韵, 邻韵, 重韵, and a 古绝's rhymes.
- `run`: `check_poem`, which ties them together.
"""
