"""Issue 3: numbers as plans write them (core/numerals.parse_number)."""

import pytest

from lianzheng_desktop.core.numerals import parse_number


@pytest.mark.parametrize("text, value", [
    ("4", 4), ("12", 12), ("100", 100), (" 3 ", 3),
    ("４", 4), ("１２", 12),            # full-width digits
    ("一", 1), ("两", 2), ("二", 2), ("三", 3), ("九", 9), ("零", 0),
    ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25),
    ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("九十九", 99),
])
def test_reads_arabic_and_chinese_numerals(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "", "   ", "一二", "三点五", "1.5", "-1", "一千", "abc", "次", "第三", "4次",
])
def test_refuses_what_is_not_a_plain_number(text):
    with pytest.raises(ValueError):
        parse_number(text)
