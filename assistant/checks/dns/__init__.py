"""dns.*: the domain's health as the rest of the internet sees it (CHECKS.md)."""

from __future__ import annotations

from assistant.check import Check
from assistant.checks.dns.common import RESOLVER_CHECK
from assistant.checks.dns.records import (
    check_autodiscover_dns,
    check_msoid,
    check_mx,
    check_resolver,
    check_teams,
    check_verification,
)
from assistant.checks.dns.sender_auth import check_dkim, check_dmarc, check_spf
from assistant.checks.dns.transport import check_dane, check_dnssec, check_mta_sts, check_tlsrpt
from assistant.text import msg

_AFTER_RESOLVER = (RESOLVER_CHECK,)

DNS_CHECKS = (
    Check(RESOLVER_CHECK, msg("DNS resolvers answer"), check_resolver),
    Check("dns.mx", msg("MX records"), check_mx, _AFTER_RESOLVER),
    Check("dns.spf", msg("SPF record"), check_spf, _AFTER_RESOLVER),
    Check("dns.dkim", msg("DKIM selectors"), check_dkim, _AFTER_RESOLVER),
    Check("dns.dmarc", msg("DMARC policy"), check_dmarc, _AFTER_RESOLVER),
    Check(
        "dns.autodiscover", msg("Autodiscover DNS records"), check_autodiscover_dns, _AFTER_RESOLVER
    ),
    Check(
        "dns.verification", msg("Domain verification record"), check_verification, _AFTER_RESOLVER
    ),
    Check("dns.mta_sts", msg("MTA-STS policy"), check_mta_sts, _AFTER_RESOLVER),
    Check("dns.tlsrpt", msg("SMTP TLS reporting"), check_tlsrpt, _AFTER_RESOLVER),
    Check("dns.dnssec", msg("DNSSEC"), check_dnssec, _AFTER_RESOLVER),
    Check("dns.dane", msg("DANE for the MX hosts"), check_dane, _AFTER_RESOLVER),
    Check("dns.teams", msg("Skype for Business / Teams records"), check_teams, _AFTER_RESOLVER),
    Check("dns.msoid", msg("No stray msoid record"), check_msoid, _AFTER_RESOLVER),
)
