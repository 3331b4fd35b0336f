"""Batch mode: the dns.* checks for every domain in a file, many at once.

    connectivity-assistant check --checks dns --domains-file domains.txt

The file is read as it is used (one line at a time, never whole), at most `parallel`
domains run at once, and each finished domain is written at once (batch_output.py: a
JSON line on stdout, a CSV row), so memory stays bounded by `parallel`, not by the file.
What grows with the file is the set of names already seen (for duplicates): an 8-byte
digest per unique domain.

Each domain is an ordinary run of the dns.* checks (runner.Runner, its own cancel tokens
and deadlines); `cancel()` trips the running ones and starts no more. A cancelled
domain is not written: what was written stays complete, one line and one row per
finished domain.

Only the DNS area: every other area talks to the domain's servers (HTTPS, IMAP, SMTP,
sign-ins), and a batch of a thousand domains must not knock on a thousand mail servers
with one command.
"""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from assistant.check import Check
from assistant.checks.dns import DNS_CHECKS
from assistant.checks.registry import select
from assistant.config import InputError, NetworkOptions, Target
from assistant.facts import Cloud
from assistant.hostnames import HostNameError, ascii_host, ip_literal
from assistant.model import Step
from assistant.runner import Runner
from assistant.text import msg

DEFAULT_PARALLEL = 16
MAX_PARALLEL = 256
MAX_LINE = 1024  # bytes of one line that are read; a longer line is refused, not buffered
# Workers inside one domain's run: after dns.resolver its 12 checks are all ready at once;
# more threads than this only add GIL contention when `parallel` domains already overlap.
WORKERS_PER_DOMAIN = 4
_DNS_IDS = frozenset(c.id for c in DNS_CHECKS)


@dataclass(frozen=True)
class BadLine:
    """A line of the file that names no domain, and why (already in words)."""

    number: int
    reason: str


@dataclass(frozen=True)
class DomainLine:
    number: int
    domain: str  # ascii_host form: what goes on the wire and in the output


@dataclass(frozen=True)
class DomainResult:
    domain: str
    line: int  # where the file names it (its first line, for a duplicate)
    steps: tuple[Step, ...]
    elapsed_ms: int


def batch_checks(names: Sequence[str] | None) -> list[Check]:
    """The checks a batch runs: dns.* only (all of them when `names` is None). Another
    area or check is refused (InputError), not silently dropped."""
    if names is None:
        return list(DNS_CHECKS)
    checks = select(names)
    others = [c.id for c in checks if c.id not in _DNS_IDS]
    if others:
        raise InputError(
            msg(
                "batch mode runs only DNS checks (dns or dns.* IDs); not {checks}",
                checks=", ".join(others),
            )
        )
    return checks


def open_domains_file(path: str) -> BinaryIO:
    """The file, opened for reading ("-": standard input); InputError (in words) when
    it cannot be."""
    if path == "-":
        return open(sys.stdin.fileno(), "rb", closefd=False)
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(msg("the domains file {path} does not exist", path=path)) from None
    except IsADirectoryError:
        raise InputError(msg("the domains file {path} is a folder", path=path)) from None
    except OSError as exc:
        raise InputError(
            msg(
                "cannot read the domains file {path}: {error}",
                path=path,
                error=exc.strerror or str(exc),
            )
        ) from None


def read_domains(stream: BinaryIO) -> Iterator[DomainLine | BadLine]:
    """Each line of `stream` as a domain or a bad line; blank lines, comments (`#` to the
    end of the line) and second sightings of a domain are left out. Lazy: one bounded
    line in memory at a time."""
    seen: set[bytes] = set()
    number = 0
    while True:
        raw = stream.readline(MAX_LINE + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield BadLine(number, msg("the line is too long to hold a domain"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield BadLine(number, msg("the line is not UTF-8 text"))
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")  # a byte-order mark from a Windows editor
        text = text.partition("#")[0].strip()
        if not text:
            continue
        found = parse_domain_line(number, text)
        if isinstance(found, DomainLine):
            digest = hashlib.blake2b(found.domain.encode("ascii"), digest_size=8).digest()
            if digest in seen:
                continue
            seen.add(digest)
        yield found


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(MAX_LINE)
        if not chunk or chunk.endswith(b"\n"):
            return


def parse_domain_line(number: int, text: str) -> DomainLine | BadLine:
    """One non-blank line (comment removed) as a domain in its ASCII form, or why not."""
    shown = text if len(text) <= 80 else text[:80] + "…"
    if "://" in text or "/" in text:
        return BadLine(number, msg("'{text}' is a URL; give the domain only", text=shown))
    if "@" in text:
        return BadLine(
            number, msg("'{text}' is an email address; give the domain only", text=shown)
        )
    if any(c.isspace() for c in text):
        return BadLine(number, msg("'{text}' holds more than one word", text=shown))
    if ip_literal(text) is not None:
        return BadLine(number, msg("'{text}' is an IP address, not a domain", text=shown))
    try:
        domain = ascii_host(text)
    except HostNameError as exc:
        return BadLine(number, str(exc))
    if "." not in domain:
        return BadLine(number, msg("'{text}' is not a domain (it has no dot)", text=shown))
    return DomainLine(number, domain)


class Batch:
    """One batch run. `run` blocks (call it on a thread of its own); `cancel` may be
    called from any thread and makes `run` return within about a second."""

    def __init__(
        self,
        checks: Sequence[Check],
        options: NetworkOptions,
        *,
        cloud: Cloud = Cloud.WORLDWIDE,
        parallel: int = DEFAULT_PARALLEL,
    ) -> None:
        self.checks = list(checks)
        self.options = options
        self.cloud = cloud
        self.parallel = max(1, min(parallel, MAX_PARALLEL))
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._running: set[Runner] = set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()
        with self._lock:
            running = list(self._running)
        for runner in running:
            runner.cancel()

    def run(
        self,
        lines: Iterator[DomainLine | BadLine],
        on_result: Callable[[DomainResult], None],
        on_bad_line: Callable[[BadLine], None],
    ) -> None:
        """Run every domain of `lines`, at most `parallel` at a time. `on_result` is called
        once per finished domain, from worker threads, one call at a time; a domain the
        cancel stopped is not reported. `on_bad_line` is called on this thread."""
        slots = threading.Semaphore(self.parallel)
        report = threading.Lock()

        def work(line: DomainLine) -> None:
            try:
                result = self._one(line)
                if result is not None:
                    with report:
                        if not self._cancel.is_set():
                            on_result(result)
            finally:
                slots.release()

        pool = ThreadPoolExecutor(self.parallel, thread_name_prefix="ca-batch")
        try:
            for line in lines:
                if self._cancel.is_set():
                    break
                if isinstance(line, BadLine):
                    on_bad_line(line)
                    continue
                while not slots.acquire(timeout=0.1):
                    if self._cancel.is_set():
                        return
                if self._cancel.is_set():
                    slots.release()
                    break
                pool.submit(work, line)
        finally:
            # After a cancel the stopped domains unwind on their own (their tokens are
            # tripped); nothing they say is reported, so there is nothing to wait for.
            # (A slot is freed as a domain ends, before its worker is: the next domain may
            # wait in the pool's queue, so the queue is dropped only after a cancel.)
            stopped = self._cancel.is_set()
            pool.shutdown(wait=not stopped, cancel_futures=stopped)
            with report:  # a result being written when the cancel came is finished first
                pass

    def _one(self, line: DomainLine) -> DomainResult | None:
        runner = Runner(
            Target(domain=line.domain, cloud=self.cloud),
            self.options,
            max_workers=WORKERS_PER_DOMAIN,
        )
        with self._lock:
            if self._cancel.is_set():
                return None
            self._running.add(runner)
        started = time.monotonic()
        try:
            steps = runner.run(self.checks)
        finally:
            with self._lock:
                self._running.discard(runner)
        if runner.cancelled:
            return None
        elapsed_ms = int((time.monotonic() - started) * 1000)
        return DomainResult(line.domain, line.number, tuple(steps), elapsed_ms)
