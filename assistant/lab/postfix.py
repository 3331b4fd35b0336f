"""Postfix from Debian as the lab's relay between its front doors and the mailboxes.

What the lab's SMTP submission and MX accept goes to this Postfix over SMTP (delivery.py),
and Postfix delivers it to Dovecot over LMTP: each adds its own real `Received:` header,
so a relay round trip reads the hops a real message has.

As with Dovecot (dovecot.py): our own configuration in a fresh, short temporary folder,
smtpd on a high port on 127.0.0.1 held by a bound socket until Postfix starts, its own
queue and data directories, no DNS, the system's Postfix (if any) never used. Postfix
is the master daemon started directly (`master -c <folder>/etc -d`): `postfix start`
runs its integrity checks first (seconds), and `master -d` stays in the foreground, in
the session the lab gives it, so stop() kills the whole process group. The queue
directories are made here, as `postfix check` would make them.

Every recipient must be a lab mailbox (a `check_recipient_access` table of them, the
`+Junk` detail allowed): a stranger is refused at RCPT TO, not bounced later.

Postfix needs root (its daemons drop to the `postfix` user); where it cannot run
(`unavailable()` says why) the lab delivers straight to Dovecot's LMTP instead.
"""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import time
from collections.abc import Iterable

from assistant.lab import leftovers
from assistant.lab.dovecot import RECIPIENT_DELIMITER

if os.name == "posix":  # Postfix's users; without them (Windows) unavailable()
    # says Postfix is not installed before it needs them
    import grp
    import pwd

MASTER = "/usr/lib/postfix/sbin/master"
DEBIAN_PACKAGE = "postfix"
ADDRESS = "127.0.0.1"
HOSTNAME = "relay.lab.test"
START_TIMEOUT = 10.0
MAIL_OWNER = "postfix"
SETGID_GROUP = "postdrop"
# (directory, owner, group, mode) under queue_directory, as postfix-files makes them.
_QUEUE_DIRS = (
    *(
        (name, MAIL_OWNER, "root", 0o700)
        for name in (
            "active", "bounce", "corrupt", "defer", "deferred", "flush",
            "hold", "incoming", "private", "saved", "trace",
        )
    ),
    ("maildrop", MAIL_OWNER, SETGID_GROUP, 0o730),
    ("public", MAIL_OWNER, SETGID_GROUP, 0o710),
    ("pid", "root", "root", 0o755),
)  # fmt: skip
_SERVICES = """\
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
showq     unix  n - n - - showq
postlog   unix-dgram n - n - 1 postlogd
"""


def unavailable() -> str | None:
    """Why Postfix cannot run here, or None when it can."""
    if not os.access(MASTER, os.X_OK):
        return f"Postfix is not installed ({MASTER} is missing; apt-get install {DEBIAN_PACKAGE})"
    if os.geteuid() != 0:
        return "Postfix needs root (its daemons run as the postfix user)"
    try:
        pwd.getpwnam(MAIL_OWNER)
        grp.getgrnam(SETGID_GROUP)
    except KeyError:
        return f"the {MAIL_OWNER} user or the {SETGID_GROUP} group is missing"
    return None


class LabPostfix:
    def __init__(self, lmtp: tuple[str, int], recipients: Iterable[str]) -> None:
        """`lmtp`: Dovecot's LMTP listener; `recipients`: the mailboxes it serves."""
        self._lmtp = lmtp
        self._recipients = sorted({r.lower() for r in recipients})
        for address in self._recipients:
            if not address or any(c.isspace() or c in "#:" for c in address):
                raise ValueError(f"an access table cannot hold the lab address {address!r}")
        # Held until Postfix starts: a port merely found free could be taken meanwhile.
        self._reserved: socket.socket | None = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._reserved.bind((ADDRESS, 0))
        self.port = int(self._reserved.getsockname()[1])
        self._base: pathlib.Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The master daemon's pid (also its process group), while it runs."""
        return self._process.pid if self._process is not None else None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> LabPostfix:
        reason = unavailable()
        if reason is not None:
            raise RuntimeError(reason)
        base = leftovers.lab_folder("cadv-pf-", "/tmp")  # noqa: S108 - short, as Dovecot's
        base.chmod(0o755)  # the daemons, as the postfix user, reach their queue through it
        self._base = base
        try:
            etc = self._layout(base)
            self._release_port()
            with open(base / "stderr.log", "wb") as errors:
                self._process = subprocess.Popen(  # noqa: S603 - fixed binary, our own config
                    [MASTER, "-c", str(etc), "-d"],
                    stdin=subprocess.DEVNULL,
                    stdout=errors,
                    stderr=errors,
                    start_new_session=True,  # its own process group, killed whole in stop()
                )
            # Stopped with the lab, on SIGTERM, at exit, or by the next start after a crash.
            leftovers.record_service(base, self._process.pid)
            self._wait_for_greeting()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        self._release_port()
        process, self._process = self._process, None
        base, self._base = self._base, None
        leftovers.stop_service(process, base)

    def __enter__(self) -> LabPostfix:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_text(self) -> str:
        """Postfix's log so far (postlogd's file and the master's stderr)."""
        return leftovers.service_logs(self._base, ("stderr.log", "postfix.log"))

    # -- internals --------------------------------------------------------------------

    def _release_port(self) -> None:
        reserved, self._reserved = self._reserved, None
        if reserved is not None:
            reserved.close()

    def _layout(self, base: pathlib.Path) -> pathlib.Path:
        etc, queue, data = base / "etc", base / "queue", base / "data"
        for folder in (etc, queue, data):
            folder.mkdir(mode=0o755)
        os.chown(data, pwd.getpwnam(MAIL_OWNER).pw_uid, -1)
        data.chmod(0o700)
        for name, owner, group, mode in _QUEUE_DIRS:
            folder = queue / name
            folder.mkdir()
            os.chown(folder, pwd.getpwnam(owner).pw_uid, grp.getgrnam(group).gr_gid)
            folder.chmod(mode)
        (etc / "recipients").write_text(
            "".join(f"{address} OK\n" for address in self._recipients), encoding="utf-8"
        )
        (etc / "main.cf").write_text(self._main_cf(base), encoding="utf-8")
        (etc / "master.cf").write_text(
            f"{ADDRESS}:{self.port} inet n - n - - smtpd\n{_SERVICES}", encoding="utf-8"
        )
        # Postfix reads a file changed within the current second again every 300 ms
        # until the second has passed (it might still be being written): seconds of
        # start-up. Our files are complete, so they are dated a minute back.
        past = time.time() - 60
        for path in etc.iterdir():
            os.utime(path, (past, past))
        return etc

    def _main_cf(self, base: pathlib.Path) -> str:
        lmtp_host, lmtp_port = self._lmtp
        return f"""# Written by assistant/lab/postfix.py for one lab run.
compatibility_level = 3.6
queue_directory = {base}/queue
data_directory = {base}/data
maillog_file_prefixes = {base}
maillog_file = {base}/postfix.log
mail_owner = {MAIL_OWNER}
setgid_group = {SETGID_GROUP}
myhostname = {HOSTNAME}
inet_interfaces = {ADDRESS}
inet_protocols = ipv4
# Nothing is local: every recipient is relayed to Dovecot over LMTP.
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
default_transport = lmtp:inet:{lmtp_host}:{lmtp_port}
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
recipient_delimiter = {RECIPIENT_DELIMITER}
smtpd_recipient_restrictions =
  check_recipient_access texthash:{base}/etc/recipients, reject
# No DNS: the only next hop is an IP literal, and the client is on loopback.
disable_dns_lookups = yes
smtp_host_lookup = native
lmtp_host_lookup = native
smtpd_peername_lookup = no
smtputf8_enable = no
biff = no
message_size_limit = 157286400
# A deferred message (Dovecot briefly away) is retried within seconds, not minutes.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
"""

    def _wait_for_greeting(self) -> None:
        until = time.monotonic() + START_TIMEOUT
        while True:
            if self._process is None or self._process.poll() is not None:
                raise RuntimeError("Postfix did not start:\n" + self.log_text()[-2000:])
            try:
                with socket.create_connection((ADDRESS, self.port), timeout=1) as probe:
                    probe.settimeout(max(0.1, until - time.monotonic()))
                    greeting = probe.recv(512)
                if greeting.startswith(b"220"):
                    return
            except OSError:
                pass
            if time.monotonic() > until:
                raise RuntimeError(
                    f"Postfix did not greet on {ADDRESS}:{self.port} within "
                    f"{START_TIMEOUT:g} s:\n" + self.log_text()[-2000:]
                )
            time.sleep(0.02)
