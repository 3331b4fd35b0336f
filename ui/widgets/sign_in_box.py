"""What the two sign-in boxes on the Run page share (device code, browser): a framed
panel with a bold heading, word-wrapped instructions and the sign-in address as a link
that opens only when clicked. Texts stay with each box (its own translation context)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QFrame, QLabel, QWidget


class SignInBox(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None, *, selectable: bool) -> None:
        """`name` prefixes the object names (deviceCode, browserSignIn) tests and
        accessibility tools find the parts by."""
        super().__init__(parent)
        self.setObjectName(f"{name}Box")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.check_id: str | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName(f"{name}Heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.instructions = QLabel(self)
        self.instructions.setObjectName(f"{name}Instructions")
        self.instructions.setWordWrap(True)
        self.url_label = QLabel(self)
        self.url = QLabel(self)
        self.url.setObjectName(f"{name}Url")
        self.url.setTextFormat(Qt.TextFormat.RichText)
        self.url.setOpenExternalLinks(False)
        flags = (
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        if selectable:
            flags |= Qt.TextInteractionFlag.TextSelectableByMouse
        self.url.setTextInteractionFlags(flags)
        self.url.linkActivated.connect(self.open_url)
        self.url_label.setBuddy(self.url)

    def show_link(self, url: str, shown: str) -> None:
        """The address as a link: `url` behind it (and for screen readers), `shown` on it."""
        # Fully encoded, the link holds no quote or angle bracket; the text is escaped.
        link = QUrl(url).toString(QUrl.ComponentFormattingOption.FullyEncoded)
        self.url.setText(f'<a href="{link}">{escape(shown)}</a>')
        self.url.setAccessibleName(url)

    def open_url(self, link: str) -> None:  # pragma: no cover - each box opens its own way
        raise NotImplementedError
