"""The first start on an empty database: the unit's name, the secretary, and the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.paths import DEMO_FILE_NAME, AppPaths
from lianzheng_desktop.qt.buttons import accept_cancel


class FirstStartDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("欢迎使用廉政台账")
        self.setMinimumWidth(460)
        intro = QLabel("首次使用，请填写单位信息（以后可在“设置”中修改）。填好后，请先在“人员名册”"
                       "中录入支部的班子成员和党员（书记会自动加入名册），再在“年度计划”中导入"
                       "本年度的工作要点，然后就可以录入台账了。")
        intro.setWordWrap(True)
        self.unit_name = QLineEdit()
        self.unit_name.setPlaceholderText("单位全称，如：××县总工会、××镇中心小学")
        self.org_name = QLineEdit()
        self.org_name.setPlaceholderText("如：××县总工会机关党支部、××镇中心小学党支部")
        self.secretary = QLineEdit()
        self.secretary.setPlaceholderText("书记姓名")
        self.load_demo = QCheckBox("先看示范数据（2022年县总工会机关党支部）")
        self.load_demo.setStyleSheet("margin-top: 8px;")
        demo_note = QLabel("示范数据另存为“示范数据.db”，不会放进您自己的数据文件。熟悉软件后，"
                           "可从“文件 → 最近打开”回到自己的数据文件。")
        demo_note.setWordWrap(True)
        demo_note.setStyleSheet("color: #555; margin-left: 22px;")
        form = QFormLayout()
        form.addRow("单位名称", self.unit_name)
        form.addRow("党组织名称", self.org_name)
        form.addRow("书记姓名", self.secretary)
        buttons = accept_cancel("开始使用", "稍后填写")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.load_demo)
        layout.addWidget(demo_note)
        layout.addWidget(buttons)

    def profile(self) -> UnitProfile:
        org = self.org_name.text().strip()
        unit = self.unit_name.text().strip()
        return UnitProfile(unit, org or (f"{unit}机关党支部" if unit else ""),
                           self.secretary.text().strip())


def _secretary_on_roster(store, name: str) -> None:
    """The 书记 named at the first start is on the roster too (typed once, not twice)."""
    if not name or name in store.roster_names():
        return
    try:
        store.add("roster", {"name": name, "role": vocab.ROLE_SECRETARY, "active": "是"})
    except UserError as exc:  # e.g. not a name the roster takes: said, the start goes on
        QMessageBox.warning(None, "未能加入人员名册", str(exc))


def demo_path(paths: AppPaths) -> Path:
    """The demo's own data file, beside the user's (never the user's own file)."""
    return paths.data_dir / DEMO_FILE_NAME


def run_first_start(store, paths: AppPaths, recent=None) -> Path | None:
    """The welcome dialog on an empty data file. The unit's details go into this file;
    the demo goes into a file of its own, whose path is returned for the window to open
    instead (None: stay on this file). This file goes into 最近打开 (``recent``: the
    user's list by default), so the user can come back to it from the demo."""
    dialog = FirstStartDialog()
    accepted = dialog.exec()
    profile = dialog.profile()
    if not profile.is_empty:  # typed, then 稍后填写 or Esc: kept all the same
        store.save_profile(profile)
        _secretary_on_roster(store, profile.secretary_name)
        if profile.names_another_unit:
            from lianzheng_desktop.storage.builtin_plan import drop_builtin_plan

            drop_builtin_plan(store)  # the trade union's plan is not another unit's
    if not accepted or not dialog.load_demo.isChecked():
        return None
    try:
        demo = prepare_demo(paths)
    except UserError as exc:  # e.g. the demo file is open in another window
        QMessageBox.warning(None, "无法打开示范数据", str(exc))
        return None
    if recent is None:
        from lianzheng_desktop.qt.data_files import RecentFiles, recent_settings

        recent = RecentFiles(recent_settings())
    recent.add(paths.db_path)
    return demo


def prepare_demo(paths: AppPaths) -> Path:
    """Write the demo into ``示范数据.db`` beside the data (once: a demo file that already
    holds records is left as it is) and return its path."""
    from lianzheng_desktop.app.session import fill_demo_file

    return fill_demo_file(demo_path(paths), paths)
