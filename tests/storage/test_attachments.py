import hashlib

import pytest

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage.attachments import (
    add_attachment,
    list_attachments,
    open_path,
    remove_attachment,
)


@pytest.fixture
def record(demo_store):
    return demo_store.list("warning_education")[0]


def test_the_file_is_copied_in_under_its_hash(demo_store, record, tmp_path):
    source = tmp_path / "签到表.jpg"
    source.write_bytes(b"sign-in sheet")
    kept_dir = tmp_path / "kept"
    attachment = add_attachment(demo_store, kept_dir, "warning_education", record.id, source)
    assert attachment.sha256 == hashlib.sha256(b"sign-in sheet").hexdigest()
    source.unlink()  # the original may go; the evidence stays
    path = open_path(kept_dir, attachment)
    assert path.read_bytes() == b"sign-in sheet"
    assert [a.file_name for a in list_attachments(demo_store, "warning_education", record.id)] \
        == ["签到表.jpg"]


def test_a_changed_copy_is_reported(demo_store, record, tmp_path):
    source = tmp_path / "会议记录.pdf"
    source.write_bytes(b"minutes")
    attachment = add_attachment(demo_store, tmp_path / "k", "warning_education", record.id, source)
    open_path(tmp_path / "k", attachment).write_bytes(b"edited")
    with pytest.raises(UserError, match="已被改动"):
        open_path(tmp_path / "k", attachment)


def test_missing_source_and_missing_record(demo_store, record, tmp_path):
    with pytest.raises(UserError, match="找不到文件"):
        add_attachment(demo_store, tmp_path, "warning_education", record.id, tmp_path / "无.jpg")
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(UserError):
        add_attachment(demo_store, tmp_path, "warning_education", 9999, tmp_path / "a.txt")


def test_remove_keeps_a_file_another_record_uses(demo_store, tmp_path):
    sessions = demo_store.list("warning_education")
    source = tmp_path / "photo.png"
    source.write_bytes(b"same photo")
    first = add_attachment(demo_store, tmp_path / "k", "warning_education", sessions[0].id, source)
    add_attachment(demo_store, tmp_path / "k", "warning_education", sessions[1].id, source)
    remove_attachment(demo_store, first.id)
    assert list_attachments(demo_store, "warning_education", sessions[0].id) == []
    assert open_path(tmp_path / "k", first).read_bytes() == b"same photo"


def test_deleting_a_record_drops_its_attachment_rows(demo_store, record, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    add_attachment(demo_store, tmp_path / "k", "warning_education", record.id, tmp_path / "a.txt")
    demo_store.delete("warning_education", record.id)
    assert list_attachments(demo_store, "warning_education", record.id) == []


def test_the_same_file_is_not_added_twice_to_one_record(demo_store, record, tmp_path):
    source = tmp_path / "签到表.pdf"
    source.write_bytes(b"%PDF-1.4 sign-in")
    add_attachment(demo_store, tmp_path / "k", "warning_education", record.id, source)
    copy = tmp_path / "签到表（副本）.pdf"
    copy.write_bytes(source.read_bytes())
    with pytest.raises(UserError, match="已有内容相同的佐证材料“签到表.pdf”"):
        add_attachment(demo_store, tmp_path / "k", "warning_education", record.id, copy)
    assert len(list_attachments(demo_store, "warning_education", record.id)) == 1
