"""Knot DNS from Debian as a real authoritative server for benchmarks and tests at scale.

The lab's own DNS server (dns_server.py) is Python: around two thousand queries a second,
so a benchmark of many domains against it would measure the server. Knot answers from
compiled zones in C, far faster than any client here can ask.

As with Postfix and Dovecot (postfix.py, dovecot.py): our own configuration and zone files
in a fresh temporary folder, UDP and TCP on a high port on 127.0.0.1 held by bound
sockets until Knot starts, the daemon in a session of its own so stop() kills it whole,
the system's Knot (if any) never used. Knot runs as whoever starts it; it needs no root.

    with LabKnot({"contoso.test": [Record("contoso.test", "MX", "10 mx.contoso.test")]}) as knot:
        host, port = knot.address

Each zone gets an SOA and an NS (with its address) unless its records bring their own.
Knot is authoritative only: a name outside every zone is REFUSED and a CNAME is not
chased into another zone, as a real authoritative server would answer.
"""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import time
from collections.abc import Iterable, Mapping

import dns.exception
import dns.message
import dns.query
import dns.rcode

from assistant.lab import leftovers
from assistant.lab.dns_zone import Record

KNOTD = "/usr/sbin/knotd"
DEBIAN_PACKAGE = "knot"
ADDRESS = "127.0.0.1"
START_TIMEOUT = 20.0  # seconds: Knot compiles every zone before it answers
UDP_WORKERS = 2  # the machines here have two cores, shared with the client


def unavailable() -> str | None:
    """Why Knot cannot run here, or None when it can."""
    if not os.access(KNOTD, os.X_OK):
        return f"Knot DNS is not installed ({KNOTD} is missing; apt-get install {DEBIAN_PACKAGE})"
    return None


class LabKnot:
    """Knot serving `zones` (apex -> its records) on ADDRESS and a held high port."""

    def __init__(self, zones: Mapping[str, Iterable[Record]]) -> None:
        if not zones:
            raise ValueError("Knot needs at least one zone")
        self._zones = {apex.rstrip(".").lower(): list(records) for apex, records in zones.items()}
        # Held until Knot starts: a port merely found free could be taken meanwhile.
        self._reserved = _reserve_port()
        self.port = int(self._reserved[0].getsockname()[1])
        self._base: pathlib.Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> tuple[str, int]:
        return ADDRESS, self.port

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> LabKnot:
        reason = unavailable()
        if reason is not None:
            raise RuntimeError(reason)
        base = leftovers.lab_folder("cadv-knot-")
        self._base = base
        try:
            config = self._layout(base)
            self._release_port()
            with open(base / "stderr.log", "wb") as errors:
                self._process = subprocess.Popen(  # noqa: S603 - fixed binary, our own config
                    [KNOTD, "-c", str(config)],
                    stdin=subprocess.DEVNULL,
                    stdout=errors,
                    stderr=errors,
                    start_new_session=True,  # its own process group, killed whole in stop()
                )
            leftovers.record_service(base, self._process.pid)
            self._wait_for_answers()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        self._release_port()
        process, self._process = self._process, None
        base, self._base = self._base, None
        leftovers.stop_service(process, base)

    def __enter__(self) -> LabKnot:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_text(self) -> str:
        return leftovers.service_logs(self._base, ("stderr.log",))

    # -- internals --------------------------------------------------------------------

    def _release_port(self) -> None:
        reserved, self._reserved = self._reserved, ()
        for sock in reserved:
            sock.close()

    def _layout(self, base: pathlib.Path) -> pathlib.Path:
        zones_dir, run, db = base / "zones", base / "run", base / "db"
        for folder in (zones_dir, run, db):
            folder.mkdir()
        for apex, records in self._zones.items():
            (zones_dir / f"{apex}.zone").write_text(zone_text(apex, records), encoding="utf-8")
        listing = "".join(f'  - domain: "{apex}."\n' for apex in self._zones)
        config = base / "knot.conf"
        config.write_text(
            f"""# Written by assistant/lab/knot.py for one lab run.
server:
    rundir: "{run}"
    listen: {ADDRESS}@{self.port}
    udp-workers: {UDP_WORKERS}
    tcp-workers: 1
    background-workers: 1
database:
    storage: "{db}"
log:
  - target: stderr
    any: warning
template:
  - id: default
    storage: "{zones_dir}"
    file: "%s.zone"
    zonefile-sync: -1
    journal-content: none
    semantic-checks: off
zone:
{listing}""",
            encoding="utf-8",
        )
        return config

    def _wait_for_answers(self) -> None:
        apex = next(iter(self._zones))
        query = dns.message.make_query(f"{apex}.", "SOA")
        until = time.monotonic() + START_TIMEOUT
        while True:
            if self._process is None or self._process.poll() is not None:
                raise RuntimeError("Knot did not start:\n" + self.log_text()[-2000:])
            try:
                answer = dns.query.udp(query, ADDRESS, port=self.port, timeout=0.2)
                if answer.rcode() == dns.rcode.NOERROR and answer.answer:
                    return
            except (dns.exception.DNSException, OSError):
                pass
            if time.monotonic() > until:
                raise RuntimeError(
                    f"Knot did not answer on {ADDRESS}:{self.port} within "
                    f"{START_TIMEOUT:g} s:\n" + self.log_text()[-2000:]
                )
            time.sleep(0.05)


def zone_text(apex: str, records: Iterable[Record]) -> str:
    """A zone file for `apex`: the records with absolute owner names, and an SOA and NS
    of its own unless the records have them."""
    records = list(records)
    lines = [f"$ORIGIN {apex}.", "$TTL 300"]
    types = {r.rtype.upper() for r in records if r.name.rstrip(".").lower() == apex}
    if "SOA" not in types:
        lines.append(f"{apex}. SOA ns.{apex}. hostmaster.{apex}. 1 3600 600 86400 300")
    if "NS" not in types:
        lines += [f"{apex}. NS ns.{apex}.", f"ns.{apex}. A {ADDRESS}"]
    for record in records:
        value = record.value
        if record.rtype.upper() in ("MX", "CNAME", "NS", "SRV", "PTR") and not value.endswith("."):
            value += "."  # names in values are absolute (dns_zone.Record's rule)
        lines.append(f"{record.name.rstrip('.')}. {record.ttl} {record.rtype.upper()} {value}")
    return "\n".join(lines) + "\n"


def _reserve_port() -> tuple[socket.socket, ...]:
    """A port free for both UDP and TCP on ADDRESS, held by bound sockets."""
    for _attempt in range(50):
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.bind((ADDRESS, 0))
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.bind((ADDRESS, tcp.getsockname()[1]))
        except OSError:
            tcp.close()
            udp.close()
            continue
        return tcp, udp
    raise RuntimeError("no port on 127.0.0.1 was free for both UDP and TCP")
