"""Host names as the wire sees them: one ASCII form, made once, used for policy and connection.

A name from the user or from a server may be Unicode. DNS, getaddrinfo and TLS SNI all
turn it into ASCII on their own (IDNA 2003 in Python's codec and dnspython), and a policy
that looks at the Unicode text can then be fooled: `AUTODIſCOVER.com` (long s) is not
`autodiscover.com` to a string comparison, but it connects there. So every host from the
network or the user goes through `ascii_host` (IDNA 2008 with the UTS 46 mapping, the
rules browsers use) before any decision, the decision and the connection use the result,
and a name that does not normalise is refused instead of guessed at.

The `idna` package does the IDNA work (it is what requests uses); this module only adds
the rules for what a host name may be at all.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit, urlunsplit

import idna

from assistant.text import TextError, msg

MAX_NAME = 253
# LDH labels, plus "_" which some real service names carry (e.g. _sip hosts behind CNAMEs).
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_SHOWN = 80  # how much of a refused name a message repeats
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]")


class HostNameError(TextError, ValueError):
    """A host name that has no single ASCII form; the message says why in plain words."""


def _shown(name: str) -> str:
    return name if len(name) <= _SHOWN else name[:_SHOWN] + "…"


def ip_literal(name: str) -> str | None:
    """The canonical text of an IP address (brackets removed), or None for a name."""
    text = name[1:-1] if name.startswith("[") and name.endswith("]") else name
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def ascii_host(name: str) -> str:
    """The one ASCII, lower-case form of a host name or IP literal; HostNameError if none.

    Trailing dots go; Unicode labels become xn-- labels under UTS 46 (so a long s, a
    full-width letter or an ideographic full stop map the way a resolver would map them);
    anything else that is not a host name (spaces, control characters, '%', empty labels,
    over-long names, Unicode that IDNA refuses) is refused.
    """
    if len(name) > 4 * MAX_NAME:  # far past any real name: refuse before IDNA work
        raise HostNameError(msg("'{host}' is too long to be a host name", host=_shown(name)))
    ip = ip_literal(name)
    if ip is not None:
        return ip
    text = name.rstrip(".")
    if not text:
        raise HostNameError(msg("the host name is empty"))
    if text.isascii():
        # Already the wire form. xn-- labels are not decoded: real names carry ones that
        # are not valid Punycode (Microsoft's MX hosts for IDN domains look like
        # xn--mller-kva-de.mail.protection.outlook.com), and an ASCII name means the same
        # to the policy and to DNS whatever it decodes to.
        ascii_name = text.lower()
    else:
        try:
            ascii_name = idna.encode(text, uts46=True).decode("ascii").lower()
        except (idna.IDNAError, UnicodeError, ValueError):
            raise HostNameError(
                msg(
                    "'{host}' is not a valid international host name (IDNA)",
                    host=_shown(name),
                )
            ) from None
        ascii_name = ascii_name.rstrip(".")
    if len(ascii_name) > MAX_NAME or not all(_LABEL.match(lab) for lab in ascii_name.split(".")):
        raise HostNameError(msg("'{host}' is not a valid host name", host=_shown(name)))
    return ascii_name


def ascii_url(url: str) -> str:
    """`url` with its host in ascii_host form (port, path and query kept); HostNameError when
    it has no host or the host does not normalise."""
    if _CONTROL_OR_SPACE.search(url):
        # urlsplit silently drops tabs and line ends (WHATWG), so "mail\r\n.evil" would
        # pass as "mail.evil": a URL a server sent with those in it is nonsense, refused.
        raise HostNameError(msg("'{url}' contains spaces or control characters", url=_shown(url)))
    try:
        parts = urlsplit(url)
    except ValueError:  # "https://[/": an unbalanced bracket
        raise HostNameError(msg("'{url}' is not a valid URL", url=_shown(url))) from None
    raw_host = _raw_host(parts.netloc)
    if not raw_host:
        raise HostNameError(msg("'{url}' names no host", url=_shown(url)))
    host = ascii_host(raw_host)
    try:
        port = parts.port
    except ValueError:
        raise HostNameError(msg("'{url}' has an invalid port", url=_shown(url))) from None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def url_host(url: str) -> str | None:
    """The ascii_host form of a URL's host, or None when it has none or it does not normalise."""
    try:
        return ascii_host(_raw_host(urlsplit(ascii_url(url)).netloc))
    except (HostNameError, ValueError):
        return None


def _raw_host(netloc: str) -> str:
    # urlsplit's .hostname lowercases with str.lower(), which is not UTS 46 case folding
    # for every script; take the text as sent and let ascii_host map it.
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        return host.partition("]")[0] + "]"
    return host.rpartition(":")[0] if host.count(":") == 1 else host
