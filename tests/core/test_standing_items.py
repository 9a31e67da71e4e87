"""长期坚持 told one way in every part of a report (reviewer revcode, F-A)."""

import re
from datetime import datetime

from lianzheng_desktop.core.demo import PROFILE, demo_year
from lianzheng_desktop.core.report_content import build_document
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage.db import open_db
from lianzheng_desktop.storage.demo_loader import load_entries
from lianzheng_desktop.storage.reports import load_report_data
from lianzheng_desktop.storage.store import Store


def _with_standing_item(description: str):
    """The demo's Q4 report with one more 长期坚持 item, its 整改措施 left empty, due 30 Nov."""
    store = Store(open_db(":memory:"), clock=lambda: datetime(2022, 12, 31, 17))
    load_entries(store, demo_year(), PROFILE)
    store.add("rectification", {"source": "巡察反馈", "description": description,
                                "owner": "王建国", "measures": "", "found_date": "2022-10-10",
                                "deadline": "2022-11-30", "status": "长期坚持"})
    return build_document(load_report_data(store, ReportPeriod(2022, 4)))


def test_standing_with_no_measure_written_is_counted_alike_in_every_section():
    """A 长期坚持 item with no 整改措施 was 长期坚持 in section 一 (status only) and 尚在整改
    in section 三 and 附件1 (status and measures): "长期坚持2件、尚在整改1件" beside
    "长期坚持1件，尚在整改2件" in one report. With no measure written it is still open."""
    document = _with_standing_item("经费报销票据审核流于形式")
    text = "".join(document.section_texts().values()) + "".join(
        "".join(row) for appendix in document.appendices for row in appendix.rows)
    said = set(re.findall(r"长期坚持(\d+)件[、，]尚在整改(\d+)件", text))
    assert said == {("1", "2")}, said


def test_standing_with_no_measure_written_is_overdue_past_its_deadline():
    """Open but never due: on 10 January its owner's report said "尚在整改时限内" of an item
    due on 31 December, and the branch's plan for the new year promised to finish it by a
    day already gone (reviewer revjiwei2, N4)."""
    branch = _with_standing_item("廉政风险防控措施落实不到位")
    text = "".join(branch.section_texts().values())
    assert "“廉政风险防控措施落实不到位”" in text and "确保于整改时限当日" not in text
    said = set(re.findall(r"尚在整改(\d+)件（其中(\d+)件到期未完成）", text))
    assert said == {("2", "2")}, said
