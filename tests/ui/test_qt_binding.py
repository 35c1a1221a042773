"""The Qt binding itself keeps Python's reference counts. PySide6 6.12.0 dropped a reference
to ``True`` on every ``Signal.emit()``; a long session (or the UI suite) ran the count down
and the interpreter aborted at exit with "Fatal Python error: bool_dealloc". The pinned
version must not do that."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    flag = Signal(bool)
    number = Signal(int)


def test_emitting_a_signal_keeps_the_reference_counts_of_true_and_false(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.flag.connect(received.append)
    emitter.number.connect(received.append)
    box = QCheckBox()
    qtbot.addWidget(box)
    box.toggled.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.number.emit(7)
        box.toggle()
    received.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after == before
