"""relay.advice's decision table (checks/policy/relay_advice.py): every method's
branches, the verdicts, the dated sentences before and after each cut-off."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.checks.policy import relay_advice as ra
from assistant.checks.policy.relay_advice import Advice, RelayFacts, advise
from assistant.facts import HVE_BASIC_AUTH_UNTIL, SMTP_AUTH_BASIC_OFF_BY_DEFAULT, Cloud
from assistant.model import Status
from assistant.relay_plan import DeviceProfile, RelayMethod

SMTP_OFF = dt.date.fromisoformat(SMTP_AUTH_BASIC_OFF_BY_DEFAULT)
HVE_OFF = dt.date.fromisoformat(HVE_BASIC_AUTH_UNTIL)
BEFORE = SMTP_OFF - dt.timedelta(days=30)
AFTER = SMTP_OFF + dt.timedelta(days=1)
OPEN = RelayFacts(port25_open=True)


def device(words: str) -> DeviceProfile:
    return DeviceProfile.parse(words)


def row(advice: Advice, key: str) -> ra.MethodRow:
    return next(r for r in advice.rows if r.key == key)


def fitting(advice: Advice) -> list[str]:
    return [r.key for r in advice.rows if r.fits]


# --- assumptions -----------------------------------------------------------------------


def test_every_unanswered_question_is_said_and_a_full_profile_assumes_nothing() -> None:
    advice = advise(DeviceProfile(), OPEN, BEFORE)
    assert len(advice.assumed) == 7
    assert any("OAuth" in a for a in advice.assumed)
    full = device("auth,oauth,tls12,internal-only,fixed-ip,cert,volume=10")
    assert advise(full, OPEN, BEFORE).assumed == ()


# --- the dated sentence ------------------------------------------------------------------


def test_a_password_only_device_is_told_plainly_the_day_it_stops_sending() -> None:
    advice = advise(device("auth,no-oauth,tls12"), OPEN, BEFORE)
    assert advice.deadline_note is not None
    assert advice.deadline_note.startswith(
        f"This device will stop sending on {SMTP_AUTH_BASIC_OFF_BY_DEFAULT} unless it "
        "switches to OAuth or to another method"
    )
    assert "December" not in advice.deadline_note


def test_after_the_cut_off_it_says_since_then() -> None:
    for today in (SMTP_OFF, AFTER):
        note = advise(device("auth,no-oauth,tls12"), OPEN, today).deadline_note
        assert note is not None
        assert f"has been off by default for existing Exchange Online tenants since {SMTP_OFF}" in (
            note
        )
        assert "will stop" not in note


@pytest.mark.parametrize("words", ["auth,oauth", "no-auth", "no-auth,no-oauth"])
def test_no_dated_sentence_for_oauth_or_anonymous_devices(words: str) -> None:
    assert advise(device(words), OPEN, BEFORE).deadline_note is None


# --- each method's branches --------------------------------------------------------------


def test_submission_oauth_fits_an_oauth_device_within_the_daily_limit() -> None:
    ok = advise(device("auth,oauth,tls12,volume=9000"), OPEN, BEFORE)
    assert row(ok, ra.SUBMISSION_OAUTH).fits
    assert "10,000" in row(ok, ra.SUBMISSION_OAUTH).caveats[0]
    over = advise(device("auth,oauth,tls12,volume=20000"), OPEN, BEFORE)
    assert not row(over, ra.SUBMISSION_OAUTH).fits
    assert "more than 10,000" in row(over, ra.SUBMISSION_OAUTH).reason
    no_oauth = advise(device("auth,no-oauth,tls12"), OPEN, BEFORE)
    assert not row(no_oauth, ra.SUBMISSION_OAUTH).fits


def test_old_tls_fits_nothing_at_microsoft_only_a_local_relay() -> None:
    advice = advise(device("auth,oauth,no-tls12,internal-only,fixed-ip,cert"), OPEN, BEFORE)
    assert fitting(advice) == [ra.LOCAL_RELAY]
    assert "421 4.7.66" in row(advice, ra.DIRECT).reason
    assert advice.status is Status.WARN
    assert advice.best is not None and advice.best.key == ra.LOCAL_RELAY


def test_connector_needs_an_identity_and_port_25() -> None:
    none = advise(device("no-auth,tls12,no-fixed-ip,no-cert"), OPEN, BEFORE)
    assert not row(none, ra.CONNECTOR).fits
    by_ip = advise(device("no-auth,tls12,fixed-ip"), OPEN, BEFORE)
    assert row(by_ip, ra.CONNECTOR).fits
    assert "fixed public IP" in row(by_ip, ra.CONNECTOR).reason
    assert any("SPF" in c for c in row(by_ip, ra.CONNECTOR).caveats)
    by_cert = advise(device("no-auth,tls12,no-fixed-ip,cert"), OPEN, BEFORE)
    assert row(by_cert, ra.CONNECTOR).fits
    assert not any("SPF" in c for c in row(by_cert, ra.CONNECTOR).caveats)
    blocked = advise(device("no-auth,tls12,fixed-ip"), RelayFacts(port25_open=False), BEFORE)
    assert not row(blocked, ra.CONNECTOR).fits
    assert "port 25" in row(blocked, ra.CONNECTOR).reason
    untested = advise(device("no-auth,tls12,fixed-ip"), RelayFacts(), BEFORE)
    assert any("not tested" in c for c in row(untested, ra.CONNECTOR).caveats)


def test_direct_send_is_for_internal_recipients_and_names_spf_and_reject_direct_send() -> None:
    external = advise(device("no-auth,tls12,no-internal-only"), OPEN, BEFORE)
    assert not row(external, ra.DIRECT).fits
    blocked = advise(device("no-auth,tls12,internal-only"), RelayFacts(port25_open=False), BEFORE)
    assert not row(blocked, ra.DIRECT).fits
    facts = RelayFacts(port25_open=True, public_ip="203.0.113.5", spf_aligned=False)
    junk = advise(device("no-auth,tls12,internal-only"), facts, BEFORE)
    caveats = " ".join(row(junk, ra.DIRECT).caveats)
    assert "does not authorise 203.0.113.5" in caveats and "Junk" in caveats
    assert "turns Reject Direct Send on" in caveats
    aligned = RelayFacts(port25_open=True, spf_aligned=True, reject_direct_send=True)
    rejected = advise(device("no-auth,tls12,internal-only"), aligned, BEFORE)
    caveats = " ".join(row(rejected, ra.DIRECT).caveats)
    assert "SPF" not in caveats and "550 5.7.68" in caveats


def test_hve_is_worldwide_internal_and_signs_in_with_a_password_until_2028() -> None:
    words = "auth,no-oauth,tls12,internal-only"
    ok = advise(device(words), OPEN, BEFORE)
    hve = row(ok, ra.HVE)
    assert hve.fits and hve.until == HVE_OFF
    assert HVE_BASIC_AUTH_UNTIL in hve.caveats[0]
    late = advise(device(words), OPEN, HVE_OFF + dt.timedelta(days=1))
    assert not row(late, ra.HVE).fits
    assert "only OAuth since" in row(late, ra.HVE).reason
    oauth = advise(device("auth,oauth,tls12,internal-only"), OPEN, HVE_OFF + dt.timedelta(days=1))
    assert row(oauth, ra.HVE).fits and row(oauth, ra.HVE).until is None
    gcc = advise(device(words), RelayFacts(cloud=Cloud.GCC_HIGH, port25_open=True), BEFORE)
    assert not row(gcc, ra.HVE).fits and "worldwide" in row(gcc, ra.HVE).reason
    assert not row(advise(device("no-auth,tls12,internal-only"), OPEN, BEFORE), ra.HVE).fits
    assert not row(advise(device("auth,tls12,no-internal-only"), OPEN, BEFORE), ra.HVE).fits


def test_password_submission_fits_only_with_its_date() -> None:
    before = row(advise(device("auth,no-oauth,tls12"), OPEN, BEFORE), ra.SUBMISSION_PASSWORD)
    assert before.fits and before.until == SMTP_OFF
    assert f"works only until {SMTP_OFF}" in before.caveats[0]
    after = row(advise(device("auth,no-oauth,tls12"), OPEN, AFTER), ra.SUBMISSION_PASSWORD)
    assert after.fits and f"off by default since {SMTP_OFF}" in after.caveats[0]
    assert not row(advise(device("no-auth,tls12"), OPEN, BEFORE), ra.SUBMISSION_PASSWORD).fits
    over = advise(device("auth,tls12,volume=50000"), OPEN, BEFORE)
    assert not row(over, ra.SUBMISSION_PASSWORD).fits


def test_graph_and_acs_are_for_applications() -> None:
    app = advise(device("auth,oauth,tls12,no-internal-only,volume=50000"), OPEN, BEFORE)
    assert row(app, ra.GRAPH).fits and row(app, ra.ACS).fits
    assert row(app, ra.GRAPH).works is None and row(app, ra.ACS).works is None
    small = advise(device("auth,no-oauth,tls12,no-internal-only,volume=10"), OPEN, BEFORE)
    assert not row(small, ra.GRAPH).fits and not row(small, ra.ACS).fits


# --- what the test sends say -------------------------------------------------------------


def test_a_test_send_counts_for_the_sign_in_it_used() -> None:
    sent = {RelayMethod.SUBMISSION: True}
    with_password = RelayFacts(port25_open=True, sent=sent, submission_oauth=False)
    advice = advise(device("auth,oauth,tls12"), with_password, BEFORE)
    assert row(advice, ra.SUBMISSION_PASSWORD).works is True
    assert row(advice, ra.SUBMISSION_OAUTH).works is None
    with_oauth = RelayFacts(port25_open=True, sent=sent, submission_oauth=True)
    advice = advise(device("auth,oauth,tls12"), with_oauth, BEFORE)
    assert row(advice, ra.SUBMISSION_OAUTH).works is True
    assert row(advice, ra.SUBMISSION_PASSWORD).works is None


# --- verdicts ----------------------------------------------------------------------------


def test_pass_when_a_durable_fitting_method_worked() -> None:
    facts = RelayFacts(port25_open=True, sent={RelayMethod.SUBMISSION: True}, submission_oauth=True)
    advice = advise(device("auth,oauth,tls12"), facts, BEFORE)
    assert advice.status is Status.PASS
    assert advice.best is not None and advice.best.key == ra.SUBMISSION_OAUTH
    assert advice.summary.startswith("use SMTP AUTH with OAuth")


def test_warn_switch_when_another_method_works_but_the_device_uses_a_password() -> None:
    facts = RelayFacts(port25_open=True, sent={RelayMethod.DIRECT: True})
    advice = advise(device("auth,no-oauth,tls12,internal-only"), facts, BEFORE)
    assert advice.status is Status.WARN
    assert advice.summary.startswith("switch to Direct Send")
    assert advice.rows[0].key == ra.DIRECT  # tested and working goes first


def test_warn_when_the_best_works_only_until_a_date() -> None:
    facts = RelayFacts(port25_open=False, sent={RelayMethod.SUBMISSION: True})
    advice = advise(device("auth,no-oauth,tls12"), facts, BEFORE)
    assert advice.status is Status.WARN
    assert advice.summary == (
        "SMTP AUTH with a password (smtp.office365.com:587) works, but only until "
        f"{SMTP_AUTH_BASIC_OFF_BY_DEFAULT}"
    )


def test_warn_when_the_best_was_refused_or_untested() -> None:
    refused = RelayFacts(port25_open=True, sent={RelayMethod.CONNECTOR: False})
    advice = advise(device("no-auth,tls12,fixed-ip"), refused, BEFORE)
    assert advice.status is Status.WARN and "refused" in advice.summary
    advice = advise(device("no-auth,tls12,fixed-ip"), OPEN, BEFORE)
    assert advice.status is Status.WARN and "not tested" in advice.summary


def test_fail_when_nothing_fits() -> None:
    advice = advise(device("no-auth,tls12,no-internal-only,no-fixed-ip,no-cert"), OPEN, BEFORE)
    assert advice.status is Status.FAIL
    assert fitting(advice) == []
    assert advice.best is None


def test_on_premises_is_information_only() -> None:
    advice = advise(device("auth"), RelayFacts(cloud=Cloud.ONPREM), BEFORE)
    assert advice.status is Status.INFO and advice.rows == ()


def test_rows_serialise_for_the_table_evidence() -> None:
    data = row(advise(device("auth,no-oauth,tls12"), OPEN, BEFORE), ra.SUBMISSION_PASSWORD)
    out = data.to_dict()
    assert out["method"] == "submission-password" and out["fits"] is True
    assert out["until"] == SMTP_AUTH_BASIC_OFF_BY_DEFAULT and out["works"] is None


# --- what the round trip found ---------------------------------------------------------


def test_a_method_whose_message_landed_in_junk_is_not_advised_as_working() -> None:
    connector_device = device("no-auth,tls12,no-internal-only,fixed-ip,no-cert")
    sent = {RelayMethod.CONNECTOR: True}
    clean = advise(connector_device, RelayFacts(port25_open=True, sent=sent), BEFORE)
    assert clean.status is Status.PASS
    junk = RelayFacts(port25_open=True, sent=sent, junked=frozenset({RelayMethod.CONNECTOR}))
    advice = advise(connector_device, junk, BEFORE)
    assert advice.status is Status.WARN
    assert "landed in Junk" in advice.summary
    assert any("Junk" in c for c in row(advice, advice.rows[0].key).caveats)


def test_a_method_whose_message_never_arrived_does_not_work() -> None:
    connector_device = device("no-auth,tls12,no-internal-only,fixed-ip,no-cert")
    lost = RelayFacts(
        port25_open=True,
        sent={RelayMethod.CONNECTOR: True},
        lost=frozenset({RelayMethod.CONNECTOR}),
    )
    advice = advise(connector_device, lost, BEFORE)
    assert advice.status is Status.WARN
    best = advice.rows[0]
    assert best.works is False
    assert any("never arrived" in c for c in best.caveats)
