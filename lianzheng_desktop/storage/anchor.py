"""The audit chain anchored outside the file.

A chain kept only inside the database can be recomputed by anyone who edits the file.
So its head — how many entries, the last entry's id and hash, and when — is also kept
beside the data (``<name>-留痕锚点.json``) and in every backup's manifest, signed with a
per-installation secret kept outside the database (in the user's settings folder). ``check``
then finds a chain that was recomputed, wiped or cut short before the last anchor.

The anchor moves forward when a backup is made and when ``check`` finds nothing wrong —
and only if the chain still agrees with the anchor it replaces.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from pathlib import Path

from lianzheng_desktop.paths import AppPaths

GENESIS = "0" * 64
KEY_ENV = "LIANZHENG_KEY_DIR"  # where the secret lives, for tests and portable installs


def anchor_path(paths: AppPaths) -> Path:
    return paths.data_dir / f"{paths.db_path.stem}-留痕锚点.json"


def _key_file() -> Path:
    folder = os.environ.get(KEY_ENV)
    if not folder:
        from lianzheng_desktop.paths import portable_data_dir

        portable = portable_data_dir()  # a USB install writes nothing outside its data/
        if portable is not None:
            folder = str(portable / "设置")
        else:
            from platformdirs import user_config_dir

            folder = user_config_dir("lianzheng", appauthor=False)
    return Path(folder) / "留痕密钥.key"


def _key(create: bool) -> bytes | None:
    path = _key_file()
    try:
        if path.is_file():
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key)
        return bytes.fromhex(key)
    except (OSError, ValueError):
        return None  # no secret: anchors still compare, unsigned


def _mac(body: dict, key: bytes) -> str:
    content = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hmac.new(key, content, hashlib.sha256).hexdigest()


def head(conn: sqlite3.Connection, db_file: str) -> dict:
    """The chain's head now (``at``: its last entry's time), signed when the secret is at hand."""
    count, last_id = conn.execute("SELECT count(*), coalesce(max(id), 0)"
                                  " FROM audit_log").fetchone()
    row = conn.execute("SELECT hash, at FROM audit_log WHERE id = ?", [last_id]).fetchone()
    body = {"db_file": db_file, "entries": count, "last_id": last_id,
            "head": row[0] if row else GENESIS, "at": row[1] if row else ""}
    key = _key(create=True)
    return {**body, "mac": _mac(body, key)} if key else body


def compare(conn: sqlite3.Connection, anchor: dict, where: str) -> list[str]:
    """What in the chain disagrees with ``anchor``, as Chinese sentences."""
    try:
        body = {k: anchor[k] for k in ("db_file", "entries", "last_id", "head", "at")}
    except (KeyError, TypeError):
        return [f"{where}的留痕锚点不完整，可能被改动。"]
    key = _key(create=False)
    if key and "mac" in anchor and not hmac.compare_digest(str(anchor["mac"]),
                                                           _mac(body, key)):
        # a folder moved from another PC reads so too (revloss8 V5: "可能被改动" alone)
        return [f"{where}的留痕锚点与本机密钥对不上：可能是数据文件夹从另一台电脑复制而来"
                "（锚点由那台电脑记下），也可能锚点被改动过。"]
    when = str(body["at"]).replace("T", " ") or "开始记录前"
    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", [body["last_id"]]).fetchone()
    count = conn.execute("SELECT count(*) FROM audit_log WHERE id <= ?",
                         [body["last_id"]]).fetchone()[0]
    problems = []
    if body["entries"] and (row is None or row[0] != body["head"]):
        # a copy from a USB stick or another PC put in its place reads so too (revdiff12
        # Q2: the work since then in no backup, a "rewritten trail" was all she was told)
        problems.append(f"留痕记录与{where}（{when}）记下的不一致：现在的数据文件不是接着那时的"
                        "数据记的——可能是从U盘或另一台电脑复制来的副本替换了它（那时之后在本机"
                        "录入的内容不在其中），也可能留痕记录在软件之外被重写、截短或清空过。")
    elif count != body["entries"]:
        problems.append(f"{where}（{when}）时有 {body['entries']} 条留痕记录，其中现在只剩 "
                        f"{count} 条：有留痕记录被删除。")
    late = conn.execute("SELECT count(*) FROM audit_log WHERE id > ? AND at < ?",
                        [body["last_id"], body["at"]]).fetchone()[0]
    if late:
        problems.append(f"有 {late} 条留痕记录排在{where}（{when}）之后，时间却更早，"
                        "可能是事后补写的。")
    return problems


def signed_here(found: dict) -> bool:
    """Whether a trail head (an anchor, a backup's) was signed with this PC's secret: made
    by this installation, not brought from another PC."""
    key = _key(create=False)
    try:
        body = {k: found[k] for k in ("db_file", "entries", "last_id", "head", "at")}
    except (KeyError, TypeError):
        return False
    return key is not None and "mac" in found and hmac.compare_digest(str(found["mac"]),
                                                                      _mac(body, key))


def read(paths: AppPaths) -> dict | None:
    try:
        return json.loads(anchor_path(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(paths: AppPaths, anchor: dict) -> None:
    path = anchor_path(paths)
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(anchor, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)  # the anchor is a safeguard, not the data


def advance(conn: sqlite3.Connection, paths: AppPaths) -> dict | None:
    """The head of ``conn``'s chain, kept as the new anchor if it agrees with the old one."""
    if not has_chain(conn):
        return None
    new = head(conn, paths.db_path.name)
    old = read(paths)
    if old is None or not compare(conn, old, "上次核对"):
        kept = {"set_at": old["set_at"]} if isinstance(old, dict) and "set_at" in old else {}
        write(paths, {**new, **kept})  # since when this chain is the one held to
    return new


def has_chain(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'audit_log'").fetchone() is not None


def reset(paths: AppPaths) -> None:
    """After a restore (or a copy kept as it is): the file's chain is the one to hold to
    from now on; ``set_at`` (unsigned, a hint) says since when — the backups made before
    hold data let go of on purpose (storage.copied_over)."""
    from datetime import datetime

    try:
        conn = sqlite3.connect(str(paths.db_path))
        try:
            if has_chain(conn):
                write(paths, {**head(conn, paths.db_path.name),
                              "set_at": datetime.now().isoformat(timespec="seconds")})
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def problems(conn: sqlite3.Connection, paths: AppPaths) -> list[str]:
    """The chain against the anchor beside the data, or — if that is gone — the backups'."""
    anchor = read(paths)
    if anchor is not None:
        return compare(conn, anchor, "上次核对")
    heads = _backup_heads(paths)
    if not heads:
        return []  # never anchored (a new file, or data from before anchors)
    found = ["留痕锚点文件不见了，可能被删除。"]
    if all(compare(conn, h, "备份") for h in heads):
        found.append("留痕记录与所有备份中记下的都对不上：留痕记录被重写、截短或清空过。")
    return found


def _backup_heads(paths: AppPaths) -> list[dict]:
    import zipfile

    heads = []
    for zipped in sorted(paths.backups_dir.glob("*.zip")) if paths.backups_dir.is_dir() else []:
        try:
            with zipfile.ZipFile(zipped) as archive:
                if archive.getinfo("manifest.json").file_size > 1 << 24:
                    continue
                manifest = json.loads(archive.read("manifest.json"))
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            continue
        found = manifest.get("audit_head") if isinstance(manifest, dict) else None
        if isinstance(found, dict) and found.get("db_file") == paths.db_path.name:
            heads.append(found)
    return heads
