"""The command line's relay test-send options (issue 14) and the RelayPlan they make.

    connectivity-assistant check --email SENDER --checks relay --send-test-to RECIPIENT

`--send-test-to` is the only thing that makes anything send. Every option is checked
before any network traffic: a certificate file that holds no certificate and key, a
password variable that is not set, a relay option given while no relay check runs, all
end the run with one clear line and nothing sent. Passwords are read from the
environment into the plan only (the runner hands them to the run's redactor).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import ssl
from collections.abc import Sequence
from pathlib import Path

from assistant.config import InputError, Target
from assistant.relay_plan import (
    ROUNDTRIP_WAIT_DEFAULT,
    ROUNDTRIP_WAIT_RANGE,
    DeviceProfile,
    HveAccount,
    MailboxLogin,
    RelayMethod,
    RelayPlan,
    parse_relay_method,
)
from assistant.text import msg

RELAY_AREA = "relay"
# A certificate and key in PEM are a few kilobytes; a larger file is not one.
_CERT_FILE_LIMIT = 1024 * 1024
# The relay options (their argparse names) and their flags, for the "no relay check" error.
_OPTIONS = {
    "send_test_to": "--send-test-to",
    "relay_method": "--relay-method",
    "relay_cert": "--relay-cert",
    "roundtrip_user": "--roundtrip-user",
    "roundtrip_password_env": "--roundtrip-password-env",
    "roundtrip_wait": "--roundtrip-wait",
    "roundtrip_delete": "--roundtrip-delete",
    "hve_account": "--hve-account",
    "hve_password_env": "--hve-password-env",
    "device": "--device",
    "public_ip": "--public-ip",
    "sender": "--sender",
}


def add_relay_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "relay test sends (--checks relay)",
        "Nothing is sent unless --send-test-to names a recipient.",
    )
    group.add_argument(
        "--send-test-to",
        metavar="ADDR",
        help="send one labelled test message per relay method to this address",
    )
    group.add_argument(
        "--relay-method",
        action="append",
        default=None,
        metavar="METHOD",
        help="submission, direct, connector or hve (repeatable; default: every one that applies)",
    )
    group.add_argument(
        "--relay-cert",
        metavar="FILE",
        help="PEM file with the client certificate and its key, for connector relay",
    )
    group.add_argument(
        "--sender", metavar="ADDR", help="the test message's sender (default: --email)"
    )
    group.add_argument(
        "--roundtrip-user", metavar="LOGIN", help="sign-in name of the recipient mailbox"
    )
    group.add_argument(
        "--roundtrip-password-env", metavar="NAME", help="read that mailbox's password from $NAME"
    )
    low, high = ROUNDTRIP_WAIT_RANGE
    group.add_argument(
        "--roundtrip-wait",
        type=float,
        default=None,
        metavar="S",
        help=f"seconds to wait for the message, {low:g} to {high:g} "
        f"(default {ROUNDTRIP_WAIT_DEFAULT:g})",
    )
    group.add_argument(
        "--roundtrip-delete", action="store_true", help="delete the test message once found"
    )
    group.add_argument("--hve-account", metavar="LOGIN", help="a High Volume Email account")
    group.add_argument(
        "--hve-password-env", metavar="NAME", help="read the HVE account's password from $NAME"
    )
    group.add_argument(
        "--device",
        metavar="WORDS",
        help="what the device can do, e.g. auth,no-oauth,tls12,internal-only,fixed-ip,"
        "no-cert,volume=500 (for relay.advice)",
    )
    group.add_argument(
        "--public-ip", metavar="IP", help="this network's public IP address, when you know it"
    )


def _given(args: argparse.Namespace) -> list[str]:
    """The relay options on the command line (argparse defaults are None or False)."""
    return [
        flag for name, flag in _OPTIONS.items() if getattr(args, name, None) not in (None, False)
    ]


def _password(variable: str, option: str) -> str:
    value = os.environ.get(variable)
    if not value:
        raise InputError(
            msg(
                "{option} {name}: that variable is not set or is empty",
                option=option,
                name=variable,
            )
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            msg(
                "{option} {name}: the password is not valid UTF-8 text",
                option=option,
                name=variable,
            )
        ) from None
    return value


def _login_pair(
    user: str | None, variable: str | None, user_flag: str, env_flag: str
) -> tuple[str, str] | None:
    if user is None and variable is None:
        return None
    if user is None or variable is None:
        raise InputError(
            msg("{first} and {second} go together: give both", first=user_flag, second=env_flag)
        )
    user = user.strip()
    if not user:
        raise InputError(msg("{option} is empty", option=user_flag))
    return user, _password(variable, env_flag)


def check_client_cert(path: str) -> str:
    """The --relay-cert file, proven up front to hold a certificate and its matching key
    (the same loader the connector check's TLS uses), so a bad file stops the run before
    anything is sent."""
    file = Path(path)
    if not file.is_file():
        raise InputError(msg("--relay-cert {path}: no such file", path=path))
    if file.stat().st_size > _CERT_FILE_LIMIT:
        raise InputError(msg("--relay-cert {path}: too large for a certificate and key", path=path))
    text = file.read_bytes()
    if b"-----BEGIN CERTIFICATE-----" not in text:
        raise InputError(msg("--relay-cert {path}: no PEM certificate in the file", path=path))
    if b"PRIVATE KEY-----" not in text:
        raise InputError(
            msg(
                "--relay-cert {path}: no private key in the file (put the key after the "
                "certificate)",
                path=path,
            )
        )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        # A password callback that gives none: OpenSSL would otherwise prompt on the terminal.
        context.load_cert_chain(str(file), password=lambda: b"")
    except (ssl.SSLError, ValueError, OSError) as exc:
        raise InputError(
            msg(
                "--relay-cert {path}: the certificate and key cannot be used together "
                "({reason}); a password-protected key is not supported",
                path=path,
                reason=str(getattr(exc, "reason", None) or exc.__class__.__name__),
            )
        ) from None
    return str(file)


def parse_public_ip(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        raise InputError(msg("--public-ip {ip}: not an IP address", ip=text)) from None


def relay_plan_from(
    args: argparse.Namespace, target: Target, check_ids: Sequence[str]
) -> RelayPlan | None:
    """The run's RelayPlan when relay checks run (None otherwise); an InputError for any
    relay option given without a relay check, or given wrong."""
    runs_relay = any(cid.split(".", 1)[0] == RELAY_AREA for cid in check_ids)
    given = _given(args)
    if not runs_relay:
        if given:
            raise InputError(
                msg(
                    "{options}: no relay check runs; add --checks relay (or relay.* check IDs)",
                    options=", ".join(given),
                )
            )
        return None
    send_to = None if args.send_test_to is None else RelayPlan.parse_recipient(args.send_test_to)
    sender = None
    if args.sender is not None:
        parsed = Target.parse_email(args.sender)
        sender = parsed.email
    elif send_to is not None and target.email is None:
        raise InputError(
            msg("--send-test-to with --domain needs --sender ADDR (who the test message is from)")
        )
    methods = tuple(dict.fromkeys(parse_relay_method(m) for m in args.relay_method or ()))
    hve = _login_pair(
        args.hve_account, args.hve_password_env, "--hve-account", "--hve-password-env"
    )
    if RelayMethod.HVE in methods and hve is None:
        raise InputError(msg("--relay-method hve needs --hve-account and --hve-password-env"))
    roundtrip = _login_pair(
        args.roundtrip_user,
        args.roundtrip_password_env,
        "--roundtrip-user",
        "--roundtrip-password-env",
    )
    client_cert = None if args.relay_cert is None else check_client_cert(args.relay_cert)
    wait = ROUNDTRIP_WAIT_DEFAULT if args.roundtrip_wait is None else args.roundtrip_wait
    return RelayPlan(
        send_to=send_to,
        sender=sender,
        methods=methods,
        client_cert=client_cert,
        hve=None if hve is None else HveAccount(*hve),
        roundtrip=None if roundtrip is None else MailboxLogin(*roundtrip),
        roundtrip_wait=wait,
        delete_after=bool(args.roundtrip_delete),
        public_ip=None if args.public_ip is None else parse_public_ip(args.public_ip),
        device=DeviceProfile() if args.device is None else DeviceProfile.parse(args.device),
    )
