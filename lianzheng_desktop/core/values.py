"""Lenient reading of what users type or paste: dates, name lists, yes/no, counts.

Each reader returns the typed value or raises ``ValueError``; callers turn that into a
Chinese message naming the field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from lianzheng_desktop.core.numerals import parse_number

_DATE_RE = re.compile(
    r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\.?"
    # what ledgers write after the day: the weekday, the part of the day, the hour
    r"(?:\s*(?:[（(]\s*(?:星期|周|礼拜)([一二三四五六日天])\s*[)）]|(?:星期|周|礼拜)([一二三四五六日天])"
    r"|上午|下午|晚上|早上|中午|\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?"
    r"|\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分|半)?))*\s*$"
)
_COMPACT_DATE_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
# 二〇二六年三月十五日, as documents written in Word date things: the year digit by digit
_HAN_DATE_RE = re.compile(r"^\s*([〇○零一二三四五六七八九]{4})\s*年"
                          r"\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_HAN_YEAR = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_WEEKDAYS = "一二三四五六日"
NAME_SEPARATORS = re.compile(r"[、，,;；/／\n\r]+")  # and spaces, between whole names
YES = {"是", "y", "yes", "true", "1", "√", "✓"}
NO = {"否", "n", "no", "false", "0", "", "×"}


class WeekdayMismatchError(ValueError):
    """A date whose weekday, written beside it, is another day's: one of the two is a slip."""


def read_date(value: object) -> date | None:
    """None for blank; accepts date, datetime, 2022-03-05, 2022/3/5, 2022年3月5日, 20220305,
    二〇二二年三月五日, and a weekday or hour after the day (2022年3月5日（星期六）上午9:30)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    text = plain_width(value).strip()
    if not text:
        return None
    han = _HAN_DATE_RE.match(text)
    if han:
        year, month, day = han.groups()
        text = (f"{year.translate(_HAN_YEAR)}年{parse_number(month)}月{parse_number(day)}日"
                + text[han.end():])
    match = _DATE_RE.match(text) or _COMPACT_DATE_RE.match(text)
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) for g in match.groups()[:3])
    day_read = date(year, month, day)  # raises ValueError for 2022-02-30
    weekday = next((w for w in match.groups()[3:] if w), None)
    if weekday is not None and _WEEKDAYS[day_read.weekday()] != weekday.replace("天", "日"):
        actual = _WEEKDAYS[day_read.weekday()]
        raise WeekdayMismatchError(f"{year}年{month}月{day}日是星期{actual}，"
                                   f"与所写的星期{weekday}不符，请核对日期")
    return day_read


def plain_width(text: str) -> str:
    """Full-width digits, letters and signs as the ASCII ones (２０２６．３．１５ → 2026.3.15,
    １２ → 12, the ideographic space → a space): what a Chinese input method types."""
    return unicodedata.normalize("NFKC", text)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or char == "\u3007"


def person_names(text: str) -> list[str]:
    """The names in a run of text separated by spaces only. Single Chinese characters
    standing apart are one name spaced out to line up (“刘  芳” is 刘芳, as rosters pad a
    two-character name to the width of a three-character one); longer pieces are names of
    their own (“王建国 李秀梅”)."""
    names: list[str] = []
    spaced = ""  # single characters so far, joined
    for piece in text.split():
        if len(piece) == 1 and _is_han(piece):
            spaced += piece
            continue
        if spaced:
            names.append(spaced)
            spaced = ""
        names.append(piece)
    if spaced:
        names.append(spaced)
    return names


def person_name(text: str) -> str:
    """One person's name without the spaces that only pad it (“刘  芳” → 刘芳); a name
    whose pieces are longer (“阿依古丽 买买提”) keeps its space."""
    text = text.strip()
    if text and all(_is_han(c) or c.isspace() for c in text):
        pieces = text.split()
        if all(len(piece) == 1 for piece in pieces):
            return "".join(pieces)
    return text


def read_names(value: object) -> tuple[str, ...]:
    """Names separated by 、 ， , ; / line breaks or spaces; order kept, repeats dropped.
    Single characters spaced apart are one padded name (“刘  芳、赵  明” → 刘芳, 赵明)."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        parts = [str(v).strip() for v in value]
    elif isinstance(value, str):
        parts = [name for piece in NAME_SEPARATORS.split(value)
                 for name in person_names(piece)]
    else:
        raise ValueError(value)
    seen: dict[str, None] = {}
    for part in parts:
        if part:
            seen.setdefault(part.strip(), None)
    return tuple(seen)


def read_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
    raise ValueError(value)


def read_count(value: object) -> int | None:
    """A whole number ≥ 0; None for blank. Accepts 12, 12.0, "12", "12人"."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueError(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        number = int(value)
    elif isinstance(value, str):
        text = plain_width(value).strip().removesuffix("人").strip()
        if not text:
            return None
        if not text.isascii() or not text.isdigit():
            raise ValueError(value)
        number = int(text)
    else:
        raise ValueError(value)
    if number < 0:
        raise ValueError(value)
    return number


def read_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    raise ValueError(value)


def format_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def format_names(names: tuple[str, ...] | list[str]) -> str:
    return "、".join(names)


def format_bool(value: bool) -> str:
    return "是" if value else "否"
