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
