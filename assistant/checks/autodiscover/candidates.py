"""The candidates Outlook tries, in order, each producing a WalkResult."""

from __future__ import annotations

import json
import sys
import time
from urllib.parse import quote, urljoin

from assistant.check import Context
from assistant.checks.autodiscover.policy import redirect_url_problem
from assistant.checks.autodiscover.walk import PoxWalk, WalkResult
from assistant.model import Evidence, Remedy, Status, Step
from assistant.net.http import HttpError, http_request, https_request
from assistant.text import msg

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


# -- where each candidate asks, and what its step is called ---------------------------


def _root_url(ctx: Context) -> str:
    return f"https://{ctx.target.domain}{POX_PATH}"


def _autodiscover_url(ctx: Context) -> str:
    return f"https://autodiscover.{ctx.target.domain}{POX_PATH}"


def _redirect_url(ctx: Context) -> str:
    return f"http://autodiscover.{ctx.target.domain}{POX_PATH}"


def _srv_name(ctx: Context) -> str:
    return f"_autodiscover._tcp.{ctx.target.domain}"


def _v2_host(ctx: Context) -> str:
    return ctx.target.environment.autodiscover_v2_host or f"autodiscover.{ctx.target.domain}"


def _v2_base(ctx: Context, email: str) -> str:
    return f"https://{_v2_host(ctx)}/autodiscover/autodiscover.json/v1.0/{quote(email)}"


def title(ctx: Context, step_id: str, email: str) -> str:
    """The title of a candidate's step, known before it runs (shown while it runs)."""
    if step_id == "autodiscover.candidate.root_https":
        return msg("POST {url}", url=_root_url(ctx))
    if step_id == "autodiscover.candidate.autodiscover_https":
        return msg("POST {url}", url=_autodiscover_url(ctx))
    if step_id == "autodiscover.candidate.http_redirect":
        return msg("GET {url} (redirect only)", url=_redirect_url(ctx))
    if step_id == "autodiscover.candidate.srv":
        return msg("SRV {name}", name=_srv_name(ctx))
    if step_id == "autodiscover.candidate.scp":
        return msg("Active Directory SCP")
    if step_id == "autodiscover.v2":
        return msg("GET {url}", url=f"{_v2_base(ctx, email)}?Protocol=EWS")
    raise ValueError(f"not an autodiscover candidate: {step_id}")


# -- the candidates ------------------------------------------------------------------


def root_https(ctx: Context, email: str) -> WalkResult:
    step_id = "autodiscover.candidate.root_https"
    return PoxWalk(ctx, step_id, title(ctx, step_id, email), email).run(_root_url(ctx))


def autodiscover_https(ctx: Context, email: str) -> WalkResult:
    step_id = "autodiscover.candidate.autodiscover_https"
    return PoxWalk(ctx, step_id, title(ctx, step_id, email), email).run(_autodiscover_url(ctx))


def http_redirect(ctx: Context, email: str) -> WalkResult:
    step_id = "autodiscover.candidate.http_redirect"
    url = _redirect_url(ctx)
    step_title = title(ctx, step_id, email)
    started = time.monotonic()
    try:
        # No credentials, ever: this request is plain HTTP.
        response = http_request(ctx.net, url, method="GET", max_bytes=64 * 1024)
    except HttpError as exc:
        return _result(step_id, step_title, Status.FAIL, exc.message, started)
    evidence = [response.to_evidence(ctx.redactor, msg("GET {url}", url=url))]
    if response.status != 302:
        return _result(
            step_id,
            step_title,
            Status.FAIL,
            msg("answered HTTP {status}, not a 302 redirect", status=response.status),
            started,
            evidence=evidence,
        )
    location = urljoin(url, response.header("Location") or "")
    problem = redirect_url_problem(location)
    if problem:
        return _result(step_id, step_title, Status.FAIL, problem, started, evidence=evidence)
    walked = PoxWalk(ctx, step_id, step_title, email)
    walked.evidence.extend(evidence)
    walked.log.append(msg("302 redirect to {location}", location=location))
    return walked.run(location)


def srv_record(ctx: Context, email: str) -> WalkResult:
    step_id = "autodiscover.candidate.srv"
    name = _srv_name(ctx)
    step_title = title(ctx, step_id, email)
    started = time.monotonic()
    answer = ctx.resolver.query(name, "SRV", deadline=ctx.deadline)
    evidence = [Evidence("dns", msg("DNS answers"), [answer.to_dict()])]
    if not answer.ok:
        return _result(
            step_id,
            step_title,
            Status.INFO,
            msg("no SRV record ({outcome})", outcome=answer.outcome.value),
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
            step_title,
            Status.FAIL,
            msg(
                "the SRV record points at {target}:{port}; Outlook only uses port 443",
                target=target,
                port=port,
            ),
            started,
            evidence=evidence,
        )
    url = f"https://{target}{POX_PATH}"
    walked = PoxWalk(ctx, step_id, step_title, email)
    walked.evidence.extend(evidence)
    walked.log.append(msg("SRV points at {target}:{port}", target=target, port=port))
    return walked.run(url)


def scp(ctx: Context, email: str) -> WalkResult:
    started = time.monotonic()
    step_id = "autodiscover.candidate.scp"
    reason = (
        msg("SCP lookup in Active Directory is not built yet")
        if sys.platform == "win32"
        else msg("not a domain-joined Windows computer: Outlook only looks up SCP there")
    )
    return _result(step_id, title(ctx, step_id, email), Status.SKIP, reason, started)


def v2_url(body: bytes) -> str | None:
    """The "Url" of an autodiscover v2 JSON answer; None when it names none or is not JSON.
    (A function of its own so tests/unit/test_fuzz_autodiscover.py can fuzz it.)"""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return None
    url = data.get("Url") if isinstance(data, dict) else None
    return url if isinstance(url, str) else None


def v2_json(ctx: Context, email: str) -> WalkResult:
    """Autodiscover v2 (JSON, anonymous): what current Outlook asks Microsoft 365 first."""
    step_id = "autodiscover.v2"
    env = ctx.target.environment
    host = _v2_host(ctx)
    base = _v2_base(ctx, email)
    step_title = title(ctx, step_id, email)
    started = time.monotonic()
    evidence: list[Evidence] = []
    found: dict[str, str] = {}
    for protocol in ("EWS", "AutodiscoverV1"):
        url = f"{base}?Protocol={protocol}"
        try:
            response = https_request(ctx.net, url, headers={"Accept": "application/json"})
        except HttpError as exc:
            if exc.tls is not None:
                evidence.append(exc.tls.to_evidence(msg("TLS {host}", host=host)))
            status = Status.FAIL if env.is_cloud else Status.INFO
            return _result(step_id, step_title, status, exc.message, started, evidence=evidence)
        evidence.append(response.to_evidence(ctx.redactor, msg("GET {url}", url=url)))
        answered = v2_url(response.body) if response.status == 200 else None
        if answered is not None:
            found[protocol] = answered
        elif protocol == "EWS":
            status = Status.FAIL if env.is_cloud else Status.INFO
            return _result(
                step_id,
                step_title,
                status,
                msg("no EWS URL in the answer (HTTP {status})", status=response.status),
                started,
                evidence=evidence,
                remedy=Remedy(msg("Check that the mailbox exists in this cloud.")),
            )
    pox_url = found.get("AutodiscoverV1")
    if env.is_cloud and pox_url and ctx.credentials is not None:
        # Outlook's "direct connect to Microsoft 365": v2 names the POX endpoint, and
        # Outlook asks it straight away, before any DNS-based candidate.
        walk = PoxWalk(ctx, step_id, step_title, email)
        walk.evidence.extend(evidence)
        walk.log.append(msg("v2 names {url} as the POX endpoint (direct connect)", url=pox_url))
        walked = walk.run(pox_url)
        if walked.response is not None:
            return walked
    ews = str(found.get("EWS"))
    summary = (
        msg("EWS: {ews_url}; POX: {pox_url}", ews_url=ews, pox_url=pox_url)
        if pox_url
        else msg("EWS: {ews_url}", ews_url=ews)
    )
    result = _result(
        step_id, step_title, Status.PASS, summary, started, evidence=evidence, reachable=True
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
