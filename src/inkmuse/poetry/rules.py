"""Line-level tone rules shared by the checker and the decoders.

All functions take a line's tones as a string of 平/仄 (resolved readings) and look at its
last five characters (the 'core': a seven-character line is two characters plus a
five-character core).

    >>> is_gu_ping("仄平仄仄平"), is_san_ping_wei("仄仄平平平"), is_self_rescue("仄平平仄平")
    (True, True, True)
"""

from __future__ import annotations


def _core(tones: str) -> str:
    return tones[-5:]


def is_gu_ping(tones: str) -> bool:
    """孤平: a line rhyming in 平 whose core reads 仄平仄仄平, so that apart from the rhyme
    only one 平 stands alone between 仄 (仄平仄仄平, 仄仄仄平仄仄平)."""
    if not tones.endswith("平"):
        return False
    if _core(tones)[:4] != "仄平仄仄":
        return False
    return tones[:-1].count("平") == 1


def is_san_ping_wei(tones: str) -> bool:
    """三平尾 (三平调): the last three characters all 平."""
    return tones.endswith("平平平")


def is_san_ze_wei(tones: str) -> bool:
    """三仄尾: the last three characters all 仄 (tolerated, but heavy)."""
    return tones.endswith("仄仄仄")


def is_self_rescue(tones: str) -> bool:
    """本句自救 of 孤平: 平平仄仄平 written 仄平平仄平 (the 3rd core character pays back the 1st)."""
    return tones.endswith("平") and _core(tones) == "仄平平仄平"


def is_special_ao(tones: str) -> bool:
    """特拗 (the accepted 平平仄平仄 form of a 平平平仄仄 line)."""
    return _core(tones) == "平平仄平仄"


def rescues_previous(tones: str) -> bool:
    """对句相救: a 平平仄仄平 line whose 3rd core character turns 平 (平平平仄平 or 仄平平仄平)
    to pay back a 拗 in the 3rd or 4th core character of the line before it."""
    return tones.endswith("平") and _core(tones)[2:] == "平仄平"


def needs_rescue(tones: str) -> bool:
    """A 仄仄平平仄 line written with its 4th core character 仄 (大拗) or its 3rd 仄 (小拗)."""
    core = _core(tones)
    return core.endswith("仄") and core[1] == "仄" and core[2:4] in ("仄仄", "仄平", "平仄")


def line_faults(tones: str) -> list[str]:
    """The rule faults of a line, by name: 孤平, 三平尾, 三仄尾 (the decoders' quick test)."""
    faults = []
    if is_gu_ping(tones):
        faults.append("孤平")
    if is_san_ping_wei(tones):
        faults.append("三平尾")
    if is_san_ze_wei(tones):
        faults.append("三仄尾")
    return faults
