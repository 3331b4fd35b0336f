"""Real delivery in the mail lab: what the lab accepts arrives in Dovecot's mailboxes,
through Postfix when it can run (its and Dovecot's Received: headers prove the path),
else straight over LMTP; Junk on request; errors are DeliveryError, never a crash."""

from __future__ import annotations

import email
import email.message
import email.policy
import imaplib
import os
import pathlib
import smtplib
import socket
import ssl
import time
import uuid
from collections.abc import Iterator

import pytest

from assistant.lab.delivery import EXTERNAL_MAILBOX, DeliveryError, LabDelivery, junk_address
from assistant.lab.dovecot import JUNK_FOLDER, LMTP_HOSTNAME, TLS_ADDRESS
from assistant.lab.exchange.directory import LAB_PASSWORD
from assistant.lab.mail import (
    MAILBOX_HOST,
    PLANTED_PASSWORD,
    PLANTED_USER,
    SMTP_HOST,
    MailLab,
)
from assistant.lab.pki import LabPKI
from assistant.lab.postfix import HOSTNAME as POSTFIX_HOSTNAME
from assistant.lab.postfix import unavailable as postfix_unavailable
from assistant.lab.submission import BANNER_HOST

pytestmark = pytest.mark.lab
ARRIVAL_DEADLINE = 10.0  # Postfix hands a message to Dovecot in milliseconds


@pytest.fixture(scope="module")
def pki() -> Iterator[LabPKI]:
    with LabPKI() as created:
        yield created


def require_postfix() -> None:
    """CI installs Postfix and runs as root (.ci/run): there a Postfix that cannot run is a
    failure, never a skip. A developer's desktop without root is told why and skips."""
    reason = postfix_unavailable()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Postfix cannot run here, and CI needs it: {reason}")
    pytest.skip(f"Postfix cannot run here (not CI): {reason}")


@pytest.fixture(scope="module")
def postfix_lab(pki: LabPKI) -> Iterator[MailLab]:
    require_postfix()
    with MailLab(pki) as lab:
        assert lab.postfix_running, lab.postfix_problem
        yield lab


@pytest.fixture(scope="module")
def lmtp_lab(pki: LabPKI) -> Iterator[MailLab]:
    with MailLab(pki, use_postfix=False) as lab:
        yield lab


def _message(tag: str, to: str = PLANTED_USER) -> bytes:
    return (
        f"From: Relay test <scanner@contoso.test>\r\nTo: {to}\r\nSubject: lab delivery {tag}\r\n"
        f"Message-ID: <{tag}@contoso.test>\r\n\r\nSent by the lab's delivery tests.\r\n"
    ).encode("ascii")


class _LabImap(imaplib.IMAP4_SSL):
    """IMAPS to the lab's Dovecot ("ip:port"), verifying the certificate for MAILBOX_HOST."""

    def _create_socket(self, timeout: float | None) -> socket.socket:
        host, _, port = self.host.rpartition(":")
        sock = socket.create_connection((host, int(port)), timeout)
        return self.ssl_context.wrap_socket(sock, server_hostname=MAILBOX_HOST)


def _find(lab: MailLab, user: str, password: str, folder: str, tag: str) -> list[bytes]:
    """Every message in `folder` whose subject names `tag`, read over IMAP (Dovecot)."""
    dest = lab.route(MAILBOX_HOST, 993)
    assert dest is not None
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    messages = []
    with _LabImap(f"{dest.host}:{dest.port}", ssl_context=context, timeout=5) as client:
        client.login(user, password)
        status, _ = client.select(f'"{folder}"', readonly=True)
        assert status == "OK", folder
        status, found = client.search(None, "SUBJECT", f'"{tag}"')
        assert status == "OK"
        for number in found[0].split():
            status, parts = client.fetch(number, "(RFC822)")
            assert status == "OK"
            messages += [p[1] for p in parts if isinstance(p, tuple)]
    return messages


def _arrived(lab: MailLab, user: str, password: str, folder: str, tag: str) -> list[bytes]:
    """As _find, once the message is there: Postfix delivers after it answered 250."""
    until = time.monotonic() + ARRIVAL_DEADLINE
    while not (found := _find(lab, user, password, folder, tag)) and time.monotonic() < until:
        time.sleep(0.05)
    return found


def _received(raw: bytes) -> list[str]:
    parsed = email.message_from_bytes(raw, policy=email.policy.compat32)
    return [" ".join(h.split()) for h in parsed.get_all("Received", [])]


def test_junk_address_puts_the_folder_in_the_detail() -> None:
    assert junk_address("admin@contoso.test") == f"admin+{JUNK_FOLDER}@contoso.test"
    assert junk_address("admin+old@contoso.test") == f"admin+{JUNK_FOLDER}@contoso.test"


def test_without_postfix_lmtp_delivers_to_inbox_and_junk(lmtp_lab: MailLab) -> None:
    assert not lmtp_lab.postfix_running and lmtp_lab.delivery.via == "lmtp"
    tag = uuid.uuid4().hex
    lmtp_lab.delivery.deliver("scanner@contoso.test", [PLANTED_USER], _message(tag))
    inbox = _find(lmtp_lab, PLANTED_USER, PLANTED_PASSWORD, "INBOX", tag)
    assert len(inbox) == 1
    received = _received(inbox[0])
    assert len(received) == 1 and f"by {LMTP_HOSTNAME} with LMTP" in received[0]
    assert "(Postfix)" not in inbox[0].decode()
    assert not _find(lmtp_lab, PLANTED_USER, PLANTED_PASSWORD, JUNK_FOLDER, tag)

    junk_tag = uuid.uuid4().hex
    lmtp_lab.delivery.deliver("x@contoso.test", [PLANTED_USER], _message(junk_tag), junk=True)
    assert len(_find(lmtp_lab, PLANTED_USER, PLANTED_PASSWORD, JUNK_FOLDER, junk_tag)) == 1
    assert not _find(lmtp_lab, PLANTED_USER, PLANTED_PASSWORD, "INBOX", junk_tag)


def test_without_postfix_the_external_mailbox_gets_mail_and_strangers_are_refused(
    lmtp_lab: MailLab,
) -> None:
    tag = uuid.uuid4().hex
    lmtp_lab.delivery.deliver(
        "scanner@contoso.test", [EXTERNAL_MAILBOX, PLANTED_USER], _message(tag, EXTERNAL_MAILBOX)
    )
    assert len(_find(lmtp_lab, EXTERNAL_MAILBOX, LAB_PASSWORD, "INBOX", tag)) == 1
    assert len(_find(lmtp_lab, PLANTED_USER, PLANTED_PASSWORD, "INBOX", tag)) == 1
    with pytest.raises(DeliveryError, match=r"nobody@contoso\.test"):
        lmtp_lab.delivery.deliver("scanner@contoso.test", ["nobody@contoso.test"], _message(tag))
    # The external mailbox is Dovecot's only: it does not sign in to submission.
    assert EXTERNAL_MAILBOX not in lmtp_lab.submission.users


def test_a_server_that_is_gone_is_a_delivery_error(pki: LabPKI) -> None:
    lab = MailLab(pki, use_postfix=False)  # never started: nothing listens on its LMTP port
    try:
        delivery = LabDelivery((TLS_ADDRESS, lab.dovecot.ports.lmtp), timeout=2)
        with pytest.raises(DeliveryError, match="lmtp"):
            delivery.deliver("a@contoso.test", [PLANTED_USER], _message("gone"))
    finally:
        lab.stop()


def test_submission_delivers_what_it_accepts(lmtp_lab: MailLab) -> None:
    _submit_and_find(lmtp_lab)


def _submit_and_find(lab: MailLab) -> bytes:
    dest = lab.route(SMTP_HOST, 587)
    assert dest is not None
    tag = uuid.uuid4().hex
    context = ssl.create_default_context(cafile=str(lab.pki.ca_pem_path))
    accepted_before = len(lab.submission.messages)
    with smtplib.SMTP(local_hostname="lab-test", timeout=5) as client:
        client._host = SMTP_HOST  # what starttls() verifies the certificate against
        client.connect(dest.host, dest.port)
        client.starttls(context=context)
        client.login(PLANTED_USER, PLANTED_PASSWORD)
        client.sendmail(PLANTED_USER, [PLANTED_USER], _message(tag))
    assert len(lab.submission.messages) == accepted_before + 1
    found = _arrived(lab, PLANTED_USER, PLANTED_PASSWORD, "INBOX", tag)
    assert len(found) == 1
    received = _received(found[0])
    assert received[-1].startswith(f"from [127.0.0.1] by {BANNER_HOST} with ESMTPSA")
    return found[0]


def test_through_postfix_both_servers_add_their_received_header(postfix_lab: MailLab) -> None:
    assert postfix_lab.delivery.via == "postfix" and postfix_lab.postfix_problem is None
    tag = uuid.uuid4().hex
    postfix_lab.delivery.deliver("scanner@contoso.test", [PLANTED_USER], _message(tag))
    found = _arrived(postfix_lab, PLANTED_USER, PLANTED_PASSWORD, "INBOX", tag)
    assert len(found) == 1
    dovecot, postfix = _received(found[0])  # newest first
    assert f"by {LMTP_HOSTNAME} with LMTP" in dovecot and f"from {POSTFIX_HOSTNAME}" in dovecot
    assert f"by {POSTFIX_HOSTNAME} (Postfix) with ESMTP" in postfix and "[127.0.0.1]" in postfix

    junk_tag = uuid.uuid4().hex
    postfix_lab.delivery.deliver("x@contoso.test", [PLANTED_USER], _message(junk_tag), junk=True)
    junk = _arrived(postfix_lab, PLANTED_USER, PLANTED_PASSWORD, JUNK_FOLDER, junk_tag)
    assert len(junk) == 1 and "(Postfix)" in junk[0].decode()
    assert not _find(postfix_lab, PLANTED_USER, PLANTED_PASSWORD, "INBOX", junk_tag)


def test_through_postfix_strangers_are_refused_and_the_partner_is_not(
    postfix_lab: MailLab,
) -> None:
    tag = uuid.uuid4().hex
    with pytest.raises(DeliveryError, match=r"nobody@contoso\.test"):
        postfix_lab.delivery.deliver("a@contoso.test", ["nobody@contoso.test"], _message(tag))
    postfix_lab.delivery.deliver("a@contoso.test", [EXTERNAL_MAILBOX], _message(tag))
    assert len(_arrived(postfix_lab, EXTERNAL_MAILBOX, LAB_PASSWORD, "INBOX", tag)) == 1


def test_submission_delivers_through_postfix(postfix_lab: MailLab) -> None:
    received = _received(_submit_and_find(postfix_lab))
    assert len(received) == 3 and "(Postfix)" in received[1]


def _group_members(group: int) -> list[int]:
    members = []
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if len(fields) > 2 and fields[0] != "Z" and int(fields[2]) == group:
                members.append(int(entry.name))
    return members


def test_stopping_the_lab_leaves_no_postfix_process(pki: LabPKI) -> None:
    require_postfix()
    lab = MailLab(pki).start()
    try:
        assert lab.postfix is not None
        pid = lab.postfix.pid
        assert pid is not None and len(_group_members(pid)) >= 2  # master and its daemons
        port = lab.postfix.port
    finally:
        lab.stop()
    assert lab.postfix.pid is None and not lab.postfix_running
    assert not _group_members(pid)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_submission_answers_451_when_delivery_fails(lmtp_lab: MailLab) -> None:
    dest = lmtp_lab.route(SMTP_HOST, 587)
    assert dest is not None
    context = ssl.create_default_context(cafile=str(lmtp_lab.pki.ca_pem_path))
    accepted_before = len(lmtp_lab.submission.messages)
    errors_before = len(lmtp_lab.submission.delivery_errors)
    with smtplib.SMTP(local_hostname="lab-test", timeout=5) as client:
        client._host = SMTP_HOST
        client.connect(dest.host, dest.port)
        client.starttls(context=context)
        client.login(PLANTED_USER, PLANTED_PASSWORD)
        # Submission takes any recipient; Dovecot knows no such mailbox.
        with pytest.raises(smtplib.SMTPDataError) as refused:
            client.sendmail(PLANTED_USER, ["nobody@contoso.test"], _message("undeliverable"))
        assert refused.value.smtp_code == 451 and refused.value.smtp_error.startswith(b"4.3.0")
        assert client.noop()[0] == 250  # the session goes on
    assert len(lmtp_lab.submission.messages) == accepted_before
    assert len(lmtp_lab.submission.delivery_errors) == errors_before + 1
    assert "nobody@contoso.test" in lmtp_lab.submission.delivery_errors[-1]
