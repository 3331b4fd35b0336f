"""The wizard window: its pages, the session they fill in, and the run's life cycle
(start, cancel, finish), settings and closing. Pages stay thin; the engine does the work.

Closing never blocks: while a worker thread is alive the window cancels it and closes
when the last one has finished (Workers.idle).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWizard

from ui.browser import UrlOpener, qt_open_url
from ui.i18n import Translations, fmt
from ui.icons import app_icon
from ui.pages.ids import INTEGRATION, RELAY, RESULTS, RUN, SIGNIN, WELCOME
from ui.pages.welcome import BUILTIN_MAIL, WelcomePage
from ui.quit_question import QuitQuestion, ask_to_quit
from ui.session import Demo, Session
from ui.settings import Settings
from ui.warmup import STEPS, Warmup
from ui.window_fit import FIRST_SIZE, fit_to_screen
from ui.wizard_pages import LazyPagesWizard
from ui.wizard_run import let_go, new_run, shows_cancelled
from ui.wizard_settings import restore_page_settings, save_page_settings
from ui.worker import Workers

if TYPE_CHECKING:
    from assistant.events import RunFinished
    from assistant.lab.tenant import Lab
    from assistant.model import Report
    from ui.runs import DiagnosisRun

# The checks, the lab, the report writers and exchangelib are imported where they are first
# used, and pre-warmed after the first paint (ui/warmup.py): the window shows without them.


class Wizard(LazyPagesWizard):
    def __init__(self, settings: Settings, translations: Translations | None = None) -> None:
        super().__init__()
        self.setObjectName("wizard")
        self.settings = settings
        self.translations = translations
        self.workers = Workers(self)
        self.session = Session()
        self.run: DiagnosisRun | None = None
        self.owned_lab: Lab | None = None  # a lab this window started (demo mode)
        # How a browser sign-in opens its address, on the GUI thread (tests follow it
        # with an HTTP client to the lab's identity provider instead).
        self.open_url: UrlOpener = qt_open_url
        self._close_result: int | None = None
        self.quit_question: QuitQuestion | None = None  # Quit during a run asks first
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(
            QWizard.WizardPixmap.LogoPixmap,
            app_icon().pixmap(QSize(48, 48), self.devicePixelRatioF()),
        )
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        # Back from Results skips the finished Run page, to the last page with settings
        # (QWizard's own back() is what the button ran; it is still used for one step).
        back = self.button(QWizard.WizardButton.BackButton)
        back.clicked.disconnect()
        back.clicked.connect(self.back_to_settings)
        # Only the first page is built before the first paint; the others stand in as
        # placeholders until the warm-up, a Next or any use of them builds them all
        # (build_pages; docs/PERFORMANCE.md).
        self.welcome_page = WelcomePage()
        self.setPage(WELCOME, self.welcome_page)
        self.add_placeholders()
        self.setStartId(WELCOME)
        self.workers.idle.connect(self._maybe_close)
        self.restore_settings()
        self.retranslate()
        # The engine's modules load after the first paint (ui/warmup.py), exchangelib's
        # half second of imports last, off the GUI thread, while the user is still on the
        # first pages: out of both the start-up and the run.
        self.warmup = Warmup(self, self.workers, (self.build_pages, *STEPS))

    # -- settings --------------------------------------------------------------------------

    def restore_settings(self) -> None:
        s = self.settings
        self.resize(FIRST_SIZE)
        geometry = s.get("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        fit_to_screen(self)  # never larger than the screen (ui/window_fit.py)
        if self._built:  # else build_pages restores them
            self._restore_page_settings()
        if self.translations is not None:
            self.welcome_page.set_language(self.translations.language)

    def _restore_page_settings(self) -> None:
        restore_page_settings(self)

    def save_settings(self) -> None:
        s = self.settings
        s.set("window_geometry", bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        save_page_settings(self)
        if self.translations is not None:
            s.set("language", self.translations.language)
        s.save()

    def switch_language(self, code: str) -> None:
        if self.translations is None:
            return
        self.translations.switch(code)
        self.welcome_page.set_language(self.translations.language)
        self.settings.set("language", self.translations.language)

    # -- demo ------------------------------------------------------------------------------

    def start_demo(self, scenario: str) -> None:
        """Start the lab off the GUI thread; the wizard fills in once it is up."""
        from ui.demo import start_lab

        self.session.demo = Demo(scenario)
        self.welcome_page.update_demo("starting")
        self.target_page.set_lab_status(self.tr("Starting the demo lab…"))
        task = self.workers.run(start_lab, "lab")
        task.succeeded.connect(self._lab_started)
        task.failed.connect(self._lab_failed)
        task.start()

    def _lab_started(self, lab: Lab) -> None:
        self.owned_lab = lab
        if self._close_result is not None:
            return  # closing already; app.py stops it
        self.use_lab(lab, self.session.demo.scenario if self.session.demo else "healthy")

    def _lab_failed(self, message: str) -> None:
        last = message.strip().splitlines()[-1] if message.strip() else ""
        if self.session.demo is not None:
            self.session.demo.error = last
        self.welcome_page.update_demo("failed", last)
        self.target_page.set_lab_status(fmt(self.tr("The demo lab could not start: %1"), last))

    def use_lab(self, lab: Lab, scenario: str = "healthy") -> None:
        """Demo mode with a running lab: the scenario picker and the lab's network options."""
        from ui.demo import scenarios

        if self.session.demo is None:
            self.session.demo = Demo(scenario)
        self.session.demo.lab = lab
        self.session.demo.scenario = scenario
        self.target_page.advanced.fill(lab.network_options())
        self.target_page.set_demo(scenarios(scenario), scenario)
        self.target_page.set_lab_status("")
        self.welcome_page.update_demo("ready", BUILTIN_MAIL if lab.builtin_mail else "")
        self.scenario_changed(scenario)

    def scenario_changed(self, name: str) -> None:
        """A relay demo ticks the Relay area and fills in its page (not the confirmation);
        an integration demo ticks autodiscover (where the checks find Exchange) and the
        integration area, and fills in its page; the others tick every area but these two
        (they ask their own questions) and OAuth sign-in (the demo's sign-in is a password)."""
        from ui.demo import demo_sharepoint_url, is_integration_demo, is_relay_demo, scenarios

        demo = self.session.demo
        if demo is None:
            return
        demo.scenario = name
        relay = is_relay_demo(name)
        if is_integration_demo(name):
            self.checks_page.set_selected(["autodiscover", "integration"])
            self.integration_page.fill_demo(demo_sharepoint_url(name))
            return
        from assistant.checks.registry import areas as engine_areas

        # The demo signs in with the lab's password: the OAuth area (auth) stays unticked.
        asks = {"relay", "integration", "auth"} - ({"relay"} if relay else set())
        self.checks_page.set_selected([a for a in engine_areas() if a not in asks])
        if relay and demo.lab is not None:
            cert = getattr(demo.lab, "relay_client_cert", None)
            domain = next((s.domain for s in scenarios(name) if s.name == name), None)
            if domain is not None:
                self.relay_page.fill_demo(f"admin@{domain}", str(cert) if cert else None)

    # -- pages -----------------------------------------------------------------------------

    def relay_chosen(self) -> bool:
        return "relay" in self.checks_page.selected()

    def integration_chosen(self) -> bool:
        return "integration" in self.checks_page.selected()

    def nextId(self) -> int:
        """The Integration page, then the Relay page, follow Sign-in only when their areas
        are ticked (IntegrationPage.nextId goes on to Relay or Run)."""
        current = self.currentId()
        if current == SIGNIN:
            if self.integration_chosen():
                return INTEGRATION
            return RELAY if self.relay_chosen() else RUN
        return super().nextId()

    # -- reports ---------------------------------------------------------------------------

    def open_report(self, path: str) -> str | None:
        """Load a saved report; None when it worked, else the reason to show."""
        from assistant.model import ReportFormatError
        from assistant.net.redact import Redactor
        from assistant.report.json_report import load_json

        try:
            report = load_json(path)
        except ReportFormatError as exc:
            return str(exc)
        except OSError as exc:
            return fmt(self.tr("Could not open %1: %2"), path, exc.strerror)
        self.session.report = report
        self.session.redactor = Redactor()
        self.session.cancelled = False
        self.session.opened_path = path
        self.session.runlog = None  # a saved report has no run log
        self.session.username = None
        return None

    # -- the run ---------------------------------------------------------------------------

    def start_run(self) -> None:
        run = new_run(self)
        if run is not None:
            self._begin(run)

    def can_run_again(self) -> bool:
        """Whether some checks of the report shown can run again: it came from a run of
        this window (not a file) that has ended (finished, or cancelled)."""
        session = self.session
        return (
            self.run is not None
            and self.run_page.done
            and session.report is not None
            and session.opened_path is None
        )

    def run_again(self, check_names: list[str]) -> bool:
        """Run `check_names` (check IDs or areas of the report shown) once more, with
        the same target, options, credentials and plans, and merge their new steps into
        the report (Diagnosis.again); the Run page shows it, Results follow. False when
        there is nothing to run again."""
        from assistant.config import InputError

        first, report = self.run, self.session.report
        if first is None or report is None or not self.can_run_again():
            return False
        try:
            run = first.again(self.workers, self, check_names, report)
        except InputError:
            return False
        if self.currentId() == RESULTS and self.visitedIds()[-2:-1] == [RUN]:
            self.back()  # the Run page, as it was left: it shows the re-run
        self._begin(run)
        return True

    def back_to_settings(self) -> None:
        """The Back button: one page back, and past a finished Run page to the page
        before it (Sign-in, Integration or Relay), every value as it was; Run from there
        runs again with what was changed."""
        self.back()
        if self.currentId() == RUN and self.run_page.done:
            self.back()

    def _begin(self, run: DiagnosisRun) -> None:
        session = self.session
        session.redactor, session.runlog = run.redactor, run.runlog
        run.bridge.runFinished.connect(lambda event, r=run: self._run_finished(r, event))
        run.finished.connect(lambda report, r=run: self._run_done(r, report))
        run.crashed.connect(lambda message, r=run: self._run_crashed(r, message))
        previous, self.run = self.run, run
        if previous is not None:
            let_go(previous)
        self.run_page.begin(run)
        run.start()

    def cancel_run(self) -> None:
        """Returns at once: the engine is told to stop, and the results show what there is."""
        run = self.run
        if run is None or self.run_page.done:
            return
        run.cancel()
        self.run_page.finish(cancelled=True)
        self.session.report = run.partial_report()  # the run's thread replaces it when it ends
        self.session.cancelled = shows_cancelled(run, self.session.report)
        if self.currentId() == RUN:
            self.next()

    def _run_finished(self, run: DiagnosisRun, event: RunFinished) -> None:
        if run is self.run and not self.run_page.done:
            self.run_page.finish(event.cancelled)

    def _run_done(self, run: DiagnosisRun, report: Report | None) -> None:
        """The run's thread has ended; `report` was built there (None if it broke)."""
        if run is not self.run or report is None:
            return
        self.session.report = report
        self.session.cancelled = shows_cancelled(run, report)
        if self.currentId() == RUN:
            self.next()
        elif self.currentId() == RESULTS:
            self.results_page.refresh()

    def _run_crashed(self, run: DiagnosisRun, message: str) -> None:
        if run is not self.run:
            return
        self.run_page.finish(cancelled=True)
        self.run_page.status.setText(self.tr("The run stopped because of an internal error."))
        self.run_page.log.appendPlainText(message)
        self.run_page.show_log(True)

    def new_diagnosis(self) -> None:
        self.restart()
        self.session.opened_path = None
        self.next()

    # -- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or Quit: while a run is on, asks whether to stop it and quit (Cancel run
        is the button that stops it and stays); elsewhere it closes."""
        if self.currentId() == RUN and not self.run_page.done:
            if self.quit_question is None:
                self.quit_question = ask_to_quit(self, self._quit_during_run)
                self.quit_question.destroyed.connect(self._quit_question_gone)
            return
        self.done(QDialog.DialogCode.Rejected)

    def _quit_during_run(self) -> None:
        self.done(QDialog.DialogCode.Rejected)

    def _quit_question_gone(self) -> None:
        self.quit_question = None

    def done(self, result: int) -> None:
        if self.workers.busy:
            self._close_result = int(result)
            if self.run is not None:
                self.run.cancel()
            self.setWindowTitle(self.tr("Connectivity Assistant — stopping…"))
            return  # _maybe_close finishes the job when the last worker has ended
        self.save_settings()
        if self._built:  # a pending detect must not start after closing
            self.target_page.stop_detection()
        super().done(result)

    def _maybe_close(self) -> None:
        if self._close_result is not None and not self.workers.busy:
            result, self._close_result = self._close_result, None
            self.done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.done(QDialog.DialogCode.Rejected)
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    # -- texts -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connectivity Assistant"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Quit"))
        for which, name in (
            (QWizard.WizardButton.BackButton, self.tr("Back")),
            (QWizard.WizardButton.NextButton, self.tr("Next")),
            (QWizard.WizardButton.FinishButton, self.tr("Close")),
            (QWizard.WizardButton.CancelButton, self.tr("Quit")),
        ):
            self.button(which).setAccessibleName(name)
