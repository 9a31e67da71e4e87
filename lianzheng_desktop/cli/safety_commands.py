"""``backup``, ``restore`` and ``check``: keeping the records safe."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from lianzheng_desktop.cli.common import open_store, paths_from
from lianzheng_desktop.core.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="备份数据和佐证材料（可指定文件夹，如U盘）")
    backup.add_argument("folder", nargs="?", type=Path, help="备份到的文件夹（默认备份文件夹）")
    backup.set_defaults(handler=_backup)
    restore = sub.add_parser("restore", help="从备份恢复（先校验备份，并先备份现有数据）")
    restore.add_argument("file", type=Path, metavar="FILE.zip")
    restore.add_argument("--force", action="store_true",
                         help="备份来自另一个数据文件或另一个单位时，仍然恢复")
    restore.set_defaults(handler=_restore)
    check = sub.add_parser("check", help="检查数据文件是否完好、留痕记录是否被改动")
    check.set_defaults(handler=_check)


def _backup(args: argparse.Namespace) -> int:
    from lianzheng_desktop.storage.backup import backup_of

    told: list[str] = []
    store = open_store(args, daily_backup=False, tell=told.append)
    try:
        path = backup_of(store, paths_from(args), folder=args.folder)
    except UserError as exc:  # its message says the notice again: said once (revloss5 L5)
        _say(notice for notice in told if notice not in str(exc))
        raise
    _say(told)
    print(f"已备份到 {path}")
    return 0


def _say(notices: Iterable[str]) -> None:
    for notice in notices:
        print(f"提示：{notice}", file=sys.stderr)


def _restore(args: argparse.Namespace) -> int:
    from lianzheng_desktop.storage import lock
    from lianzheng_desktop.storage.changes_since import work_taken_out
    from lianzheng_desktop.storage.manifest import origin
    from lianzheng_desktop.storage.restore import current_unit, origin_warning, restore_backup

    paths = paths_from(args)
    lock.acquire(paths.db_path)
    db_file, unit = origin(args.file) or (None, None)  # the full check comes with the restore
    warning = origin_warning(db_file, unit, paths, current_unit(paths))
    if warning and not args.force:
        raise UserError(f"没有恢复：{warning}如确要用这份备份恢复，请在命令后加上 --force。")
    if warning:
        print(f"提示：{warning}（已按 --force 继续。）")
    since = work_taken_out(paths, args.file)  # what the restore takes out, as the window says
    # Checked through before anything is replaced; refused (exit 1, nothing changed) when
    # the current data cannot first be backed up, e.g. on a full disk.
    done = restore_backup(args.file, paths)
    info = done.manifest
    labels = {"person": "人员名册", "warning_session": "警示教育", "talk": "谈话记录",
              "rectification_item": "整改事项", "activity": "会议活动", "attachment": "佐证材料"}
    counts = "，".join(f"{labels.get(t, t)} {n} 条" for t, n in info.counts.items())
    print(f"已从 {args.file.name}（{info.created:%Y-%m-%d %H:%M} 备份）恢复：{counts}。")
    if done.kept:
        print(f"恢复前的数据已另行备份到 {done.kept}")
        if since:  # revloss2 L-3: said by the window, not by the command
            print(f"这份备份之后，{'，'.join(since)}；这些不在恢复后的数据中，只留在上面这份"
                  "恢复前的备份里。")
    if done.set_aside:
        print(f"原来已损坏的数据文件已改名保存为 {done.set_aside}")
    if info.printed:
        put_back = len(info.printed) - len(done.printed_missing)
        print(f"交出报告的留存件 {put_back} 份已放回“报告\\打印留存”"
              + (f"，{len(done.printed_missing)} 份未能放回：{'、'.join(done.printed_missing)}"
                 if done.printed_missing else "") + "。")
    return 0


def _check(args: argparse.Namespace) -> int:
    from lianzheng_desktop.storage.audit import data_problems

    told: list[str] = []
    store = open_store(args, daily_backup=False, tell=told.append)
    problems = data_problems(store)
    _say(notice for notice in told if not any(notice in problem for problem in problems))
    if not problems:
        print("检查完毕：数据文件完好，留痕记录完整，未发现在软件之外的改动。")
        return 0
    print(f"检查发现 {len(problems)} 个问题：")
    for problem in problems:
        print(f"  {problem}")
    return 1
