"""Preparing the report page for the report chosen: the periods offered (the quarters, or
the years, of the last five years; the one due selected, or where she last typed), the
people who may report (党支部, or a 书记 or 班子成员 in post then, for their own), the drafts
read from the ledgers with her kept edits and what the page should say of them (a profile
to fill in, sections typed over drafts that have moved on since), 已核对, 按台账重新起草, and
the versions already saved."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QMessageBox

from lianzheng_desktop.app.reports import prepare_report
from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.report_basis import stale_note
from lianzheng_desktop.core.report_content import profile_gaps, quiet_quarters_note
from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
from lianzheng_desktop.storage.changes_since import renames_since
from lianzheng_desktop.storage.reports import (
    clear_texts,
    kept_file,
    last_edited,
    list_versions,
    people_with_papers,
    recheck,
)


class ReportPreparation:
    """Which report a ``ReportPage`` shows, and its drafts prepared from the ledgers."""

    def fill_people(self) -> None:
        """党支部 (signed by the 书记), then each 书记 and 班子成员 in post on the report's
        date, for their own (one who has left since still reports on the periods before)."""
        chosen = self.person.currentData()
        period = self.selected_period() if self.period.count() else None
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem("党支部（书记署名）", None)
        # in post on any day of the period so far (one who left mid-quarter reports up to
        # his last day), and anyone whose own report of it is kept, whatever their role now
        kept = people_with_papers(self._store, period) if period is not None else set()
        for person in self._store.list("roster"):
            serving = (person.in_post_during(period.start, min(period.end, self._today))
                       if period is not None else person.active)
            if (serving and person.role in (vocab.ROLE_SECRETARY, vocab.ROLE_LEADER)
                    or person.name in kept):
                self.person.addItem(f"{person.name}本人", person.name)
        self.person.setCurrentIndex(max(0, self.person.findData(chosen)))
        self.person.blockSignals(False)

    def selected_person(self) -> str | None:
        return self.person.currentData()

    def set_person(self, name: str | None) -> None:
        self.fill_people()
        self.person.setCurrentIndex(max(0, self.person.findData(name)))

    # -- periods --------------------------------------------------------------------
    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        current = Quarter.containing(self._today)
        if self.kind.currentIndex() == 0:
            quarter = Quarter(current.year - 4, 1)
            while quarter <= current:
                self.period.addItem(quarter.label, quarter.code)
                quarter = quarter.next()
            # in a quarter's first month the report due is the last quarter's
            early = self._today.month == current.start.month
            self.period.setCurrentIndex(self.period.count() - (2 if early else 1))
            if not self._loaded:  # first opening: where the user last typed
                self._select_last_edited()
        else:
            self._fill_years()
        self.period.blockSignals(False)

    def _fill_years(self) -> None:
        current = Quarter.containing(self._today)
        self.period.clear()
        for year in range(current.year - 4, current.year + 1):
            self.period.addItem(f"{year}年度", str(year))
        # in January the year's report due is last year's
        self.period.setCurrentIndex(self.period.count() - (2 if self._today.month == 1 else 1))

    def _follow_periods(self) -> None:
        """The periods offered as of today, the one chosen kept (1 January: 2027's too)."""
        chosen = self.period.currentData()
        self._fill_periods()
        self.period.blockSignals(True)
        self.period.setCurrentIndex(max(0, self.period.findData(chosen)))
        self.period.blockSignals(False)

    def _select_last_edited(self) -> None:
        last = last_edited(self._store)  # None when it cannot tell: the current quarter
        if last is not None and last[0].quarter is None:  # a year's report (revcode2 E)
            if not self._today.year - 4 <= last[0].year <= self._today.year:
                return  # not offered any more: the current quarter
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(1)
            self.kind.blockSignals(False)
            self._fill_years()
        if last is not None:
            index = self.period.findData(last[0].code)
            if index >= 0:
                self.period.setCurrentIndex(index)
                if last[1] is not None:  # his own report: chosen once the people are listed
                    self.person.blockSignals(True)
                    self.person.clear()
                    self.person.addItem(last[1], last[1])
                    self.person.blockSignals(False)

    def selected_period(self) -> ReportPeriod:
        return ReportPeriod.parse(self.period.currentData())

    def set_period(self, period: ReportPeriod) -> None:
        self.keep_typed_text()
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(0 if period.quarter else 1)
        self.kind.blockSignals(False)
        self._fill_periods()
        self.period.blockSignals(True)
        self.period.setCurrentIndex(self.period.findData(period.code))
        self.period.blockSignals(False)
        self._load_period()

    def _on_kind_changed(self) -> None:
        self._fill_periods()
        self._load_period()

    def _load_period(self) -> None:
        """Show the drafts (with the user's kept edits) for the chosen period."""
        if self._going_back:
            return
        self.keep_typed_text()  # what was typed for the period shown before
        if self.tabs.unsaved and self.tabs.shown is not None:
            self._stay_on_shown()
            return
        self._loaded = True
        self.fill_people()  # those who served in this period
        period = self.selected_period()
        self._shown_person = self.selected_person()
        self._shown_since = self._store.clock()  # renames after it follow (on_data_changed)
        self._report_day = self._last_day_of(self._shown_person)
        try:
            prepared = prepare_report(self._store, period, self._report_day,
                                      self._shown_person)
        except UserError as exc:
            from lianzheng_desktop.storage.reports import load_texts

            # what was typed for it before stays in view, read-only (revcode2 L: his role
            # changed since, his kept text was out of reach)
            kept = load_texts(self._store, period, self._shown_person)
            self.tabs.show_texts(None, {h: kept.get(h, "") for h in SECTION_HEADINGS}, {})
            said = str(exc) + ("报告要对照年度计划起草，导入计划后即可在此编写。"
                               if str(exc).startswith("尚无") else "")
            if any(kept.values()):
                said += "此前为这份报告填写的内容仍保存着，下面只读显示，可复制使用。"
            self.notice.setText(said)
            self.notice.show()
            self._set_busy(True)
            self.status.setText("")
            self.follow_preview()
            return
        self._say(prepared)
        self._set_busy(False)
        self.tabs.show_texts(period, prepared.document.section_texts(), prepared.drafts)
        self._show_versions()
        self.follow_preview()  # another report's preview never stays in view

    def _stay_on_shown(self) -> None:
        """The file refused her text ("请勿关闭本页"): another 期间 or 报告人 chosen would
        put other texts in the editors and hers were gone, the warning with them
        (revclose4 7). The report shown stays chosen, and she is told why."""
        shown = self.tabs.shown
        assert shown is not None
        self._going_back = True
        try:
            self.kind.setCurrentIndex(0 if shown.quarter else 1)
            self._fill_periods()
            self.period.setCurrentIndex(max(0, self.period.findData(shown.code)))
            self.set_person(self._shown_person)
        finally:
            self._going_back = False
        QMessageBox.warning(self, "报告文字未能保存", "刚才输入的文字还没能保存（原因见本页下方），"
                            "先不切换，以免这些文字丢失。请稍后再试；也可先把文字复制到别处留存。")

    def _follow_in_place(self) -> None:
        """The report on screen, drafted again from the ledgers as they are now, without
        reloading what she typed (revlast2, 2), on today's day (the window may have been
        left open since another: revdiff5 F2)."""
        self._report_day = self._last_day_of(self._shown_person)
        try:
            prepared = prepare_report(self._store, self.selected_period(), self._report_day,
                                      self._shown_person)
        except UserError:
            self._load_period()
            return
        self._say(prepared)
        self.tabs.follow_drafts(prepared.drafts)
        self.follow_preview()

    def _say(self, prepared) -> None:
        """What the page says above the editors of the report prepared."""
        self._as_of, self._stale = prepared.data.as_of, prepared.stale
        said = "\n".join(filter(None, [prepared.not_over_note, profile_gaps(prepared.data),
                                       quiet_quarters_note(prepared.data),
                                       stale_note(self._stale),
                                       prepared.reading_note,
                                       prepared.handed_in.note if prepared.handed_in else ""]))
        self.notice.setText(said)
        self.notice.setVisible(bool(said))
        self.recheck_button.setVisible(bool(self._stale))
        # a section that may now contradict its appendix is a warning, not a hint
        self.notice.setStyleSheet("color: #b26a00;" if self._stale else "color: #666666;")

    def _last_day_of(self, name: str | None) -> date:
        """The report's date: today, or the last day in post of one who has left since."""
        left = next((p.left_on for p in self._store.list("roster") if p.name == name), None)
        return min(self._today, left) if left is not None else self._today

    def on_data_changed(self) -> None:
        """A record, the roster or the plan changed elsewhere: the untouched sections are
        drafted again from the ledgers before she sees or prints them (a record added
        after the page was opened was missing from 一 while the 附件 counted it), and a
        renamed reporter's report follows the new name. Done when the page is next shown."""
        if not self._loaded:
            return
        self.keep_typed_text()  # under the name it was typed for, before any rename moves it
        self.preview_pane.data_changed()
        self._data_moved = True
        if self.isVisible():
            self.refresh_if_moved()

    def refresh_if_moved(self) -> None:
        """Drafted again where the ledgers or the day moved since (a window left open
        over midnight: the report of the day it is signed, revdiff5 F2)."""
        if self._loaded and self._last_day_of(self._shown_person) != self._report_day:
            self._follow_periods()
            self._data_moved = True
        if not self._data_moved:
            return
        self._data_moved = False
        name = self._shown_person
        for was, now in renames_since(self._store, self._shown_since - timedelta(seconds=1)):
            name = now if was == name else name
        if self.isVisible() and name == self._shown_person and self._generating is None:
            self._follow_in_place()  # she may be typing: the drafted sections only
            return
        if name is not None:
            self.fill_people()
            self.person.blockSignals(True)
            self.person.setCurrentIndex(max(0, self.person.findData(name)))
            self.person.blockSignals(False)
        self._load_period()

    def _on_recheck(self) -> None:
        """已核对: the typed sections agree with the records of the report's date."""
        self.keep_typed_text()
        if self._as_of is not None:
            recheck(self._store, self.selected_period(), self.tabs.drafts, self._as_of,
                    self._shown_person)
        self._load_period()

    def _on_redraft(self) -> None:
        """按台账重新起草: the sections typed over drafts that have moved on since, if any
        (her own 二 and the causes she wrote in 三 stay), else the whole report."""
        stale = [s.heading for s in self._stale]
        headings = self._ask_what_to_redraft(stale)
        if headings is None:
            return
        self.tabs.forget_typing()
        clear_texts(self._store, self.selected_period(), self._shown_person,
                    headings=headings or None)
        self._load_period()

    def _ask_what_to_redraft(self, stale: list[str]) -> list[str] | None:
        """The headings to redraft ([]: all of them); None: nothing."""
        if not stale:  # her own 二 and the causes in 三: never lost by one Enter
            answer = QMessageBox.question(
                self, "重新起草", "放弃本期报告中的修改，按台账数据重新起草吗？\n\n"
                "您在各部分写的文字都会清除，包括第二部分“个人廉洁自律情况”和第三部分写的问题原因。"
                "台账有了新记录时不必重新起草：没有改写过的部分会自动按台账更新。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            return [] if answer == QMessageBox.StandardButton.Yes else None
        named = "、".join(f"第{h[0]}部分" for h in stale)
        kept = [f"第{h[0]}部分" for h in SECTION_HEADINGS if h not in stale]
        # a stale section is one she rewrote: redrafting it always drops her words there —
        # 四's own next steps as much as 三's causes (revclose3 B)
        causes = "（包括第三部分写的问题原因）" if SECTION_HEADINGS[2] in stale else ""
        lost = (f"\n\n重新起草后，您在{named}中写的文字{causes}会一并清除。"
                "如要保留，请先点“取消”，把它复制下来，重新起草后再粘贴回去。")
        box = QMessageBox(QMessageBox.Icon.Question, "重新起草",
                          f"{named}是对照以前的台账改写的，已经过时。只按现在的台账重新起草"
                          f"{named}，{'、'.join(kept)}照旧保留吗？{lost}", parent=self)
        only = box.addButton(f"只重新起草{named}", QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton("全部重新起草", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # her words: never lost by a keystroke
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return stale if clicked is only else [] if clicked is every else None

    def _show_versions(self) -> None:
        versions = list_versions(self._store, self.selected_period(), self._shown_person)
        kept = versions
        if kept:
            latest = kept[0]
            where = kept_file(latest, self._paths.reports_dir)
            place = str(where) if where is not None else f"原文件{latest.file_path}已不在或已改动"
            period = self.selected_period()
            # made before the period ended, shown weeks later as its latest (revyear2 G7);
            # not of one whose figures stop at his last day in post anyway (revdiff5 F5)
            now = min(period.end, self._last_day_of(self._shown_person))
            then = min(latest.created_at.date(), now)
            early = (f"。这一版本是{period.label}结束前生成的，数字截至{then.month}月{then.day}日，"
                     "请重新生成" if then < now and period.end < self._today else "")
            self.status.setText(
                f"本期已保存 {len(kept)} 个版本，最近一次：{latest.created_at:%Y-%m-%d %H:%M} "
                f"{latest.kind.upper()}（{place}）{early}")  # the 校验码 is kept, not shown:
            # it means nothing to her (the CLI's report list gives it to whoever checks)
        else:
            self.status.setText("本期报告尚未保存过。")
