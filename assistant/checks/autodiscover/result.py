"""Turn the winning POX answer (or v2's EWS URL) into DiscoveredSettings."""

from __future__ import annotations

from assistant.checks.autodiscover.pox import PoxProtocol, PoxResponse
from assistant.checks.autodiscover.settings import DiscoveredSettings, ProtocolEndpoint

IMPLICIT_TLS_PORTS = (993, 995, 465)


def _first(response: PoxResponse, types: tuple[str, ...], key: str) -> str | None:
    for type_ in types:
        protocol = response.protocol(type_)
        if protocol is not None and protocol.values.get(key):
            return protocol.values[key]
    return None


def _endpoint(protocol: PoxProtocol | None) -> ProtocolEndpoint | None:
    if protocol is None or "Server" not in protocol.values:
        return None
    values = protocol.values
    port = int(values.get("Port", "0") or 0)
    encryption = (values.get("Encryption") or "").lower()
    if encryption not in ("ssl", "tls", "none"):
        if values.get("SSL", "on").lower() == "off":
            encryption = "none"
        else:
            encryption = "ssl" if port in IMPLICIT_TLS_PORTS else "tls"
    return ProtocolEndpoint(values["Server"], port, encryption)


def settings_from_pox(response: PoxResponse, source: str, email: str) -> DiscoveredSettings:
    extra = {
        k: v
        for k, v in (
            ("display_name", response.display_name),
            ("server_version", _first(response, ("EXCH",), "ServerVersion")),
        )
        if v
    }
    return DiscoveredSettings(
        source=source,
        email=response.smtp_address or email,
        # EXPR describes access from outside the network, which is where clients usually are.
        ews_url=_first(response, ("EXPR", "EXCH", "WEB"), "EwsUrl"),
        mapi_emsmdb_url=_first(response, ("mapiHttp",), "MailStore.ExternalUrl")
        or _first(response, ("mapiHttp",), "MailStore.InternalUrl"),
        mapi_nspi_url=_first(response, ("mapiHttp",), "AddressBook.ExternalUrl")
        or _first(response, ("mapiHttp",), "AddressBook.InternalUrl"),
        oab_url=_first(response, ("EXPR", "EXCH"), "OABUrl"),
        imap=_endpoint(response.protocol("IMAP")),
        pop=_endpoint(response.protocol("POP3")),
        smtp=_endpoint(response.protocol("SMTP")),
        extra=extra,
    )
