"""The Target page's Advanced section: DNS servers, HTTP proxy, CA bundle, connect-to
overrides and deadlines, each parsed by the engine's own parsers; their InputError text
is shown beside the field, in the wizard's language."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.config import ConnectTo, InputError, NetworkOptions, parse_nameserver, parse_proxy
from ui.pages.common import ErrorLabel
from ui.texts import engine_text


def _compact(spin: QWidget) -> QWidget:
    """A spin box at its own width, not stretched across the form."""
    holder = QWidget(spin.parentWidget())
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000.0 ___") + 24)
    row.addWidget(spin)
    row.addStretch(1)
    return holder


def _with_error(field: QWidget, error: ErrorLabel, extra: QWidget | None = None) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    if extra is None:
        box.addWidget(field)
    else:
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(extra)
        box.addLayout(row)
    box.addWidget(error)
    return box


class AdvancedOptions(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advancedOptions")
        self.nameservers = QLineEdit(self)
        self.nameservers.setObjectName("nameservers")
        self.proxy = QLineEdit(self)
        self.proxy.setObjectName("httpProxy")
        self.ca_bundle = QLineEdit(self)
        self.ca_bundle.setObjectName("caBundle")
        self.browse = QPushButton(self)
        self.browse.setObjectName("browseCaBundle")
        self.browse.clicked.connect(self._browse)
        self.connect_to = QPlainTextEdit(self)
        self.connect_to.setObjectName("connectTo")
        self.connect_to.setTabChangesFocus(True)
        self.connect_to.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.timeout = QDoubleSpinBox(self)
        self.timeout.setObjectName("timeout")
        self.timeout.setRange(0.1, 600.0)
        self.timeout.setDecimals(1)
        self.timeout.setValue(10.0)
        self.deadline = QDoubleSpinBox(self)
        self.deadline.setObjectName("checkDeadline")
        self.deadline.setRange(1.0, 3600.0)
        self.deadline.setDecimals(0)
        self.deadline.setValue(60.0)
        self.errors = {
            "nameservers": ErrorLabel(self.nameservers, self),
            "proxy": ErrorLabel(self.proxy, self),
            "ca_bundle": ErrorLabel(self.ca_bundle, self),
            "connect_to": ErrorLabel(self.connect_to, self),
            "deadline": ErrorLabel(self.deadline, self),
        }
        self.labels = [QLabel(self) for _ in range(6)]
        form = QFormLayout(self)
        form.setContentsMargins(20, 4, 0, 0)  # indented: it belongs to the toggle above
        rows = [
            (self.nameservers, _with_error(self.nameservers, self.errors["nameservers"])),
            (self.proxy, _with_error(self.proxy, self.errors["proxy"])),
            (self.ca_bundle, _with_error(self.ca_bundle, self.errors["ca_bundle"], self.browse)),
            (self.connect_to, _with_error(self.connect_to, self.errors["connect_to"])),
            (self.timeout, _compact(self.timeout)),
            (self.deadline, _with_error(_compact(self.deadline), self.errors["deadline"])),
        ]
        for label, (field, layout) in zip(self.labels, rows, strict=True):
            label.setBuddy(field)
            form.addRow(label, layout)
        for line in (self.nameservers, self.proxy, self.ca_bundle):
            line.textChanged.connect(self.changed)
        self.connect_to.textChanged.connect(self.changed)
        self.timeout.valueChanged.connect(self.changed)
        self.deadline.valueChanged.connect(self.changed)
        self.retranslate()

    def options(self) -> NetworkOptions | None:
        """The options, or None after showing what is wrong beside each field."""
        errors: dict[str, str | None] = dict.fromkeys(self.errors)
        nameservers = []
        for text in re.split(r"[\s,;]+", self.nameservers.text().strip()):
            if not text:
                continue
            try:
                nameservers.append(parse_nameserver(text))
            except InputError as exc:
                errors["nameservers"] = engine_text(exc.message)
                break
        rules = []
        for line in self.connect_to.toPlainText().splitlines():
            if not line.strip():
                continue
            try:
                rules.append(ConnectTo.parse(line))
            except InputError as exc:
                errors["connect_to"] = engine_text(exc.message)
                break
        proxy = self.proxy.text().strip() or None
        if proxy is not None:
            errors["proxy"] = self._proxy_error(proxy)
        bundle = self.ca_bundle.text().strip() or None
        if bundle is not None and not os.path.isfile(bundle):
            errors["ca_bundle"] = self.tr("There is no file at this path.")
        options = None
        if not any(errors.values()):
            try:
                options = NetworkOptions(
                    nameservers=tuple(nameservers),
                    connect_to=tuple(rules),
                    ca_bundle=bundle,
                    http_proxy=proxy,
                    timeout=self.timeout.value(),
                    check_deadline=self.deadline.value(),
                )
            except InputError as exc:
                errors["deadline"] = engine_text(exc.message)
        for key, label in self.errors.items():
            label.show_error(errors[key])
        return options

    def _proxy_error(self, text: str) -> str | None:
        try:
            parse_proxy(text)
        except InputError:
            parts = urlsplit(text if "://" in text else "http://" + text)
            if parts.scheme == "https":
                return self.tr(
                    "Only http:// proxies are supported; HTTPS still runs end to end through them."
                )
            if "@" in parts.netloc:
                return self.tr(
                    "Sign-in to the proxy is not supported: leave out the name and password."
                )
            return self.tr("Give the proxy as http://host:port")
        return None

    def values(self) -> dict[str, object]:
        return {
            "nameservers": self.nameservers.text().strip(),
            "http_proxy": self.proxy.text().strip(),
            "ca_bundle": self.ca_bundle.text().strip(),
            "connect_to": self.connect_to.toPlainText().strip(),
            "timeout": self.timeout.value(),
            "check_deadline": self.deadline.value(),
        }

    def load(self, values: dict[str, object]) -> None:
        self.nameservers.setText(str(values.get("nameservers") or ""))
        self.proxy.setText(str(values.get("http_proxy") or ""))
        self.ca_bundle.setText(str(values.get("ca_bundle") or ""))
        self.connect_to.setPlainText(str(values.get("connect_to") or ""))
        timeout, deadline = values.get("timeout"), values.get("check_deadline")
        if isinstance(timeout, int | float):
            self.timeout.setValue(float(timeout))
        if isinstance(deadline, int | float):
            self.deadline.setValue(float(deadline))

    def fill(self, options: NetworkOptions) -> None:
        self.load(
            {
                "nameservers": " ".join(str(n) for n in options.nameservers),
                "http_proxy": options.http_proxy or "",
                "ca_bundle": options.ca_bundle or "",
                "connect_to": "\n".join(str(c) for c in options.connect_to),
                "timeout": options.timeout,
                "check_deadline": options.check_deadline,
            }
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA bundle"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_bundle.setText(path)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        texts = [
            self.tr("DNS &servers:"),
            self.tr("HTTP &proxy:"),
            self.tr("C&A bundle:"),
            self.tr("Connect-&to overrides:"),
            self.tr("&Timeout per operation:"),
            self.tr("Deadline per chec&k:"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.nameservers.setPlaceholderText(
            self.tr("system resolvers; or e.g. 192.0.2.53, 192.0.2.54:5353")
        )
        self.proxy.setPlaceholderText(self.tr("none; or e.g. http://proxy.contoso.com:8080"))
        self.ca_bundle.setPlaceholderText(self.tr("the system's trusted CAs"))
        self.connect_to.setPlaceholderText(
            self.tr("one per line: HOST:PORT:HOST2:PORT2, e.g. mail.contoso.com:443:10.0.0.5:443")
        )
        self.browse.setText(self.tr("&Browse…"))
        self.timeout.setSuffix(self.tr(" s"))
        self.deadline.setSuffix(self.tr(" s"))
        names = [
            (self.nameservers, self.tr("DNS servers")),
            (self.proxy, self.tr("HTTP proxy")),
            (self.ca_bundle, self.tr("CA bundle file")),
            (self.browse, self.tr("Browse for a CA bundle file")),
            (self.connect_to, self.tr("Connect-to overrides")),
            (self.timeout, self.tr("Timeout per network operation, in seconds")),
            (self.deadline, self.tr("Deadline per check, in seconds")),
        ]
        for widget, name in names:
            widget.setAccessibleName(name)
        if any(label.message for label in self.errors.values()):
            self.options()  # shows the errors again, in the new language
