"""Re-running some checks of a report (the wizard's "Run again", issue 16): what runs, what
is reused, and how the new steps merge into the report, its run facts included."""

from __future__ import annotations

import json

import pytest

from assistant.check import Check, Context
from assistant.config import InputError, NetworkOptions, Target
from assistant.diagnosis import RERUNS, merge_rerun, rerun_plan
from assistant.model import Report, Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, dumps, loads
from assistant.runner import Runner

TARGET = Target.parse("admin@contoso.test")
AT = "2026-12-08T10:00:00+00:00"


def step(sid: str, status: Status = Status.PASS, summary: str = "") -> Step:
    return Step(sid, sid, status, summary=summary or f"{sid} {status.value}", duration_ms=7)


def report(*steps: Step, cancelled: bool = False) -> Report:
    facts = {
        "requested": ["dns", "ews"],
        "checks": [s.id for s in steps],
        "cancelled": cancelled,
        "duration_ms": 900,
    }
    return build_report(TARGET, NetworkOptions(), list(steps), environment={"os": "x"}, run=facts)


def merge(previous: Report, steps: list[Step], **kw: object) -> Report:
    args: dict[str, object] = {
        "requested": ["dns.spf"],
        "planned": [s.id for s in steps],
        "cancelled": False,
        "duration_ms": 40,
        "at": AT,
    }
    args.update(kw)
    return merge_rerun(previous, steps, **args)  # type: ignore[arg-type]


BEFORE = report(
    step("dns.resolver"),
    step("dns.spf", Status.FAIL, "two SPF records"),
    step("dns.dmarc", Status.WARN),
    step("ews.login", Status.FAIL, "401"),
)


# -- merge_rerun ---------------------------------------------------------------------------


def test_the_new_step_takes_the_old_ones_place_and_the_others_stay_as_they_were() -> None:
    fixed = step("dns.spf", Status.PASS, "one SPF record")
    merged = merge(BEFORE, [fixed], reused=["dns.resolver"])
    assert [s.id for s in merged.steps] == ["dns.resolver", "dns.spf", "dns.dmarc", "ews.login"]
    assert merged.find("dns.spf") is fixed
    for sid in ("dns.resolver", "dns.dmarc", "ews.login"):
        assert merged.find(sid) is BEFORE.find(sid), f"{sid} kept as it was"
    assert merged.summary["counts"]["fail"] == 1, "only ews.login still fails"
    assert (merged.created, merged.target, merged.options) == (
        BEFORE.created,
        BEFORE.target,
        BEFORE.options,
    )
    assert BEFORE.find("dns.spf").status is Status.FAIL, "the previous report is not changed"


def test_the_run_facts_say_what_was_run_again_and_when() -> None:
    merged = merge(BEFORE, [step("dns.spf")], reused=["dns.resolver"])
    run = merged.run
    assert run["requested"] == ["dns", "ews"], "the first run's facts stay"
    assert run["checks"] == ["dns.resolver", "dns.spf", "dns.dmarc", "ews.login"]
    assert run["cancelled"] is False
    assert run[RERUNS] == [
        {
            "requested": ["dns.spf"],
            "checks": ["dns.spf"],
            "at": AT,
            "reused": ["dns.resolver"],
            "kept": [],
            "cancelled": False,
            "duration_ms": 40,
        }
    ]
    again = merge(merged, [step("ews.login")], requested=["ews"], at="later")
    assert [entry["at"] for entry in again.run[RERUNS]] == [AT, "later"], "appended, in order"
    assert again.find("dns.spf").status is Status.PASS, "the first re-run's step stays"


def test_a_cancelled_rerun_keeps_the_previous_step_and_says_so() -> None:
    steps = [step("dns.spf", Status.PASS), Step.stopped("dns.dmarc", "dns.dmarc")]
    merged = merge(BEFORE, steps, requested=["dns"], cancelled=True)
    assert merged.find("dns.spf").status is Status.PASS, "what finished is merged"
    assert merged.find("dns.dmarc") is BEFORE.find("dns.dmarc"), "what did not keeps its step"
    assert merged.run[RERUNS][-1]["kept"] == ["dns.dmarc"]
    assert merged.run[RERUNS][-1]["cancelled"] is True
    assert merged.run["cancelled"] is False, "no step of the report is cancelled"


def test_rerunning_what_a_cancelled_run_left_out_completes_the_report() -> None:
    before = report(step("dns.resolver"), Step.stopped("dns.mx", "dns.mx"), cancelled=True)
    merged = merge(before, [step("dns.mx"), step("dns.extra")], requested=["dns.mx"])
    assert [s.status for s in merged.steps] == [Status.PASS] * 3
    assert merged.run["cancelled"] is False, "nothing is cancelled any more"
    assert merged.run["checks"] == ["dns.resolver", "dns.mx", "dns.extra"], "a new one added"
    cancelled_new = merge(before, [Step.stopped("dns.new", "dns.new")], cancelled=True)
    assert cancelled_new.find("dns.new").status is Status.CANCELLED, "nothing earlier to keep"
    assert cancelled_new.run["cancelled"] is True
    again = Step.stopped("dns.mx", "dns.mx")
    cancelled_twice = merge(before, [again], cancelled=True)
    assert cancelled_twice.find("dns.mx") is again, "the newer of two cancelled steps"
    assert cancelled_twice.run[RERUNS][-1]["kept"] == []


def test_the_rerun_environment_facts_override_and_the_rest_stay() -> None:
    ip = {"looked_up": True, "address": "203.0.113.5", "note": "MX"}
    merged = merge(BEFORE, [step("dns.spf")], environment={"public_ip": ip})
    assert merged.environment == {"os": "x", "public_ip": ip}
    assert BEFORE.environment == {"os": "x"}


def test_a_merged_report_saves_and_loads_with_its_reruns() -> None:
    merged = merge(BEFORE, [step("dns.spf")])
    loaded = loads(dumps(merged, Redactor()).encode("utf-8"), "merged.json")
    assert loaded.run[RERUNS] == merged.run[RERUNS]
    assert [s.status for s in loaded.steps] == [s.status for s in merged.steps]
    assert json.loads(dumps(merged, Redactor()))["summary"]["counts"]["fail"] == 1


# -- rerun_plan ----------------------------------------------------------------------------


def noop(ctx: Context) -> Step:
    return step(ctx.check_id)


CATALOGUE = (
    Check("dns.resolver", "resolver", noop),
    Check("dns.spf", "spf", noop, requires=("dns.resolver",)),
    Check("dns.dmarc", "dmarc", noop, requires=("dns.resolver",)),
    Check("autodiscover.result", "ad", noop),
    Check("ews.endpoint", "endpoint", noop, after=("autodiscover.result",)),
    Check("ews.login", "login", noop, requires=("ews.endpoint",), after=("auth.token",)),
)


def ids(checks: list[Check]) -> list[str]:
    return [c.id for c in checks]


def test_one_check_runs_alone_and_is_handed_its_prerequisites_previous_results() -> None:
    checks, given = rerun_plan(BEFORE.steps, ["dns.spf"], CATALOGUE)
    assert ids(checks) == ["dns.spf"]
    assert given == {"dns.resolver": BEFORE.find("dns.resolver")}


def test_an_area_runs_every_check_of_it_the_report_has() -> None:
    checks, given = rerun_plan(BEFORE.steps, ["DNS"], CATALOGUE)
    assert ids(checks) == ["dns.resolver", "dns.spf", "dns.dmarc"]
    assert given == {}, "what runs is not also handed in"


def test_what_has_no_result_to_reuse_runs_too() -> None:
    previous = [
        step("autodiscover.result"),
        Step.stopped("ews.endpoint", "endpoint"),
        step("ews.login", Status.FAIL),
    ]
    checks, given = rerun_plan(previous, ["ews.login"], CATALOGUE)
    assert ids(checks) == ["ews.endpoint", "ews.login"], "a cancelled prerequisite runs"
    assert list(given) == ["autodiscover.result"], "ews.endpoint's `after` is reused"
    checks, given = rerun_plan([step("ews.login")], ["ews.login"], CATALOGUE)
    assert ids(checks) == ["ews.endpoint", "ews.login"], "a required one never run, runs"
    assert given == {}, "an `after` the report never had stays out (auth.token)"


@pytest.mark.parametrize("name", ["smtp", "dns.nothing", "", "ews.login.extra"])
def test_a_name_the_report_has_no_check_for_is_refused(name: str) -> None:
    with pytest.raises(InputError, match="to run again"):
        rerun_plan(BEFORE.steps, [name], CATALOGUE)


# -- the runner hands the reused results to the checks -----------------------------------


def test_the_runner_gives_the_reused_results_as_ctx_results_and_does_not_return_them() -> None:
    seen: dict[str, dict[str, Status]] = {}

    def spf(ctx: Context) -> Step:
        seen["dns.spf"] = {k: v.status for k, v in ctx.results.items()}
        return step("dns.spf")

    check = Check("dns.spf", "spf", spf, requires=("dns.resolver",))
    resolver = step("dns.resolver", Status.WARN)
    steps = Runner(TARGET, NetworkOptions()).run([check], given={"dns.resolver": resolver})
    assert ids_of(steps) == ["dns.spf"]
    assert seen["dns.spf"] == {"dns.resolver": Status.WARN}


def ids_of(steps: list[Step]) -> list[str]:
    return [s.id for s in steps]
