"""MSAL's token cache: in memory for the run by default; persisted only when the user
asks, and then only in the operating system's protected storage (msal-extensions:
DPAPI on Windows, the Keychain on macOS, libsecret on Linux).

There is no plain-file fallback, on purpose: when no protected storage is available
(a Linux box without a secret service, say) asking for persistence fails with
ProtectedStorageUnavailable, and nothing is written anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msal
import platformdirs

NO_PROTECTED_STORAGE = "no protected storage available"


class ProtectedStorageUnavailable(RuntimeError):
    """Persistence was asked for but this system has no protected storage for it."""


def memory_cache() -> Any:
    """A cache that lives as long as the sign-in object, and no longer."""
    return msal.TokenCache()


def default_cache_path() -> Path:
    """Where the protected cache lives (its content is encrypted by the OS, or absent)."""
    return platformdirs.user_cache_path("connectivity-assistant", appauthor=False) / "msal.cache"


def protected_cache(path: Path | None = None) -> Any:
    """A cache persisted in the OS's protected storage; ProtectedStorageUnavailable when
    there is none. Never a plain file."""
    location = path or default_cache_path()
    try:
        from msal_extensions import PersistedTokenCache, build_encrypted_persistence
    except ImportError as exc:
        raise ProtectedStorageUnavailable(
            f"{NO_PROTECTED_STORAGE}: msal-extensions is not installed ({exc})"
        ) from None
    try:
        # fallback_to_plaintext stays False: msal-extensions raises instead of writing a
        # readable file when the platform's protected storage cannot be used.
        persistence = build_encrypted_persistence(str(location))
    except Exception as exc:  # ImportError (no PyGObject), RuntimeError (no keyring), ...
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ProtectedStorageUnavailable(
            f"{NO_PROTECTED_STORAGE} on this system ({first}); the sign-in cannot be "
            "saved (it is never written to a plain file): leave out --persist-token-cache "
            "to keep it in memory for this run"
        ) from None
    return PersistedTokenCache(persistence)
