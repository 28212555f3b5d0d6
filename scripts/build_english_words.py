"""Build the common-word table the English checker suggests from (rhymes, words by stress).

    pip install 'wordfreq==3.1.1'   # only to rebuild; the table ships in the package
    python scripts/build_english_words.py

Writes src/inkmuse/poetry/english/data/words.txt: the 20,000 most frequent English words
(wordfreq 3.1.1, "large" list) that CMUdict can pronounce, one per line, most frequent
first. The rank is all inkmuse keeps: suggestions prefer words a reader knows over the
proper names and rarities that fill CMUdict. Data: wordfreq (CC BY-SA 4.0, Robyn Speer),
CMUdict (BSD-2-Clause).
"""

from __future__ import annotations

import re
from pathlib import Path

from wordfreq import top_n_list

from inkmuse.core.cmu import cmudict

OUT = Path(__file__).resolve().parents[1] / "src/inkmuse/poetry/english/data/words.txt"
KEEP = 20_000
_WORD = re.compile(r"^[a-z]+$")


def main() -> None:
    pron = cmudict()  # the vendored CMUdict (scripts/build_cmudict.py)
    kept: list[str] = []
    for word in top_n_list("en", 120_000, wordlist="large"):
        # Single letters other than a/i are initialisms in CMUdict ("b" as BIY1), not words.
        if _WORD.match(word) and word in pron and (len(word) > 1 or word in ("a", "i")):
            kept.append(word)
            if len(kept) == KEEP:
                break
    OUT.write_text(
        "# wordfreq 3.1.1 (CC BY-SA 4.0) x CMUdict: most frequent first\n" + "\n".join(kept) + "\n",
        encoding="utf-8",
    )
    print(f"{len(kept)} words -> {OUT}")


if __name__ == "__main__":
    main()
