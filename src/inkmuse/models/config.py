"""Backend configuration: `config.toml` in the user folder, plus environment overrides.

    # $INKMUSE_HOME/config.toml
    default = "ollama"

    [backends.ollama]
    type = "openai"
    flavor = "ollama"
    base_url = "http://127.0.0.1:11434/v1"
    model = "qwen2.5:7b-instruct"

    [backends.together]
    type = "openai"
    base_url = "https://api.together.xyz/v1"
    model = "Qwen/Qwen2.5-72B-Instruct-Turbo"
    api_key_env = "TOGETHER_API_KEY"     # the key itself is never stored or logged

Environment: INKMUSE_BACKEND picks the default; INKMUSE_<NAME>_BASE_URL and
INKMUSE_<NAME>_MODEL override one backend's fields (NAME upper-cased, - as _).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inkmuse.core.errors import InputError
from inkmuse.core.paths import user_home

# Backends known without any configuration: the local servers at their usual addresses.
BUILTIN: dict[str, dict[str, Any]] = {
    "embedded": {"type": "embedded"},
    "fake": {"type": "fake"},
    "gemma-local": {"type": "llamacpp-local"},  # the packaged Gemma 3 270M, the English default
    "ollama": {"type": "openai", "flavor": "ollama", "base_url": "http://127.0.0.1:11434/v1", "model": "qwen2.5:7b-instruct"},
    "vllm": {"type": "openai", "flavor": "vllm", "base_url": "http://127.0.0.1:8000/v1", "model": "Qwen/Qwen2.5-7B-Instruct"},
    "llamacpp": {"type": "openai", "flavor": "llamacpp", "base_url": "http://127.0.0.1:8080/v1", "model": "default"},
}  # fmt: skip
_ALLOWED_KEYS = {
    "type",
    "flavor",
    "base_url",
    "model",
    "api_key_env",
    "timeout",
    "retries",
    "chat",
    "model_path",
    "loader",
}


@dataclass(frozen=True)
class BackendConfig:
    name: str
    type: str
    options: dict[str, Any] = field(default_factory=dict)

    def api_key(self) -> str | None:
        """The API key, read from the environment variable the config names (never stored)."""
        env = self.options.get("api_key_env")
        return os.environ.get(str(env)) if env else None

    def public(self) -> dict[str, Any]:
        """The options safe to print or record (no key values; the env var name only)."""
        return {"type": self.type, **self.options}


@dataclass(frozen=True)
class Config:
    default: str
    backends: dict[str, BackendConfig]

    def get(self, name: str | None) -> BackendConfig:
        key = name or self.default
        if key not in self.backends:
            raise InputError(f"no backend named {key!r}", accepted=", ".join(sorted(self.backends)))
        return self.backends[key]


def config_path() -> Path:
    return user_home() / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """Built-in backends, then the config file, then the environment."""
    path = path or config_path()
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise InputError(f"cannot read {path} ({err})", accepted="a TOML file") from None
    unknown_top = set(raw) - {"default", "backends"}
    if unknown_top:
        raise InputError(
            f"unknown key {sorted(unknown_top)[0]!r} in {path}", accepted="default, backends"
        )
    merged: dict[str, dict[str, Any]] = {k: dict(v) for k, v in BUILTIN.items()}
    for name, table in (raw.get("backends") or {}).items():
        if not isinstance(table, dict):
            raise InputError(f"[backends.{name}] in {path} is not a table", accepted="a TOML table")
        unknown = set(table) - _ALLOWED_KEYS
        if unknown:
            raise InputError(
                f"unknown key {sorted(unknown)[0]!r} in [backends.{name}]",
                accepted=", ".join(sorted(_ALLOWED_KEYS)),
            )
        if "api_key" in table:
            raise InputError(
                "keys are not stored in the config", accepted="api_key_env = 'ENV_VAR_NAME'"
            )
        merged.setdefault(name, {}).update(table)
    for name, table in merged.items():
        prefix = "INKMUSE_" + name.upper().replace("-", "_") + "_"
        for field_name in ("base_url", "model"):
            value = os.environ.get(prefix + field_name.upper())
            if value:
                table[field_name] = value
        if "type" not in table:
            raise InputError(
                f"[backends.{name}] has no type", accepted="openai, embedded, fake, llamacpp-local"
            )
    default = os.environ.get("INKMUSE_BACKEND") or str(raw.get("default", "embedded"))
    backends = {
        name: BackendConfig(name, str(t["type"]), {k: v for k, v in t.items() if k != "type"})
        for name, t in merged.items()
    }
    if default not in backends:
        raise InputError(
            f"the default backend {default!r} is not configured",
            accepted=", ".join(sorted(backends)),
        )
    return Config(default, backends)
