"""The first start on an empty database: the unit's name, the secretary, and the demo."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from lianzheng_desktop.core.records import UnitProfile
from lianzheng_desktop.qt.buttons import accept_cancel


class FirstStartDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("欢迎使用廉政台账")
        self.setMinimumWidth(460)
        intro = QLabel("首次使用，请填写单位信息（以后可在“设置”中修改）。")
        intro.setWordWrap(True)
        self.unit_name = QLineEdit()
        self.unit_name.setPlaceholderText("如：县总工会")
        self.org_name = QLineEdit()
        self.org_name.setPlaceholderText("如：县总工会机关党支部")
        self.secretary = QLineEdit()
        self.secretary.setPlaceholderText("书记姓名")
        self.load_demo = QCheckBox("先装入示范数据（2022年县总工会机"
                                   "关党支部），熟悉软件后可换用新数据文件")
        self.load_demo.setStyleSheet("margin-top: 8px;")
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
        layout.addWidget(buttons)

    def profile(self) -> UnitProfile:
        org = self.org_name.text().strip()
        unit = self.unit_name.text().strip()
        return UnitProfile(unit, org or (f"{unit}机关党支部" if unit else ""),
                           self.secretary.text().strip())
