"""Request bodies of the JSON API. Bounds here are the API's first line of defence: a field
out of range is a 422 naming the field, before any work starts."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_SURROGATE = re.compile("[\ud800-\udfff]")
Seed = Field(default=None, ge=0, le=2**63 - 1, description="same inputs + seed = same bytes")


class _Body(BaseModel):
    # A misspelt field is an error, not ignored; NaN and Infinity are not numbers anyone means.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _whole_characters(cls, value: Any) -> Any:
        # JSON can spell half a UTF-16 pair ("\\ud800"); Python keeps it as a lone surrogate,
        # which no response, file or database can encode, so it is refused at the door.
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(t, str) and _SURROGATE.search(t) for t in texts):
            raise ValueError("contains a lone UTF-16 surrogate, which is not a character")
        return value


class CheckIn(_Body):
    text: str = Field(max_length=2000, description="the poem, e.g. 白日依山尽，黄河入海流。")
    form: str | None = Field(
        default=None, max_length=12, description="五绝 七绝 五律 七律; None: from the shape"
    )
    rhymebook: str = Field(default="平水韵", max_length=12)
    rules: Literal["strict", "tang"] = Field(
        default="strict", description="strict: textbook rules; tang: Tang practice (折腰体, 古绝)"
    )


class SuggestIn(_Body):
    text: str = Field(max_length=2000)
    line: int = Field(ge=1, le=200, description="1-based line")
    pos: int | None = Field(
        default=None, ge=1, le=7, description="1-based character; None: the whole line"
    )
    form: str | None = Field(default=None, max_length=12)
    rhymebook: str = Field(default="平水韵", max_length=12)
    keywords: str = Field(default="", max_length=40)
    seed: int | None = Seed
    k: int = Field(default=8, ge=1, le=16)


class PoemIn(_Body):
    keywords: str = Field(default="", max_length=40, description="words, e.g. 秋夜 思乡")
    form: str | None = Field(
        default="七绝", max_length=12, description="None: read from `opening` (else 七绝)"
    )
    n: int = Field(default=8, ge=1, le=32, description="candidates sampled and ranked")
    seed: int | None = Seed
    temperature: float = Field(default=0.8, ge=0, le=2)
    rhyme: str | None = Field(default=None, max_length=12)
    rhymebook: str = Field(default="平水韵", max_length=12)
    acrostic: str | None = Field(default=None, max_length=16)
    opening: str | None = Field(default=None, max_length=200, description="lines to continue")
    backend: str = Field(default="embedded", max_length=40, description="a name from /api/backends")
    plan: str | None = Field(
        default=None, max_length=80, description="one word a line, comma-separated: 雁,霜,灯,乡"
    )
    muse: str | None = Field(default=None, max_length=12, description="a poet: 王维 (poet-v2)")
    era: str | None = Field(default=None, max_length=6, description="唐, 五代 or 宋 (poet-v2)")


class PaintIn(_Body):
    text: str = Field(default="", max_length=500, description="the idea or poem to paint")
    poem: str | None = Field(default=None, max_length=500, description="text to inscribe")
    style: Literal["shanshui", "painterly", "neural"] = "shanshui"
    preset: str = Field(default="impressionist", max_length=32)
    neural_style: int = Field(default=0, ge=0, le=25)
    seed: int | None = Seed
    inscribe: bool = True
    width: int = Field(default=720, ge=64, le=2048)
    height: int = Field(default=480, ge=64, le=2048)
    upload: str | None = Field(default=None, max_length=40, description="an id from /api/uploads")


class MusicIn(_Body):
    poem: str | None = Field(default=None, max_length=500)
    mood: str | None = Field(default=None, max_length=20)
    key: str | None = Field(default=None, max_length=20, description="e.g. D羽, A minor")
    tempo: int | None = Field(default=None, ge=30, le=240)
    style: Literal["chinese", "piano", "strings"] | None = None
    seed: int | None = Seed


class CreateIn(_Body):
    idea: str = Field(max_length=500, description="e.g. 秋夜 思乡, a harbour at dawn")
    seed: int | None = Seed
    form: str = Field(default="七绝", max_length=12)
    key: str | None = Field(default=None, max_length=20)
    width: int = Field(default=960, ge=64, le=2048)
    height: int = Field(default=640, ge=64, le=2048)
    upload: str | None = Field(default=None, max_length=40, description="palette photo")


class RemixIn(_Body):
    keep: list[Literal["poem", "painting", "song"]] = Field(default_factory=list, max_length=3)
    seed: int | None = Seed
    key: str | None = Field(default=None, max_length=20)
    poem: str | None = Field(default=None, max_length=2000, description="your edited poem")
    version: int | None = Field(default=None, ge=1, le=100000)


class StreamIn(_Body):
    keywords: str = Field(min_length=1, max_length=40, description="e.g. 秋夜 思乡")
    form: str = Field(default="七绝", max_length=12)
    seed: int | None = Seed
    temperature: float = Field(default=0.8, ge=0, le=2)
    max_tokens: int = Field(default=200, ge=16, le=1024)
