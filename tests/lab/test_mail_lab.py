"""The mail lab itself: starts and stops quickly and quietly, routes every fault host,
fails loudly without Dovecot, and answers the way Exchange Online does."""

from __future__ import annotations

import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Iterator

import pytest

import assistant.lab.dovecot as dovecot_module
from assistant.lab.mail import (
    MAILBOX_HOST,
    PLANTED_PASSWORD,
    PLANTED_USER,
    SMTP_HOST,
    MailFault,
    MailLab,
)
from assistant.lab.pki import LabPKI

pytestmark = pytest.mark.lab


@pytest.fixture
def pki() -> Iterator[LabPKI]:
    with LabPKI() as created:
        yield created


def test_starts_and_stops_within_two_seconds_with_named_threads(pki: LabPKI) -> None:
    before = set(threading.enumerate())
    started = time.monotonic()
    lab = MailLab(pki).start()
    try:
        assert time.monotonic() - started < 2.0
        ours = set(threading.enumerate()) - before
        assert ours and all(t.name.startswith("lab-") for t in ours), [t.name for t in ours]
        imaps = lab.route(MAILBOX_HOST, 993)
        assert imaps is not None
    finally:
        stopping = time.monotonic()
        lab.stop()
    assert time.monotonic() - stopping < 2.0
    assert not (set(threading.enumerate()) - before)
    with pytest.raises(OSError), socket.create_connection((imaps.host, imaps.port), timeout=1):
        pass  # Dovecot is gone with its whole process group


def test_without_dovecot_the_lab_fails_loudly(pki: LabPKI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dovecot_module, "DOVECOT", "/nonexistent/dovecot")
    before = set(threading.enumerate())
    with pytest.raises(RuntimeError, match="dovecot-imapd dovecot-pop3d"):
        MailLab(pki).start()
    assert not (set(threading.enumerate()) - before)


def test_every_host_and_port_goes_to_an_ip_literal(pki: LabPKI) -> None:
    lab = MailLab(pki, hosts=["Mail.Fabrikam.test"])  # routes are known before start
    try:
        for port in (993, 143, 995, 110):
            assert lab.route(MAILBOX_HOST, port) is not None
            assert lab.route("mail.fabrikam.test", port) == lab.route(MAILBOX_HOST, port)
        for port in (587, 465):
            assert lab.route(SMTP_HOST, port) is not None
            assert lab.route("mail.fabrikam.test", port) == lab.route(SMTP_HOST, port)
        for fault in MailFault:
            for port in fault.ports:
                dest = lab.route(fault.host, port)
                assert dest is not None, (fault, port)
                socket.inet_aton(dest.host)
        flags = lab.cli_flags()
        assert flags[:2] == ["--ca-bundle", str(pki.ca_pem_path)]
        assert flags.count("--connect-to") == len(lab.connect_to())
    finally:
        lab.stop()


def test_submission_answers_like_exchange_online(pki: LabPKI) -> None:
    with MailLab(pki) as lab:
        dest = lab.route(SMTP_HOST, 587)
        assert dest is not None
        context = ssl.create_default_context(cafile=str(pki.ca_pem_path))
        with smtplib.SMTP(local_hostname="lab-test", timeout=5) as client:
            client._host = SMTP_HOST  # what starttls() verifies the certificate against
            client.connect(dest.host, dest.port)
            client.ehlo()
            assert client.has_extn("starttls") and not client.has_extn("auth")
            code, message = client.mail("someone@contoso.test")
            assert code == 530 and b"STARTTLS" in message
            client.starttls(context=context)
            client.ehlo()
            assert client.esmtp_features["auth"].split() == ["LOGIN", "PLAIN"]
            code, message = client.mail("someone@contoso.test")
            assert code == 530 and message.startswith(b"5.7.57 Client not authenticated")
            client.rset()
            client.login(PLANTED_USER, PLANTED_PASSWORD)
            assert client.mail(PLANTED_USER)[0] == 250
        attempt = lab.submission.auth_attempts[-1]
        assert attempt.accepted and attempt.over_tls and attempt.listener == "healthy-587"
        assert PLANTED_PASSWORD not in repr(lab.submission.auth_attempts)
