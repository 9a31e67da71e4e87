"""佐证材料: files attached to a record, copied into the app's own data under their SHA-256.

The copy, not a link to wherever the file happened to be, is the evidence: moving or
deleting the original changes nothing here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.core.records import Attachment
from lianzheng_desktop.storage import audit
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.store import Store

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stored_name(sha256: str, file_name: str) -> str:
    """The kept copy's name under the attachments folder: ``<sha[:2]>/<sha256><suffix>``."""
    return f"{sha256[:2]}/{sha256}{Path(file_name).suffix.lower()}"


def kept_files(conn) -> dict[str, str]:
    """Stored name → hash of every file the data still needs: the 佐证材料 of its records
    (``record_files``) and of the records in 回收站 (``trash_files``)."""
    return {**trash_files(conn), **record_files(conn)}


def record_files(conn) -> dict[str, str]:
    """Stored name → hash of the 佐证材料 of the records (none before 0007)."""
    if not _has_table(conn, "attachment"):
        return {}
    return {stored_name(sha, name): sha for sha, name in conn.execute(
        "SELECT sha256, file_name FROM attachment ORDER BY id")}


def trash_files(conn) -> dict[str, str]:
    """Stored name → hash of the 佐证材料 of the records in 回收站, which come back with
    them (revloss2 H-3: backups left them out, so a record taken back after a restore had
    lost its 签到表)."""
    if not _has_table(conn, "trash"):
        return {}
    found: dict[str, str] = {}
    for (content,) in conn.execute("SELECT content FROM trash ORDER BY id"):
        try:
            files = json.loads(content).get("attachments") or []
        except (ValueError, TypeError, AttributeError):
            continue  # a mangled entry: the check names it
        for file in files:
            if isinstance(file, dict) and file.get("sha256") and file.get("file_name"):
                found.setdefault(stored_name(file["sha256"], file["file_name"]),
                                 file["sha256"])
    return found


def _has_table(conn, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [name]).fetchone() is not None


def stored_path(attachments_dir: Path, attachment: Attachment) -> Path:
    """Where the kept copy lives: ``<dir>/<first two hex digits>/<sha256><suffix>``."""
    return attachments_dir.joinpath(*stored_name(attachment.sha256,
                                                 attachment.file_name).split("/"))


def add_attachment(store: Store, attachments_dir: Path, ledger: str, record_id: int,
                   source: Path, note: str = "") -> Attachment:
    store.get(ledger, record_id)  # the record must exist
    source = Path(source)
    if not source.is_file():
        raise UserError(f"找不到文件“{source}”，未添加佐证材料。")
    try:
        digest = sha256_of(source)
        size = source.stat().st_size
        added_at = store.clock()
        same = store.db.execute("SELECT file_name FROM attachment WHERE ledger = ? AND"
                                " record_id = ? AND sha256 = ?", [ledger, record_id, digest]
                                ).fetchone()
        if same:  # the same content twice would list the same proof twice
            raise UserError(f"这条记录已有内容相同的佐证材料“{same[0]}”，未重复添加。")
        attachment = Attachment(ledger=ledger, record_id=record_id, file_name=source.name,
                                sha256=digest, size=size, note=note, added_at=added_at)
        target = stored_path(attachments_dir, attachment)
        if not target.exists() or sha256_of(target) != digest:  # a changed copy is replaced
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(source, partial)
            with partial.open("rb") as handle:
                os.fsync(handle.fileno())
            if sha256_of(partial) != digest:
                partial.unlink(missing_ok=True)
                raise UserError(f"复制“{source.name}”时内容发生变化，请重试。")
            os.replace(partial, target)
    except OSError as exc:
        raise UserError(f"无法保存佐证材料“{source.name}”：{os_error_text(exc)}。") from None
    with store.atomic():
        cursor = store.db.execute(
            "INSERT INTO attachment (ledger, record_id, file_name, sha256, size, note, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [ledger, record_id, attachment.file_name, digest, size, note,
             added_at.isoformat(timespec="seconds")],
        )
        attachment.id = new_id = int(cursor.lastrowid or 0)
        audit.append(store.db, store.clock(), audit.ATTACHMENT, new_id, "create", None,
                     row_snapshot(store.db, new_id))
    return attachment


def list_attachments(store: Store, ledger: str, record_id: int) -> list[Attachment]:
    rows = store.db.query(
        "SELECT * FROM attachment WHERE ledger = ? AND record_id = ? ORDER BY id",
        [ledger, record_id],
    )
    return [
        Attachment(id=r["id"], ledger=r["ledger"], record_id=r["record_id"],
                   file_name=r["file_name"], sha256=r["sha256"], size=r["size"],
                   note=r["note"], added_at=datetime.fromisoformat(r["added_at"]))
        for r in rows
    ]


def attachment_counts(store: Store, ledger: str) -> dict[int, int]:
    """How many files each record of a ledger has (for a table column)."""
    rows = store.db.execute(
        "SELECT record_id, count(*) FROM attachment WHERE ledger = ? GROUP BY record_id",
        [ledger],
    )
    return {record_id: n for record_id, n in rows}


def open_path(attachments_dir: Path, attachment: Attachment) -> Path:
    """The kept copy, checked against its hash, for opening in the system viewer."""
    path = stored_path(attachments_dir, attachment)
    if not path.exists():
        raise UserError(f"佐证材料“{attachment.file_name}”的文件已丢失，请从备份恢复。")
    if sha256_of(path) != attachment.sha256:
        raise UserError(f"佐证材料“{attachment.file_name}”的文件已被改动，与录入时不一致。")
    return path


def remove_attachment(store: Store, attachment_id: int) -> None:
    """Remove the link; the kept file stays (backups and other records may still use it).

    The removal is in the audit trail, so ``check`` knows the file was let go in the app.
    """
    row = store.db.execute("SELECT ledger FROM attachment WHERE id = ?",
                           [attachment_id]).fetchone()
    if row is None:
        raise UserError("这份佐证材料已不存在。")
    with store.atomic():
        before = row_snapshot(store.db, attachment_id)
        store.db.execute("DELETE FROM attachment WHERE id = ?", [attachment_id])
        audit.append(store.db, store.clock(), audit.ATTACHMENT, attachment_id, "delete",
                     before, None)


def row_snapshot(db, attachment_id: int) -> str | None:
    """An attachment row as canonical JSON (what the audit trail keeps and compares)."""
    rows = db.query("SELECT ledger, record_id, file_name, sha256, size, note, added_at"
                    " FROM attachment WHERE id = ?", [attachment_id])
    return json.dumps(rows[0], ensure_ascii=False, sort_keys=True) if rows else None

