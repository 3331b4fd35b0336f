"""The Outlook (POX) autodiscover protocol, [MS-OXDSCLI]: request body and response parsing.

Pure functions: no sockets. Responses are parsed with defusedxml, so entity
expansion (the "billion laughs" bomb) and external entities are refused.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from assistant.checks.autodiscover import xml_bounded
from assistant.net.server_numbers import ServerNumberError, parse_port, parse_server_int, shown
from assistant.text import N_, TextError, msg

REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
OUTER_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"

# A real answer has a few hundred elements; an account with hundreds of shared mailboxes
# (one <AlternativeMailbox> of ~5 elements each) a few thousand. More is not an answer.
MAX_ELEMENTS = 5000
MAX_ERROR_CODE = 999_999  # [MS-OXDSCLI] codes are three digits; room for vendors' own
SHOWN_TEXT = 200  # how much of a server's free text (a <Message>) a summary repeats

# [MS-OXDSCLI] 2.2.4.1.1.3.1 ErrorCode, in an admin's words.
POX_ERRORS = {
    500: N_(
        "the e-mail address cannot be found (no mailbox with this address, or "
        "autodiscover served by the wrong organisation)"
    ),
    501: N_("bad address: the address is known but has no configuration (not a mailbox?)"),
    502: N_("bad address: the address is known but its configuration is broken"),
    600: N_("invalid request: the request XML was not understood"),
    601: N_("the server cannot answer with the Outlook settings schema"),
    602: N_("bad address: configuration errors for this address"),
    603: N_("the autodiscover server had an internal error"),
}


def build_request(email: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Autodiscover xmlns="{REQUEST_NS}"><Request>'
        f"<EMailAddress>{escape(email)}</EMailAddress>"
        f"<AcceptableResponseSchema>{RESPONSE_SCHEMA}</AcceptableResponseSchema>"
        "</Request></Autodiscover>"
    ).encode()


class PoxKind(enum.StrEnum):
    SETTINGS = "settings"
    REDIRECT_ADDR = "redirectAddr"
    REDIRECT_URL = "redirectUrl"
    ERROR = "error"


class PoxParseError(TextError, ValueError):
    """The body is not a usable autodiscover response; the message says why."""


@dataclass(frozen=True)
class PoxProtocol:
    type: str  # EXCH, EXPR, WEB, mapiHttp, IMAP, POP3, SMTP ...
    values: dict[str, str] = field(default_factory=dict)  # child element -> text (flattened)


@dataclass(frozen=True)
class PoxResponse:
    kind: PoxKind
    redirect: str | None = None  # the address or URL for the redirect kinds
    error_code: int | None = None
    error_message: str | None = None
    display_name: str | None = None
    smtp_address: str | None = None
    protocols: tuple[PoxProtocol, ...] = ()

    def protocol(self, type_: str) -> PoxProtocol | None:
        return next((p for p in self.protocols if p.type.lower() == type_.lower()), None)

    def describe_error(self) -> str:
        known = POX_ERRORS.get(self.error_code or 0)
        meaning = msg(known) if known is not None else msg("unknown error code")
        return msg(
            "error {code}: {meaning} (server said: {server_said})",
            code="-" if self.error_code is None else str(self.error_code),
            meaning=meaning,
            server_said=shown(self.error_message or "-", SHOWN_TEXT),
        )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _child(parent: Element, name: str) -> Element | None:
    return next((c for c in parent if _local(c.tag) == name), None)


def _text(parent: Element | None, name: str) -> str | None:
    if parent is None:
        return None
    node = _child(parent, name)
    return None if node is None or node.text is None else node.text.strip()


def parse_response(body: bytes) -> PoxResponse:
    """Parse a POX autodiscover response body; raises PoxParseError in plain words."""
    try:
        root = xml_bounded.fromstring(body, MAX_ELEMENTS)
    except xml_bounded.TooManyElements:
        root = None  # refused just below
    except DefusedXmlException as exc:
        raise PoxParseError(
            msg(
                "the response uses XML entities or a DTD, which autodiscover never needs and "
                "which can be an attack (an 'XML bomb'); refused ({error})",
                error=type(exc).__name__,
            )
        ) from None
    # LookupError: the XML declaration names an encoding Python does not know (fuzzing
    # found it: encoding="x" escaped as a crash of the check).
    except (SafeET.ParseError, LookupError) as exc:
        raise PoxParseError(
            msg("the response is not well-formed XML ({error})", error=str(exc))
        ) from None
    # Counted while parsing (xml_bounded.py), so no huge tree is ever built.
    if root is None:
        raise PoxParseError(
            msg(
                "the response has more than {count} XML elements, which is not a plausible "
                "autodiscover answer (a real one has a few hundred); refused",
                count=MAX_ELEMENTS,
            )
        )
    if _local(root.tag) != "Autodiscover" or _ns(root.tag) != OUTER_NS:
        raise PoxParseError(
            msg(
                "the response's root element is {element}, not an Autodiscover response in "
                "{namespace}",
                element=shown(root.tag, SHOWN_TEXT),
                namespace=OUTER_NS,
            )
        )
    response = _child(root, "Response")
    if response is None:
        raise PoxParseError(msg("the response has no <Response> element"))
    error = _child(response, "Error")
    if error is not None:
        return _error(error)
    if _ns(response.tag) != RESPONSE_SCHEMA:
        if not _ns(response.tag):
            raise PoxParseError(
                msg(
                    "the response uses the schema 'none', not the Outlook schema {expected} "
                    "that was asked for",
                    expected=RESPONSE_SCHEMA,
                )
            )
        raise PoxParseError(
            msg(
                "the response uses the schema '{schema}', not the Outlook schema {expected} "
                "that was asked for",
                schema=shown(_ns(response.tag), SHOWN_TEXT),
                expected=RESPONSE_SCHEMA,
            )
        )
    account = _child(response, "Account")
    if account is None:
        raise PoxParseError(msg("the response has neither <Account> nor <Error>"))
    account_error = _child(account, "Error")
    if account_error is not None:
        return _error(account_error)
    action = (_text(account, "Action") or "").strip()
    user = _child(response, "User")
    if action == "redirectAddr":
        return PoxResponse(PoxKind.REDIRECT_ADDR, redirect=_text(account, "RedirectAddr"))
    if action == "redirectUrl":
        return PoxResponse(PoxKind.REDIRECT_URL, redirect=_text(account, "RedirectUrl"))
    if action != "settings":
        raise PoxParseError(
            msg(
                "unknown <Action> '{action}' (expected settings or a redirect)",
                action=shown(action),
            )
        )
    return PoxResponse(
        PoxKind.SETTINGS,
        display_name=_text(user, "DisplayName"),
        smtp_address=_text(user, "AutoDiscoverSMTPAddress"),
        protocols=tuple(_protocol(p) for p in account if _local(p.tag) == "Protocol"),
    )


def _error(error: Element) -> PoxResponse:
    code_text = _text(error, "ErrorCode")
    code = None
    if code_text:
        try:
            code = parse_server_int(code_text, 0, MAX_ERROR_CODE)
        except ServerNumberError as exc:
            raise PoxParseError(
                msg("the answer's <ErrorCode> is not an error code: {problem}", problem=exc.message)
            ) from None
    return PoxResponse(PoxKind.ERROR, error_code=code, error_message=_text(error, "Message"))


def _protocol(node: Element) -> PoxProtocol:
    # Two forms: <Protocol><Type>EXCH</Type>... and <Protocol Type="mapiHttp" Version="1">.
    type_ = node.get("Type") or _text(node, "Type") or "?"
    values: dict[str, str] = {}
    # Depth first in document order, as node.iter() would go, but each element travels
    # with its parent: looking the parent up made this quadratic in the element count.
    pending: list[tuple[Element, Element]] = [(child, node) for child in reversed(node)]
    while pending:
        element, parent = pending.pop()
        pending.extend((child, element) for child in reversed(element))
        if element.text is None or not element.text.strip():
            continue
        path = _local(element.tag)
        if parent is not node:
            path = f"{_local(parent.tag)}.{path}"
        values[path] = element.text.strip()
    port = values.get("Port")
    if port is not None:
        try:
            values["Port"] = str(parse_port(port))  # later readers may int() it as it is
        except ServerNumberError as exc:
            raise PoxParseError(
                msg(
                    "the {protocol} settings name a <Port> that is not a port: {problem}",
                    protocol=shown(type_),
                    problem=exc.message,
                )
            ) from None
    return PoxProtocol(type_, values)
