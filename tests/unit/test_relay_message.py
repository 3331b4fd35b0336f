"""The relay test message, the MX choice, the EHLO public IP and the relay reply table:
pure functions, no network."""

from __future__ import annotations

import email
import email.policy
import time

import pytest

from assistant.checks.relay.message import TAG_HEADER, build_message, message_tag
from assistant.checks.relay.mx import is_exchange_online_mx, lowest_mx
from assistant.checks.relay.port25 import public_ip_from_ehlo
from assistant.checks.relay.replies import explain_relay
from assistant.facts import Cloud
from assistant.relay_plan import RelayMethod, RelayPlan

PLAN = RelayPlan(send_to="user@contoso.test", tag="CA-0123456789AB")


def parsed(data: bytes) -> email.message.EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.SMTP)
    assert isinstance(message, email.message.EmailMessage)
    return message


def test_message_is_labelled_tagged_and_addressed_exactly() -> None:
    made = build_message(PLAN, RelayMethod.DIRECT, "admin@contoso.test", now=1_800_000_000)
    assert made.tag == "CA-0123456789AB-direct" == message_tag(PLAN, RelayMethod.DIRECT)
    message = parsed(made.data)
    assert message["Subject"] == (
        "[Connectivity Assistant test CA-0123456789AB-direct] Relay test via Direct Send"
    )
    assert message[TAG_HEADER] == "CA-0123456789AB-direct"
    assert message["From"] == "admin@contoso.test"
    assert message["To"] == "user@contoso.test"
    assert message.get_all("To") == ["user@contoso.test"]
    assert message["Cc"] is None and message["Bcc"] is None
    assert message["Message-ID"] == made.message_id
    assert made.message_id.endswith("@contoso.test>")
    assert "CA-0123456789AB-direct" in made.message_id
    assert email.utils.parsedate_to_datetime(message["Date"]).timestamp() == 1_800_000_000
    body = message.get_content()
    assert "test message from Connectivity Assistant" in body
    assert "You can delete it." in body
    assert "CA-0123456789AB-direct" in body


def test_message_uses_crlf_only() -> None:
    data = build_message(PLAN, RelayMethod.SUBMISSION, "admin@contoso.test").data
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")


def test_each_method_has_its_own_tag() -> None:
    tags = {build_message(PLAN, m, "admin@contoso.test").tag for m in RelayMethod}
    assert tags == {f"CA-0123456789AB-{m.value}" for m in RelayMethod}


def test_no_message_without_a_recipient() -> None:
    with pytest.raises(ValueError):
        build_message(RelayPlan(), RelayMethod.DIRECT, "admin@contoso.test")


def test_message_date_defaults_to_now() -> None:
    before = time.time()
    message = parsed(build_message(PLAN, RelayMethod.HVE, "hve@contoso.test").data)
    sent = email.utils.parsedate_to_datetime(message["Date"]).timestamp()
    assert before - 1 <= sent <= time.time() + 1


@pytest.mark.parametrize(
    ("values", "host"),
    [
        (
            ["10 contoso-test.mail.protection.outlook.com."],
            "contoso-test.mail.protection.outlook.com",
        ),
        (["20 b.example.", "5 A.Example.", "5 c.example."], "a.example"),
        (["0 ."], None),  # null MX, RFC 7505
        ([], None),
        (["nonsense", "10", "x y z", "-1 bad.example.", "999999 big.example."], None),
        (["junk", "30 ok.example."], "ok.example"),
    ],
)
def test_lowest_mx(values: list[str], host: str | None) -> None:
    assert lowest_mx(values) == host


def test_exchange_online_mx_forms() -> None:
    assert is_exchange_online_mx("contoso-com.mail.protection.outlook.com", Cloud.WORLDWIDE)
    assert is_exchange_online_mx("contoso-com.r-v1.mx.microsoft", Cloud.WORLDWIDE)
    assert not is_exchange_online_mx("mx1.mimecast.com", Cloud.WORLDWIDE)
    assert is_exchange_online_mx("contoso.mail.protection.office365.us", Cloud.GCC_HIGH)


@pytest.mark.parametrize(
    ("line", "ip"),
    [
        ("250-contoso.r-v1.mx.microsoft Hello [203.0.113.5]", "203.0.113.5"),
        ("contoso.mail.protection.outlook.com Hello [2001:db8::1]", "2001:db8::1"),
        ("mx.example Hello [999.1.1.1]", None),
        ("mx.example Hello there", None),
        ("mx.example Hello [" + "1" * 100_000 + "]", None),
        ("x" * 1_000_000 + " Hello [203.0.113.5]", None),  # only the line's start is read
    ],
)
def test_public_ip_from_ehlo(line: str, ip: str | None) -> None:
    assert public_ip_from_ehlo(line) == ip


@pytest.mark.parametrize(
    ("reply", "key"),
    [
        (
            "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this "
            "organization from unauthorized sources",
            "relay_reject_direct_send",
        ),
        ("550 5.7.64 TenantAttribution; Relay Access Denied", "relay_tenant_attribution"),
        ("451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35", "relay_wrong_region"),
        ("550 5.7.606 Access denied, banned sending IP [127.0.0.1]", "relay_banned_ip"),
        ("550 5.7.649 Access denied", "relay_banned_ip"),
        ("550 5.7.708 Access denied, traffic not accepted from this IP", "relay_ip_not_accepted"),
        (
            "451 4.7.500 Server busy. Please try again later from [127.0.0.1]. (AS761)",
            "relay_throttled",
        ),
        (
            "451 4.7.650 The mail server [1.2.3.4] has been temporarily rate limited",
            "relay_throttled",
        ),
        (
            "550 5.4.1 Recipient address rejected: Access denied. AS(201806281)",
            "relay_recipient_rejected",
        ),
        ("550 5.7.1 HVE accounts can only send to internal recipients", "relay_hve_external"),
        # shared with client submission: mail/replies.py
        ("421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update", "smtp_legacy_tls"),
        ("530 5.7.57 Client not authenticated to send mail", "smtp_not_authenticated"),
        (
            "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
            "smtp_send_as_denied",
        ),
        (
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled "
            "for the Tenant",
            "smtp_auth_disabled_tenant",
        ),
        ("535 5.7.3 Authentication unsuccessful", "smtp_auth_unsuccessful"),
    ],
)
def test_relay_replies(reply: str, key: str) -> None:
    meaning = explain_relay(reply)
    assert meaning is not None, reply
    assert meaning.key == key
    assert meaning.cause and meaning.remedy


def test_unknown_and_neighbouring_codes_are_not_misread() -> None:
    assert explain_relay("250 2.6.0 Queued mail for delivery") is None
    assert explain_relay("550 5.7.650 something else") is None  # beyond the banned range
    assert explain_relay("550 5.7.605 something else") is None
    meaning = explain_relay("550 5.7.60 SendAs denied")
    assert meaning is not None and meaning.key == "smtp_send_as_denied"


def test_reply_table_reads_only_the_start_of_a_hostile_reply() -> None:
    assert explain_relay("550 " + "x" * 2_000_000 + " 5.7.64 TenantAttribution") is None
