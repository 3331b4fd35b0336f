"""Who sent what to the lab: every request, and every credential, wherever it landed.

The lab's servers call `LabObserver.inspect` before any handler runs. It

- logs the request (RequestLog),
- reads the Authorization header (Basic, Bearer, NTLM, Negotiate) and works out
  whether it matched an account in the directory (NTLM: against the challenge this
  connection was sent),
- looks for a directory password anywhere else in the request (URL or body, plain or
  URL-encoded): a credential that leaked outside the Authorization header,
- logs each credential as a CredentialSighting: scheme, Host header, SNI, port, which
  server and certificate answered, path, auth scheme, user name and whether it
  matched. Never the password or the header itself.

Engine tests read `lab.credentials_seen` to prove that no credential reached a foreign
host, plain HTTP, an autodiscover.<public suffix> name or a host whose certificate did
not validate.
"""

from __future__ import annotations

import base64
import binascii
import threading
from dataclasses import dataclass, replace
from typing import Generic, TypeVar
from urllib.parse import unquote_plus

from assistant.lab.exchange import ntlm
from assistant.lab.exchange.directory import Directory
from assistant.lab.https_server import AuthInfo, LabRequest
from assistant.lab.identity.validator import LabTokenValidator

_NTLM_STATE = "ntlm.server_challenge"


@dataclass(frozen=True)
class CredentialSighting:
    scheme: str  # "http" or "https"
    host: str  # the Host header, lowercased, no port
    port: int  # the lab port that received it
    sni: str | None  # the TLS server name the client asked for (None: plain HTTP or none)
    server: str  # the lab server that answered: "good", "microsoft", "expired", "http", ...
    cert_variant: str | None  # CertVariant value of the certificate served; None for HTTP
    method: str
    path: str  # without the query string
    auth_scheme: str  # Basic, Bearer, NTLM, Negotiate, or "leak" (a password outside the header)
    username: str | None
    matched: bool  # the password matched a lab account / the token was valid (Bearer)

    def describe(self) -> str:
        who = self.username or "?"
        verdict = "valid" if self.matched else "not valid"
        return (
            f"{self.auth_scheme} credential for {who} ({verdict}) sent to "
            f"{self.scheme}://{self.host}{self.path} [server {self.server}]"
        )


@dataclass(frozen=True)
class RequestRecord:
    scheme: str
    host: str
    port: int
    sni: str | None
    server: str
    method: str
    path: str  # with the query string
    authorization: str  # the scheme only ("" when none)


T = TypeVar("T")


class _Log(Generic[T]):
    """An append-only, thread-safe list with snapshots."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[T] = []

    def append(self, item: T) -> None:
        with self._lock:
            self._items.append(item)

    def snapshot(self) -> tuple[T, ...]:
        with self._lock:
            return tuple(self._items)

    def since(self, mark: int) -> tuple[T, ...]:
        """What arrived after `mark` (a len() taken earlier)."""
        with self._lock:
            return tuple(self._items[mark:])

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


class CredentialLog(_Log[CredentialSighting]):
    def for_host(self, host: str) -> tuple[CredentialSighting, ...]:
        host = host.lower()
        return tuple(s for s in self.snapshot() if s.host == host)

    def usernames(self) -> set[str]:
        return {s.username for s in self.snapshot() if s.username}


class RequestLog(_Log[RequestRecord]):
    def for_host(self, host: str) -> tuple[RequestRecord, ...]:
        host = host.lower()
        return tuple(r for r in self.snapshot() if r.host == host)


def parse_basic(value: str) -> tuple[str, str] | None:
    """'Basic dXNlcjpwdw==' -> ('user', 'pw'); None when it is not a Basic credential."""
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


class LabObserver:
    """The lab's `inspector`: request log, credential log and AuthInfo for handlers."""

    def __init__(
        self,
        directory: Directory,
        variants: dict[str, str | None],
        credentials: CredentialLog | None = None,
        requests: RequestLog | None = None,
    ) -> None:
        self.directory = directory
        self.variants = variants  # server label -> certificate variant it serves
        self.bearer: LabTokenValidator | None = None  # the lab identity provider's, when set
        self.credentials = credentials if credentials is not None else CredentialLog()
        self.requests = requests if requests is not None else RequestLog()

    def inspect(self, request: LabRequest) -> LabRequest:
        header = request.header("Authorization") or ""
        scheme = header.strip().partition(" ")[0]
        self.requests.append(
            RequestRecord(
                request.scheme,
                request.host,
                request.port,
                request.sni,
                request.server,
                request.method,
                request.path,
                scheme,
            )
        )
        auth = self._authorization(request, header) if header.strip() else AuthInfo()
        if header.strip():
            self._record(request, auth.scheme or scheme, auth.username, auth.valid)
        for username, matched in self._leaks(request):
            self._record(request, "leak", username, matched)
        return replace(request, auth=auth)

    # -- the Authorization header -------------------------------------------------------

    def _authorization(self, request: LabRequest, header: str) -> AuthInfo:
        scheme, _, token = header.strip().partition(" ")
        canonical = {"basic": "Basic", "bearer": "Bearer", "ntlm": "NTLM"}.get(
            scheme.lower(), "Negotiate" if scheme.lower() == "negotiate" else scheme
        )
        if canonical == "Basic":
            pair = parse_basic(header)
            if pair is None:
                return AuthInfo("Basic")
            user, password = pair
            return AuthInfo("Basic", user, self.directory.check(user, password))
        if canonical in ("NTLM", "Negotiate"):
            return self._ntlm(request, canonical, token.strip())
        if canonical == "Bearer" and self.bearer is not None:
            anchor = request.header("X-AnchorMailbox")
            check = self.bearer.check(
                token.strip(),
                scope="EWS.AccessAsUser.All",
                role="full_access_as_app",
                mailbox=anchor,
            )
            who = anchor if check.app_only else check.user
            return AuthInfo("Bearer", who, check.valid)
        return AuthInfo(canonical)

    def _ntlm(self, request: LabRequest, scheme: str, token: str) -> AuthInfo:
        try:
            raw = base64.b64decode(token, validate=True)
        except binascii.Error:
            return AuthInfo(scheme)
        kind = ntlm.message_type(raw)
        if kind == ntlm.NEGOTIATE:
            server_challenge = ntlm.new_server_challenge()
            request.connection[_NTLM_STATE] = server_challenge
            org = self.directory.org_of_domain(request.host.partition(".")[2])
            netbios = org.netbios if org is not None else "LAB"
            dns_domain = org.domains[0] if org is not None else "lab.test"
            reply = ntlm.challenge_message(raw, server_challenge, netbios or "LAB", dns_domain)
            return AuthInfo(scheme, challenge=base64.b64encode(reply).decode("ascii"))
        if kind != ntlm.AUTHENTICATE:
            # SPNEGO-wrapped (Kerberos or NTLM inside): name the user if NTLM shows through.
            embedded = raw.find(ntlm.SIGNATURE)
            message = ntlm.parse_authenticate(raw[embedded:]) if embedded >= 0 else None
            return AuthInfo(scheme, message.username if message else None)
        message = ntlm.parse_authenticate(raw)
        if message is None:
            return AuthInfo(scheme)
        issued = request.connection.pop(_NTLM_STATE, None)
        account = self.directory.account(message.user, message.domain)
        valid = (
            isinstance(issued, bytes)
            and account is not None
            and ntlm.verify_v2(message, issued, account.password)
        )
        username = account.login if valid and account is not None else message.username
        return AuthInfo(scheme, username, valid)

    # -- passwords outside the header ------------------------------------------------------

    def _leaks(self, request: LabRequest) -> list[tuple[str | None, bool]]:
        body = request.body.decode("utf-8", "replace")
        texts = (request.path, unquote_plus(request.path), body, unquote_plus(body))
        leaked = any(p in text for p in self.directory.passwords() for text in texts)
        return [(None, True)] if leaked else []

    def _record(
        self, request: LabRequest, auth_scheme: str, username: str | None, matched: bool
    ) -> None:
        self.credentials.append(
            CredentialSighting(
                scheme=request.scheme,
                host=request.host,
                port=request.port,
                sni=request.sni,
                server=request.server,
                cert_variant=self.variants.get(request.server),
                method=request.method,
                path=request.route_path,
                auth_scheme=auth_scheme,
                username=username,
                matched=matched,
            )
        )
