"""Importing a plan over the year's plan: say what would go before anything goes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from lianzheng_desktop.core.plan import Requirement
from lianzheng_desktop.core.requirement_pairs import Replacement

SHOWN = 5  # requirements named one by one; the rest counted
SHOWN_CHANGES = 20  # changed ones: each is asked about, so named up to a long list


def _listed(requirements: list[Requirement]) -> str:
    lines = [f"  · [{r.item}] {r.text[:40]}" for r in requirements[:SHOWN]]
    if len(requirements) > SHOWN:
        lines.append(f"  ……等 {len(requirements)} 项")
    return "\n".join(lines)


def _listed_changes(changes: list[tuple[Requirement, Requirement]]) -> str:
    """"[13] 班子成员每半年… → [14] 班子成员每季度…": the requirement as it was and is, every
    one (her own change hidden behind "……等 7 项" could not be checked, revyear3 H1)."""
    lines = []
    for earlier, new in changes[:SHOWN_CHANGES]:
        if (new.item, new.text) != (earlier.item, earlier.text):
            # what each asks too: the words may not say it — hers raised to 6, the old
            # words say 4 (revloss3 M-1: "4次 → 5次" hid that her 6 drops to 5)
            lines.append(f"  · [{earlier.item}] {earlier.text[:40]}（现为：{earlier.describe()}）")
            lines.append(f"      改为：[{new.item}] {new.text[:40]}（{new.describe()}）")
        else:  # the same words, read otherwise: what it counts, was and is
            lines.append(f"  · [{earlier.item}] {earlier.text[:40]}")
            lines.append(f"      原为：{_said(earlier)}")
            lines.append(f"      改为：{_said(new)}")
    if len(changes) > SHOWN_CHANGES:
        lines.append(f"  ……另有 {len(changes) - SHOWN_CHANGES} 项")
    return "\n".join(lines)


def _said(requirement: Requirement) -> str:
    """What it asks and counts, and who must do it: enough to tell two readings apart
    ("原为" and "改为" printed the same words for a change of types or role: revdiff6 12)."""
    counts = requirement.counts
    counted = f"；计入{counts.describe()}" if counts else ""
    role = requirement.role.label if requirement.role else "未写明"
    return f"{requirement.describe()}{counted}；责任主体：{role}"


def added_text(replacing: Replacement) -> str:
    return (f"导入的工作要点新增了 {len(replacing.added)} 项要求：\n{_listed(replacing.added)}"
            if replacing.added else "")


def replacement_text(year: int, replacing: Replacement) -> str:
    parts = [f"{year}年度计划已存在。用导入的内容替换它："]
    if replacing.removed:
        parts.append(f"导入的工作要点里已没有现有计划中的 {len(replacing.removed)} 项要求：\n"
                     f"{_listed(replacing.removed)}")
        if replacing.links_removed:
            parts.append(f"有 {replacing.links_removed} 条台账记录在“计入要求”中指定计入了这些"
                         "要求；去掉这些要求，这些指定也随之取消（记录本身不受影响）。")
    if replacing.her_changes:
        parts.append(f"导入的工作要点改动了 {len(replacing.her_changes)} 项要求的周期、次数或计入的"
                     f"记录，将以导入的为准（手工标记、备注和“计入要求”的指定随之保留）：\n"
                     f"{_listed_changes(replacing.her_changes)}")
    if replacing.reread:
        why = "软件现在的读法与导入时不同" if replacing.told_apart else \
            "软件现在的读法与导入时不同，或此前在软件中修改过这项要求"
        parts.append(f"另有 {len(replacing.reread)} 项要求的原文没有改动，但与年度计划中现有的"
                     f"不同（{why}）；替换后以导入的读法为准，已有的检查结果可能随之变化：\n"
                     f"{_listed_changes(replacing.reread)}")
    if replacing.hers:
        parts.append(f"{len(replacing.hers)} 项要求此前在软件中修改过，导入的工作要点中原文没有"
                     f"改动，照常保留您的修改：\n{_listed([new for _, new in replacing.hers])}")
    if replacing.added:
        parts.append(added_text(replacing))
    if replacing.by_hand:
        parts.append(f"手工新增的 {len(replacing.by_hand)} 项要求不在工作要点里，照常保留在计划"
                     f"末尾：\n{_listed(replacing.by_hand)}")
    if replacing.unread:
        parts.append(f"{len(replacing.unread)} 项要求在导入的工作要点里仍有、软件未能读出（是此前"
                     f"手工补充的），照常保留在计划末尾：\n{_listed(replacing.unread)}")
    parts.append("其余要求的手工标记“已完成”、备注和“计入要求”的指定都会保留。")
    return "\n\n".join(parts)


def ask_to_replace(parent: QWidget, year: int, replacing: Replacement) -> set[int] | None:
    """None: leave the plan as it is; else the ids of the earlier requirements the import
    lacks that stay: those added by hand, and those it left out if the secretary says so."""
    by_hand = {r.id for r in replacing.kept if r.id is not None}
    if not replacing.loses_anything:
        new = added_text(replacing)
        answer = QMessageBox.question(parent, "替换已有计划",
                                      f"{year}年度计划已存在，用导入的内容替换它吗？"
                                      + ("手工新增的要求照常保留。" if by_hand else "")
                                      + (f"此前在软件中修改过的 {len(replacing.hers)} 项要求"
                                         "（原文未改）照常保留您的修改。" if replacing.hers else "")
                                      + (f"\n\n{new}" if new else ""))
        return by_hand if answer == QMessageBox.StandardButton.Yes else None
    box = QMessageBox(QMessageBox.Icon.Question, "替换已有计划",
                      replacement_text(year, replacing), parent=parent)
    replace = box.addButton("替换，去掉这些要求" if replacing.removed else "替换",
                            QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("替换，这些要求也保留", QMessageBox.ButtonRole.ActionRole) \
        if replacing.removed else None
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(replace)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if keep is not None and clicked is keep:
        return by_hand | {r.id for r in replacing.removed if r.id is not None}
    return by_hand if clicked is replace else None
