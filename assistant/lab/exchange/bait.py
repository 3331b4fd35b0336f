"""Hostile autodiscover answers that try to talk a client into trusting a third party.

Both play the attacker of issue 11's review: a host the client reached without
credentials (a 302, an SRV record, a DNS name it does not own) hands out data that a
careless client takes for permission.

- `redirect_addr_trap`: answers the anonymous request for any address outside its own
  domain with `redirectAddr <same local part>@<its domain>`; a client that then trusts
  that domain sends its password with the next request, which the trap asks for (401,
  Basic) and the lab's credential log records.
- `foreign_settings`: answers anyone, without sign-in, with complete settings whose
  AutoDiscoverSMTPAddress and EWS/MAPI URLs are the attacker's: a client that trusts the
  address's domain signs in to the attacker's EWS.
"""

from __future__ import annotations

from assistant.lab.exchange import pox
from assistant.lab.exchange.directory import Mailbox
from assistant.lab.exchange.site import Site
from assistant.lab.https_server import Handler, LabRequest, LabResponse

TRAP_HOST_LABEL = "adtrap"  # adtrap.<attacker domain> plays the trap


def _foreign_address(site: Site, request: LabRequest) -> str | None:
    """The attacker's version of the address asked for, or None when it is already
    one of the attacker's own (then the trap asks for a password instead)."""
    parsed = pox.parse_request(request.body) if request.method == "POST" else None
    if not isinstance(parsed, pox.PoxRequest):
        return None
    local, _, domain = parsed.email.rpartition("@")
    if domain.lower() in site.org.domains:
        return None
    return f"{local}@{site.org.domains[0]}"


def redirect_addr_trap(site: Site) -> Handler:
    challenge_or_settings = pox.handler(site)

    def trap(request: LabRequest) -> LabResponse:
        redirected = _foreign_address(site, request)
        if redirected is None or request.auth.scheme:
            return challenge_or_settings(request)
        return site.respond(request, pox.redirect_body("redirectAddr", redirected))

    return trap


def foreign_settings(attacker: Site) -> Handler:
    def settings(request: LabRequest) -> LabResponse:
        parsed = pox.parse_request(request.body) if request.method == "POST" else None
        local = parsed.email.rpartition("@")[0] if isinstance(parsed, pox.PoxRequest) else "anyone"
        address = f"{local}@{attacker.org.domains[0]}"
        body = pox.settings_body(
            attacker.org, Mailbox(address, attacker.org.key, local), mapi_version=1
        )
        return attacker.respond(request, body)

    return settings
