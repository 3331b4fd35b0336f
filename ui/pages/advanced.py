"""The Target page's Advanced section: DNS servers, HTTP proxy, CA bundle, connect-to
overrides and deadlines, each parsed by the engine's own parsers; their InputError text
is shown beside the field, in the wizard's language."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.config import (
    ConnectTo,
    HostPort,
    InputError,
    NetworkOptions,
    ProxyAddress,
    parse_nameserver,
    parse_proxy,
)
from ui.pages.common import ErrorLabel
from ui.texts import field_error_text


@dataclass(frozen=True)
class _Fields:
    """The Advanced fields as parsed: each one's error (shown text) or None, and the values."""

    errors: dict[str, str | None]
    nameservers: tuple[HostPort, ...]
    connect_to: tuple[ConnectTo, ...]
    proxy: ProxyAddress | None
    ca_bundle: str | None


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
        rows: list[tuple[QWidget, QWidget | QLayout]] = [
            (self.nameservers, _with_error(self.nameservers, self.errors["nameservers"])),
            (self.proxy, _with_error(self.proxy, self.errors["proxy"])),
            (self.ca_bundle, _with_error(self.ca_bundle, self.errors["ca_bundle"], self.browse)),
            (self.connect_to, _with_error(self.connect_to, self.errors["connect_to"])),
            (self.timeout, _compact(self.timeout)),
            (self.deadline, _with_error(_compact(self.deadline), self.errors["deadline"])),
        ]
        for label, (field, layout) in zip(self.labels, rows, strict=True):
            label.setBuddy(field)
            if isinstance(layout, QLayout):  # addRow's overloads take one or the other
                form.addRow(label, layout)
            else:
                form.addRow(label, layout)
        for line in (self.nameservers, self.proxy, self.ca_bundle):
            line.textChanged.connect(self.changed)
        self.connect_to.textChanged.connect(self.changed)
        self.timeout.valueChanged.connect(self.changed)
        self.deadline.valueChanged.connect(self.changed)
        self.retranslate()

    def options(self) -> NetworkOptions | None:
        """The options, or None after showing what is wrong beside each field."""
        fields = self._parse()
        errors = dict(fields.errors)
        options = None
        if not any(errors.values()):
            try:
                options = NetworkOptions(
                    nameservers=fields.nameservers,
                    connect_to=fields.connect_to,
                    ca_bundle=fields.ca_bundle,
                    http_proxy=str(fields.proxy) if fields.proxy is not None else None,
                    timeout=self.timeout.value(),
                    check_deadline=self.deadline.value(),
                )
            except InputError as exc:
                errors["deadline"] = field_error_text(exc.message)
        for key, label in self.errors.items():
            label.show_error(errors[key])
        return options

    def _parse(self) -> _Fields:
        """Each field through the engine's parser, with its error (shown text) if it failed."""
        errors: dict[str, str | None] = dict.fromkeys(self.errors)
        nameservers = []
        for text in re.split(r"[\s,;]+", self.nameservers.text().strip()):
            if not text:
                continue
            try:
                nameservers.append(parse_nameserver(text))
            except InputError as exc:
                errors["nameservers"] = field_error_text(exc.message)
                break
        rules = []
        for line in self.connect_to.toPlainText().splitlines():
            if not line.strip():
                continue
            try:
                rules.append(ConnectTo.parse(line))
            except InputError as exc:
                errors["connect_to"] = field_error_text(exc.message)
                break
        proxy = None
        proxy_text = self.proxy.text().strip()
        if proxy_text:
            try:
                proxy = parse_proxy(proxy_text)
            except InputError:
                errors["proxy"] = self._proxy_error(proxy_text)
        bundle = self.ca_bundle.text().strip() or None
        if bundle is not None and not os.path.isfile(bundle):
            errors["ca_bundle"] = self.tr("There is no file at this path.")
        return _Fields(errors, tuple(nameservers), tuple(rules), proxy, bundle)

    def _proxy_error(self, text: str) -> str:
        try:
            parts = urlsplit(text if "://" in text else "http://" + text)
        except ValueError:  # e.g. an unclosed [ of an IPv6 address
            return self.tr("Give the proxy as http://host:port")
        if parts.scheme == "https":
            return self.tr(
                "Only http:// proxies are supported; HTTPS still runs end to end through them."
            )
        if "@" in parts.netloc:
            return self.tr(
                "Sign-in to the proxy is not supported: leave out the name and password."
            )
        return self.tr("Give the proxy as http://host:port")

    def values(self) -> dict[str, object]:
        """What may be remembered: each field only as it validated (None: forget it). A
        proxy is kept in its parsed form, which never holds a name or password (issue 11)."""
        fields = self._parse()
        ok = {key: fields.errors[key] is None for key in fields.errors}
        proxy = "" if ok["proxy"] else None  # "": no proxy
        if fields.proxy is not None:
            proxy = str(fields.proxy)
        return {
            "nameservers": self.nameservers.text().strip() if ok["nameservers"] else None,
            "http_proxy": proxy,
            "ca_bundle": self.ca_bundle.text().strip() if ok["ca_bundle"] else None,
            "connect_to": self.connect_to.toPlainText().strip() if ok["connect_to"] else None,
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
            self.tr("&DNS servers:"),
            self.tr("HTTP &proxy:"),
            self.tr("&CA bundle:"),
            self.tr("Connect-to &overrides:"),
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
        self.browse.setText(self.tr("B&rowse…"))
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
