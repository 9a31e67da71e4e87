"""文件 → 新建数据文件… / 打开数据文件… / 最近打开: which data file the window works on.

The window never swaps its store in place: it names the file to open next and closes
(what is typed is kept as the pages and forms hide), and the start-up opens that file
through the same path as any start (lock, check, migrate, the day's backup).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from lianzheng_desktop.core.errors import UserError
from lianzheng_desktop.paths import app_paths
from lianzheng_desktop.storage.errors import UnreadableFileError, os_error_text

RECENT_KEY = "recent/files"
KEEP_RECENT = 8
FILE_FILTER = "廉政台账数据文件 (*.db)"


def recent_settings() -> QSettings:
    """Where the recent files are kept: beside the default data file (a portable install
    writes nowhere else), shared by every data file the user opens."""
    folder = app_paths().data_dir
    return QSettings(str(folder / "最近打开.ini"), QSettings.Format.IniFormat)


class RecentFiles:
    """The files opened lately, most recent first; in memory only without ``settings``."""

    def __init__(self, settings: QSettings | None):
        self._settings = settings
        self._memory: list[str] = []

    def files(self) -> list[Path]:
        if self._settings is None:
            names = self._memory
        else:
            value = self._settings.value(RECENT_KEY) or []
            names = [value] if isinstance(value, str) else list(value)
        return [Path(name) for name in names if name]

    def add(self, path: Path) -> None:
        path = Path(path).absolute()
        names = [str(path)] + [str(p) for p in self.files() if p != path]
        self._store(names[:KEEP_RECENT])

    def clear(self) -> None:
        self._store([])

    def _store(self, names: list[str]) -> None:
        if self._settings is None:
            self._memory = names
        else:
            self._settings.setValue(RECENT_KEY, names)
            self._settings.sync()


def fill_recent_menu(menu: QMenu, recent: RecentFiles, current: Path, open_file) -> None:
    """One entry per recent file; the open one ticked, a missing one greyed with a note."""
    menu.clear()
    files = recent.files()
    if not files:
        empty = menu.addAction("（还没有打开过其他数据文件）")
        empty.setEnabled(False)
        return
    for index, path in enumerate(files, start=1):
        missing = path != current and not path.exists()
        label = f"&{index} {path.name}" + ("（找不到该文件）" if missing else "")
        action = QAction(label, menu)
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        if path == current:
            action.setCheckable(True)
            action.setChecked(True)
            action.setEnabled(False)
        elif missing:
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _=False, p=path: open_file(p))
        menu.addAction(action)
    menu.addSeparator()
    clear = menu.addAction("清空列表")
    clear.triggered.connect(recent.clear)
    menu.setToolTipsVisible(True)


def why_not_open(path: Path) -> str | None:
    """Before the window closes to open ``path``: a reason in Chinese it cannot, or None."""
    from lianzheng_desktop.storage import lock
    from lianzheng_desktop.storage.opening_guards import refuse_foreign

    try:
        lock.acquire(path)
        lock.release(path)
        refuse_foreign(path)
    except UserError as exc:
        return str(exc)
    except UnreadableFileError:
        return f"“{path.name}”不是廉政台账的数据文件（无法读取），未作任何改动。"
    except OSError as exc:
        return f"无法打开“{path}”：{os_error_text(exc)}。"
    return None


def choose_to_open(parent: QWidget, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "打开数据文件", str(start), FILE_FILTER)
    return Path(name).absolute() if name else None


def choose_new(parent: QWidget, start: Path) -> Path | None:
    """A name for a new data file; an existing file is never taken over."""
    name, _ = QFileDialog.getSaveFileName(parent, "新建数据文件", str(start / "新数据文件.db"),
                                          FILE_FILTER,
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = Path(name).absolute()
    if path.suffix.lower() != ".db":
        path = path.with_name(path.name + ".db")
    if path.exists():
        QMessageBox.warning(parent, "文件已存在",
                            f"“{path.name}”已经存在，新建不会覆盖它。请换一个名字；"
                            "要使用这个文件，请用“打开数据文件…”。")
        return None
    return path
