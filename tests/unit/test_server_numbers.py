"""Numbers from servers (issue 11, item 9): read with ASCII digits, a bounded length and a
range, and nonsense becomes a verdict that names it, never an exception out of a check."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from assistant.cancel import CancelToken, Deadline
from assistant.checks.ews.errors import _back_off_seconds
from assistant.checks.policy.dmarc import parse_dmarc
from assistant.checks.policy.mta_sts import parse_mta_sts_policy
from assistant.checks.policy.spf_record import parse_spf
from assistant.config import NetworkOptions
from assistant.net.connect import ConnectError, open_tcp
from assistant.net.http import HttpError, http_request
from assistant.net.http_exchange import HttpExchange
from assistant.net.network import Network
from assistant.net.proxy import ProxyError, open_web
from assistant.net.resolver import Resolver
from assistant.net.server_numbers import (
    ServerNumberError,
    parse_port,
    parse_server_int,
    shown,
    shown_int,
)
from assistant.net.starttls import ProtocolError, read_smtp_reply

FIVE_THOUSAND_DIGITS = "5" + "0" * 4999  # int() refuses more than 4,300 digits


# -- the helper ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "low", "high", "expected"),
    [
        ("993", 1, 65535, 993),
        ("0993", 1, 65535, 993),
        (b"42", 0, 100, 42),
        ("-5", -10, 10, -5),
        ("0", 0, 0, 0),
    ],
)
def test_ascii_numbers_in_range_are_read(
    value: str | bytes, low: int, high: int, expected: int
) -> None:
    assert parse_server_int(value, low, high) == expected


@pytest.mark.parametrize(
    "value",
    [
        "²",  # isdigit() is true, int() raises
        "٣",  # int() gives 3
        "３",  # full-width 3: int() gives 3
        FIVE_THOUSAND_DIGITS,
        "1" * 22,  # within int()'s limit, past any protocol's
        "99999",
        "0",
        "-5",  # no sign when the range has no negative numbers
        "-0",
        "+5",
        " 5",
        "5\n",
        "",
        "abc",
        "1e3",
        "5_000",
        b"\xff\xfe",
    ],
)
def test_everything_else_is_refused_with_the_value_named(value: str | bytes) -> None:
    with pytest.raises(ServerNumberError) as caught:
        parse_port(value)
    said = str(caught.value)
    assert "is not a whole number from 1 to 65535" in said
    assert len(said) < 120


def test_shown_values_are_short_and_cannot_break_a_line() -> None:
    assert shown("line\r\nbreak\x1b[31m") == "line\\r\\nbreak\\x1b[31m"
    assert shown("x" * 1000) == "x" * 40 + "…"
    assert shown(b"\xb2abc") == "\ufffdabc"
    assert shown_int(10**5000) == "…" and shown_int(-(10**5000)) == "-…"
    assert shown_int(65536) == "65536"


# -- SMTP replies, proxy status lines (real sockets on loopback) ------------------------------


class OneReply:
    """A loopback listener that answers the first connection with `reply` and closes it."""

    def __init__(self, reply: bytes, *, read_first: bool = False) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._reply, self._read_first = reply, read_first
        self._thread = threading.Thread(target=self._serve, name="one-reply", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        conn, _ = self._listener.accept()
        with conn:
            conn.settimeout(2)
            if self._read_first:
                conn.recv(4096)
            conn.sendall(self._reply)

    def close(self) -> None:
        self._listener.close()
        self._thread.join(2)


@pytest.fixture
def network() -> Iterator[Network]:
    options = NetworkOptions(timeout=2.0, check_deadline=10)
    yield Network(options, Resolver(()), CancelToken(), Deadline.after(10))


@pytest.mark.parametrize("banner", ["²²² ready", "٢٢٠ ready", "099 ready", "22", "-22 ready"])
def test_smtp_reply_code_that_is_not_one_is_a_protocol_error(network: Network, banner: str) -> None:
    server = OneReply(banner.encode() + b"\r\n")
    try:
        sock, _ = network.tcp("127.0.0.1", server.port)
        with sock, pytest.raises(ProtocolError) as caught:
            read_smtp_reply(sock)
    finally:
        server.close()
    assert "not an SMTP reply" in str(caught.value)


def test_smtp_reply_code_is_read(network: Network) -> None:
    server = OneReply(b"220-first\r\n220 ready\r\n")
    try:
        sock, _ = network.tcp("127.0.0.1", server.port)
        with sock:
            assert read_smtp_reply(sock) == (220, ["first", "ready"])
    finally:
        server.close()


@pytest.mark.parametrize("status", [b"\xb2\xb2\xb2", FIVE_THOUSAND_DIGITS.encode(), b"99"])
def test_proxy_status_that_is_not_a_number_names_the_proxy(status: bytes) -> None:
    server = OneReply(b"HTTP/1.1 " + status + b" OK\r\n\r\n", read_first=True)
    options = NetworkOptions(
        http_proxy=f"http://127.0.0.1:{server.port}", timeout=2.0, check_deadline=10
    )
    try:
        with pytest.raises(ProxyError) as caught:
            open_web(
                "mail.contoso.test",
                443,
                options=options,
                resolver=Resolver(()),
                token=CancelToken(),
                deadline=Deadline.after(10),
            )
    finally:
        server.close()
    assert "is not an HTTP proxy" in str(caught.value)
    assert len(str(caught.value)) < 200


# -- ports handed to the connection layer ------------------------------------------------------


@pytest.mark.parametrize(
    "port", [0, -5, 65536, 99999, 10**5000], ids=["0", "-5", "65536", "99999", "10**5000"]
)
def test_open_tcp_refuses_a_port_out_of_range_with_its_own_error(port: int) -> None:
    with pytest.raises(ConnectError) as caught:
        open_tcp(
            "127.0.0.1",
            port,
            options=NetworkOptions(timeout=2.0, check_deadline=10),
            resolver=Resolver(()),
            token=CancelToken(),
            deadline=Deadline.after(10),
        )
    assert "is not a TCP port number (1 to 65535)" in str(caught.value)
    assert len(str(caught.value)) < 120


@pytest.mark.parametrize(
    "url",
    [
        "https://mail.contoso.test:99999/EWS/Exchange.asmx",
        "https://mail.contoso.test:-5/",
        "https://mail.contoso.test:abc/",
        "https://mail.contoso.test:0/",
        "https://mail.contoso.test:٤٤٣/",
        f"https://mail.contoso.test:{FIVE_THOUSAND_DIGITS}/",
    ],
)
def test_url_from_a_server_with_a_port_that_is_not_one_is_an_http_error(
    network: Network, url: str
) -> None:
    with pytest.raises(HttpError) as caught:
        http_request(network, url)
    assert "names a port that is not a number from 1 to 65535" in str(caught.value)
    assert len(str(caught.value)) < 300


# -- numbers in DNS records and EWS answers ----------------------------------------------------


def test_dmarc_percentage_of_five_thousand_digits_is_an_error() -> None:
    record = parse_dmarc(f"v=DMARC1; p=none; pct={FIVE_THOUSAND_DIGITS}")
    assert any("pct=" in e and "0 to 100" in e for e in record.errors)
    assert parse_dmarc("v=DMARC1; p=none; pct=٥٠").errors  # not ASCII digits


def test_spf_macro_with_five_thousand_digits_is_judged_not_raised() -> None:
    record = parse_spf(f"v=spf1 exists:%{{d{FIVE_THOUSAND_DIGITS}}}.example.com -all")
    assert record.errors == ()
    zero = parse_spf("v=spf1 exists:%{d" + "0" * 5000 + "}.example.com -all")
    assert any("must not be 0" in e for e in zero.errors)
    assert parse_spf("v=spf1 exists:%{d٣}.example.com -all").errors  # not ASCII digits
    assert parse_spf("v=spf1 a/٣٢ -all").errors


def test_mta_sts_max_age_in_other_digits_is_an_error() -> None:
    policy = parse_mta_sts_policy("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: ٣٦٠٠\n")
    assert policy.max_age is None and any("max_age" in e for e in policy.errors)


@pytest.mark.parametrize(("digits", "expected"), [("1500", 1.5), (FIVE_THOUSAND_DIGITS, None)])
def test_ews_back_off_hint_is_read_only_when_plausible(digits: str, expected: float | None) -> None:
    exchange = HttpExchange(
        "POST",
        "https://mail.contoso.test/EWS/Exchange.asmx",
        500,
        "Internal Server Error",
        (),
        f'<t:Value Name="BackOffMilliseconds">{digits}</t:Value>',
        5,
    )
    assert _back_off_seconds(RuntimeError("busy"), [exchange]) == expected
