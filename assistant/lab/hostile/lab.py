"""The hostile lab: every catalogue behaviour served at once on loopback.

    with HostileLab() as hostile:
        options = hostile.network_options(behaviour)

One ScriptServer plays every network behaviour (one listener each), one LabDnsServer
serves the hostile names and DNS faults, and two OddResolvers play the wire-level DNS
faults. A behaviour marked `main_lab` is played by the tenant lab instead (tenant.py).
"""

from __future__ import annotations

from types import TracebackType

from assistant.config import ConnectTo, HostPort, NetworkOptions
from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import Fault, Record
from assistant.lab.hostile.catalogue import CATALOGUE, Behaviour
from assistant.lab.hostile.certs import FlawedCerts
from assistant.lab.hostile.dns import OddResolver
from assistant.lab.hostile.kit import Kit
from assistant.lab.hostile.server import ScriptServer
from assistant.lab.https_server import ClosedPort
from assistant.lab.pki import LabPKI

LOOPBACK = "127.0.0.1"


class HostileLab:
    def __init__(self) -> None:
        self.pki = LabPKI()
        self.flaws = FlawedCerts(self.pki.directory)
        self.ca_bundle = self.pki.directory / "hostile-ca-bundle.pem"
        self.ca_bundle.write_bytes(self.pki.ca_pem_path.read_bytes() + self.flaws.ca_pem)
        self.server = ScriptServer()
        self.closed = ClosedPort()
        self.records: list[Record] = []
        self.faults: dict[str, Fault] = {}
        self.odd: dict[str, OddResolver] = {}
        self.rules: list[ConnectTo] = []
        self.listener_host: dict[str, str] = {}  # listener name -> the host it plays
        self._dns: LabDnsServer | None = None

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> HostileLab:
        try:
            for behaviour in CATALOGUE:
                if not behaviour.main_lab:
                    self._build(behaviour)
            self._dns = LabDnsServer(self.records, faults=self.faults)
            self._dns.start()
            for resolver in self.odd.values():
                resolver.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self._dns is not None:
            self._dns.stop()
            self._dns = None
        for resolver in self.odd.values():
            resolver.stop()
        self.server.stop()
        self.closed.close()
        self.pki.cleanup()

    def __enter__(self) -> HostileLab:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- building ---------------------------------------------------------------------------

    def _build(self, behaviour: Behaviour) -> None:
        assert behaviour.serve is not None
        kit = Kit(behaviour.domain, self.pki, self.flaws)
        made = behaviour.serve(kit)
        if behaviour.protocol == "dns":
            if isinstance(made, Fault):
                self.faults[kit.domain] = made
                self.records.append(Record(kit.domain, "MX", f"10 mx.{kit.domain}"))
            elif isinstance(made, str):
                self.odd[behaviour.name] = OddResolver(made)
            else:
                assert isinstance(made, list)
                self.records += made
            return
        dial = {"https": kit.ad_host, "mx": f"mx.{kit.domain}"}.get(behaviour.protocol, kit.host)
        scripts = made if isinstance(made, dict) else {(dial, behaviour.port): made}
        for index, ((host, port), script) in enumerate(scripts.items()):
            name = behaviour.name if index == 0 else f"{behaviour.name}-{index}"
            self._listen(name, host, port, script)
        for host in {kit.domain, kit.ad_host, f"mx.{kit.domain}", *(h for h, _ in scripts)}:
            self.records.append(Record(host, "A", LOOPBACK))
        if behaviour.protocol == "mx":
            self.records.append(Record(kit.domain, "MX", f"10 mx.{kit.domain}"))
        taken = set(scripts)
        for host, port in (
            (kit.domain, 443),
            (kit.domain, 80),
            (kit.ad_host, 80),
            (kit.ad_host, 443),
        ):
            if (host, port) not in taken:  # every other autodiscover candidate: refused
                self.rules.append(
                    ConnectTo(HostPort(host, port), HostPort(LOOPBACK, self.closed.port))
                )

    def _listen(self, name: str, host: str, port: int, script: object) -> None:
        listening = self.server.add(name, script)  # type: ignore[arg-type]
        self.listener_host[name] = host
        self.rules.append(ConnectTo(HostPort(host, port), HostPort(LOOPBACK, listening)))

    # -- how a check reaches a behaviour ----------------------------------------------------------

    @property
    def nameserver(self) -> HostPort:
        assert self._dns is not None, "start the lab first"
        host, port = self._dns.address
        return HostPort(host, port)

    def network_options(
        self, behaviour: Behaviour, *, timeout: float, check_deadline: float
    ) -> NetworkOptions:
        nameserver = self.nameserver
        if behaviour.name in self.odd:
            nameserver = HostPort(LOOPBACK, self.odd[behaviour.name].port)
        endpoints: tuple[tuple[str, str], ...] = ()
        if behaviour.protocol in ("smtp", "imap", "pop"):
            endpoints = ((behaviour.protocol, f"{behaviour.domain}:{behaviour.port}"),)
        return NetworkOptions(
            nameservers=(nameserver,),
            connect_to=tuple(self.rules),
            ca_bundle=str(self.ca_bundle),
            timeout=timeout,
            check_deadline=check_deadline,
            endpoints=endpoints,
        )

    def received(self, behaviour: Behaviour) -> dict[str, bytes]:
        """What each listener of `behaviour` received: {host: bytes}."""
        return {
            self.listener_host[name]: bytes(got.data)
            for name, got in self.server.received.items()
            if name == behaviour.name or name.startswith(f"{behaviour.name}-")
        }
