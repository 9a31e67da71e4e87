"""Numbers as plans write them: 4, 12, 一, 两, 十二, 二十, 一百."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_number(text: str) -> int:
    """Arabic (half- or full-width) or Chinese numerals below 1,000; ValueError otherwise."""
    text = text.strip().translate(FULL_WIDTH)
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        raise ValueError(text)
    total, digit = 0, None
    for ch in text:
        if ch in "零〇" and total:  # 一百零五: the zero only marks a gap
            continue
        if ch in DIGITS:
            if digit is not None:  # "一二" is not a number
                raise ValueError(text)
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
    return total + (digit or 0)
