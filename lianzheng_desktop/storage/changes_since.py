"""The work done since a moment, read from the audit trail: what a restore would take out
of the file (the data now is backed up first, but a secretary never opens that zip), and
what a report kept then did not see.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.core.vocab import STATUS_DONE, STATUS_IN_PROGRESS, STATUS_NOT_STARTED
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage import audit, paste_draft, plan_check
from lianzheng_desktop.storage.requirement_drafts import FORM as REQUIREMENT_FORM
from lianzheng_desktop.storage.store import Store


def records_changed(store: Store, since: datetime, start: date | None = None,
                    end: date | None = None, after: tuple[str, object] | None = None) -> int:
    """How many records were added, changed, deleted or restored after ``since``; with
    ``start``/``end``, only those dated between them (整改事项: found by ``end``), before or
    after the change, and not those changed only because a person named in them was renamed
    (``renames_since`` says that, once, rather than as so many records changed). Counted by
    SQLite: a trail of 50,000 imports is not read into Python. ``after``: the trail's rows
    to count (``_after``), when not those logged after ``since``."""
    at = since.isoformat(timespec="seconds")
    if start is None or end is None:  # the trail also logs plans, reports, links: not records
        keys = list(LEDGERS)
        where, value = after or ("at > ?", at)
        return store.db.execute(
            f"SELECT count(*) FROM (SELECT DISTINCT ledger, record_id FROM audit_log WHERE {where}"
            f" AND ledger IN ({', '.join('?' * len(keys))}))", [value, *keys]).fetchone()[0]
    conditions, params = [], []
    for key, spec in LEDGERS.items():
        if spec.date_field is None:
            continue
        first = date.min if key == "rectification" else start
        path = f"$.{spec.date_field}"
        conditions.append("(ledger = ? AND (json_extract(before, ?) BETWEEN ? AND ?"
                          " OR json_extract(after, ?) BETWEEN ? AND ?))")
        window = [first.isoformat(), end.isoformat()]
        params += [key, path, *window, path, *window]
    # a rename writes its records' new names in the same moment as the roster's own row;
    # an item closed (or looked back at) after ``end`` reads as it did on ``end`` (revnew7
    # Y2: closing 2026's items in 2027 was "2 条台账记录" changed in 2026's kept papers)
    later = end.isoformat()
    return store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT ledger, record_id FROM audit_log WHERE at > ?"
        f" AND ({' OR '.join(conditions)}) AND NOT (action = 'update' AND at IN"
        f" (SELECT at FROM audit_log WHERE at > ? AND {_RENAME})) AND NOT {_CLOSED_AFTER})",
        [at, *params, at, *[later] * 4]).fetchone()[0]


_SHOWN = ("number", "source", "description", "owner", "measures", "found_date", "deadline")
_CLOSED_AFTER = ("(ledger = 'rectification' AND action = 'update' AND "
                 + " AND ".join(f"coalesce(json_extract({side}, '$.{field}'), '9') > ?"
                                for field in ("completed_date", "review_date")
                                for side in ("before", "after"))
                 + "".join(f" AND json_extract(before, '$.{field}') IS json_extract(after, "
                           f"'$.{field}')" for field in _SHOWN)
                 # closed, or still open: not made 长期坚持 (the paper counts that as fixed:
                 # revdiff11 Z4), nor opened again
                 + f" AND json_extract(before, '$.status') IN ('{STATUS_NOT_STARTED}',"
                   f" '{STATUS_IN_PROGRESS}') AND json_extract(after, '$.status') IN"
                   f" ('{STATUS_NOT_STARTED}', '{STATUS_IN_PROGRESS}', '{STATUS_DONE}'))")
_RENAME = ("ledger = 'roster' AND action = 'update'"
           " AND json_extract(before, '$.name') != json_extract(after, '$.name')")


def renames_since(store: Store, since: datetime) -> list[tuple[str, str]]:
    """The roster's renames after ``since``, in order: (old name, new name)."""
    return [(old, new) for old, new in store.db.execute(
        "SELECT json_extract(before, '$.name'), json_extract(after, '$.name') FROM audit_log"
        f" WHERE at > ? AND {_RENAME} ORDER BY id", [since.isoformat(timespec="seconds")])]


def profile_then(store: Store, since: datetime):
    """设置 (the unit's names, its 书记) as it was at ``since``, if changed after it; else
    None: a paper kept then signs with the names of then (revloss7 W3)."""
    import json

    from lianzheng_desktop.core.records import UnitProfile

    row = store.db.execute("SELECT before FROM audit_log WHERE ledger = 'unit_profile' AND at > ?"
                           " ORDER BY id LIMIT 1", [since.isoformat(timespec="seconds")]).fetchone()
    if row is None or row[0] is None:
        return None
    then = json.loads(row[0])
    return UnitProfile(*(str(then.get(f) or "").strip()
                         for f in ("unit_name", "org_name", "secretary_name")))


def _in_chain(store: Store, head: object) -> int | None:
    """The backup's trail head's id, where this file's chain holds that head."""
    if isinstance(head, dict) and isinstance(last := head.get("last_id"), int) and (
            last == 0 or store.db.execute("SELECT 1 FROM audit_log WHERE id = ? AND hash = ?",
                                          [last, head.get("head")]).fetchone()):
        return last
    return None


def _shared_with(store: Store, file: Path) -> int | None:
    """The last trail entry this file shares with the backup ``file``'s own trail (read
    from it): where a copy taken home, or another PC's file, went its own way; None when
    the backup cannot be read."""
    from lianzheng_desktop.storage.copied_over import backup_trail, last_shared

    kept = backup_trail(file)
    return None if kept is None else last_shared(store.db, kept)


def work_after_backup(store: Store, file: Path) -> list[str]:
    """What a restore of the backup ``file`` takes out of the data now (work_since): the
    trail after the backup's head where this file's chain holds it — work done while the
    PC's clock was behind the backup's time is after it all the same (revloss4 L2) — else
    after the last entry the two share: a backup of a copy taken home, or of another PC's
    file, holds none of the work done here since they parted, whatever its time (revloss5
    M1: the question named none of it). [] when the backup says no time."""
    from lianzheng_desktop.storage.manifest import audit_head, made_at

    made = made_at(file)
    if made is None:
        return []
    last = _in_chain(store, audit_head(file))
    if last is not None:
        return work_since(store, made, ("id > ?", last))
    shared = _shared_with(store, file)
    if shared is None:
        return work_since(store, made)
    parted = store.db.execute("SELECT 1 FROM audit_log WHERE id > ?", [shared]).fetchone()
    return work_since(store, made, ("id > ?", shared), every_form=parted is not None)


def work_since(store: Store, moment: datetime, after: tuple[str, object] | None = None,
               every_form: bool = False) -> list[str]:
    """Chinese phrases, one per kind of work done after ``moment``; [] when none.
    ``after``: the trail's rows to count, when not those logged after ``moment``
    (work_after_backup). Forms not yet saved are not in the trail: those kept after
    ``moment``, or every one while the clock is behind it, or with ``every_form``."""
    at = moment.isoformat(timespec="seconds")
    after = after or ("at > ?", at)
    where, value = after
    # the clock behind the backup's time, or a backup from elsewhere: every form
    drafts_at = "" if every_form or store.clock() < moment else at
    records = records_changed(store, moment, after=after)
    reports = store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT record_id FROM audit_log"
        f" WHERE {where} AND ledger = 'report_draft')", [value]).fetchone()[0] \
        if where.startswith("id") else store.db.execute(
            "SELECT count(*) FROM report_draft WHERE updated_at > ?", [at]).fetchone()[0]
    forms = store.db.execute("SELECT count(*) FROM record_draft WHERE saved_at > ?"
                             " AND ledger NOT IN (?, ?)",
                             [drafts_at, paste_draft.FORM, REQUIREMENT_FORM]).fetchone()[0]
    # a 修改要求 / 新增要求 form is found on 年度计划, not in the ledgers' drafts bar
    requirements = store.db.execute("SELECT count(*) FROM record_draft WHERE saved_at > ?"
                                    " AND ledger = ?", [drafts_at, REQUIREMENT_FORM]).fetchone()[0]
    pasted = store.db.execute("SELECT count(*) FROM record_draft WHERE saved_at > ?"
                              " AND ledger = ?", [drafts_at, paste_draft.FORM]).fetchone()[0]
    # a plan check cut short keeps her corrections: the longest typing in the app
    checks = [draft for draft in plan_check.unfinished(store)
              if draft.saved_at.isoformat(timespec="seconds") > drafts_at]
    # the trail logs the plan's and the unit's tables too: a restore takes them out as well
    # … and the 佐证材料 attached or taken off, and the reports kept as handed in
    # (revclose3 E: a restore took a scanned sign-in sheet off its record, unsaid)
    plans, links, profile, attached, kept = (store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT ledger, record_id FROM audit_log"
        f" WHERE {where} AND ledger IN ({', '.join('?' * len(tables))}))",
        [value, *tables]).fetchone()[0] for tables in (
            ("plan", "requirement", "record_type"), ("record_requirement",), ("unit_profile",),
            (audit.ATTACHMENT,), ("report_version",)))
    return [phrase for count, phrase in (
        (records, f"新增、修改或删除了 {records} 条台账记录"),
        (plans, f"修改了年度计划（导入、要求的修改或标记等 {plans} 处）"),
        (links, f"调整了 {links} 条记录计入的要求"),
        (profile, "修改了“设置”中的单位信息"),
        (attached, f"添加或移除了 {attached} 份佐证材料"),
        (reports, f"改写了 {reports} 份报告的文字"),
        (kept, f"保存了 {kept} 份报告的留存版本"),
        (forms, f"有 {forms} 张表填了一半还没有保存"),
        (requirements, f"年度计划中有 {requirements} 项要求改了一半还没有保存"),
        *((1, f"核对{draft.year}年工作要点时修改或补充了 {draft.edits} 项要求，还没有保存计划")
          for draft in checks),
        (pasted, "粘贴的工作要点文字还没有导入")) if count]


def work_taken_out(paths: AppPaths, file: Path) -> list[str]:
    """The work done after the backup ``file`` was made, in the data about to be replaced,
    as Chinese phrases (changes_since.work_since); [] when it cannot be read (a damaged
    file is set aside whole)."""
    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.storage.db import open_db
    from lianzheng_desktop.storage.store import Store

    if not paths.db_path.is_file():
        return []
    try:
        db = open_db(paths.db_path, check=False)  # read only what changed since
    except (UserError, sqlite3.Error, OSError):
        return []
    try:
        return work_after_backup(Store(db), file)
    except sqlite3.Error:
        return []
    finally:
        db.close()
