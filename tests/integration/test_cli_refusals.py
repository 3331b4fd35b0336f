"""Input the CLI must refuse before it does anything: exit 2, one line on stderr, no
traceback, nothing on stdout (no run), no file written, and no packet sent.

Each run points every network path at loopback listeners that only record whether they
were reached: a UDP socket as the only nameserver, and a TCP listener as the IMAP server.
A run that started would ask the nameserver first.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import NetworkOptions, Target
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, write_json

PASSWORD_ENV = "CA_TEST_PASSWORD"


class Listeners:
    """A UDP 'nameserver' and a TCP 'IMAP server' on loopback that never answer."""

    def __init__(self) -> None:
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(8)
        self.udp.setblocking(False)
        self.tcp.setblocking(False)

    def flags(self) -> list[str]:
        return [
            "--nameserver",
            f"127.0.0.1:{self.udp.getsockname()[1]}",
            "--imap",
            f"127.0.0.1:{self.tcp.getsockname()[1]}:ssl",
        ]

    def reached(self) -> bool:
        try:
            self.udp.recv(512)
            return True
        except BlockingIOError:
            pass
        try:
            conn, _ = self.tcp.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True

    def close(self) -> None:
        self.udp.close()
        self.tcp.close()


@pytest.fixture
def listeners() -> Iterator[Listeners]:
    server = Listeners()
    yield server
    server.close()


def cli(
    *args: str, prefix: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "assistant.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
        env={**os.environ, PASSWORD_ENV: "pw-for-the-test", **(env or {})},
    )


def assert_refused(result: subprocess.CompletedProcess[str], words: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0], lines[0]
    assert result.stdout == "", "a run started (it prints its summary on stdout)"
    return lines[0]


def check_run(tmp_path: Path, listeners: Listeners, *args: str) -> list[str]:
    """A `check` that would run and write a JSON report, plus the arguments under test."""
    return [
        "check",
        "--checks",
        "dns,imap",
        "--timeout",
        "0.5",
        "--json",
        str(tmp_path / "report.json"),
        "--password-env",
        PASSWORD_ENV,
        *listeners.flags(),
        *args,
    ]


def unprivileged() -> tuple[str, ...]:
    """As root, drop the capability that ignores file permissions, so a read-only folder
    is read-only to the process (setpriv is in util-linux, part of every Debian)."""
    if os.geteuid() != 0:
        return ()
    return ("setpriv", "--bounding-set", "-dac_override")


# -- item 10: a CA bundle without a certificate -----------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
    ids=["empty", "broken-pem"],
)
def test_a_ca_bundle_without_a_certificate_is_refused_before_the_run(
    tmp_path: Path, listeners: Listeners, content: bytes
) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_bytes(content)
    args = check_run(tmp_path, listeners, "--domain", "contoso.test", "--ca-bundle", str(bundle))
    line = assert_refused(cli(*args), "could not read CA certificates")
    assert "_ssl.c" not in line
    assert not listeners.reached()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ca.pem"]


# -- item 11: output paths ---------------------------------------------------------------


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.json")
    return folder / "pipe.json"


def _symlink(folder: Path) -> Path:
    (folder / "notes.txt").write_text("the user's own file", encoding="utf-8")
    (folder / "link.html").symlink_to(folder / "notes.txt")
    return folder / "link.html"


def _long_name(folder: Path) -> Path:
    return folder / ("r" * 245 + ".pdf")


def _missing_folder(folder: Path) -> Path:
    return folder / "missing" / "r.zip"


OUTPUTS = [
    ("--json", _fifo, "not a regular file"),
    ("--html", _symlink, "symbolic link"),
    ("--pdf", _long_name, "too long"),
    ("--bundle", _missing_folder, "does not exist"),
]


@pytest.mark.parametrize(("flag", "make", "words"), OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_check_refuses_an_output_it_cannot_write_before_the_run(
    tmp_path: Path, listeners: Listeners, flag: str, make: object, words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = make(out)  # type: ignore[operator]
    before = {p.name: p.lstat().st_mode for p in out.iterdir()}
    args = ["check", "--domain", "contoso.test", "--checks", "dns", *listeners.flags()]
    assert_refused(cli(*args, flag, str(path)), words)
    assert not listeners.reached()
    assert {p.name: p.lstat().st_mode for p in out.iterdir()} == before
    if flag == "--html":
        assert path.is_symlink()
        assert (out / "notes.txt").read_text(encoding="utf-8") == "the user's own file"


def test_check_refuses_a_folder_it_may_not_write_to_before_the_run(
    tmp_path: Path, listeners: Listeners
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        args = ["check", "--domain", "contoso.test", "--checks", "dns", *listeners.flags()]
        result = cli(*args, "--bundle", str(locked / "r.zip"), prefix=unprivileged())
        assert_refused(result, "cannot be written to")
        assert not listeners.reached()
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


@pytest.fixture
def saved_report(tmp_path: Path) -> Path:
    step = Step("dns.mx", "MX records", Status.PASS, summary="ok")
    path = tmp_path / "saved.json"
    report = build_report(Target.parse("admin@contoso.test"), NetworkOptions(), [step])
    write_json(report, path, Redactor())
    return path


@pytest.mark.parametrize(("flag", "make", "words"), OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_report_render_refuses_an_output_it_cannot_write(
    tmp_path: Path, saved_report: Path, flag: str, make: object, words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = make(out)  # type: ignore[operator]
    before = {p.name: p.lstat().st_mode for p in out.iterdir()}
    assert_refused(cli("report", "render", str(saved_report), flag, str(path)), words)
    assert {p.name: p.lstat().st_mode for p in out.iterdir()} == before


def test_demo_refuses_an_output_it_cannot_write_before_starting_the_lab(tmp_path: Path) -> None:
    assert_refused(cli("demo", "--json", str(_fifo(tmp_path))), "not a regular file")


# -- item 12: deadlines and timeouts -----------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--check-deadline", "nan"),
        ("--check-deadline", "inf"),
        ("--check-deadline", "1e9"),
        ("--timeout", "1e-300"),
        ("--timeout", "nan"),
    ],
)
def test_a_deadline_or_timeout_outside_its_range_is_refused(
    tmp_path: Path, listeners: Listeners, flag: str, value: str
) -> None:
    args = check_run(tmp_path, listeners, "--domain", "contoso.test", flag, value)
    assert_refused(cli(*args), "out of range")
    assert not listeners.reached()
    assert list(tmp_path.iterdir()) == []


def test_help_gives_the_ranges() -> None:
    text = " ".join(cli("check", "--help").stdout.split())
    assert "0.1 to 600" in text and "at most 3600" in text


# -- item 13: a --checks that names nothing ----------------------------------------------


@pytest.mark.parametrize("value", [",", "", " , ,"])
def test_checks_naming_no_check_is_refused_rather_than_running_every_check(
    tmp_path: Path, listeners: Listeners, value: str
) -> None:
    args = check_run(tmp_path, listeners, "--email", "admin@contoso.test")
    args[args.index("--checks") + 1] = value
    assert_refused(cli(*args), "--checks names no check")
    assert not listeners.reached()
    assert list(tmp_path.iterdir()) == []


# -- item 14: control characters in what reaches a protocol line -------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--email", "ad\x01min@contoso.test"),
        ("--email", "admin\r\nA1 LOGOUT@contoso.test"),
        ("--email", "ad\u2028min@contoso.test"),
        ("--user", "admin\r\nA1 LOGIN evil x"),
        ("--user", "ad\x9bmin"),
        ("--user", "ad\x85min"),
    ],
)
def test_a_control_character_in_the_address_or_sign_in_name_is_refused(
    tmp_path: Path, listeners: Listeners, option: str, value: str
) -> None:
    target = [] if option == "--email" else ["--email", "admin@contoso.test"]
    args = check_run(tmp_path, listeners, *target, option, value)
    assert_refused(cli(*args), "control character")
    assert not listeners.reached()
    assert list(tmp_path.iterdir()) == []


def test_a_control_character_in_the_oauth_mailbox_is_refused(
    tmp_path: Path, listeners: Listeners
) -> None:
    args = [
        "check",
        "--email",
        "admin@contoso.test",
        "--checks",
        "imap",
        "--auth",
        "oauth-device",
        "--client-id",
        "00000000-0000-0000-0000-000000000001",
        "--mailbox",
        "shared\r\n@contoso.test",
        *listeners.flags(),
    ]
    assert_refused(cli(*args), "control character")
    assert not listeners.reached()


# -- item 6, at the door: a password that is not text -----------------------------------


def test_a_password_that_is_not_utf8_is_refused_without_quoting_it(
    tmp_path: Path, listeners: Listeners
) -> None:
    """os.environ hands undecodable bytes over as lone surrogates ("\\udce4")."""
    args = check_run(tmp_path, listeners, "--email", "admin@contoso.test")
    line = assert_refused(cli(*args, env={PASSWORD_ENV: "P\udce4ss-canary"}), "not valid UTF-8")
    assert "canary" not in line and "udce4" not in line and "position" not in line
    assert not listeners.reached()
    assert list(tmp_path.iterdir()) == []


def test_a_password_on_stdin_that_is_not_utf8_is_refused(
    tmp_path: Path, listeners: Listeners
) -> None:
    args = check_run(tmp_path, listeners, "--email", "admin@contoso.test")
    args[args.index("--password-env") : args.index("--password-env") + 2] = ["--password-stdin"]
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        input=b"P\xe4ss-canary\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    decoded = subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
    line = assert_refused(decoded, "not valid UTF-8")
    assert "canary" not in line
    assert not listeners.reached()
    assert list(tmp_path.iterdir()) == []
