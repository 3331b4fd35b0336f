"""The XOAUTH2 sign-in step of imap.login, pop.login and smtp.auth
(imap.login.xoauth2, pop.login.xoauth2, smtp.auth.xoauth2).

The token goes only where the password would: after TLS validated for the host, to a
host mail.common.host_refusal allows, and only when the server offers XOAUTH2. The SASL
line is masked in the transcript by the Wire; the token and its base64/XOAUTH2 forms
are in the run's Redactor as well (added the moment the token was obtained).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from assistant.check import Context
from assistant.checks.mail.common import Endpoint, failure, host_refusal, host_refused, io_remedy
from assistant.checks.mail.replies import explain_reply
from assistant.checks.mail.session import (
    PROTOCOL_ERRORS,
    Conversation,
    Session,
    sign_in_failure,
)
from assistant.checks.oauth_common import get_token, oauth, xoauth2_refused
from assistant.facts import MAIL_LINKS
from assistant.model import Remedy, Status, Step
from assistant.net.sasl import CredentialNotSendable
from assistant.text import msg

S = TypeVar("S", bound=Session)
TITLE = msg("Sign in with OAuth (XOAUTH2)")
_NAMES = {"imap": "IMAP", "pop": "POP", "smtp": "SMTP AUTH"}
# replies.py keys that blame the password; for a token they mean "token refused".
_PASSWORD_MEANINGS = frozenset(
    {
        "smtp_auth_unsuccessful",
        "smtp_bad_credentials",
        "mailbox_auth_failed_cloud",
        "mailbox_auth_failed",
        "smtp_basic_not_supported",
        "password_expired",
        "bad_credentials",  # IMAP/POP [AUTHENTICATIONFAILED]: for a token, the token was refused
    }
)


def xoauth2_step(
    conv: Conversation[S],
    *,
    step_id: str,
    offered: Sequence[str],
    login: Callable[[str, str], str],
) -> Step:
    """`offered`: SASL mechanisms offered over TLS; `login(user, token)` signs in and
    returns the server's answer, or raises one of PROTOCOL_ERRORS."""
    ctx, ep = conv.ctx, conv.endpoint
    credential = oauth(ctx)
    assert credential is not None
    protocol = conv.protocol.key
    shown: str = ", ".join(offered) or msg("nothing")
    if host_refusal(ctx, ep, protocol) is not None:
        not_sent = msg(
            "{host} is outside {domain} and not a Microsoft endpoint; no token was sent",
            host=ep.host,
            domain=ctx.target.domain,
        )
        return host_refused(step_id, TITLE, not_sent, ep)
    if "XOAUTH2" not in {m.upper() for m in offered}:
        return Step(
            step_id,
            TITLE,
            Status.FAIL,
            summary=msg(
                "the server does not offer XOAUTH2 over TLS (it offers {mechanisms})",
                mechanisms=shown,
            ),
            remedy=Remedy(
                msg(
                    "Exchange Online offers XOAUTH2 for {protocol}; if it is missing, "
                    "something on the way rewrites the conversation. Exchange Server does not "
                    "offer OAuth for IMAP, POP or SMTP: sign in with a password there.",
                    protocol=_NAMES[protocol],
                ),
                MAIL_LINKS["oauth"],
            ),
        )
    token = get_token(ctx, credential, step_id, TITLE)
    if isinstance(token, Step):
        return token
    user = credential.username
    try:
        answer = login(user, token.value)
    except PROTOCOL_ERRORS as exc:
        summary, remedy = _explain(ctx, conv, ep, exc, app_only=credential.app_only)
        return Step(
            step_id,
            TITLE,
            Status.FAIL,
            summary=ctx.redactor(
                msg("not signed in as {user} with the token: {error}", user=user, error=summary)
            ),
            details=msg("Offered over TLS: {mechanisms}", mechanisms=shown),
            remedy=remedy,
        )
    signed_in = msg("signed in as {user} (XOAUTH2)", user=user)
    if answer:
        signed_in = msg(
            "signed in as {user} (XOAUTH2): {server_reply}",
            user=user,
            server_reply=ctx.redactor(answer),
        )
    return Step(
        step_id,
        TITLE,
        Status.PASS,
        summary=signed_in,
        details=msg("Offered over TLS: {mechanisms}", mechanisms=shown),
    )


def _explain(
    ctx: Context, conv: Conversation[S], ep: Endpoint, exc: BaseException, *, app_only: bool
) -> tuple[str, Remedy | None]:
    """The refusal in words. A reply the password table reads as a wrong password means
    a refused token here; other meanings (SMTP AUTH off for the tenant, ...) still hold."""
    if isinstance(exc, CredentialNotSendable | UnicodeEncodeError):
        return sign_in_failure(conv, exc)  # the user name could not go into XOAUTH2
    found = failure(ctx, exc, conv.wire)
    protocol = conv.protocol.key
    meaning = None
    if found.reply is not None:
        meaning = explain_reply(protocol, found.reply, cloud=ep.microsoft)
    if meaning is not None and meaning.key not in _PASSWORD_MEANINGS:
        explained = msg("{error} ({cause})", error=found.text, cause=meaning.cause)
        return explained, Remedy(meaning.remedy, meaning.link)
    if found.timed_out or found.cut_off:
        return found.text, io_remedy(ep, found)
    return found.text, xoauth2_refused(ep.host, _NAMES[protocol], app_only=app_only)
