"""Opening the database: connect → WAL → foreign keys → integrity check → back up and migrate.

Only the storage package speaks SQL.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.resources_access import migrations

MEMORY = ":memory:"
BUSY_TIMEOUT = 10.0  # seconds to wait for another connection's lock before giving up


class DatabaseOpenError(UserError):
    """The database cannot be opened as it is; the message says why and what to do."""


class NewerDatabaseError(DatabaseOpenError):
    pass


class DamagedDatabaseError(DatabaseOpenError):
    """The file itself is damaged (or gone while backups exist): a restore is offered."""


class MissingDatabaseError(DamagedDatabaseError):
    """The data file is missing or empty although backups exist."""


class UnavailableDatabaseError(DatabaseOpenError):
    """A circumstance (disk full, locked, read-only, I/O) — the file is not damaged."""


class ForeignDatabaseError(DatabaseOpenError):
    """Another program's SQLite file: never migrated into ours."""


def fault(exc: sqlite3.Error, path: str | Path) -> DatabaseOpenError:
    """The Chinese error for a SQLite error met while opening: damage or circumstance."""
    from lianzheng_desktop.storage import errors

    if errors.is_damage(exc):
        return DamagedDatabaseError(
            f"数据文件“{path}”已损坏（不是完整的数据库文件），无法读取。请从备份恢复。")
    circumstance, remedy = errors.circumstance_text(exc), errors.remedy_text(exc)
    if errors.is_io_error(exc) and _nearly_full(Path(path)):
        # a disk with no room left fails the open's shared-memory file as an I/O error:
        # "磁盘或U盘可能有故障" sent her to check a sound disk (revloss2 M-1)
        circumstance, remedy = "磁盘空间已满", "请先清理磁盘"
    return UnavailableDatabaseError(
        f"暂时无法打开数据文件“{path}”：{circumstance}。"
        f"数据文件本身没有损坏，无需从备份恢复；{remedy or '请排除上述情况'}，然后重新打开即可。")


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        return False


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection in autocommit mode; transactions are explicit (``db.atomic()``)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    if str(path) != MEMORY:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class Database:
    """The connection, with sqlite-utils' ``Database`` behind it, loaded when first needed.

    Plain reads (``execute``, ``query``) go straight to the standard connection, which is
    in autocommit mode, so they behave exactly as sqlite-utils' own. Everything else —
    ``atomic()`` transactions with nested savepoints, table introspection — is
    sqlite-utils'. Importing sqlite-utils (with click, dateutil and pluggy) takes 70–100 ms,
    which the window's first paint, a read-only affair, does not wait for.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Any = None

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Any = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, parameters)
        keys = [column[0] for column in cursor.description]
        return [dict(zip(keys, row, strict=True)) for row in cursor]

    def close(self) -> None:
        self.conn.close()

    @property
    def utils(self) -> Any:
        """sqlite-utils' ``Database`` over the same connection."""
        if self._utils is None:
            import sqlite_utils

            self._utils = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._utils

    def __getattr__(self, name: str) -> Any:  # atomic, table_names, tables, …
        return getattr(self.utils, name)


def open_db(path: str | Path, *, backup_dir: Path | None = None,
            check: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    ``check=False`` leaves the integrity check to the caller (the window runs it on a
    thread of its own, see ``storage.background_check``; commands run it before their first
    write, see ``storage.verified``) — unless the file needs migrating, which is never done
    to a file not checked first. ``check=True`` skips it while the file is known sound.
    """
    if str(path) != MEMORY:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(
                f"无法创建数据文件夹“{path.parent}”：{exc.strerror}。"
            ) from None
        if backup_dir is not None:  # the app's own open, under the single-writer lock
            from lianzheng_desktop.storage import opening_guards

            opening_guards.tidy_after_a_crash(AppPaths(path))
            opening_guards.refuse_missing_with_backups(path, backup_dir)
    try:
        if str(path) != MEMORY:  # before anything (even the WAL switch) changes the file
            from lianzheng_desktop.storage.opening_guards import refuse_foreign

            refuse_foreign(Path(path))
        conn = connect(path)
        db = Database(conn)
        if pending_migrations(db):  # never migrate a file not checked first
            check_integrity(conn, path)
        elif check and str(path) != MEMORY:  # unless known sound since it last changed
            from lianzheng_desktop.storage.verified import ensure_checked

            ensure_checked(conn, AppPaths(Path(path)))
        elif check:
            check_integrity(conn, path)
        applied = migrate(db, backup_dir=backup_dir)
        if "0001_ledgers" in applied:  # a brand-new file
            _seed_new_database(db)
        from lianzheng_desktop.storage.data_steps import run_pending

        run_pending(db)  # the steps that carry data (one cheap query when none is due)
    except sqlite3.Error as exc:
        from lianzheng_desktop.storage import errors

        if errors.kind(exc) is None:
            raise  # neither damage nor circumstance: a fault of the program, for its log
        raise fault(exc, path) from None
    return db


def _seed_new_database(db: Database) -> None:
    from lianzheng_desktop.storage.builtin_plan import seed_builtin_plan
    from lianzheng_desktop.storage.store import Store

    seed_builtin_plan(Store(db))


def check_integrity(conn: sqlite3.Connection, path: str | Path) -> None:
    """DamagedDatabaseError if the file fails SQLite's check; other sqlite3 errors pass up."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        # SQLite's own report (page and cell numbers) means nothing to the secretary.
        problems = [line for row in rows for line in row.splitlines()
                    if line.strip() and not line.startswith("***")]
        raise DamagedDatabaseError(
            f"数据文件“{path}”已损坏（完整性检查发现 {len(problems) or 1} 处问题）。请从备份恢复。"
        )


def applied_migrations(db: Database) -> list[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in db.execute("SELECT name FROM schema_migration ORDER BY name")]


def pending_migrations(db: Database) -> list[str]:
    applied = set(applied_migrations(db))
    return [m.name.removesuffix(".sql") for m in migrations()
            if m.name.removesuffix(".sql") not in applied]


def migrate(db: Database, *, backup_dir: Path | None = None) -> list[str]:
    """Apply the migrations this database lacks; return their names.

    A database that has migrations this version does not know was written by a newer
    version and is refused. An existing database is backed up before it is changed.
    """
    available = {m.name.removesuffix(".sql"): m for m in migrations()}
    applied = applied_migrations(db)
    unknown = [name for name in applied if name not in available]
    if unknown:
        raise NewerDatabaseError(
            "此数据文件由更新版本的廉政台账写入，当前版本无法打开。请安装最新版本后再打开，"
            "数据文件未作任何改动。"
        )
    pending = [name for name in sorted(available) if name not in applied]
    if pending and applied and backup_dir is not None:
        backup_before_migration(db, backup_dir)
    for name in pending:
        script = available[name].read_text(encoding="utf-8")
        stamp = datetime.now().isoformat(timespec="seconds")
        try:
            db.conn.executescript(
                f"BEGIN;\n{script}\n;INSERT INTO schema_migration VALUES ('{name}', '{stamp}');"
            )
            _AFTER.get(name, lambda _db: None)(db)  # in the same transaction
            db.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            from lianzheng_desktop.storage import errors

            if errors.kind(exc) == errors.CIRCUMSTANCE:
                raise UnavailableDatabaseError(
                    f"升级数据文件时出错：{errors.circumstance_text(exc)}。"
                    "数据文件保持原样，排除后重新打开即可。") from None
            raise DatabaseOpenError(
                f"升级数据文件时出错（{name}：{exc}），数据文件保持原样，请联系维护人员。"
            ) from None
    return pending


def _log_existing_attachments(db: Database) -> None:
    """0008: attachments enter the audit trail; rows already there are logged as found."""
    from lianzheng_desktop.storage import audit
    from lianzheng_desktop.storage.attachments import row_snapshot

    now = datetime.now()
    for (attachment_id,) in db.execute("SELECT id FROM attachment ORDER BY id").fetchall():
        audit.append(db, now, audit.ATTACHMENT, attachment_id, "create", None,
                     row_snapshot(db, attachment_id))


_AFTER = {"0008_audit_attachments": _log_existing_attachments}


def backup_before_migration(db: Database, backup_dir: Path) -> Path:
    """A full backup (database and attachments) before the schema changes."""
    from lianzheng_desktop.storage.backup import IncompleteBackupError, create_backup

    db_file = Path(db.execute("PRAGMA database_list").fetchone()[2])
    try:
        return create_backup(db.conn, AppPaths(db_file), folder=backup_dir, kind="migration")
    except IncompleteBackupError as exc:  # the data is backed up; a bad attachment is not
        return exc.path


def schema_version(db: Database) -> int:
    """The highest migration number applied (0 for an empty file)."""
    names = applied_migrations(db)
    return max((int(n.split("_", 1)[0]) for n in names), default=0)
