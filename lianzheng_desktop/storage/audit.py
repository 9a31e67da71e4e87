"""The audit trail (留痕): who changed what is shown by the chain, not by trust.

Each entry stores the record's fields before and after, and a SHA-256 over the previous
entry's hash and its own content. ``verify`` recomputes the chain and compares every live
record with its last logged state, so an edit made to the file outside the app — to a
record or to the log itself — is found. A record's logged state includes its 补录 flag
and its created/updated times (since 0011). The other tables a user's work lives in (plan,
requirements, profile, reports, types, links, 回收站) are logged and compared by
``storage.trail``; attachments by ``storage.attachment_check``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from lianzheng_desktop.core.ledgers import LEDGERS, to_values
from lianzheng_desktop.storage.record_names import changed_labels, record_name

GENESIS = "0" * 64
ATTACHMENT = "attachment"  # entries for 佐证材料 rows; every other ledger name is a LEDGERS key
ACTION_LABELS = {"create": "新建", "update": "修改", "delete": "删除", "restore": "恢复"}
# Logged with every record since 0011 (补录 and its times); entries before lack them.
STAMPS = ("late_entry", "created_at", "updated_at")


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def snapshot(ledger: str, record: Any) -> str:
    """The record's fields as canonical JSON (what is compared and hashed)."""
    values = to_values(LEDGERS[ledger], record)

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple):
            return list(value)
        return value

    if ledger == "activity" and not values.get("host"):
        values.pop("host", None)  # added in 0006: older entries were logged without it
    if ledger == "roster":  # added in 0013: older entries were logged without them
        for key in ("joined_on", "left_on"):
            if values.get(key) is None:
                values.pop(key, None)
    values["late_entry"] = bool(record.late_entry)
    values["created_at"] = _stamp(record.created_at)
    values["updated_at"] = _stamp(record.updated_at)
    return json.dumps({k: plain(v) for k, v in values.items()}, ensure_ascii=False,
                      sort_keys=True)


def _digest(prev: str, at: str, ledger: str, record_id: int, action: str,
            before: str | None, after: str | None) -> str:
    content = json.dumps([prev, at, ledger, record_id, action, before, after],
                         ensure_ascii=False)
    import hashlib  # only on writing and verifying, not on opening

    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def append(db, at: datetime, ledger: str, record_id: int, action: str,
           before: str | None, after: str | None) -> None:
    """Add one entry; call inside the transaction that makes the change."""
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS
    stamp = at.isoformat(timespec="seconds")
    digest = _digest(prev, stamp, ledger, record_id, action, before, after)
    db.execute("INSERT INTO audit_log (at, ledger, record_id, action, before, after,"
               " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [stamp, ledger, record_id, action, before, after, prev, digest])


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    ledger: str
    record_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(Chinese field label, before, after) for each field that changed."""
        spec = LEDGERS[self.ledger]
        before, after = self.before or {}, self.after or {}
        out = []
        for field in spec.fields:
            old, new = before.get(field.key), after.get(field.key)
            if old != new:
                out.append((field.label, old, new))
        return out


def history(db, ledger: str, record_id: int) -> list[AuditEntry]:
    rows = db.execute("SELECT id, at, ledger, record_id, action, before, after FROM audit_log"
                      " WHERE ledger = ? AND record_id = ? ORDER BY id", [ledger, record_id])
    entries = [AuditEntry(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4],
                          json.loads(r[5]) if r[5] else None,
                          json.loads(r[6]) if r[6] else None) for r in rows]
    return [e for e in entries if not _is_stamp_baseline(e)]


def _is_stamp_baseline(entry: AuditEntry) -> bool:
    """0011's entry adding 补录 and the times to a record's logged state: no one's edit."""
    return (entry.action == "update" and entry.before is not None
            and STAMPS[0] not in entry.before and not entry.changes())


def verify(store) -> list[str]:
    """Every problem found, as Chinese sentences; an empty list means all is well."""
    problems: list[str] = []
    prev = GENESIS
    latest: dict[tuple[str, int], str | None] = {}
    rows = store.db.execute("SELECT id, at, ledger, record_id, action, before, after,"
                            " prev_hash, hash FROM audit_log ORDER BY id")
    for entry_id, at, ledger, record_id, action, before, after, prev_hash, digest in rows:
        if prev_hash != prev or _digest(prev_hash, at, ledger, record_id, action, before,
                                        after) != digest:
            problems.append(f"留痕记录第 {entry_id} 条（{at}）与前后记录对不上，"
                            "留痕记录可能在软件之外被改动或删除。")
        prev = digest
        if ledger in LEDGERS:  # attachments are compared in storage.attachment_check
            latest[(ledger, record_id)] = after
    for key, spec in LEDGERS.items():
        for record in store.list(key):
            logged = latest.get((key, record.id), "missing")
            if logged == "missing":
                name = record_name(key, to_values(spec, record))
                problems.append(f"{name}没有留痕记录，可能是在软件之外添加的。")
            elif logged != (now := snapshot(key, record)):
                name = record_name(key, to_values(spec, record))
                differ = "、".join(f"“{label}”" for label in changed_labels(key, logged, now))
                problems.append(f"{name}的内容与最后一次留痕不一致"
                                + (f"（不同之处：{differ}）" if differ else "")
                                + "，可能在软件之外被改动。")
    live = {(k, r.id) for k in LEDGERS for r in store.list(k)}
    for (ledger, record_id), after in latest.items():
        if after is not None and (ledger, record_id) not in live:
            try:
                name = record_name(ledger, json.loads(after))
            except (ValueError, AttributeError):
                name = f"{LEDGERS[ledger].label}中一条记录"
            problems.append(f"{name}已不存在，但没有删除的留痕，可能在软件之外被删除。")
    from lianzheng_desktop.storage import trail

    return problems + trail.problems(store.db)


def data_problems(store, *, window: bool = False) -> list[str]:
    """Everything 检查数据 finds: the file's full integrity check, the audit trail's, and
    the attachments' (every row has its file, every file its hash, no file lost its row).

    A damaged file is the one problem said, with how to restore (``window``: through the
    menu, else the command): nothing else is read from it, since any read may fail there.
    """
    from pathlib import Path

    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage import damage, verified
    from lianzheng_desktop.storage.attachment_check import attachment_problems

    db_file = store.db.execute("PRAGMA database_list").fetchone()[2]
    paths = AppPaths(Path(db_file)) if db_file else None
    state = verified.stamp(paths) if paths else None
    broken = damage.integrity_problem(store.db, db_file or "内存数据库")
    if broken is not None:
        if paths is not None:
            verified.forget(paths)
            broken += damage.restore_hint(paths, window=window)
        damage.refuse_writes(store, broken)
        return [broken]
    if paths is not None:
        verified.remember(paths, state)
    problems = verify(store)
    if paths is not None:  # not an in-memory database
        from lianzheng_desktop.storage import anchor, attachment_home

        moved = attachment_home.settle(store.db, paths)  # left under an old file name
        problems += [moved.notice] if moved else []
        problems += attachment_problems(store.db, paths.attachments_dir,
                                        elsewhere=moved.elsewhere if moved else frozenset())
        from lianzheng_desktop.storage.copied_over import kept_aside, replaced

        copy = replaced(store.db.conn, paths)  # another copy put in place of this PC's own
        copy = kept_aside(copy, paths) if copy else None
        problems += [f"{copy.message()}如需找回，可运行 lianzheng restore “{copy.backup}”"
                     "（恢复前会先备份现在的文件）；如要继续用现在的文件，在软件窗口中选择"
                     "“继续使用现在的文件”。"] if copy else anchor.problems(store.db.conn, paths)
        if not problems:
            anchor.advance(store.db.conn, paths)  # all is well: hold to this from now on
    return problems
