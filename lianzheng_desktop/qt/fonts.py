"""A CJK font for the GUI on machines that have none (a bare Linux box)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from lianzheng_desktop.resources_access import as_file, resource

BUNDLED_GUI_FONT = ("fonts", "wqy-microhei.ttc")


def system_has_cjk() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font(app: QGuiApplication, has_cjk: Callable[[], bool] = system_has_cjk) -> str:
    """Register the bundled font if needed; return the family used ('' if the system's)."""
    if has_cjk():
        return ""
    with as_file(resource(*BUNDLED_GUI_FONT)) as path:
        font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return ""
    font = QFont(families[0])
    font.setPointSize(app.font().pointSize())
    app.setFont(font)
    return families[0]
