"""Who the lab's tenant is and which server plays each host: the directory of
organisations and mailboxes behind every scenario domain, and the (host, port) ->
listener map that the connect-to rules and the certificates are made from."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from assistant.lab.autodiscover_scenarios import TRAP_HOST, AdScenario
from assistant.lab.exchange.directory import (
    EVIL_DOMAIN,
    EXO_AUTODISCOVER_HOSTS,
    EXO_MAILBOX_HOST,
    Directory,
    Org,
    exchange_online,
    harvester,
    on_premises,
)
from assistant.lab.exchange.faults import Listener
from assistant.lab.identity import LOGIN_HOSTS


def lab_directory(cloud_domains: tuple[str, ...], scenarios: tuple[AdScenario, ...]) -> Directory:
    directory = Directory()
    exo = directory.add_org(exchange_online(cloud_domains))
    directory.add_user("admin@contoso.test", exo.key, "Contoso Admin")
    directory.add_user("user@contoso.test", exo.key, "Contoso User")
    # Every DNS-scenario domain is a tenant domain too, so a demo of a DNS fault shows that
    # fault and not a sign-in failure.
    for domain in cloud_domains:
        if directory.mailbox(f"admin@{domain}") is None:
            directory.add_user(f"admin@{domain}", exo.key, f"Admin ({domain})")
    directory.add_org(harvester(EVIL_DOMAIN))
    for scenario in scenarios:
        if scenario.cloud:
            continue
        domain = scenario.domain()
        org = on_premises(scenario.name, domain)
        if scenario.hybrid_domain:
            org = replace(
                org,
                domains=(domain, scenario.hybrid_domain),
                mail_host=f"mail.{scenario.hybrid_domain}",
            )
        directory.add_org(org)
        directory.add_user(f"admin@{domain}", org.key, f"Admin ({domain})")
        if scenario.hybrid_domain:
            _hybrid(directory, org, scenario.hybrid_domain)
        chain = scenario.redirect_chain
        for here, there in itertools.pairwise(chain):
            address, target = f"{here}@{domain}", f"{there}@{domain}"
            if directory.mailbox(address) is None:
                directory.add_alias(address, org.key, redirect_addr=target)
            else:
                directory.set_redirect(address, redirect_addr=target)
            if directory.mailbox(target) is None and there == chain[-1]:
                directory.add_user(target, org.key, f"{there} ({domain})")
        if scenario.redirect_url:
            directory.set_redirect(
                f"admin@{domain}", redirect_url=scenario.fill(scenario.redirect_url)
            )
    return directory


def _hybrid(directory: Directory, org: Org, hybrid_domain: str) -> None:
    """admin@<domain> -> redirectAddr admin@<hybrid> -> redirectUrl mail.<hybrid>."""
    here, there = f"admin@{org.domains[0]}", f"admin@{hybrid_domain}"
    directory.add_user(there, org.key, f"Admin ({hybrid_domain})")
    directory.set_redirect(
        there, redirect_url=f"https://mail.{hybrid_domain}/autodiscover/autodiscover.xml"
    )
    directory.set_redirect(here, redirect_addr=there)


def lab_topology(
    domains: Sequence[str], scenarios: tuple[AdScenario, ...]
) -> dict[tuple[str, int], Listener]:
    """(host, port) -> the server that plays it."""
    where: dict[tuple[str, int], Listener] = {}
    for d in domains:
        where[(f"mta-sts.{d}", 443)] = Listener.GOOD
        # Exchange Online: the CNAME'd name gets Microsoft's certificate, which does not
        # carry the customer's name; port 80 redirects to autodiscover-s.outlook.com.
        where[(f"autodiscover.{d}", 443)] = Listener.MICROSOFT
        where[(f"autodiscover.{d}", 80)] = Listener.HTTP
    for host in (*EXO_AUTODISCOVER_HOSTS, EXO_MAILBOX_HOST):
        where[(host, 443)] = Listener.MICROSOFT
        where[(host, 80)] = Listener.HTTP
    for host in LOGIN_HOSTS:
        where[(host, 443)] = Listener.MICROSOFT
    for host in (EVIL_DOMAIN, f"autodiscover.{EVIL_DOMAIN}"):
        where[(host, 443)] = Listener.GOOD
        where[(host, 80)] = Listener.HTTP
    for host in (TRAP_HOST, f"mail.{EVIL_DOMAIN}"):
        where[(host, 443)] = Listener.GOOD
    for s in scenarios:
        if s.cloud:
            continue
        domain = s.domain()
        where[(domain, 443)] = s.root
        where[(domain, 80)] = Listener.DEAD if s.root is Listener.DEAD else Listener.HTTP
        where[(f"mail.{domain}", 443)] = Listener.GOOD if s.mail else Listener.DEAD
        where[(f"mail.{domain}", 80)] = Listener.HTTP if s.http_redirect else Listener.DEAD
        if s.autodiscover is not None:
            where[(f"autodiscover.{domain}", 443)] = s.autodiscover
        if s.autodiscover is not None and s.http is not None:
            where[(f"autodiscover.{domain}", 80)] = s.http
        if s.hybrid_domain:
            where[(f"mail.{s.hybrid_domain}", 443)] = Listener.GOOD
    return where
