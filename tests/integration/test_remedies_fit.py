"""Remedies that fit what happened (issue 16, item 4), against real sockets on loopback.

A server that took the TCP connection and never answered has an open port: its remedy
says so instead of "check that TCP 443 is open". A certificate remedy names its host.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from assistant.checks.autodiscover import AUTODISCOVER_CHECKS
from assistant.config import ConnectTo, NetworkOptions, Target
from assistant.facts import Cloud
from assistant.lab.faulty_tcp import Behaviour, FaultSpec, FaultyTcpServer
from assistant.lab.tenant import Lab
from assistant.model import Step
from assistant.runner import Runner

CANDIDATE = "autodiscover.candidate.autodiscover_https"
SILENT_WORDS = "accepted the TCP connection but never answered"
OPEN_PORT_ADVICE = "TCP 443 is open"


@pytest.fixture(scope="module")
def silent_port() -> Iterator[int]:
    server = FaultyTcpServer().start()
    try:
        yield server.add(FaultSpec(Behaviour.SILENT))
    finally:
        server.stop()


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then released): connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _walk(lab: Lab, domain: str, options: NetworkOptions) -> Step:
    runner = Runner(Target.parse(f"admin@{domain}", Cloud.ONPREM), options)
    [step] = runner.run(AUTODISCOVER_CHECKS)
    return step


def _routed(lab: Lab, host: str, port: int) -> NetworkOptions:
    """The lab's options with `host`:443 sent to 127.0.0.1:`port` (first rule wins)."""
    options = lab.network_options(timeout=0.5)
    rule = ConnectTo.parse(f"{host}:443:127.0.0.1:{port}")
    return replace(options, connect_to=(rule, *options.connect_to))


def _candidate(step: Step) -> Step:
    found = step.find(CANDIDATE)
    assert found is not None, [c.id for c in step.children]
    return found


def test_a_server_that_accepts_and_never_answers_is_not_told_to_open_the_port(
    lab: Lab, silent_port: int
) -> None:
    host = "autodiscover.fabrikam.test"
    candidate = _candidate(_walk(lab, "fabrikam.test", _routed(lab, host, silent_port)))
    assert candidate.remedy is not None, candidate.to_dict()
    remedy = candidate.remedy.text
    assert SILENT_WORDS in remedy and f"{host}:443" in remedy
    assert "firewall or proxy that accepts and holds connections" in remedy
    assert OPEN_PORT_ADVICE not in remedy


def test_a_refused_connection_still_gets_the_open_port_advice(lab: Lab) -> None:
    """The other side of the distinction: nothing listening is a reachability problem."""
    host = "autodiscover.fabrikam.test"
    candidate = _candidate(_walk(lab, "fabrikam.test", _routed(lab, host, _closed_port())))
    assert candidate.remedy is not None, candidate.to_dict()
    assert OPEN_PORT_ADVICE in candidate.remedy.text
    assert SILENT_WORDS not in candidate.remedy.text


def test_the_certificate_remedy_names_the_host(lab: Lab) -> None:
    candidate = _candidate(_walk(lab, "ad-expired.test", lab.network_options(timeout=1.0)))
    assert candidate.remedy is not None, candidate.to_dict()
    assert "Fix the certificate on autodiscover.ad-expired.test:" in candidate.remedy.text
    assert "this host" not in candidate.remedy.text


def test_an_on_premises_target_never_falls_back_on_cloud_endpoints(lab: Lab) -> None:
    options = lab.network_options(timeout=0.5)
    nothing = _walk(lab, "ad-dead.test", options)
    assert "cloud" not in nothing.details.lower(), nothing.details
    assert "no default endpoints to fall back on" in nothing.details
    assert nothing.remedy is not None and "cloud" not in nothing.remedy.text.lower()

    found = _walk(lab, "fabrikam.test", options)
    assert "cloud" not in found.details.lower(), found.details
    # No sign-in: the v2 lookup is where the EWS URL came from, and the text names it.
    v2 = found.find("autodiscover.v2")
    assert v2 is not None
    assert f"The endpoints come from autodiscover ({v2.title})." in found.details


def test_a_cloud_target_still_compares_with_the_clouds_endpoints(lab: Lab) -> None:
    runner = Runner(
        Target.parse("admin@ad-dead.test", Cloud.WORLDWIDE), lab.network_options(timeout=0.5)
    )
    [step] = runner.run(AUTODISCOVER_CHECKS)
    assert "Using the cloud's default endpoints" in step.details
