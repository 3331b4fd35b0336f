"""The Relay page's "methods to try": one tick per way of sending (RelayMethod); the High
Volume Email account and its password while HVE is ticked; the client certificate file
while the connector is ticked. The password lives in the field and in the run's plan
only (never in the settings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.relay_plan import HveAccount, RelayMethod
from ui.i18n import fmt
from ui.pages.common import ErrorLabel

DEFAULT_METHODS = (RelayMethod.SUBMISSION, RelayMethod.DIRECT, RelayMethod.CONNECTOR)


class RelayMethods(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayMethods")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form = form
        self.label = QLabel(self)
        self.boxes: dict[RelayMethod, QCheckBox] = {}
        column = QVBoxLayout()
        for method in RelayMethod:
            box = QCheckBox(self)
            box.setObjectName(f"method_{method.value}")
            box.setChecked(method in DEFAULT_METHODS)
            box.toggled.connect(self._ticks_changed)
            self.boxes[method] = box
            column.addWidget(box)
        form.addRow(self.label, column)
        self.hve_user = self._line("hveAccount")
        self.hve_password = self._line("hvePassword")
        self.hve_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.hve_user_label = QLabel(self)
        self.hve_user_label.setBuddy(self.hve_user)
        self.hve_password_label = QLabel(self)
        self.hve_password_label.setBuddy(self.hve_password)
        form.addRow(self.hve_user_label, self.hve_user)
        form.addRow(self.hve_password_label, self.hve_password)
        self.cert = self._line("relayClientCert")
        self.cert_browse = QPushButton(self)
        self.cert_browse.setObjectName("relayClientCertBrowse")
        self.cert_browse.clicked.connect(self._choose_cert)
        self.cert_row = QWidget(self)
        row = QHBoxLayout(self.cert_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cert, 1)
        row.addWidget(self.cert_browse)
        self.cert_label = QLabel(self)
        self.cert_label.setBuddy(self.cert)
        self.cert_error = ErrorLabel(self.cert, self)
        form.addRow(self.cert_label, self.cert_row)
        form.addRow("", self.cert_error)
        self._ticks_changed()
        self.retranslate()

    def _line(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.textChanged.connect(self._input_changed)
        return field

    # -- what was chosen -------------------------------------------------------------------

    def ticked(self, method: RelayMethod) -> bool:
        return self.boxes[method].isChecked()

    def chosen(self) -> tuple[RelayMethod, ...]:
        return tuple(m for m, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, values: list[str]) -> None:
        for method, box in self.boxes.items():
            box.setChecked(method.value in values)

    def hve_account(self) -> HveAccount | None:
        if not self.ticked(RelayMethod.HVE) or not self.hve_user.text().strip():
            return None
        return HveAccount(self.hve_user.text().strip(), self.hve_password.text())

    def client_cert(self) -> str | None:
        path = self.cert.text().strip()
        return path if path and self.ticked(RelayMethod.CONNECTOR) else None

    def cert_problem(self) -> str | None:
        path = self.client_cert()
        if path is not None and not Path(path).is_file():
            return fmt(self.tr("There is no file %1."), path)
        return None

    def is_complete(self) -> bool:
        hve_ok = not self.ticked(RelayMethod.HVE) or bool(
            self.hve_user.text().strip() and self.hve_password.text()
        )
        return bool(self.chosen()) and hve_ok and self.cert_problem() is None

    def forget_secrets(self) -> None:
        self.hve_password.clear()

    # -- reactions -------------------------------------------------------------------------

    def _ticks_changed(self) -> None:
        hve = self.ticked(RelayMethod.HVE)
        self.form.setRowVisible(self.hve_user, hve)
        self.form.setRowVisible(self.hve_password, hve)
        self.form.setRowVisible(self.cert_row, self.ticked(RelayMethod.CONNECTOR))
        self._input_changed()

    def _input_changed(self) -> None:
        problem = self.cert_problem()
        self.cert_error.show_error(problem)
        self.form.setRowVisible(self.cert_error, problem is not None)
        self.changed.emit()

    def _choose_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Client certificate for connector relay"),
            self.cert.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.cert.setText(path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Methods to try:"))
        names = {
            RelayMethod.SUBMISSION: self.tr("SMTP AUTH client submission (port 587)"),
            RelayMethod.DIRECT: self.tr("Direct Send (MX endpoint, port 25, no sign-in)"),
            RelayMethod.CONNECTOR: self.tr("SMTP relay through a connector (port 25)"),
            RelayMethod.HVE: self.tr("High Volume Email (smtp-hve.office365.com)"),
        }
        for method, box in self.boxes.items():
            box.setText(names[method])
            box.setAccessibleName(names[method])
        self.hve_user_label.setText(self.tr("HVE &account:"))
        self.hve_user.setAccessibleName(self.tr("High Volume Email account"))
        self.hve_password_label.setText(self.tr("HVE pass&word:"))
        self.hve_password.setAccessibleName(self.tr("High Volume Email password"))
        self.cert_label.setText(self.tr("Client &certificate:"))
        self.cert.setPlaceholderText(self.tr("optional: a PEM file with the key"))
        self.cert.setAccessibleName(self.tr("Client certificate file for connector relay"))
        self.cert_browse.setText(self.tr("Br&owse…"))
        self.cert_browse.setAccessibleName(self.tr("Choose the client certificate file"))
        self._input_changed()
