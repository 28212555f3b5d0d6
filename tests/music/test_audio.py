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


def _probe(song: Piece, program: int, pitch: int, ticks: int = 32) -> np.ndarray:
    part = Part("probe", program, "melody", [Note(pitch, 0, ticks, 100)])
    probe = Piece(
        title="probe", key=song.key, tempo_bpm=60, beats_per_bar=4, parts=[part], chords=[],
        lines=[], sung=[], style="piano", provenance={"seed": 1},
    )  # fmt: skip
    return render(probe).astype(np.float64)


def _pitch_track(x: np.ndarray, f0: float, hop: int = 128, win: int = 600) -> np.ndarray:
    """Frequency per hop by autocorrelation around f0, with parabolic refinement."""
    lo, hi = int(SAMPLE_RATE / (f0 * 1.1)), int(SAMPLE_RATE / (f0 * 0.9))
    out = []
    for i in range(0, len(x) - win - hi, hop):
        seg = x[i : i + win]
        ac = np.array([np.dot(seg[: win - lag], seg[lag:]) for lag in range(lo, hi + 1)])
        k = int(np.argmax(ac))
        lag = float(lo + k)
        if 0 < k < len(ac) - 1:
            a, b, c = ac[k - 1], ac[k], ac[k + 1]
            lag += 0.5 * (a - c) / (a - 2 * b + c)
        out.append(SAMPLE_RATE / lag)
    return np.array(out)


def test_erhu_vibrato_is_a_singers_rate_and_depth() -> None:
    """About 5-6 Hz and 30-60 cents peak to peak on the dry voice (the hall's reverb
    smears a little of it in the mix)."""
    from inkmuse.music.synth import _shape

    x = np.asarray(_shape(110, "melody", 69, 32, 0.125, 1), dtype=np.float64)  # 4 s
    body = x[int(0.8 * SAMPLE_RATE) : int(3.5 * SAMPLE_RATE)]
    cents = 1200 * np.log2(_pitch_track(body, 440.0) / 440.0)
    cents -= cents.mean()
    depth = np.percentile(cents, 98) - np.percentile(cents, 2)
    spectrum = np.abs(np.fft.rfft(cents * np.hanning(len(cents))))
    rate = np.fft.rfftfreq(len(cents), 128 / SAMPLE_RATE)[1 + int(np.argmax(spectrum[1:]))]
    assert 5.0 <= rate <= 6.0
    assert 30 <= depth <= 60


def test_bowed_voices_carry_upper_partials_and_plucked_ones_decay(song: Piece) -> None:
    def share_above(x: np.ndarray, hz: float) -> float:
        spec = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2
        freqs = np.fft.rfftfreq(len(x), 1 / SAMPLE_RATE)
        return float(spec[freqs > hz].sum() / spec.sum())

    erhu = _probe(song, 110, 69)[int(0.8 * SAMPLE_RATE) : int(3.5 * SAMPLE_RATE)]
    assert share_above(erhu, 5000) > 0.003  # the old 10-harmonic table: under 0.0001
    high = _probe(song, 110, 93)[int(0.8 * SAMPLE_RATE) : int(2.5 * SAMPLE_RATE)]
    assert share_above(high, 0.9 * SAMPLE_RATE / 2) < 1e-4  # band-limited: no aliasing

    def decay_db_per_s(program: int) -> float:
        x = _probe(song, program, 57)
        env = np.sqrt(np.convolve(x**2, np.ones(2205) / 2205, mode="same"))
        return float(20 * np.log10(env[SAMPLE_RATE] / env[int(0.1 * SAMPLE_RATE)]) / 0.9)

    guzheng, pipa = decay_db_per_s(107), decay_db_per_s(106)
    assert pipa < guzheng < -3  # both die away; the pipa's damped string the faster
