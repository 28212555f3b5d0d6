"""How the studio runs: address, token, limits. Validated before anything listens.

>>> StudioConfig(host="127.0.0.1").validated().port
8765
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, replace
from pathlib import Path

from inkmuse.core.errors import InputError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
MIN_TOKEN = 16  # a token shorter than this is guessable over a LAN in minutes


@dataclass(frozen=True)
class StudioConfig:
    """host/port: where to listen (loopback unless a token is given). token: required in the
    `X-Inkmuse-Token` header or `token` query parameter of every API call when set.
    max_upload_bytes: the largest photo accepted. workers: threads for long jobs (create,
    painting, music); 2 keeps a laptop responsive. poet_queue: poem and suggestion requests
    that may wait for the poet's two threads before the studio answers 429 (a poem takes
    about 0.3 s alone, two run at once, so 128 waiting is about 20 s). memory_mb: the budget long jobs reserve
    their estimated memory from (one 2048² neural painting needs about 3 GB). home: the
    user folder (None: INKMUSE_HOME or ~/.inkmuse)."""

    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    max_upload_bytes: int = 8 * 1024 * 1024
    workers: int = 2
    poet_queue: int = 128
    memory_mb: int = 4096
    home: Path | None = None

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    def validated(self) -> StudioConfig:
        if self.host not in LOOPBACK:
            try:
                ipaddress.ip_address(self.host)
            except ValueError:
                raise InputError(
                    f"host {self.host!r} is not an IP address",
                    accepted="127.0.0.1 (default), or an address such as 0.0.0.0 with --token",
                ) from None
            if not self.token:
                raise InputError(
                    f"listening on {self.host} would let anyone on the network use the studio",
                    accepted="127.0.0.1, or another address together with --token",
                )
        if self.token is not None and len(self.token) < MIN_TOKEN:
            raise InputError(
                f"the token has {len(self.token)} characters",
                accepted=f"at least {MIN_TOKEN} characters",
                hint="`python -c 'import secrets; print(secrets.token_urlsafe())'` makes one",
            )
        if not 1 <= self.port <= 65535:
            raise InputError(f"port {self.port}", accepted="1..65535")
        if not 1 <= self.workers <= 16:
            raise InputError(f"{self.workers} workers", accepted="1..16")
        if not 0 <= self.poet_queue <= 1024:
            raise InputError(f"a poet queue of {self.poet_queue}", accepted="0..1024")
        if not 256 <= self.memory_mb <= 1024 * 1024:
            raise InputError(f"a memory budget of {self.memory_mb} MB", accepted="256 MB or more")
        if not 1024 <= self.max_upload_bytes <= 256 * 1024 * 1024:
            raise InputError(
                f"upload limit {self.max_upload_bytes} bytes", accepted="1 KiB..256 MiB"
            )
        return replace(self)
