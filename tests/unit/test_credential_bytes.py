"""What a user name and password become on the wire (net/sasl.py, net/imap_args.py):
UTF-8 in every mechanism, IMAP arguments quoted or as literals, and a plain refusal,
naming no character and no offset, of what a command's framing cannot carry."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest

from assistant.net import sasl
from assistant.net.imap_args import command_parts, non_synchronizing, quoted
from assistant.net.sasl import CredentialNotSendable

PASSWORD = "Pässwörd€-🔑"  # 2-, 3- and 4-byte UTF-8
UTF8 = PASSWORD.encode("utf-8")
# What a library's encoding error says: it must never be what we say.
LIBRARY_WORDS = re.compile(r"codec|can't encode|position \d|\\x|\\u|surrogate", re.IGNORECASE)


def test_sasl_responses_are_utf8() -> None:
    assert sasl.plain("u@contoso.test", PASSWORD) == b"\0u@contoso.test\0" + UTF8
    assert sasl.login("jörg@contoso.test", PASSWORD) == ("jörg@contoso.test".encode(), UTF8)
    assert (
        sasl.xoauth2("jörg@x.test", "tok") == b"user=j\xc3\xb6rg@x.test\x01auth=Bearer tok\x01\x01"
    )
    assert base64.b64decode(sasl.b64(UTF8)) == UTF8


@pytest.mark.parametrize(
    "user",
    [
        "admin@contoso.test\r\nA2 LOGOUT",
        "admin@contoso.test\n",
        "admin\0@contoso.test",
        "admin\x01@contoso.test",
        "admin\x7f@contoso.test",
        "admin\x85@contoso.test",  # C1 NEXT LINE
    ],
)
@pytest.mark.parametrize("build", [sasl.plain, sasl.login, sasl.xoauth2])
def test_a_control_character_in_the_user_name_is_refused_everywhere(
    build: Callable[[str, str], object], user: str
) -> None:
    with pytest.raises(CredentialNotSendable) as refused:
        build(user, "secret")
    assert "control character" in str(refused.value)
    assert "no credentials were sent" in str(refused.value)


@pytest.mark.parametrize(
    ("secret", "refused", "allowed"),
    [
        ("pass\0word", sasl.NUL, False),
        ("pass\r\nword", sasl.NUL, True),  # base64 or a literal carries a line break
        ("pass\r\nword", sasl.NUL + sasl.LINE_BREAKS, False),  # a POP3 PASS line cannot
        ("pass\tword", sasl.NUL + sasl.LINE_BREAKS, True),
        (PASSWORD, sasl.NUL + sasl.LINE_BREAKS, True),
    ],
)
def test_a_password_is_refused_only_for_what_its_framing_cannot_carry(
    secret: str, refused: str, allowed: bool
) -> None:
    if allowed:
        assert sasl.password(secret, "X", refused=refused) == secret.encode()
        return
    with pytest.raises(CredentialNotSendable, match="control character that X cannot carry"):
        sasl.password(secret, "X", refused=refused)


@pytest.mark.parametrize(
    "make",
    [
        lambda: sasl.plain("u@contoso.test", "pa\udce9ss"),  # Latin-1 argv, surrogateescape
        lambda: sasl.login("u@contoso.test", "pa\udce9ss"),
        lambda: sasl.password("pa\udce9ss", "POP3 PASS"),
        lambda: sasl.user_name("j\udcf6rg@contoso.test", "IMAP LOGIN"),
        lambda: sasl.xoauth2("j\udcf6rg@contoso.test", "token"),
    ],
)
def test_text_that_is_not_unicode_is_refused_without_the_library_words(
    make: Callable[[], object],
) -> None:
    with pytest.raises(CredentialNotSendable) as refused:
        make()
    text = str(refused.value)
    assert "not valid Unicode text" in text and "no credentials were sent" in text
    assert not LIBRARY_WORDS.search(text), text
    assert refused.value.__cause__ is None and refused.value.__suppress_context__


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"admin@contoso.test", b'"admin@contoso.test"'),
        (b"", b'""'),
        (b'a "b" \\c', b'"a \\"b\\" \\\\c"'),
        (b"p\xc3\xa4ss", None),  # 8-bit: a literal
        (b"a\r\nb", None),  # CR LF never inside a quoted string
        (b"a\tb", None),  # nor another control character
    ],
)
def test_imap_quoted_strings(data: bytes, expected: bytes | None) -> None:
    assert quoted(data) == expected


def test_imap_login_arguments_as_literals() -> None:
    words = [b"A1", b"LOGIN"]
    never, always = (lambda size: False), (lambda size: True)
    assert command_parts(words, [b"admin", b"secret"], never) == [b'A1 LOGIN "admin" "secret"\r\n']
    # Synchronising: the command waits for "+" after each announcement.
    assert command_parts(words, [b"admin", UTF8], never) == [
        b'A1 LOGIN "admin" {%d}\r\n' % len(UTF8),
        UTF8 + b"\r\n",
    ]
    assert command_parts(words, ["jörg".encode(), UTF8], never) == [
        b"A1 LOGIN {5}\r\n",
        b"j\xc3\xb6rg {%d}\r\n" % len(UTF8),
        UTF8 + b"\r\n",
    ]
    # LITERAL+: one piece; the length counts bytes, not characters.
    assert command_parts(words, [b"a\r\nA2 LOGOUT", UTF8], always) == [
        b"A1 LOGIN {12+}\r\na\r\nA2 LOGOUT {%d+}\r\n" % len(UTF8) + UTF8 + b"\r\n"
    ]
    with pytest.raises(ValueError, match="NUL"):
        command_parts(words, [b"admin", b"a\0b"], always)


@pytest.mark.parametrize(
    ("capabilities", "sizes"),
    [
        (("IMAP4REV1", "LITERAL+"), {10: True, 5000: True}),
        (("IMAP4REV1", "LITERAL-"), {10: True, 4096: True, 4097: False}),
        (("IMAP4REV1",), {10: False}),
    ],
)
def test_unsynchronised_literals_only_when_offered(
    capabilities: tuple[str, ...], sizes: dict[int, bool]
) -> None:
    allowed = non_synchronizing(capabilities)
    for size, expected in sizes.items():
        assert allowed(size) is expected
