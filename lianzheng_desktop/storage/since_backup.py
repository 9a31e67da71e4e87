"""What a restore would take out of the file: the work done since the backup was taken.

Asked before 从备份恢复 replaces the data (the data now is backed up first, but a secretary
will never open that zip): records entered or changed, report text typed, forms left
half-filled — each since the backup's time.
"""

from __future__ import annotations

from datetime import datetime

from lianzheng_desktop.core.ledgers import LEDGERS
from lianzheng_desktop.storage.store import Store


def work_since(store: Store, moment: datetime) -> list[str]:
    """Chinese phrases, one per kind of work done after ``moment``; [] when none."""
    at = moment.isoformat(timespec="seconds")
    ledgers = list(LEDGERS)  # the trail also logs plans, reports, links: not records
    records = store.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT ledger, record_id FROM audit_log WHERE at > ?"
        f" AND ledger IN ({', '.join('?' * len(ledgers))}))", [at, *ledgers]).fetchone()[0]
    reports = store.db.execute("SELECT count(*) FROM report_draft WHERE updated_at > ?",
                               [at]).fetchone()[0]
    forms = store.db.execute("SELECT count(*) FROM record_draft WHERE saved_at > ?",
                             [at]).fetchone()[0]
    return [phrase for count, phrase in (
        (records, f"新增、修改或删除了 {records} 条台账记录"),
        (reports, f"改写了 {reports} 份报告的文字"),
        (forms, f"有 {forms} 张表填了一半还没有保存")) if count]
