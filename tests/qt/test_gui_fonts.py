import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from lianzheng_desktop.qt.fonts import ensure_cjk_font

pytestmark = pytest.mark.gui


def test_emoji_fall_back_to_the_bundled_symbol_font_on_a_bare_machine(qtbot):
    family = ensure_cjk_font(QApplication.instance(), has_cjk=lambda: False)
    assert "symbola" in [name.lower() for name in QFont.substitutes(family)]
