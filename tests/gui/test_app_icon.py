"""The app icon comes from its files (resources/icons), which the window, the packages'
hicolor theme and the report share; the files hold what ui/icons.py draws."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from ui.icons import APP_ICON_SIZES, app_icon, app_icon_file, draw_app_icon
from ui.pages.common import ErrorLabel, hint_label


def _difference(a: QImage, b: QImage) -> float:
    """The mean difference per channel (0–255) of two images of one size."""
    a = a.convertToFormat(QImage.Format.Format_RGBA8888)
    b = b.convertToFormat(QImage.Format.Format_RGBA8888)
    left, right = bytes(a.constBits()), bytes(b.constBits())
    assert len(left) == len(right)
    return sum(abs(x - y) for x, y in zip(left, right, strict=True)) / len(left)


def test_every_size_has_its_file_and_it_holds_the_drawing(qapp: QApplication) -> None:
    for size in APP_ICON_SIZES:
        path = app_icon_file(size)
        assert path.is_file(), f"{path} is missing: run `python -m ui.icons`"
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        # Antialiasing may differ by a shade between Qt releases; a changed drawing differs
        # by far more (the files are then written again with `python -m ui.icons`).
        assert _difference(image, draw_app_icon(size)) < 2.0, f"{path} is not the drawing"


def test_the_probe_sees_a_different_drawing(qapp: QApplication) -> None:
    image = QImage(str(app_icon_file(48)))
    blank = QImage(48, 48, QImage.Format.Format_RGBA8888)
    blank.fill(0)
    assert _difference(image, blank) > 10


def test_the_window_icon_is_read_from_the_files(qapp: QApplication) -> None:
    sizes = {size.width() for size in app_icon().availableSizes()}
    assert set(APP_ICON_SIZES) <= sizes
    assert not app_icon().pixmap(QSize(32, 32)).isNull()


def test_labels_that_carry_data_show_markup_as_it_is(qapp: QApplication) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QWidget

    parent = QWidget()
    field = QLineEdit(parent)
    field.setObjectName("field")
    for label in (hint_label(parent), ErrorLabel(field, parent)):
        label.setText("<b>lab error</b> <img src=x>")
        assert label.textFormat() == Qt.TextFormat.PlainText
    error = ErrorLabel(field, parent)
    error.show_error("<i>not italic</i>")
    assert error.textFormat() == Qt.TextFormat.PlainText
    assert error.message == "<i>not italic</i>"
