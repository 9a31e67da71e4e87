"""A backup's manifest is the law of its restore.

Before anything is written, the manifest is checked in full (every field of the right
type), every member of the zip must be one the manifest names (the database, the manifest
itself, ``附件/<name>`` for each attachment it lists, and ``打印留存/<name>`` for each kept
copy of a report handed in), each attachment name must stay
inside its own folder, and each member's declared size must be within limits. Members are
then streamed in chunks — never read whole — and hashed as they are written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.storage.errors import os_error_text

DB_NAME = "lianzheng.db"
MANIFEST = "manifest.json"
ATTACHMENTS = "附件"
PRINTED = "打印留存"  # copies of the reports handed in (报告/打印留存; older backups lack them)
MAX_MANIFEST = 16 << 20  # bytes: a manifest for 100,000 attachments is about 10 MB
MAX_MEMBER = 8 << 30  # no single member above 8 GiB
_HEX64 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 20


class BackupError(UserError):
    pass


ManifestError = BackupError  # a manifest that breaks the law is a bad backup


@dataclass(frozen=True)
class Manifest:
    created: datetime
    migrations: list[str]
    counts: dict[str, int]
    db_sha256: str
    attachments: dict[str, str]  # name under 附件/ → SHA-256
    db_file: str | None = None  # the data file's name it was taken from (e.g. lianzheng.db)
    unit: str | None = None  # the unit's name at the time (absent in older backups)
    printed: dict[str, str] | None = None  # name under 打印留存/ → SHA-256


def safe_name(rel: object) -> bool:
    """An attachment's name relative to its folder: no way out of it, nothing odd in it."""
    if not isinstance(rel, str) or not rel or len(rel) > 1024:
        return False
    if rel.startswith("/") or "\\" in rel or ":" in rel or any(ord(c) < 32 for c in rel):
        return False
    return all(part not in ("", ".", "..") for part in rel.split("/"))


def _refuse(file: Path, why: str) -> ManifestError:
    return ManifestError(f"“{file.name}”不是完整的廉政台账备份文件（{why}），未作任何改动。")


def read_manifest(archive: zipfile.ZipFile, file: Path) -> Manifest:
    """The manifest, checked field by field, and the zip's members checked against it."""
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise _refuse(file, "缺少清单") from None
    if info.file_size > MAX_MANIFEST:
        raise _refuse(file, "清单过大")
    try:
        with archive.open(info) as handle:
            raw = json.loads(handle.read(MAX_MANIFEST + 1).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError):
        raise _refuse(file, "清单无法读取") from None
    manifest = _fields(raw, file)
    _check_members(archive, manifest, file)
    return manifest


def _fields(raw: object, file: Path) -> Manifest:
    if not isinstance(raw, dict) or raw.get("app") != "lianzheng":
        raise _refuse(file, "清单不是本软件的")
    try:
        created = datetime.fromisoformat(raw["created"])
    except (KeyError, TypeError, ValueError):
        raise _refuse(file, "清单缺少备份时间") from None
    names, counts = raw.get("migrations"), raw.get("counts")
    attachments, db_sha = raw.get("attachments"), raw.get("db_sha256")
    if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        raise _refuse(file, "清单缺少版本记录")
    if not (isinstance(counts, dict) and all(
            isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items())):
        raise _refuse(file, "清单缺少记录条数")
    if not (isinstance(db_sha, str) and _HEX64.fullmatch(db_sha)):
        raise _refuse(file, "清单缺少数据文件的校验值")
    if not isinstance(attachments, dict):
        raise _refuse(file, "清单缺少佐证材料列表")
    printed = raw.get("printed", {})
    if not isinstance(printed, dict):
        raise _refuse(file, "清单中的打印留存列表无法识别")
    for what, listed in (("佐证材料", attachments), ("打印留存的报告", printed)):
        for rel, digest in listed.items():
            if not safe_name(rel):
                raise _refuse(file, f"{what}的名称“{rel[:60]}”会写到数据文件夹之外")
            if not (isinstance(digest, str) and _HEX64.fullmatch(digest)):
                raise _refuse(file, f"{what}“{rel[:60]}”缺少校验值")
    db_file, unit = raw.get("db_file"), raw.get("unit")
    if not all(value is None or isinstance(value, str) for value in (db_file, unit)):
        raise _refuse(file, "清单中的数据文件名或单位名称无法识别")
    return Manifest(created, list(names), dict(counts), db_sha, dict(attachments),
                    db_file or None, unit or None, dict(printed))


def _glance(file: Path) -> dict | None:
    """The manifest as written, without checking the rest; None when it cannot be read."""
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST:
                return None
            with archive.open(info) as handle:
                raw = json.loads(handle.read(MAX_MANIFEST + 1).decode("utf-8"))
    except (OSError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile):
        return None
    return raw if isinstance(raw, dict) else None


def made_at(file: Path) -> datetime | None:
    """When a backup says it was made (unchecked, as ``origin``)."""
    raw = _glance(file)
    try:
        return datetime.fromisoformat(raw["created"]) if raw else None
    except (KeyError, TypeError, ValueError):
        return None


def audit_head(file: Path) -> dict | None:
    """The trail's head when the backup was made (unchecked, as ``origin``)."""
    raw = _glance(file)
    head = raw.get("audit_head") if raw else None
    return head if isinstance(head, dict) else None


def origin(file: Path) -> tuple[str | None, str | None] | None:
    """(data file name, unit name) a backup says it came from, read from its manifest
    without checking the rest; None when the manifest cannot be read."""
    raw = _glance(file)
    if raw is None:
        return None
    db_file, unit = raw.get("db_file"), raw.get("unit")
    return (db_file if isinstance(db_file, str) and db_file else None,
            unit if isinstance(unit, str) and unit else None)


def _check_members(archive: zipfile.ZipFile, manifest: Manifest, file: Path) -> None:
    expected = {MANIFEST, DB_NAME} | {f"{ATTACHMENTS}/{rel}" for rel in manifest.attachments} \
        | {f"{PRINTED}/{rel}" for rel in manifest.printed or {}}
    seen: set[str] = set()
    for info in archive.infolist():
        if info.filename in seen:
            raise _refuse(file, f"成员“{info.filename[:60]}”重复")
        seen.add(info.filename)
        if info.filename not in expected:
            raise _refuse(file, f"含有清单之外的成员“{info.filename[:60]}”")
        if info.file_size > MAX_MEMBER:
            raise _refuse(file, f"成员“{info.filename[:60]}”过大")
    missing = expected - seen
    if missing:
        raise _refuse(file, f"缺少“{sorted(missing)[0][:60]}”")


def attachment_target(folder: Path, rel: str) -> Path:
    """Where an attachment named in a manifest goes; refused if it would leave ``folder``."""
    target = folder.joinpath(*rel.split("/"))
    base = os.path.normpath(os.path.abspath(folder))
    if os.path.commonpath([base, os.path.normpath(os.path.abspath(target))]) != base \
            or not safe_name(rel):
        raise ManifestError(f"佐证材料的名称“{rel[:60]}”会写到数据文件夹之外，未恢复。")
    return target


def stream_member(archive: zipfile.ZipFile, name: str, dest: Path | None) -> str:
    """Copy one member to ``dest`` (None: only hash it) in chunks; return its SHA-256.

    ``dest`` is created new (never overwritten) and synced to the disk.
    """
    digest = hashlib.sha256()
    out = None
    try:
        if dest is not None:
            out = open(dest, "xb")  # noqa: SIM115 - closed below, also on error
        with archive.open(name) as member:  # reads at most the declared size, checks CRC
            while chunk := member.read(_CHUNK):
                digest.update(chunk)
                if out is not None:
                    out.write(chunk)
        if out is not None:
            out.flush()
            os.fsync(out.fileno())
    finally:
        if out is not None:
            out.close()
    return digest.hexdigest()


def total_size(archive: zipfile.ZipFile) -> int:
    return sum(info.file_size for info in archive.infolist())


def _check_database(copy: Path, file: Path) -> None:
    from lianzheng_desktop.resources_access import migrations

    conn = sqlite3.connect(str(copy))
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM schema_migration")]
    finally:
        conn.close()
    if result != "ok":
        raise BackupError(f"备份“{file.name}”中的数据文件未通过完整性检查。")
    known = {m.name.removesuffix(".sql") for m in migrations()}
    if any(name not in known for name in names):
        raise BackupError(f"备份“{file.name}”由更新版本的廉政台账生成，请先升级软件。")


def extract(file: Path, db_dest: Path,
             attachment_dest: Callable[[str, str], Path | None]) -> Manifest:
    """Stream the backup's members out, each checked; BackupError says what is wrong.

    ``attachment_dest(name, sha)``: where to write it, or None to only hash it.
    """
    if not file.is_file():
        raise BackupError(f"找不到备份文件“{file}”。")
    try:
        with zipfile.ZipFile(file) as archive:
            manifest = read_manifest(archive, file)
            if stream_member(archive, DB_NAME, db_dest) != manifest.db_sha256:
                raise BackupError(f"备份“{file.name}”中的数据文件与备份时不一致，可能已损坏。")
            _check_database(db_dest, file)
            for rel, digest in manifest.attachments.items():
                dest = attachment_dest(rel, digest)
                if dest is not None:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                if stream_member(archive, f"{ATTACHMENTS}/{rel}", dest) != digest:
                    raise BackupError(f"备份中的佐证材料“{rel}”与备份时不一致，可能已损坏。")
            for rel, digest in (manifest.printed or {}).items():  # checked, written later
                if stream_member(archive, f"{PRINTED}/{rel}", None) != digest:
                    raise BackupError(f"备份中打印留存的报告“{rel}”与备份时不一致，可能已损坏。")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
            RuntimeError, ValueError, sqlite3.DatabaseError):
        raise BackupError(f"“{file.name}”不是完整的廉政台账备份文件。") from None
    return manifest


@contextmanager
def checked_archive(file: Path, work_dir: Path | None) -> Iterator[tuple[Manifest, None, Path]]:
    """Verify ``file`` through and through, writing only a temporary copy of its database."""
    try:
        with tempfile.TemporaryDirectory(prefix=".lianzheng-检查-", dir=work_dir) as tmp:
            copy = Path(tmp) / DB_NAME
            manifest = extract(file, copy, lambda rel, sha: None)
            yield manifest, None, copy
    except OSError as exc:
        raise BackupError(f"无法检查备份“{file.name}”：{os_error_text(exc)}。") from None
