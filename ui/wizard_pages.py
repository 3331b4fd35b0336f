"""A QWizard whose pages after the first are built on first need: placeholders until the
warm-up, a Next or any use of them builds them all (docs/PERFORMANCE.md). The base of the
Wizard (ui/wizard.py), apart from it because it is start-up machinery, not the wizard's
behaviour: only the first page is built before the first paint, and the later pages'
modules are imported here when they are built, never at start-up
(tests/gui/test_startup_imports.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtWidgets import QWizard, QWizardPage

from ui.pages.ids import CHECKS, EXPORT, INTEGRATION, RELAY, RESULTS, RUN, SIGNIN, TARGET

if TYPE_CHECKING:
    from ui.pages.checks import ChecksPage
    from ui.pages.export import ExportPage
    from ui.pages.integration import IntegrationPage
    from ui.pages.relay import RelayPage
    from ui.pages.results import ResultsPage
    from ui.pages.run import RunPage
    from ui.pages.signin import SignInPage
    from ui.pages.target import TargetPage
    from ui.worker import Workers

# The pages after Welcome: placeholders until build_pages.
LATER_PAGES = (TARGET, CHECKS, SIGNIN, RELAY, INTEGRATION, RUN, RESULTS, EXPORT)


def _built_page(page_id: int) -> property:
    """A page attribute of the Wizard: the page itself, built on first use."""

    def get(wizard: LazyPagesWizard) -> QWizardPage:
        wizard.build_pages()
        return wizard._built[page_id]

    return property(get)


class LazyPagesWizard(QWizard):
    """Subclasses set `workers` (the Target page's detection runs on them) and restore
    their saved settings into the pages in `_restore_page_settings`."""

    workers: Workers

    def __init__(self) -> None:
        super().__init__()
        self._built: dict[int, QWizardPage] = {}

    def add_placeholders(self) -> None:
        """Stand-ins for the pages after Welcome, until build_pages."""
        for page_id in LATER_PAGES:
            self.setPage(page_id, QWizardPage())

    if TYPE_CHECKING:
        target_page: TargetPage
        checks_page: ChecksPage
        signin_page: SignInPage
        relay_page: RelayPage
        integration_page: IntegrationPage
        run_page: RunPage
        results_page: ResultsPage
        export_page: ExportPage
    else:
        target_page = _built_page(TARGET)
        checks_page = _built_page(CHECKS)
        signin_page = _built_page(SIGNIN)
        relay_page = _built_page(RELAY)
        integration_page = _built_page(INTEGRATION)
        run_page = _built_page(RUN)
        results_page = _built_page(RESULTS)
        export_page = _built_page(EXPORT)

    @property
    def pages_built(self) -> bool:
        return bool(self._built)

    def build_pages(self) -> None:
        """Build the pages after Welcome and put them in their placeholders' places, with
        their saved settings. Once; every use of a page (its attribute, page(), Next, a
        child looked up by name) comes here first."""
        if self._built:
            return
        # Subtitles carry data (the target of an opened report): never rendered as markup.
        # Set here, with the pages that show such data, not before the first paint: Welcome's
        # own texts are plain, and the first Qt.* value costs about 0.01 s (PERFORMANCE.md).
        self.setTitleFormat(QtCore.Qt.TextFormat.PlainText)
        self.setSubTitleFormat(QtCore.Qt.TextFormat.PlainText)
        from ui.pages.checks import ChecksPage
        from ui.pages.export import ExportPage
        from ui.pages.integration import IntegrationPage
        from ui.pages.relay import RelayPage
        from ui.pages.results import ResultsPage
        from ui.pages.run import RunPage
        from ui.pages.signin import SignInPage
        from ui.pages.target import TargetPage

        built: dict[int, QWizardPage] = {
            TARGET: TargetPage(self.workers),
            CHECKS: ChecksPage(),
            SIGNIN: SignInPage(),
            RELAY: RelayPage(),
            INTEGRATION: IntegrationPage(),
            RUN: RunPage(),
            RESULTS: ResultsPage(),
            EXPORT: ExportPage(),
        }
        self._built = built
        for page_id, page in built.items():
            placeholder = QWizard.page(self, page_id)
            self.removePage(page_id)
            self.setPage(page_id, page)
            if placeholder is not None:
                placeholder.deleteLater()
        self._restore_page_settings()

    def _restore_page_settings(self) -> None:
        """The saved settings into the pages just built (the subclass knows them)."""

    def page(self, page_id: int) -> QWizardPage:
        self.build_pages()
        return super().page(page_id)

    def findChild(self, *args: Any, **kwargs: Any) -> Any:
        self.build_pages()
        return super().findChild(*args, **kwargs)

    def findChildren(self, *args: Any, **kwargs: Any) -> Any:
        self.build_pages()
        return super().findChildren(*args, **kwargs)

    def validateCurrentPage(self) -> bool:
        self.build_pages()  # before Next leaves Welcome for a page that is still a placeholder
        return super().validateCurrentPage()
