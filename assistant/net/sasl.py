"""A user name and a password as the mail clients put them on the wire: UTF-8 bytes.

The standard libraries send credentials as ASCII: smtplib encodes every SASL response
with 'ascii', and imaplib's LOGIN encodes its command line with 'ascii' (and sends the
user name unquoted). A password such as "pässwörd€" then raised UnicodeEncodeError,
whose text quotes one character of the password and its offset, and such a password
could never be tested. So the clients build the bytes here and send them themselves:
- SASL PLAIN (RFC 4616: UTF-8, NUL-separated), LOGIN (each answer UTF-8) and XOAUTH2;
- POP3 USER and PASS lines, and IMAP LOGIN (quoted or as literals, net/imap_args.py).

What a command's framing cannot carry is refused before anything is sent: a control
character in a user name (a pasted CR LF would end the command line, a NUL or ^A would
end a SASL field early), a NUL in a password, a line break in a POP3 PASS line, and
text that is not valid Unicode (a terminal in another encoding leaves lone surrogates,
which no encoding can write). The message names neither the character nor where it is.
"""

from __future__ import annotations

import base64
import unicodedata

from assistant.text import TextError, msg

NUL = "\0"
LINE_BREAKS = "\r\n"


class CredentialNotSendable(TextError, ValueError):
    """The user name or password cannot go into this command; nothing of it was sent."""


def user_name(user: str, how: str) -> bytes:
    """`user` as UTF-8 for the command `how` names ("SASL PLAIN", "IMAP LOGIN", ...)."""
    # No mailbox name holds a control character; one that does was pasted by mistake,
    # or planted to end the command line early.
    if any(unicodedata.category(c) == "Cc" for c in user):
        raise CredentialNotSendable(
            msg(
                "the user name contains a control character (such as a line break), which "
                "{how} cannot carry; no credentials were sent",
                how=how,
            )
        )
    try:
        return user.encode("utf-8")
    except UnicodeEncodeError:
        raise CredentialNotSendable(
            msg(
                "the user name is not valid Unicode text and cannot be sent as UTF-8; no "
                "credentials were sent"
            )
        ) from None


def password(secret: str, how: str, *, refused: str = NUL) -> bytes:
    """`secret` as UTF-8 for the command `how` names; `refused`: the characters its
    framing cannot carry (a NUL everywhere, line breaks too in a line of its own)."""
    if any(c in refused for c in secret):
        raise CredentialNotSendable(
            msg(
                "the password contains a control character that {how} cannot carry; no "
                "credentials were sent",
                how=how,
            )
        )
    try:
        return secret.encode("utf-8")
    except UnicodeEncodeError:
        # Not `from exc`: its text would quote a character of the password.
        raise CredentialNotSendable(
            msg(
                "the password is not valid Unicode text and cannot be sent as UTF-8; no "
                "credentials were sent"
            )
        ) from None


def plain(user: str, secret: str) -> bytes:
    """The SASL PLAIN response (RFC 4616): no authorisation identity, then the user
    and the password, NUL-separated."""
    name = user_name(user, "SASL PLAIN")
    return b"\0" + name + b"\0" + password(secret, "SASL PLAIN")


def login(user: str, secret: str) -> tuple[bytes, bytes]:
    """The two answers of SASL LOGIN: the user name, then the password."""
    return user_name(user, "SASL LOGIN"), password(secret, "SASL LOGIN")


def xoauth2(user: str, token: str) -> bytes:
    """The XOAUTH2 response: user=<user>^Aauth=Bearer <token>^A^A."""
    name = user_name(user, "XOAUTH2")
    bearer = password(token, "XOAUTH2", refused=NUL + "\x01" + LINE_BREAKS)
    return b"user=" + name + b"\x01auth=Bearer " + bearer + b"\x01\x01"


def b64(data: bytes) -> str:
    """A SASL response as it goes into a command line."""
    return base64.b64encode(data).decode("ascii")
