"""Lab latency injection (assistant/lab/latency.py) over real sockets.

No clock is compared with a configured delay: a held reply is shown to be absent after a
poll shorter than the delay (it cannot arrive early) and present afterwards, and the
relay's own counters say how many replies it held and for at least how long.
"""

from __future__ import annotations

import select
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import dns.message
import pytest

from assistant.auth.credentials import PasswordCredential
from assistant.config import HostPort, InputError, Target
from assistant.diagnosis import Diagnosis
from assistant.facts import Cloud
from assistant.lab.cli import lab_latency
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.latency import THREAD_NAME, Latency, LatencyRelay
from assistant.lab.tenant import Lab
from assistant.model import Status

CONNECT_MS, REPLY_MS = 100, 300
EARLY_POLL = 0.1  # shorter than any delay below: what was held cannot be there yet
PATIENCE = 10.0  # the client's own timeout for what must arrive
HOLE = "ad-srv-hung.test"


@pytest.fixture(scope="module")
def slow_lab() -> Iterator[Lab]:
    latency = Latency(
        connect_ms=CONNECT_MS,
        reply_ms=REPLY_MS,
        black_holes=frozenset({HOLE, "autodiscover.ad-srv-hung.test:443"}),
    )
    with Lab(latency=latency) as lab:
        yield lab


def route(lab: Lab, host: str, port: int) -> HostPort:
    [dest] = [r.dest for r in lab.connect_to() if r.source == HostPort(host, port)]
    return dest


def nothing_yet(sock: socket.socket) -> bool:
    readable, _, _ = select.select([sock], [], [], EARLY_POLL)
    return not readable


def test_a_server_first_reply_is_held_then_passed_on(slow_lab: Lab) -> None:
    front = slow_lab.latency_front
    assert front is not None
    before = front.relay.stats
    dest = route(slow_lab, "mail.fabrikam.test", 143)  # plain IMAP: the greeting comes first
    with socket.create_connection((dest.host, dest.port), timeout=PATIENCE) as sock:
        assert nothing_yet(sock)
        greeting = sock.recv(4096)
    assert greeting.startswith(b"* OK")
    stats = front.relay.stats
    assert stats.connections == before.connections + 1
    assert stats.connects_delayed == before.connects_delayed + 1
    assert stats.replies_delayed > before.replies_delayed
    assert stats.shortest_hold is not None and stats.shortest_hold >= REPLY_MS / 1000


@pytest.mark.parametrize("transport", ["udp", "tcp"])
def test_dns_answers_wait_for_the_reply_delay(slow_lab: Lab, transport: str) -> None:
    query = dns.message.make_query("contoso.test", "MX")
    wire = query.to_wire()
    address = slow_lab.dns.address
    kind = socket.SOCK_DGRAM if transport == "udp" else socket.SOCK_STREAM
    with socket.socket(socket.AF_INET, kind) as sock:
        sock.settimeout(PATIENCE)
        sock.connect(address)
        sock.sendall(wire if transport == "udp" else len(wire).to_bytes(2, "big") + wire)
        assert nothing_yet(sock)
        data = sock.recv(65535)
    answer = dns.message.from_wire(data if transport == "udp" else data[2:])
    assert answer.id == query.id and answer.answer


def test_the_black_hole_leaves_the_client_to_its_own_timeout(slow_lab: Lab) -> None:
    front = slow_lab.latency_front
    assert front is not None and front.black_hole is not None
    hole = HostPort("127.0.0.1", front.black_hole.port)
    # A bare host: every port the lab routes for it, and the web ports.
    assert route(slow_lab, HOLE, 443) == hole == route(slow_lab, HOLE, 80)
    # host:port: that port only; autodiscover's port 80 refuses as before.
    assert route(slow_lab, f"autodiscover.{HOLE}", 443) == hole
    assert route(slow_lab, f"autodiscover.{HOLE}", 80) != hole
    with socket.socket() as sock:
        sock.settimeout(0.3)
        if front.black_hole.drops_syn:
            with pytest.raises(TimeoutError):
                sock.connect((hole.host, hole.port))
        else:  # accept-and-silence where the kernel does not drop SYNs
            sock.connect((hole.host, hole.port))
            with pytest.raises(TimeoutError):
                sock.recv(1)


def test_a_closed_port_still_refuses(slow_lab: Lab) -> None:
    dest = route(slow_lab, "mail.ad-dead.test", 443)  # Listener.DEAD: not relayed
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((dest.host, dest.port), timeout=PATIENCE).close()


def _echo_upper(server: socket.socket) -> None:
    conn, _ = server.accept()
    with conn:
        while data := conn.recv(65536):
            conn.sendall(data.upper())


def test_replies_stay_in_order_and_large_answers_pass_whole() -> None:
    server = socket.create_server(("127.0.0.1", 0))
    echo = threading.Thread(target=_echo_upper, args=(server,), daemon=True)
    echo.start()
    relay = LatencyRelay(connect_delay=0.0, reply_delay=0.05)
    port = relay.add(server.getsockname())
    relay.start()
    try:
        sent = b"".join(b"line %d\n" % n for n in range(20_000))  # ~200 KB, many chunks
        with socket.create_connection(("127.0.0.1", port), timeout=PATIENCE) as sock:
            writer = threading.Thread(target=sock.sendall, args=(sent,), daemon=True)
            writer.start()
            received = bytearray()
            while len(received) < len(sent):
                chunk = sock.recv(65536)
                assert chunk, "the relay hung up early"
                received += chunk
            writer.join(PATIENCE)
        assert bytes(received) == sent.upper()
        stats = relay.stats
        assert stats.replies_delayed >= 1
        assert stats.shortest_hold is not None and stats.shortest_hold >= 0.05
    finally:
        relay.stop()
        server.close()
        echo.join(PATIENCE)
    assert relay.stats.open_connections == 0


def test_nothing_is_left_running_after_the_lab_stops() -> None:
    lab = Lab(latency=Latency(reply_ms=50, black_holes=frozenset({HOLE}))).start()
    front = lab.latency_front
    assert front is not None and front.black_hole is not None
    relayed = route(lab, "mail.fabrikam.test", 143)
    hole = front.black_hole.port
    held = socket.create_connection((relayed.host, relayed.port), timeout=PATIENCE)
    assert held.recv(4096).startswith(b"* OK")  # a live connection through the relay
    assert [t for t in threading.enumerate() if t.name == front.relay.thread_name]
    lab.stop()
    assert lab.latency_front is None
    assert not [t for t in threading.enumerate() if t.name == front.relay.thread_name]
    assert front.relay.stats.open_connections == 0
    assert held.recv(1) == b""  # the relay closed its side
    held.close()
    for port in (relayed.port, hole):
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=PATIENCE).close()


def test_without_delays_or_holes_nothing_stands_in_the_path() -> None:
    def relays() -> set[str]:
        return {t.name for t in threading.enumerate() if t.name.startswith(THREAD_NAME)}

    lab = Lab(latency=Latency())
    try:
        assert lab.latency is None
        running = relays()  # another test's lab may have its own
        lab.start()
        assert lab.latency_front is None
        assert relays() == running
    finally:
        lab.stop()


def _diagnose(lab: Lab) -> dict[str, Status]:
    email = "admin@fabrikam.test"
    outcome = Diagnosis(
        Target.parse(email, Cloud.ONPREM),
        lab.network_options(timeout=5.0),
        ["dns", "autodiscover", "ews", "imap", "pop"],
        credentials=PasswordCredential(email, LAB_PASSWORD),
    ).run()
    return {s.id: s.status for s in outcome.steps}


def test_a_healthy_diagnosis_passes_through_a_lab_with_a_small_delay(lab: Lab) -> None:
    with Lab(latency=Latency(connect_ms=10, reply_ms=20)) as slow:
        delayed = _diagnose(slow)
        front = slow.latency_front
        assert front is not None
        assert front.relay.stats.replies_delayed > 0  # the traffic went through the relay
    assert delayed == _diagnose(lab)  # the same verdicts as without delays, step by step
    passed = {check for check, status in delayed.items() if status is Status.PASS}
    assert {"autodiscover.result", "ews.login", "ews.mailbox", "imap.login", "pop.login"} <= passed


def test_the_lab_command_injects_delays_and_black_holes() -> None:
    command = [sys.executable, "-m", "assistant.cli", "lab", "--scenario", "ad-srv-hung"]
    command += ["--delay-ms", "50", "--connect-delay-ms", "20", "--black-hole", HOLE]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            _the_lab_printed_its_delays_and_hole(process)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


def _the_lab_printed_its_delays_and_hole(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    lines = []
    for line in process.stdout:  # the lab prints its flags, then waits for Ctrl-C
        lines.append(line)
        if line.startswith("Press Ctrl-C"):
            break
    out = "".join(lines)
    assert f"Every reply waits 50 ms, every connection 20 ms; black-holed: {HOLE}." in out
    holes = {
        rule.partition(":")[2].partition(":")[2]  # where HOLE:443 and HOLE:80 go
        for rule in out.split()
        if rule.startswith((f"{HOLE}:443:", f"{HOLE}:80:"))
    }
    assert len(holes) == 1, out


def test_the_lab_command_refuses_a_negative_delay() -> None:
    with pytest.raises(InputError):
        lab_latency(delay_ms=-1)
    assert lab_latency() is None  # nothing asked: no relay at all
    assert lab_latency(black_holes=["x.test:443"]) == Latency(black_holes=frozenset({"x.test:443"}))
