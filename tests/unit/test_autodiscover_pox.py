"""POX request/response handling, [MS-OXDSCLI], as pure functions."""

from __future__ import annotations

import defusedxml.ElementTree as SafeET
import pytest

from assistant.checks.autodiscover.pox import (
    OUTER_NS,
    REQUEST_NS,
    RESPONSE_SCHEMA,
    PoxKind,
    PoxParseError,
    build_request,
    parse_response,
)
from assistant.checks.autodiscover.result import settings_from_pox


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
