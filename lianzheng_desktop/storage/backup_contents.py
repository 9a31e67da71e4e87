"""What goes into a backup .zip, and the writing of it: the database copied with SQLite's
backup API, its counts and the unit's name, the attachments (the records' and those of
回收站 still intact), the report files handed in, and the zip with its manifest.
``storage.backup`` decides when and where a backup is made; this module fills it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

from lianzheng_desktop.storage.manifest import ATTACHMENTS, DB_NAME, MANIFEST, PRINTED


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
    finally:
        dest.close()


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("person", "warning_session", "talk", "rectification_item", "activity",
              "attachment")
    known = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables
            if t in known}


def files_of(conn: sqlite3.Connection, folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The records' 佐证材料 (a backup without one of them is incomplete), and those of
    the records in 回收站 that are in the folder as entered: carried, like the reports
    handed in, never a failed backup when gone (revcode2 K)."""
    from lianzheng_desktop.storage.attachments import record_files, sha256_of, trash_files

    wanted = record_files(conn)
    extra = {}
    for rel, sha in trash_files(conn).items():
        path = folder.joinpath(*rel.split("/"))
        with contextlib.suppress(OSError):
            if rel not in wanted and path.is_file() and sha256_of(path) == sha:
                extra[rel] = sha
    return wanted, extra


def unit_name(conn: sqlite3.Connection) -> str:
    """The unit's name as the backup records it (the party organisation's if no unit)."""
    try:
        row = conn.execute("SELECT unit_name, org_name FROM unit_profile WHERE id = 1"
                           ).fetchone()
    except sqlite3.Error:  # a file from before the profile existed
        return ""
    return (row[0] or row[1] or "") if row else ""


def printed_copies(conn: sqlite3.Connection) -> dict[str, tuple[Path, str]]:
    """The report files handed in (报告/打印留存, or saved elsewhere) that are still as they
    were: name in the backup → (file, SHA-256). A new PC gets them back with the data."""
    known = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "report_version" not in known:
        return {}
    copies: dict[str, tuple[Path, str]] = {}
    for file_path, sha in conn.execute("SELECT file_path, sha256 FROM report_version"
                                       " ORDER BY id"):
        path = Path(file_path)
        try:
            if not path.is_file() or file_sha256(path) != sha:
                continue  # gone, or changed since: not the copy handed in
        except OSError:
            continue
        name = path.name if path.name not in copies else f"{sha[:8]}-{path.name}"
        copies.setdefault(name, (path, sha))
    return copies


def write_zip(partial: Path, copy: Path, attachments_dir: Path, wanted: dict[str, str],
               header: dict, printed: dict[str, tuple[Path, str]] | None = None) -> list[str]:
    """The zip: database, attachments (hashed as written), the reports handed in,
    manifest. Returns the attachments that failed their hash."""
    bad = []
    recorded = {}
    kept: dict[str, str] = {}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.write(copy, DB_NAME)
        for name, (source, sha) in (printed or {}).items():
            try:
                data = source.read_bytes()
            except OSError:
                continue  # a copy, not the data: left out, never a failed backup
            if hashlib.sha256(data).hexdigest() == sha:
                archive.writestr(f"{PRINTED}/{name}", data)
                kept[name] = sha
        for rel, sha in wanted.items():
            if rel in recorded:
                continue
            source = attachments_dir.joinpath(*rel.split("/"))
            if not source.is_file():
                bad.append(rel)
                continue
            digest = hashlib.sha256()
            info = zipfile.ZipInfo.from_file(source, f"{ATTACHMENTS}/{rel}")
            info.compress_type = zipfile.ZIP_DEFLATED
            with source.open("rb") as src, archive.open(info, "w", force_zip64=True) as dst:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    dst.write(chunk)
            if digest.hexdigest() != sha:
                bad.append(rel)
            recorded[rel] = sha
        manifest = {**header, "attachments": recorded, "printed": kept}
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return bad
