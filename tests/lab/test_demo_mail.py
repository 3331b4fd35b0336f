"""The built-in demo responder (assistant/lab/demo_mailserver.py) against real Dovecot.

Every IMAP and POP scenario of the mail lab runs through the engine's imap.login and
pop.login twice, once against a MailLab with Dovecot and once against one with the
built-in responder, and must reach the same verdicts: the same steps, statuses,
summaries (digits aside) and remedies. Then the responder alone: delivery into its
store (Junk, unknown recipients, IDLE), the selection rule, and hostile clients
(an overlong line, a huge literal, deep nesting, endless commands) that end their own
session and leave the server serving.
"""

from __future__ import annotations

import imaplib
import re
import socket
import ssl
import time
from collections.abc import Iterator, Sequence

import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.checks.imap import IMAP_CHECKS
from assistant.checks.pop import POP_CHECKS
from assistant.config import Target
from assistant.lab import demo_mailserver
from assistant.lab.delivery import DeliveryError, LabDelivery
from assistant.lab.demo_mailserver import ENV, MAX_SESSIONS, BuiltinMail, choose
from assistant.lab.demo_wire import MAX_COMMANDS, MAX_LINE
from assistant.lab.dovecot import JUNK_FOLDER, LMTP_HOSTNAME, TLS_ADDRESS
from assistant.lab.mail import (
    MAILBOX_HOST,
    PLANTED_PASSWORD,
    PLANTED_USER,
    UNICODE_PASSWORD,
    UNICODE_USER,
    MailFault,
    MailLab,
)
from assistant.lab.pki import LabPKI
from assistant.model import Step
from assistant.runner import Runner

pytestmark = pytest.mark.lab

TIMEOUT = 0.5  # per network operation: the silent server costs this much
# Dovecot answers a failed sign-in only at its next 500 ms failure tick (dovecot.py).
SIGN_IN_TIMEOUT = 2.0
CREDENTIAL = PasswordCredential(PLANTED_USER, PLANTED_PASSWORD)
USERS = {PLANTED_USER: PLANTED_PASSWORD}


@pytest.fixture(scope="module")
def pki() -> Iterator[LabPKI]:
    with LabPKI() as made:
        yield made


@pytest.fixture(scope="module")
def both(pki: LabPKI) -> Iterator[dict[str, MailLab]]:
    """A mail lab with real Dovecot and one with the built-in responder, side by side."""
    labs: dict[str, MailLab] = {}
    with pytest.MonkeyPatch.context() as env:
        for kind in ("dovecot", "builtin"):
            env.setenv(ENV, kind)
            labs[kind] = MailLab(pki, use_postfix=False)
    assert isinstance(labs["builtin"].dovecot, BuiltinMail)
    assert not isinstance(labs["dovecot"].dovecot, BuiltinMail)
    try:
        for lab in labs.values():
            lab.start()
        yield labs
    finally:
        for lab in labs.values():
            lab.stop()


def verdicts(steps: Sequence[Step]) -> list[tuple[str, str, str, str]]:
    """Every step of the IMAP and POP trees: id, status, summary and remedy, digits
    masked (ports, sizes and times differ between the two servers, nothing else may)."""
    out = []

    def walk(step: Step) -> None:
        remedy = step.remedy.text if step.remedy is not None else ""
        out.append((step.id, step.status.value, _masked(step.summary), _masked(remedy)))
        for sub in step.children:
            walk(sub)

    for step in steps:
        walk(step)
    return out


def _masked(text: str) -> str:
    # imaplib's command tags are random letters and a number: "JIND3 NO ...".
    return re.sub(r"\b[A-Z]{4}#", "TAG#", re.sub(r"\d+", "#", str(text)))


def diagnose(
    lab: MailLab,
    endpoints: Sequence[tuple[str, str]],
    credentials: PasswordCredential | None,
    timeout: float = SIGN_IN_TIMEOUT,
) -> list[tuple[str, str, str, str]]:
    options = lab.network_options(endpoints=endpoints, timeout=timeout, check_deadline=8.0)
    target = Target.parse(credentials.username if credentials else PLANTED_USER)
    runner = Runner(target, options, credentials=credentials, consent=lambda _h, _w: False)
    return verdicts(runner.run(IMAP_CHECKS + POP_CHECKS))


# Each mail scenario: the endpoints tried (IMAP and POP together) and the sign-in.
_HOSTS = [MAILBOX_HOST, *(f.host for f in MailFault)]
SCENARIOS = {
    **{
        f"{host} {kind}": ((("imap", f"{host}:{imap}"), ("pop", f"{host}:{pop}")), CREDENTIAL)
        for host in _HOSTS
        for kind, imap, pop in (("implicit", 993, 995), ("starttls", 143, 110))
    },
    "cloud defaults": ((), CREDENTIAL),
    "wrong password": ((), PasswordCredential(PLANTED_USER, "not-the-password")),
    "unknown mailbox": ((), PasswordCredential("nobody@contoso.test", PLANTED_PASSWORD)),
    "unicode password over STARTTLS": (
        (("imap", f"{MAILBOX_HOST}:143"), ("pop", f"{MAILBOX_HOST}:110")),
        PasswordCredential(UNICODE_USER, UNICODE_PASSWORD),
    ),
    "no credentials": ((), None),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_mail_scenario_gets_the_same_verdicts_from_both_servers(
    both: dict[str, MailLab], name: str
) -> None:
    endpoints, credentials = SCENARIOS[name]
    timeout = TIMEOUT if MailFault.SILENT.host in name else SIGN_IN_TIMEOUT
    dovecot = diagnose(both["dovecot"], endpoints, credentials, timeout)
    builtin = diagnose(both["builtin"], endpoints, credentials, timeout)
    assert builtin == dovecot
    assert {step_id for step_id, *_ in dovecot} >= {"imap.login", "pop.login"}


def test_the_scenarios_cover_passes_and_failures(both: dict[str, MailLab]) -> None:
    # Not a comparison that only ever compares two passes: the fault hosts do fail.
    healthy = diagnose(both["builtin"], (), CREDENTIAL)
    assert ("imap.login", "pass") in {(i, s) for i, s, *_ in healthy}
    expired = dict(
        (i, s)
        for i, s, *_ in diagnose(
            both["builtin"], (("imap", f"{MailFault.EXPIRED.host}:993"),), CREDENTIAL
        )
    )
    assert expired["imap.login"] == "fail" and expired["imap.tls"] == "fail"
    wrong = diagnose(both["builtin"], (), PasswordCredential(PLANTED_USER, "nope"))
    failed = {i: summary for i, s, summary, _ in wrong if s == "fail"}
    assert "imap.login.password" in failed and "pop.login.password" in failed


# -- the store and delivery ---------------------------------------------------------------


@pytest.fixture
def builtin(pki: LabPKI) -> Iterator[BuiltinMail]:
    with BuiltinMail(pki, USERS, hostnames=[MAILBOX_HOST]) as server:
        yield server


def _imap(pki: LabPKI, server: BuiltinMail) -> imaplib.IMAP4_SSL:
    where = server.listeners()["imaps"]
    context = ssl.create_default_context(cafile=str(pki.ca_pem_path))
    context.check_hostname = False  # the address is an IP; the name is tested above
    client = imaplib.IMAP4_SSL(where.host, where.port, ssl_context=context, timeout=5)
    client.login(PLANTED_USER, PLANTED_PASSWORD)
    return client


def test_delivery_files_mail_as_dovecot_lmtp_does(pki: LabPKI, builtin: BuiltinMail) -> None:
    delivery = LabDelivery((TLS_ADDRESS, 0), store=builtin.store)
    assert delivery.via == "built-in store"
    message = b"From: a@fabrikam.test\r\nSubject: hello tag-1\r\n\r\nbody\r\n"
    delivery.deliver("a@fabrikam.test", [PLANTED_USER], message)
    delivery.deliver("a@fabrikam.test", [PLANTED_USER], message, junk=True)
    with pytest.raises(DeliveryError, match="User doesn't exist"):
        delivery.deliver("a@fabrikam.test", ["nobody@contoso.test"], message)
    client = _imap(pki, builtin)
    try:
        for folder in ("INBOX", JUNK_FOLDER):
            typ, count = client.select(folder, readonly=True)
            assert typ == "OK"
            typ, found = client.uid("SEARCH", "OR", "HEADER", "X-None", "tag-1", "SUBJECT", "tag-1")
            assert typ == "OK" and found[0], folder
            typ, data = client.uid("FETCH", found[0].split()[-1], "(BODY.PEEK[HEADER])")
            header = data[0][1]
            assert f"by {LMTP_HOSTNAME} with LMTP".encode() in header
            assert b"Return-Path: <a@fabrikam.test>" in header
        assert count == [b"1"]  # Junk holds the one junk copy
    finally:
        client.logout()


def test_idle_reports_a_delivery_as_it_happens(pki: LabPKI, builtin: BuiltinMail) -> None:
    client = _imap(pki, builtin)
    try:
        client.select("INBOX")
        tag = client._new_tag().decode()  # imaplib has no IDLE of its own
        client.send(f"{tag} IDLE\r\n".encode())
        assert client.readline().startswith(b"+ idling")
        builtin.store.deliver("a@fabrikam.test", [PLANTED_USER], b"Subject: x\r\n\r\nx\r\n")
        assert client.readline() == b"* 2 EXISTS\r\n"
        client.send(b"DONE\r\n")
        assert client.readline().startswith(f"{tag} OK".encode())
    finally:
        client.logout()


# -- which server plays IMAP and POP ------------------------------------------------------


def test_the_selection_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    assert choose({ENV: "builtin", "CI": "true"}).builtin
    assert not choose({ENV: "dovecot"}).builtin
    with pytest.raises(RuntimeError, match="builtin, dovecot or auto"):
        choose({ENV: "postfix"})
    monkeypatch.setattr(demo_mailserver, "DOVECOT", "/nonexistent/sbin/dovecot")
    missing = choose({})
    assert missing.builtin
    assert missing.note == "IMAP/POP: built-in demo responder (Dovecot not installed)"
    assert not choose({"CI": "true"}).builtin  # CI keeps the real server
    monkeypatch.setattr(demo_mailserver, "DOVECOT", "/bin/sh")  # any installed program
    assert not choose({ENV: "auto"}).builtin


# -- hostile clients ----------------------------------------------------------------------


def _talk(where: tuple[str, int], data: bytes, pki: LabPKI | None = None) -> bytes:
    """Send `data` and read until the server hangs up (bounded by the socket timeout)."""
    sock = socket.create_connection(where, timeout=10)
    if pki is not None:
        context = ssl.create_default_context(cafile=str(pki.ca_pem_path))
        sock = context.wrap_socket(sock, server_hostname=MAILBOX_HOST)
    received = b""
    try:
        sock.sendall(data)
        while chunk := sock.recv(65536):
            received += chunk
    except ConnectionResetError:
        pass
    finally:
        sock.close()
    return received


def _still_serving(server: BuiltinMail) -> None:
    where = server.listeners()["imap"]
    reply = _talk((where.host, where.port), b"a LOGOUT\r\n")
    assert reply.startswith(b"* OK [CAPABILITY") and b"a OK Logout completed." in reply


@pytest.mark.parametrize(
    ("listener", "data", "last_word"),
    [
        ("imap", b"a NOOP " + b"x" * (MAX_LINE + 10), b"* BYE Line too long."),
        ("imap", b"a LOGIN {4294967295}\r\n", b"* BYE Literal too large."),
        ("imap", b"a LOGIN {4294967295+}\r\nxx", b"* BYE Literal too large."),
        ("imap", b"a NOOP " + b"(" * 50 + b"\r\n", b"* BYE Too deeply nested."),
        ("imap", b"a NOOP\r\n" * (MAX_COMMANDS + 1), b"* BYE Too many commands."),
        ("imap", b"x\r\n" * 30, b"* BYE Too many invalid IMAP commands."),
        ("pop3", b"USER " + b"x" * (MAX_LINE + 10), b"-ERR Line too long."),
        ("pop3", b"NOOP\r\n" * (MAX_COMMANDS + 1), b"-ERR Too many commands."),
    ],
)
def test_a_hostile_client_ends_only_its_own_session(
    builtin: BuiltinMail, listener: str, data: bytes, last_word: bytes
) -> None:
    where = builtin.listeners()[listener]
    started = time.monotonic()
    reply = _talk((where.host, where.port), data)
    assert reply.rstrip(b"\r\n").endswith(last_word), reply[-200:]
    assert time.monotonic() - started < 9  # hung up, not left to the client's timeout
    _still_serving(builtin)


def test_connections_beyond_the_limit_are_turned_away_and_the_rest_served(
    builtin: BuiltinMail,
) -> None:
    where = builtin.listeners()["pop3"]
    held = [
        socket.create_connection((where.host, where.port), timeout=10) for _ in range(MAX_SESSIONS)
    ]
    try:
        for sock in held:
            assert sock.recv(1024).startswith(b"+OK")  # each one has its session
        with socket.create_connection((where.host, where.port), timeout=10) as extra:
            assert extra.recv(1024) == b""  # closed at once: no session for it
    finally:
        for sock in held:
            sock.close()
    # The slots come back as those sessions see their clients gone.
    deadline = time.monotonic() + 8
    while True:
        with socket.create_connection((where.host, where.port), timeout=10) as again:
            if again.recv(1024).startswith(b"+OK") or time.monotonic() > deadline:
                break
    _still_serving(builtin)


def test_a_hostile_client_over_tls_is_bounded_too(pki: LabPKI, builtin: BuiltinMail) -> None:
    where = builtin.listeners()["imaps"]
    reply = _talk((where.host, where.port), b"a LOGIN {99999999}\r\n", pki)
    assert reply.rstrip(b"\r\n").endswith(b"* BYE Literal too large.")
    _still_serving(builtin)
