"""Sign-ins in progress at the lab identity provider: device codes waiting for the user,
authorization codes waiting to be redeemed, refresh tokens. Thread-safe; each server
thread reads and the test hooks write."""

from __future__ import annotations

import secrets
import string
import threading
import time
from dataclasses import dataclass, field, replace

from assistant.facts import DEVICE_CODE_LIFETIME


@dataclass(frozen=True)
class OAuthError:
    """A refusal in Entra's shape: HTTP status, error name, AADSTS code and message."""

    status: int
    error: str
    code: int | None
    message: str


@dataclass(frozen=True)
class Grant:
    """What a user (or nobody yet) agreed to: enough to issue the tokens."""

    client_id: str
    tenant_id: str  # the authority's tenant; may change to the user's at approval
    resource: str
    permissions: frozenset[str]  # delegated permission names, no resource prefix
    oidc: frozenset[str]  # openid, profile, offline_access
    host: str  # the login host it was asked at
    user: str | None = None
    refused: OAuthError | None = None  # set at approval: the sign-in cannot be completed


@dataclass
class DeviceCode:
    device_code: str
    user_code: str
    grant: Grant
    expires_at: float
    state: str = "pending"  # pending, approved, declined


@dataclass(frozen=True)
class AuthCode:
    grant: Grant
    redirect_uri: str
    code_challenge: str
    expires_at: float
    nonce: str | None = None  # echoed in the ID token, as OpenID Connect requires


@dataclass
class GrantStore:
    lifetime: int = DEVICE_CODE_LIFETIME
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _devices: dict[str, DeviceCode] = field(default_factory=dict)
    _codes: dict[str, AuthCode] = field(default_factory=dict)
    _refresh: dict[str, Grant] = field(default_factory=dict)

    def new_device_code(self, grant: Grant) -> DeviceCode:
        alphabet = string.ascii_uppercase + string.digits
        user_code = "".join(secrets.choice(alphabet) for _ in range(9))
        entry = DeviceCode(secrets.token_urlsafe(48), user_code, grant, time.time() + self.lifetime)
        with self._lock:
            self._devices[entry.device_code] = entry
        return entry

    def device(self, device_code: str) -> DeviceCode | None:
        with self._lock:
            return self._devices.get(device_code)

    def by_user_code(self, user_code: str | None) -> DeviceCode | None:
        """The pending code with this user code; None: the latest pending one."""
        with self._lock:
            pending = [d for d in self._devices.values() if d.state == "pending"]
        if user_code is None:
            return pending[-1] if pending else None
        return next((d for d in pending if d.user_code == user_code.upper()), None)

    def settle(self, entry: DeviceCode, state: str, grant: Grant) -> None:
        with self._lock:
            entry.state = state
            entry.grant = grant

    def redeem_device(self, device_code: str) -> None:
        with self._lock:
            self._devices.pop(device_code, None)

    def expire_device(self, device_code: str) -> None:
        with self._lock:
            entry = self._devices.get(device_code)
            if entry is not None:
                entry.expires_at = 0

    def new_auth_code(self, code: AuthCode) -> str:
        key = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[key] = code
        return key

    def redeem_auth_code(self, key: str) -> AuthCode | None:
        with self._lock:
            return self._codes.pop(key, None)

    def new_refresh_token(self, grant: Grant) -> str:
        key = "0.Lab" + secrets.token_urlsafe(64)
        with self._lock:
            self._refresh[key] = replace(grant, refused=None)
        return key

    def refresh(self, key: str) -> Grant | None:
        with self._lock:
            return self._refresh.get(key)
