"""What a record is called (谈话记录, 整改事项, 人员), and the question before 删除, which names
it as the secretary knows it (a talk by its people)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.core.ledgers import LedgerSpec
from lianzheng_desktop.core.records import Record

# What one record is called in a title: 新增谈话记录, 修改整改事项, 新增人员.
NOUNS = {"roster": "人员", "rectification": "整改事项"}


def record_noun(spec: LedgerSpec) -> str:
    if spec.key in NOUNS:
        return NOUNS[spec.key]
    return spec.label if spec.label.endswith(("记录", "事项")) else spec.label + "记录"


def delete_question(spec: LedgerSpec, record: Record, linked: Sequence[str] = ()) -> str:
    """“确定要删除这条谈话记录吗？” and the record as she knows it: a talk by its people;
    ``linked``: the requirements it was pointed at (计入要求), which lose it (revyear3 H5:
    the one record counted for 第1条 was deleted as the import advised, unsaid)."""
    noun = record_noun(spec)
    noun = noun if noun.endswith(("记录", "事项")) else noun + "记录"
    title = " ".join(str(getattr(record, spec.title_field, "") or "").split())
    when = getattr(record, spec.date_field, None) if spec.date_field else None
    what = f"{when.isoformat() + ' ' if when else ''}{title[:30]}{'…' if len(title) > 30 else ''}"
    if spec.key == "talk":
        talkees = "、".join(getattr(record, "talkees", ()))
        what += f"（谈话人：{getattr(record, 'talker', '')}；谈话对象：{talkees}）"
    counted = (f"\n\n这条记录已在“计入要求”中指定计入：{'；'.join(linked)}。删除后不再计入，"
               "该项的检查结果可能随之改变。") if linked else ""
    return (f"确定要删除这条{noun}吗？\n\n{what}{counted}\n\n"
            "删除后可在“回收站”中找回，直到清空回收站。")


def confirm_delete(parent: QWidget, spec: LedgerSpec, record: Record,
                   linked: Sequence[str] = ()) -> bool:
    answer = QMessageBox.question(
        parent, "确认删除", delete_question(spec, record, linked),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
