"""After "no TLS version in common": which old version does the server speak?

Our client policy is TLS 1.2 or later, so a server that only speaks TLS 1.0 or 1.1
fails the handshake with a bare protocol-version alert. To say so in plain words, one
more handshake accepts anything OpenSSL can still do (security level 0); it only looks
at the version the server picks. Nothing is sent on it and it is closed at once.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
from collections.abc import Callable

from assistant.net.tls import TlsHandshakeError

# OpenSSL reasons that mean "no protocol version in common" (see net/tls_explain.py).
_VERSION_REASONS = frozenset(
    {
        "UNSUPPORTED_PROTOCOL",
        "TLSV1_ALERT_PROTOCOL_VERSION",
        "NO_PROTOCOLS_AVAILABLE",
        "VERSION_TOO_LOW",
        "WRONG_SSL_VERSION",
    }
)
LEGACY_VERSIONS = frozenset({"SSLv3", "TLSv1", "TLSv1.1"})
_NAMES = {"SSLv3": "SSL 3.0", "TLSv1": "TLS 1.0", "TLSv1.1": "TLS 1.1"}


def is_version_mismatch(error: TlsHandshakeError) -> bool:
    cause = error.__cause__
    return isinstance(cause, ssl.SSLError) and str(cause.reason or "") in _VERSION_REASONS


def may_be_version_mismatch(error: TlsHandshakeError) -> bool:
    """A version mismatch, or a server that hung up mid-handshake, which is how some
    (asyncio's TLS among them) answer a client whose versions they do not speak."""
    cause = error.__cause__
    if is_version_mismatch(error) or isinstance(cause, ConnectionResetError):
        return True
    if isinstance(cause, ssl.SSLEOFError | ssl.SSLZeroReturnError):
        return True
    return isinstance(cause, ssl.SSLError) and cause.reason == "UNEXPECTED_EOF_WHILE_READING"


def display_name(version: str) -> str:
    return _NAMES.get(version, version)


def _permissive_context() -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    # MINIMUM_SUPPORTED rather than TLSVersion.TLSv1: the same effect without the
    # DeprecationWarning Python attaches to naming the old versions.
    ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    return ctx


def legacy_version(
    connect: Callable[[], socket.socket], server_name: str, timeout: float
) -> str | None:
    """The old protocol version ("TLSv1", "TLSv1.1", "SSLv3") the server settles on when
    allowed, or None when it does not handshake that way either."""
    try:
        sock = connect()
    except Exception:  # display only: the caller's connect() may raise anything
        return None
    try:
        ssock = _permissive_context().wrap_socket(
            sock, server_hostname=server_name, do_handshake_on_connect=False
        )
    except (OSError, ValueError):
        sock.close()
        return None
    try:
        ssock.settimeout(timeout)
        ssock.do_handshake()
        version = ssock.version()
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            ssock.close()
    return version if version in LEGACY_VERSIONS else None
