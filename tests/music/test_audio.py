"""Audio: measured, not only written."""

from __future__ import annotations

import numpy as np
import pytest

from inkmuse.core.errors import InputError, MissingDependencyError
from inkmuse.music import Piece
from inkmuse.music.audio import fluidsynth_available, piece_wav, read_wav
from inkmuse.music.model import Note, Part
from inkmuse.music.synth import SAMPLE_RATE, TAIL_SECONDS, render


def _windows_rms(x: np.ndarray, seconds: float) -> np.ndarray:
    n = int(seconds * SAMPLE_RATE)
    frames = x[: len(x) // n * n].reshape(-1, n)
    return np.sqrt((frames**2).mean(axis=1))


def test_wav_has_the_right_length_and_sound_throughout(song: Piece) -> None:
    data, used = piece_wav(song, "numpy")
    samples, rate, channels = read_wav(data)
    assert used == "numpy" and rate == SAMPLE_RATE and channels == 1
    assert len(samples) == round((song.duration_seconds + TAIL_SECONDS) * SAMPLE_RATE)
    body = samples[: int(song.duration_seconds * SAMPLE_RATE)]
    rms = _windows_rms(body, 0.5)
    assert rms.min() > 0.01  # no silent half second while the music plays
    assert 0.5 < np.abs(samples).max() <= 0.9


def test_wav_is_deterministic(song: Piece) -> None:
    assert piece_wav(song, "numpy")[0] == piece_wav(song, "numpy")[0]


@pytest.mark.parametrize(("program", "pitch"), [(110, 69), (73, 72), (107, 57), (0, 64)])
def test_each_voice_sounds_at_its_pitch(song: Piece, program: int, pitch: int) -> None:
    part = Part("probe", program, "melody", [Note(pitch, 0, 16, 100)])
    probe = Piece(
        title="probe", key=song.key, tempo_bpm=60, beats_per_bar=4, parts=[part], chords=[],
        lines=[], sung=[], style="piano", provenance={"seed": 1},
    )  # fmt: skip
    x = render(probe)[: SAMPLE_RATE // 2]
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    freqs = np.fft.rfftfreq(len(x), 1 / SAMPLE_RATE)
    fundamental = 440.0 * 2 ** ((pitch - 69) / 12)
    # The strongest partial is the fundamental or one of the first harmonics.
    peak = freqs[int(np.argmax(spectrum))]
    assert min(abs(peak / fundamental - k) for k in (1, 2, 3)) < 0.03


def test_unknown_synth_is_refused(song: Piece) -> None:
    with pytest.raises(InputError, match="synth"):
        piece_wav(song, "moog")


def test_fluidsynth_missing_gives_install_hint(
    song: Piece, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INKMUSE_SOUNDFONT", "/nonexistent.sf2")
    with pytest.raises(MissingDependencyError, match="apt-get install fluidsynth"):
        piece_wav(song, "fluidsynth")
    assert piece_wav(song, "auto")[1] == "numpy"


@pytest.mark.skipif(not fluidsynth_available(), reason="fluidsynth or a GM SoundFont is absent")
def test_fluidsynth_renders_the_same_length(song: Piece) -> None:
    data, used = piece_wav(song, "fluidsynth")
    samples, rate, _ = read_wav(data)
    assert used == "fluidsynth" and rate == SAMPLE_RATE
    assert len(samples) == round((song.duration_seconds + TAIL_SECONDS) * SAMPLE_RATE)
    assert _windows_rms(samples[: int(song.duration_seconds * SAMPLE_RATE)], 1.0).min() > 0.005
