"""The lab's Exchange Online Protection (lab/eop.py) and High Volume Email, over real
sockets with smtplib as the device: each relay scenario's behaviour and reply codes."""

from __future__ import annotations

import imaplib
import smtplib
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Iterator, Sequence

import pytest

from assistant.lab.cli import run_lab
from assistant.lab.delivery import EXTERNAL_MAILBOX
from assistant.lab.dovecot import JUNK_FOLDER
from assistant.lab.eop import EopListener, LabEop
from assistant.lab.eop_verdict import spf_result
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.mail import MAILBOX_HOST
from assistant.lab.pki import LabPKI
from assistant.lab.relay_scenarios import (
    HVE_ACCOUNT,
    HVE_HOST,
    HVE_PASSWORD,
    RELAY_SCENARIOS,
    SPF_MICROSOFT_ONLY,
    SPF_WITH_LAB_IP,
)
from assistant.lab.tenant import MX_CERT_NAMES, Lab
from assistant.lab.zones import MICROSOFT_SPF, mx_host

pytestmark = pytest.mark.lab

EXTERNAL = EXTERNAL_MAILBOX
ARRIVAL_DEADLINE = 10.0  # the lab delivers in milliseconds
DEVICE = "scanner.contoso.test"


class _Device(smtplib.SMTP):
    """smtplib dialling the lab port, verifying TLS against the name it meant to reach."""

    def __init__(self, server_name: str, port: int) -> None:
        super().__init__("127.0.0.1", port, local_hostname=DEVICE, timeout=5)
        self._host = server_name  # what starttls() verifies the certificate against


def _dial(lab: Lab, host: str, port: int = 25) -> _Device:
    route = lab.network_options().route(host, port)
    return _Device(host, route.port)


def _tls(lab: Lab, cert: str | None = None) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    if cert is not None:
        context.load_cert_chain(cert)
    return context


def _message(sender: str, to: str, tag: str) -> bytes:
    return (
        f"From: <{sender}>\r\nTo: <{to}>\r\nSubject: lab relay test {tag}\r\n"
        f"X-Lab-Tag: {tag}\r\n\r\nA test.\r\n"
    ).encode()


def _send(
    lab: Lab, domain: str, sender: str, to: str, *, cert: str | None = None
) -> tuple[int, bytes, str]:
    """STARTTLS, MAIL, RCPT, DATA; returns the first refusal or the DATA reply, and the tag."""
    tag = uuid.uuid4().hex
    with _dial(lab, mx_host(domain)) as smtp:
        smtp.ehlo()
        smtp.starttls(context=_tls(lab, cert))
        smtp.ehlo()
        for code, text in (smtp.mail(sender), smtp.rcpt(to)):
            if code >= 400:
                return code, text, tag
        code, text = smtp.data(_message(sender, to, tag))
        return code, text, tag


def _accepted(lab: Lab, scenario: str, tag: str) -> bytes:
    found = [d for _, _, d in lab.eop.listeners[scenario].accepted if tag.encode() in d]
    assert len(found) == 1
    return found[0]


def test_greets_and_answers_ehlo_as_exchange_online_with_the_client_ip(lab: Lab) -> None:
    with _dial(lab, mx_host("contoso.test")) as smtp:
        code, greeting = smtp.ehlo()
        assert code == 250
        assert greeting.startswith(b"contoso-test.r-v1.mx.microsoft Hello [127.0.0.1]")
        assert smtp.has_extn("starttls") and smtp.has_extn("size")
        assert not smtp.has_extn("auth")
        assert smtp.does_esmtp
    with socket.create_connection(("127.0.0.1", _dial_port(lab, "contoso.test")), 5) as raw:
        banner = raw.recv(512)
    assert banner.startswith(b"220 contoso-test.r-v1.mx.microsoft Microsoft ESMTP MAIL Service")
    assert b"ready at " in banner


def _dial_port(lab: Lab, domain: str) -> int:
    return lab.network_options().route(mx_host(domain), 25).port


def test_direct_send_to_an_internal_mailbox_is_accepted_with_eop_headers(lab: Lab) -> None:
    code, reply, tag = _send(lab, "contoso.test", "admin@contoso.test", "user@contoso.test")
    assert code == 250 and b"Queued mail for delivery" in reply
    data = _accepted(lab, "healthy", tag)
    head = data.split(b"\r\n\r\n", 1)[0].decode()
    assert head.startswith("Authentication-Results: spf=pass (sender IP is 127.0.0.1)")
    assert "compauth=pass reason=100" in head and "dmarc=pass action=none" in head
    assert f"Received: from {DEVICE} ([127.0.0.1]) by contoso-test.r-v1.mx.microsoft" in head
    assert "with Microsoft SMTP Server (version=TLS1_" in head
    assert head.index("Authentication-Results") < head.index("Received:")


def test_external_recipients_need_a_connector(lab: Lab) -> None:
    for domain in ("contoso.test", "relay-denied.test"):
        code, reply, _ = _send(lab, domain, f"admin@{domain}", EXTERNAL)
        assert (code, reply[:40]) == (550, b"5.7.64 TenantAttribution; Relay Access D")


def test_the_connector_certificate_allows_external_recipients(lab: Lab) -> None:
    code, _, tag = _send(
        lab, "contoso.test", "admin@contoso.test", EXTERNAL, cert=lab.relay_client_cert
    )
    assert code == 250
    assert _accepted(lab, "healthy", tag)
    code, reply, _ = _send(
        lab, "contoso.test", "admin@contoso.test", EXTERNAL, cert=lab.relay_wrong_client_cert
    )
    assert code == 550 and reply.startswith(b"5.7.64 TenantAttribution")


def test_the_ip_connector_allows_external_recipients(lab: Lab) -> None:
    code, _, tag = _send(lab, "relay-ip.test", "admin@relay-ip.test", EXTERNAL)
    assert code == 250
    assert b"spf=pass" in _accepted(lab, "relay-ip", tag)


def test_reject_direct_send_refuses_anonymous_mail_from_an_accepted_domain(lab: Lab) -> None:
    domain = "relay-reject-direct.test"
    code, reply, _ = _send(lab, domain, f"admin@{domain}", f"admin@{domain}")
    assert code == 550 and reply.startswith(b"5.7.68 TenantInboundAttribution")
    # Mail from outside the tenant is ordinary inbound mail, not Direct Send.
    code, _, _ = _send(lab, domain, "someone@example.net", f"admin@{domain}")
    assert code == 250


def test_an_unknown_internal_mailbox_is_refused(lab: Lab) -> None:
    code, reply, _ = _send(lab, "contoso.test", "admin@contoso.test", "nobody@contoso.test")
    assert code == 550 and reply.startswith(b"5.4.1 Recipient address rejected")


def test_spf_failure_is_recorded_and_compauth_fails(lab: Lab) -> None:
    domain = "relay-junk.test"
    code, _, tag = _send(lab, domain, f"admin@{domain}", f"admin@{domain}")
    assert code == 250
    data = _accepted(lab, "relay-junk", tag)
    assert b"spf=fail (sender IP is 127.0.0.1)" in data
    assert b"compauth=fail reason=000" in data


@pytest.mark.parametrize(
    ("scenario", "code", "status"),
    [
        ("relay-wrong-region", 451, b"4.4.62 Mail sent to the wrong Office 365 region"),
        ("relay-banned", 550, b"5.7.606 Access denied, banned sending IP [127.0.0.1]"),
        ("relay-blocked-sender", 550, b"5.7.708 Service unavailable. Access denied"),
        ("relay-throttled", 451, b"4.7.500 Server busy. Please try again later from [127.0.0.1]"),
    ],
)
def test_error_scenarios_answer_their_reply_code(
    lab: Lab, scenario: str, code: int, status: bytes
) -> None:
    domain = RELAY_SCENARIOS[scenario].domain()
    got, reply, _ = _send(lab, domain, f"admin@{domain}", f"admin@{domain}")
    assert (got, reply[: len(status)]) == (code, status)


def test_no_starttls_is_offered_where_the_scenario_says_so(lab: Lab) -> None:
    with _dial(lab, mx_host("relay-no-starttls.test")) as smtp:
        smtp.ehlo()
        assert not smtp.has_extn("starttls")
        assert smtp.has_extn("8bitmime")


def test_tls_10_only_and_a_wrong_certificate_fail_the_handshake(lab: Lab) -> None:
    with _dial(lab, mx_host("relay-tls-old.test")) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("starttls")
        with pytest.raises(ssl.SSLError):
            smtp.starttls(context=_tls(lab))
    with _dial(lab, mx_host("relay-wrong-cert.test")) as smtp:
        smtp.ehlo()
        with pytest.raises(ssl.SSLCertVerificationError, match="match"):
            smtp.starttls(context=_tls(lab))


def test_port_25_closed_and_black_holed(lab: Lab) -> None:
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", _dial_port(lab, "relay-port25-closed.test")), 5)
    with socket.create_connection(
        ("127.0.0.1", _dial_port(lab, "relay-port25-silent.test")), 5
    ) as raw:
        raw.settimeout(0.3)
        with pytest.raises(TimeoutError):
            raw.recv(1)


def test_the_healthy_mx_still_serves_the_certificate_dane_describes(lab: Lab) -> None:
    with _dial(lab, mx_host("dane-mismatch.test")) as smtp:
        smtp.ehlo()
        smtp.starttls(context=_tls(lab))
        der = smtp.sock.getpeercert(binary_form=True)
    assert ssl.DER_cert_to_PEM_cert(der).encode().strip() == (
        lab.pki.server_cert_pem(MX_CERT_NAMES).strip()
    )


def _delivered(lab: Lab, scenario: str, tag: str) -> None:
    listener = lab.eop.listeners[scenario]
    deadline = time.monotonic() + ARRIVAL_DEADLINE
    while not any(tag.encode() in d for d in listener.delivered):
        assert not listener.delivery_errors, listener.delivery_errors
        assert time.monotonic() < deadline, "the EOP never handed the message on"
        time.sleep(0.02)


def _in_folder(lab: Lab, user: str, folder: str, tag: str) -> bytes:
    """The message with this tag in the user's folder, read over IMAP from Dovecot."""
    route = lab.mail.route(MAILBOX_HOST, 993)
    assert route is not None
    context = _tls(lab)
    context.check_hostname = False  # dialled by IP; the certificate is still verified
    with imaplib.IMAP4_SSL(route.host, route.port, ssl_context=context, timeout=5) as imap:
        imap.login(user, lab.mail.users.get(user, LAB_PASSWORD))
        imap.select(folder, readonly=True)
        _, found = imap.search(None, "HEADER", "X-Lab-Tag", tag)
        numbers = found[0].split()
        assert len(numbers) == 1, (folder, found)
        _, parts = imap.fetch(numbers[0].decode(), "(BODY.PEEK[HEADER])")
    first = parts[0]
    assert isinstance(first, tuple)
    return bytes(first[1])


def test_accepted_mail_arrives_in_the_mailbox_and_spf_failures_in_junk(lab: Lab) -> None:
    code, _, tag = _send(lab, "contoso.test", "admin@contoso.test", "user@contoso.test")
    assert code == 250
    _delivered(lab, "healthy", tag)
    head = _in_folder(lab, "user@contoso.test", "INBOX", tag)
    assert b"compauth=pass" in head and b"by contoso-test.r-v1.mx.microsoft" in head
    domain = "relay-junk.test"
    code, _, tag = _send(lab, domain, f"admin@{domain}", f"admin@{domain}")
    assert code == 250
    _delivered(lab, "relay-junk", tag)
    assert b"compauth=fail" in _in_folder(lab, f"admin@{domain}", JUNK_FOLDER, tag)


def test_connector_relay_reaches_the_external_mailbox(lab: Lab) -> None:
    code, _, tag = _send(lab, "relay-ip.test", "admin@relay-ip.test", EXTERNAL)
    assert code == 250
    _delivered(lab, "relay-ip", tag)
    assert b"spf=pass" in _in_folder(lab, EXTERNAL, "INBOX", tag)


# -- High Volume Email ------------------------------------------------------------------


def _hve(lab: Lab, user: str, password: str) -> _Device:
    smtp = _dial(lab, HVE_HOST, 587)
    smtp.ehlo()
    smtp.starttls(context=_tls(lab))
    smtp.ehlo()
    try:
        smtp.login(user, password)
    except smtplib.SMTPAuthenticationError:
        smtp.close()
        raise
    return smtp


def test_hve_sends_to_internal_recipients_only(lab: Lab) -> None:
    before = len(lab.eop.auth_attempts)
    tag = uuid.uuid4().hex
    with _hve(lab, HVE_ACCOUNT, HVE_PASSWORD) as smtp:
        refused = smtp.rcpt(EXTERNAL) if smtp.mail(HVE_ACCOUNT)[0] == 250 else None
        assert refused is not None and refused[0] == 550
        assert b"5.7.1" in refused[1] and b"inside the organization" in refused[1]
        smtp.rset()
        smtp.sendmail(HVE_ACCOUNT, ["user@contoso.test"], _message(HVE_ACCOUNT, "user", tag))
    data = _accepted(lab, "hve", tag)
    assert b"by BL0PR02CA0093.outlook.office365.com" in data
    attempt = lab.eop.auth_attempts[before]
    assert (attempt.user, attempt.accepted, attempt.over_tls) == (HVE_ACCOUNT, True, True)
    assert HVE_PASSWORD not in repr(lab.eop.auth_attempts)


def test_hve_refuses_a_wrong_password_and_unauthenticated_mail(lab: Lab) -> None:
    with pytest.raises(smtplib.SMTPAuthenticationError) as refused:
        _hve(lab, HVE_ACCOUNT, "not-the-password")
    assert refused.value.smtp_code == 535 and refused.value.smtp_error.startswith(b"5.7.3")
    assert lab.eop.auth_attempts[-1].accepted is False
    with _dial(lab, HVE_HOST, 587) as smtp:
        smtp.ehlo()
        smtp.starttls(context=_tls(lab))
        smtp.ehlo()
        code, text = smtp.mail(HVE_ACCOUNT)
    assert code == 530 and text.startswith(b"5.7.57")


# -- delivery, on a standalone EOP --------------------------------------------------------


class _Recorder:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.calls: list[tuple[str, tuple[str, ...], bool]] = []
        self.done = threading.Event()

    def deliver(
        self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, *, junk: bool = False
    ) -> None:
        self.calls.append((mail_from, tuple(rcpt_tos), junk))
        self.done.set()
        if self.fail:
            raise RuntimeError("the lab Postfix is down")


@pytest.fixture
def pki() -> Iterator[LabPKI]:
    with LabPKI() as created:
        yield created


def _standalone(pki: LabPKI, recorder: _Recorder, *scenarios: str) -> LabEop:
    eop = LabEop(
        accepted_domains=("contoso.test", "relay-junk.test", "relay-lost.test"),
        mailboxes=("admin@contoso.test", "admin@relay-junk.test", "admin@relay-lost.test"),
        spf_records={
            "spf.protection.outlook.com": MICROSOFT_SPF,
            "contoso.test": SPF_WITH_LAB_IP,
            "relay-junk.test": SPF_MICROSOFT_ONLY,
            "relay-lost.test": SPF_WITH_LAB_IP,
        },
        dmarc_domains=("contoso.test", "relay-junk.test", "relay-lost.test"),
        delivery=recorder,
    )
    for name in scenarios:
        relay = RELAY_SCENARIOS[name]
        eop.add(EopListener(name, relay, mx_host(relay.domain()), None))
    return eop.start()


def _plain_send(eop: LabEop, name: str, sender: str, to: str) -> int:
    with smtplib.SMTP("127.0.0.1", eop.listeners[name].port, timeout=5) as smtp:
        code, _ = smtp.data(_message(sender, to, "x")) if _envelope(smtp, sender, to) else (0, b"")
        return code


def _envelope(smtp: smtplib.SMTP, sender: str, to: str) -> bool:
    smtp.ehlo(DEVICE)
    return smtp.mail(sender)[0] == 250 and smtp.rcpt(to)[0] == 250


def test_delivery_gets_junk_when_compauth_fails_and_errors_are_logged(pki: LabPKI) -> None:
    recorder = _Recorder(fail=True)
    eop = _standalone(pki, recorder, "relay-junk")
    try:
        code = _plain_send(eop, "relay-junk", "admin@relay-junk.test", "admin@relay-junk.test")
        assert code == 250  # queued: the delivery failing later does not change the reply
        assert recorder.done.wait(5)
    finally:
        eop.stop()  # waits for the delivery worker
    assert recorder.calls == [("admin@relay-junk.test", ("admin@relay-junk.test",), True)]
    assert eop.listeners["relay-junk"].delivery_errors == ["RuntimeError: the lab Postfix is down"]


def test_a_lost_message_is_accepted_and_never_delivered(pki: LabPKI) -> None:
    recorder = _Recorder()
    eop = _standalone(pki, recorder, "relay-lost", "healthy")
    try:
        lost = _plain_send(eop, "relay-lost", "admin@relay-lost.test", "admin@relay-lost.test")
        kept = _plain_send(eop, "healthy", "admin@contoso.test", "admin@contoso.test")
        assert (lost, kept) == (250, 250)
        assert recorder.done.wait(5)
    finally:
        eop.stop()
    assert len(eop.listeners["relay-lost"].accepted) == 1
    assert recorder.calls == [("admin@contoso.test", ("admin@contoso.test",), False)]


def test_spf_of_the_scenario_records() -> None:
    records = {
        "spf.protection.outlook.com": MICROSOFT_SPF,
        "ip.test": SPF_WITH_LAB_IP,
        "ms.test": SPF_MICROSOFT_ONLY,
        "soft.test": "v=spf1 ~all",
        "redir.test": "v=spf1 redirect=ip.test",
        "loop.test": "v=spf1 include:loop.test -all",
    }
    got = {d: spf_result(d, "127.0.0.1", records) for d in records}
    assert got == {
        "spf.protection.outlook.com": "fail",
        "ip.test": "pass",
        "ms.test": "fail",
        "soft.test": "softfail",
        "redir.test": "pass",
        "loop.test": "permerror",
    }
    assert spf_result("ms.test", "40.92.1.1", records) == "pass"
    assert spf_result("absent.test", "127.0.0.1", records) == "none"


def test_lab_list_shows_every_relay_scenario(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_lab("healthy", list_only=True) == 0
    listed = capsys.readouterr().out
    for relay in RELAY_SCENARIOS.values():
        assert f" {relay.domain()} " in listed, relay.name
