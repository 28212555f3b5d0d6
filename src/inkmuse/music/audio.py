"""WAV files: from the numpy synthesizer (default) or fluidsynth with a General MIDI
SoundFont, both carrying the provenance in a RIFF LIST/INFO chunk (ICMT).

    >>> import numpy as np
    >>> wav_bytes(np.zeros(10, dtype=np.float32), 22050, comment="x")[:4]
    b'RIFF'
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from inkmuse.core.errors import InkmuseError, MissingDependencyError
from inkmuse.core.provenance import provenance_json
from inkmuse.music.midi import midi_bytes
from inkmuse.music.model import Piece
from inkmuse.music.synth import SAMPLE_RATE, TAIL_SECONDS, render

SOUNDFONT_ENV = "INKMUSE_SOUNDFONT"
_SOUNDFONTS = (
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "/usr/share/sounds/sf2/default-GM.sf2",
    "/usr/share/soundfonts/default.sf2",
)
SYNTHS = ("numpy", "fluidsynth", "auto")


def _info_chunk(fields: dict[str, str]) -> bytes:
    body = b"INFO"
    for tag, text in fields.items():
        data = text.encode("utf-8") + b"\x00"
        if len(data) % 2:
            data += b"\x00"
        body += tag.encode("ascii") + struct.pack("<I", len(data)) + data
    return b"LIST" + struct.pack("<I", len(body)) + body


def wav_bytes(samples: np.ndarray, rate: int, *, comment: str, title: str = "") -> bytes:
    """Mono 16-bit PCM WAV with an INFO chunk (INAM title, ISFT software, ICMT comment)."""
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2").tobytes()
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    info = _info_chunk({"INAM": title, "ISFT": "inkmuse", "ICMT": comment})
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt
    chunks += b"data" + struct.pack("<I", len(pcm)) + pcm + (b"\x00" if len(pcm) % 2 else b"")
    chunks += info
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks


def read_wav(data: bytes) -> tuple[np.ndarray, int, int]:
    """(samples as float32 in [-1, 1] with channels averaged, sample rate, channels)."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise InkmuseError("not a WAV file")
    pos, rate, channels, pcm = 12, 0, 1, b""
    while pos + 8 <= len(data):
        tag, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        body = data[pos + 8 : pos + 8 + size]
        if tag == b"fmt ":
            _, channels, rate = struct.unpack("<HHI", body[:8])
        elif tag == b"data":
            pcm = body
        pos += 8 + size + (size % 2)
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return samples, rate, channels


def find_soundfont() -> Path | None:
    """The SoundFont to use: $INKMUSE_SOUNDFONT, else a Debian General MIDI one."""
    env = os.environ.get(SOUNDFONT_ENV)
    if env:
        return Path(env) if Path(env).is_file() else None
    return next((Path(p) for p in _SOUNDFONTS if Path(p).is_file()), None)


def fluidsynth_available() -> bool:
    return shutil.which("fluidsynth") is not None and find_soundfont() is not None


def _fluidsynth_samples(piece: Piece) -> np.ndarray:
    soundfont = find_soundfont()
    if shutil.which("fluidsynth") is None or soundfont is None:
        raise MissingDependencyError(
            "fluidsynth and a General MIDI SoundFont are needed for --synth fluidsynth",
            hint="install them with `apt-get install fluidsynth timgm6mb-soundfont` (or set "
            f"{SOUNDFONT_ENV} to a .sf2 file), or use the built-in --synth numpy",
        )
    with tempfile.TemporaryDirectory() as tmp:
        mid, wav = Path(tmp) / "in.mid", Path(tmp) / "out.wav"
        mid.write_bytes(midi_bytes(piece))
        cmd = ["fluidsynth", "-ni", "-g", "0.8", "-r", str(SAMPLE_RATE), "-T", "wav",
               "-O", "s16", "-F", str(wav), str(soundfont), str(mid)]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        if done.returncode != 0 or not wav.exists():
            raise InkmuseError(f"fluidsynth failed: {done.stderr.decode(errors='replace')[:300]}")
        samples, _rate, _channels = read_wav(wav.read_bytes())
    want = round((piece.duration_seconds + TAIL_SECONDS) * SAMPLE_RATE)
    out = np.zeros(want, dtype=np.float32)
    out[: min(want, len(samples))] = samples[:want]
    peak = float(np.max(np.abs(out))) or 1.0
    return out * np.float32(0.89 / peak)  # the same loudness as the numpy synth


def resolve_synth(synth: str) -> str:
    """The renderer a `synth` choice runs here: 'auto' is fluidsynth where it and a GM
    SoundFont are installed, else numpy.

    >>> resolve_synth("numpy")
    'numpy'
    """
    if synth not in SYNTHS:
        from inkmuse.core.errors import InputError

        raise InputError(f"unknown synth {synth!r}", accepted=", ".join(SYNTHS))
    if synth == "auto":
        return "fluidsynth" if fluidsynth_available() else "numpy"
    return synth


def piece_wav(piece: Piece, synth: str = "numpy") -> tuple[bytes, str]:
    """(WAV bytes, the synth used). synth: 'numpy', 'fluidsynth', or 'auto' (fluidsynth
    when installed, else numpy)."""
    used = resolve_synth(synth)
    samples = _fluidsynth_samples(piece) if used == "fluidsynth" else render(piece)
    comment = provenance_json({**piece.provenance, "synth": used})
    return wav_bytes(samples, SAMPLE_RATE, comment=comment, title=piece.title), used
