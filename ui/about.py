"""About: the app's name, its version and a line on what it is, from a button on Welcome.

The version is `assistant.__version__`, which packaging/connectivity_assistant.spec refuses
to build unless it equals pyproject.toml's (tests/packaging/test_identity.py checks it
too), so the About box, `--version`, the reports and the packages say the same.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from assistant import __version__
from ui.i18n import fmt
from ui.icons import app_icon


class AboutButton(QPushButton):
    """A flat button; the box it opens is window-modal and does not block (tests read
    `dialog`)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aboutButton")
        self.setFlat(True)
        self.dialog: QMessageBox | None = None
        self.clicked.connect(self.show_about)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("&About…"))
        self.setToolTip(self.tr("The version and what this app is"))

    def about_text(self) -> str:
        return fmt(
            self.tr(
                "<p><b>Connectivity Assistant</b><br>Version %1</p>"
                "<p>Finds out why mail clients, apps and servers cannot reach Exchange "
                "Online or Exchange Server, and says what to change.</p>"
            ),
            __version__,
        )

    def show_about(self) -> None:
        if self.dialog is None:
            self.dialog = QMessageBox(self.window())
            self.dialog.setObjectName("aboutBox")
            self.dialog.setStandardButtons(QMessageBox.StandardButton.Ok)
            self.dialog.setIconPixmap(app_icon().pixmap(64, 64))
        self.dialog.setWindowTitle(self.tr("About Connectivity Assistant"))
        self.dialog.setText(self.about_text())
        self.dialog.open()
