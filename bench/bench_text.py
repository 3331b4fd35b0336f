"""What translatable engine text costs (assistant/text.py), against plain f-strings, in the
same process.

    .venv/bin/python bench/bench_text.py [rounds]

Three ratios, each ours / baseline so they do not depend on the machine:
- making text: `msg(...)` (and a nested one) against the f-string it replaced;
- rendering it in another language: `render(...)` through a dict catalogue, against
  formatting the same translated template directly;
- the JSON report: its size with the `i18n` recipes against the same report without them
  (a real lab report: every check against the healthy tenant), and the time to load it.
"""

from __future__ import annotations

import json
import sys
import time

from assistant.auth.credentials import PasswordCredential
from assistant.checks.registry import select
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab
from assistant.model import Report
from assistant.report.json_report import build_report
from assistant.runner import Runner
from assistant.text import msg, render

CATALOGUE = {
    "{host}:{port} refused the connection ({why})": "{host}:{port} 拒绝了连接（{why}）",
    "nothing listens on port {port}": "端口 {port} 上没有服务在侦听",
}


def making(rounds: int) -> tuple[float, float]:
    host = "mail.contoso.com"
    started = time.perf_counter()
    for port in range(rounds):
        why = msg("nothing listens on port {port}", port=port)
        msg("{host}:{port} refused the connection ({why})", host=host, port=port, why=why)
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for port in range(rounds):
        why_text = f"nothing listens on port {port}"
        _ = f"{host}:{port} refused the connection ({why_text})"
    return ours, time.perf_counter() - started


def rendering(rounds: int) -> tuple[float, float]:
    why = msg("nothing listens on port {port}", port=25)
    text = msg("{host}:{port} refused the connection ({why})", host="mx", port=25, why=why)
    translate = CATALOGUE.get
    started = time.perf_counter()
    for _ in range(rounds):
        render(text, lambda t: translate(t, t))
    ours = time.perf_counter() - started
    outer = CATALOGUE["{host}:{port} refused the connection ({why})"]
    inner = CATALOGUE["nothing listens on port {port}"]
    started = time.perf_counter()
    for _ in range(rounds):
        outer.format(host="mx", port=25, why=inner.format(port=25))
    return ours, time.perf_counter() - started


def report_cost() -> dict[str, float]:
    email = "admin@contoso.test"
    with Lab() as lab:
        target = Target.parse(email, Cloud.WORLDWIDE)
        options = lab.network_options()
        steps = Runner(target, options, credentials=PasswordCredential(email, LAB_PASSWORD)).run(
            select(None)
        )
    report = build_report(target, options, steps)
    with_recipes = json.dumps(report.to_dict())
    plain = json.loads(with_recipes)
    _strip(plain)
    without = json.dumps(plain)
    started = time.perf_counter()
    for _ in range(20):
        Report.from_dict(json.loads(with_recipes))
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(20):
        Report.from_dict(json.loads(without))
    baseline = time.perf_counter() - started
    return {
        "report_bytes": len(with_recipes),
        "report_size_ratio": len(with_recipes) / len(without),
        "report_load_ms": ours / 20 * 1000,
        "report_load_ratio": ours / baseline,
    }


def _strip(value: object) -> None:
    if isinstance(value, dict):
        value.pop("i18n", None)
        for item in value.values():
            _strip(item)
    elif isinstance(value, list):
        for item in value:
            _strip(item)


def main(rounds: int = 100_000) -> dict[str, float]:
    make_ours, make_base = making(rounds)
    render_ours, render_base = rendering(rounds)
    result = {
        "rounds": rounds,
        "make_us": make_ours / rounds * 1e6,
        "make_ratio": make_ours / make_base,
        "render_us": render_ours / rounds * 1e6,
        "render_ratio": render_ours / render_base,
        **report_cost(),
    }
    for key, value in result.items():
        print(f"{key:>18}: {value:.3f}" if isinstance(value, float) else f"{key:>18}: {value}")
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
