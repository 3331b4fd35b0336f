"""Redaction of secret-bearing lines and known secrets, and redacted protocol transcripts."""

from __future__ import annotations

import base64
import json
import types
from collections.abc import Iterator

import pytest

from assistant.model import Evidence
from assistant.net.redact import MASK, Redactor, is_secret_field, secret_forms
from assistant.net.transcript import CLIENT, NOTE, SERVER, Transcript


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


JWT = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9"
    ".c2lnbmF0dXJlLWJ5dGVzLWhlcmU"
)

# (line, what must be gone, what must stay)
SECRET_LINES = [
    ("Authorization: Basic dXNlcjpodW50ZXIy", "dXNlcjpodW50ZXIy", "Authorization: Basic"),
    (f"Authorization: Bearer {JWT}", JWT[:20], "Authorization: Bearer"),
    ("authorization: NTLM TlRMTVNTUAADAAAAGAAYAHAAAAA=", "TlRMTVNTUAAD", "authorization: NTLM"),
    ("Authorization: Negotiate YIIFzQYGKwYBBQUCoIIFwTCC", "YIIFzQYGKwYB", "Negotiate"),
    ("Proxy-Authorization: Basic cHJveHk6cHc=", "cHJveHk6cHc=", "Proxy-Authorization: Basic"),
    ("Cookie: X-BackEndCookie=S-1-5-21=abc; ClientId=XYZ", "X-BackEndCookie", "Cookie:"),
    ("Set-Cookie: OpenIdConnect.token.v1=abcdef; path=/", "abcdef", "Set-Cookie:"),
    ("AUTH PLAIN AHVzZXJAY29udG9zby5jb20AaHVudGVyMg==", "AHVzZXJAY29udG9z", "AUTH PLAIN"),
    ("auth plain AHVzZXIAcGFzcw==", "AHVzZXIAcGFzcw==", "auth plain"),
    ("AUTH LOGIN dXNlckBjb250b3NvLmNvbQ==", "dXNlckBjb250b3NvLmNvbQ==", "AUTH LOGIN"),
    ("AUTH XOAUTH2 dXNlcj1hAWF1dGg9QmVhcmVyIHh5egEB", "dXNlcj1hAWF1dGg9", "AUTH XOAUTH2"),
    ("a1 LOGIN user hunter2", "hunter2", "a1 LOGIN user"),
    ('A0001 LOGIN "user@contoso.com" "hunter 2"', "hunter", "A0001 LOGIN"),
    ("001 LOGIN user hunter2", "hunter2", "001 LOGIN user"),
    ("PASS hunter2", "hunter2", "PASS"),
    ("a2 AUTHENTICATE XOAUTH2 dXNlcj1hAWF1dGg9QmVhcmVyIHh5egEB", "dXNlcj1h", "AUTHENTICATE"),
    ("AUTHENTICATE XOAUTH2 dXNlcj1hAWF1dGg9QmVhcmVyIHh5egEB", "dXNlcj1h", "XOAUTH2"),
    ("a3 AUTHENTICATE PLAIN AHVzZXIAcGFzcw==", "AHVzZXIAcGFzcw==", "a3 AUTHENTICATE PLAIN"),
    ("GET /cb?code=0.AXkAabc&state=42", "0.AXkAabc", "state=42"),
    ("https://x.test/#access_token=tok-123&token_type=Bearer", "tok-123", "token_type=Bearer"),
    ("grant_type=refresh_token&refresh_token=rt-999&scope=x", "rt-999", "scope=x"),
    ('{"client_secret": "cs~value", "client_id": "abc"}', "cs~value", '"client_id": "abc"'),
    ("{'password': 'hunter2'}", "hunter2", "{'password': '"),
    ('{"id_token":"idt.value","expires_in":3599}', "idt.value", '"expires_in":3599'),
    ("client_assertion=assert-xyz&x=1", "assert-xyz", "x=1"),
    (f"token in body: {JWT} end", JWT[:20], "token in body:"),
    (f"wrapped ({JWT})", JWT[40:60], "wrapped ("),
]


@pytest.mark.parametrize(("line", "secret", "kept"), SECRET_LINES)
def test_secret_bearing_line_is_masked(line: str, secret: str, kept: str) -> None:
    out = Redactor()(line)
    assert secret not in out
    assert MASK in out
    assert kept in out


HARMLESS_LINES = [
    "reply code: 550 5.7.30 Basic authentication is not supported",
    "error code = 535",
    "EHLO workstation.contoso.com",
    "250-outlook.office365.com Hello [203.0.113.5]",
    "250-AUTH PLAIN LOGIN",
    "250-AUTH LOGIN PLAIN XOAUTH2",
    "250 AUTH LOGIN PLAIN XOAUTH2",
    "250-AUTH=LOGIN PLAIN XOAUTH2",
    "250-STARTTLS",
    "AUTH LOGIN",
    "334 VXNlcm5hbWU6",
    "235 2.7.0 Authentication successful",
    "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
    "* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR",
    "* OK [CAPABILITY IMAP4rev1 LOGIN-REFERRALS ID] ready",
    "a1 OK LOGIN completed.",
    "a2 NO AUTHENTICATE failed.",
    "+OK The Microsoft Exchange POP3 service is ready.",
    "USER alice@contoso.com",
    "HTTP/1.1 401 Unauthorized",
    'WWW-Authenticate: Basic realm="outlook.office365.com"',
    "WWW-Authenticate: Bearer authorization_uri=https://login.microsoftonline.com/common",
    "Content-Type: text/xml; charset=utf-8",
    "X-MS-Diagnostics: 4000000;reason=Flighting is not enabled",
    '"domain_unicode": "müller.de"',
    "unicode: müller.de",
    "The password is wrong",
    "Status: passed",
    "eyJ alone is not a token",
    "",
]


@pytest.mark.parametrize("line", HARMLESS_LINES)
def test_harmless_line_is_kept_unchanged(line: str) -> None:
    assert Redactor(secrets=["canary-S3cr3t!"])(line) == line


def test_patterns_apply_to_each_line_of_a_multiline_text() -> None:
    text = "GET /EWS/Exchange.asmx HTTP/1.1\r\nAuthorization: Basic dXNlcjpwdw==\r\nHost: x\r\n"
    out = Redactor()(text)
    assert "dXNlcjpwdw==" not in out
    assert "GET /EWS/Exchange.asmx HTTP/1.1" in out
    assert "Host: x" in out


# -- known secrets ------------------------------------------------------------------------

SECRET = "Sommer2026!ä"
USER = "alice@contoso.com"


def known_forms() -> list[tuple[str, str]]:
    return [
        ("raw", SECRET),
        ("base64", b64(SECRET)),
        ("sasl plain", b64(f"\0{USER}\0{SECRET}")),
        ("sasl plain with authzid", b64(f"{USER}\0{USER}\0{SECRET}")),
        ("xoauth2", b64(f"user={USER}\x01auth=Bearer {SECRET}\x01\x01")),
    ]


@pytest.mark.parametrize(("name", "form"), known_forms())
def test_known_secret_form_is_masked_even_inside_other_text(name: str, form: str) -> None:
    redactor = Redactor(secrets=[SECRET], usernames=[USER])
    out = redactor(f"334 server saw[{form}]and more")
    assert form not in out, name
    assert SECRET not in out
    assert out == f"334 server saw[{MASK}]and more"


def test_secret_forms_lists_every_wire_form() -> None:
    assert {form for _, form in known_forms()} <= secret_forms(SECRET, [USER])


def test_added_secret_is_masked_from_then_on() -> None:
    redactor = Redactor()
    token = "ya29.opaque-access-token"
    assert redactor(f"x {token} y") == f"x {token} y"
    redactor.add_secret(token, [USER])
    xoauth = b64(f"user={USER}\x01auth=Bearer {token}\x01\x01")
    assert token not in redactor(f"x {token} y")
    assert xoauth not in redactor(f"relay saw {xoauth}")


def test_empty_secret_is_ignored() -> None:
    redactor = Redactor(secrets=["", "hunter22"])
    redactor.add_secret("")
    assert redactor("EHLO client") == "EHLO client"
    assert redactor("pw hunter22") == f"pw {MASK}"


def test_longer_form_wins_over_a_secret_inside_it() -> None:
    # If the short secret were replaced first, the base64 form would be half-masked.
    secret = "QUFB"  # itself valid base64 text, and a substring of b64("AAAQUFB")
    other = "AAAQUFB"
    out = Redactor(secrets=[secret, other])(f"[{b64(other)}]")
    assert out == f"[{MASK}]"


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("access_token", True),
        ("client_secret", True),
        ("Password", True),
        ("client_assertion", True),
        ("code", True),
        ("domain_unicode", False),
        ("zipcode", False),
        ("status", False),
        ("token_type", False),
    ],
)
def test_is_secret_field(name: str, secret: bool) -> None:
    assert is_secret_field(name) is secret


# -- transcripts --------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeClock]:
    fake = FakeClock()
    monkeypatch.setattr(
        "assistant.net.transcript.time", types.SimpleNamespace(monotonic=fake.monotonic)
    )
    yield fake


def test_transcript_lines_carry_ms_timestamps_and_direction(clock: FakeClock) -> None:
    t = Transcript("smtp.office365.com:587")
    clock.now += 0.0123
    t.server("220 ready")
    clock.now += 0.25
    t.client("EHLO client")
    clock.now += 1.5
    t.note("TLS handshake")
    assert t.lines == [
        "    12 ms < 220 ready",
        "   262 ms > EHLO client",
        "  1762 ms * TLS handshake",
    ]


def test_transcript_splits_multiline_text_into_lines(clock: FakeClock) -> None:
    t = Transcript("x")
    t.add(SERVER, "250-first\r\n250-AUTH LOGIN PLAIN XOAUTH2\r\n250 last\r\n")
    t.add(CLIENT, "")
    assert t.lines == [
        "     0 ms < 250-first",
        "     0 ms < 250-AUTH LOGIN PLAIN XOAUTH2",
        "     0 ms < 250 last",
        "     0 ms > ",
    ]


def test_auth_login_hides_the_next_client_lines_only(clock: FakeClock) -> None:
    t = Transcript("smtp")
    t.client("AUTH LOGIN")
    t.hide_next_client_lines(2)
    t.server("334 VXNlcm5hbWU6")
    t.client(b64(USER))
    t.server("334 UGFzc3dvcmQ6")
    t.client(b64("an-unknown-password"))
    t.server("235 2.7.0 Authentication successful")
    t.client("MAIL FROM:<alice@contoso.com>")
    texts = [line.split(" ms ", 1)[1] for line in t.lines]
    assert texts == [
        "> AUTH LOGIN",
        "< 334 VXNlcm5hbWU6",
        f"> {MASK}",
        "< 334 UGFzc3dvcmQ6",
        f"> {MASK}",
        "< 235 2.7.0 Authentication successful",
        "> MAIL FROM:<alice@contoso.com>",
    ]
    assert b64("an-unknown-password") not in "\n".join(t.lines)


def test_transcript_masks_known_secrets_and_secret_lines(clock: FakeClock) -> None:
    t = Transcript("imap", Redactor(secrets=[SECRET], usernames=[USER]))
    t.client(f"a1 AUTHENTICATE PLAIN {b64(chr(0) + USER + chr(0) + SECRET)}")
    t.client(f"a2 LOGIN {USER} {SECRET}")
    t.server(f"* BYE echoed {b64(SECRET)}")
    t.note(f"a note mentioning {SECRET}")
    joined = "\n".join(t.lines)
    for _, form in known_forms():
        assert form not in joined
    assert "a1 AUTHENTICATE PLAIN" in joined
    assert f"a2 LOGIN {USER}" in joined


def test_transcript_evidence_is_json_serialisable(clock: FakeClock) -> None:
    t = Transcript("imap.outlook.com:993")
    t.server("* OK ready ✓")
    clock.now += 0.004
    t.client("a1 CAPABILITY")
    ev = t.to_evidence()
    assert ev.kind == "transcript"
    assert ev.label == "imap.outlook.com:993"
    assert ev.data == t.lines
    back = Evidence.from_dict(json.loads(json.dumps(ev.to_dict())))
    assert back == ev


def test_direction_markers_are_distinct() -> None:
    assert len({CLIENT, SERVER, NOTE}) == 3
