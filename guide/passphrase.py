"""The kiosk operator's passphrase: stored only as a salted scrypt hash, checked in constant time.

``guide.yml`` holds a line made by ``health-guide kiosk-passphrase``, such as
``scrypt$n=16384,r=8,p=1$<salt>$<hash>`` (base64), never the passphrase itself. Wrong tries
are counted: after :data:`MAX_TRIES` the gate stays shut for :data:`LOCK_SECONDS`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # OWASP's minimum for scrypt; about 50 ms and 16 MiB per check
KEY_BYTES = 32
SALT_BYTES = 16
MAX_TRIES = 5
LOCK_SECONDS = 5 * 60
_MAX_N = 2**20  # refuse parameters that would take minutes or gigabytes to check


@dataclass(frozen=True)
class StoredPassphrase:
    """The parts of a stored hash line."""

    n: int
    r: int
    p: int
    salt: bytes
    key: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    """The line to store for ``passphrase`` (a new random salt unless one is given)."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    key = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=N, r=R, p=P,
                         dklen=KEY_BYTES)
    return f"{SCHEME}$n={N},r={R},p={P}${_b64(salt)}${_b64(key)}"


def parse(stored: str) -> StoredPassphrase | None:
    """The parts of a stored line, or ``None`` if it was not made by :func:`hash_passphrase`."""
    parts = stored.strip().split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return None
    try:
        params = dict(item.split("=", 1) for item in parts[1].split(","))
        n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
        salt = base64.b64decode(parts[2], validate=True)
        key = base64.b64decode(parts[3], validate=True)
    except (ValueError, KeyError, binascii.Error):
        return None
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= 32 and 0 < p <= 16) \
            or len(salt) < 8 or len(key) < 16:
        return None
    return StoredPassphrase(n, r, p, salt, key)


def verify(passphrase: str, stored: str) -> bool:
    """Whether ``passphrase`` matches the stored line (compared in constant time)."""
    parts = parse(stored)
    if parts is None:
        return False
    key = hashlib.scrypt(passphrase.encode("utf-8"), salt=parts.salt, n=parts.n, r=parts.r,
                         p=parts.p, dklen=len(parts.key), maxmem=256 * 1024 * 1024)
    return hmac.compare_digest(key, parts.key)


class PassphraseGate:
    """Checks tries against a stored hash and locks after too many wrong ones."""

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._stored = stored
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    @property
    def enabled(self) -> bool:
        """Whether an operator can get in at all (a valid hash is configured)."""
        return parse(self._stored) is not None

    def seconds_locked(self) -> int:
        """Seconds until tries are accepted again (0 when open)."""
        return max(0, int(self._locked_until - self._clock() + 0.999))

    def try_passphrase(self, passphrase: str) -> bool:
        """True for the right passphrase; a locked gate refuses every try without checking."""
        if self.seconds_locked() or not self.enabled:
            return False
        if verify(passphrase, self._stored):
            self._wrong = 0
            return True
        self._wrong += 1
        if self._wrong >= MAX_TRIES:
            self._wrong = 0
            self._locked_until = self._clock() + LOCK_SECONDS
        return False
