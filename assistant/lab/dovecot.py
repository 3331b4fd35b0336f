"""Dovecot from Debian as the lab's IMAP and POP3 server (TESTING.md, "Dovecot gotchas").

One Dovecot process tree, our own configuration in a fresh, short temporary folder,
high ports on loopback, a passwd-file of lab users; the system's Dovecot (if any) is
never used. Listeners:

- implicit TLS (IMAPS, POP3S) on 127.0.0.1;
- STARTTLS (IMAP, POP3) on PLAIN_ADDRESS: Dovecot counts 127.0.0.1 -> 127.0.0.1 as a
  secured connection and would offer plaintext sign-in there, so the plaintext
  listeners sit on 127.0.0.2, where it shows LOGINDISABLED before TLS as a real server;
- the same ports on NO_TLS_ADDRESS with TLS off for that address: no STARTTLS offered;
- LMTP on 127.0.0.1 (`ports.lmtp`), where the lab's Postfix (postfix.py), or the lab's
  delivery itself when there is no Postfix, hands mail over (delivery.py). A recipient's
  `+Junk` detail (`recipient_delimiter`, `lmtp_save_to_detail_mailbox`) files the
  message into the mailbox's Junk folder, which every mailbox has (`auto = create`).

The certificate follows the name the client asks for (SNI, `local_name` blocks), so one
Dovecot serves the good, expired and wrong-name certificates.

With `oauth` (the lab identity provider's key and issuers), XOAUTH2 and OAUTHBEARER sign
in through Dovecot's `oauth2` passdb in `introspection_mode = local`: Dovecot 2.3.19
validates the JWT itself, with the key from a dict (fs:posix, looked up as
`<prefix>/<azp or "default">/<alg>/<kid>`), the expiry, the issuer (`issuers`: the
tenant's), the user (`username_attribute = upn` must equal the XOAUTH2 user=), and one
wanted value of the token's `scope` claim, per protocol (`imap` / `pop`; see
lab/identity/tokens.py for why the lab puts that claim in). No HTTP call to the
identity provider is needed. Passwords keep going to the passwd-file passdb, which is
limited to PLAIN and LOGIN.

App-only tokens carry no upn (the user's passdb answers "No username returned" and the
next passdb is tried): Exchange Online opens a mailbox for an app's token when the
app's service principal was given the mailbox (Add-MailboxPermission), so each of the
`app_mailboxes` grants gets an oauth2 passdb of its own, filtered to that mailbox
(`username_filter`), that takes a token of that app (`active_attribute = appid`) with
the protocol's role (the `scope` claim again: the lab derives it from `roles`). A token
without the role is refused; one whose app has no grant on the mailbox gets Dovecot's
temporary failure (the user's passdb failed internally), still no sign-in.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.config import HostPort
from assistant.lab import leftovers
from assistant.lab.pki import CertVariant, LabPKI

if os.name == "posix":  # Dovecot's user setup; without them (Windows) the lab
    # plays IMAP and POP with the built-in demo responder (demo_mailserver.py)
    import grp
    import pwd

DOVECOT = "/usr/sbin/dovecot"
DEBIAN_PACKAGES = "dovecot-imapd dovecot-pop3d dovecot-lmtpd"
TLS_ADDRESS = "127.0.0.1"
PLAIN_ADDRESS = "127.0.0.2"
NO_TLS_ADDRESS = "127.0.0.3"
START_TIMEOUT = 10.0
JUNK_FOLDER = "Junk"
RECIPIENT_DELIMITER = "+"
# The name Dovecot's LMTP gives itself in its greeting and its Received: header.
LMTP_HOSTNAME = "mailstore.lab.test"
IMAP_GREETING = "The Microsoft Exchange IMAP4 service is ready."
POP_GREETING = "The Microsoft Exchange POP3 service is ready."
SEED_MESSAGE = (
    "From: Lab <lab@contoso.test>\r\nTo: {user}\r\nSubject: Welcome to the lab mailbox\r\n"
    "Date: Fri, 27 Nov 2026 09:00:00 +0000\r\nMessage-ID: <seed-1@contoso.test>\r\n\r\n"
    "This message is here so INBOX and STAT have something to count.\r\n"
)


@dataclass(frozen=True)
class DovecotOAuth:
    """What Dovecot's local JWT validation needs from the lab identity provider."""

    public_pem: str
    kid: str
    issuers: tuple[str, ...]
    # (app ID, mailbox) pairs an app-only token may open ("": every mailbox)
    app_mailboxes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DovecotPorts:
    imaps: int  # on TLS_ADDRESS
    imap: int  # on PLAIN_ADDRESS and NO_TLS_ADDRESS
    pop3s: int
    pop3: int
    lmtp: int  # on TLS_ADDRESS


def _reserve_port() -> socket.socket:
    """A socket bound to a free port and kept open until Dovecot starts.

    Dovecot binds what its configuration names, so its ports are picked first. A port
    merely found free could be handed to another lab server, or to an outgoing
    connection as its ephemeral port, before Dovecot binds it ("Address already in
    use"); a bound socket holds it until the moment Dovecot is started.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind((TLS_ADDRESS, 0))
    return probe


class LabDovecot:
    def __init__(
        self,
        pki: LabPKI,
        users: Mapping[str, str],
        *,
        hostnames: Sequence[str],
        sni: Mapping[str, CertVariant] | None = None,
        oauth: DovecotOAuth | None = None,
    ) -> None:
        """`hostnames`: the default certificate's names; `sni`: names that get a
        certificate of their own variant (expired, wrong name, ...)."""
        for user, password in users.items():
            if any(c in user + password for c in ":\n\r") or not user:
                raise ValueError(f"a passwd-file cannot hold the lab user {user!r}")
        self._pki = pki
        self._users = dict(users)
        self._hostnames = tuple(hostnames)
        self._sni = dict(sni or {})
        self._oauth = oauth
        self._reserved = [_reserve_port() for _ in range(5)]
        self.ports = DovecotPorts(*(int(s.getsockname()[1]) for s in self._reserved))
        self._base: pathlib.Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> LabDovecot:
        if not os.access(DOVECOT, os.X_OK):
            raise RuntimeError(
                f"Dovecot is not installed ({DOVECOT} is missing): the mail lab needs it. "
                f"Install the Debian packages: apt-get install {DEBIAN_PACKAGES}"
            )
        # Short and fresh: unix socket paths must stay under 108 characters, and a reused
        # base_dir costs seconds at start-up.
        base = leftovers.lab_folder("cadv-", "/tmp")  # noqa: S108 - short paths, see above
        base.chmod(0o755)  # the auth process reads the users file as another user
        self._base = base
        conf = base / "dovecot.conf"
        conf.write_text(self._config(base), encoding="utf-8")
        self._release_ports()
        with open(base / "stderr.log", "wb") as errors:
            self._process = subprocess.Popen(  # noqa: S603 - fixed binary, our own config
                [DOVECOT, "-c", str(conf), "-F"],
                stdin=subprocess.DEVNULL,
                stdout=errors,
                stderr=errors,
                start_new_session=True,  # its own process group, killed whole in stop()
            )
        # Stopped with the lab, on SIGTERM, at exit, or by the next start after a crash.
        leftovers.record_service(base, self._process.pid)
        try:
            self._wait_until_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def _release_ports(self) -> None:
        reserved, self._reserved = self._reserved, []
        for probe in reserved:
            probe.close()

    def stop(self) -> None:
        self._release_ports()
        process, self._process = self._process, None
        base, self._base = self._base, None
        leftovers.stop_service(process, base)

    def __enter__(self) -> LabDovecot:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def listeners(self) -> dict[str, HostPort]:
        """Where each listener is, by the names demo_mailserver.LISTENERS gives them."""
        ports = self.ports
        return {
            "imaps": HostPort(TLS_ADDRESS, ports.imaps),
            "imap": HostPort(PLAIN_ADDRESS, ports.imap),
            "imap-no-tls": HostPort(NO_TLS_ADDRESS, ports.imap),
            "pop3s": HostPort(TLS_ADDRESS, ports.pop3s),
            "pop3": HostPort(PLAIN_ADDRESS, ports.pop3),
            "pop3-no-tls": HostPort(NO_TLS_ADDRESS, ports.pop3),
        }

    def log_text(self) -> str:
        """Dovecot's log so far (for a test that wants to know what the server saw)."""
        return leftovers.service_logs(self._base, ("stderr.log", "dovecot.log"))

    # -- internals --------------------------------------------------------------------

    def _wait_until_listening(self) -> None:
        ports = self.ports
        wanted = [
            (TLS_ADDRESS, ports.imaps),
            (TLS_ADDRESS, ports.pop3s),
            (PLAIN_ADDRESS, ports.imap),
            (PLAIN_ADDRESS, ports.pop3),
            (NO_TLS_ADDRESS, ports.imap),
            (NO_TLS_ADDRESS, ports.pop3),
            (TLS_ADDRESS, ports.lmtp),
        ]
        until = time.monotonic() + START_TIMEOUT
        while wanted:
            if self._process is None or self._process.poll() is not None:
                raise RuntimeError("Dovecot did not start:\n" + self.log_text()[-2000:])
            try:
                with socket.create_connection(wanted[0], timeout=0.5):
                    pass
            except OSError:
                if time.monotonic() > until:
                    raise RuntimeError(
                        f"Dovecot did not listen on {wanted[0]} within {START_TIMEOUT:g} s:\n"
                        + self.log_text()[-2000:]
                    ) from None
                time.sleep(0.02)
            else:
                wanted.pop(0)

    def _accounts(self, base: pathlib.Path) -> tuple[str, str]:
        """Who Dovecot's processes run as, and the userdb line (TESTING.md)."""
        home = base / "home"
        home.mkdir()
        for user in self._users:
            maildir = home / user / "Maildir"
            for sub in ("cur", "new", "tmp"):
                (maildir / sub).mkdir(parents=True)
            message = SEED_MESSAGE.format(user=user).encode("utf-8")
            (maildir / "cur" / "1795770000.M1P1.lab:2,S").write_bytes(message)
        users = base / "users"
        users.write_text(
            "".join(f"{u}:{{PLAIN}}{p}\n" for u, p in self._users.items()), encoding="utf-8"
        )
        users.chmod(0o644)
        if os.geteuid() == 0:
            # Login processes refuse to run as root; mail is read as nobody.
            for path in (home, *home.rglob("*")):
                shutil.chown(path, "nobody", "nogroup")
            service_users = (
                "default_internal_user = dovecot\n"
                "default_internal_group = dovecot\n"
                "default_login_user = dovenull\n"
            )
            return service_users, f"uid=nobody gid=nogroup home={home}/%u"
        me = pwd.getpwuid(os.geteuid()).pw_name
        group = grp.getgrgid(os.getegid()).gr_name
        service_users = (
            f"default_internal_user = {me}\n"
            f"default_internal_group = {group}\n"
            f"default_login_user = {me}\n"
        )
        return service_users, f"uid={os.geteuid()} gid={os.getegid()} home={home}/%u"

    def _oauth_config(self, base: pathlib.Path) -> tuple[str, str]:
        """(auth mechanisms, the oauth2 passdbs) for the configuration."""
        if self._oauth is None:
            return "plain login", ""
        keys = base / "oauth2-keys"
        key_file = keys / "default" / "RS256" / self._oauth.kid
        key_file.parent.mkdir(parents=True)
        key_file.write_text(self._oauth.public_pem, encoding="utf-8")
        for path in (keys, *keys.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        passdbs = []
        for protocol, scope in (("imap", "imap"), ("pop3", "pop")):
            conf = base / f"oauth2-{protocol}.conf"
            conf.write_text(
                "introspection_mode = local\n"
                f"local_validation_key_dict = fs:posix:prefix={keys}/\n"
                "username_attribute = upn\n"
                f"issuers = {' '.join(self._oauth.issuers)}\n"
                f"scope = {scope}\n",
                encoding="utf-8",
            )
            conf.chmod(0o644)
            passdbs.append(
                f"protocol {protocol} {{\n  passdb {{\n    driver = oauth2\n"
                f"    mechanisms = xoauth2 oauthbearer\n    args = {conf}\n  }}\n}}\n"
            )
            passdbs += _app_passdbs(self._oauth, base, keys, protocol, scope)
        return "plain login xoauth2 oauthbearer", "".join(passdbs)

    def _config(self, base: pathlib.Path) -> str:
        service_users, userdb = self._accounts(base)
        mechanisms, oauth_passdbs = self._oauth_config(base)
        cert, key = self._pki.server_files(self._hostnames)
        ports = self.ports
        # As non-root there is no chroot to drop into (TESTING.md).
        chroot = "" if os.geteuid() == 0 else "  chroot =\n"
        sni = "".join(
            f"local_name {name} {{\n  ssl_cert = <{c}\n  ssl_key = <{k}\n}}\n"
            for name, variant in self._sni.items()
            for c, k in [self._pki.server_files([name], variant)]
        )
        return f"""# Written by assistant/lab/dovecot.py for one lab run.
protocols = imap pop3 lmtp
listen = {TLS_ADDRESS}
base_dir = {base}/run
state_dir = {base}/state
log_path = {base}/dovecot.log
info_log_path = {base}/dovecot.log
{service_users}
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = {mechanisms}
# Why a token was refused (a missing scope or role), for tests that ask what Dovecot saw.
auth_verbose = yes
# One failed sign-in must not slow down the next test (anvil's penalty, TESTING.md).
# Dovecot 2.3.19 still answers a failed sign-in only at its next 500 ms failure tick.
auth_failure_delay = 0
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  mailbox {JUNK_FOLDER} {{
    special_use = \\Junk
    auto = create
  }}
}}
recipient_delimiter = {RECIPIENT_DELIMITER}
lmtp_save_to_detail_mailbox = yes
lda_mailbox_autocreate = yes
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
  # "none": the user lookups of LMTP deliveries (an unknown recipient is refused)
  mechanisms = plain login none
}}
{oauth_passdbs}userdb {{
  driver = static
  args = {userdb}
}}
protocol imap {{
  login_greeting = {IMAP_GREETING}
}}
protocol pop3 {{
  login_greeting = {POP_GREETING}
}}
protocol lmtp {{
  hostname = {LMTP_HOSTNAME}
}}
service lmtp {{
  inet_listener lmtp {{
    address = {TLS_ADDRESS}
    port = {ports.lmtp}
  }}
}}
service imap-login {{
{chroot}  inet_listener imap {{
    address = {PLAIN_ADDRESS} {NO_TLS_ADDRESS}
    port = {ports.imap}
  }}
  inet_listener imaps {{
    address = {TLS_ADDRESS}
    port = {ports.imaps}
    ssl = yes
  }}
}}
service pop3-login {{
{chroot}  inet_listener pop3 {{
    address = {PLAIN_ADDRESS} {NO_TLS_ADDRESS}
    port = {ports.pop3}
  }}
  inet_listener pop3s {{
    address = {TLS_ADDRESS}
    port = {ports.pop3s}
    ssl = yes
  }}
}}
service anvil {{
{chroot}  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{sni}local {NO_TLS_ADDRESS} {{
  ssl = no
}}
"""


def _app_passdbs(
    oauth: DovecotOAuth, base: pathlib.Path, keys: pathlib.Path, protocol: str, scope: str
) -> list[str]:
    """One oauth2 passdb per (app, mailbox) grant: the app's token, with the role."""
    passdbs = []
    for app_id, mailbox in oauth.app_mailboxes:
        conf = base / f"oauth2-{protocol}-app-{app_id}.conf"  # one per app: Dovecot shares it
        # There is no user in an app's token: the username check compares a
        # constant ("app") with itself, and the app ID must be the granted one.
        conf.write_text(
            "introspection_mode = local\n"
            f"local_validation_key_dict = fs:posix:prefix={keys}/\n"
            "username_attribute = appid\n"
            "username_format = app\n"
            "active_attribute = appid\n"
            f"active_value = {app_id}\n"
            f"issuers = {' '.join(oauth.issuers)}\n"
            f"scope = {scope}\n",
            encoding="utf-8",
        )
        conf.chmod(0o644)
        only = f"    username_filter = {mailbox}\n" if mailbox else ""
        passdbs.append(
            f"protocol {protocol} {{\n  passdb {{\n    driver = oauth2\n{only}"
            f"    mechanisms = xoauth2 oauthbearer\n    args = {conf}\n  }}\n}}\n"
        )
    return passdbs
