"""Render every page of the main window to numbered PNGs (for checking and the README)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from lianzheng_desktop.qt.main_window import MainWindow
from lianzheng_desktop.qt.window_pages import PAGE_NAMES


def save_screenshots(window: MainWindow, folder: Path, size=(1366, 768)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    window.show()
    written = []
    for number, name in enumerate(PAGE_NAMES, start=1):
        window.show_page(name)
        if name == "述廉述责报告" and hasattr(window.report, "generate"):
            window.report.generate(window.report._preview_file)
            window.report.wait()
        for _ in range(5):  # deliver the worker's queued signals and paint
            QApplication.processEvents()
        path = folder / f"{number:02d}-{name}.png"
        window.grab().save(str(path))
        written.append(path)
    return written
