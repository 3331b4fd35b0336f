"""The Lync / Skype for Business DNS and lyncdiscover verdicts, as pure functions of the
records and the answer read (lync.py does the lookups and the request)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.checks.integration.answers import Answer, json_object, refused_certificate
from assistant.checks.integration.lync_verdicts import Verdict, unreachable
from assistant.facts import INTEGRATION_LINKS, is_microsoft_host
from assistant.model import Remedy, Status
from assistant.text import join, msg

# -- integration.lync.dns -----------------------------------------------------------------


@dataclass(frozen=True)
class SipRecord:
    """One of the Skype records as found: SRV target/port, or the A/CNAME's final name."""

    label: str  # "lyncdiscover", "lyncdiscoverinternal", "_sip._tls", "_sipfederationtls._tcp"
    name: str  # the full DNS name asked
    found: bool
    target: str | None = None  # SRV target, or where the CNAME chain ends
    port: int | None = None  # SRV only
    internal_only: bool = False  # lyncdiscoverinternal: expected in internal DNS only
    expected_port: int | None = None  # _sip._tls 443, _sipfederationtls._tcp 5061

    @property
    def microsoft(self) -> bool:
        return self.target is not None and is_microsoft_host(self.target)


def parse_srv(value: str) -> tuple[int, str] | None:
    """(port, target) from SRV rdata text 'priority weight port target.'; None if not SRV."""
    parts = value.split()
    if len(parts) != 4 or not all(p.isdigit() for p in parts[:3]):
        return None
    return int(parts[2]), parts[3].rstrip(".").lower()


def sip_record_verdict(record: SipRecord) -> Verdict:
    """One record's child verdict."""
    if not record.found:
        if record.internal_only:
            return Verdict(
                Status.INFO,
                msg("{name}: not in public DNS (expected: internal DNS only)", name=record.name),
            )
        return Verdict(Status.WARN, msg("{name}: not published", name=record.name))
    where = (
        msg("Microsoft (Teams / former Skype for Business Online)")
        if record.microsoft
        else msg("your own servers")
    )
    target = record.target or ""
    if record.port is not None and record.expected_port and record.port != record.expected_port:
        return Verdict(
            Status.WARN,
            msg(
                "{name} → {target}:{port} ({where}); expected port {expected}",
                name=record.name,
                target=target,
                port=record.port,
                where=where,
                expected=record.expected_port,
            ),
        )
    shown: str = target
    if record.port is not None:
        shown = msg("{target}:{port}", target=target, port=record.port)
    return Verdict(
        Status.PASS, msg("{name} → {target} ({where})", name=record.name, target=shown, where=where)
    )


def sip_dns_verdict(records: Sequence[SipRecord], *, pool_given: bool) -> Verdict:
    """Whose records these are: an on-premises pool needs them at its own Edge; a
    Teams-only tenant at Microsoft's (or none at all)."""
    public = [r for r in records if r.found and not r.internal_only]
    missing = [r.name for r in records if not r.found and not r.internal_only]
    to_microsoft = [r.name for r in public if r.microsoft]
    to_own = [r.name for r in public if not r.microsoft]
    link = INTEGRATION_LINKS["sfb_dns"]
    if to_microsoft and to_own:
        return Verdict(
            Status.WARN,
            msg(
                "split records: {microsoft} point to Microsoft, {own} to your own servers",
                microsoft=", ".join(to_microsoft),
                own=", ".join(to_own),
            ),
            msg(
                "Clients and federated partners follow whichever record they read first: "
                "a split sends some to a pool that does not host the user."
            ),
            Remedy(
                msg(
                    "Point every record at the same place: your Edge and reverse proxy while "
                    "users are homed on the on-premises pool, Microsoft's once all of them "
                    "are Teams Only."
                ),
                link,
            ),
        )
    if to_microsoft:
        status = Status.WARN if pool_given else Status.INFO
        return Verdict(
            status,
            msg("the records point to Microsoft: {names}", names=", ".join(to_microsoft)),
            msg(
                "Right for a Teams-only organisation; an on-premises Skype for Business pool "
                "needs them at its own Edge server and reverse proxy."
            ),
            Remedy(
                msg(
                    "If users are homed on your Skype for Business Server pool, point the "
                    "records to your Edge server (SIP) and reverse proxy (lyncdiscover)."
                ),
                link,
            )
            if pool_given
            else None,
        )
    if not public:
        return Verdict(
            Status.WARN,
            msg("no Skype for Business records published ({names})", names=", ".join(missing)),
            msg(
                "Without them, clients outside the network cannot sign in automatically and "
                "federation with other organisations (and Teams interop) fails. Teams-only "
                "organisations do not need them."
            ),
            Remedy(
                msg(
                    "Publish lyncdiscover.<domain> (reverse proxy), _sip._tls.<domain> (Edge, "
                    "port 443) and _sipfederationtls._tcp.<domain> (Edge, port 5061)."
                ),
                link,
            ),
        )
    if missing:
        return Verdict(
            Status.WARN,
            msg(
                "point to your own servers, but {names} missing",
                names=", ".join(missing),
            ),
            msg("An on-premises pool needs every public record at its Edge and reverse proxy."),
            Remedy(msg("Publish the missing records: {names}", names=", ".join(missing)), link),
        )
    return Verdict(
        Status.PASS,
        msg("the records point to your own servers: {names}", names=", ".join(to_own)),
        msg("Right for users homed on an on-premises Skype for Business Server pool."),
    )


# -- integration.lync.lyncdiscover --------------------------------------------------------


def lyncdiscover_links(body: bytes) -> dict[str, str] | None:
    """The `_links` of a lyncdiscover answer ({"user": href, "xframe": href, ...})."""
    document = json_object(body)
    links = document.get("_links") if document is not None else None
    if not isinstance(links, dict):
        return None
    out: dict[str, str] = {}
    for name, value in list(links.items())[:32]:
        href = value.get("href") if isinstance(value, dict) else None
        if isinstance(name, str) and isinstance(href, str):
            out[name[:64]] = href[:512]
    return out


def lyncdiscover_verdict(answer: Answer, host: str) -> Verdict:
    cert_remedy = Remedy(
        msg(
            "Install a certificate on the reverse proxy whose names include {host} (and the "
            "pool's external web services name), from a public certification authority with "
            "the full chain.",
            host=host,
        ),
        INTEGRATION_LINKS["sfb_certificates"],
    )
    if answer.status is None:
        if answer.tls_failed:
            return Verdict(
                Status.FAIL,
                refused_certificate(answer),
                join(
                    "\n",
                    [
                        msg(
                            "Mobile clients and Teams interop find the pool through this name "
                            "and refuse a certificate that does not name it."
                        ),
                        *(msg("- {problem}", problem=p) for p in answer.tls_problems),
                    ],
                ),
                cert_remedy,
            )
        return Verdict(
            Status.FAIL,
            unreachable(answer),
            msg("Mobile clients and Teams interop cannot discover the pool."),
            Remedy(
                msg(
                    "Publish {host} through the reverse proxy (TCP 443) to the pool's "
                    "external web services.",
                    host=host,
                ),
                INTEGRATION_LINKS["sfb_dns"],
            ),
        )
    links = lyncdiscover_links(answer.body) if answer.status == 200 else None
    if links and "user" in links:
        return Verdict(
            Status.PASS,
            msg(
                "{host} answers over valid TLS with its links: {links}",
                host=host,
                links=", ".join(sorted(links)),
            ),
            join("\n", [msg("{name}: {href}", name=n, href=h) for n, h in sorted(links.items())]),
        )
    return Verdict(
        Status.WARN,
        msg(
            "{host} answers HTTP {status} but not the lyncdiscover JSON (no _links.user)",
            host=host,
            status=answer.status,
        ),
        msg("Mobile clients read the user link from this answer to sign in."),
        Remedy(
            msg(
                "Check the reverse proxy rule for {host}: it must forward to the pool's external "
                "web services (port 4443) and return the autodiscover JSON.",
                host=host,
            ),
            INTEGRATION_LINKS["sfb_dns"],
        ),
    )
