"""Issue 11 item 17: a lab killed by a signal leaves nothing behind.

The lab's Dovecot runs in a session of its own and its folders hold private keys. A
normal stop removes both; so must SIGTERM, SIGHUP and Ctrl-C, for the CLI's `lab` and
`demo` and for the wizard's demo mode; and what a SIGKILL leaves is removed by the next
lab start (assistant/lab/leftovers.py)."""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from assistant.lab import leftovers
from assistant.lab.leftovers import MARKER, Owner, read_marker, sweep
from assistant.lab.pki import LabPKI

START_TIMEOUT = 90.0  # a lab start under a loaded machine; normally one or two seconds
EXIT_TIMEOUT = 30.0


def owned_by(pid: int) -> dict[pathlib.Path, Owner]:
    found = {}
    for parent in leftovers._parents():
        for folder in parent.iterdir():
            owner = read_marker(folder) if folder.name.startswith(leftovers.PREFIXES) else None
            if owner is not None and owner.pid == pid:
                found[folder] = owner
    return found


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes in the process group."""
    members = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def wait_until(condition, timeout: float, what: str) -> None:
    until = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < until, f"gave up waiting: {what}"
        time.sleep(0.05)


@pytest.fixture
def spawn(tmp_path: pathlib.Path) -> Iterator:
    """Start `python -m <args>` with its output in a file; killed if the test fails."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "CONNECTIVITY_ASSISTANT_CONFIG_DIR": str(tmp_path / "config"),
        }
        with open(tmp_path / f"output-{len(started)}.txt", "wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", *args], stdout=output, stderr=output, env=env
            )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def lab_is_up(process: subprocess.Popen[bytes]) -> tuple[list[pathlib.Path], int]:
    """Wait until the process's lab has its three folders and Dovecot runs."""

    def up() -> bool:
        assert process.poll() is None, "the process ended before its lab was up"
        found = owned_by(process.pid)
        services = [o.service for o in found.values() if o.service]
        return len(found) >= 3 and any(group_members(pid) for pid in services)

    wait_until(up, START_TIMEOUT, "the lab's Dovecot")
    found = owned_by(process.pid)
    kinds = {next(p for p in leftovers.PREFIXES if f.name.startswith(p)) for f in found}
    assert kinds == set(leftovers.PREFIXES)  # Dovecot's, the CA's, the identity provider's
    service = next(o.service for o in found.values() if o.service)
    assert service is not None
    return list(found), service


def assert_nothing_left(folders: list[pathlib.Path], service: int) -> None:
    wait_until(lambda: not group_members(service), 10, "the lab's Dovecot to end")
    assert [f for f in folders if f.exists()] == []


def key_files(folders: list[pathlib.Path]) -> list[pathlib.Path]:
    return [p for f in folders for p in f.rglob("*") if p.suffix in (".key", ".pem", ".pfx")]


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_the_cli_lab_stops_on_a_signal(spawn, number: int) -> None:
    process = spawn("assistant.cli", "lab")
    folders, service = lab_is_up(process)
    assert key_files(folders), "the lab's private keys are in these folders"
    process.send_signal(number)
    process.wait(timeout=EXIT_TIMEOUT)
    assert_nothing_left(folders, service)


def test_the_cli_demo_stops_on_sigterm(spawn) -> None:
    # ad-slow: autodiscover never answers, so the run is still going when the signal comes.
    process = spawn("assistant.cli", "demo", "--scenario", "ad-slow")
    folders, service = lab_is_up(process)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=EXIT_TIMEOUT)
    assert_nothing_left(folders, service)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_the_wizards_demo_lab_stops_on_a_signal(spawn, number: int) -> None:
    process = spawn("ui.launcher", "--demo")
    folders, service = lab_is_up(process)
    process.send_signal(number)
    process.wait(timeout=EXIT_TIMEOUT)
    assert_nothing_left(folders, service)


def test_the_next_start_removes_what_a_killed_lab_left(spawn) -> None:
    process = spawn("assistant.cli", "lab")
    folders, service = lab_is_up(process)
    process.kill()  # SIGKILL: nothing in the process can react
    process.wait(timeout=EXIT_TIMEOUT)
    assert group_members(service), "Dovecot, in its own session, outlives its owner"
    assert all(f.exists() for f in folders) and key_files(folders)
    with LabPKI():  # the next lab start (its first folder)
        pass
    assert_nothing_left(folders, service)


# -- sweep(), table by table --------------------------------------------------------------


def _folder(
    parent: pathlib.Path, name: str, owner: Owner | None, marker: str | None = None
) -> pathlib.Path:
    folder = parent / name
    folder.mkdir()
    (folder / "leaf.key").write_text("private", encoding="utf-8")
    if owner is not None:
        marker = json.dumps(dataclasses.asdict(owner))
    if marker is not None:
        (folder / MARKER).write_text(marker, encoding="utf-8")
    return folder


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_sweep_removes_only_folders_whose_owner_is_gone(tmp_path: pathlib.Path) -> None:
    me = Owner(os.getpid(), leftovers.process_start(os.getpid()))
    dead = _dead_pid()
    # A live process that got the pid a dead lab recorded for its Dovecot: not Dovecot,
    # its command line does not name the folder, so it must survive the sweep.
    bystander = subprocess.Popen(["sleep", "60"], start_new_session=True)
    try:
        kept = [
            _folder(tmp_path, "cadv-alive", me),
            _folder(tmp_path, "ca-lab-pki-no-marker", None),
            _folder(tmp_path, "ca-idp-garbage", None, marker="{not json"),
            _folder(tmp_path, "ca-idp-bad-pid", None, marker='{"pid": -1}'),
            _folder(tmp_path, "someone-else-dead", Owner(dead, None)),  # not a lab prefix
        ]
        gone = [
            _folder(tmp_path, "cadv-dead", Owner(dead, None)),
            # our pid, but another start time: the owner died and the pid was reused
            _folder(tmp_path, "ca-lab-pki-reused", Owner(os.getpid(), "1")),
            _folder(tmp_path, "cadv-service-reused", Owner(dead, None, service=bystander.pid)),
        ]
        assert sorted(sweep([tmp_path])) == sorted(gone)
        assert all(f.exists() for f in kept)
        assert not any(f.exists() for f in gone)
        assert bystander.poll() is None, "a process that is not the lab's Dovecot was killed"
    finally:
        bystander.kill()
        bystander.wait()
