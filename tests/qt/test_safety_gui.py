import pytest
from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.core.ledgers import TALK, to_values
from lianzheng_desktop.qt.backup_actions import backup_to, check_data
from lianzheng_desktop.qt.history_dialog import HistoryDialog

pytestmark = pytest.mark.gui


def test_history_shows_each_change_field_by_field(qtbot, demo_store):
    talk = demo_store.list("talk")[0]
    demo_store.update("talk", talk.id, {**to_values(TALK, talk), "summary": "补充要点"})
    dialog = HistoryDialog(demo_store, "talk", talk.id)
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == \
        ["新建", "修改"]
    change = tree.topLevelItem(1).child(0)
    assert (change.text(2), change.text(4)) == ("内容摘要", "补充要点")


def test_backup_and_check_from_the_menu(qtbot, demo_store, paths, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    path = backup_to(None, demo_store, paths, str(tmp_path / "usb"))
    assert path is not None and path.exists() and "已备份到" in shown[-1]
    assert check_data(None, demo_store) == []
    assert "数据文件完好" in shown[-1]
