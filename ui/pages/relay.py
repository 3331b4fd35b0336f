"""Relay test send (issue 14): what the device can do, the advice that follows from it
(shown before anything is sent), the test message (sender, recipient, methods), how to
prove delivery, and the explicit confirmation without which nothing is sent.

The page builds the run's RelayPlan (assistant/relay_plan.py). Its one rule: `send_to`
is the recipient exactly as typed, and only when "Send a test message to … now" is
ticked; unticked, the relay checks only probe port 25 and SPF and advise. The tick is
never remembered, and it clears whenever the recipient changes.

The advice is the engine's pure function (relay_advice.advise) on the questionnaire's
answers alone, on the GUI thread: no network, a few microseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from assistant.config import InputError, Target
from assistant.facts import Cloud
from assistant.relay_plan import (
    ROUNDTRIP_WAIT_DEFAULT,
    ROUNDTRIP_WAIT_RANGE,
    MailboxLogin,
    RelayPlan,
)
from ui.i18n import fmt
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.pages.ids import RUN
from ui.pages.relay_methods import RelayMethods
from ui.texts import engine_text
from ui.widgets.device_questions import DeviceQuestions
from ui.widgets.relay_advice import advice_before_sending, advice_html


class RelayPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("relayPage")
        self.setCommitPage(True)
        self.today = dt.date.today  # a seam: tests fix the date the advice is given for
        content, layout = self.scrolling_content("relayScroll")
        content.setObjectName("relayContent")

        self.device_box = QGroupBox(content)
        self.device = DeviceQuestions(self.device_box)
        self.device.changed.connect(self._update_advice)
        QVBoxLayout(self.device_box).addWidget(self.device)
        layout.addWidget(self.device_box)

        self.advice_box = QGroupBox(content)
        self.advice = QLabel(self.advice_box)
        self.advice.setObjectName("relayAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.advice_box).addWidget(self.advice)
        layout.addWidget(self.advice_box)

        layout.addWidget(self._build_message(content))
        layout.addWidget(self._build_roundtrip(content))

        self.confirm = QCheckBox(content)
        self.confirm.setObjectName("confirmSend")
        bold = self.confirm.font()
        bold.setBold(True)
        self.confirm.setFont(bold)
        self.confirm.toggled.connect(self._confirm_toggled)
        self.confirm_hint = hint_label(content)
        self.confirm_hint.setIndent(22)
        layout.addWidget(self.confirm)
        layout.addWidget(self.confirm_hint)
        layout.addStretch(1)
        self.retranslate()

    # -- building ------------------------------------------------------------------------

    def _build_message(self, parent: QWidget) -> QGroupBox:
        self.message_box = QGroupBox(parent)
        form = QFormLayout(self.message_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.sender_field = QLineEdit(self.message_box)
        self.sender_field.setObjectName("relaySender")
        self.sender_field.textChanged.connect(self._input_changed)
        self.sender_label = QLabel(self.message_box)
        self.sender_label.setBuddy(self.sender_field)
        self.sender_error = ErrorLabel(self.sender_field, self.message_box)
        self.recipient = QLineEdit(self.message_box)
        self.recipient.setObjectName("recipient")
        self.recipient.textChanged.connect(self._recipient_changed)
        self.recipient_label = QLabel(self.message_box)
        self.recipient_label.setBuddy(self.recipient)
        self.recipient_error = ErrorLabel(self.recipient, self.message_box)
        form.addRow(self.sender_label, self.sender_field)
        form.addRow("", self.sender_error)
        form.addRow(self.recipient_label, self.recipient)
        form.addRow("", self.recipient_error)
        self.message_form = form
        self.method_fields = RelayMethods(self.message_box)
        self.method_fields.changed.connect(self._input_changed)
        form.addRow(self.method_fields)
        return self.message_box

    def _build_roundtrip(self, parent: QWidget) -> QGroupBox:
        self.roundtrip_box = QGroupBox(parent)
        form = QFormLayout(self.roundtrip_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.roundtrip_hint = hint_label(self.roundtrip_box)
        self.roundtrip_hint.setObjectName("roundtripHint")
        form.addRow(self.roundtrip_hint)
        self.rt_user = QLineEdit(self.roundtrip_box)
        self.rt_user.setObjectName("roundtripUser")
        self.rt_password = QLineEdit(self.roundtrip_box)
        self.rt_password.setObjectName("roundtripPassword")
        self.rt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.rt_user_label = QLabel(self.roundtrip_box)
        self.rt_user_label.setBuddy(self.rt_user)
        self.rt_password_label = QLabel(self.roundtrip_box)
        self.rt_password_label.setBuddy(self.rt_password)
        form.addRow(self.rt_user_label, self.rt_user)
        form.addRow(self.rt_password_label, self.rt_password)
        self.wait = QSpinBox(self.roundtrip_box)
        self.wait.setObjectName("roundtripWait")
        low, high = ROUNDTRIP_WAIT_RANGE
        self.wait.setRange(int(low), int(high))
        self.wait.setValue(int(ROUNDTRIP_WAIT_DEFAULT))
        self.wait_label = QLabel(self.roundtrip_box)
        self.wait_label.setBuddy(self.wait)
        form.addRow(self.wait_label, self.wait)
        self.delete_after = QCheckBox(self.roundtrip_box)
        self.delete_after.setObjectName("roundtripDelete")
        form.addRow(self.delete_after)
        self.roundtrip_form = form
        return self.roundtrip_box

    # -- state ---------------------------------------------------------------------------

    def _target(self) -> Target | None:
        wizard = self.app_wizard
        return wizard.session.target if wizard is not None else None

    def recipient_problem(self) -> str | None:
        """The engine's message for a recipient that is not one address; None when it is
        one, or when the field is empty (then nothing can be sent)."""
        if not self.recipient.text().strip():
            return None
        try:
            RelayPlan.parse_recipient(self.recipient.text())
        except InputError as exc:
            return str(exc)
        return None

    def _recipient(self) -> str | None:
        if not self.recipient.text().strip() or self.recipient_problem() is not None:
            return None
        return RelayPlan.parse_recipient(self.recipient.text())

    def _sender_problem(self) -> str | None:
        if not self.sender_field.text().strip():
            return None
        try:
            Target.parse_email(self.sender_field.text())
        except InputError as exc:
            return str(exc)
        return None

    def recipient_is_mailbox(self) -> bool:
        """The recipient is the run's own mailbox: the round trip reads it with the sign-in."""
        target, recipient = self._target(), self._recipient()
        if target is None or not target.email or recipient is None:
            return False
        return recipient.lower() == target.email.lower()

    def isComplete(self) -> bool:
        return (
            self.method_fields.is_complete()
            and self.recipient_problem() is None
            and self._sender_problem() is None
        )

    def plan(self) -> RelayPlan:
        """The run's plan: sends only with the confirmation ticked, to the typed recipient."""
        confirmed = self.confirm.isChecked() and self.confirm.isEnabled()
        roundtrip = None
        if not self.recipient_is_mailbox() and self.rt_user.text().strip():
            roundtrip = MailboxLogin(self.rt_user.text().strip(), self.rt_password.text())
        sender = self.sender_field.text().strip()
        return RelayPlan(
            send_to=self._recipient() if confirmed else None,
            sender=Target.parse_email(sender).email if sender else None,
            methods=self.method_fields.chosen(),
            client_cert=self.method_fields.client_cert(),
            hve=self.method_fields.hve_account(),
            roundtrip=roundtrip,
            roundtrip_wait=float(self.wait.value()),
            delete_after=self.delete_after.isChecked(),
            device=self.device.profile(),
        )

    # -- reactions -----------------------------------------------------------------------

    def _recipient_changed(self) -> None:
        # A confirmation is for the address it named: a new address needs a new one.
        self.confirm.setChecked(False)
        self._input_changed()

    def _input_changed(self) -> None:
        self.recipient_error.show_error(self._engine(self.recipient_problem()))
        self.sender_error.show_error(self._engine(self._sender_problem()))
        recipient = self._recipient()
        self.confirm.setEnabled(recipient is not None)
        if recipient is None:
            self.confirm.setChecked(False)
        self._texts_that_name_the_recipient()
        self.completeChanged.emit()

    @staticmethod
    def _engine(text: str | None) -> str | None:
        return engine_text(text) if text else None

    def _confirm_toggled(self) -> None:
        self._texts_that_name_the_recipient()

    def _update_advice(self) -> None:
        target = self._target()
        cloud = target.cloud if target is not None else Cloud.WORLDWIDE
        self.shown_advice = advice_before_sending(self.device.profile(), cloud, self.today())
        self.advice.setText(advice_html(self.shown_advice))
        self.advice.setAccessibleDescription(self.advice.text())

    def advice_text(self) -> str:
        """The advice as shown, as plain text (tests and the screen reader read this)."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.advice.text())
        return document.toPlainText()

    # -- remembered answers ----------------------------------------------------------------

    def remembered(self) -> dict[str, object]:
        """What the settings keep (ui/settings.py): never a password, never the tick."""
        return {
            "relay_recipient": self.recipient.text().strip(),
            "relay_sender": self.sender_field.text().strip(),
            "relay_methods": [m.value for m in self.method_fields.chosen()],
            "relay_device": self.device.profile().to_dict(),
            "relay_wait": self.wait.value(),
            "relay_roundtrip_user": self.rt_user.text().strip(),
            "relay_client_cert": self.method_fields.cert.text().strip(),
            "relay_hve_account": self.method_fields.hve_user.text().strip(),
            "relay_delete_after": self.delete_after.isChecked(),
        }

    def load(self, values: Mapping[str, Any]) -> None:
        """Remembered answers back (missing ones keep their defaults)."""
        for key, field in (
            ("relay_recipient", self.recipient),
            ("relay_sender", self.sender_field),
            ("relay_roundtrip_user", self.rt_user),
            ("relay_client_cert", self.method_fields.cert),
            ("relay_hve_account", self.method_fields.hve_user),
        ):
            if isinstance(values.get(key), str):
                field.setText(values[key])
        methods = values.get("relay_methods")
        if isinstance(methods, list) and methods:
            self.method_fields.set_chosen([str(m) for m in methods])
        if isinstance(values.get("relay_device"), dict):
            self.device.set_profile(values["relay_device"])
        wait = values.get("relay_wait")
        if isinstance(wait, int | float) and not isinstance(wait, bool):
            self.wait.setValue(int(wait))
        self.delete_after.setChecked(values.get("relay_delete_after") is True)
        self.confirm.setChecked(False)

    def fill_demo(self, mailbox: str, client_cert: str | None) -> None:
        """A relay demo: the lab's mailbox receives (the round trip reads it with the
        demo's sign-in), the lab's connector certificate; the tick is still the user's."""
        self.recipient.setText(mailbox)
        self.sender_field.clear()
        self.rt_user.clear()
        if client_cert:
            self.method_fields.cert.setText(client_cert)
        self.confirm.setChecked(False)

    # -- wizard --------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.confirm.setChecked(False)  # asked every time, never remembered
        target = self._target()
        self.sender_field.setPlaceholderText(target.email if target and target.email else "")
        self._update_advice()
        self._input_changed()
        self.retranslate()

    def cleanupPage(self) -> None:
        self.method_fields.forget_secrets()
        self.rt_password.clear()

    def nextId(self) -> int:
        return RUN

    def _texts_that_name_the_recipient(self) -> None:
        recipient = self._recipient()
        shown = (recipient or self.tr("the recipient")).replace("&", "&&")
        self.confirm.setText(fmt(self.tr("Send a test message to %1 now"), shown))
        self.confirm.setAccessibleName(
            fmt(self.tr("Send a test message to %1 now"), recipient or self.tr("the recipient"))
        )
        if recipient is None:
            hint = self.tr(
                "Type a recipient to send a test message. Without one, the relay checks only "
                "test port 25 and SPF, and advise."
            )
        elif self.confirm.isChecked():
            hint = fmt(
                self.tr("One tagged test message per method ticked above goes to %1."),
                recipient,
            )
        else:
            hint = self.tr(
                "Nothing is sent unless this is ticked: the relay checks then only test "
                "port 25 and SPF, and advise."
            )
        self.confirm_hint.setText(hint)
        if self.recipient_is_mailbox():
            rt = self.tr(
                "The recipient is the mailbox you signed in to: the round trip reads it with "
                "that sign-in."
            )
        else:
            rt = self.tr(
                "To prove delivery, give a login for the recipient's mailbox (IMAP). Leave "
                "it empty to skip the round trip."
            )
        self.roundtrip_hint.setText(rt)
        for widget in (self.rt_user, self.rt_password):
            self.roundtrip_form.setRowVisible(widget, not self.recipient_is_mailbox())
        wizard = self.wizard()
        if wizard is not None:
            button = (
                self.tr("Run and &send") if self.confirm.isChecked() else self.tr("&Run diagnosis")
            )
            self.setButtonText(QWizard.WizardButton.CommitButton, button)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Relay test send"))
        self.setSubTitle(
            self.tr("What the device can do, the advice for it, and the test message.")
        )
        self.device_box.setTitle(self.tr("What the device can do"))
        self.advice_box.setTitle(self.tr("Advice (nothing has been sent)"))
        self.advice.setAccessibleName(self.tr("Advice for this device"))
        self.message_box.setTitle(self.tr("The test message"))
        self.sender_label.setText(self.tr("S&ender:"))
        self.sender_field.setAccessibleName(self.tr("Sender of the test message"))
        self.recipient_label.setText(self.tr("Reci&pient:"))
        self.recipient.setPlaceholderText(self.tr("someone@contoso.com"))
        self.recipient.setAccessibleName(self.tr("Recipient of the test message"))
        self.roundtrip_box.setTitle(self.tr("Proof of delivery"))
        self.rt_user_label.setText(self.tr("Mailbox &login:"))
        self.rt_user.setAccessibleName(self.tr("Login of the recipient's mailbox"))
        self.rt_password_label.setText(self.tr("Ma&ilbox password:"))
        self.rt_password.setAccessibleName(self.tr("Password of the recipient's mailbox"))
        self.wait_label.setText(self.tr("Wai&t at most:"))
        self.wait.setSuffix(self.tr(" s"))
        self.wait.setAccessibleName(self.tr("Seconds to wait for the message"))
        self.delete_after.setText(self.tr("&Delete the test message once found"))
        self._update_advice()
        self._input_changed()
