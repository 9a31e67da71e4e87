"""Reports in the store: the data a report is drafted from, edited texts, printed versions."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import cast

from lianzheng_desktop.core import vocab
from lianzheng_desktop.core.periods import Quarter
from lianzheng_desktop.core.record_source import unreviewed_before
from lianzheng_desktop.core.records import Activity, RectificationItem
from lianzheng_desktop.core.report_checklist import year_checklist
from lianzheng_desktop.core.report_facts import ReportData
from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.storage import trail
from lianzheng_desktop.storage.plans import load_checklist, load_plan
from lianzheng_desktop.storage.store import Query, Store


def load_report_data(store: Store, period: ReportPeriod, as_of: date | None = None,
                     person: str | None = None) -> ReportData:
    """Only the period's records (and the year's, for running totals) are read, up to the
    report's one date: the period's end, or ``as_of`` if earlier. ``person``: that
    person's own report (their records and duties only)."""
    as_of = min(as_of or period.end, period.end)
    window = Query(start=period.start, end=as_of, oldest_first=True)
    year = Query(start=date(period.year, 1, 1), end=as_of, oldest_first=True)
    found = cast(list[RectificationItem],
                 store.list("rectification", Query(end=as_of, oldest_first=True)))
    year_start = date(period.year, 1, 1)
    items = [i for i in found
             if i.completed_date is None or i.completed_date >= year_start
             or i.status != vocab.STATUS_DONE]
    unreviewed = [i for i in found if unreviewed_before(i, year_start, as_of)]
    if period.quarter:
        checklist = load_checklist(store, period.checklist_quarter, as_of)
    else:
        quarters = [Quarter(period.year, n) for n in range(1, 5)
                    if Quarter(period.year, n).start <= as_of]
        checklist = year_checklist([load_checklist(store, q, min(as_of, q.end))
                                    for q in quarters], as_of)
    activities, year_activities = _as_reported(store, period, as_of, window, year)
    data = ReportData(
        period=period, as_of=as_of, profile=store.profile(),
        sessions=store.list("warning_education", window),  # type: ignore[arg-type]
        talks=store.list("talk", window),  # type: ignore[arg-type]
        activities=activities,
        rectification=items,
        roster=store.list("roster"),  # type: ignore[arg-type]
        checklist=checklist,
        # next year's plan only once this year's paper is over: imported early, in
        # December, it put six 2027 deadlines into a 2026Q4 paper whose own duties were
        # still open (revyear3 H3)
        next_plan=load_plan(store, period.next.year)
        if period.next.year == period.year or as_of >= period.end else None,
        year_activities=year_activities,
        made_on=store.clock().date(),
        unreviewed=unreviewed,
        event_days=frozenset(store.event_days(year_start, as_of)),
    )
    if person:
        from lianzheng_desktop.core.report_person import for_person

        data = for_person(data, person)
    return data


def _as_reported(store: Store, period: ReportPeriod, as_of: date, window: Query,
                 year: Query) -> tuple[list[Activity], list[Activity]]:
    """The period's and the year's meetings and activities, with the plan's returns (forms
    and reports handed in after their period) placed by the period they report on, as the
    checklist counts them (core.returns.as_reported): not last quarter's form of this
    quarter's first days; the fourth quarter's of 1月5日 in a paper made since its end."""
    from lianzheng_desktop.core.returns import as_reported

    period_days = cast(list[Activity], store.list("activity", window))
    year_days = cast(list[Activity], store.list("activity", year))
    returns, last_years = _returns_of(store, period.year), _returns_of(store, period.year - 1)
    if not returns and not last_years:
        return period_days, year_days
    made_on = store.clock().date()
    later = cast(list[Activity], store.list("activity", Query(
        start=as_of + timedelta(days=1), end=made_on, oldest_first=True))) \
        if as_of >= period.end and made_on > as_of else []
    # what each year's plan counts as returns: last year's, for this year's first days
    returned = {period.year: _kinds(returns), period.year - 1: _kinds(last_years)}
    # a January return last year's plan asks is last year's, though this year's plan has
    # dropped it (revnew7 Y1: the 2026 总结 of 1月5日 in the 2027 Q1 paper too)
    returns += [r for r in last_years if not set(r.counts.types) & returned[period.year]]
    return (as_reported(period_days, returns, period.start, period.end, later, returned),
            as_reported(year_days, returns, date(period.year, 1, 1), period.end, later,
                        returned))


def _kinds(returns: list) -> set[str]:
    return {kind for r in returns if r.counts for kind in r.counts.types}


def _returns_of(store: Store, year: int) -> list:
    """The year's plan's returns of 会议活动 (forms and reports handed in after a period)."""
    plan = load_plan(store, year)
    return [r for r in plan.requirements if r.handed_in_after and r.counts
            and r.counts.ledger == "activity"] if plan is not None else []


def draft_key(period: ReportPeriod, person: str | None = None) -> str:
    """The branch report's draft is kept under "2022Q3"; one person's under "2022Q3@姓名"."""
    return f"{period.code}@{person}" if person else period.code


def rename_person(store: Store, old: str, new: str) -> None:
    """A person renamed on the roster: their own reports' texts, checks and kept versions
    (kept under "2022Q3@姓名") go with them, in the caller's transaction. Else the texts
    typed into her report were out of reach under the new name, and would open in the
    report of the next person given the old one."""
    def move(before: str, after: str) -> None:
        for table in ("report_draft", "report_basis", "report_version"):
            store.db.execute(
                f"UPDATE {table} SET period = substr(period, 1, length(period) - ?) || ?"
                " WHERE substr(period, -?) = ?",
                [len(before), after, len(before) + 1, f"@{before}"])

    # Papers left under the new name by someone deleted from the roster are theirs, not
    # this person's: set aside under a name of their own (and a draft of each would clash)
    aside, n = f"{new}（已删除人员）", 1
    while _keyed(store, aside):
        n += 1
        aside = f"{new}（已删除人员{n}）"
    if _keyed(store, new):
        move(new, aside)
    move(old, new)
    for table in ("report_draft", "report_version"):  # the trail: moved, not lost
        trail.log_all(store.db, store.clock(), table)


def people_with_papers(store: Store, period: ReportPeriod) -> set[str]:
    """Whose own report of ``period`` has typed text or a kept version: offered for it
    whatever their role or post is now (a 班子成员 who left, or became a 党员, since)."""
    prefix = f"{period.code}@"
    return {row[0][len(prefix):] for table in ("report_draft", "report_version")
            for row in store.db.execute(f"SELECT DISTINCT period FROM {table}"
                                        " WHERE substr(period, 1, ?) = ?",
                                        [len(prefix), prefix])}


def _keyed(store: Store, person: str) -> bool:
    """Whether any report text, check or kept version is kept under ``person``'s name."""
    return any(store.db.execute(f"SELECT 1 FROM {table} WHERE substr(period, -?) = ? LIMIT 1",
                                [len(person) + 1, f"@{person}"]).fetchone()
               for table in ("report_draft", "report_basis", "report_version"))


def load_texts(store: Store, period: ReportPeriod, person: str | None = None) -> dict[str, str]:
    row = store.db.execute("SELECT sections FROM report_draft WHERE period = ?",
                           [draft_key(period, person)]).fetchone()
    return json.loads(row[0]) if row else {}


def save_texts(store: Store, period: ReportPeriod, texts: dict[str, str],
               person: str | None = None, drafts: dict[str, str] | None = None,
               as_of: date | None = None) -> None:
    """Keep the sections as typed (the editor calls this as the user types). ``drafts``
    (of the report's date ``as_of``): what each section said before it was first typed
    over, kept until it is typed no more (core.report_basis)."""
    key = draft_key(period, person)
    before = load_texts(store, period, person)
    with store.atomic():
        store.db.execute(
            "INSERT INTO report_draft (period, sections, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (period) DO UPDATE SET sections = excluded.sections,"
            " updated_at = excluded.updated_at",
            [key, json.dumps(texts, ensure_ascii=False),
             store.clock().isoformat(timespec="seconds")])
        trail.log(store.db, store.clock(), "report_draft", key)
        store.db.execute(f"DELETE FROM report_basis WHERE period = ? AND heading NOT IN"
                         f" ({', '.join('?' * len(texts))})", [key, *texts])
        if drafts is not None and as_of is not None:
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO report_basis (period, heading, drafted, as_of)"
                " VALUES (?, ?, ?, ?)",
                [(key, heading, drafts[heading], as_of.isoformat()) for heading in texts
                 if heading in drafts and texts[heading] != before.get(heading)])
                # a section typed on another day and not touched now: not today's drafts


def load_basis(store: Store, period: ReportPeriod,
               person: str | None = None) -> dict[str, tuple[str, date]]:
    """Each typed section's drafts when it was first typed over, and the report's date then."""
    rows = store.db.execute("SELECT heading, drafted, as_of FROM report_basis WHERE period = ?",
                            [draft_key(period, person)]).fetchall()
    return {heading: (drafted, date.fromisoformat(as_of)) for heading, drafted, as_of in rows}


def recheck(store: Store, period: ReportPeriod, drafts: dict[str, str], as_of: date,
            person: str | None = None) -> None:
    """已核对: the typed sections agree with the records as of ``as_of``; the drafts of
    that day become what they were typed over."""
    with store.atomic():
        store.db.conn.executemany(
            "UPDATE report_basis SET drafted = ?, as_of = ? WHERE period = ? AND heading = ?",
            [(drafts[heading], as_of.isoformat(), draft_key(period, person), heading)
             for heading in load_basis(store, period, person) if heading in drafts])


def clear_texts(store: Store, period: ReportPeriod, person: str | None = None,
                headings: list[str] | None = None) -> None:
    """Back to the drafts drawn from the records: these sections (``headings``), or all."""
    if headings is not None:
        kept = {h: t for h, t in load_texts(store, period, person).items() if h not in headings}
        save_texts(store, period, kept, person)  # their 核对 bases go with them
        return
    with store.atomic():
        store.db.execute("DELETE FROM report_draft WHERE period = ?",
                         [draft_key(period, person)])
        store.db.execute("DELETE FROM report_basis WHERE period = ?",
                         [draft_key(period, person)])
        trail.log(store.db, store.clock(), "report_draft", draft_key(period, person))


def last_edited(store: Store) -> tuple[ReportPeriod, str | None] | None:
    """The report typed in last, (its period, whose own report or None for the branch's):
    the page opens on it again — on the member's report, not the branch's with its 二
    empty, after a power cut (revclose4 4)."""
    try:  # a convenience (where the page opens): a file that cannot say opens on today's
        row = store.db.execute("SELECT period FROM report_draft"
                               " ORDER BY updated_at DESC, rowid DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    if not row:
        return None
    code, _at, person = row[0].partition("@")
    try:
        return ReportPeriod.parse(code), person or None
    except ValueError:
        return None


def earlier_reports(store: Store, period: ReportPeriod, person: str | None = None
                    ) -> list[tuple[str, dict[str, str]]]:
    """The reports to compare this one with: the previous period and the same period last
    year (a year report: last year's), each as last handed in, or as last typed."""
    if period.quarter:
        previous = Quarter(period.year, period.quarter).previous()
        wanted = [ReportPeriod(previous.year, previous.number),
                  ReportPeriod(period.year - 1, period.quarter)]
    else:
        wanted = [ReportPeriod(period.year - 1)]
    out = []
    for earlier in wanted:
        row = store.db.execute(
            "SELECT sections FROM report_version WHERE period = ?"
            " ORDER BY created_at DESC, id DESC LIMIT 1", [draft_key(earlier, person)]).fetchone()
        texts = json.loads(row[0]) if row else load_texts(store, earlier, person)
        if texts:
            out.append((f"{earlier.label}报告", texts))
    return out


@dataclass(frozen=True)
class ReportVersion:
    id: int
    period: str
    kind: str
    file_path: str
    sha256: str
    size: int
    created_at: datetime


def record_version(store: Store, period: ReportPeriod, path: Path,
                   texts: dict[str, str], person: str | None = None) -> ReportVersion:
    """Keep what was handed in: when, which period, the file's SHA-256."""
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    now = store.clock()
    kind = "docx" if Path(path).suffix.lower() == ".docx" else "pdf"
    with store.atomic():
        cursor = store.db.execute(
            "INSERT INTO report_version (period, kind, file_path, sha256, size, sections,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [draft_key(period, person), kind, str(Path(path).resolve()), digest, len(data),
             json.dumps(texts, ensure_ascii=False), now.isoformat(timespec="seconds")])
        trail.log(store.db, now, "report_version", cursor.lastrowid)
    return ReportVersion(int(cursor.lastrowid or 0), draft_key(period, person), kind,
                         str(path), digest, len(data), now)


def list_versions(store: Store, period: ReportPeriod | None = None,
                  person: str | None = None) -> list[ReportVersion]:
    sql = "SELECT * FROM report_version"
    params: list[object] = []
    if period is not None:
        sql += " WHERE period = ?"
        params.append(draft_key(period, person))
    rows = store.db.query(sql + " ORDER BY created_at DESC, id DESC", params)
    return [ReportVersion(r["id"], r["period"], r["kind"], r["file_path"], r["sha256"],
                          r["size"], datetime.fromisoformat(r["created_at"])) for r in rows]


def set_aside_kept(store: Store, target: Path) -> Path | None:
    """Before a report is written to ``target``: if the file there is a version handed in
    (its checksum is kept), copy it to 报告/打印留存 as "<checksum>-<name>", where
    ``kept_file`` finds it, and return the copy. Saving the report again under the name
    offered wrote over the handed-in file, and the proof of what was handed in was gone."""
    import shutil

    from lianzheng_desktop.core.errors import UserError
    from lianzheng_desktop.paths import AppPaths
    from lianzheng_desktop.storage.attachments import sha256_of
    from lianzheng_desktop.storage.errors import os_error_text
    from lianzheng_desktop.storage.manifest import PRINTED
    from lianzheng_desktop.whole_files import written_whole

    target = Path(target)
    if not target.is_file():
        return None
    digest = sha256_of(target)
    kept = store.db.execute("SELECT 1 FROM report_version WHERE sha256 = ? AND file_path = ?",
                            [digest, str(target.resolve())]).fetchone()
    database = store.db.execute("PRAGMA database_list").fetchone()[2]
    if kept is None or not database:
        return None
    folder = AppPaths(Path(database)).reports_dir / PRINTED
    copy = folder / f"{digest[:8]}-{target.name}"
    try:
        if copy.is_file() and sha256_of(copy) == digest:
            return copy
        folder.mkdir(parents=True, exist_ok=True)
        with written_whole(copy) as partial:
            shutil.copyfile(target, partial)
    except OSError as exc:
        raise UserError(f"“{target.name}”是已交出、留存备查的报告，写入新报告前未能先把它另存到"
                        f"“{folder}”（{os_error_text(exc)}），没有改动它。请另选文件名保存。"
                        ) from None
    return copy


def kept_file(version: ReportVersion, reports_dir: Path) -> Path | None:
    """Where the file of a version handed in is now: where it was saved, or — on the PC a
    backup was restored on — its copy in this folder's 报告/打印留存; None if neither holds
    it as it was handed in."""
    from lianzheng_desktop.storage.attachments import sha256_of
    from lianzheng_desktop.storage.manifest import PRINTED

    saved = Path(version.file_path)
    for path in (saved, reports_dir / PRINTED / saved.name,
                 reports_dir / PRINTED / f"{version.sha256[:8]}-{saved.name}"):
        try:
            if path.is_file() and sha256_of(path) == version.sha256:
                return path
        except OSError:
            continue
    return None
