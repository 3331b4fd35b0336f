"""The candidates Outlook tries, in order, each producing a WalkResult."""

from __future__ import annotations

import json
import sys
import time
from urllib.parse import quote, urljoin

from assistant.checks.autodiscover.policy import redirect_url_problem
from assistant.checks.autodiscover.walk import PoxWalk, WalkResult
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.http import HttpError, http_request, https_request
from assistant.runner import Context

POX_PATH = "/autodiscover/autodiscover.xml"


def _result(
    step_id: str,
    title: str,
    status: Status,
    summary: str,
    started: float,
    *,
    evidence: list[Evidence] | None = None,
    remedy: Remedy | None = None,
    reachable: bool = False,
) -> WalkResult:
    step = Step(step_id, title, status, summary=summary, evidence=evidence or [], remedy=remedy)
    return WalkResult(step, elapsed=time.monotonic() - started, reachable=reachable)


def root_https(ctx: Context, email: str) -> WalkResult:
    url = f"https://{ctx.target.domain}{POX_PATH}"
    return PoxWalk(ctx, "autodiscover.candidate.root_https", f"POST {url}", email).run(url)


def autodiscover_https(ctx: Context, email: str) -> WalkResult:
    url = f"https://autodiscover.{ctx.target.domain}{POX_PATH}"
    return PoxWalk(ctx, "autodiscover.candidate.autodiscover_https", f"POST {url}", email).run(url)


def http_redirect(ctx: Context, email: str) -> WalkResult:
    step_id = "autodiscover.candidate.http_redirect"
    url = f"http://autodiscover.{ctx.target.domain}{POX_PATH}"
    title = f"GET {url} (redirect only)"
    started = time.monotonic()
    try:
        # No credentials, ever: this request is plain HTTP.
        response = http_request(ctx.net, url, method="GET", max_bytes=64 * 1024)
    except HttpError as exc:
        return _result(step_id, title, Status.FAIL, exc.message, started)
    evidence = [response.to_evidence(ctx.redactor, f"GET {url}")]
    if response.status != 302:
        return _result(
            step_id,
            title,
            Status.FAIL,
            f"answered HTTP {response.status}, not a 302 redirect",
            started,
            evidence=evidence,
        )
    location = urljoin(url, response.header("Location") or "")
    problem = redirect_url_problem(location)
    if problem:
        return _result(step_id, title, Status.FAIL, problem, started, evidence=evidence)
    walked = PoxWalk(ctx, step_id, title, email)
    walked.evidence.extend(evidence)
    walked.log.append(f"302 redirect to {location}")
    return walked.run(location)


def srv_record(ctx: Context, email: str) -> WalkResult:
    step_id = "autodiscover.candidate.srv"
    name = f"_autodiscover._tcp.{ctx.target.domain}"
    title = f"SRV {name}"
    started = time.monotonic()
    answer = ctx.resolver.query(name, "SRV", deadline=ctx.deadline)
    evidence = [Evidence("dns", "DNS answers", [answer.to_dict()])]
    if not answer.ok:
        return _result(
            step_id,
            title,
            Status.INFO,
            f"no SRV record ({answer.outcome.value})",
            started,
            evidence=evidence,
        )
    records = sorted(
        (int(p), -int(w), int(port), target.rstrip("."))
        for p, w, port, target in (v.split() for v in answer.values)
    )
    _, _, port, target = records[0]
    if port != 443:
        return _result(
            step_id,
            title,
            Status.FAIL,
            f"the SRV record points at {target}:{port}; Outlook only uses port 443",
            started,
            evidence=evidence,
        )
    url = f"https://{target}{POX_PATH}"
    walked = PoxWalk(ctx, step_id, title, email)
    walked.evidence.extend(evidence)
    walked.log.append(f"SRV points at {target}:{port}")
    return walked.run(url)


def scp(ctx: Context, email: str) -> WalkResult:
    started = time.monotonic()
    reason = (
        "SCP lookup in Active Directory is not built yet"
        if sys.platform == "win32"
        else "not a domain-joined Windows computer: Outlook only looks up SCP there"
    )
    return _result(
        "autodiscover.candidate.scp", "Active Directory SCP", Status.SKIP, reason, started
    )


def v2_json(ctx: Context, email: str) -> WalkResult:
    """Autodiscover v2 (JSON, anonymous): what current Outlook asks Microsoft 365 first."""
    step_id = "autodiscover.v2"
    env = ctx.target.environment
    host = env.autodiscover_v2_host or f"autodiscover.{ctx.target.domain}"
    base = f"https://{host}/autodiscover/autodiscover.json/v1.0/{quote(email)}"
    title = f"GET {base}?Protocol=EWS"
    started = time.monotonic()
    evidence: list[Evidence] = []
    found: dict[str, str] = {}
    for protocol in ("EWS", "AutodiscoverV1"):
        url = f"{base}?Protocol={protocol}"
        try:
            response = https_request(ctx.net, url, headers={"Accept": "application/json"})
        except HttpError as exc:
            if exc.tls is not None:
                evidence.append(exc.tls.to_evidence(f"TLS {host}"))
            status = Status.FAIL if env.is_cloud else Status.INFO
            return _result(step_id, title, status, exc.message, started, evidence=evidence)
        evidence.append(response.to_evidence(ctx.redactor, f"GET {url}"))
        try:
            data = json.loads(response.body) if response.status == 200 else {}
        except ValueError:
            data = {}
        if isinstance(data, dict) and isinstance(data.get("Url"), str):
            found[protocol] = data["Url"]
        elif protocol == "EWS":
            status = Status.FAIL if env.is_cloud else Status.INFO
            return _result(
                step_id,
                title,
                status,
                f"no EWS URL in the answer (HTTP {response.status})",
                started,
                evidence=evidence,
                remedy=Remedy("Check that the mailbox exists in this cloud."),
            )
    pox_url = found.get("AutodiscoverV1")
    if env.is_cloud and pox_url and ctx.credentials is not None:
        # Outlook's "direct connect to Microsoft 365": v2 names the POX endpoint, and
        # Outlook asks it straight away, before any DNS-based candidate.
        walk = PoxWalk(ctx, step_id, title, email)
        walk.evidence.extend(evidence)
        walk.log.append(f"v2 names {pox_url} as the POX endpoint (direct connect)")
        walked = walk.run(pox_url)
        if walked.response is not None:
            return walked
    summary = f"EWS: {found.get('EWS')}" + (f"; POX: {pox_url}" if pox_url else "")
    result = _result(
        step_id, title, Status.PASS, summary, started, evidence=evidence, reachable=True
    )
    result.url = found.get("EWS")
    return result


ORDER = (
    ("autodiscover.v2", v2_json),
    ("autodiscover.candidate.root_https", root_https),
    ("autodiscover.candidate.autodiscover_https", autodiscover_https),
    ("autodiscover.candidate.http_redirect", http_redirect),
    ("autodiscover.candidate.srv", srv_record),
    ("autodiscover.candidate.scp", scp),
)
