"""A diagnosis run made from what the wizard's pages hold (which checks, which sign-in,
the relay and integration plans), and the bookkeeping of runs the wizard has finished
with. Apart from ui/wizard.py, which keeps the run's life cycle on the window (start,
cancel, finish, closing); the engine's modules are imported here on first use, after the
first paint (docs/PERFORMANCE.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.integration_plan import IntegrationPlan
    from assistant.model import Report
    from assistant.relay_plan import RelayPlan
    from ui.runs import DiagnosisRun


def new_run(wizard: Any) -> DiagnosisRun | None:  # the Wizard, typed loosely: no cycle
    """The run the pages ask for, not yet started; the settings are saved, the session is
    ready for its report. None when there is no target."""
    from assistant.checks.registry import oauth_protocols
    from assistant.config import InputError
    from assistant.diagnosis import plan_checks
    from ui.browser import BrowserOpener
    from ui.pages.checks import DEFAULT_AREAS
    from ui.pages.signin_form import OAUTH_BROWSER, OAUTH_METHODS
    from ui.runs import DiagnosisRun

    session = wizard.session
    if session.target is None:
        return None
    method = wizard.signin_page.method()
    sign_in = method in OAUTH_METHODS  # auth.token first: it signs in
    names: list[str] | None = session.areas or list(DEFAULT_AREAS)
    try:
        checks = plan_checks(names, sign_in=sign_in)
    except InputError:
        names = None
        checks = plan_checks(None, sign_in=sign_in)
    protocols = tuple(oauth_protocols([c.id for c in checks]))
    browser = BrowserOpener(wizard.open_url, wizard) if method == OAUTH_BROWSER else None
    credentials = wizard.signin_page.take_credentials(protocols, open_browser=browser)
    relay: RelayPlan | None = None
    if any(c.area == "relay" for c in checks):
        relay = wizard.relay_page.plan()  # send_to is None unless the user confirmed
    integration: IntegrationPlan | None = None
    if any(c.area == "integration" for c in checks):
        integration = wizard.integration_page.plan()
    wizard.save_settings()
    run = DiagnosisRun(
        wizard.workers,
        wizard,
        session.target,
        session.options,
        names,
        credentials,
        browser,
        sign_in=sign_in,
        relay=relay,
        integration=integration,
    )
    session.username = credentials.username if credentials is not None else None
    del credentials  # the runner holds it, for this run and its re-runs (run_again)
    session.report, session.cancelled, session.opened_path = None, False, None
    return run


def let_go(run: DiagnosisRun) -> None:
    """A run the wizard has moved on from (a re-run keeps its diagnosis, not the run). The
    run and its consent broker are QObject children of the wizard, which kept every one,
    with its diagnosis, log and report, for the whole session: about 1 MB a run
    (bench/soak.py). Deleted once its thread has ended: a deferred deletion comes after any
    of its events still queued (and a thread still running emits finished only later, on
    this thread, so the connection below is never too late)."""

    def delete() -> None:
        run.consent.deleteLater()
        run.deleteLater()

    if not run.running:
        delete()
    else:  # a cancelled run still winding down
        run.task.finished.connect(delete)


def shows_cancelled(run: DiagnosisRun, report: Report) -> bool:
    """Whether the report shows a cancelled run. A cancelled re-run kept every earlier
    step it did not finish, so the merged report's own fact says (Diagnosis.again)."""
    return bool(report.run.get("cancelled")) if run.rerun else run.cancelled
