"""年度计划's import: a plan document read (.txt, .docx, .pdf) or its text pasted (粘贴工作要点
文字), checked (核对导入的年度工作要点) and saved; 按原文重新读取; going on from a check cut
short. Mixed into ``PlanPage``."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.plan import Plan
from lianzheng_desktop.qt.plan_check_dialog import DraftDialog
from lianzheng_desktop.storage import paste_draft, plan_check, plans

# how a check of a plan's text ended (PlanImport.check_text)
SAVED, NOT_READ, NOT_SAVED, PUT_ASIDE = "saved", "not read", "not saved", "put aside"
EXAMPLES = "如“一、……”“每季度至少召开1次……”这样的条目和要求"


def nothing_read(source: str) -> str:
    """The text holds nothing to check: what to do, for a file (its name) or pasted text."""
    if source:
        return f"“{source}”中没有读到工作要点（{EXAMPLES}），请确认选的是年度工作要点的正文。"
    return (f"粘贴的文字中没有读到工作要点（{EXAMPLES}）。请从网页或文件中复制工作要点全文，"
            "再粘贴到框中。")


class PlanImport:
    """The import half of a ``PlanPage`` (its ``_store``, ``year``, ``_today``)."""

    def _on_import(self, year: int | None = None) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择年度工作要点", "",
                                              "工作要点 (*.txt *.docx *.pdf);;所有文件 (*)")
        if name:
            self.import_file(Path(name), year)

    def _on_paste(self, year: int | None = None) -> bool:
        """粘贴工作要点文字: the box, then the check as for a file; back to the box (the
        text as it was) when nothing was read in it or the check ended unsaved."""
        from lianzheng_desktop.qt.plan_paste import PasteDialog

        dialog = PasteDialog(self._store, self, year, self._fixed_today)
        try:
            while dialog.exec():
                outcome = self.check_text(dialog.text(), dialog.year(), say=dialog.came_back)
                if outcome in (SAVED, PUT_ASIDE):
                    return outcome == SAVED
                if outcome == NOT_SAVED:
                    dialog.came_back("计划还没有保存。文字仍在框中，可修改后再点“下一步”；"
                                     "点“取消”关闭，文字留到下次。")
            return False
        finally:
            dialog.deleteLater()

    def import_file(self, path: Path, year: int | None = None) -> bool:
        """Read, check and save a plan; ``year``: the year it was asked for (首页's offer
        for a year without a plan), else the year the text names, else this year."""
        from lianzheng_desktop.interchange.plan_files import read_plan_file

        try:
            text = read_plan_file(path)
        except UserError as exc:
            QMessageBox.warning(self, "无法导入", str(exc))
            return False
        return self.import_text(text, year, source=path.name)

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

    def import_text(self, text: str, year: int | None = None, go_on: bool = False,
                    source: str = "") -> bool:
        """Parse, check (DraftDialog) and save a plan's text; see ``import_file``.
        ``go_on``: from the corrections of a check of it cut short, without asking;
        ``source``: the file's name (empty: pasted)."""
        return self.check_text(text, year, go_on, source) == SAVED

    def check_text(self, text: str, year: int | None = None, go_on: bool = False,
                   source: str = "", say=None) -> str:
        """``import_text``, saying how it ended (SAVED, NOT_READ …); ``say``: where to
        tell why the text could not be read (else a message box)."""
        try:
            draft = plans.read_plan(self._store, text, names_for=year)
            # sentences only listed (every sentence is: 读不懂的不丢) make no plan: a notice
            # ("请各支部于月底前报送") is not a year's points
            if not (go_on or draft.requirements or draft.unread):
                raise UserError(nothing_read(source))
        except UserError as exc:
            if say is not None:
                say(str(exc))
            else:
                QMessageBox.warning(self, "无法导入", str(exc))
            return NOT_READ
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
                return PUT_ASIDE
            if dialog.edits == 0 or dialog.given_up:
                plan_check.discard(self._store, text)
            self._note_unfinished_check()
            return NOT_SAVED
        draft.year = dialog.year
        if not self._others_may_go(draft.year, text, dialog.edits):
            return NOT_SAVED
        plan = Plan(draft.year, draft.requirements, f"{draft.year}年党风廉政建设工作要点")
        replacing = plans.plan_replacement(self._store, plan, text,
                                           [line.text for line in draft.untracked])
        keep: set[int] = set()
        if replacing is not None:
            from lianzheng_desktop.qt.plan_replace import ask_to_replace

            answer = ask_to_replace(self, draft.year, replacing)
            if answer is None:
                return NOT_SAVED
            keep = answer
        try:
            with self._store.atomic():
                self._store.add_plan_types(dialog.new_types(), draft.year)
                plans.save_plan(self._store, plan, text, keep=keep, reading=reading)
                plan_check.discard(self._store, text)
                plan_check.discard_year(self._store, draft.year)  # others': she said so
                paste_draft.discard_if_saved(self._store, text)  # the text pasted is in
        except UserError as exc:
            QMessageBox.warning(self, "未能保存", f"{exc}\n\n核对中的修改已保留，再次导入同一文件"
                                "即可接着核对。" if dialog.edits else str(exc))
            return NOT_SAVED
        self._after_change(draft.year)
        from lianzheng_desktop.storage.idle_types import idle_types_said

        idle = idle_types_said(self._store, draft.year)
        if idle:
            QMessageBox.information(self, "有记录的类型已没有要求计入", idle)
        return SAVED

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
