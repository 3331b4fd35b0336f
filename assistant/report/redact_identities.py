"""The identities level of redaction: who and what inside the customer's network.

A pure transform over a Report (and any extra text, such as the run log, that must
read consistently with it). Every string is walked, evidence keys and values included:

- mailbox local parts: every occurrence of one address becomes the same `userN`
  (`admin@contoso.test` -> `user1@contoso.test`, also URL-encoded as `admin%40...`);
  role addresses (postmaster@, abuse@, ...) stay. Login names given to the map
  (`CONTOSO\\jdoe`, `jdoe`) get the same treatment.
- display names: `Contoso Admin <admin@...>`, and values under `display_name`-like keys,
  become `Person N`, and so does any other occurrence of a name learned that way.
- user folders in paths (`/home/jdoe/...`, `C:\\Users\\jdoe\\...`).
- internal host names: names under the customer's domain become `hostN.<domain>`,
  except the domain itself, names whose first label is a conventional published service
  (autodiscover, mail, mta-sts, sip, lyncdiscover, ... see KEPT_SERVICE_LABELS) and
  DNS policy/service names with an underscore label (_dmarc, selector1._domainkey,
  _autodiscover._tcp). Names under private suffixes (.local, .lan, .internal, .corp,
  .home.arpa, ...) always become `hostN.<suffix>`.
- internal IP addresses (RFC 1918, CGNAT, link-local, IPv6 ULA/link-local, other
  non-global ranges) become `10.x.x.N` / `fdxx::N`. Loopback and public addresses stay:
  they identify no one and support needs Microsoft's and the internet's addresses.

The same original always gets the same placeholder within one map, numbered in order of
first appearance, so a redacted report still reads ("user1 signed in at host1...").
The mapping itself is never written anywhere: it would undo the redaction.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

from assistant.model import JSONValue, Report
from assistant.report.scrub import map_json, map_strings

KEPT_SERVICE_LABELS = frozenset(
    {
        "autodiscover",
        "mail",
        "webmail",
        "owa",
        "outlook",
        "smtp",
        "imap",
        "pop",
        "pop3",
        "mx",
        "mta-sts",
        "sip",
        "lyncdiscover",
        "enterpriseregistration",
        "enterpriseenrollment",
        "msoid",
        "www",
    }
)
ROLE_LOCAL_PARTS = frozenset(
    {"postmaster", "abuse", "hostmaster", "webmaster", "noreply", "no-reply", "mailer-daemon"}
)
PRIVATE_SUFFIXES = ("local", "lan", "internal", "intranet", "corp", "home.arpa", "localdomain")
_DISPLAY_NAME_KEYS = re.compile(r"(?i)^(?:display_?name|displayname|full_?name|person)$")

_LOCAL = r"[\w+-](?:[\w.+-]{0,62}[\w+-])?"
_EMAIL = re.compile(
    rf"(?<![\w.+%-])(?P<local>{_LOCAL})(?P<at>@|%40)(?P<domain>(?:[\w-]+\.)+[\w-]+)", re.I
)
# Exchange's legacy DN ends in the mailbox alias: .../cn=Recipients/cn=<32 hex>-admin
_LEGACY_DN = re.compile(
    r"(?i)(?P<prefix>/cn=Recipients/cn=(?:[0-9a-f]{32}-)?)(?P<name>[^/<>\s\"']+)"
)
_HOME = re.compile(r"(?P<prefix>/home/|/Users/|[A-Za-z]:\\Users\\)(?P<name>[^/\\\s\"'<>]+)")
_IPV4 = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
# Name servers and MX hosts are published by definition: ns1.contoso.com, mx2.contoso.com.
_KEPT_NUMBERED = re.compile(r"(?i)^(?:ns|dns|mx|smtp|mail)\d*$")


class IdentityMap:
    """Learns the identities in a report, then replaces them consistently."""

    def __init__(self, domains: Iterable[str] = (), names: Iterable[str] = ()) -> None:
        self.domains = sorted({d.lower().rstrip(".") for d in domains if d}, key=len, reverse=True)
        self._users: dict[str, str] = {}
        self._people: dict[str, str] = {}
        self._hosts: dict[str, str] = {}
        self._ips: dict[str, str] = {}
        self._names = [n for n in names if n]
        host_alternatives = "|".join(re.escape(d) for d in self.domains)
        self._own_host = (
            re.compile(
                rf"(?<![\w.-])(?P<labels>(?:[\w-]+\.)+)(?P<domain>{host_alternatives})"
                r"(?![\w-]|\.[\w-])",
                re.I,
            )
            if self.domains
            else None
        )
        suffixes = "|".join(re.escape(s) for s in PRIVATE_SUFFIXES)
        self._private_host = re.compile(
            rf"(?<![\w.-])(?P<labels>(?:[\w-]+\.)+)(?P<domain>{suffixes})(?![\w-]|\.[\w-])", re.I
        )
        self._literal_cache: tuple[int, re.Pattern[str] | None] = (-1, None)

    @classmethod
    def for_report(
        cls, report: Report, *, names: Iterable[str] = (), extra_text: Iterable[str] = ()
    ) -> IdentityMap:
        target = report.target
        domains = [str(target.get(k) or "") for k in ("domain", "domain_unicode")]
        mapping = cls(domains, names)
        mapping.learn_report(report)
        for text in extra_text:
            mapping.learn(text)
        return mapping

    # -- learning ------------------------------------------------------------------------

    def learn_report(self, report: Report) -> None:
        map_strings(report, self._learning, self._learn_data)  # the target's mailbox first
        for name in self._names:
            self._learn_login(name)

    def _learning(self, text: str) -> str:
        self.learn(text)
        return text

    def _learn_data(self, value: JSONValue) -> JSONValue:
        if isinstance(value, str):
            self.learn(value)
        elif isinstance(value, list):
            for item in value:
                self._learn_data(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                self.learn(str(key))
                if isinstance(item, str) and _DISPLAY_NAME_KEYS.match(str(key)):
                    self._person(item)
                self._learn_data(item)
        return value

    def learn(self, text: str) -> None:
        for match in _EMAIL.finditer(text):
            self._user(match["local"])
            self._learn_display_name(text[: match.start()], match)
        for pattern in (_LEGACY_DN, _HOME):
            for match in pattern.finditer(text):
                self._user(match["name"])
        self.text(text)  # numbers hosts and addresses in order of first appearance

    def _learn_login(self, name: str) -> None:
        _, backslash, user = name.rpartition("\\")
        self._user(user if backslash else name.partition("@")[0])

    def _learn_display_name(self, before: str, match: re.Match[str]) -> None:
        # "Contoso Admin <admin@contoso.test>": capitalised words right before "<address>".
        # "MAIL FROM:<a@b>" has no space before "<"; a display name always has one.
        if not before.endswith("<") or not before[:-1][-1:].isspace():
            return
        head = before[:-1].rstrip()
        if head.endswith('"'):
            opening = head.rfind('"', 0, len(head) - 1)
            if opening >= 0:
                self._person(head[opening + 1 : -1])
            return
        words: list[str] = []
        for word in reversed(head.split()[-4:]):
            if word[0].islower() or not all(c.isalpha() or c in "'-." for c in word):
                break
            words.insert(0, word)
        if words:
            self._person(" ".join(words))

    def _user(self, local: str) -> str:
        key = local.casefold()
        if key in ROLE_LOCAL_PARTS or key in self._users.values():
            return local  # a role address, or already a placeholder from an earlier pass
        return self._users.setdefault(key, f"user{len(self._users) + 1}")

    def _person(self, name: str) -> str:
        name = name.strip()
        if not name or name in self._people.values():
            return name
        return self._people.setdefault(name, f"Person {len(self._people) + 1}")

    # -- replacing -----------------------------------------------------------------------

    def text(self, text: str) -> str:
        literals = self._literals()
        if literals is not None:
            text = literals.sub(self._literal, text)
        text = _EMAIL.sub(lambda m: f"{self._user(m['local'])}{m['at']}{m['domain']}", text)
        for pattern in (_LEGACY_DN, _HOME):
            text = pattern.sub(lambda m: m["prefix"] + self._user(m["name"]), text)
        if self._own_host is not None:
            text = self._own_host.sub(self._host, text)
        text = self._private_host.sub(self._host, text)
        text = _IPV4.sub(self._ip, text)
        return _IPV6.sub(self._ip, text)

    def data(self, value: JSONValue) -> JSONValue:
        if isinstance(value, dict):
            return {
                self.text(str(key)): (
                    self._person(item)
                    if isinstance(item, str) and _DISPLAY_NAME_KEYS.match(str(key))
                    else self.data(item)
                )
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self.data(item) for item in value]
        return map_json(value, self.text)

    def report(self, report: Report) -> Report:
        redacted = map_strings(report, self.text, self.data)
        redacted.redaction = {**redacted.redaction, "identities": "replaced"}
        return redacted

    def _literals(self) -> re.Pattern[str] | None:
        """People's names and login names learned so far, as one pattern (cached)."""
        size = len(self._people)
        if self._literal_cache[0] != size:
            # Addresses among the login names are the email pattern's job.
            words = [*self._people, *(n for n in self._names if "@" not in n)]
            self._literal_cache = (size, _literal_pattern(words))
        return self._literal_cache[1]

    def _literal(self, match: re.Match[str]) -> str:
        word = match[0]
        return self._people[word] if word in self._people else self._login(word)

    def _login(self, name: str) -> str:
        domain, backslash, user = name.rpartition("\\")
        if backslash:
            return f"{domain}\\{self._user(user)}"
        local, at, rest = name.partition("@")
        return f"{self._user(local)}{at}{rest}"

    def _host(self, match: re.Match[str]) -> str:
        labels = match["labels"].rstrip(".").split(".")
        domain = match["domain"]
        if match.re is self._own_host and (
            labels[0].lower() in KEPT_SERVICE_LABELS
            or _KEPT_NUMBERED.match(labels[0])
            or any(x.startswith("_") for x in labels)
        ):
            return match[0]
        key = match[0].lower()
        if len(labels) == 1 and labels[0].lower() in self._hosts.values():
            return match[0]  # already a placeholder
        if key not in self._hosts:
            self._hosts[key] = f"host{len(self._hosts) + 1}"
        return f"{self._hosts[key]}.{domain}"

    def _ip(self, match: re.Match[str]) -> str:
        text = match[0]
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            return text
        if address.is_global or address.is_loopback or address.is_unspecified:
            return text
        if address.is_multicast:
            return text
        key = address.compressed
        if key not in self._ips:
            v6 = address.version == 6
            number = 1 + sum(1 for k in self._ips if (":" in k) == v6)
            self._ips[key] = f"fdxx::{number}" if v6 else f"10.x.x.{number}"
        return self._ips[key]


def _literal_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    words = [w for w in words if w]
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def redact_identities(report: Report, *, names: Iterable[str] = ()) -> Report:
    """A copy of `report` with mailbox names, people, internal hosts and IPs replaced."""
    return IdentityMap.for_report(report, names=names).report(report)
