"""Batch mode against checkdmarc's check_domains, over the same domains on a real server.

    .venv/bin/python bench/bench_batch.py [domains] [parallel] [delay_ms]

Generates `domains` lab zones (varied SPF with include chains, DMARC, MX, DKIM and
autodiscover records), serves them with Knot on a high loopback port
(assistant/lab/knot.py; a Python server would cap the rate and measure itself), then:

- ours: `connectivity-assistant check --checks dns --domains-file F --parallel N` through
  the CLI's own main(), JSON lines and CSV written as in real use;
- checkdmarc: `check_domains(domains, nameservers=[Do53Nameserver(host, port)])`, its
  documented way to name the servers (dnspython Nameserver objects carry the port).

Both ask the same server about the same domains; the figures are domains per second and
their ratio (ours / checkdmarc; the target is at least 5). The two tools do different
amounts of work per domain (ours: 13 dns.* checks; checkdmarc: SOA, NS, MX, SPF, DMARC,
DNSSEC, MTA-STS, TLS-RPT, BIMI), so the ratio is per domain checked, as an admin sees it.

Then the SPF DNS-lookup counts per domain (RFC 7208 §4.6.4: include, a, mx, ptr, exists
and redirect count one each, through every nested record; ip4, ip6 and all do not) are
compared, each against the count the generator built the record to have. Every
difference is listed with which side is right.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

from assistant.cli import main as cli_main
from assistant.lab.dns_zone import Record
from assistant.lab.knot import LabKnot
from assistant.lab.udp_delay import UdpDelay

MS_INCLUDE = "spf.protection.outlook.com"  # costs 2: it includes spfd.protection.outlook.com
PROVIDERS = 5  # _spf.provK.test includes _spf.prov(K-1).test: costs K lookups
OVER = "over 10"  # the RFC's answer for a record past the limit: permerror, no exact count


class Generated(NamedTuple):  # not a dataclass: the smoke test loads this file by path
    domain: str
    spf: str | None
    expected: int | str | None  # RFC 7208 §4.6.4 count, OVER, or None (no record)
    records: list[Record]


Variant = tuple[str | None, int | str | None, list[Record]]


def spf_variant(i: int, d: str) -> Variant:
    """The i-th domain's SPF record, its lookup count by construction, and helper records."""
    table = spf_variant_table(d, 1 + i % 4)
    return table[i % len(table)]


def spf_variant_table(d: str, j: int = 1) -> list[Variant]:
    """Every SPF record shape for domain `d` (j: which provider chain it uses)."""
    ms = f"include:{MS_INCLUDE}"
    return [
        (f"v=spf1 {ms} -all", 2, []),
        ("v=spf1 mx a -all", 2, []),
        (f"v=spf1 {ms} include:_spf.prov{j}.test ~all", 2 + j, []),
        ("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all", 0, []),
        (
            f"v=spf1 a:out.{d} mx:{d} exists:%{{i}}._spf.{d} {ms} -all",
            5,
            [Record(f"out.{d}", "A", "192.0.2.7")],
        ),
        (f"v=spf1 redirect=_spf.prov{j}.test", j, []),
        (f"v=spf1 {ms} include:_spf.prov4.test include:_spf.prov5.test -all", OVER, []),
        (f"v=spf1 {ms} include:missing.{d} -all", 3, []),  # permerror at the 3rd
        (f"v=spf1 ptr:{d} {ms} -all", 3, []),
        ("v=spf1 mx -all", 1, []),
        (None, None, []),
        (f"v=spf1 {ms} a:gone.{d} -all", 3, []),  # a void lookup, still counted
        (f"v=spf1 {ms} {ms} -all", 4, []),  # the same include twice is two includes
    ]


def generate(size: int) -> tuple[list[Generated], dict[str, list[Record]]]:
    """`size` domains and every zone Knot serves (theirs, the providers', Microsoft's)."""
    outlook: list[Record] = [
        Record(MS_INCLUDE, "TXT", '"v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 '
               'include:spfd.protection.outlook.com -all"'),
        Record("spfd.protection.outlook.com", "TXT", '"v=spf1 ip4:51.4.72.0/24 -all"'),
        Record("autodiscover.outlook.com", "A", "192.0.2.80"),
    ]  # fmt: skip
    onmicrosoft: list[Record] = []
    parent: list[Record] = []
    zones: dict[str, list[Record]] = {}
    for k in range(1, PROVIDERS + 1):
        inner = f" include:_spf.prov{k - 1}.test" if k > 1 else ""
        value = f'"v=spf1 ip4:203.0.113.{k}/32{inner} -all"'
        zones[f"prov{k}.test"] = [Record(f"_spf.prov{k}.test", "TXT", value)]
    made = []
    for i in range(size):
        d = f"d{i:04d}.test"
        spf, expected, records = spf_variant(i, d)
        if spf is not None:
            records = [*records, Record(d, "TXT", f'"{spf}"')]
        records.append(Record(d, "TXT", f'"MS=ms{i:08d}"'))
        if i % 3 == 0:  # Exchange Online: the tenant's MX host
            host = f"{d.replace('.', '-')}.mail.protection.outlook.com"
            records.append(Record(d, "MX", f"0 {host}"))
            outlook.append(Record(host, "A", "52.101.0.25"))
        else:
            hosts = [f"mx{n}.{d}" for n in range(1, 2 + i % 3)]
            records += [Record(d, "MX", f"{10 * n} {h}") for n, h in enumerate(hosts, 1)]
            records += [Record(h, "A", f"192.0.2.{20 + n}") for n, h in enumerate(hosts, 1)]
        policy = ("reject", "quarantine", "none", None, "bogus")[i % 5]
        if policy is not None:
            records.append(Record(f"_dmarc.{d}", "TXT", f'"v=DMARC1; p={policy}"'))
        if i % 2 == 0:
            records.append(Record(f"autodiscover.{d}", "CNAME", "autodiscover.outlook.com"))
            for sel in ("selector1", "selector2"):
                target = f"{sel}-{d.replace('.', '-')}._domainkey.contoso.onmicrosoft.com"
                records.append(Record(f"{sel}._domainkey.{d}", "CNAME", target))
                onmicrosoft.append(Record(target, "TXT", '"v=DKIM1; k=rsa; p=MIIB"'))
        parent.append(Record(d, "NS", f"ns.{d}"))
        parent.append(Record(f"ns.{d}", "A", "127.0.0.1"))
        zones[d] = records
        made.append(Generated(d, spf, expected, records))
    zones["outlook.com"] = outlook
    zones["onmicrosoft.com"] = onmicrosoft or [Record("onmicrosoft.com", "TXT", '"lab"')]
    zones["test"] = parent
    return made, zones


def run_ours(
    nameserver: str, listing: Path, parallel: int, processes: int = 1
) -> tuple[float, dict[str, Any]]:
    table = listing.with_suffix(".csv")
    argv = ["check", "--checks", "dns", "--domains-file", str(listing), "--csv", str(table)]
    argv += ["--nameserver", nameserver, "--parallel", str(parallel), "--timeout", "5"]
    argv += ["--processes", str(processes)]
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(argv)
    elapsed = time.perf_counter() - started
    if code not in (0, 1):
        raise RuntimeError(f"batch mode exited {code}: {err.getvalue()[-2000:]}")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return elapsed, {line["domain"]: line for line in lines}


def run_checkdmarc(host: str, port: int, domains: list[str]) -> tuple[float, dict[str, Any]]:
    import checkdmarc  # type: ignore[import-untyped]  # the baseline; in the test extra
    from dns.nameserver import Do53Nameserver

    logging.getLogger("checkdmarc").setLevel(logging.CRITICAL)
    started = time.perf_counter()
    results = checkdmarc.check_domains(
        domains, nameservers=[Do53Nameserver(host, port)], timeout=5.0
    )
    elapsed = time.perf_counter() - started
    listed = results if isinstance(results, list) else [results]
    return elapsed, {r["domain"]: r for r in listed}


def their_count(result: dict[str, Any]) -> int | None:
    spf = result.get("spf") or {}
    count = spf.get("dns_lookups")
    if count is None and isinstance(spf.get("error"), str):
        # An over-limit record comes back as an error whose text carries the count.
        words = spf["error"].split("/")[0].split()
        return int(words[-1]) if words and words[-1].isdigit() else None
    return count if isinstance(count, int) else None


def judge(expected: int | str | None, ours: int | None, theirs: int | None) -> str:
    def fits(count: int | None) -> bool:
        if expected == OVER:
            return count is not None and count > 10
        return count == expected

    if fits(ours) and fits(theirs):
        return "both (RFC 7208 gives no exact count past 10: permerror either way)"
    if fits(ours):
        return "ours"
    return "checkdmarc" if fits(theirs) else "neither"


def main(
    size: int = 500,
    parallel: int = 16,
    *,
    delay_ms: float = 20.0,
    delayed: int = 104,
    processes: int = os.cpu_count() or 1,
    rounds: int = 2,
) -> dict[str, Any]:
    """Both tools over `size` domains straight from Knot, then over the first `delayed`
    of them with every answer held `delay_ms` (a UDP delay relay in its own process in
    front of Knot, assistant/lab/udp_delay.py): loopback measures CPU per domain, the
    delayed run what batch mode is for, answers that take time. Ours runs in one process
    and spread over `processes` (--processes; default: one per core). On loopback each
    tool runs `rounds` times, interleaved, and its best time counts (the machines here are
    shared: that is the run least disturbed by others)."""
    made, zones = generate(size)
    domains = [g.domain for g in made]
    sample = domains[: max(1, min(delayed, size))]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder, LabKnot(zones) as knot:
        host, port = knot.address
        listing = Path(folder) / "domains.txt"
        listing.write_text("".join(f"{d}\n" for d in domains), encoding="utf-8")
        near = f"{host}:{port}"
        runs: dict[str, list[tuple[float, dict[str, Any]]]] = {"ours": [], "spread": [], "them": []}
        for _round in range(rounds):  # interleaved: a neighbour's load hits all three alike
            runs["ours"].append(run_ours(near, listing, parallel))
            runs["spread"].append(run_ours(near, listing, parallel, processes))
            runs["them"].append(run_checkdmarc(host, port, domains))
        (ours_s, ours), (spread_s, spread), (theirs_s, theirs) = (
            min(runs[k], key=lambda run: run[0]) for k in ("ours", "spread", "them")
        )
        with UdpDelay(knot.address, delay_ms) as relay:
            far_host, far_port = relay.address
            few = Path(folder) / "sample.txt"
            few.write_text("".join(f"{d}\n" for d in sample), encoding="utf-8")
            ours_far_s, ours_far = run_ours(f"{far_host}:{far_port}", few, parallel)
            far_spread_s, far_spread = run_ours(f"{far_host}:{far_port}", few, parallel, processes)
            theirs_far_s, theirs_far = run_checkdmarc(far_host, far_port, sample)
    differences = spf_differences(made, ours, theirs)
    ours_rate, theirs_rate = len(ours) / ours_s, len(theirs) / theirs_s
    far_rate, their_far_rate = len(ours_far) / ours_far_s, len(theirs_far) / theirs_far_s
    spread_rate, far_spread_rate = len(spread) / spread_s, len(far_spread) / far_spread_s
    result: dict[str, Any] = {
        "domains": size,
        "parallel": parallel,
        "ours_domains": len(ours),
        "checkdmarc_domains": len(theirs),
        "ours_s": ours_s,
        "checkdmarc_s": theirs_s,
        "ours_domains_per_s": ours_rate,
        "checkdmarc_domains_per_s": theirs_rate,
        "ratio": ours_rate / theirs_rate,
        "processes": processes,
        "rounds": rounds,
        "ours_processes_domains_per_s": spread_rate,
        "ratio_processes": spread_rate / theirs_rate,
        "delay_ms": delay_ms,
        "delayed_domains": len(sample),
        "delayed_ours_domains_per_s": far_rate,
        "delayed_checkdmarc_domains_per_s": their_far_rate,
        "delayed_ratio": far_rate / their_far_rate,
        "delayed_ours_processes_domains_per_s": far_spread_rate,
        "delayed_ratio_processes": far_spread_rate / their_far_rate,
        # The figures bench/run_all.py tabulates: the best of ours (one process or one per
        # core, both a user's choice) over checkdmarc, straight from Knot and delayed.
        "throughput_ratio": max(ours_rate, spread_rate) / theirs_rate,
        "delayed_throughput_ratio": max(far_rate, far_spread_rate) / their_far_rate,
        "spf_counts_agree": size - len(differences),
        "spf_count_differences": differences,
        "spf_difference_kinds": list(_grouped(differences)),
        "ours_wrong": sum(d["right"] in ("checkdmarc", "neither") for d in differences),
        "checkdmarc_wrong": sum(d["right"] in ("ours", "neither") for d in differences),
    }
    for key, value in result.items():
        if key not in ("spf_count_differences", "spf_difference_kinds"):
            shown = f"{value:.2f}" if isinstance(value, float) else value
            print(f"{key:>32}: {shown}")
    for shape, group in _grouped(differences).items():
        print(f"  {len(group)} x {shape}: {', '.join(d['domain'] for d in group)}")
    return result


def _grouped(differences: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The differences by kind (the record with its domain left out, both counts, the
    RFC's, who is right, checkdmarc's words): one line each in the printout."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for diff in differences:
        record = str(diff["record"]).replace(diff["domain"], "<domain>")
        said = str(diff["checkdmarc_error"]).replace(diff["domain"], "<domain>")
        shape = (
            f"[{record}] ours {diff['ours']}, checkdmarc {diff['checkdmarc']}, RFC 7208 "
            f"{diff['rfc_7208']} -> right: {diff['right']}"
            + (f" (checkdmarc: {said})" if said else "")
        )
        groups.setdefault(shape, []).append(diff)
    return groups


def spf_differences(
    made: list[Generated], ours: dict[str, Any], theirs: dict[str, Any]
) -> list[dict[str, Any]]:
    """Every domain whose SPF lookup counts differ, with the RFC's count and who has it."""
    differences = []
    for g in made:
        mine = ours.get(g.domain, {}).get("spf_lookups")
        spf = theirs.get(g.domain, {}).get("spf") or {}
        other = their_count(theirs.get(g.domain, {}))
        if mine == other:
            continue
        differences.append(
            {"domain": g.domain, "record": g.spf, "rfc_7208": g.expected, "ours": mine,
             "checkdmarc": other, "right": judge(g.expected, mine, other),
             "checkdmarc_error": str(spf.get("error") or "")}
        )  # fmt: skip
    return differences


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 500,
        int(sys.argv[2]) if len(sys.argv) > 2 else 16,
        delay_ms=float(sys.argv[3]) if len(sys.argv) > 3 else 20.0,
    )
