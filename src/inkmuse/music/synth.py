"""Audio: a small deterministic numpy synthesizer, and fluidsynth when it is installed.

Voices by General MIDI program: plucked strings (guzheng, pipa, guitars, harp) use
Karplus-Strong, rendered once per pitch and cached, each instrument with its own decay
(the pipa's short, the guzheng's ringing); bowed and blown voices (erhu, violin, dizi,
flute, strings) read a single-cycle wavetable with every harmonic up to 9.9 kHz (band-
limited per pitch, so high notes do not alias), an attack/release envelope and, on the
tune, a vibrato that grows in after the attack: the erhu's about 5.5 Hz and 48 cents
peak to peak, the dizi's lighter; the piano is a wavetable with a decaying envelope. No
random state outside the seed, so the same piece gives the same samples.

Output: mono 16-bit PCM at `SAMPLE_RATE` Hz, lasting the piece plus `TAIL_SECONDS` of
release, peak-normalised to -1 dBFS.

    >>> from inkmuse.music.compose import ComposeRequest, compose
    >>> audio = render(compose(ComposeRequest(poem="灯塔", seed=1)))
    >>> audio.dtype, audio.ndim
    (dtype('float32'), 1)
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from inkmuse.core.seeds import derive_seed, make_rng
from inkmuse.music.model import Note, Part, Piece
from inkmuse.music.theory import midi_to_hz

SAMPLE_RATE = 22050
TAIL_SECONDS = 1.0
_TABLE = 2048
_PLUCKED = frozenset({24, 25, 26, 27, 46, 104, 105, 106, 107})
# program → harmonic amplitudes of the single-cycle table
_HARMONICS = 48


def _bowed(n: int, formant: float) -> float:
    """A bowed string's harmonic n: sawtooth-like 1/n, lifted near the body's resonance
    (Hz, for a 440 Hz note) so the upper partials carry (the erhu's nasal edge)."""
    f = 440.0 * n
    return (1.0 / n) * (1.0 + 1.5 * float(np.exp(-(((f - formant) / (0.6 * formant)) ** 2))))


_RECIPES = {
    73: (1.0, 0.25, 0.08, 0.04, 0.02, 0.01),  # flute / dizi: nearly pure, a little breath
    40: tuple(_bowed(n, 3000.0) for n in range(1, _HARMONICS + 1)),  # violin
    110: tuple(_bowed(n, 2200.0) for n in range(1, _HARMONICS + 1)),  # erhu
    42: tuple(_bowed(n, 1200.0) for n in range(1, _HARMONICS + 1)),  # cello
    48: tuple(0.8 / n for n in range(1, 17)),  # string ensemble
    0: (1.0, 0.45, 0.25, 0.12, 0.08, 0.05, 0.03),  # piano
}
# Vibrato on the tune: (rate Hz, depth in cents either side, seconds to grow in).
_VIBRATO = {110: (5.5, 24.0, 0.3), 40: (5.8, 16.0, 0.35), 73: (5.0, 9.0, 0.4)}
_DEFAULT_VIBRATO = (5.5, 10.0, 0.35)
# Karplus-Strong loss per period at C3 (the pipa damps fast, the koto/guzheng rings).
_PLUCK_DECAY = {106: 0.990, 107: 0.997, 104: 0.996, 105: 0.995}
_GAIN = {"melody": 0.55, "texture": 0.3, "harmony": 0.18, "bass": 0.4}


@lru_cache(maxsize=64)
def _table(program: int, harmonics: int = _HARMONICS) -> np.ndarray:
    """Single-cycle table of the program's recipe, cut to `harmonics` partials."""
    recipe = _RECIPES.get(program, _RECIPES[0])[: max(harmonics, 1)]
    phase = np.arange(_TABLE) / _TABLE * 2 * np.pi
    wave = sum(a * np.sin((n + 1) * phase) for n, a in enumerate(recipe))
    table: np.ndarray = np.asarray(wave, dtype=np.float64)
    return table / float(np.max(np.abs(table)))


def _band_limit(pitch: int) -> int:
    """Partials that stay under 0.9 × Nyquist at this pitch (more vibrato headroom)."""
    return max(1, int(0.45 * SAMPLE_RATE / (midi_to_hz(pitch) * 2 ** (60 / 1200))))


@lru_cache(maxsize=64)  # 4 s per pitch: about 0.7 MB each
def _pluck(pitch: int, seed: int, seconds: float = 4.0, program: int = 107) -> np.ndarray:
    """Karplus-Strong string at a MIDI pitch, computed a period at a time (vectorised)."""
    period = max(2, round(SAMPLE_RATE / midi_to_hz(pitch)))
    n = int(seconds * SAMPLE_RATE)
    rng = make_rng(derive_seed(seed, "pluck", str(pitch)))
    out = np.zeros(n + period + 1)
    burst = rng.uniform(-1.0, 1.0, period + 4)
    # A finger, not a pick: smoothing the excitation takes the hiss out of the attack.
    burst = np.convolve(burst, np.ones(5) / 5, mode="valid")
    out[:period] = burst - burst.mean()
    # Higher strings lose energy faster, as real ones do.
    decay = _PLUCK_DECAY.get(program, 0.996) - 0.0001 * max(pitch - 48, 0)
    pos = period
    while pos < n:
        end = min(pos + period, n)
        prev = out[pos - period : end - period]
        prev2 = (
            out[pos - period - 1 : end - period - 1]
            if pos > period
            else np.concatenate(([0.0], out[: end - period - 1]))
        )
        out[pos:end] = decay * 0.5 * (prev + prev2)
        pos = end
    wave: np.ndarray = out[:n] / (float(np.max(np.abs(out[:n]))) or 1.0)
    return wave


def _envelope(length: int, hold: int, attack: float) -> np.ndarray:
    """Linear attack over `attack` seconds, flat while held, linear release to the end."""
    a = min(int(attack * SAMPLE_RATE), hold)
    env = np.ones(length)
    if a:
        env[:a] = np.linspace(0.0, 1.0, a, endpoint=False)
    tail = length - hold
    if tail > 0:
        env[hold:] = np.linspace(1.0, 0.0, tail)
    return env


def _voice(note: Note, part: Part, spt: float, seed: int) -> np.ndarray:
    """One note's samples (read-only: shared through the cache)."""
    return (note.velocity / 127.0) * _shape(part.program, part.role, note.pitch,
                                            note.duration, spt, seed)  # fmt: skip


@lru_cache(maxsize=192)  # a piece uses ~60 shapes; bounded so memory stays small
def _shape(program: int, role: str, pitch: int, ticks: int, spt: float, seed: int) -> np.ndarray:
    """A note at full velocity; cached because arpeggios and bass lines repeat notes."""
    hold = max(1, int(ticks * spt * SAMPLE_RATE))
    if program in _PLUCKED:
        release = int(0.08 * SAMPLE_RATE)
        length = hold + release
        wave = _pluck(pitch, seed, program=program)
        samples = np.zeros(length)
        take = min(length, len(wave))
        samples[:take] = wave[:take]
        plucked: np.ndarray = samples * _envelope(length, hold, 0.002)
        plucked.flags.writeable = False
        return plucked
    sustained = program != 0
    release = int((0.12 if sustained else 0.25) * SAMPLE_RATE)
    length = hold + release
    t = np.arange(length) / SAMPLE_RATE
    freq = np.full(length, midi_to_hz(pitch))
    if sustained and role == "melody":
        # Vibrato that grows in after the attack, as bowed and blown players do.
        rate, cents, grow = _VIBRATO.get(program, _DEFAULT_VIBRATO)
        depth = cents * np.clip(t / grow, 0.0, 1.0)
        freq *= 2.0 ** (depth * np.sin(2 * np.pi * rate * t) / 1200.0)
    pos = (np.cumsum(freq) / SAMPLE_RATE % 1.0) * _TABLE
    # Linear interpolation between table samples keeps the noise floor low.
    lo = pos.astype(np.int64)
    frac = pos - lo
    table = _table(program, _band_limit(pitch))
    samples = table[lo % _TABLE] * (1.0 - frac) + table[(lo + 1) % _TABLE] * frac
    env = _envelope(length, hold, 0.06 if sustained else 0.004)
    if not sustained:
        env *= np.exp(-t * (1.2 + pitch / 60.0))
    voiced: np.ndarray = samples * env
    voiced.flags.writeable = False
    return voiced


def render(piece: Piece) -> np.ndarray:
    """Mono float32 samples in [-1, 1] at SAMPLE_RATE."""
    seed = int(piece.provenance.get("seed", 0))
    spt = piece.seconds_per_tick()
    total = round((piece.duration_seconds + TAIL_SECONDS) * SAMPLE_RATE)
    mix = np.zeros(total)
    for part in piece.parts:
        gain = _GAIN.get(part.role, 0.3)
        for note in part.notes:
            start = round(note.start * spt * SAMPLE_RATE)
            wave = _voice(note, part, spt, seed)
            end = min(total, start + len(wave))
            mix[start:end] += gain * wave[: end - start]
    mix = _room(mix, seed)
    peak = float(np.max(np.abs(mix))) or 1.0
    return (mix * (0.89 / peak)).astype(np.float32)


def _fast_len(n: int) -> int:
    """Smallest 2^a 3^b 5^c >= n: FFT sizes pocketfft handles fast, with little padding."""
    best = 1 << (n - 1).bit_length()
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            size = p35 << max(0, (n - 1) // p35).bit_length()
            best = min(best, size)
            p35 *= 3
        p5 *= 5
    return best


def _room(dry: np.ndarray, seed: int) -> np.ndarray:
    """A small hall: the dry mix plus its convolution with 1.2 s of seeded, exponentially
    decaying noise, low-passed so the tail is darker than the notes (FFT convolution)."""
    n = int(1.2 * SAMPLE_RATE)
    rng = make_rng(derive_seed(seed, "room"))
    t = np.arange(n) / SAMPLE_RATE
    pre = int(0.012 * SAMPLE_RATE)  # the first reflection arrives after 12 ms
    ir = np.zeros(n)
    ir[pre:] = 0.025 * rng.standard_normal(n - pre) * np.exp(-t[: n - pre] / 0.35)
    size = _fast_len(len(dry) + n)
    freqs = np.fft.rfftfreq(size, 1 / SAMPLE_RATE)
    # float32 halves the FFT work; the tail is 40 dB down, far above its rounding error.
    spectrum = np.fft.rfft(dry.astype(np.float32), size) * np.fft.rfft(ir.astype(np.float32), size)
    spectrum /= (1.0 + freqs / 4000.0).astype(np.float32)
    wet: np.ndarray = dry + np.fft.irfft(spectrum, size)[: len(dry)]
    return wet
