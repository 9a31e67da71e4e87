"""Importing a plan over the year's plan: say what would go before anything goes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.storage.plans import Replacement

SHOWN = 5  # requirements named one by one; the rest counted


def _listed(requirements: list[Requirement]) -> str:
    lines = [f"  · [{r.item}] {r.text[:40]}" for r in requirements[:SHOWN]]
    if len(requirements) > SHOWN:
        lines.append(f"  ……等 {len(requirements)} 项")
    return "\n".join(lines)


def replacement_text(year: int, replacing: Replacement) -> str:
    parts = [f"{year}年度计划已存在。用导入的内容替换它："]
    if replacing.dropped:
        parts.append(f"现有计划中有 {len(replacing.dropped)} 项要求是导入的工作要点里没有的"
                     f"（手工新增的，或文字已改过）：\n{_listed(replacing.dropped)}")
        if replacing.links_dropped:
            parts.append(f"有 {replacing.links_dropped} 条台账记录在“计入要求”中指定计入了这些"
                         "要求；不保留这些要求，这些指定也随之取消。")
    if replacing.changed:
        parts.append(f"{len(replacing.changed)} 项要求的周期、次数或计入的记录与现有计划不同，"
                     f"将以导入的为准：\n{_listed(replacing.changed)}")
    parts.append("要求文字未变的，手工标记“已完成”、备注和“计入要求”的指定都会保留。")
    return "\n\n".join(parts)


def ask_to_replace(parent: QWidget, year: int, replacing: Replacement) -> bool | None:
    """None: leave the plan as it is; True: replace and keep the requirements the import
    lacks; False: replace with the import alone."""
    if not replacing.loses_anything:
        answer = QMessageBox.question(parent, "替换已有计划",
                                      f"{year}年度计划已存在，用导入的内容替换它吗？")
        return False if answer == QMessageBox.StandardButton.Yes else None
    box = QMessageBox(QMessageBox.Icon.Question, "替换已有计划",
                      replacement_text(year, replacing), parent=parent)
    keep = box.addButton("替换，保留这些要求", QMessageBox.ButtonRole.AcceptRole) \
        if replacing.dropped else None
    alone = box.addButton("替换，不保留" if replacing.dropped else "替换",
                          QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep or cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if keep is not None and clicked is keep:
        return True
    return False if clicked is alone else None
