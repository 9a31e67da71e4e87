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


class ModalDialogError(AssertionError):
    pass


@pytest.fixture(autouse=False)
def no_unexpected_modal_dialog(monkeypatch):
    """A test fails if a modal dialog opens that it did not expect (and answer itself, by
    patching the call): unattended, such a dialog would wait for ever.

    Tests that expect a dialog patch it after this fixture has run (``answer_yes``, or a
    test's own ``monkeypatch``), which takes precedence.
    """
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    opened = []

    def refuse(what):
        def call(*args, **kwargs):
            texts = [a for a in args if isinstance(a, str)]
            opened.append(f"{what}: {' / '.join(texts)}")
            raise ModalDialogError(f"an unexpected modal dialog opened: {opened[-1]}")
        return call

    for name in ("question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse(f"QMessageBox.{name}")))
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse(f"QFileDialog.{name}")))
    for name in ("getInt", "getText", "getItem"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse(f"QInputDialog.{name}")))

    def exec_(dialog, *args):
        return refuse(f"{type(dialog).__name__}.exec")(dialog.windowTitle())

    monkeypatch.setattr(QDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    yield opened
    assert not opened, f"unexpected modal dialogs: {opened}"
