"""IMAP command arguments that carry any bytes safely: quoted strings or literals
(RFC 3501 section 4.3, RFC 7888 for LITERAL+ and LITERAL-).

imaplib cannot do this for LOGIN: it sends the user name as it is (a space or CR LF in
it splits the command) and the password as an ASCII quoted string, so 8-bit text
raises. IMAPClient sends 8-bit arguments as literals, but only in its own command path;
its login() goes through imaplib's, with the same two faults. Hence this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# A quoted string may hold any 7-bit character but NUL, CR and LF; only the printable
# ones are sent quoted, so a transcript line never holds a control character.
_QUOTED_SAFE = frozenset(range(0x20, 0x7F))
LITERAL_MINUS_MAX = 4096  # RFC 7888: the largest literal LITERAL- lets go unsynchronised


def quoted(data: bytes) -> bytes | None:
    """`data` as a quoted string, or None when it needs a literal."""
    if any(byte not in _QUOTED_SAFE for byte in data):
        return None
    return b'"' + data.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


def non_synchronizing(capabilities: Sequence[str]) -> Callable[[int], bool]:
    """Whether a literal of n bytes may be sent without waiting for the server's "+"."""
    caps = {c.upper() for c in capabilities}
    if "LITERAL+" in caps:
        return lambda size: True
    if "LITERAL-" in caps:
        return lambda size: size <= LITERAL_MINUS_MAX
    return lambda size: False


def command_parts(
    words: Sequence[bytes], args: Sequence[bytes], unsynchronised: Callable[[int], bool]
) -> list[bytes]:
    """The command line (tag, command and `args`) in the pieces sent between the
    server's continuations: every piece but the last ends with a synchronising literal's
    announcement ("{n}" CRLF), after which the client waits for "+" before going on.
    An argument with a NUL cannot be sent (literals are CHAR8, RFC 3501)."""
    parts: list[bytes] = []
    line = b" ".join(words)
    for arg in args:
        if b"\0" in arg:
            raise ValueError("an IMAP argument cannot hold a NUL byte")
        as_quoted = quoted(arg)
        if as_quoted is not None:
            line += b" " + as_quoted
            continue
        plus = unsynchronised(len(arg))
        line += b" {%d%s}\r\n" % (len(arg), b"+" if plus else b"")
        if not plus:
            parts.append(line)
            line = b""
        line += arg
    parts.append(line + b"\r\n")
    return parts
