"""佐证材料 left under the data file's old name: found by their hashes and taken over.

The attachments folder is named after the data file (``<stem>_附件``, see ``paths``). A
secretary who renames her file while the app is closed leaves its evidence in the old
folder: without this, every check would call those files lost ("请从备份恢复" — a needless
restore of older ledgers) and every backup would leave them out.

When recorded files are missing here and exactly one other ``*_附件`` folder beside the
file holds files with the recorded hashes, that folder is taken over: renamed when this
file has no folder yet and no other data file uses it, otherwise the matching files are
copied (checked against their hash) and the old folder is left as it was. Nothing is ever
deleted. Found in several folders, nothing is moved: the notice says where they are and
how to put them back.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lianzheng_desktop.paths import AppPaths
from lianzheng_desktop.storage.attachments import kept_files, sha256_of

SUFFIX = "_附件"


def _is_there(folder: Path, rel: str, sha: str | None = None) -> bool:
    path = folder.joinpath(*rel.split("/"))
    if not path.is_file():
        return False
    if sha is None:
        return True
    try:
        return sha256_of(path) == sha
    except OSError:
        return False


def _other_folders(paths: AppPaths) -> list[Path]:
    own = paths.attachments_dir
    try:
        entries = sorted(os.scandir(paths.data_dir), key=lambda e: e.name)
    except OSError:
        return []
    return [Path(e.path) for e in entries
            if e.name.endswith(SUFFIX) and e.name != own.name and e.is_dir()]


def _used_by_another_file(folder: Path) -> Path | None:
    """The data file ``folder`` belongs to, if it is still there beside it — named as the
    disk compares names (Windows ignores case) and with or without an extension (revdiff4
    F11: ``Ledger.db`` beside ``ledger_附件`` was taken for no owner)."""
    stem = os.path.normcase(folder.name[:-len(SUFFIX)])
    try:
        entries = list(os.scandir(folder.parent))
    except OSError:
        return None
    for entry in entries:
        name = entry.name
        if name.endswith((".lock", "-wal", "-shm", ".json")) or not entry.is_file():
            continue
        if os.path.normcase(Path(name).stem) == stem or os.path.normcase(name) == stem:
            return Path(entry.path)
    return None


@dataclass(frozen=True)
class Settled:
    notice: str  # what was done, or where the files are and how to put them back
    elsewhere: frozenset[str] = field(default=frozenset())  # still only in another folder

    def __str__(self) -> str:
        return self.notice


def settle(db, paths: AppPaths) -> Settled | None:
    """Take over this file's 佐证材料 from a folder left under an old name, if that is
    where they are; what was done (or where they are), else None."""
    recorded = kept_files(db)
    own = paths.attachments_dir
    missing = {rel: sha for rel, sha in recorded.items() if not _is_there(own, rel)}
    if not missing:
        return None
    holders, others = [], _other_folders(paths)
    for folder in others:
        found = {rel for rel, sha in missing.items() if _is_there(folder, rel, sha)}
        if found:
            holders.append((folder, found))
    if not others and not own.exists():  # no 佐证材料 folder beside it at all
        return _no_folder(own, frozenset(missing))
    if not holders:
        return None  # truly missing: the check says so, with its restore advice
    chosen = _the_one(holders, set(missing))
    if chosen is None:
        names = "、".join(f"“{folder}”" for folder, _ in holders)
        elsewhere = frozenset().union(*(found for _, found in holders))
        # never "rename it": one of them may be another data file's own (revdiff4 F7)
        return Settled(f"本数据文件的佐证材料文件夹应为“{own}”，"
                       f"其中缺少 {len(missing)} 份佐证材料的文件，"
                       f"但在{names}中找到了内容一致的文件（数据文件可能改过名）。软件无法确定用哪个，"
                       f"没有移动任何文件。请关闭软件，把上述文件夹中的文件全部复制到“{own.name}”"
                       "文件夹中（同名的跳过），再打开软件；原文件夹不要改名或删除，它们可能属于"
                       "另一个数据文件。不需要从备份恢复。", elsewhere)
    folder, found = chosen
    owner = _used_by_another_file(folder)
    # renamed only when it holds them all: else copied, and the rest said missing (a
    # folder holding part of them was renamed and "都已找回" said: revlast3 5)
    if not own.exists() and owner is None and found == set(missing):
        try:
            os.rename(folder, own)
        except OSError:
            pass  # e.g. held open on Windows: copy instead, below
        else:
            return Settled(f"佐证材料的文件还在原来的文件夹“{folder.name}”中（数据文件改过名），"
                           f"已把该文件夹改名为“{own.name}”，佐证材料的文件"
                           + ("已找回" if len(found) == 1 else f"（共 {len(found)} 份）都已找回")
                           + "，无需从备份恢复。")
    copied = _copy(folder, own, {rel: missing[rel] for rel in found})
    why = f"它仍属于数据文件“{owner.name}”，" if owner is not None else ""
    failed, unfound = len(found - copied), len(missing) - len(found)
    return Settled(f"佐证材料的文件还在原来的文件夹“{folder}”中（数据文件改过名），"
                   f"已把其中 {len(copied)} 份复制到本数据文件的文件夹“{own.name}”；"
                   f"{why}原文件夹保留未动。"
                   # found, not copied (a full disk, a file held open): said so, and where
                   # (revdiff4 F8: it read "没有找到", and the check then showed nothing)
                   + (f"有 {failed} 份未能复制（可能磁盘已满或文件正被占用），仍在原文件夹中，"
                      "下次打开软件时会再试。" if failed else "")
                   + (f"另有 {unfound} 份没有找到，请用“检查数据”查看。" if unfound else "")
                   + ("" if failed or unfound else "无需从备份恢复。"), frozenset(found - copied))


def _no_folder(own: Path, missing: frozenset[str]) -> Settled:
    """The data file has no 佐证材料 folder at all beside it: copied or moved without it
    (revloss4 L5). "请从备份恢复" would replace her ledgers with older ones, while the
    files are most likely untouched where the file came from."""
    return Settled(f"数据文件旁没有它的佐证材料文件夹“{own.name}”，{len(missing)} 份佐证材料的"
                   f"文件{'都' if len(missing) > 1 else ''}不在这里。如果数据文件是从别的文件夹"
                   "或别的电脑复制、移动过来的，请关闭软件，把原来"
                   f"数据文件旁的“…{SUFFIX}”文件夹一并复制过来，放在数据文件旁并改名为“{own.name}”，"
                   "再打开软件。原来的文件夹也找不到时，再考虑从备份恢复（恢复会用备份时的台账替换"
                   "现在的台账）。", missing)


def _the_one(holders: list[tuple[Path, set[str]]], missing: set[str]
             ) -> tuple[Path, set[str]] | None:
    """The folder to take the files from: the only one holding every missing file (one
    no other data file uses first), else the only one no other data file uses; None when
    that leaves a choice (copy-then-rename: 2025_附件 is 2025.db's, 2026_附件 nobody's —
    revdiff4 F7 was told to rename 2025's)."""
    if len(holders) == 1:
        return holders[0]
    free = [h for h in holders if _used_by_another_file(h[0]) is None]
    for pool in ([h for h in free if h[1] == missing],
                 [h for h in holders if h[1] == missing], free):
        if len(pool) == 1:
            return pool[0]
    return None


def settle_store(store, paths: AppPaths) -> Settled | None:
    """``settle`` on an open store's file (for callers outside storage)."""
    return settle(store.db, paths)


def _copy(source_dir: Path, target_dir: Path, files: dict[str, str]) -> set[str]:
    """Copy each file (through a .part, checked against its hash); those that arrived."""
    done: set[str] = set()
    for rel, sha in files.items():
        source = source_dir.joinpath(*rel.split("/"))
        target = target_dir.joinpath(*rel.split("/"))
        partial = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, partial)
            if sha256_of(partial) != sha:
                raise OSError("changed while copied")
            os.replace(partial, target)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            continue
        done.add(rel)
    return done
