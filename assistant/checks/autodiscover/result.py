"""Turn the winning POX answer (or v2's EWS URL) into DiscoveredSettings."""

from __future__ import annotations

from collections.abc import Callable

from assistant.checks.autodiscover.pox import PoxProtocol, PoxResponse
from assistant.checks.autodiscover.settings import DiscoveredSettings, ProtocolEndpoint
from assistant.hostnames import HostNameError, ascii_host, ascii_url

IMPLICIT_TLS_PORTS = (993, 995, 465)


def _first(response: PoxResponse, types: tuple[str, ...], key: str) -> str | None:
    for type_ in types:
        protocol = response.protocol(type_)
        if protocol is not None and protocol.values.get(key):
            return protocol.values[key]
    return None


def _first_url(response: PoxResponse, types: tuple[str, ...], key: str) -> str | None:
    found = _first(response, types, key)
    return None if found is None else _ascii(found, ascii_url)


def _ascii(value: str, normalise: Callable[[str], str]) -> str:
    """A URL or host from the answer with its host in the one ASCII form that the policy and
    the connection both use. One that does not normalise is kept as sent: the credential
    rules refuse it and the net layer will not connect to it, so later checks say why."""
    try:
        return normalise(value)
    except HostNameError:
        return value


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
    return ProtocolEndpoint(_ascii(values["Server"], ascii_host), port, encryption)


def settings_from_pox(
    response: PoxResponse, source: str, email: str, trusted_domains: tuple[str, ...] = ()
) -> DiscoveredSettings:
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
        ews_url=_first_url(response, ("EXPR", "EXCH", "WEB"), "EwsUrl"),
        mapi_emsmdb_url=_first_url(response, ("mapiHttp",), "MailStore.ExternalUrl")
        or _first_url(response, ("mapiHttp",), "MailStore.InternalUrl"),
        mapi_nspi_url=_first_url(response, ("mapiHttp",), "AddressBook.ExternalUrl")
        or _first_url(response, ("mapiHttp",), "AddressBook.InternalUrl"),
        oab_url=_first_url(response, ("EXPR", "EXCH"), "OABUrl"),
        imap=_endpoint(response.protocol("IMAP")),
        pop=_endpoint(response.protocol("POP3")),
        smtp=_endpoint(response.protocol("SMTP")),
        extra=extra,
        trusted_domains=trusted_domains,
    )
