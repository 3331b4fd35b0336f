"""How the lab hands a message it accepted to the mailboxes (issue 14's relay round trips).

The lab's front doors (SMTP submission, the EOP-like MX) accept mail the way Exchange
Online does and then call `Delivery.deliver()`. `LabDelivery` relays over SMTP to the
lab's Postfix (postfix.py), which delivers to Dovecot over LMTP, so the message that
arrives carries Postfix's and Dovecot's real `Received:` headers; without Postfix (a
desktop that does not have it) it speaks LMTP to Dovecot itself, and without Dovecot
it files the message into the built-in demo responder's store (demo_mailstore.py).

`junk=True` files the message into the recipient's Junk folder: the recipient gets
Dovecot's `+Junk` detail (dovecot.py: `recipient_delimiter`, `lmtp_save_to_detail_mailbox`),
which Postfix passes on untouched.
"""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Sequence
from typing import Protocol

from assistant.lab.dovecot import JUNK_FOLDER, RECIPIENT_DELIMITER

# A mailbox outside the lab tenant (its own Dovecot user, password LAB_PASSWORD): the
# "external recipient" of relay tests.
EXTERNAL_MAILBOX = "partner@fabrikam.test"
# Every wait on Postfix or Dovecot; both are on loopback and answer in milliseconds.
DELIVERY_TIMEOUT = 10.0
# What the lab says in EHLO/LHLO: a fixed name, so smtplib never asks DNS for ours.
CLIENT_NAME = "lab-delivery.lab.test"


class DeliveryError(RuntimeError):
    """The message could not be handed on (refused, or the server did not answer)."""


class Delivery(Protocol):
    def deliver(
        self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, *, junk: bool = False
    ) -> None: ...


def junk_address(address: str) -> str:
    """`user@domain` -> `user+Junk@domain` (an existing detail is replaced)."""
    local, at, domain = address.rpartition("@")
    if not at:
        local, domain = address, ""
    local = local.split(RECIPIENT_DELIMITER, 1)[0]
    return f"{local}{RECIPIENT_DELIMITER}{JUNK_FOLDER}{at}{domain}"


class LabDelivery:
    """Delivery to the lab's Dovecot: through Postfix when `relay` is set, else over LMTP."""

    def __init__(
        self,
        lmtp: tuple[str, int],
        *,
        timeout: float = DELIVERY_TIMEOUT,
        store: Delivery | None = None,
    ) -> None:
        self.lmtp = lmtp
        # The built-in demo responder's mailboxes (demo_mailserver.py), when Dovecot is
        # not there: delivered into directly, with the headers Dovecot's LMTP would add.
        self.store = store
        # Postfix's smtpd (host, port), set by MailLab once Postfix answers.
        self.relay: tuple[str, int] | None = None
        self.timeout = min(timeout, DELIVERY_TIMEOUT)
        self._lock = threading.Lock()
        self.delivered = 0  # messages handed on, for tests and the lab's status line

    @property
    def via(self) -> str:
        if self.relay is not None:
            return "postfix"
        return "lmtp" if self.store is None else "built-in store"

    def deliver(
        self, mail_from: str, rcpt_tos: Sequence[str], data: bytes, *, junk: bool = False
    ) -> None:
        recipients = [junk_address(r) if junk else r for r in rcpt_tos]
        if not recipients:
            raise DeliveryError("no recipients to deliver to")
        relay = self.relay
        try:
            if relay is not None:
                self._over_smtp(relay, mail_from, recipients, data)
            elif self.store is not None:
                self.store.deliver(mail_from, recipients, data)
            else:
                self._over_lmtp(mail_from, recipients, data)
        except smtplib.SMTPResponseException as error:
            raise DeliveryError(
                f"{self.via}: {error.smtp_code} {_text(error.smtp_error)}"
            ) from error
        except (smtplib.SMTPException, OSError, UnicodeError) as error:
            raise DeliveryError(f"{self.via}: {error}") from error
        with self._lock:
            self.delivered += 1

    # -- internals --------------------------------------------------------------------

    def _over_smtp(
        self, relay: tuple[str, int], mail_from: str, recipients: list[str], data: bytes
    ) -> None:
        with smtplib.SMTP(
            relay[0], relay[1], local_hostname=CLIENT_NAME, timeout=self.timeout
        ) as client:
            client.ehlo()
            refused = client.sendmail(mail_from, recipients, data, _body_options(client, data))
        if refused:
            raise DeliveryError(f"postfix refused {_describe(refused)}")

    def _over_lmtp(self, mail_from: str, recipients: list[str], data: bytes) -> None:
        # smtplib.LMTP.sendmail reads one reply after DATA; LMTP sends one per recipient.
        with smtplib.LMTP(
            self.lmtp[0], self.lmtp[1], local_hostname=CLIENT_NAME, timeout=self.timeout
        ) as client:
            client.ehlo()  # LHLO
            code, reply = client.mail(mail_from, _body_options(client, data))
            if code != 250:
                raise DeliveryError(f"lmtp: MAIL FROM refused: {code} {_text(reply)}")
            refused: dict[str, tuple[int, bytes]] = {}
            accepted = []
            for rcpt in recipients:
                code, reply = client.rcpt(rcpt)
                if code in (250, 251):
                    accepted.append(rcpt)
                else:
                    refused[rcpt] = (code, reply)
            if not accepted:
                client.rset()
                raise DeliveryError(f"lmtp refused {_describe(refused)}")
            code, reply = client.data(data)
            replies = [(accepted[0], code, reply)]
            for rcpt in accepted[1:]:
                code, reply = client.getreply()
                replies.append((rcpt, code, reply))
            refused.update({r: (c, m) for r, c, m in replies if c != 250})
        if refused:
            raise DeliveryError(f"lmtp refused {_describe(refused)}")


def _body_options(client: smtplib.SMTP, data: bytes) -> list[str]:
    if not data.isascii() and client.has_extn("8bitmime"):
        return ["BODY=8BITMIME"]
    return []


def _text(reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return text[:300]


def _describe(refused: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{r}: {c} {_text(m)}" for r, (c, m) in list(refused.items())[:10])
