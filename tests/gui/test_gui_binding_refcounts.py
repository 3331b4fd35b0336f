"""The Qt binding must not eat references to None.

PySide6-Essentials 6.12.0 on CPython 3.11 (where None is not yet immortal) returns None
from every void method without taking a reference: each QLabel.setText() costs None one
reference, and once they are gone the interpreter aborts ("Fatal Python error:
none_dealloc"). The Run page's clock alone makes a few such calls five times a second, so
the wizard dies after a long run; the GUI test suite died at exit. 6.11.3 is sound."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_nones_reference_count(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("")
        label.setVisible(False)
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding dropped {lost} references to None in 2,000 calls"
