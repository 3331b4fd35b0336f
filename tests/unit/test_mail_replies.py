"""Pure decisions of the mail checks, as tables: what a server's refusal means, which
password mechanism to use, --imap/--pop/--smtp parsing, the dated SMTP AUTH note, and
what a transcript keeps of a secret line."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.checks import imap, pop, smtp
from assistant.checks.mail.replies import explain_reply
from assistant.config import InputError, NetworkOptions
from assistant.mail_endpoints import MailEndpoint, parse_endpoint
from assistant.model import Status
from assistant.net.mailwire import Wire
from assistant.net.redact import MASK, Redactor
from assistant.net.transcript import Transcript

# -- explain_reply ------------------------------------------------------------------------

EXO_TRACE = "[SN4PR0501CA0024.namprd05.prod.outlook.com 2026-11-27T09:00:00.000Z 08DD0E4C]"


@pytest.mark.parametrize(
    ("protocol", "reply", "cloud", "key", "words"),
    [
        (
            "smtp",
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled "
            "for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. "
            + EXO_TRACE,
            True,
            "smtp_auth_disabled_tenant",
            ["Set-TransportConfig", "SMTP AUTH"],
        ),
        (
            "smtp",
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled "
            "for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
            True,
            "smtp_auth_disabled_mailbox",
            ["Set-CASMailbox", "SmtpClientAuthenticationDisabled"],
        ),
        (
            "smtp",
            "535 5.7.139 Authentication unsuccessful, user is locked by your organization's "
            "security defaults policy. Contact your administrator.",
            True,
            "smtp_auth_security_defaults",
            ["Security Defaults", "OAuth"],
        ),
        (
            "smtp",
            "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria "
            "to be authenticated successfully. Contact your administrator.",
            True,
            "smtp_auth_security_defaults",
            ["Conditional Access"],
        ),
        (
            "smtp",
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
            True,
            "smtp_auth_basic_disabled",
            ["OAuth"],
        ),
        (
            "smtp",
            "535 5.7.139 Authentication unsuccessful",
            True,
            "smtp_auth_disabled",
            ["tenant", "mailbox", "Security Defaults"],
        ),
        (
            "smtp",
            "550 5.7.30 Basic authentication is not supported for Client Submission.",
            True,
            "smtp_basic_not_supported",
            ["OAuth"],
        ),
        (
            "smtp",
            "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client "
            "to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.",
            True,
            "smtp_legacy_tls",
            ["TLS 1.2"],
        ),
        (
            "smtp",
            "530 5.7.57 Client not authenticated to send mail. [SN4PR0501CA0024]",
            True,
            "smtp_not_authenticated",
            ["sign in", "587"],
        ),
        (
            "smtp",
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender.",
            True,
            "smtp_send_as_denied",
            ["Send As"],
        ),
        (
            "smtp",
            f"535 5.7.3 Authentication unsuccessful {EXO_TRACE}",
            True,
            "smtp_auth_unsuccessful",
            ["password", "multi-factor"],
        ),
        (
            "smtp",
            "535 5.7.3 Authentication unsuccessful",
            False,
            "smtp_bad_credentials",
            ["receive connector"],
        ),
        (
            "smtp",
            "535 5.7.8 Authentication credentials invalid",
            False,
            "smtp_bad_credentials",
            ["password"],
        ),
        ("smtp", "504 5.7.4 Unrecognized authentication type", True, "smtp_mechanism_refused", []),
        ("smtp", "530 5.7.0 Must issue a STARTTLS command first", False, "smtp_tls_required", []),
        (
            "smtp",
            "454 4.7.0 TLS not available due to local problem",
            False,
            "smtp_tls_unavailable",
            [],
        ),
        ("smtp", "421 4.3.2 Service not available", True, "smtp_service_unavailable", []),
        (
            "imap",
            "A004 NO AUTHENTICATE failed.",
            True,
            "mailbox_auth_failed_cloud",
            ["OAuth", "2022-10-01", "ImapEnabled"],
        ),
        ("imap", "A004 NO LOGIN failed.", True, "mailbox_auth_failed_cloud", []),
        ("imap", "A004 NO AUTHENTICATE failed.", False, "mailbox_auth_failed", ["password"]),
        (
            "imap",
            "A005 NO User is authenticated but not connected.",
            True,
            "imap_not_connected",
            ["FullAccess", "ImapEnabled"],
        ),
        (
            "imap",
            "HCJB3 NO [AUTHENTICATIONFAILED] Authentication failed.",
            True,
            "bad_credentials",
            ["password"],
        ),
        ("imap", "A1 NO [EXPIRED] Password expired", False, "password_expired", []),
        ("imap", "A1 NO [UNAVAILABLE] Backend down", False, "temporarily_unavailable", []),
        (
            "imap",
            "* BAD [PRIVACYREQUIRED] Plaintext authentication disallowed",
            False,
            "tls_required",
            [],
        ),
        (
            "pop",
            "-ERR Logon failure: unknown user name or bad password.",
            True,
            "mailbox_auth_failed_cloud",
            ["PopEnabled"],
        ),
        (
            "pop",
            "-ERR Authentication failure: unknown user name or bad password.",
            False,
            "mailbox_auth_failed",
            [],
        ),
        ("pop", "-ERR [AUTH] Authentication failed.", True, "bad_credentials", []),
        ("pop", "-ERR [IN-USE] Mailbox locked", False, "pop_in_use", []),
        ("pop", "-ERR [SYS/TEMP] Try again", False, "temporarily_unavailable", []),
    ],
)
def test_known_replies_have_a_cause_and_a_remedy(
    protocol: str, reply: str, cloud: bool, key: str, words: list[str]
) -> None:
    meaning = explain_reply(protocol, reply, cloud=cloud)
    assert meaning is not None, reply
    assert meaning.key == key
    assert meaning.cause and meaning.remedy
    for word in words:
        assert word in meaning.remedy + meaning.cause, word


@pytest.mark.parametrize(
    ("protocol", "reply"),
    [
        ("smtp", "250 2.0.0 OK"),
        ("smtp", "5.7.139 without a code is still 5.7.139"),  # enhanced code alone counts
        ("imap", "A1 OK Logged in"),
        ("pop", "+OK Logged in."),
        ("imap", "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready"),
    ],
)
def test_unknown_or_positive_replies(protocol: str, reply: str) -> None:
    meaning = explain_reply(protocol, reply)
    if reply.startswith("5.7.139"):
        assert meaning is not None and meaning.key == "smtp_auth_disabled"
    else:
        assert meaning is None


def test_temporary_refusals_are_warnings_and_the_rest_failures() -> None:
    temporary = explain_reply("smtp", "421 4.3.2 Service not available")
    assert temporary is not None and temporary.status is Status.WARN
    hard = explain_reply("smtp", "550 5.7.30 Basic authentication is not supported")
    assert hard is not None and hard.status is Status.FAIL


def test_a_rule_is_for_its_protocol_only() -> None:
    assert explain_reply("imap", "535 5.7.139 Authentication unsuccessful") is None
    assert explain_reply("smtp", "A1 NO [AUTHENTICATIONFAILED] Authentication failed.") is None


# -- password mechanisms --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capabilities", "expected"),
    [
        (["IMAP4REV1", "AUTH=PLAIN", "AUTH=XOAUTH2"], "PLAIN"),
        (["IMAP4REV1", "AUTH=LOGIN"], "LOGIN"),
        (["IMAP4REV1"], "LOGIN"),
        (["IMAP4REV1", "LOGINDISABLED", "AUTH=XOAUTH2"], None),
        (["IMAP4REV1", "LOGINDISABLED", "AUTH=PLAIN"], "PLAIN"),
    ],
)
def test_imap_password_mechanism(capabilities: list[str], expected: str | None) -> None:
    assert imap.password_mechanism(capabilities) == expected


@pytest.mark.parametrize(
    ("capabilities", "expected"),
    [
        (["TOP", "USER", "SASL PLAIN XOAUTH2"], "USER"),
        (["TOP", "SASL PLAIN LOGIN"], "PLAIN"),
        (["TOP", "SASL XOAUTH2"], None),
        ([], "USER"),  # no CAPA at all: USER/PASS is what RFC 1939 servers take
    ],
)
def test_pop_password_mechanism(capabilities: list[str], expected: str | None) -> None:
    assert pop.password_mechanism(capabilities) == expected


@pytest.mark.parametrize(
    ("offered", "expected"),
    [
        (["LOGIN", "PLAIN"], "PLAIN"),
        (["LOGIN", "XOAUTH2"], "LOGIN"),
        (["XOAUTH2"], None),
        ([], None),
    ],
)
def test_smtp_password_mechanism(offered: list[str], expected: str | None) -> None:
    assert smtp.password_mechanism(offered) == expected


# -- --imap / --pop / --smtp -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("protocol", "text", "expected"),
    [
        ("imap", "outlook.office365.com", MailEndpoint("outlook.office365.com", 993, "ssl")),
        ("imap", "Mail.Contoso.com:143", MailEndpoint("mail.contoso.com", 143, "tls")),
        ("imap", "mail.contoso.com:starttls", MailEndpoint("mail.contoso.com", 143, "tls")),
        ("imap", "mail.contoso.com:1993:ssl", MailEndpoint("mail.contoso.com", 1993, "ssl")),
        ("pop", "mail.contoso.com", MailEndpoint("mail.contoso.com", 995, "ssl")),
        ("pop", "mail.contoso.com:110", MailEndpoint("mail.contoso.com", 110, "tls")),
        ("smtp", "smtp.office365.com", MailEndpoint("smtp.office365.com", 587, "tls")),
        ("smtp", "smtp.office365.com:465", MailEndpoint("smtp.office365.com", 465, "ssl")),
        ("smtp", "relay.contoso.com:25:none", MailEndpoint("relay.contoso.com", 25, "none")),
        ("smtp", "[2001:db8::1]:587:tls", MailEndpoint("2001:db8::1", 587, "tls")),
    ],
)
def test_parse_endpoint(protocol: str, text: str, expected: MailEndpoint) -> None:
    assert parse_endpoint(protocol, text) == expected


@pytest.mark.parametrize(
    "text", ["", ":993", "host:ssl:993", "host:tcp", "host:0", "host:99999", "a b", "h:1:2:3"]
)
def test_parse_endpoint_refuses_with_one_line(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_endpoint("imap", text)
    assert "\n" not in str(caught.value)


def test_network_options_carry_endpoints_and_report_them() -> None:
    options = NetworkOptions(endpoints=(("imap", "mail.contoso.com:143"), ("smtp", "smtp.x.com")))
    assert options.endpoint("imap") == MailEndpoint("mail.contoso.com", 143, "tls")
    assert options.endpoint("pop") is None
    assert options.to_dict()["endpoints"] == {
        "imap": "mail.contoso.com:143:starttls",
        "smtp": "smtp.x.com:587:starttls",
    }
    with pytest.raises(InputError):
        NetworkOptions(endpoints=(("ftp", "x.com"),))
    with pytest.raises(InputError):
        NetworkOptions(endpoints=(("pop", "x.com:nope"),))


# -- the dated note -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "works", "status", "words"),
    [
        (dt.date(2026, 11, 27), True, Status.WARN, ["works today", "in 34 days", "2026-12-31"]),
        (dt.date(2026, 11, 27), False, Status.INFO, ["from the end of December 2026"]),
        (dt.date(2026, 11, 27), None, Status.INFO, ["OAuth keeps working"]),
        (dt.date(2027, 2, 1), True, Status.WARN, ["since the end of December 2026"]),
    ],
)
def test_smtp_auth_deprecation_notice(
    today: dt.date, works: bool | None, status: Status, words: list[str]
) -> None:
    got, summary = smtp.deprecation_notice(today, password_works=works)
    assert got is status
    for word in words:
        assert word in summary


# -- what a transcript keeps of secret lines ------------------------------------------------------


class _Verbatim(Redactor):
    """No redaction at all: proves the Wire's own masking, without the Redactor's help."""

    def __call__(self, text: str) -> str:
        return text


@pytest.mark.parametrize(
    ("keep", "sent", "shown"),
    [
        (2, [b"AUTH PLAIN AGFkbWluAHNlY3JldA==\r\n"], ["AUTH PLAIN " + MASK]),
        (2, [b"AUTH LOGIN YWRtaW4=\r\n", b"c2VjcmV0\r\n"], ["AUTH LOGIN " + MASK, MASK]),
        (
            3,
            [b"A1 AUTHENTICATE PLAIN\r\n", b"AGFkbWluAHNlY3JldA==\r\n"],
            ["A1 AUTHENTICATE PLAIN", MASK],
        ),
        (3, [b'A2 LOGIN admin "secret"\r\n'], ["A2 LOGIN admin " + MASK]),
        (1, [b"PASS sec", b"ret\r\n"], ["PASS " + MASK]),  # split across two writes
    ],
)
def test_secret_lines_are_masked_by_the_wire_itself(
    keep: int, sent: list[bytes], shown: list[str]
) -> None:
    transcript = Transcript("test", _Verbatim())
    wire = Wire(transcript, lambda: 1.0)
    with wire.secret(keep_words=keep):
        for data in sent:
            wire.sent(data)
    wire.sent(b"NOOP\r\n")  # after the block, lines show again
    assert [line.split(" > ", 1)[1] for line in transcript.lines] == [*shown, "NOOP"]


def test_a_silent_server_is_said_to_have_had_the_whole_wait() -> None:
    """The line reader waits in slices (the socket's timeout is the slice left): the
    sentence names the time the reply was given, not the last slice ("0.999994 s")."""
    import socket

    from assistant.net.mailwire import MailIOError

    with socket.create_server(("127.0.0.1", 0)) as listener:
        client = socket.create_connection(listener.getsockname())
        server, _ = listener.accept()
        try:
            wire = Wire(Transcript("smtp", Redactor([])), lambda: 0.3)
            reader = wire.reader(client)
            wire.before_command()
            with pytest.raises(MailIOError) as failed:
                reader.readline()
            assert str(failed.value).endswith("the server sent no reply within 0.3 s")
        finally:
            server.close()
            client.close()


@pytest.mark.parametrize(
    ("today", "host", "status", "words"),
    [
        (dt.date(2026, 6, 30), None, Status.INFO, "stops accepting TLS 1.0 and 1.1 on IMAP"),
        (dt.date(2026, 7, 1), "outlook.office365.com", Status.INFO, "is switching off"),
        (dt.date(2026, 12, 31), None, Status.INFO, "that ends on 2026-12-31"),
        (dt.date(2027, 1, 1), None, Status.INFO, "no longer accepts TLS 1.0 or 1.1 on IMAP"),
        (dt.date(2026, 12, 7), "IMAP-legacy.office365.com.", Status.WARN, "is the endpoint for"),
        (dt.date(2027, 1, 1), "imap-legacy.office365.com", Status.WARN, "is gone"),
    ],
)
def test_the_imap_legacy_tls_notice_follows_the_calendar(
    today: dt.date, host: str | None, status: Status, words: str
) -> None:
    from assistant.checks.mail.retirement import legacy_tls_notice
    from assistant.facts import ENVIRONMENTS, Cloud

    got, summary = legacy_tls_notice(ENVIRONMENTS[Cloud.WORLDWIDE], "imap", host, today)
    assert (got, words in summary) == (status, True), summary
    assert "imap-legacy.office365.com" in summary


def test_the_legacy_tls_notice_knows_each_cloud() -> None:
    from assistant.checks.mail.retirement import legacy_tls_notice
    from assistant.facts import ENVIRONMENTS, Cloud

    today = dt.date(2026, 12, 7)
    china = legacy_tls_notice(
        ENVIRONMENTS[Cloud.CHINA], "pop", "pop-legacy.partner.outlook.cn", today
    )
    assert china[0] is Status.WARN and "pop-legacy.partner.outlook.cn" in china[1]
    for cloud in (Cloud.GCC_HIGH, Cloud.DOD):  # never had legacy endpoints
        status, summary = legacy_tls_notice(ENVIRONMENTS[cloud], "pop", None, today)
        assert status is Status.INFO and "never accepted TLS 1.0 or 1.1" in summary
    assert legacy_tls_notice(ENVIRONMENTS[Cloud.ONPREM], "imap", None, today)[0] is Status.SKIP
