"""年度计划's import: a plan document read, checked (核对导入的年度工作要点) and saved; 按原文
重新读取; going on from a check cut short. Mixed into ``PlanPage``."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Plan
from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
from lianzheng_desktop.storage import plan_check, plans


class PlanImport:
    """The import half of a ``PlanPage`` (its ``_store``, ``year``, ``_today``)."""

    def _on_import(self, year: int | None = None) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择年度工作要点", "",
                                              "工作要点 (*.txt *.docx);;所有文件 (*)")
        if name:
            self.import_file(Path(name), year)

    def import_file(self, path: Path, year: int | None = None) -> bool:
        """Read, check and save a plan; ``year``: the year it was asked for (首页's offer
        for a year without a plan), else the year the text names, else this year."""
        from lianzheng_desktop.interchange.plan_files import read_plan_file

        try:
            text = read_plan_file(path)
        except UserError as exc:
            QMessageBox.warning(self, "无法导入", str(exc))
            return False
        return self.import_text(text, year)

    def _on_reread(self) -> None:
        """按原文重新读取: the year's plan read again from the text it was imported from, by
        the reader as it is now (it may read some requirements better than it did then);
        shown for checking, and saved as an import is, keeping the marks and links."""
        year = self.year.currentData()
        text = plans.source_text(self._store, year) if year else ""
        if not text.strip():
            QMessageBox.information(
                self, "没有原文", f"{year or '所选'}年度计划没有保存导入时的原文（手工新建或沿用"
                "上一年的计划），无法重新读取；可用“导入年度工作要点…”重新导入文件。")
            return
        self.import_text(text, year)

    def import_text(self, text: str, year: int | None = None, go_on: bool = False) -> bool:
        """Parse, check (DraftDialog) and save a plan's text; see ``import_file``.
        ``go_on``: from the corrections of a check of it cut short, without asking."""
        try:
            draft = plans.read_plan(self._store, text, names_for=year)
        except UserError as exc:
            QMessageBox.warning(self, "无法导入", str(exc))
            return False
        from lianzheng_desktop.storage.plan_reading import fingerprint

        reading = fingerprint(draft.requirements)  # as read, before the secretary's changes
        earlier = plan_check.find(self._store, text) if go_on else self._earlier_check(text)
        if earlier is not None:  # the corrections of a check cut short: go on from them
            draft.requirements, year = list(earlier.requirements), earlier.year
        dialog = DraftDialog(draft, self, self._types(), year or draft.year or self._today.year,
                             keep=partial(plan_check.save, self._store, text))
        if earlier is not None:
            dialog.resume(earlier.pending, earlier.edits)
        if not dialog.exec():
            if dialog.put_aside:  # the window closing: the check waits for next time
                return False
            if dialog.edits == 0 or dialog.given_up:
                plan_check.discard(self._store, text)
            self._note_unfinished_check()
            return False
        draft.year = dialog.year
        if not self._others_may_go(draft.year, text, dialog.edits):
            return False
        plan = Plan(draft.year, draft.requirements, f"{draft.year}年党风廉政建设工作要点")
        replacing = plans.plan_replacement(self._store, plan, text)
        keep: set[int] = set()
        if replacing is not None:
            from lianzheng_desktop.qt.plan_replace import ask_to_replace

            answer = ask_to_replace(self, draft.year, replacing)
            if answer is None:
                return False
            keep = answer
        try:
            with self._store.atomic():
                self._store.add_plan_types(dialog.new_types(), draft.year)
                plans.save_plan(self._store, plan, text, keep=keep, reading=reading)
                plan_check.discard(self._store, text)
                plan_check.discard_year(self._store, draft.year)  # others': she said so
        except UserError as exc:
            QMessageBox.warning(self, "未能保存", f"{exc}\n\n核对中的修改已保留，再次导入同一文件"
                                "即可接着核对。" if dialog.edits else str(exc))
            return False
        self._after_change(draft.year)
        return True

    def _earlier_check(self, text: str) -> plan_check.CheckDraft | None:
        """A check of this text cut short (power cut, window killed), if the secretary
        wants to go on from it; given up otherwise."""
        earlier = plan_check.find(self._store, text)
        if earlier is None or not earlier.edits:
            return None
        when = earlier.saved_at
        answer = QMessageBox.question(
            self, "接着上次的核对？",
            f"上次核对这份工作要点时（{when.month}月{when.day}日 {when:%H:%M}），修改或补充了 "
            f"{earlier.edits} 项要求，还没有保存。\n\n要接着上次的核对结果继续吗？"
            "选“否”则按原文重新读取，上次的修改不再保留。")
        if answer == QMessageBox.StandardButton.Yes:
            return earlier
        plan_check.discard(self._store, text)
        return None

    def _others_may_go(self, year: int, text: str, edits: int) -> bool:
        """Saving the year's plan ends any unfinished check of another text of that year
        (it may be the newer one: a new plan file checked for an hour when the power
        went): asked first, naming its corrections; 否 by default."""
        others = plan_check.others_of_year(self._store, year, text)
        if not others:
            return True
        count = sum(other.edits for other in others)
        when = others[0].saved_at
        kept = "，本次核对中的修改已保留，再次导入同一文件即可接着核对" if edits else ""
        answer = QMessageBox.question(
            self, "另有未保存的核对",
            f"另有{'一' if len(others) == 1 else len(others)}份{year}年工作要点的核对还没有保存"
            f"（{'最近一次' if len(others) > 1 else ''}{when.month}月{when.day}日 "
            f"{when:%H:%M}，修改或补充了 {count} 项要求）。保存本计划后，这些修改"
            f"将作废，不能恢复。\n\n仍要保存本计划吗？选“否”则暂不保存{kept}。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self._note_unfinished_check()
        return False
