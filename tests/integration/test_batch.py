"""Batch mode (`check --domains-file`) as an admin runs it: a real process, the lab's DNS
server on loopback, JSON lines on stdout, a CSV beside the file, Ctrl-C."""

from __future__ import annotations

import csv
import io
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.batch import MAX_LINE, BadLine, DomainLine, read_domains
from assistant.batch_output import _cell
from assistant.lab.dns_server import LabDnsServer
from assistant.lab.dns_zone import Fault, Record

IDN = "xn--mller-kva.test"  # müller.test


def _zone(domain: str, spf: str, dmarc: str | None, mx: tuple[str, ...]) -> list[Record]:
    records = [Record(domain, "SOA", f"ns.{domain} hostmaster.{domain} 1 3600 600 86400 300")]
    records += [Record(domain, "MX", f"{10 * i} {host}") for i, host in enumerate(mx, 1)]
    records += [Record(host, "A", "192.0.2.25") for host in mx]
    records.append(Record(domain, "TXT", f'"{spf}"'))
    if dmarc is not None:
        records.append(Record(f"_dmarc.{domain}", "TXT", f'"{dmarc}"'))
    return records


@pytest.fixture(scope="module")
def dns() -> Iterator[str]:
    records = [
        *_zone("alpha.test", "v=spf1 include:_spf.alpha.test mx -all", "v=DMARC1; p=reject",
               ("mx1.alpha.test", "mx2.alpha.test")),
        Record("_spf.alpha.test", "TXT", '"v=spf1 a:out.alpha.test ip4:192.0.2.0/24 -all"'),
        Record("out.alpha.test", "A", "192.0.2.9"),
        *_zone("beta.test", "v=spf1 ip4:198.51.100.0/24 -all", "v=DMARC1; p=none",
               ("mx.beta.test",)),
        *_zone("gamma.test", "v=spf1 -all", None, ("mx.gamma.test",)),
        *_zone(IDN, "v=spf1 mx ~all", "v=DMARC1; p=quarantine", (f"mx.{IDN}",)),
        *_zone("delta.test", "v=spf1 -all", "v=DMARC1; p=reject", ("mx.delta.test",)),
    ]  # fmt: skip
    silent = {f"slow{i}.test": Fault.SILENT for i in range(1, 4)}
    with LabDnsServer(records, faults=silent) as server:
        host, port = server.address
        yield f"{host}:{port}"


def _command(nameserver: str, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "assistant.cli", "check", "--checks", "dns",
        "--nameserver", nameserver, *args,
    ]  # fmt: skip


def _run(nameserver: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(nameserver, *args),
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_a_file_of_domains_streams_json_lines_and_writes_the_csv(dns: str, tmp_path: Path) -> None:
    listing = tmp_path / "domains.txt"
    listing.write_text(
        "# customers, December\n"
        "alpha.test\n"
        "\n"
        "   beta.test   # trailing comment\n"
        "admin@beta.test\n"
        "https://gamma.test/login\n"
        "gamma.test\n"
        "ALPHA.test.\n"  # a duplicate, in another spelling
        "müller.test\n"
        f"{'a' * 70}.{'b' * 70}.{'c' * 70}.{'d' * 70}.test\n"
        "192.0.2.1\n"
        "two words\n",
        encoding="utf-8",
    )
    # Fewer at once than there are domains: each waits for a free slot.
    result = _run(dns, "--domains-file", str(listing), "--timeout", "5", "--parallel", "2")
    assert result.returncode == 1, result.stderr  # no record includes Exchange Online: SPF fails
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(line["domain"] for line in lines) == sorted(
        ["alpha.test", "beta.test", "gamma.test", IDN]
    )  # the duplicate ran once, the IDN in its ASCII form
    by_domain = {line["domain"]: line for line in lines}
    alpha = by_domain["alpha.test"]
    assert alpha["line"] == 2 and by_domain[IDN]["line"] == 9
    assert alpha["checks"]["dns.dmarc"]["status"] == "pass"
    assert alpha["dmarc_policy"] == "reject"
    assert alpha["mx"] == ["mx1.alpha.test", "mx2.alpha.test"]
    # include:_spf.alpha.test, its a:out.alpha.test, and mx: three lookups (RFC 7208 §4.6.4).
    assert alpha["spf_lookups"] == 3
    assert by_domain["beta.test"]["spf_lookups"] == 0
    assert by_domain["beta.test"]["dmarc_policy"] == "none"
    assert by_domain["gamma.test"]["dmarc_policy"] is None
    assert by_domain[IDN]["spf_lookups"] == 1
    assert all(set(line["checks"]) >= {"dns.resolver", "dns.mx", "dns.spf"} for line in lines)
    assert all(line["verdict"] in ("pass", "warn", "fail", "info") for line in lines)

    for number, what in (
        (5, "email address"),
        (6, "URL"),
        (10, "not a valid host"),
        (11, "IP address"),
        (12, "more than one word"),
    ):
        assert f"domains.txt:line {number}: " in result.stderr
        said = next(x for x in result.stderr.splitlines() if f":line {number}: " in x)
        assert what in said and said.endswith("skipped")
    assert "4 domains in" in result.stderr and "5 bad lines skipped" in result.stderr

    table = tmp_path / "domains.dns.csv"  # the default: beside the file
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert [r["domain"] for r in rows] == [line["domain"] for line in lines]
    alpha_row = next(r for r in rows if r["domain"] == "alpha.test")
    assert alpha_row["spf_lookups"] == "3" and alpha_row["dmarc_policy"] == "reject"
    assert alpha_row["mx_hosts"] == "mx1.alpha.test mx2.alpha.test"
    assert alpha_row["dns.dmarc"] == "pass" and alpha_row["verdict"] == alpha["verdict"]


@pytest.mark.parametrize("processes", ["1", "2"])
def test_ctrl_c_stops_at_once_and_keeps_what_finished(
    dns: str, tmp_path: Path, processes: str
) -> None:
    listing = tmp_path / "big.txt"
    # Two at a time: the fast pair finishes, then two silent domains hold both slots, so
    # delta.test can only start if a stopped batch kept starting domains. With two
    # processes, one domain at a time in each: the same.
    listing.write_text("alpha.test\nbeta.test\nslow1.test\nslow2.test\nslow3.test\ndelta.test\n")
    table = tmp_path / "out.csv"
    args: tuple[str, ...] = ("--domains-file", str(listing), "--csv", str(table))
    args += ("--parallel", "2", "--processes", processes)
    process = subprocess.Popen(
        _command(dns, *args, "--timeout", "60", "--check-deadline", "120"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        streamed = _read_lines(process, count=2, within=60)
        assert {json.loads(line)["domain"] for line in streamed} == {"alpha.test", "beta.test"}
        time.sleep(0.5)  # the silent domains are now waiting on their first answer
        process.send_signal(signal.SIGINT)
        rest, errors = process.communicate(timeout=20)  # far less than the 60 s timeout
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, errors.decode()
    assert rest.strip() == b""  # nothing after the two finished domains
    assert "stopped: 2 domains in" in errors.decode()
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert sorted(r["domain"] for r in rows) == ["alpha.test", "beta.test"]
    assert all(r["elapsed_ms"].isdigit() for r in rows)  # complete rows, not cut off
    assert _children_of_this_batch(dns) == []  # the child processes went with it


def _children_of_this_batch(nameserver: str) -> list[int]:
    """Processes still running a batch against this module's DNS server (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if nameserver.encode() in argv and b"--domains-file" in argv:
            found.append(int(entry.name))
    return found


def _read_lines(process: subprocess.Popen[bytes], *, count: int, within: float) -> list[bytes]:
    """The first `count` lines of its stdout, as they arrive (the process still runs)."""
    assert process.stdout is not None
    lines: list[bytes] = []
    buffer = b""
    until = time.monotonic() + within
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while len(lines) < count:
            assert time.monotonic() < until, f"only {lines} arrived"
            if not selector.select(timeout=0.5):
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            assert chunk, "stdout closed before the lines came"
            buffer += chunk
            *whole, buffer = buffer.split(b"\n")
            lines += whole
    assert process.poll() is None  # streamed while the batch still runs
    assert buffer == b""
    return lines


def test_a_missing_file_is_a_clear_error(dns: str, tmp_path: Path) -> None:
    result = _run(dns, "--domains-file", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "nope.txt does not exist" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_only_dns_checks_run_in_batch_mode(dns: str, tmp_path: Path) -> None:
    listing = tmp_path / "d.txt"
    listing.write_text("alpha.test\n")
    command = _command(dns, "--domains-file", str(listing))
    command[command.index("dns")] = "dns,imap"
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "batch mode runs only DNS checks" in result.stderr and "imap." in result.stderr
    assert not (tmp_path / "d.dns.csv").exists()


def test_one_check_id_runs_with_its_prerequisite(dns: str, tmp_path: Path) -> None:
    listing = tmp_path / "d.txt"
    listing.write_text("alpha.test\n")
    command = _command(dns, "--domains-file", str(listing))
    command[command.index("dns")] = "dns.spf"
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    line = json.loads(result.stdout)
    assert set(line["checks"]) == {"dns.resolver", "dns.spf"} and line["spf_lookups"] == 3


def test_the_file_is_read_line_by_line_with_bad_lines_numbered() -> None:
    raw = (
        b"\xef\xbb\xbfalpha.test\n"  # a byte-order mark
        + b"x" * (MAX_LINE * 3) + b"\n"  # far too long: refused without being held
        + b"caf\xe9.test\n"  # Latin-1, not UTF-8
        + b"localhost\n"
        + b"beta.test\r\n"
        + b"Beta.Test\n"
    )  # fmt: skip
    found = list(read_domains(io.BytesIO(raw)))
    assert found[0] == DomainLine(1, "alpha.test")
    assert isinstance(found[1], BadLine) and found[1].number == 2 and "too long" in found[1].reason
    assert isinstance(found[2], BadLine) and found[2].number == 3 and "UTF-8" in found[2].reason
    assert isinstance(found[3], BadLine) and "no dot" in found[3].reason
    assert found[4] == DomainLine(5, "beta.test")
    assert len(found) == 5  # line 6 is beta.test again


def test_a_csv_cell_a_spreadsheet_would_run_is_defused() -> None:
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("mx.test") == "mx.test"


class _Endless(io.RawIOBase):
    """A domains file with no end, counting what is read from it."""

    def __init__(self) -> None:
        self.lines = 0

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        self.lines += 1
        return f"d{self.lines}.test\n".encode()


def test_the_file_is_read_as_it_is_used_not_whole() -> None:
    """A file of any size: taking ten domains reads ten lines (memory bounded by what
    runs, not by the file)."""
    stream = _Endless()
    found = read_domains(stream)  # type: ignore[arg-type]
    first = [next(found) for _ in range(10)]
    assert [d.domain for d in first if isinstance(d, DomainLine)][-1] == "d10.test"
    assert stream.lines == 10


def test_several_processes_give_the_same_lines_and_table(dns: str, tmp_path: Path) -> None:
    listing = tmp_path / "domains.txt"
    listing.write_text("alpha.test\nbeta.test\nuser@x.test\ngamma.test\nmüller.test\nbeta.test\n")
    alone = _run(dns, "--domains-file", str(listing), "--csv", str(tmp_path / "one.csv"))
    spread = _run(
        dns, "--domains-file", str(listing), "--csv", str(tmp_path / "two.csv"),
        "--processes", "2", "--parallel", "2",
    )  # fmt: skip
    assert spread.returncode == alone.returncode == 1, spread.stderr

    def lines(result: subprocess.CompletedProcess[str]) -> dict[str, tuple[object, ...]]:
        found = [json.loads(line) for line in result.stdout.splitlines()]
        return {
            x["domain"]: (x["line"], x["verdict"], x["spf_lookups"], x["dmarc_policy"], x["mx"])
            for x in found
        }

    assert lines(spread) == lines(alone) and len(lines(alone)) == 4
    assert lines(spread)[IDN][0] == 5  # the line in the file, not in a child's input
    assert "line 3: 'user@x.test' is an email address" in spread.stderr
    assert "4 domains in" in spread.stderr

    def rows(name: str) -> list[dict[str, str]]:
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        return sorted(csv.DictReader(io.StringIO(text)), key=lambda r: r["domain"])

    ignore = {"elapsed_ms", "dns.resolver"}  # timings, and the resolver's "answered in N ms"
    strip = [{k: v for k, v in r.items() if k not in ignore} for r in rows("two.csv")]
    assert strip == [{k: v for k, v in r.items() if k not in ignore} for r in rows("one.csv")]
