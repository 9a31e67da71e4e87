from datetime import date, datetime

import pytest

from lianzheng_desktop.core import values as v


@pytest.mark.parametrize(
    "text",
    ["2022-03-05", "2022/3/5", "2022年3月5日", "2022.03.05", " 2022-3-5 ", "20220305",
     "2022年03月05日"],
)
def test_dates_in_the_forms_offices_type_them(text):
    assert v.read_date(text) == date(2022, 3, 5)


def test_excel_datetimes_become_dates():
    assert v.read_date(datetime(2022, 3, 5, 0, 0)) == date(2022, 3, 5)


@pytest.mark.parametrize("text", ["2022-02-30", "2022-13-01", "三月五日", "2022-3", "05/03/2022"])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(ValueError):
        v.read_date(text)


def test_blank_date_is_none():
    assert v.read_date("  ") is None
    assert v.read_date(None) is None


def test_name_lists_accept_every_separator_and_drop_repeats():
    assert v.read_names("张三、李四，王五,赵六;张三") == ("张三", "李四", "王五", "赵六")
    assert v.read_names("") == ()


@pytest.mark.parametrize(("text", "expected"), [("是", True), ("否", False), ("", False),
                                                (True, True), (0, False)])
def test_yes_no(text, expected):
    assert v.read_bool(text) is expected


def test_yes_no_refuses_other_words():
    with pytest.raises(ValueError):
        v.read_bool("可能")


@pytest.mark.parametrize(("raw", "expected"), [(12, 12), (12.0, 12), ("12", 12), ("12人", 12),
                                               ("", None), (None, None)])
def test_counts(raw, expected):
    assert v.read_count(raw) == expected


@pytest.mark.parametrize("raw", [-1, 1.5, "十二", "1e3", True])
def test_counts_refuse_non_whole_numbers(raw):
    with pytest.raises(ValueError):
        v.read_count(raw)
