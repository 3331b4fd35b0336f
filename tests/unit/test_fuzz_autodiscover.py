"""Fuzzing the autodiscover parsers: the POX response (XML), the settings drawn from it,
the SOAP GetUserSettings answer and the v2 JSON answer.

Any server on the candidate list may answer, so the bodies are hostile: random bytes,
and valid-looking answers with mutations (deep nesting, thousands of elements, entity
bombs, external entities, wrong encodings, invalid UTF-8, NULs, very long text). The
contract: parse_response returns a PoxResponse or raises PoxParseError; nothing else
leaves any of them, and what they return is bounded by the body.
"""

from __future__ import annotations

import json

from fuzz_support import FUZZ, mutated, ran, text_size
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.checks.autodiscover.candidates import v2_url
from assistant.checks.autodiscover.pox import (
    OUTER_NS,
    RESPONSE_SCHEMA,
    PoxParseError,
    PoxResponse,
    parse_response,
)
from assistant.checks.autodiscover.result import settings_from_pox
from assistant.checks.autodiscover.soap import parse_user_settings

PER_BYTE = 4
SLACK = 5_000

TAGS = [
    "Protocol",
    "Type",
    "Server",
    "Port",
    "SSL",
    "Encryption",
    "EwsUrl",
    "OABUrl",
    "Action",
    "AccountType",
    "RedirectAddr",
    "RedirectUrl",
    "Error",
    "ErrorCode",
    "Message",
    "DisplayName",
    "AutoDiscoverSMTPAddress",
    "User",
    "Account",
    "MailStore",
    "ExternalUrl",
    "InternalUrl",
    "AddressBook",
    "ServerVersion",
    "UserSetting",
    "Name",
    "Value",
    "x:Odd",
]
TEXTS = st.one_of(
    st.sampled_from(
        [
            "EXCH",
            "EXPR",
            "WEB",
            "IMAP",
            "POP3",
            "SMTP",
            "mapiHttp",
            "settings",
            "redirectUrl",
            "redirectAddr",
            "email",
            "on",
            "off",
            "TLS",
            "SSL",
            "none",
            "993",
            "0",
            "-1",
            "99999999999999999999",
            "https://mail.contoso.test/EWS/Exchange.asmx",
            "http://x",
            "https://bücher.test/",
            "https://[::1",
            "adele@contoso.test",
            "500",
            "603",
            "&amp;",
            "&lt;x&gt;",
            "&#0;",
            "&#x110000;",
            "<![CDATA[x]]>",
            "\x00",
            "\u202e",
            "\ufffe",
        ]
    ),
    st.text(max_size=30),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "<", "&", "9"]), st.integers(1, 5_000)),
)


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(st.sampled_from(["", ' Type="mapiHttp"', ' Version="1"', ' xmlns="urn:x"']))
    if depth < 3 and draw(st.booleans()):
        inner = "".join(draw(st.lists(elements(depth + 1), max_size=4)))
    else:
        inner = draw(TEXTS)
    # Thousands of copies of a small element (past MAX_ELEMENTS), a few of a large one:
    # bodies stay within a few MB whatever is drawn.
    count = draw(st.sampled_from([1, 1, 1, 2, 50, 3000] if len(inner) < 100 else [1, 1, 2]))
    return f"<{tag}{attrs}>{inner}</{tag}>" * count


PROLOGUES = st.sampled_from(
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        "",
        '<?xml version="1.0" encoding="utf-16"?>',
        '<?xml version="1.0" encoding="x-unknown"?>',
        '<!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;&x;&x;&x;&x;">]>',
        '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE a SYSTEM "http://127.0.0.1:1/dtd">',
        "\ufeff",
    ]
)


@st.composite
def pox_bodies(draw: st.DrawFn) -> bytes:
    inner = "".join(draw(st.lists(elements(), max_size=4)))
    schema = draw(st.sampled_from([RESPONSE_SCHEMA, "urn:other", ""]))
    text = (
        f'{draw(PROLOGUES)}<Autodiscover xmlns="{OUTER_NS}">'
        f'<Response xmlns="{schema}">{inner}</Response></Autodiscover>'
    )
    text = mutated(text, draw(st.lists(st.tuples(st.integers(0, 10**6), TEXTS), max_size=3)))
    # https_request reads at most 1 MB (net/http.py DEFAULT_MAX_BYTES): bodies past 2 MB
    # test nothing a server can send, only the fuzzer's memory.
    body = text.encode("utf-8", "surrogatepass")[: 2 * 1024 * 1024]
    cut = draw(st.sampled_from([None, None, None, len(body) // 2, 10]))
    body = body[:cut]
    if draw(st.booleans()):  # invalid UTF-8 somewhere
        at = draw(st.integers(0, len(body)))
        body = (
            body[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"]))
            + body[at:]
        )
    return body


@FUZZ
@given(st.one_of(st.binary(), pox_bodies()))
@example(b"<a>" * 100_000)
@example(b'<?xml version="" encoding="x"?>')  # was LookupError: unknown encoding
@example(b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + b"x" * 1000 + b'">]><r>&a;&a;</r>')
def test_pox_response_raises_only_its_own_error(body: bytes) -> None:
    ran("autodiscover_pox")
    try:
        response = parse_response(body)
    except PoxParseError as exc:
        assert str(exc)
        return
    assert isinstance(response, PoxResponse)
    assert text_size(response) <= PER_BYTE * len(body) + SLACK
    response.describe_error()
    settings = settings_from_pox(response, "https://autodiscover.contoso.test/", "a@contoso.test")
    assert text_size(settings) <= PER_BYTE * len(body) + SLACK


@FUZZ
@given(st.one_of(st.binary(), pox_bodies()))
@example(b'<?xml version="" encoding="x"?>')  # was LookupError: unknown encoding
def test_soap_user_settings_never_raise(body: bytes) -> None:
    ran("autodiscover_soap")
    settings, error = parse_user_settings(body)
    assert error is None or isinstance(error, str)
    assert text_size(settings) + len(error or "") <= PER_BYTE * len(body) + SLACK


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)


@st.composite
def v2_bodies(draw: st.DrawFn) -> bytes:
    shape = draw(st.sampled_from(["valid", "wrong type", "deep", "random", "garbage", "bigint"]))
    if shape == "valid":
        data = {"Protocol": "EWS", "Url": draw(st.text())}
        return json.dumps(data, ensure_ascii=draw(st.booleans())).encode()
    if shape == "wrong type":
        return json.dumps({"Url": draw(json_values)}).encode()
    if shape == "deep":
        depth = draw(st.integers(1, 200_000))
        return b"[" * depth + b"]" * draw(st.sampled_from([0, depth]))
    if shape == "bigint":
        return b'{"Url": ' + b"9" * draw(st.integers(1, 100_000)) + b"}"
    if shape == "random":
        return json.dumps(draw(json_values)).encode()
    return draw(st.binary())


@FUZZ
@given(v2_bodies())
@example(b'{"Url": "\\ud800"}')
@example(b"\xff\xfe{\x00")
def test_v2_json_url_is_text_or_none(body: bytes) -> None:
    ran("autodiscover_v2_json")
    url = v2_url(body)
    assert url is None or (isinstance(url, str) and len(url) <= len(body))
