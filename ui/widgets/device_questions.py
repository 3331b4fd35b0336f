"""The Relay page's questionnaire: what the device (printer, scanner, application) can do,
each answer "Yes", "No" or "Don't know", and roughly how many messages a day. It gives the
engine's DeviceProfile (assistant/relay_plan.py), where None is "don't know"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from assistant.relay_plan import DeviceProfile

# DeviceProfile's yes/no fields, in the order they are asked.
QUESTIONS = ("authenticates", "oauth", "tls12", "internal_only", "fixed_ip", "certificate")
MAX_PER_DAY = 10_000_000


class DeviceQuestions(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceQuestions")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        # Questions on one line each (wrapped labels in a form get clipped), answers at
        # their own width: a short list to read down, in any language.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.answers: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        for name in QUESTIONS:
            combo = QComboBox(self)
            combo.setObjectName(f"device_{name}")
            for value in (None, True, False):
                combo.addItem("", value)
            combo.currentIndexChanged.connect(self.changed)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            label = QLabel(self)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.answers[name] = combo
            self.labels[name] = label
        self.volume = QSpinBox(self)
        self.volume.setObjectName("device_messages_per_day")
        self.volume.setRange(0, MAX_PER_DAY)  # 0 shows "Don't know"
        self.volume.setSingleStep(100)
        self.volume.valueChanged.connect(self.changed)
        self.volume.setMinimumWidth(self.volume.fontMetrics().horizontalAdvance("0" * 12))
        self.volume_label = QLabel(self)
        self.volume_label.setBuddy(self.volume)
        form.addRow(self.volume_label, self.volume)
        self.retranslate()

    def profile(self) -> DeviceProfile:
        answers: dict[str, object] = {n: c.currentData() for n, c in self.answers.items()}
        volume = self.volume.value()
        return DeviceProfile(
            authenticates=_answer(answers["authenticates"]),
            oauth=_answer(answers["oauth"]),
            tls12=_answer(answers["tls12"]),
            internal_only=_answer(answers["internal_only"]),
            fixed_ip=_answer(answers["fixed_ip"]),
            certificate=_answer(answers["certificate"]),
            messages_per_day=volume or None,
        )

    def set_profile(self, profile: DeviceProfile | dict[str, object]) -> None:
        """From a DeviceProfile or its to_dict() (the remembered answers)."""
        values = profile.to_dict() if isinstance(profile, DeviceProfile) else profile
        for name, combo in self.answers.items():
            wanted = values.get(name)
            index = combo.findData(wanted) if isinstance(wanted, bool) else 0
            combo.setCurrentIndex(max(index, 0))
        volume = values.get("messages_per_day")
        ok = isinstance(volume, int) and not isinstance(volume, bool)
        self.volume.setValue(
            min(max(volume, 0), MAX_PER_DAY) if isinstance(volume, int) and ok else 0
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        questions = {
            "authenticates": self.tr("Can it sign in with a user name and password (SMTP AUTH)?"),
            "oauth": self.tr("Can it sign in with OAuth 2.0 (modern authentication)?"),
            "tls12": self.tr("Does it support TLS 1.2 or later?"),
            "internal_only": self.tr("Does it send only to your organisation's own mailboxes?"),
            "fixed_ip": self.tr("Does it send from a fixed public IP address?"),
            "certificate": self.tr("Can it present a TLS client certificate?"),
        }
        names = (self.tr("Don't know"), self.tr("Yes"), self.tr("No"))
        for name, combo in self.answers.items():
            for index, text in enumerate(names):
                combo.setItemText(index, text)
            self.labels[name].setText(questions[name])
            combo.setAccessibleName(questions[name])
        self.volume_label.setText(self.tr("Roughly how many messages a day?"))
        self.volume.setSpecialValueText(self.tr("Don't know"))
        self.volume.setAccessibleName(self.tr("Messages a day"))


def _answer(value: object) -> bool | None:
    return value if isinstance(value, bool) else None
