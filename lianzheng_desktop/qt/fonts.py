"""A CJK font for the GUI on machines that have none (a bare Linux box)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from lianzheng_desktop.resources_access import resource

BUNDLED_GUI_FONT = ("fonts", "wqy-microhei.ttc")
# Emoji and symbols pasted from chat messages, which the CJK font lacks (as the PDF does)
BUNDLED_SYMBOL_FONT = ("fonts", "Symbola_hint.ttf")


def system_has_cjk() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def _add(parts: tuple[str, str]) -> list[str]:
    path = resource(*parts)
    font_id = QFontDatabase.addApplicationFont(str(path))
    return QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []


def ensure_cjk_font(app: QGuiApplication, has_cjk: Callable[[], bool] = system_has_cjk) -> str:
    """Register the bundled font if needed; return the family used ('' if the system's)."""
    if has_cjk():
        return ""
    families = _add(BUNDLED_GUI_FONT)
    if not families:
        return ""
    symbols = _add(BUNDLED_SYMBOL_FONT)
    if symbols:
        QFont.insertSubstitution(families[0], symbols[0])
    font = QFont(families[0])
    font.setPointSize(app.font().pointSize())
    app.setFont(font)
    return families[0]
