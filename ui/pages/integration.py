"""SharePoint, Lync/Skype for Business and Teams (issue 15): which of the three products
the organisation runs next to Exchange, and the one address each may need.

The page builds the run's IntegrationPlan (assistant/integration_plan.py): the products
ticked (the checks of the others skip, saying so), the SharePoint site URL (checked as
it is typed with the engine's parse_site_url; a bad one is said beside the field and
kept), and an optional pool name for Skype for Business. Every integration check is
anonymous: nothing here asks for, or sends, a credential.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizard,
)

from assistant.config import InputError
from assistant.integration_plan import IntegrationPlan, Product, parse_pool_host, parse_site_url
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.pages.ids import RELAY, RUN
from ui.texts import engine_text


class IntegrationPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("integrationPage")
        content, layout = self.scrolling_content("integrationScroll")
        content.setObjectName("integrationContent")

        self.products_box = QGroupBox(content)
        self.products_box.setObjectName("integrationProducts")
        box = QVBoxLayout(self.products_box)
        box.setSpacing(2)
        self.boxes: dict[Product, QCheckBox] = {}
        self.lines: dict[Product, QLabel] = {}
        for product in Product:
            check = QCheckBox(self.products_box)
            check.setObjectName(f"product_{product.value}")
            check.setChecked(True)
            check.toggled.connect(self._input_changed)
            line = hint_label(self.products_box)
            line.setObjectName(f"product_{product.value}_line")
            line.setIndent(22)
            box.addWidget(check)
            box.addWidget(line)
            if product is Product.SHAREPOINT:
                box.addLayout(self._build_site_url())
            elif product is Product.LYNC:
                box.addLayout(self._build_pool())
            self.boxes[product] = check
            self.lines[product] = line
        layout.addWidget(self.products_box)
        self.none_error = ErrorLabel(self.products_box, content)
        layout.addWidget(self.none_error)
        self.anonymous = hint_label(content)
        self.anonymous.setObjectName("integrationAnonymous")
        layout.addWidget(self.anonymous)
        layout.addStretch(1)
        self._input_changed()
        self.retranslate()

    # -- building ------------------------------------------------------------------------

    def _build_site_url(self) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(22, 0, 0, 6)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.site_url = QLineEdit(self.products_box)
        self.site_url.setObjectName("sharepointUrl")
        self.site_url.textChanged.connect(self._input_changed)
        self.site_url_label = QLabel(self.products_box)
        self.site_url_label.setBuddy(self.site_url)
        self.site_url_error = ErrorLabel(self.site_url, self.products_box)
        self.site_url_hint = hint_label(self.products_box)
        form.addRow(self.site_url_label, self.site_url)
        form.addRow("", self.site_url_error)
        form.addRow("", self.site_url_hint)
        self.site_form = form
        return form

    def _build_pool(self) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(22, 0, 0, 6)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.pool = QLineEdit(self.products_box)
        self.pool.setObjectName("sfbPool")
        self.pool.textChanged.connect(self._input_changed)
        self.pool_label = QLabel(self.products_box)
        self.pool_label.setBuddy(self.pool)
        self.pool_error = ErrorLabel(self.pool, self.products_box)
        form.addRow(self.pool_label, self.pool)
        form.addRow("", self.pool_error)
        self.pool_form = form
        return form

    # -- state ---------------------------------------------------------------------------

    def products(self) -> frozenset[Product]:
        return frozenset(p for p, box in self.boxes.items() if box.isChecked())

    def set_products(self, products: list[str] | frozenset[Product]) -> None:
        wanted = {str(p) for p in products}
        for product, box in self.boxes.items():
            box.setChecked(product.value in wanted)

    def site_url_problem(self) -> str | None:
        """The engine's message for a site URL that is not one; None when it is one, when
        the field is empty (the site is then not checked), or SharePoint is not ticked."""
        if Product.SHAREPOINT not in self.products() or not self.site_url.text().strip():
            return None
        try:
            parse_site_url(self.site_url.text())
        except InputError as exc:
            return str(exc)
        return None

    def pool_problem(self) -> str | None:
        if Product.LYNC not in self.products() or not self.pool.text().strip():
            return None
        try:
            parse_pool_host(self.pool.text())
        except InputError as exc:
            return str(exc)
        return None

    def isComplete(self) -> bool:
        return (
            bool(self.products())
            and self.site_url_problem() is None
            and self.pool_problem() is None
        )

    def plan(self) -> IntegrationPlan:
        """The run's plan: the products ticked, and the addresses of those ticked only."""
        products = self.products()
        url = self.site_url.text().strip()
        pool = self.pool.text().strip()
        sharepoint = Product.SHAREPOINT in products and url and self.site_url_problem() is None
        lync = Product.LYNC in products and pool and self.pool_problem() is None
        return IntegrationPlan(
            products=products,
            sharepoint_url=parse_site_url(url) if sharepoint else None,
            sfb_pool=parse_pool_host(pool) if lync else None,
        )

    # -- reactions -----------------------------------------------------------------------

    def _input_changed(self) -> None:
        products = self.products()
        self.site_form.setRowVisible(self.site_url, Product.SHAREPOINT in products)
        self.site_form.setRowVisible(self.site_url_hint, Product.SHAREPOINT in products)
        self.pool_form.setRowVisible(self.pool, Product.LYNC in products)
        self.site_url_error.show_error(self._engine(self.site_url_problem()))
        self.pool_error.show_error(self._engine(self.pool_problem()))
        self.none_error.show_error(None if products else self._none_chosen())
        self.completeChanged.emit()

    def _none_chosen(self) -> str:
        return self.tr("Tick at least one product, or go back and untick this area.")

    @staticmethod
    def _engine(text: str | None) -> str | None:
        return engine_text(text) if text else None

    # -- remembered answers ----------------------------------------------------------------

    def remembered(self) -> dict[str, object]:
        """What the settings keep (ui/settings.py): the products and the two addresses."""
        return {
            "integration_products": sorted(p.value for p in self.products()),
            "integration_sharepoint_url": self.site_url.text().strip(),
            "integration_sfb_pool": self.pool.text().strip(),
        }

    def load(self, values: Mapping[str, Any]) -> None:
        """Remembered answers back (missing ones keep their defaults)."""
        products = values.get("integration_products")
        if isinstance(products, list) and products:
            self.set_products([str(p) for p in products])
        for key, field in (
            ("integration_sharepoint_url", self.site_url),
            ("integration_sfb_pool", self.pool),
        ):
            if isinstance(values.get(key), str):
                field.setText(values[key])

    def fill_demo(self, sharepoint_url: str) -> None:
        """An integration demo: every product, the scenario's SharePoint site, no pool."""
        self.set_products(frozenset(Product))
        self.site_url.setText(sharepoint_url)
        self.pool.clear()

    # -- wizard --------------------------------------------------------------------------

    def initializePage(self) -> None:
        self._input_changed()
        self.retranslate()

    def nextId(self) -> int:
        wizard = self.app_wizard
        return RELAY if wizard is not None and wizard.relay_chosen() else RUN

    def retranslate(self) -> None:
        self.setTitle(self.tr("SharePoint, Lync/Skype for Business and Teams"))
        self.setSubTitle(
            self.tr(
                "Which of these run next to Exchange? Only their checks run; the others "
                "are skipped."
            )
        )
        self.products_box.setTitle(self.tr("Products"))
        # The run starts here when Relay is not ticked (ChecksPage.validatePage).
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Run diagnosis"))
        texts = {
            Product.SHAREPOINT: (
                self.tr("&SharePoint (Online or Server)"),
                self.tr(
                    "The site's certificate and the tenant in its OAuth challenge, and the "
                    "Exchange auth metadata SharePoint Server trusts: without them, Exchange "
                    "tasks, eDiscovery and site mailboxes in SharePoint fail."
                ),
            ),
            Product.LYNC: (
                self.tr("&Lync / Skype for Business Server"),
                self.tr(
                    "The autodiscover service and EWS it reads out-of-office and calendar "
                    "data through, its DNS records and lyncdiscover's certificate: without "
                    "them, presence, calendar and IM in Outlook on the web break."
                ),
            ),
            Product.TEAMS: (
                self.tr("&Teams with Exchange Server mailboxes"),
                self.tr(
                    "Autodiscover v2, EWS published with an OAuth challenge, and the Exchange "
                    "build: without them, Teams cannot show the calendar or schedule meetings "
                    "for on-premises mailboxes."
                ),
            ),
        }
        for product, (title, line) in texts.items():
            box = self.boxes[product]
            box.setText(title)
            box.setAccessibleName(title.replace("&", ""))
            box.setAccessibleDescription(line)
            self.lines[product].setText(line)
        self.site_url_label.setText(self.tr("Site &URL:"))
        self.site_url.setPlaceholderText(self.tr("https://contoso.sharepoint.com/sites/team"))
        self.site_url.setAccessibleName(self.tr("SharePoint site URL"))
        self.site_url_hint.setText(
            self.tr("Leave it empty to skip the site itself and check only Exchange's side.")
        )
        self.pool_label.setText(self.tr("&Pool web name (optional):"))
        self.pool.setPlaceholderText(self.tr("webext.contoso.com"))
        self.pool.setAccessibleName(
            self.tr("External web services name of the Skype for Business pool")
        )
        self.anonymous.setText(
            self.tr(
                "These checks are anonymous: they read what the servers show anyone (OAuth "
                "challenges, metadata, DNS) and send no credentials."
            )
        )
        self._input_changed()
