"""A diagnosis in a process of its own (a prototype behind ui.runs.ENGINE_PROCESS): the
wizard's GUI thread then shares its GIL with nothing but one pipe reader, and Cancel is
killing a process.

The child (`python -m ui.engine_process`, Qt-free) reads one job line from stdin (the
Diagnosis's arguments, pickled: parent and child are the same code), runs it, and writes
the engine's events to stdout as JSON lines ({"event": type name, fields}). A consent
question is a line {"ask": n, "host", "why"}; the parent answers on stdin with
{"answer": n, "allowed": bool}. {"done": true} is its last line. Steps travel as their
report form (Step.to_dict, which keeps how each text was made, so they still translate);
other texts as {"text": english, "made": assistant.text.to_json(...)}.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import pickle
import sys
import threading
from typing import Any

from assistant import events as engine_events
from assistant import text as i18n
from assistant.events import Event
from assistant.model import Step

# Sign-in prompts carry objects (a device flow, a browser) that live in one process:
# a run that signs in with OAuth stays in the wizard's process.
SENT = tuple(
    getattr(engine_events, name)
    for name in (
        "RunStarted",
        "CheckStarted",
        "StepStarted",
        "StepFinished",
        "CheckFinished",
        "ProvisionalResult",
        "CheckCrashed",
        "RunFinished",
    )
    if hasattr(engine_events, name)
)
BY_NAME = {kind.__name__: kind for kind in SENT}


def encode(event: object) -> str | None:
    """One JSON line for an engine event; None for an event that cannot travel."""
    if not isinstance(event, SENT):
        return None
    out: dict[str, Any] = {"event": type(event).__name__}
    for field in dataclasses.fields(event):
        out[field.name] = _value(getattr(event, field.name))
    return json.dumps(out, ensure_ascii=False)


def decode(line: str) -> Event:
    raw = json.loads(line)
    kind = BY_NAME[raw.pop("event")]
    made: Event = kind(**{name: _back(value) for name, value in raw.items()})
    return made


def _value(value: object) -> object:
    if isinstance(value, Step):
        return {"step": value.to_dict()}
    if isinstance(value, tuple | list):
        return {"items": [_value(v) for v in value]}
    if isinstance(value, str):
        made = i18n.to_json(value)
        return value if made is None else {"text": str(value), "made": made}
    return value


def _back(value: object) -> object:
    if isinstance(value, dict):
        if "step" in value:
            return Step.from_dict(value["step"])
        if "items" in value:
            return tuple(_back(v) for v in value["items"])
        return i18n.from_json(value["text"], value["made"])
    return value


def fill_engine_caches() -> None:
    """What the engine builds once per process on first use, built before the run: at a
    run's start several checks would each miss the same cache at once and build it in
    parallel, every copy holding the GIL (bench/bench_heartbeat.py found these while the
    GUI thread was late). The TLS contexts load the system trust store (~20 ms of C code
    under the GIL, once per checking thread that got there first); the public suffix
    list is parsed in Python (~30 ms); time.strptime imports _strptime and compiles its
    regexes on the first certificate date read; dnspython imports each record type's
    module on its first answer of that type (a 100 ms stall in a run against a lab in
    another process, where the lab had not imported them already); the tenant lookup
    loads on first use. Qt-free: the engine process calls it too."""
    import time

    import dns.rdata
    import dns.rdataclass
    import dns.rdatatype

    from assistant.auth import tenant_discovery  # noqa: F401
    from assistant.checks.autodiscover.policy import is_public_suffix_bait
    from assistant.net.tls import client_context

    time.strptime("2026", "%Y")
    client_context()
    client_context(verify=False)
    is_public_suffix_bait("autodiscover.example.com")
    for name in DNS_TYPES:
        rdtype = dns.rdatatype.from_text(name)
        dns.rdata.get_rdata_class(dns.rdataclass.IN, rdtype)  # type: ignore[no-untyped-call]


# The record types the checks ask for or meet in answers (DNSSEC's among them).
DNS_TYPES = (
    *("A", "AAAA", "CNAME", "MX", "NS", "SOA", "SRV", "TXT", "PTR", "CAA", "TLSA"),
    *("DNSKEY", "DS", "RRSIG", "NSEC", "NSEC3", "OPT"),
)


def job_line(**job: object) -> bytes:
    return base64.b64encode(pickle.dumps(job)) + b"\n"


class _Child:
    """The child's side: events out, consent questions out and their answers in."""

    def __init__(self) -> None:
        self._out = threading.Lock()
        self._answers: dict[int, tuple[threading.Event, list[bool]]] = {}
        self._asked = 0
        self._closed = threading.Event()

    def send(self, line: str) -> None:
        with self._out:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    def post(self, event: object) -> None:
        line = encode(event)
        if line is not None:
            self.send(line)

    def ask(self, host: str, why: str) -> bool:
        with self._out:
            self._asked += 1
            number = self._asked
            waiter: tuple[threading.Event, list[bool]] = (threading.Event(), [])
            self._answers[number] = waiter
        self.send(json.dumps({"ask": number, "host": host, "why": str(why)}))
        while not waiter[0].wait(0.1):
            if self._closed.is_set():  # the wizard went away: no
                return False
        return bool(waiter[1] and waiter[1][0])

    def read_answers(self) -> None:
        for line in sys.stdin:
            raw = json.loads(line)
            found = self._answers.get(raw.get("answer"))
            if found is not None:
                found[1].append(bool(raw.get("allowed")))
                found[0].set()
        self._closed.set()


def main() -> int:
    # Started ahead of the run (ui.runs.prestart_engine): the engine loads while the user
    # is still on the first pages, then the process waits for its job.
    if hasattr(os, "nice"):  # the window's process goes first when the CPU is short
        os.nice(5)
    from assistant.diagnosis import Diagnosis
    from assistant.net.exchangelib_adapter import preload

    preload()
    fill_engine_caches()
    # The job comes from the wizard that started this process, over its private pipe.
    line = sys.stdin.buffer.readline()
    if not line.strip():  # the wizard closed without a run for it
        return 0
    job = pickle.loads(base64.b64decode(line))  # noqa: S301

    child = _Child()
    threading.Thread(target=child.read_answers, name="answers", daemon=True).start()
    Diagnosis(consent=child.ask, on_event=child.post, **job).run()
    child.send(json.dumps({"done": True}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
