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


@pytest.mark.parametrize(
    "text",
    ["二〇二二年三月五日", "二○二二年三月五日", "2022年3月5日（星期六）", "2022年3月5日(周六)",
     "2022年3月5日上午", "2022-03-05 09:30", "2022-03-05 09:30:00", "2022年3月5日 9：30",
     "2022年3月5日（星期六）下午3点半", "2022年3月5日星期六", "2022.3.5."],
)
def test_dates_as_ledgers_kept_in_word_or_by_hand_write_them(text):
    """What ledgers typed by hand put after the day (weekday, part of the day, hour) and the
    Chinese-numeral dates of documents written in Word: the day is read, the rest dropped."""
    assert v.read_date(text) == date(2022, 3, 5)


@pytest.mark.parametrize("text", ["2022.3.5-3.6", "2022年3月5日至6日", "2022年3月5日会议",
                                  "二〇二二年三月", "二〇二二年十三月五日"])
def test_a_second_day_or_other_words_after_a_date_are_not_dropped(text):
    with pytest.raises(ValueError):
        v.read_date(text)


def test_a_weekday_that_is_another_days_is_a_slip_to_check():
    with pytest.raises(v.WeekdayMismatchError, match="2022年3月5日是星期六，与所写的星期一不符"):
        v.read_date("2022年3月5日（周一）")


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
