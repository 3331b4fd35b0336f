"""Pure report logic: what to do first, report diff, run log, environment facts, header."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.config import HostPort, NetworkOptions
from assistant.events import CheckFinished, CheckStarted, RunFinished, RunStarted
from assistant.model import Remedy, Report, Status, Step
from assistant.report.diff import diff_reports, format_diff
from assistant.report.environment import collect_environment, proxy_view, without_userinfo
from assistant.report.header import header_facts
from assistant.report.priorities import FOUNDATIONS, first_actions
from assistant.report.runlog import RunLog

P, W, F, E, INFO = Status.PASS, Status.WARN, Status.FAIL, Status.ERROR, Status.INFO


def step(step_id: str, status: Status, fix: str | None = None, *children: Step) -> Step:
    remedy = Remedy(fix, f"https://learn.example/{step_id}") if fix else None
    return Step(
        step_id,
        step_id.title(),
        status,
        summary=f"{step_id} said so",
        remedy=remedy,
        children=list(children),
    )


# -- what to do first ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        # nothing to do
        ([step("dns.mx", P), step("dns.spf", INFO, "optional")], []),
        # fail before warn, whatever the run order
        (
            [step("dns.dmarc", W, "add DMARC"), step("dns.spf", F, "fix SPF")],
            ["dns.spf", "dns.dmarc"],
        ),
        # error counts as urgent as fail
        ([step("dns.dmarc", W, "a"), step("ews.login", E, "b")], ["ews.login", "dns.dmarc"]),
        # among failures, what others depend on comes first
        (
            [
                step("dns.spf", F, "spf"),
                step("ews.login", F, "login"),
                step("dns.resolver", F, "dns"),
                step("autodiscover.result", F, "ad"),
                step("dns.mx", F, "mx"),
            ],
            ["dns.resolver", "dns.mx", "autodiscover.result", "ews.login", "dns.spf"],
        ),
        # checks not in FOUNDATIONS keep run order (which is dependency order)
        ([step("dns.dkim", F, "k"), step("dns.dmarc", F, "d")], ["dns.dkim", "dns.dmarc"]),
        # a failed child under a check that passed is not an action
        (
            [
                step(
                    "autodiscover.result",
                    P,
                    None,
                    step("autodiscover.candidate.root_https", F, "x"),
                )
            ],
            [],
        ),
        # a failed check with its own remedy speaks for its failed children
        (
            [
                step(
                    "autodiscover.result",
                    F,
                    "fix cert",
                    step("autodiscover.v2", INFO, "v2 info"),
                    step("autodiscover.candidate.autodiscover_https", F, "the host"),
                )
            ],
            ["autodiscover.result"],
        ),
        # a check without a remedy of its own lists its failed children's remedies
        (
            [
                step(
                    "mapi.endpoint",
                    F,
                    None,
                    step("mapi.endpoint.emsmdb", F, "publish emsmdb"),
                    step("mapi.endpoint.nspi", F, "publish nspi"),
                )
            ],
            ["mapi.endpoint.emsmdb", "mapi.endpoint.nspi"],
        ),
        # a problem check without any remedy is still listed (with its summary)
        ([step("imap.login", F)], ["imap.login"]),
        # the same remedy text is listed once
        ([step("dns.dkim", F, "Same  fix"), step("dns.dmarc", F, "same fix")], ["dns.dkim"]),
    ],
)
def test_first_actions_table(steps: list[Step], expected: list[str]) -> None:
    assert [p.step_id for p in first_actions(steps)] == expected


def test_first_actions_carry_the_remedy_text_and_link_and_respect_the_limit() -> None:
    steps = [step(f"x.{n}", F, f"fix {n}") for n in range(8)]
    items = first_actions(steps, limit=3)
    assert [i.remedy for i in items] == ["fix 0", "fix 1", "fix 2"]
    assert items[0].link == "https://learn.example/x.0"
    assert items[0].status is F and items[0].check_id == "x.0"
    bare = first_actions([step("imap.login", F)])[0]
    assert bare.remedy == "imap.login said so" and bare.link is None


def test_foundations_name_every_check_others_require_or_wait_for() -> None:
    from assistant.checks.registry import ALL_CHECKS

    needed = {dep for check in ALL_CHECKS for dep in (*check.requires, *check.after)}
    assert needed <= set(FOUNDATIONS), needed - set(FOUNDATIONS)


# -- diff ----------------------------------------------------------------------------------------


def report(*steps: Step, email: str = "a@contoso.com") -> Report:
    return Report(
        tool={"name": "t"},
        created="2026-11-27T00:00:00+00:00",
        target={"email": email, "domain": "contoso.com", "cloud": "worldwide"},
        options={},
        steps=list(steps),
    )


def test_diff_finds_status_changes_new_and_gone_steps_at_any_depth() -> None:
    old = report(
        step("dns.mx", P),
        step("autodiscover.result", P, None, step("autodiscover.v2", P)),
        step("ews.login", F, "x"),
    )
    new = report(
        step("dns.mx", F, "mx"),
        step(
            "autodiscover.result",
            P,
            None,
            step("autodiscover.v2", W),
            step("autodiscover.srv", INFO),
        ),
        step("imap.login", P),
    )
    diff = diff_reports(old, new)
    assert [(c.step_id, c.old, c.new) for c in diff.changed] == [
        ("dns.mx", P, F),
        ("autodiscover.v2", P, W),
    ]
    assert [(c.step_id, c.depth) for c in diff.added] == [
        ("autodiscover.srv", 1),
        ("imap.login", 0),
    ]
    assert [c.step_id for c in diff.removed] == ["ews.login"]
    assert diff.old_overall is F and diff.new_overall is F
    assert diff.counts == {}  # two pass and one fail at the top, before and after
    assert diff.has_changes and diff.same_target


def test_diff_of_a_report_with_itself_has_no_changes() -> None:
    one = report(step("dns.mx", P), step("dns.spf", W, "x"))
    diff = diff_reports(one, one)
    assert not diff.has_changes
    assert format_diff(diff, one, one)[-1] == "no verdict changed"


def test_diff_counts_and_overall_and_the_printed_lines() -> None:
    old, new = report(step("dns.mx", P)), report(step("dns.mx", F, "fix"), email="b@contoso.com")
    diff = diff_reports(old, new)
    assert diff.counts == {"pass": (1, 0), "fail": (0, 1)}
    lines = format_diff(diff, old, new)
    assert "note: the two reports are for different targets or clouds" in lines
    assert "overall: ✔ PASS → ✖ FAIL" in lines
    assert "counts: pass 1 → 0, fail 0 → 1" in lines
    assert any("✔ PASS" in line and "✖ FAIL" in line and "dns.mx" in line for line in lines)


def test_diff_matches_repeated_ids_in_order() -> None:
    old = report(step("x", P, None, step("dup", P), step("dup", P)))
    new = report(step("x", P, None, step("dup", P), step("dup", F, "f")))
    assert [c.step_id for c in diff_reports(old, new).changed] == ["dup#2"]


# -- run log -------------------------------------------------------------------------------------


def test_run_log_lines_have_utc_millisecond_timestamps_and_one_line_each() -> None:
    times = iter(dt.datetime(2026, 11, 27, 16, 47, 22, n * 1000, tzinfo=dt.UTC) for n in range(10))
    log = RunLog(clock=lambda: next(times))
    log.record(RunStarted(("dns.mx",), ("MX",)))
    log.record(CheckStarted("dns.mx", "MX"))
    done = Step("dns.mx", "MX", Status.FAIL, summary="two\nlines", duration_ms=12)
    log.record(CheckFinished(done))
    log.record(RunFinished((done,), cancelled=False, duration_ms=15))
    assert log.text().splitlines() == [
        "2026-11-27T16:47:22.000Z run started: dns.mx",
        "2026-11-27T16:47:22.001Z started  dns.mx",
        "2026-11-27T16:47:22.002Z finished dns.mx: fail in 12 ms: two lines",
        "2026-11-27T16:47:22.003Z run finished after 15 ms",
    ]
    assert log.planned == ("dns.mx",) and log.duration_ms == 15 and not log.cancelled


# -- environment and header ----------------------------------------------------------------


def test_environment_facts_without_any_network() -> None:
    # A proxy with a password in it is refused by NetworkOptions itself (test_proxy.py);
    # the environment's proxy variables may still carry one (below).
    options = NetworkOptions(
        nameservers=(HostPort("10.0.0.53", 53),), http_proxy="http://proxy:3128"
    )
    env = collect_environment(options, now=dt.datetime(2026, 11, 27, tzinfo=dt.UTC), env={})
    assert env["resolvers"] == {"mode": "explicit", "servers": ["10.0.0.53:53"]}
    assert env["proxy"] == {"configured": "http://proxy:3128", "environment": {}}
    assert env["public_ip"] == {"looked_up": False, "address": None, "note": "not looked up"}
    assert env["os"]["system"] and env["time_zone"]["utc_offset"].startswith(("+", "-"))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://user:secret@proxy.corp:8080", "http://proxy.corp:8080"),
        ("user:secret@proxy.corp:8080", "proxy.corp:8080"),
        ("http://proxy.corp:8080", "http://proxy.corp:8080"),
        ("localhost,.corp", "localhost,.corp"),
    ],
)
def test_proxy_settings_lose_their_credentials(url: str, expected: str) -> None:
    assert without_userinfo(url) == expected


def test_proxy_view_reads_the_usual_variables_either_case() -> None:
    view = proxy_view(NetworkOptions(), {"https_proxy": "http://a:b@p:1", "NO_PROXY": ".corp"})
    assert view == {
        "configured": None,
        "environment": {"HTTPS_PROXY": "http://p:1", "NO_PROXY": ".corp"},
    }


def test_header_facts_cover_what_support_asks_for() -> None:
    r = report(step("dns.mx", F, "x"))
    r.target["domain_unicode"] = "contoso.com"
    r.environment = collect_environment(NetworkOptions(), env={})
    r.run = {"requested": ["dns"], "checks": ["dns.resolver", "dns.mx"], "cancelled": True}
    facts = dict(header_facts(r))
    assert list(facts) == [
        "Target",
        "Cloud",
        "Overall verdict",
        "Created",
        "Tool",
        "Operating system",
        "Time zone",
        "DNS resolvers",
        "Proxy",
        "Public IP",
        "Checks run",
        "Redaction",
    ]
    assert facts["Overall verdict"] == "✖ FAIL"
    assert facts["Public IP"] == "not looked up"
    assert (
        facts["Checks run"] == "2: dns.resolver, dns.mx (asked for: dns) — cancelled before the end"
    )
    assert facts["Redaction"] == "secrets masked; identities kept"


def test_header_shows_an_idn_target_in_both_forms() -> None:
    r = report(email="jörg@xn--mller-kva.de")
    r.target.update(domain="xn--mller-kva.de", domain_unicode="müller.de")
    assert dict(header_facts(r))["Target"] == "jörg@müller.de (jörg@xn--mller-kva.de)"


def test_run_log_redacts_each_event_before_joining_its_lines() -> None:
    from assistant.net.redact import Redactor

    log = RunLog(redactor=Redactor(secrets=["hunter2-canary"]))
    done = Step(
        "ews.login", "EWS", Status.FAIL, summary="refused hunter2-canary\nCookie: sid=c00kie"
    )
    log.record(CheckFinished(done))
    text = log.text()
    assert "hunter2-canary" not in text and "c00kie" not in text
    assert text.count("\n") == 1
