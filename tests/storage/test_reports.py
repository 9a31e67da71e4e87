import hashlib

from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage import reports


def test_edited_texts_survive_and_clear_back_to_draft(store):
    q3 = ReportPeriod.parse("2022Q3")
    reports.save_texts(store, q3, {"personal": "本人严格遵守中央八项规定精神。"})
    assert reports.load_texts(store, q3) == {"personal": "本人严格遵守中央八项规定精神。"}
    assert reports.load_texts(store, ReportPeriod.parse("2022Q2")) == {}
    reports.clear_texts(store, q3)
    assert reports.load_texts(store, q3) == {}


def test_every_version_keeps_its_sha256(store, tmp_path):
    q3 = ReportPeriod.parse("2022Q3")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4 first")
    reports.record_version(store, q3, pdf, {})
    pdf.write_bytes(b"%PDF-1.4 second")
    reports.record_version(store, q3, pdf, {})
    versions = reports.list_versions(store, q3)
    assert [v.sha256 for v in versions] == [
        hashlib.sha256(b"%PDF-1.4 second").hexdigest(),
        hashlib.sha256(b"%PDF-1.4 first").hexdigest()]
    assert reports.list_versions(store, ReportPeriod.parse("2022Q4")) == []


def test_what_a_section_was_typed_over_is_kept_from_the_first_keystroke(store):
    """The drafts a section was first typed over stay its basis while it is typed on (a
    later keystroke in January does not make November's text January's), go when the
    section is typed back to the drafts, and move on only when checked (已核对)."""
    from datetime import date

    from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
    from lianzheng_desktop.storage.reports import load_basis, recheck, save_texts

    duty, personal = SECTION_HEADINGS[0], SECTION_HEADINGS[1]
    year = ReportPeriod(2026)
    save_texts(store, year, {duty: "十一月的文字"}, None, {duty: "十一月起草"},
               date(2026, 11, 30))
    save_texts(store, year, {duty: "十一月的文字，一月又改", personal: "本人"}, None,
               {duty: "一月起草", personal: ""}, date(2026, 12, 31))
    assert load_basis(store, year) == {duty: ("十一月起草", date(2026, 11, 30)),
                                       personal: ("", date(2026, 12, 31))}
    recheck(store, year, {duty: "一月起草", personal: ""}, date(2026, 12, 31))
    assert load_basis(store, year)[duty] == ("一月起草", date(2026, 12, 31))
    save_texts(store, year, {personal: "本人"}, None, {duty: "一月起草", personal: ""},
               date(2026, 12, 31))  # 一 typed back to its drafts
    assert set(load_basis(store, year)) == {personal}


def test_a_section_not_touched_now_is_not_taken_as_typed_over_todays_drafts(store):
    """A section typed before 0017 (no record of its drafts) was recorded as typed over
    today's drafts as soon as another section was typed: it could never be flagged."""
    from datetime import date

    from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
    from lianzheng_desktop.storage.reports import load_basis, save_texts

    duty, personal = SECTION_HEADINGS[0], SECTION_HEADINGS[1]
    year = ReportPeriod(2026)
    save_texts(store, year, {duty: "去年十一月写的文字"})  # as before 0017: no drafts kept
    save_texts(store, year, {duty: "去年十一月写的文字", personal: "本人"}, None,
               {duty: "一月起草", personal: ""}, date(2027, 1, 5))
    assert set(load_basis(store, year)) == {personal}


def test_the_report_typed_in_last_is_the_one_updated_last_not_created(demo_store):
    """revcode2 T5: the page's tests held one typed report, so any order passed; in
    December, with 第一 to 第三季度 kept, the page must reopen on the one typed in last."""
    from datetime import datetime

    from lianzheng_desktop.core.report_model import SECTION_HEADINGS, ReportPeriod
    from lianzheng_desktop.storage.reports import last_edited, save_texts

    for minute, quarter in ((1, 1), (2, 2), (3, 3)):
        demo_store.clock = lambda minute=minute: datetime(2022, 12, 20, 9, minute)
        save_texts(demo_store, ReportPeriod(2022, quarter), {SECTION_HEADINGS[1]: f"第{quarter}季"})
    assert last_edited(demo_store) == (ReportPeriod(2022, 3), None)
    demo_store.clock = lambda: datetime(2022, 12, 20, 9, 4)
    save_texts(demo_store, ReportPeriod(2022, 1), {SECTION_HEADINGS[1]: "第一季度，改过"})
    assert last_edited(demo_store) == (ReportPeriod(2022, 1), None)
