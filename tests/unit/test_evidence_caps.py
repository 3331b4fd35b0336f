"""Caps on what a server's answer can put into evidence (issue 11, item 7): header lines,
transcript lines and their number are cut, visibly, and only after redaction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.cancel import CancelToken, Deadline
from assistant.config import ConnectTo, NetworkOptions
from assistant.lab.https_server import LabHttpsServer, LabResponse
from assistant.net.caps import MAX_HEADERS, MAX_LINE_CHARS, cap_line, header_lines
from assistant.net.http import BODY_PREVIEW_CHARS, http_request
from assistant.net.network import Network
from assistant.net.redact import MASK, Redactor
from assistant.net.resolver import Resolver
from assistant.net.transcript import MAX_HEAD_LINES, MAX_TAIL_LINES, Transcript
from assistant.text import Message

HOST = "autodiscover.contoso.test"
SECRET = "Sommer2026!canary"


def test_a_short_line_is_kept_as_it_is() -> None:
    line = "x" * MAX_LINE_CHARS
    assert cap_line(line) is line


def test_a_long_line_says_how_much_was_cut() -> None:
    capped = cap_line("x" * (MAX_LINE_CHARS + 5000))
    assert capped == "x" * MAX_LINE_CHARS + "… (5000 more characters)"
    assert isinstance(capped, Message)  # translatable, like all engine text
    assert capped.template == "{text}… ({count} more characters)"


def test_a_cut_never_splits_a_mask() -> None:
    line = "x" * (MAX_LINE_CHARS - 3) + MASK + "y" * 100
    capped = cap_line(line)
    assert capped.startswith("x" * (MAX_LINE_CHARS - 3) + "…")
    assert capped.endswith(f"… ({len(MASK) + 100} more characters)")


def test_headers_are_capped_in_number_and_length_after_redaction() -> None:
    redact = Redactor(secrets=[SECRET])
    headers = [
        ("X-Echo", "a" * (MAX_LINE_CHARS - 12) + SECRET),  # the secret across the cut
        ("Authorization", "Basic " + "QUFB" * 20_000),
        *[(f"X-Filler-{i}", "v") for i in range(MAX_HEADERS + 20)],
    ]
    lines = header_lines(headers, redact)
    assert len(lines) == MAX_HEADERS + 1
    assert lines[-1] == f"… ({len(headers) - MAX_HEADERS} more headers)"
    assert all(len(line) <= MAX_LINE_CHARS + 40 for line in lines)
    assert SECRET[:6] not in lines[0] and lines[0].endswith("more characters)")
    assert lines[1] == f"Authorization: Basic {MASK}"


@pytest.fixture
def hostile_http() -> Iterator[Network]:
    """A loopback web server whose answer has a 60 KB header and a long body."""
    body = ("b" * (BODY_PREVIEW_CHARS - 5) + SECRET + "c" * 5000).encode()
    answer = LabResponse(
        200,
        body,
        headers=(
            ("request-id", "r" * 60_000),
            ("X-Diag", "d" * 60_000),
            ("WWW-Authenticate", f"Bearer {'e' * 30_000}{SECRET}"),
        ),
    )
    server = LabHttpsServer(None, label="hostile-http")
    server.route(HOST, "/", lambda _: answer, prefix=True)
    server.start()
    try:
        options = NetworkOptions(
            connect_to=(ConnectTo.parse(f"{HOST}:80:127.0.0.1:{server.port}"),),
            timeout=2.0,
            check_deadline=10,
        )
        yield Network(options, Resolver(()), CancelToken(), Deadline.after(10))
    finally:
        server.stop()


def test_http_evidence_of_a_hostile_answer_is_capped_and_redacted(hostile_http: Network) -> None:
    response = http_request(hostile_http, f"http://{HOST}/")
    data = response.to_evidence(Redactor(secrets=[SECRET])).data
    assert isinstance(data, dict)
    headers = data["headers"]
    assert isinstance(headers, list)
    for line in headers:
        assert isinstance(line, str) and len(line) <= MAX_LINE_CHARS + 40
    diag = next(h for h in headers if isinstance(h, str) and h.startswith("X-Diag: "))
    assert diag.endswith(f"… ({60_000 + len('X-Diag: ') - MAX_LINE_CHARS} more characters)")
    correlation = data["correlation"]
    assert isinstance(correlation, dict)
    assert str(correlation["request-id"]).endswith("more characters)")
    preview = data["body_preview"]
    assert isinstance(preview, str)
    # Redacted before it was cut: the secret across the cut is not half kept.
    assert SECRET[:5] not in preview
    assert preview.endswith("more characters)")
    assert SECRET[:5] not in str(data)


def test_transcript_lines_are_capped_after_redaction() -> None:
    t = Transcript("imap", Redactor(secrets=[SECRET]))
    t.server("* OK " + "x" * (MAX_LINE_CHARS - 8) + SECRET + "y" * 100_000)
    [line] = t.lines
    assert SECRET[:4] not in line
    assert line.endswith("more characters)")
    assert len(line) < MAX_LINE_CHARS + 60


def test_a_transcript_keeps_its_start_and_its_end() -> None:
    t = Transcript("imap")
    total = MAX_HEAD_LINES + MAX_TAIL_LINES + 3000
    t.client('a1 LIST "" *')
    t.server("".join(f'* LIST () "/" "folder {i}"\r\n' for i in range(total - 3)))
    t.server("a1 OK LIST completed")
    t.client("a2 LOGOUT")
    lines = t.lines
    assert len(lines) == MAX_HEAD_LINES + 1 + MAX_TAIL_LINES
    assert lines[0].endswith('> a1 LIST "" *')
    assert lines[MAX_HEAD_LINES].endswith("* … (3000 more lines left out)")
    assert lines[-2].endswith("< a1 OK LIST completed")  # where a failure would show
    assert lines[-1].endswith("> a2 LOGOUT")
