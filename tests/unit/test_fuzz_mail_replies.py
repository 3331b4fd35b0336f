"""Fuzzing the SMTP, IMAP and POP reply readers: the greeting and capability exchange
(and a password sign-in) against a hostile server on a real loopback TCP connection.

The server side plays a script: a greeting, then one reply per command the client sends
(`{tag}` in a reply becomes the tag of the command it answers, so IMAP's tagged replies
can match), then it hangs up. The replies are valid-looking lines with mutations: codes
out of range, continuation lines without end, 1 MB lines, invalid UTF-8, NUL, bare CR or
LF, literals declaring gigabytes. The contract: opening and greeting raise nothing but
the protocol errors the checks catch (session.PROTOCOL_ERRORS), the transcript stays
within its caps, and the password never shows in it.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from fuzz_support import FUZZ, ran
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.checks.imap import IMAP
from assistant.checks.mail.replies import explain_reply
from assistant.checks.mail.session import PROTOCOL_ERRORS
from assistant.checks.pop import POP
from assistant.checks.smtp import SMTP
from assistant.net.mailwire import Wire
from assistant.net.redact import Redactor
from assistant.net.transcript import MAX_HEAD_LINES, MAX_TAIL_LINES, Transcript

PASSWORD = "Canary-Pässwörd-7f3a"
REPLY_BUDGET = 5.0  # seconds; never reached: the server always answers or hangs up
COMMAND_WAIT = 0.2  # seconds the script waits for the client's next command
SEND_WAIT = 10.0  # seconds for the script to hand the client a long reply


def _serve(sock: socket.socket, script: list[bytes]) -> None:
    """Greeting, then one reply per command line, then hang up and drain."""
    # A reply cut before its line end leaves the client waiting for the rest while we
    # wait for its next command: after a short wait the script hangs up instead (the
    # client then sees a cut-off reply, another hostile case), not after its budget.
    reader = sock.makefile("rb")
    try:
        for number, reply in enumerate(script):
            tag = b"*"
            if number:
                sock.settimeout(COMMAND_WAIT)
                line = reader.readline(65_536)
                if not line:
                    break
                tag = line.split(b" ", 1)[0].strip() or b"*"
            sock.settimeout(SEND_WAIT)
            sock.sendall(reply.replace(b"{tag}", tag))
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(COMMAND_WAIT)
        while reader.readline(65_536):
            pass
    except OSError:  # includes our own TimeoutError: the client sent no command
        pass
    finally:
        reader.close()
        sock.close()


def _tcp_pair() -> tuple[socket.socket, socket.socket]:
    """A connected loopback TCP pair (SMTP names its own address in EHLO: a TCP one)."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        client = socket.create_connection(listener.getsockname())
        server, _ = listener.accept()
    return client, server


def converse(protocol: str, script: list[bytes]) -> Transcript:
    proto = {"smtp": SMTP, "imap": IMAP, "pop": POP}[protocol]
    client, server = _tcp_pair()
    thread = threading.Thread(target=_serve, args=(server, script), daemon=True)
    thread.start()
    transcript = Transcript(protocol, Redactor([PASSWORD]))
    wire = Wire(transcript, lambda: REPLY_BUDGET)
    session = None
    try:
        session = proto.open(client, wire, "mail.contoso.test", 25)
        proto.hello(session)
        session.greeting  # noqa: B018 - reading it must not raise
        if protocol == "imap":
            session.password_login("PLAIN", "adele@contoso.test", PASSWORD)
            session.examine_inbox()
        elif protocol == "pop":
            session.password_login("USER", "adele@contoso.test", PASSWORD)
        else:
            session.authenticate("PLAIN", "adele@contoso.test", PASSWORD)
    except PROTOCOL_ERRORS:
        pass  # what the checks catch and explain
    finally:
        if session is not None:
            with contextlib.suppress(*PROTOCOL_ERRORS):
                proto.drop_reader(session)
        client.close()
        thread.join(timeout=10)
    assert not thread.is_alive()
    explain_reply(protocol, wire.last_reply)
    return transcript


def _check(transcript: Transcript) -> None:
    lines = transcript.lines
    assert len(lines) <= MAX_HEAD_LINES + MAX_TAIL_LINES + 5
    assert not any(PASSWORD in line for line in lines)


# The strategies draw recipes, and the test builds the bytes (`expand`): hypothesis keeps
# the values it drew for the examples it remembers (thousands), so megabyte runs drawn as
# bytes grew the fuzz process by about 3 MB per example, 24 GB before 10,000 (OOM-killed).
LINE_ENDS = st.sampled_from([b"\r\n", b"\r\n", b"\n", b"\r", b"", b"\r\r\n", b"\x00\r\n"])
JUNK = st.one_of(
    st.binary(max_size=40),
    st.sampled_from([b"\xff\xfe", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\x1b[31m", b"\xe2\x80\xae"]),
    st.integers(1, 1_100_000),  # that many b"x": a 1 MB line
)
Part = bytes | int
Reply = tuple[tuple[tuple[Part, ...], ...], int]  # lines of parts, copies


def reply_lines(words: list[bytes]) -> st.SearchStrategy[tuple[Part, ...]]:
    parts = st.lists(st.one_of(st.sampled_from(words), JUNK), min_size=1, max_size=6)
    return st.builds(lambda drawn, end: (*drawn, end), parts, LINE_ENDS)


def scripts(words: list[bytes]) -> st.SearchStrategy[list[bytes | Reply]]:
    reply = st.tuples(
        st.lists(reply_lines(words), min_size=1, max_size=5).map(tuple),
        st.sampled_from([1, 1, 1, 2, 10_000]),
    )
    return st.lists(reply, min_size=1, max_size=6)  # type: ignore[arg-type]


def expand(script: list[bytes | Reply]) -> list[bytes]:
    """The replies a recipe stands for (an @example's bytes as they are). Many copies of
    short lines (a 10,000-line EHLO), or a few long ones: a script stays within a few MB."""
    replies = []
    for reply in script:
        if isinstance(reply, bytes):
            replies.append(reply)
            continue
        lines, copies = reply
        body = b"".join(b"x" * p if isinstance(p, int) else p for line in lines for p in line)
        replies.append(body * (copies if len(body) < 200 else 1))
    return replies


SMTP_WORDS = [
    b"220 ",
    b"220-",
    b"250 ",
    b"250-",
    b"334 ",
    b"235 ",
    b"535 5.7.3 ",
    b"421 ",
    b"2500 ",
    b"abc ",
    b"-",
    b" ",
    b"mx.contoso.test ESMTP",
    b"AUTH PLAIN LOGIN XOAUTH2",
    b"STARTTLS",
    b"SIZE 99999999999999999999",
    b"8BITMIME",
    b"PIPELINING",
]
IMAP_WORDS = [
    b"* OK ",
    b"* PREAUTH ",
    b"* BYE ",
    b"{tag} OK ",
    b"{tag} NO ",
    b"{tag} BAD ",
    b"+ ",
    b"* CAPABILITY IMAP4rev1 AUTH=PLAIN LITERAL+",
    b"[CAPABILITY IMAP4rev1 AUTH=PLAIN]",
    b"* 3 EXISTS",
    b"* 99999999999999999999 EXISTS",
    b"* -1 EXISTS",
    b"{5}\r\nhello",
    b"{2000000000}",
    b"{99999999999999999999}",
    b"[AUTHENTICATIONFAILED]",
    b'"q\\"',
    b"(",
]
POP_WORDS = [
    b"+OK ",
    b"-ERR ",
    b"+ ",
    b".",
    b"..",
    b"CAPA",
    b"USER",
    b"SASL PLAIN",
    b"STLS",
    b"[AUTH] ",
    b"[IN-USE] ",
    b"<1896.697170952@dbc.mailcom.test>",
    b"TOP",
    b"UIDL",
]


@FUZZ
@given(scripts(SMTP_WORDS))
@example([b"220 mx\r\n", b"250-mx\r\n" * 10_000 + b"250 OK\r\n"])
@example([b"220 mx\r\n", b"250-" + b"A" * 1_000_000 + b"\r\n"])
@example([b"220 mx\r\n", b"250 mx\r\n", b"334 \r\n", b"535 no\r\n"])
def test_smtp_replies(script: list[bytes | Reply]) -> None:
    ran("smtp_replies")
    _check(converse("smtp", expand(script)))


@FUZZ
@given(scripts(IMAP_WORDS))
# A literal announced at 2 GB: the reader reserved 2 GB at once (MemoryError under a limit).
@example([b"* OK hi\r\n", b"* CAPABILITY IMAP4rev1 {2000000000}\r\n"])
@example(
    [b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\r\n", b"{tag} NO [AUTHENTICATIONFAILED] x\r\n"]
)
@example([b"* OK hi\r\n", b"* CAPABILITY " + b"X " * 500_000 + b"\r\n"])
def test_imap_replies(script: list[bytes | Reply]) -> None:
    ran("imap_replies")
    _check(converse("imap", expand(script)))


@FUZZ
@given(scripts(POP_WORDS))
@example([b"+OK hi\r\n", b"+OK\r\n" + b"SASL PLAIN\r\n" * 10_000])  # CAPA with no terminator
@example([b"+OK hi\r\n", b"+OK\r\n.\r\n", b"+OK\r\n", b"-ERR [AUTH] no\r\n"])
def test_pop_replies(script: list[bytes | Reply]) -> None:
    ran("pop_replies")
    _check(converse("pop", expand(script)))


def test_a_literal_announced_at_2_gb_is_refused_not_reserved() -> None:
    """Found by fuzzing: the literal's size went straight to a buffered read, which
    reserves it whole. Refused now, naming the size, before any byte is reserved."""
    transcript = converse("imap", [b"* OK hi\r\n", b"* CAPABILITY IMAP4rev1 {2147483648}\r\n"])
    assert any("2147483648 bytes of data" in line for line in transcript.lines)
