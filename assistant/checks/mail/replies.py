"""What IMAP, POP and SMTP servers' refusals mean, and what to change: a pure table.

Exchange Online's replies first (the enhanced status codes and texts it sends, which
support articles quote), then the standard response codes other servers use (RFC 5530
for IMAP, RFC 2449/3206 for POP, RFC 3463 for SMTP). `explain_reply` takes the server's
line as received and returns the first rule that matches, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.facts import (
    LEGACY_TLS_RETIRED,
    MAIL_BASIC_AUTH_RETIRED,
    MAIL_LINKS,
    SMTP_AUTH_BASIC_OFF_BY_DEFAULT,
)
from assistant.model import Status
from assistant.text import N_, Arg, msg, placeholders


@dataclass(frozen=True)
class ReplyMeaning:
    """A rule's meaning. The table holds templates (`N_`); `cause` and `remedy` are the
    texts made from them, translatable (assistant/text.py)."""

    key: str  # stable name of the rule, for tests and support
    cause_template: str  # what happened, in plain words
    remedy_template: str  # what to change, and where
    link: str | None = None
    status: Status = Status.FAIL

    @property
    def cause(self) -> str:
        return _say(self.cause_template)

    @property
    def remedy(self) -> str:
        return _say(self.remedy_template)


@dataclass(frozen=True)
class _Rule:
    protocols: frozenset[str]  # "imap", "pop", "smtp"
    pattern: re.Pattern[str]
    meaning: ReplyMeaning
    cloud: bool | None = None  # None: any; True/False: only for Exchange Online / not


def _rule(
    protocols: str, pattern: str, meaning: ReplyMeaning, *, cloud: bool | None = None
) -> _Rule:
    return _Rule(frozenset(protocols.split()), re.compile(pattern, re.I), meaning, cloud)


# Phrases several rules share, filled into their templates by placeholder name.
_OAUTH = N_(
    "move the application or device to OAuth 2.0 (XOAUTH2) with an app registration in "
    "Microsoft Entra ID"
)
_SMTP_AUTH_NOTE = N_(
    "Plan for OAuth anyway: Basic authentication for SMTP AUTH is off by default for "
    "existing tenants from the end of December 2026 ({date})."
)
_IMAP_POP_ACCESS = N_(
    "check that the protocol is on for the mailbox (Get-CASMailbox <user> | Format-List "
    "ImapEnabled,PopEnabled; Set-CASMailbox <user> -ImapEnabled $true / -PopEnabled $true)"
)
_PARTS: dict[str, Callable[[], Arg]] = {
    "oauth": lambda: msg(_OAUTH),
    "smtp_auth_note": lambda: msg(_SMTP_AUTH_NOTE, date=SMTP_AUTH_BASIC_OFF_BY_DEFAULT),
    "protocol_access": lambda: msg(_IMAP_POP_ACCESS),
    "legacy_tls_retired": lambda: LEGACY_TLS_RETIRED,
    "basic_auth_retired": lambda: MAIL_BASIC_AUTH_RETIRED,
}


def _say(template: str) -> str:
    """A table template as text, with the shared phrases and dates it names."""
    return msg(template, **{name: _PARTS[name]() for name in placeholders(template)})


_RULES: tuple[_Rule, ...] = (
    # -- SMTP: Exchange Online ------------------------------------------------------------
    _rule(
        "smtp",
        r"5\.7\.139.*disabled for the tenant",
        ReplyMeaning(
            "smtp_auth_disabled_tenant",
            N_(
                "SMTP AUTH (authenticated client submission) is turned off for the whole "
                "organisation"
            ),
            N_(
                "In the Exchange admin center, Settings > Mail flow, clear 'Turn off SMTP AUTH "
                "protocol for your organization' (Set-TransportConfig "
                "-SmtpClientAuthenticationDisabled $false), or better, leave it off and turn it "
                "on only for the mailboxes that need it (Set-CASMailbox <mailbox> "
                "-SmtpClientAuthenticationDisabled $false). {smtp_auth_note}"
            ),
            MAIL_LINKS["smtp_auth"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.139.*disabled for the mailbox",
        ReplyMeaning(
            "smtp_auth_disabled_mailbox",
            N_("SMTP AUTH (authenticated client submission) is turned off for this mailbox"),
            N_(
                "Turn on Authenticated SMTP for the mailbox: Microsoft 365 admin center > Users > "
                "the user > Mail > Manage email apps, or Set-CASMailbox <mailbox> "
                "-SmtpClientAuthenticationDisabled $false. {smtp_auth_note}"
            ),
            MAIL_LINKS["smtp_auth"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.139.*(security defaults|did not meet the criteria|conditional access)",
        ReplyMeaning(
            "smtp_auth_security_defaults",
            N_(
                "Microsoft Entra Security Defaults (or a Conditional Access policy) blocks "
                "sign-in with a password over SMTP AUTH for this account"
            ),
            N_(
                "Security Defaults block legacy authentication, SMTP AUTH with a password "
                "included, for every account: {oauth}. Only if that is impossible, turn off "
                "Security Defaults (Entra admin center > Overview > Properties > Manage security "
                "defaults) and protect sign-ins with Conditional Access instead, excluding only "
                "this account from the legacy-authentication block."
            ),
            MAIL_LINKS["security_defaults"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.139.*basic auth",
        ReplyMeaning(
            "smtp_auth_basic_disabled",
            N_("Basic authentication (a password) for SMTP AUTH is turned off in this tenant"),
            N_(
                "Password sign-in for SMTP AUTH is off: {oauth}, or send through a connector "
                "or another service (Azure Communication Services, High Volume Email)."
            ),
            MAIL_LINKS["smtp_auth_retirement"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.139",
        ReplyMeaning(
            "smtp_auth_disabled",
            N_(
                "Exchange Online refused SMTP AUTH: it is turned off for the tenant or for the "
                "mailbox, or Security Defaults block password sign-in"
            ),
            N_(
                "Check, in this order: the tenant setting (Get-TransportConfig | Format-List "
                "SmtpClientAuthenticationDisabled), the mailbox setting (Get-CASMailbox "
                "<mailbox> | Format-List SmtpClientAuthenticationDisabled), and Security "
                "Defaults in Microsoft Entra ID, which block SMTP AUTH with a password. "
                "{smtp_auth_note}"
            ),
            MAIL_LINKS["smtp_auth"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.30\b",
        ReplyMeaning(
            "smtp_basic_not_supported",
            N_("Basic authentication is not supported for client submission in this tenant"),
            N_(
                "Password sign-in over SMTP AUTH is no longer accepted here: {oauth}, or use a "
                "connector or another sending service for devices that cannot do OAuth."
            ),
            MAIL_LINKS["smtp_auth_retirement"],
        ),
    ),
    _rule(
        "smtp",
        r"4\.7\.66\b",
        ReplyMeaning(
            "smtp_legacy_tls",
            N_(
                "the client negotiated TLS 1.0 or 1.1, which Exchange Online no longer accepts "
                "(deprecated since {legacy_tls_retired})"
            ),
            N_(
                "Enable TLS 1.2 on the client: update the device firmware or application; on "
                "Windows/.NET turn on strong cryptography (SchUseStrongCrypto) and TLS 1.2. A "
                "device that cannot do TLS 1.2 must send through a local relay."
            ),
            MAIL_LINKS["legacy_tls"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.57\b",
        ReplyMeaning(
            "smtp_not_authenticated",
            N_("the client tried to send without signing in (SMTP AUTH) first"),
            N_(
                "Configure the device or application to sign in (user name and password, or "
                "OAuth) on smtp.office365.com port 587 with STARTTLS; a device that cannot sign "
                "in must use direct send or a connector instead."
            ),
            MAIL_LINKS["devices"],
        ),
    ),
    _rule(
        "smtp",
        r"5\.7\.60\b",
        ReplyMeaning(
            "smtp_send_as_denied",
            N_("the signed-in account may not send as the From address"),
            N_(
                "Use the signed-in mailbox's own address as From, or grant it Send As on the "
                "address it sends from (Add-RecipientPermission <from> -AccessRights SendAs "
                "-Trustee <signed-in user>)."
            ),
            MAIL_LINKS["send_as"],
        ),
    ),
    _rule(
        "smtp",
        r"^535\b.*5\.7\.3\b",
        ReplyMeaning(
            "smtp_auth_unsuccessful",
            N_("the user name or password was not accepted"),
            N_(
                "Check the user name (the full address) and password. In Exchange Online an "
                "account with multi-factor authentication or a blocked sign-in cannot use a "
                "password here either: {oauth}."
            ),
            MAIL_LINKS["smtp_auth"],
        ),
        cloud=True,
    ),
    # -- SMTP: standard codes ---------------------------------------------------------------
    _rule(
        "smtp",
        r"^535\b",
        ReplyMeaning(
            "smtp_bad_credentials",
            N_("the user name or password was not accepted"),
            N_(
                "Check the user name and password, and that the account may sign in to this "
                "server (for Exchange Server: the Client Frontend receive connector's "
                "authentication settings)."
            ),
        ),
    ),
    _rule(
        "smtp",
        r"^504\b|5\.7\.4\b",
        ReplyMeaning(
            "smtp_mechanism_refused",
            N_("the server refused this sign-in method on this connection"),
            N_(
                "Use a method the server offers in its EHLO AUTH line; if it offers none, SMTP "
                "AUTH is not available on this endpoint."
            ),
        ),
    ),
    _rule(
        "smtp",
        r"^530\b.*starttls|^538\b|5\.7\.11\b",
        ReplyMeaning(
            "smtp_tls_required",
            N_("the server requires STARTTLS before this command"),
            N_("Turn on STARTTLS (often called TLS, not SSL) in the client on port 587."),
        ),
    ),
    _rule(
        "smtp",
        r"^454\b",
        ReplyMeaning(
            "smtp_tls_unavailable",
            N_("the server could not start TLS"),
            N_(
                "The server's certificate or TLS configuration is broken; on Exchange Server "
                "check the certificate bound to SMTP (Get-ExchangeCertificate)."
            ),
        ),
    ),
    _rule(
        "smtp",
        r"^421\b",
        ReplyMeaning(
            "smtp_service_unavailable",
            N_("the server is not taking connections now (421)"),
            N_(
                "Try again later; if it persists, the server is overloaded, throttling this "
                "address or shutting down."
            ),
            status=Status.WARN,
        ),
    ),
    # -- IMAP: Exchange Online ----------------------------------------------------------
    _rule(
        "imap",
        r"user is authenticated but not connected",
        ReplyMeaning(
            "imap_not_connected",
            N_("the sign-in worked but the mailbox could not be opened"),
            N_(
                "Check that the account has an Exchange Online mailbox and {protocol_access}; "
                "with OAuth client credentials the app's service principal also needs FullAccess "
                "on the mailbox (Add-MailboxPermission)."
            ),
            MAIL_LINKS["imap_pop_access"],
        ),
    ),
    _rule(
        "imap pop",
        r"AUTHENTICATE failed|LOGIN failed|Logon failure|Authentication failure",
        ReplyMeaning(
            "mailbox_auth_failed_cloud",
            N_(
                "Exchange Online refused the sign-in: it no longer accepts passwords for IMAP "
                "and POP (Basic authentication was turned off on {basic_auth_retired}), "
                "or the protocol is off for the mailbox"
            ),
            N_(
                "Move the application or device to OAuth 2.0 (XOAUTH2) with an app registration "
                "in Microsoft Entra ID, and {protocol_access}."
            ),
            MAIL_LINKS["oauth"],
        ),
        cloud=True,
    ),
    _rule(
        "imap pop",
        r"AUTHENTICATE failed|LOGIN failed|Logon failure|Authentication failure",
        ReplyMeaning(
            "mailbox_auth_failed",
            N_("the user name or password was not accepted"),
            N_(
                "Check the user name (Exchange wants the full address or DOMAIN\\user) and "
                "password, and {protocol_access}."
            ),
            MAIL_LINKS["imap_pop_access"],
        ),
        cloud=False,
    ),
    # -- IMAP (RFC 5530) and POP (RFC 2449, 3206) response codes ----------------------------
    _rule(
        "imap pop",
        r"\[PRIVACYREQUIRED\]|plaintext authentication disallowed",
        ReplyMeaning(
            "tls_required",
            N_("the server refuses sign-in without TLS"),
            N_("Use implicit TLS (993 for IMAP, 995 for POP) or STARTTLS."),
        ),
    ),
    _rule(
        "imap",
        r"\[EXPIRED\]",
        ReplyMeaning(
            "password_expired",
            N_("the password has expired"),
            N_("Change the password (sign in to the web portal once), then try again."),
        ),
    ),
    _rule(
        "imap pop",
        r"\[UNAVAILABLE\]|\[SYS/TEMP\]",
        ReplyMeaning(
            "temporarily_unavailable",
            N_("the server could not complete the sign-in for now (a back end is unavailable)"),
            N_(
                "Try again later; if it persists, the mailbox server behind this front end is down."
            ),
            status=Status.WARN,
        ),
    ),
    _rule(
        "pop",
        r"\[IN-USE\]",
        ReplyMeaning(
            "pop_in_use",
            N_("another POP session holds the mailbox"),
            N_("Close the other POP client (or wait for its session to time out)."),
            status=Status.WARN,
        ),
    ),
    _rule(
        "imap",
        r"\[AUTHORIZATIONFAILED\]",
        ReplyMeaning(
            "authorization_failed",
            N_("the account signed in but may not act as the requested user"),
            N_("Check the mailbox permissions of the signing-in account."),
        ),
    ),
    _rule(
        "imap pop",
        r"\[AUTHENTICATIONFAILED\]|\[AUTH\]|authentication failed",
        ReplyMeaning(
            "bad_credentials",
            N_("the user name or password was not accepted"),
            N_("Check the user name (often the full address) and password, and {protocol_access}."),
        ),
    ),
)


def explain_reply(protocol: str, reply: str, *, cloud: bool = False) -> ReplyMeaning | None:
    """The meaning of a server's refusal, or None when the table does not know it.

    `cloud`: the server is Exchange Online (some texts mean more there)."""
    text = _strip_tag(protocol, reply.strip())
    for rule in _RULES:
        if protocol not in rule.protocols:
            continue
        if rule.cloud is not None and rule.cloud != cloud:
            continue
        if rule.pattern.search(text):
            return rule.meaning
    return None


def _strip_tag(protocol: str, line: str) -> str:
    """'A001 NO ...' -> 'NO ...' for IMAP, so patterns can anchor on what follows."""
    if protocol == "imap":
        tag, _, rest = line.partition(" ")
        if rest and tag != "*":
            return rest
    return line
