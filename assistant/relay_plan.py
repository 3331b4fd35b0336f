"""What a relay test run is asked to do (issue 14): which sending methods to try, the
recipient the user typed, the device's capabilities, and how to prove delivery.

One frozen object, built by the CLI (cli_relay.py) or the wizard's Relay page, handed
to every relay.* check through Context.relay. Nothing here touches the network.

The rule the whole area keeps: **no message is sent unless `send_to` is set**, and
`send_to` is set only by `--send-test-to` or by the wizard after the user confirmed.
The recipient is exactly what was typed (validated, never rewritten beyond the ASCII
form of its domain).
"""

from __future__ import annotations

import enum
import math
import secrets
from dataclasses import dataclass, field

from assistant.config import InputError, Target, has_control_character
from assistant.settings_names import setting
from assistant.text import msg

# How long the round trip may wait for the message, by default and at most (seconds).
ROUNDTRIP_WAIT_DEFAULT = 120.0
ROUNDTRIP_WAIT_RANGE = (1.0, 1800.0)
# The relay checks' own deadlines beyond the wait: connect, TLS, SMTP dialogue, IMAP.
ROUNDTRIP_MARGIN = 30.0


class RelayMethod(enum.StrEnum):
    """The ways a device sends through Exchange Online (CLI: --relay-method)."""

    SUBMISSION = "submission"  # SMTP AUTH on smtp.office365.com:587 (relay.client_submission)
    DIRECT = "direct"  # Direct Send to the MX on 25, anonymous (relay.direct_send)
    CONNECTOR = "connector"  # SMTP relay through an inbound connector (relay.connector)
    HVE = "hve"  # High Volume Email, smtp-hve.office365.com:587 (relay.hve)


def parse_relay_method(text: str) -> RelayMethod:
    try:
        return RelayMethod(text.strip().lower())
    except ValueError:
        names = ", ".join(m.value for m in RelayMethod)
        raise InputError(
            msg("unknown relay method '{method}': choose one of {names}", method=text, names=names)
        ) from None


@dataclass(frozen=True)
class DeviceProfile:
    """The wizard's questionnaire (CLI: --device). None: not answered (the advice then
    says what it assumed)."""

    authenticates: bool | None = None  # can it sign in (SMTP AUTH) at all?
    oauth: bool | None = None  # can it sign in with OAuth 2.0 (XOAUTH2)?
    tls12: bool | None = None  # does it speak TLS 1.2 or later?
    internal_only: bool | None = None  # does it mail only the organisation's own mailboxes?
    fixed_ip: bool | None = None  # does it send from a fixed public IP address?
    certificate: bool | None = None  # can it present a TLS client certificate?
    messages_per_day: int | None = None  # roughly, how many messages a day?

    # --device words: "auth", "no-auth", "oauth", "no-oauth", ... (CLI contract)
    WORDS = ("auth", "oauth", "tls12", "internal-only", "fixed-ip", "cert")

    @classmethod
    def parse(cls, text: str) -> DeviceProfile:
        """'auth,no-oauth,tls12,internal-only,fixed-ip,no-cert,volume=5000'."""
        fields = {
            "auth": "authenticates",
            "oauth": "oauth",
            "tls12": "tls12",
            "internal-only": "internal_only",
            "fixed-ip": "fixed_ip",
            "cert": "certificate",
        }
        answers: dict[str, object] = {}
        for raw in text.split(","):
            word = raw.strip().lower()
            if not word:
                continue
            if word.startswith("volume="):
                number = word.partition("=")[2]
                if not number.isdigit() or len(number) > 9:
                    raise InputError(
                        msg(
                            "volume={number} in {setting}: give a whole number",
                            number=number,
                            setting=setting("device"),
                        )
                    )
                answers["messages_per_day"] = int(number)
                continue
            value = not word.startswith("no-")
            name = word.removeprefix("no-")
            if name not in fields:
                raise InputError(
                    msg(
                        "unknown word '{word}' in {setting}: use {words} (each may start with "
                        "no-), or volume=N",
                        setting=setting("device"),
                        word=word,
                        words=", ".join(cls.WORDS),
                    )
                )
            answers[fields[name]] = value
        return cls(**answers)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, object]:
        return {
            "authenticates": self.authenticates,
            "oauth": self.oauth,
            "tls12": self.tls12,
            "internal_only": self.internal_only,
            "fixed_ip": self.fixed_ip,
            "certificate": self.certificate,
            "messages_per_day": self.messages_per_day,
        }


@dataclass(frozen=True)
class MailboxLogin:
    """Who reads the recipient mailbox for the round trip (--roundtrip-user and
    --roundtrip-password-env). The password lives here and in the run's redactor only."""

    username: str
    password: str = field(repr=False)

    def secrets(self) -> list[str]:
        return [self.password]


@dataclass(frozen=True)
class HveAccount:
    """A High Volume Email account (its own sign-in, not a mailbox): --hve-account and
    --hve-password-env."""

    username: str
    password: str = field(repr=False)

    def secrets(self) -> list[str]:
        return [self.password]


def new_tag() -> str:
    """The run's unique tag: in the test message's subject and X-header, searched for by
    the round trip. Short enough to read aloud to support."""
    return "CA-" + secrets.token_hex(6).upper()


@dataclass(frozen=True)
class RelayPlan:
    # The recipient typed by the user; None: nothing is sent (the relay checks that
    # send say so and stop before MAIL FROM).
    send_to: str | None = None
    # The envelope and header sender; None: the run's mailbox (Target.email).
    sender: str | None = None
    # Which methods to try; empty: every method that applies (RelayPlan.wanted).
    methods: tuple[RelayMethod, ...] = ()
    # A PEM file with the client certificate (and its key) for connector relay.
    client_cert: str | None = None
    hve: HveAccount | None = field(default=None, repr=False)
    # The round trip's mailbox login; None: the run's own credentials (password or OAuth)
    # when the recipient is the run's mailbox, else no round trip.
    roundtrip: MailboxLogin | None = field(default=None, repr=False)
    roundtrip_wait: float = ROUNDTRIP_WAIT_DEFAULT
    delete_after: bool = False  # delete the test message once found
    public_ip: str | None = None  # this network's public IP, when the user knows it
    device: DeviceProfile = field(default_factory=DeviceProfile)
    tag: str = field(default_factory=new_tag)

    def __post_init__(self) -> None:
        wait = self.roundtrip_wait
        low, high = ROUNDTRIP_WAIT_RANGE
        if not (math.isfinite(wait) and low <= wait <= high):
            raise InputError(
                msg(
                    "{setting}: {seconds} seconds is out of range (give {low:g} to {high:g} "
                    "seconds)",
                    seconds=f"{wait:g}",
                    setting=setting("roundtrip_wait"),
                    low=low,
                    high=high,
                )
            )

    @staticmethod
    def parse_recipient(text: str) -> str:
        """The recipient as typed, checked as an address; its domain in ASCII form."""
        raw = text.strip()
        if has_control_character(raw) or "@" not in raw or "," in raw or ";" in raw:
            raise InputError(
                msg(
                    "'{address}' is not one email address: give exactly one recipient "
                    "(user@domain)",
                    address=raw,
                )
            )
        parsed = Target.parse_email(raw)
        assert parsed.email is not None
        return parsed.email

    def wanted(self, method: RelayMethod) -> bool:
        """Whether this run tries `method`: named with --relay-method, or every method
        when none was named (HVE only with an HVE account)."""
        if self.methods:
            return method in self.methods
        if method is RelayMethod.HVE:
            return self.hve is not None
        return True

    @property
    def sends(self) -> bool:
        return self.send_to is not None

    def secrets(self) -> list[str]:
        found: list[str] = []
        for holder in (self.hve, self.roundtrip):
            if holder is not None:
                found += holder.secrets()
        return found

    def check_deadline(self, base: float) -> float:
        """relay.roundtrip's deadline: the wait, plus the ordinary per-check budget."""
        return self.roundtrip_wait + max(base, ROUNDTRIP_MARGIN)

    def to_dict(self) -> dict[str, object]:
        """For the report (no secrets: only who signs in)."""
        return {
            "send_to": self.send_to,
            "sender": self.sender,
            "methods": [m.value for m in self.methods],
            "client_cert": self.client_cert,
            "hve_account": None if self.hve is None else self.hve.username,
            "roundtrip_user": None if self.roundtrip is None else self.roundtrip.username,
            "roundtrip_wait": self.roundtrip_wait,
            "delete_after": self.delete_after,
            "public_ip": self.public_ip,
            "device": self.device.to_dict(),
            "tag": self.tag,
        }
