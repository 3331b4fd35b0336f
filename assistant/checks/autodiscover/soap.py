"""The SOAP autodiscover service (autodiscover.svc, [MS-OXWSADISC]) that EWS clients
such as exchangelib use; probed beside POX so both paths are shown."""

from __future__ import annotations

import time
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from assistant.check import Context
from assistant.checks.autodiscover import xml_bounded
from assistant.checks.autodiscover.policy import Verdict, credential_decision
from assistant.checks.autodiscover.walk import auth_schemes
from assistant.checks.oauth_common import http_authorization
from assistant.model import Evidence, Status, Step
from assistant.net.http import HttpError, https_request
from assistant.net.server_numbers import shown
from assistant.text import msg

SOAP_PATH = "/autodiscover/autodiscover.svc"
SETTINGS = (
    "ExternalEwsUrl",
    "InternalEwsUrl",
    "UserDisplayName",
    "CasVersion",
    "EwsSupportedSchemas",
)
# A GetUserSettings answer for five settings has a few dozen elements; far more is not one.
MAX_ELEMENTS = 2000
MAX_ERRORS_SHOWN = 5  # distinct <ErrorCode> values a summary repeats
SHOWN_TEXT = 200  # characters of a server's value (an error code, a URL) a summary repeats


def build_request(email: str, url: str) -> bytes:
    settings = "".join(f"<a:Setting>{s}</a:Setting>" for s in SETTINGS)
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<soap:Envelope xmlns:a="http://schemas.microsoft.com/exchange/2010/Autodiscover" '
        'xmlns:wsa="http://www.w3.org/2005/08/addressing" '
        'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header>'
        "<a:RequestedServerVersion>Exchange2013</a:RequestedServerVersion>"
        "<wsa:Action>http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/"
        "GetUserSettings</wsa:Action>"
        f"<wsa:To>{escape(url)}</wsa:To></soap:Header><soap:Body>"
        "<a:GetUserSettingsRequestMessage><a:Request><a:Users><a:User>"
        f"<a:Mailbox>{escape(email)}</a:Mailbox></a:User></a:Users>"
        f"<a:RequestedSettings>{settings}</a:RequestedSettings>"
        "</a:Request></a:GetUserSettingsRequestMessage></soap:Body></soap:Envelope>"
    ).encode()


def parse_user_settings(body: bytes) -> tuple[dict[str, str], str | None]:
    """(settings by name, error text or None)."""
    try:
        root = xml_bounded.fromstring(body, MAX_ELEMENTS)
    except xml_bounded.TooManyElements:
        root = None  # refused just below
    # LookupError: an XML declaration naming an unknown encoding (found by fuzzing).
    except (DefusedXmlException, SafeET.ParseError, LookupError) as exc:
        return {}, msg("the SOAP response is not usable XML ({error})", error=type(exc).__name__)
    # Counted while parsing (xml_bounded.py): everything below handles a bounded tree.
    if root is None:
        return {}, msg(
            "the SOAP response has more than {count} XML elements, which is not a plausible "
            "GetUserSettings answer; refused",
            count=MAX_ELEMENTS,
        )
    settings: dict[str, str] = {}
    errors: dict[str, None] = {}  # distinct, in order
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "UserSetting":
            fields = {c.tag.rsplit("}", 1)[-1]: (c.text or "") for c in element}
            if "Name" in fields:
                settings[fields["Name"]] = fields.get("Value", "")
        elif name == "ErrorCode" and element.text and element.text != "NoError":
            errors[shown(element.text, SHOWN_TEXT)] = None
    said = list(errors)[:MAX_ERRORS_SHOWN]
    if len(errors) > MAX_ERRORS_SHOWN:
        said.append("…")
    return settings, ("; ".join(said) or None)


def probe(ctx: Context, host: str, email: str) -> Step:
    """Anonymous first; with credentials only when the POX rules allow this host."""
    step_id, url = "autodiscover.soap", f"https://{host}{SOAP_PATH}"
    title = msg("SOAP GetUserSettings at {url}", url=url)
    started = time.monotonic()
    evidence: list[Evidence] = []

    def post(authorization: str | None) -> tuple[int, bytes]:
        headers = {"Content-Type": "text/xml; charset=utf-8"}
        if authorization:
            headers["Authorization"] = authorization
        response = https_request(
            ctx.net,
            url,
            method="POST",
            body=build_request(email, url),
            headers=headers,
            max_bytes=256 * 1024,
        )
        evidence.append(response.to_evidence(ctx.redactor, msg("POST {url}", url=url)))
        if response.status == 401:
            schemes.extend(s for s in auth_schemes(response) if s not in schemes)
            verified.append(response.tls is not None and response.tls.verified)
        return response.status, response.body

    schemes: list[str] = []
    verified: list[bool] = []
    try:
        status, body = post(None)
        credentials = ctx.credentials
        if status == 401 and credentials is not None:
            decision = credential_decision(
                url, tls_verified=all(verified), domains=(ctx.target.domain,)
            )
            allowed = decision.verdict is Verdict.ALLOW or (
                decision.verdict is Verdict.ASK
                and ctx.may_use_host(urlsplit(url).hostname or host, decision.reason)
            )
            header = http_authorization(ctx, schemes, step_id, title) if allowed else None
            if isinstance(header, tuple):
                status, body = post(header[0])
    except HttpError as exc:
        step = Step(step_id, title, Status.INFO, summary=exc.message, evidence=evidence)
        step.duration_ms = int((time.monotonic() - started) * 1000)
        return step
    summary: str
    if status == 401:
        summary = (
            msg("answers and asks for sign-in ({schemes})", schemes=", ".join(schemes))
            if schemes
            else msg("answers and asks for sign-in (no scheme)")
        )
        outcome = Status.PASS if ctx.credentials is None else Status.WARN
    elif status == 200:
        settings, error = parse_user_settings(body)
        outcome = Status.WARN
        if error:
            summary = msg("answered with an error: {error}", error=error)
        elif not settings:
            summary = msg("answered with an error: no settings")
        else:
            ews = settings.get("ExternalEwsUrl") or settings.get("InternalEwsUrl") or "-"
            summary = msg(
                "EWS URL {url} (what exchangelib and EWS clients find)",
                url=shown(ews, SHOWN_TEXT),
            )
            outcome = Status.PASS
    else:
        summary, outcome = msg("answered HTTP {status}", status=status), Status.INFO
    step = Step(step_id, title, outcome, summary=summary, evidence=evidence)
    step.duration_ms = int((time.monotonic() - started) * 1000)
    return step
