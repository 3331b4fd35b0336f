"""relay.client_submission and relay.hve: test sends that sign in first.

Client submission: SMTP AUTH on the cloud's submission endpoint (--smtp first, else what
autodiscover or the cloud's defaults name: mail.common.choose_endpoint), with the run's
password or OAuth token, exactly as smtp.auth signs in (its sign-in step and the
credential-host rules of mail.common.host_refusal), then the test message.

HVE: High Volume Email (smtp-hve.office365.com:587 in the worldwide cloud), signed in
with the HVE account the user named (not the run's mailbox), from that account, to
internal recipients only: an external recipient is refused here, before connecting,
since HVE itself would refuse it.
"""

from __future__ import annotations

from assistant.check import Check, Context
from assistant.checks.autodiscover.settings import RESULT_CHECK
from assistant.checks.mail.common import (
    Endpoint,
    choose_endpoint,
    host_refusal,
    host_refused,
    no_endpoint,
)
from assistant.checks.mail.session import PROTOCOL_ERRORS, Conversation, sign_in_failure
from assistant.checks.oauth_common import AUTH_TOKEN
from assistant.checks.relay import ids
from assistant.checks.relay.message import domain_of, sender_of
from assistant.checks.relay.send import AUTH_TITLE, SignInStep, no_send_reason, run_send
from assistant.checks.smtp import _auth_step, password_mechanism
from assistant.facts import HVE_ENDPOINT, RELAY_LINKS, Cloud
from assistant.model import Remedy, Status, Step
from assistant.net.smtp_client import SmtpConnection
from assistant.relay_plan import HveAccount, RelayMethod
from assistant.settings_names import setting
from assistant.text import msg

SUBMISSION_TITLE = ids.TITLES[ids.CLIENT_SUBMISSION]
HVE_TITLE = ids.TITLES[ids.HVE]
# Where each cloud's HVE endpoint is (facts.HVE_ENDPOINT: Microsoft publishes one for the
# worldwide service only at the time of writing; the others have none).
HVE_HOSTS: dict[Cloud, tuple[str, int]] = {Cloud.WORLDWIDE: HVE_ENDPOINT}


def _skip(check_id: str, title: str, reason: str) -> Step:
    return Step(check_id, title, Status.SKIP, summary=reason)


# -- relay.client_submission ---------------------------------------------------------------


def check_client_submission(ctx: Context) -> Step:
    reason = no_send_reason(ctx, RelayMethod.SUBMISSION)
    if reason is not None:
        return _skip(ids.CLIENT_SUBMISSION, SUBMISSION_TITLE, reason)
    sender = sender_of(ctx)
    if sender is None:
        return _skip(ids.CLIENT_SUBMISSION, SUBMISSION_TITLE, _NO_SENDER)
    ep = choose_endpoint(ctx, "smtp")
    if ep is None:
        return no_endpoint(ids.CLIENT_SUBMISSION, SUBMISSION_TITLE, "smtp")
    # smtp.auth's own sign-in step (password or XOAUTH2, only to hosts the rules allow).
    return run_send(
        ctx,
        ids.CLIENT_SUBMISSION,
        SUBMISSION_TITLE,
        RelayMethod.SUBMISSION,
        ep,
        sender,
        sign_in=_auth_step,
    )


_NO_SENDER = msg("no sender: give {email} to send from", email=setting("email"))


# -- relay.hve -----------------------------------------------------------------------------


def internal_domains(ctx: Context, account: HveAccount) -> tuple[str, ...]:
    """The domains this run counts as the organisation's own: the HVE account's, the
    sender's and the run's (the accepted domains themselves are not known here)."""
    found = [domain_of(account.username), ctx.target.domain]
    sender = sender_of(ctx)
    if sender:
        found.append(domain_of(sender))
    return tuple(dict.fromkeys(d for d in found if d))


def _hve_sign_in(account: HveAccount) -> SignInStep:
    def sign_in(conv: Conversation[SmtpConnection]) -> Step:
        ctx, ep, session = conv.ctx, conv.endpoint, conv.live
        refusal = host_refusal(ctx, ep, "smtp")
        if refusal is not None:
            return host_refused(f"{ids.HVE}.auth", AUTH_TITLE, refusal, ep)
        offered = session.offered_auth()
        mechanism = password_mechanism(offered)
        if mechanism is None:
            return Step(
                f"{ids.HVE}.auth",
                AUTH_TITLE,
                Status.FAIL,
                summary=msg(
                    "the server offers no password sign-in over TLS (it offers {offered})",
                    offered=" ".join(offered) or "-",
                ),
                remedy=Remedy(
                    msg("HVE takes AUTH LOGIN with the HVE account's password after STARTTLS."),
                    RELAY_LINKS["hve"],
                ),
            )
        try:
            code, answer = session.authenticate(mechanism, account.username, account.password)
        except PROTOCOL_ERRORS as exc:
            summary, remedy = sign_in_failure(conv, exc)
            return Step(
                f"{ids.HVE}.auth",
                AUTH_TITLE,
                Status.FAIL,
                summary=msg(
                    "not signed in as {user}: {error}", user=account.username, error=summary
                ),
                remedy=remedy,
            )
        reply = ctx.redactor(f"{code} {' '.join(answer.decode('utf-8', 'replace').split())}")
        return Step(
            f"{ids.HVE}.auth",
            AUTH_TITLE,
            Status.PASS,
            summary=msg(
                "signed in as {user} (AUTH {mechanism}): {server_reply}",
                user=account.username,
                mechanism=mechanism,
                server_reply=reply,
            ),
        )

    return sign_in


def check_hve(ctx: Context) -> Step:
    reason = no_send_reason(ctx, RelayMethod.HVE)
    if reason is not None:
        return _skip(ids.HVE, HVE_TITLE, reason)
    assert ctx.relay is not None and ctx.relay.send_to is not None
    account = ctx.relay.hve
    if account is None:
        return _skip(
            ids.HVE,
            HVE_TITLE,
            msg(
                "no HVE account named: give {account} and {password}",
                account=setting("hve_account"),
                password=setting("hve_password"),
            ),
        )
    where = HVE_HOSTS.get(ctx.target.cloud)
    if where is None:
        return _skip(
            ids.HVE,
            HVE_TITLE,
            msg(
                "{cloud} has no High Volume Email endpoint (Microsoft offers HVE in the "
                "worldwide service only)",
                cloud=ctx.target.environment.display_name,
            ),
        )
    recipient = ctx.relay.send_to
    internal = internal_domains(ctx, account)
    if domain_of(recipient) not in internal:
        return Step(
            ids.HVE,
            HVE_TITLE,
            Status.SKIP,
            summary=msg(
                "not sent: {recipient} is outside the organisation ({domains}), and High "
                "Volume Email delivers to internal recipients only",
                recipient=recipient,
                domains=", ".join(internal),
            ),
            remedy=Remedy(
                msg(
                    "Give an internal recipient as {send_to}; for external mail use SMTP AUTH, "
                    "a connector, or Azure Communication Services.",
                    send_to=setting("send_to"),
                ),
                RELAY_LINKS["hve"],
            ),
        )
    host, port = where
    ep = Endpoint(host, port, "tls", msg("Microsoft's High Volume Email endpoint"), False)
    return run_send(
        ctx,
        ids.HVE,
        HVE_TITLE,
        RelayMethod.HVE,
        ep,
        account.username,
        sign_in=_hve_sign_in(account),
    )


CLIENT_SUBMISSION_CHECK = Check(
    ids.CLIENT_SUBMISSION,
    SUBMISSION_TITLE,
    check_client_submission,
    after=(RESULT_CHECK, AUTH_TOKEN),
    starts_early=True,  # on autodiscover's first usable answer
    explicit_only=True,
    needs_credentials=True,
    oauth_protocol="smtp",
)
HVE_CHECK = Check(ids.HVE, HVE_TITLE, check_hve, explicit_only=True)
