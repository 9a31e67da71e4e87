"""佐证材料 inside the check: every row has its file, every file matches its hash, no row
was added, changed or removed outside the app, and no file is left without its row.

What the app did is known from the audit trail: each attachment added or removed there
has an entry (``audit.ATTACHMENT``), and a record deleted in the app takes its attachment
rows with it under the record's own delete entry.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path

from lianzheng_desktop.storage import audit, lock
from lianzheng_desktop.storage.attachments import row_snapshot, sha256_of, stored_name
from lianzheng_desktop.storage.errors import os_error_text
from lianzheng_desktop.storage.record_names import name_by_id, quoted


def _label(db, row: dict) -> str:
    """The file and the record it belongs to, named as its ledger shows it."""
    where = name_by_id(db, row.get("ledger", ""), row.get("record_id"))
    return f"佐证材料{quoted(row.get('file_name', ''), None)}（{where}）"


def attachment_problems(db, attachments_dir: Path,
                        elsewhere: Collection[str] = ()) -> list[str]:
    """``elsewhere``: stored names found in another folder (said by the caller, with how
    to put them back — not "lost")."""
    problems: list[str] = []
    rows = {r["id"]: r for r in db.query("SELECT * FROM attachment ORDER BY id")}
    logged: dict[int, str | None] = {}
    deleted_records: set[tuple[str, int]] = set()
    for ledger, record_id, action, after in db.execute(
            "SELECT ledger, record_id, action, after FROM audit_log ORDER BY id"):
        if ledger == audit.ATTACHMENT:
            logged[record_id] = after
        elif action == "delete":
            deleted_records.add((ledger, record_id))
    for attachment_id, row in rows.items():
        state = logged.get(attachment_id)
        if state is None:
            problems.append(f"{_label(db, row)}没有留痕记录，可能是在软件之外添加的。")
        elif state != row_snapshot(db, attachment_id):
            problems.append(f"{_label(db, row)}的记录与留痕不一致，可能在软件之外被改动。")
        if stored_name(row["sha256"], row["file_name"]) not in elsewhere:
            problems += _file_problems(db, attachments_dir, row)
    released: set[str] = set()  # files whose rows the app itself removed
    for attachment_id, state in logged.items():
        if state is None or attachment_id in rows:
            continue
        row = json.loads(state)
        if (row.get("ledger"), row.get("record_id")) in deleted_records:
            released.add(stored_name(row["sha256"], row["file_name"]))
        else:
            problems.append(f"{_label(db, row)}的记录已不存在，但没有删除的留痕，"
                            "可能在软件之外被删除。")
    problems += _files_without_rows(db, attachments_dir, rows, logged, released)
    return problems


def _file_problems(db, attachments_dir: Path, row: dict) -> list[str]:
    path = attachments_dir.joinpath(*stored_name(row["sha256"], row["file_name"]).split("/"))
    if not path.is_file():
        return [f"{_label(db, row)}的文件已丢失，请从备份恢复。"]
    try:
        if sha256_of(path) != row["sha256"]:
            return [f"{_label(db, row)}的文件已被改动或不完整，与录入时不一致，请从备份恢复。"]
    except OSError as exc:
        return [f"{_label(db, row)}的文件无法读取（{os_error_text(exc)}）。"]
    return []


def _files_without_rows(db, attachments_dir: Path, rows: dict, logged: dict,
                        released: set[str]) -> list[str]:
    if not attachments_dir.is_dir():
        return []
    in_use = {stored_name(r["sha256"], r["file_name"]) for r in rows.values()}
    known = set(released)
    for entry_id, before in db.execute(
            "SELECT record_id, before FROM audit_log WHERE ledger = ? AND action = 'delete'",
            [audit.ATTACHMENT]):
        if before and entry_id not in rows:
            row = json.loads(before)
            known.add(stored_name(row["sha256"], row["file_name"]))
    problems = []
    for path in sorted(attachments_dir.rglob("*")):
        if not path.is_file():
            continue
        if path.name.endswith(".part"):
            lock.remove_if_abandoned(path)  # a copy cut short by a killed process
            continue
        rel = path.relative_to(attachments_dir).as_posix()
        if rel not in in_use and rel not in known:
            problems.append(f"佐证材料文件夹中的文件“{rel}”没有对应的佐证材料记录，"
                            "记录可能在软件之外被删除。")
    return problems
