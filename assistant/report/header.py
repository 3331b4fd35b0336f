"""The facts at the top of every rendered report, in the order support reads them.

Values are plain text; HTML and PDF lay them out. Facts a report does not have (an
older file, a report built by a test) say so instead of disappearing. Labels and our own
words are engine text (`msg`), so a report is rendered in its reader's language
(assistant/report/language.py); data (names, addresses, times) stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.model import JSONValue, Report, Status
from assistant.report.verdicts import verdict_label
from assistant.text import join, msg

UNKNOWN = msg("not recorded")


def header_facts(report: Report) -> list[tuple[str, str]]:
    env = report.environment
    overall = Status(str(report.summary["overall"]))
    return [
        (msg("Target"), _target(report.target)),
        (msg("Cloud"), str(report.target.get("cloud") or UNKNOWN)),
        (msg("Overall verdict"), verdict_label(overall)),
        (msg("Created"), _created(report, env)),
        (
            msg("Tool"),
            f"{report.tool.get('name', 'Connectivity Assistant')} "
            f"{report.tool.get('version', '')}".strip(),
        ),
        (msg("Operating system"), _os(env.get("os"))),
        (msg("Time zone"), _time_zone(env.get("time_zone"))),
        (msg("DNS resolvers"), _resolvers(env.get("resolvers"), report.options)),
        (msg("Proxy"), _proxy(env.get("proxy"))),
        (msg("Public IP"), _public_ip(env.get("public_ip"))),
        (msg("Checks run"), _checks(report)),
        (msg("Redaction"), _redaction(report.redaction)),
    ]


def display_name(target: Mapping[str, JSONValue]) -> str:
    """The mailbox or domain as people write it (Unicode domain: jörg@müller.de)."""
    email, domain = target.get("email"), target.get("domain")
    shown = str(target.get("domain_unicode") or domain or "")
    if email:
        local, _, _ = str(email).rpartition("@")
        return f"{local}@{shown}" if shown else str(email)
    return shown


def _target(target: Mapping[str, JSONValue]) -> str:
    email, domain = target.get("email"), target.get("domain")
    shown = target.get("domain_unicode") or domain
    if email:
        text = str(email)
        local, _, ascii_domain = text.rpartition("@")
        if shown and shown != ascii_domain:
            return f"{local}@{shown} ({text})"
        return text
    if shown and shown != domain:
        return f"{shown} ({domain})"
    return str(domain or UNKNOWN)


def _created(report: Report, env: Mapping[str, JSONValue]) -> str:
    local = env.get("local_time")
    if local:
        return msg("{created} (local time {local})", created=report.created, local=str(local))
    return report.created


def _os(value: JSONValue) -> str:
    if not isinstance(value, dict):
        return UNKNOWN
    return str(value.get("platform") or value.get("system") or UNKNOWN)


def _time_zone(value: JSONValue) -> str:
    if not isinstance(value, dict):
        return UNKNOWN
    name, offset = value.get("name") or "", value.get("utc_offset") or ""
    return f"{name} (UTC{offset})" if offset else str(name or UNKNOWN)


def _resolvers(value: JSONValue, options: Mapping[str, JSONValue]) -> str:
    if isinstance(value, dict):
        servers = value.get("servers") or []
        listed = ", ".join(str(s) for s in servers) if isinstance(servers, list) else ""
        mode = str(value.get("mode", ""))
        found: str = listed or msg("none found")
        return msg("{mode}: {servers}", mode=mode, servers=found) if mode else found
    given = options.get("nameservers")
    if isinstance(given, list) and given:
        return msg("explicit: {servers}", servers=", ".join(str(s) for s in given))
    return UNKNOWN


def _proxy(value: JSONValue) -> str:
    if not isinstance(value, dict):
        return UNKNOWN
    parts: list[str] = []
    if value.get("configured"):
        parts.append(msg("configured {proxy}", proxy=str(value["configured"])))
    variables = value.get("environment")
    if isinstance(variables, dict):
        parts += [f"{k}={v}" for k, v in variables.items()]
    return join("; ", parts) if parts else msg("none")


def _public_ip(value: JSONValue) -> str:
    if isinstance(value, dict) and value.get("looked_up") and value.get("address"):
        return str(value["address"])
    return msg("not looked up")


def _checks(report: Report) -> str:
    run = report.run
    ids = run.get("checks") if isinstance(run.get("checks"), list) else None
    names = [str(i) for i in ids] if ids else [s.id for s in report.steps]
    parts: list[str] = [f"{len(names)}: " + ", ".join(names) if names else msg("none")]
    requested = run.get("requested")
    if isinstance(requested, list) and requested and requested != ["all"]:
        parts.append(msg(" (asked for: {checks})", checks=", ".join(str(r) for r in requested)))
    if run.get("cancelled"):
        parts.append(msg(" — cancelled before the end"))
    return join("", parts)


def _redaction(value: Mapping[str, JSONValue]) -> str:
    identities = value.get("identities") == "replaced"
    if identities:
        return msg("secrets masked; mailbox names, people, internal hosts and IPs replaced")
    return msg("secrets masked; identities kept")
