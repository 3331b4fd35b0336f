"""TLS client contexts and the handshake with its deadline.

One client policy (client_context) and one way to run a handshake (secure), so every
check gets the same verdict for the same server. When validation fails, `secure()`
makes a second, non-validating handshake only to fetch the chain for display; the
caller sends nothing on it and it is closed at once. What the handshake showed is a
TlsInspection (tls_inspection); the plain words for a failure come from tls_explain.
"""

from __future__ import annotations

import functools
import os
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import replace

from assistant.net.tls_explain import (
    explain_handshake_error,
    explain_verify_error,
    wrong_name_reason,
)
from assistant.net.tls_inspection import TlsInspection, inspect_ssl_socket
from assistant.text import TextError, msg


def client_context(
    ca_bundle: str | os.PathLike[str] | None = None, *, verify: bool = True
) -> ssl.SSLContext:
    """The one client TLS policy.

    verify=True: certificate and hostname required; the system store, or only
    `ca_bundle` when one is given. verify=False: for the display-only handshake.

    Contexts are shared: building one loads the trust store, which costs ~25 ms of
    CPU with the GIL held (it stalled the GUI's event loop when every connection did
    it). An SSLContext is safe to share between threads; callers must not modify it.
    One is built at a time (checks starting together would each build the same one),
    and the display-only context is one whatever the bundle (it trusts nothing).
    """
    bundle = None if ca_bundle is None or not verify else os.fspath(ca_bundle)
    with _building:
        return _cached_context(bundle, verify)


_building = threading.Lock()


@functools.lru_cache(maxsize=16)
def _cached_context(ca_bundle: str | None, verify: bool) -> ssl.SSLContext:
    if not verify:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return ctx
    ctx = ssl.create_default_context(cafile=ca_bundle)
    # Names come from subjectAltName only, as in browsers and in match_hostname()
    # (hostname_match), so the verdict and the displayed hostname match can never disagree.
    ctx.hostname_checks_common_name = False
    return ctx


class TlsHandshakeError(TextError):
    """A TLS handshake that did not succeed, in plain words, with what was seen. `silent`:
    the server took the TCP connection and never answered the handshake (a device that
    accepts and holds connections, or a hung service), not a port that is closed."""

    def __init__(
        self, message: str, inspection: TlsInspection | None = None, *, silent: bool = False
    ) -> None:
        super().__init__(message)
        self.inspection = inspection
        self.silent = silent


# -- the handshake -------------------------------------------------------------------


def _handshake(
    sock: socket.socket,
    server_name: str,
    context: ssl.SSLContext,
    timeout: float,
) -> ssl.SSLSocket:
    """Run the handshake on a connected socket; the socket is closed if anything fails."""
    try:
        ssock = context.wrap_socket(
            sock, server_hostname=server_name, do_handshake_on_connect=False
        )
    except BaseException:
        sock.close()
        raise
    try:
        ssock.settimeout(timeout)
        ssock.do_handshake()
    except BaseException:
        ssock.close()
        raise
    return ssock


def _display_inspection(
    connect: Callable[[], socket.socket],
    server_name: str,
    context: ssl.SSLContext,
    timeout: float,
    error: ssl.SSLCertVerificationError,
) -> TlsInspection:
    """Second handshake without validation, only to show what the server presents."""
    code = int(error.verify_code or 0)
    message = str(error.verify_message or error.reason or error)
    try:
        ssock = _handshake(connect(), server_name, context, timeout)
    except Exception:  # display only: the caller's connect() may raise anything
        return TlsInspection(
            server_name=server_name,
            verified=False,
            verify_error=explain_verify_error(code, message, (), server_name),
            protocol=None,
            cipher=None,
            chain=(),
            intermediates_sent=None,
            hostname_matches=None,
        )
    try:
        seen = inspect_ssl_socket(ssock, server_name, verified=False)
    finally:
        ssock.close()
    return replace(seen, verify_error=explain_verify_error(code, message, seen.chain, server_name))


def secure(
    connect: Callable[[], socket.socket],
    server_name: str,
    context: ssl.SSLContext,
    *,
    timeout: float,
    display_context: ssl.SSLContext | None = None,
) -> tuple[ssl.SSLSocket, TlsInspection]:
    """Run the TLS handshake on what connect() returns, and describe the result.

    connect() gives a plain socket positioned where the handshake starts (for STARTTLS
    protocols, after the STARTTLS exchange). Errors raised by connect() itself pass
    through unchanged. A certificate that fails validation, and any other handshake
    failure, raise TlsHandshakeError; the socket is always closed then.
    """
    sock = connect()  # outside the try: a connect failure is not a TLS failure
    try:
        ssock = _handshake(sock, server_name, context, timeout)
    except ssl.SSLCertVerificationError as err:
        display = display_context if display_context is not None else client_context(verify=False)
        inspection = _display_inspection(connect, server_name, display, timeout, err)
        reason = inspection.verify_error or msg("certificate rejected")
        raise TlsHandshakeError(
            msg(
                "the certificate of {server_name} was not accepted: {reason}",
                server_name=server_name,
                reason=reason,
            ),
            inspection,
        ) from err
    except OSError as err:  # ssl.SSLError, timeouts and resets are all OSErrors
        raise TlsHandshakeError(
            explain_handshake_error(err, server_name, timeout),
            silent=isinstance(err, TimeoutError),
        ) from err

    try:
        chain_checked = context.verify_mode == ssl.CERT_REQUIRED
        inspection = inspect_ssl_socket(ssock, server_name, verified=chain_checked)
        if not chain_checked:
            inspection = replace(
                inspection,
                verified=False,
                verify_error=msg("certificate not checked: validation is off for this connection"),
            )
        elif not context.check_hostname and inspection.hostname_matches is not True:
            leaf = inspection.chain[0] if inspection.chain else None
            reason = wrong_name_reason(leaf, server_name)
            inspection = replace(inspection, verified=False, verify_error=reason)
    except BaseException:
        ssock.close()
        raise
    return ssock, inspection
