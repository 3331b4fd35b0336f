"""DNS lookup cost of our Resolver against plain dnspython, in the same process.

    .venv/bin/python bench/bench_dns.py [queries]

Both clients ask the lab's DNS server the same questions; the result is a ratio
(ours / baseline) so it does not depend on the machine. Our resolver does more per
query (sliced waits for cancel, CNAME-chain interpretation, an answer object), so a
ratio near 1 says that costs nothing that matters.
"""

from __future__ import annotations

import sys
import time
import tracemalloc

import dns.message
import dns.query

from assistant.lab.tenant import Lab
from assistant.net.resolver import Resolver

NAMES = [
    ("contoso.test", "MX"),
    ("contoso.test", "TXT"),
    ("_dmarc.contoso.test", "TXT"),
    ("autodiscover.contoso.test", "A"),
    ("no-mx.test", "MX"),
    ("missing.contoso.test", "A"),
]


def ours(resolver: Resolver, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for name, rdtype in NAMES:
            resolver.query(name, rdtype)
    return time.perf_counter() - started


def baseline(host: str, port: int, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for name, rdtype in NAMES:
            query = dns.message.make_query(name, rdtype, use_edns=0, payload=1232)
            dns.query.udp(query, host, timeout=2, port=port)
    return time.perf_counter() - started


def main(rounds: int) -> dict[str, float]:
    with Lab() as lab:
        host, port = lab.dns.address
        resolver = Resolver((lab.nameserver,), timeout=2)
        ours(resolver, 5)  # warm up both paths
        baseline(host, port, 5)
        base = min(baseline(host, port, rounds) for _ in range(3))
        mine = min(ours(resolver, rounds) for _ in range(3))
        tracemalloc.start()
        ours(resolver, max(1, rounds // 10))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    queries = rounds * len(NAMES)
    result = {
        "queries": float(queries),
        "baseline_us_per_query": base / queries * 1e6,
        "ours_us_per_query": mine / queries * 1e6,
        "ratio": mine / base,
        "peak_kib_per_10pct_run": peak / 1024,
    }
    for key, value in result.items():
        print(f"{key:>24}: {value:.2f}")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
