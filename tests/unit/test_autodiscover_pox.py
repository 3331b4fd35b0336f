"""POX request/response handling, [MS-OXDSCLI], as pure functions."""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable

import defusedxml.ElementTree as SafeET
import pytest

from assistant.checks.autodiscover.pox import (
    MAX_ELEMENTS,
    OUTER_NS,
    REQUEST_NS,
    RESPONSE_SCHEMA,
    PoxKind,
    PoxParseError,
    build_request,
    parse_response,
)
from assistant.checks.autodiscover.result import settings_from_pox
from assistant.checks.autodiscover.soap import parse_user_settings


def wrap(inner: str, schema: str = RESPONSE_SCHEMA) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="{OUTER_NS}">'
        f'<Response xmlns="{schema}">{inner}</Response></Autodiscover>'
    ).encode()


SETTINGS = wrap(
    "<User><DisplayName>Adele Vance</DisplayName><AutoDiscoverSMTPAddress>adele@fabrikam.test"
    "</AutoDiscoverSMTPAddress></User><Account><AccountType>email</AccountType>"
    "<Action>settings</Action>"
    "<Protocol><Type>EXCH</Type><Server>mbx01.fabrikam.test</Server><ServerVersion>73C1834A</ServerVersion>"
    "<EwsUrl>https://mail.fabrikam.test/EWS/Exchange.asmx</EwsUrl>"
    "<OABUrl>https://mail.fabrikam.test/OAB/x/</OABUrl></Protocol>"
    "<Protocol><Type>EXPR</Type><Server>mail.fabrikam.test</Server>"
    "<EwsUrl>https://external.fabrikam.test/EWS/Exchange.asmx</EwsUrl></Protocol>"
    '<Protocol Type="mapiHttp" Version="1"><MailStore><InternalUrl>https://mail.fabrikam.test/mapi/emsmdb/'
    "</InternalUrl><ExternalUrl>https://external.fabrikam.test/mapi/emsmdb/</ExternalUrl></MailStore>"
    "<AddressBook><ExternalUrl>https://external.fabrikam.test/mapi/nspi/</ExternalUrl></AddressBook></Protocol>"
    "<Protocol><Type>IMAP</Type><Server>imap.fabrikam.test</Server><Port>993</Port><SSL>on</SSL></Protocol>"
    "<Protocol><Type>POP3</Type><Server>pop.fabrikam.test</Server><Port>110</Port><SSL>off</SSL></Protocol>"
    "<Protocol><Type>SMTP</Type><Server>smtp.fabrikam.test</Server><Port>587</Port><SSL>on</SSL>"
    "<Encryption>TLS</Encryption></Protocol>"
    "</Account>"
)


def test_request_names_the_address_and_the_outlook_schema() -> None:
    root = SafeET.fromstring(build_request("a&b@contoso.com"))
    assert root.tag == f"{{{REQUEST_NS}}}Autodiscover"
    texts = [e.text for e in root.iter()]
    assert "a&b@contoso.com" in texts and RESPONSE_SCHEMA in texts


def test_settings_become_endpoints_preferring_external_urls() -> None:
    parsed = parse_response(SETTINGS)
    assert parsed.kind is PoxKind.SETTINGS
    settings = settings_from_pox(
        parsed, "autodiscover.candidate.autodiscover_https", "adele@fabrikam.test"
    )
    assert settings.ews_url == "https://external.fabrikam.test/EWS/Exchange.asmx"
    assert settings.mapi_emsmdb_url == "https://external.fabrikam.test/mapi/emsmdb/"
    assert settings.mapi_nspi_url == "https://external.fabrikam.test/mapi/nspi/"
    assert settings.oab_url == "https://mail.fabrikam.test/OAB/x/"
    assert settings.imap is not None and (settings.imap.port, settings.imap.encryption) == (
        993,
        "ssl",
    )
    assert settings.pop is not None and settings.pop.encryption == "none"
    assert settings.smtp is not None and (settings.smtp.port, settings.smtp.encryption) == (
        587,
        "tls",
    )
    assert settings.extra["display_name"] == "Adele Vance"
    assert settings.email == "adele@fabrikam.test"


@pytest.mark.parametrize(
    ("inner", "kind", "redirect"),
    [
        (
            "<Account><Action>redirectAddr</Action><RedirectAddr>b@contoso.com</RedirectAddr></Account>",
            PoxKind.REDIRECT_ADDR,
            "b@contoso.com",
        ),
        (
            "<Account><Action>redirectUrl</Action><RedirectUrl>https://x.contoso.com/autodiscover/autodiscover.xml</RedirectUrl></Account>",
            PoxKind.REDIRECT_URL,
            "https://x.contoso.com/autodiscover/autodiscover.xml",
        ),
    ],
)
def test_redirects(inner: str, kind: PoxKind, redirect: str) -> None:
    parsed = parse_response(wrap(inner))
    assert parsed.kind is kind and parsed.redirect == redirect


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (500, "cannot be found"),
        (501, "no configuration"),
        (600, "invalid request"),
        (601, "Outlook settings schema"),
        (603, "internal error"),
    ],
)
def test_error_codes_are_explained(code: int, words: str) -> None:
    body = (
        f'<Autodiscover xmlns="{OUTER_NS}"><Response><Error Time="1" Id="2">'
        f"<ErrorCode>{code}</ErrorCode><Message>server text</Message><DebugData/></Error>"
        "</Response></Autodiscover>"
    ).encode()
    parsed = parse_response(body)
    assert parsed.kind is PoxKind.ERROR and parsed.error_code == code
    assert words in parsed.describe_error() and "server text" in parsed.describe_error()


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">&lol2;</Autodiscover>"""


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (BOMB, "XML bomb"),
        (SETTINGS[:-40], "not well-formed"),
        (
            wrap("<Account><Action>settings</Action></Account>", schema="urn:wrong"),
            "not the Outlook schema",
        ),
        (
            b'<Autodiscover xmlns="urn:other"><Response/></Autodiscover>',
            "not an Autodiscover response",
        ),
        (wrap("<User/>"), "neither <Account> nor <Error>"),
        (wrap("<Account><Action>dance</Action></Account>"), "unknown <Action>"),
        (b"", "not well-formed"),
    ],
)
def test_unusable_responses_are_refused_in_plain_words(body: bytes, words: str) -> None:
    with pytest.raises(PoxParseError) as caught:
        parse_response(body)
    assert words in str(caught.value)


# -- hostile answers: CPU traps and numbers (issue 11, items 8 and 9) ------------------------


def _cpu_seconds(parse: Callable[[bytes], object], body: bytes) -> float:
    """The least CPU time of a few runs: the scheduler only ever adds to one."""
    best = math.inf
    for _ in range(5):
        started = time.process_time()
        with contextlib.suppress(PoxParseError):
            parse(body)
        best = min(best, time.process_time() - started)
    return max(best, 1e-6)


def _protocol_with_children(count: int) -> bytes:
    children = "".join(f"<K{i}>v</K{i}>" for i in range(count))
    protocol = f"<Protocol><Type>EXCH</Type>{children}</Protocol>"
    return wrap(f"<Account><Action>settings</Action>{protocol}</Account>")


def test_protocol_parsing_is_linear_in_the_element_count() -> None:
    small, large = _protocol_with_children(1200), _protocol_with_children(4800)
    parsed = parse_response(large)
    assert len(parsed.protocols[0].values) == 4801  # every child read: Type and K0..K4799
    ratio = _cpu_seconds(parse_response, large) / _cpu_seconds(parse_response, small)
    assert ratio < 8, f"4x the elements cost {ratio:.1f}x the CPU (quadratic is 16x)"


def test_nested_elements_keep_their_parent_in_the_path() -> None:
    parsed = parse_response(SETTINGS)
    mapi = parsed.protocol("mapiHttp")
    assert mapi is not None
    assert mapi.values["MailStore.ExternalUrl"] == "https://external.fabrikam.test/mapi/emsmdb/"
    assert mapi.values["AddressBook.ExternalUrl"] == "https://external.fabrikam.test/mapi/nspi/"
    deep = wrap(
        "<Account><Action>settings</Action><Protocol><Type>X</Type>"
        "<A><B><C>deep</C></B></A><B>top</B></Protocol></Account>"
    )
    assert parse_response(deep).protocols[0].values == {"Type": "X", "B.C": "deep", "B": "top"}


def test_implausibly_many_elements_are_refused_in_linear_time() -> None:
    def many(count: int) -> bytes:
        return wrap("<User>" + "<X/>" * count + "</User>")

    with pytest.raises(PoxParseError) as caught:
        parse_response(many(250_000))  # 1 MB: as many as the walk's 1 MiB body cap lets in
    assert f"more than {MAX_ELEMENTS} XML elements" in str(caught.value)
    assert "not a plausible autodiscover answer" in str(caught.value)
    # Sizes that stay in the CPU's caches: past them, memory stalls blur the ratio.
    ratio = _cpu_seconds(parse_response, many(32_000)) / _cpu_seconds(parse_response, many(8_000))
    assert ratio < 8, f"4x the elements cost {ratio:.1f}x the CPU"


def _error_answer(code: str, message: str = "server text") -> bytes:
    return (
        f'<Autodiscover xmlns="{OUTER_NS}"><Response><Error Time="1" Id="2">'
        f"<ErrorCode>{code}</ErrorCode><Message>{message}</Message></Error>"
        "</Response></Autodiscover>"
    ).encode()


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("²", "'²'"),  # str.isdigit() says yes, int() says no
        ("٣", "'٣'"),  # int() says 3: not a number Exchange sends
        ("5" + "0" * 4999, "'5000000000"),  # past int()'s 4,300-digit limit
        ("-5", "'-5'"),
        ("abc", "'abc'"),
        ("1e3", "'1e3'"),
    ],
)
def test_error_code_that_is_not_a_number_is_named_not_raised(code: str, shown: str) -> None:
    with pytest.raises(PoxParseError) as caught:
        parse_response(_error_answer(code))
    said = str(caught.value)
    assert "<ErrorCode> is not an error code" in said and shown in said
    assert len(said) < 200  # 5,000 digits are cut short


def test_error_code_padding_and_long_messages() -> None:
    parsed = parse_response(_error_answer(" 500 ", message="x" * 100_000))
    assert parsed.error_code == 500
    assert len(parsed.describe_error()) < 500
    assert parse_response(_error_answer("")).describe_error().startswith("error -:")


def _imap_port(port: str) -> bytes:
    return wrap(
        "<Account><Action>settings</Action><Protocol><Type>IMAP</Type>"
        f"<Server>imap.fabrikam.test</Server><Port>{port}</Port></Protocol></Account>"
    )


@pytest.mark.parametrize("port", ["abc", "99999", "-5", "0", "٩٩٣", "9" * 5000, "993.0"])
def test_port_that_is_not_a_port_is_named_not_raised(port: str) -> None:
    with pytest.raises(PoxParseError) as caught:
        parse_response(_imap_port(port))
    said = str(caught.value)
    assert "the IMAP settings name a <Port> that is not a port" in said
    assert f"'{port[:10]}" in said and "1 to 65535" in said
    assert len(said) < 200


def test_port_with_leading_zeros_and_padding_is_read_as_the_number() -> None:
    settings = settings_from_pox(parse_response(_imap_port(" 0993 ")), "t", "a@fabrikam.test")
    assert settings.imap is not None and settings.imap.port == 993


def test_soap_answer_with_too_many_elements_or_errors_stays_short() -> None:
    many = b"<Envelope>" + b"<X/>" * 10_000 + b"</Envelope>"
    settings, error = parse_user_settings(many)
    assert settings == {} and error is not None and "more than" in error
    errors = "".join(f"<ErrorCode>Code{i}{'z' * 5000}</ErrorCode>" for i in range(50))
    settings, error = parse_user_settings(f"<Envelope>{errors}</Envelope>".encode())
    assert error is not None and len(error) < 1500 and error.endswith("…")
