"""relay.advice: which way of sending fits this device, from what the user said it can
do (RelayPlan.device) and what the other relay checks found. The decision is the pure
table in checks/policy/relay_advice.py; this module only reads the facts off the other
checks' steps and writes the Step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from assistant.auth.credentials import OAuthCredential
from assistant.check import Check, Context
from assistant.checks.policy.relay_advice import (
    LINKS,
    NAMES,
    SENT_WITH,
    Advice,
    RelayFacts,
    advise,
)
from assistant.checks.relay import ids
from assistant.checks.relay.evidence import public_ip_in, sends_in
from assistant.checks.relay.roundtrip_report import TIMELINE_KIND
from assistant.model import Evidence, Remedy, Status, Step
from assistant.relay_plan import DeviceProfile, RelayMethod
from assistant.settings_names import setting
from assistant.text import join, msg

# A refusal that says Reject Direct Send is on in the tenant.
_REJECT_DIRECT_SEND = "5.7.68"


def _verdict(results: Mapping[str, Step], check_id: str) -> bool | None:
    """A check's yes/no: PASS (and WARN: it connected, with a complaint) is yes, FAIL is
    no; not run, skipped or broken is unknown."""
    step = results.get(check_id)
    if step is None:
        return None
    if step.status in (Status.PASS, Status.WARN):
        return True
    if step.status is Status.FAIL:
        return False
    return None


def _spf_aligned(step: Step | None) -> bool | None:
    """relay.spf_alignment's RFC 7208 result (its table evidence): pass is yes, a
    temporary error unknown, any other result no. Without the table, its status."""
    if step is None:
        return None
    for item in step.evidence:
        if isinstance(item.data, dict) and isinstance(item.data.get("result"), str):
            result = item.data["result"]
            return None if result == "temperror" else result == "pass"
    return {Status.PASS: True, Status.FAIL: False}.get(step.status)


def facts_from(ctx: Context) -> RelayFacts:
    """What the finished relay checks in ctx.results say, for the decision table."""
    sent: dict[RelayMethod, bool] = {}
    reject = False
    for record in sends_in(ctx.results):
        try:
            method = RelayMethod(record.method)
        except ValueError:
            continue
        sent[method] = sent.get(method, False) or record.accepted
        reject = reject or (method is RelayMethod.DIRECT and _REJECT_DIRECT_SEND in record.reply)
    junked, lost = _delivery(ctx.results.get(ids.ROUNDTRIP))
    public_ip = public_ip_in(ctx.results) or (ctx.relay.public_ip if ctx.relay else None)
    return RelayFacts(
        cloud=ctx.target.cloud,
        port25_open=_verdict(ctx.results, ids.PORT25),
        public_ip=public_ip,
        spf_aligned=_spf_aligned(ctx.results.get(ids.SPF_ALIGNMENT)),
        sent=sent,
        submission_oauth=isinstance(ctx.credentials, OAuthCredential),
        reject_direct_send=reject,
        junked=junked,
        lost=lost,
    )


def _delivery(step: Step | None) -> tuple[frozenset[RelayMethod], frozenset[RelayMethod]]:
    """relay.roundtrip's finding per method (its children: PASS in the Inbox, WARN in
    Junk, FAIL not arrived), from the timeline each child carries."""
    junked: set[RelayMethod] = set()
    lost: set[RelayMethod] = set()
    for child in step.children if step is not None else ():
        for item in child.evidence:
            if item.kind != TIMELINE_KIND or not isinstance(item.data, dict):
                continue
            try:
                method = RelayMethod(str(item.data.get("method")))
            except ValueError:
                continue
            if child.status is Status.WARN:
                junked.add(method)
            elif child.status is Status.FAIL:
                lost.add(method)
    return frozenset(junked), frozenset(lost)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return msg("not tested")
    return msg("yes") if value else msg("no")


def advice_step(
    advice: Advice, *, sent_anything: bool, device: DeviceProfile, junked: bool = False
) -> Step:
    """`junked`: the best method's test message landed in Junk (the remedy is then the
    sender's authentication, not the device's set-up)."""
    lines: list[str] = []
    if advice.deadline_note is not None:
        lines.append(advice.deadline_note)
    for row in advice.rows:
        if not row.fits:
            continue
        caveats = join("; ", row.caveats) if row.caveats else msg("none")
        lines.append(
            msg(
                "{method}: fits ({reason}); test send: {works}; caveats: {caveats}",
                method=NAMES[row.key],
                reason=row.reason,
                works=_yes_no(row.works),
                caveats=caveats,
            )
        )
    for row in advice.rows:
        if not row.fits:
            lines.append(
                msg("{method}: does not fit ({reason})", method=NAMES[row.key], reason=row.reason)
            )
    if not sent_anything:
        lines.append(
            msg(
                "No test message was sent (nothing is sent without {send_to}): which "
                "methods work from here is untested.",
                send_to=setting("send_to"),
            )
        )
    if advice.assumed:
        lines.append(msg("Not answered, so: {assumed}", assumed=join("; ", advice.assumed)))
    remedy = None
    best = advice.best
    if advice.status.is_problem:
        if best is None:
            remedy = Remedy(
                msg(
                    "Put a local relay in front of the device (Postfix or Exchange Server on "
                    "site), or replace it with one that speaks TLS 1.2 and OAuth."
                ),
                LINKS["local-relay"],
            )
        elif junked and advice.deadline_note is None:
            remedy = Remedy(
                msg(
                    "Make the domain vouch for this network: add its public IP address to "
                    "the SPF record (relay.spf_alignment gives the exact record), sign with "
                    "DKIM, and send again; relay.roundtrip shows why the message went to Junk."
                ),
                LINKS[best.key],
            )
        else:
            remedy = Remedy(
                advice.deadline_note
                or msg("Set the device up for {method}.", method=NAMES[best.key]),
                LINKS[best.key],
            )
    table = {
        "device": device.to_dict(),
        "assumed": [str(a) for a in advice.assumed],
        "methods": [row.to_dict() for row in advice.rows],
        "stops_sending": None if advice.deadline_note is None else str(advice.deadline_note),
    }
    return Step(
        ids.ADVICE,
        ids.TITLES[ids.ADVICE],
        advice.status,
        summary=advice.summary,
        details=join("\n", lines),
        remedy=remedy,
        evidence=[Evidence("table", msg("Sending methods for this device"), table)],
    )


def check_advice(ctx: Context) -> Step:
    device = ctx.relay.device if ctx.relay is not None else DeviceProfile()
    facts = facts_from(ctx)
    advice = advise(device, facts, dt.datetime.now(dt.UTC).date())
    sent_anything = ctx.relay is not None and ctx.relay.sends
    best = advice.best
    junked = best is not None and SENT_WITH.get(best.key) in facts.junked
    return advice_step(advice, sent_anything=sent_anything, device=device, junked=junked)


ADVICE_CHECK = Check(
    ids.ADVICE,
    ids.TITLES[ids.ADVICE],
    check_advice,
    # After every other relay check: it reads their verdicts and their test sends.
    after=(
        ids.PORT25,
        ids.CLIENT_SUBMISSION,
        ids.HVE,
        ids.DIRECT_SEND,
        ids.CONNECTOR,
        ids.SPF_ALIGNMENT,
        ids.ROUNDTRIP,
    ),
    explicit_only=True,
)
