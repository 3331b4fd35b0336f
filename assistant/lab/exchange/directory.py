"""The lab's mailboxes: who may sign in, which addresses autodiscover knows, and the
organisation (Exchange Online or an on-premises Exchange) that answers for each.

Every account signs in with its email address as the user name and LAB_PASSWORD.
Passwords stay here, in memory; the credential log only ever says whether one matched.
"""

from __future__ import annotations

import enum
import threading
import uuid
from dataclasses import dataclass

LAB_PASSWORD = "Lab-Passw0rd!"  # noqa: S105 - the lab's one, published password

EXO_AUTODISCOVER_HOSTS = ("autodiscover.outlook.com", "autodiscover-s.outlook.com")
EXO_MAILBOX_HOST = "outlook.office365.com"
EXO_EWS_URL = f"https://{EXO_MAILBOX_HOST}/EWS/Exchange.asmx"
EXO_POX_URL = "https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml"
ONPREM_DOMAIN = "fabrikam.test"
ONPREM_MAIL_HOST = f"mail.{ONPREM_DOMAIN}"
ONPREM_EWS_URL = f"https://{ONPREM_MAIL_HOST}/EWS/Exchange.asmx"
EVIL_DOMAIN = "evil-lab.test"  # a third party that collects whatever credentials reach it

_NAMESPACE = uuid.UUID("6f1d3c0e-2b7a-4c55-9a4e-0c0ffee00001")


class Style(enum.Enum):
    EXCHANGE_ONLINE = "exo"
    ON_PREMISES = "onprem"
    HARVESTER = "harvester"  # not Exchange: accepts any Basic credential it is sent


@dataclass(frozen=True)
class Org:
    key: str
    style: Style
    domains: tuple[str, ...]
    mail_host: str  # EWS, MAPI, OWA, OAB live here
    autodiscover_host: str  # what AutodiscoverV1 answers point at
    netbios: str  # NTLM's domain name
    fe_server: str  # X-FEServer
    be_server: str  # X-BEServer / X-DiagInfo
    build: tuple[int, int, int, int]  # Exchange build, as ServerVersionInfo reports it
    deployment_id: str

    @property
    def ews_url(self) -> str:
        return f"https://{self.mail_host}/EWS/Exchange.asmx"

    @property
    def cloud(self) -> bool:
        return self.style is Style.EXCHANGE_ONLINE

    def serves(self, address: str) -> bool:
        return address.rpartition("@")[2].lower() in self.domains


@dataclass(frozen=True)
class Account:
    login: str  # the email address typed as user name
    password: str
    org: str


@dataclass(frozen=True)
class Mailbox:
    address: str
    org: str
    display_name: str
    redirect_addr: str | None = None  # autodiscover answers redirectAddr to this address
    redirect_url: str | None = None  # autodiscover (elsewhere than this URL's host) redirects

    @property
    def guid(self) -> str:
        return str(uuid.uuid5(_NAMESPACE, self.address.lower()))

    @property
    def legacy_dn(self) -> str:
        local = self.address.partition("@")[0]
        return (
            "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
            f"/cn=Recipients/cn={self.guid.replace('-', '')}-{local}"
        )


class Directory:
    """Orgs, accounts and mailboxes; safe to read from many server threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.orgs: dict[str, Org] = {}
        self._accounts: dict[str, Account] = {}
        self._mailboxes: dict[str, Mailbox] = {}

    # -- building ------------------------------------------------------------------------

    def add_org(self, org: Org) -> Org:
        with self._lock:
            self.orgs[org.key] = org
        return org

    def add_user(
        self, address: str, org: str, display_name: str, password: str = LAB_PASSWORD
    ) -> Mailbox:
        mailbox = Mailbox(address.lower(), org, display_name)
        with self._lock:
            self._accounts[mailbox.address] = Account(mailbox.address, password, org)
            self._mailboxes[mailbox.address] = mailbox
        return mailbox

    def add_alias(
        self,
        address: str,
        org: str,
        *,
        redirect_addr: str | None = None,
        redirect_url: str | None = None,
        display_name: str = "",
    ) -> Mailbox:
        """An address autodiscover knows but that is not a sign-in: it redirects."""
        mailbox = Mailbox(
            address.lower(), org, display_name or address, redirect_addr, redirect_url
        )
        with self._lock:
            self._mailboxes[mailbox.address] = mailbox
        return mailbox

    def set_redirect(
        self, address: str, *, redirect_addr: str | None = None, redirect_url: str | None = None
    ) -> None:
        with self._lock:
            old = self._mailboxes[address.lower()]
            self._mailboxes[old.address] = Mailbox(
                old.address, old.org, old.display_name, redirect_addr, redirect_url
            )

    # -- questions -----------------------------------------------------------------------

    def account(self, login: str, domain: str = "") -> Account | None:
        """By email address, or NTLM style: (NETBIOS domain, sAMAccountName)."""
        login = login.lower()
        with self._lock:
            found = self._accounts.get(login)
            if found is not None or "@" in login or not domain:
                return found
            for account in self._accounts.values():
                org = self.orgs.get(account.org)
                local = account.login.partition("@")[0]
                if local == login and org is not None and org.netbios.lower() == domain.lower():
                    return account
        return None

    def check(self, login: str, password: str) -> bool:
        account = self.account(login)
        return account is not None and account.password == password

    def mailbox(self, address: str) -> Mailbox | None:
        with self._lock:
            return self._mailboxes.get(address.strip().lower())

    def org(self, key: str) -> Org:
        with self._lock:
            return self.orgs[key]

    def org_of_domain(self, domain: str) -> Org | None:
        domain = domain.lower()
        with self._lock:
            return next((o for o in self.orgs.values() if domain in o.domains), None)

    def sign_ins(self) -> dict[str, str]:
        """Every account's login and password: what the lab's mail servers accept too."""
        with self._lock:
            return {a.login: a.password for a in self._accounts.values()}

    def passwords(self) -> set[str]:
        """Every password in the directory: the canaries the credential log looks for."""
        with self._lock:
            return {a.password for a in self._accounts.values()}


def exchange_online(domains: tuple[str, ...]) -> Org:
    return Org(
        key="exo",
        style=Style.EXCHANGE_ONLINE,
        domains=domains,
        mail_host=EXO_MAILBOX_HOST,
        autodiscover_host="autodiscover-s.outlook.com",
        netbios="",
        fe_server="AM0PR10CA0017",
        be_server="AM9PR04MB8712",
        build=(15, 20, 8158, 20),
        deployment_id=str(uuid.uuid5(_NAMESPACE, "exchange-online")),
    )


def on_premises(key: str, domain: str, *, mail_host: str | None = None) -> Org:
    netbios = domain.partition(".")[0].upper().replace("-", "")[:15]
    return Org(
        key=key,
        style=Style.ON_PREMISES,
        domains=(domain,),
        mail_host=mail_host or f"mail.{domain}",
        autodiscover_host=f"autodiscover.{domain}",
        netbios=netbios,
        fe_server="EX01",
        be_server="EX01",
        build=(15, 2, 1544, 4),
        deployment_id=str(uuid.uuid5(_NAMESPACE, domain)),
    )


def harvester(domain: str) -> Org:
    return Org(
        key=domain,
        style=Style.HARVESTER,
        domains=(domain,),
        mail_host=f"mail.{domain}",
        autodiscover_host=f"autodiscover.{domain}",
        netbios="EVIL",
        fe_server="WEB01",
        be_server="WEB01",
        build=(15, 2, 1544, 4),
        deployment_id=str(uuid.uuid5(_NAMESPACE, domain)),
    )
