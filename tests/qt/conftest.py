from datetime import date

import pytest

from lianzheng_desktop.paths import AppPaths

DEMO_TODAY = date(2022, 9, 30)


@pytest.fixture
def paths(tmp_path):
    return AppPaths(tmp_path / "lianzheng.db")


@pytest.fixture
def answer_yes(monkeypatch):
    """Every confirmation question is answered 是."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown
