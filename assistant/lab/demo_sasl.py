"""Sign-in for the demo responder (demo_imap.py, demo_pop.py): PLAIN, LOGIN, XOAUTH2 and
OAUTHBEARER, checked as the lab's Dovecot checks them (dovecot.py): passwords against
the lab users, tokens with the lab identity provider's validator, which must also carry
the protocol in the lab-only `scope` claim (lab/identity/tokens.py), as Dovecot's
`scope = imap|pop` setting demands."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass

from assistant.facts import OAUTH_APP_ROLES, OAUTH_DELEGATED_SCOPES
from assistant.lab.demo_mailstore import MailStore
from assistant.lab.identity.validator import LabTokenValidator

# Dovecot's answer to a refused token: an error challenge the client answers empty.
TOKEN_ERROR = base64.b64encode(
    json.dumps({"status": "invalid_token", "schemes": "bearer", "scope": "mail"}).encode()
).decode("ascii")
PASSWORD_MECHANISMS = ("PLAIN", "LOGIN")
TOKEN_MECHANISMS = ("XOAUTH2", "OAUTHBEARER")


@dataclass(frozen=True)
class Verdict:
    user: str | None  # the mailbox signed in to; None: refused
    token: bool = False  # a token was tried (a refusal gets TOKEN_ERROR first)


def decode(blob: bytes) -> bytes | None:
    """A base64 client response; "=" is the empty one; None when it is not base64."""
    if blob.strip() == b"=":
        return b""
    try:
        return base64.b64decode(blob.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None


class Authenticator:
    def __init__(
        self,
        store: MailStore,
        bearer: LabTokenValidator | None,
        protocol: str,
        log: Callable[[str], None] = lambda _line: None,
    ) -> None:
        self.store = store
        self.bearer = bearer
        self.protocol = protocol  # "imap" or "pop"
        self._log = log

    def _logged(self, verdict: Verdict, user: str, method: str) -> Verdict:
        # Worded as Dovecot's log lines, which tests search for "method=XOAUTH2".
        what = "Login" if verdict.user is not None else "Aborted login (auth failed)"
        service = "pop3" if self.protocol == "pop" else self.protocol
        self._log(f"{service}-login: Info: {what}: user=<{user[:100]}>, method={method}")
        return verdict

    def mechanisms(self) -> tuple[str, ...]:
        return PASSWORD_MECHANISMS + (TOKEN_MECHANISMS if self.bearer is not None else ())

    def password(self, user: str, password: str, method: str = "PLAIN") -> Verdict:
        return self._logged(Verdict(self.store.check_password(user, password)), user, method)

    def plain(self, response: bytes) -> Verdict:
        parts = response.split(b"\0")
        if len(parts) != 3:
            return Verdict(None)
        authzid, user, password = (p.decode("utf-8", "replace") for p in parts)
        if authzid and authzid.lower() != user.lower():
            return Verdict(None)
        return self.password(user, password)

    def token(self, mechanism: str, response: bytes) -> Verdict:
        text = response.decode("utf-8", "replace")
        fields: dict[str, str] = {}
        if mechanism == "OAUTHBEARER":
            head, _, rest = text.partition("\x01")
            for item in head.split(","):
                if item.startswith("a="):
                    fields["user"] = item[2:]
            text = rest
        for part in text.split("\x01"):
            name, eq, value = part.partition("=")
            if eq:
                fields.setdefault(name, value)
        user = fields.get("user", "")
        auth = fields.get("auth", "")
        if not auth.startswith("Bearer ") or self.bearer is None or not self.store.exists(user):
            return self._logged(Verdict(None, token=True), user, mechanism)
        token = auth.removeprefix("Bearer ").strip()
        check = self.bearer.check(
            token,
            scope=OAUTH_DELEGATED_SCOPES[self.protocol],
            role=OAUTH_APP_ROLES[self.protocol],
            mailbox=user,
        )
        wanted = str(check.claims.get("scope", "")).split()
        if not check.valid or self.protocol not in wanted:
            return self._logged(Verdict(None, token=True), user, mechanism)
        return self._logged(Verdict(self.store.mailbox(user), token=True), user, mechanism)
