"""Typed report text compared with earlier reports: repeated sentences and stale wording."""

from lianzheng_desktop.core.copy_check import check, sentences, stale_words

LAST_QUARTER = {
    "二、个人廉洁自律情况": (
        "本人始终把学习贯彻中央八项规定精神作为必修课，带头遵守各项纪律规定。"
        "严格执行领导干部个人有关事项报告制度，2022年3月如实填报个人有关事项。"
        "注重家庭家教家风，经常提醒家属廉洁自律，未发现违规收送礼品礼金问题。"),
}


def test_repeated_sentences_are_counted_and_named():
    typed = {"二、个人廉洁自律情况": (
        "本人始终把学习贯彻中央八项规定精神作为必修课，带头遵守各项纪律规定。"
        # the same sentence with the year changed is still the same sentence
        "严格执行领导干部个人有关事项报告制度，2023年3月如实填报个人有关事项。"
        # a word or two changed: still a copy
        "注重家庭家教家风，时常提醒家属廉洁自律，未发现违规收送礼品礼金问题。"
        "本季度参加县纪委组织的廉政测试，成绩合格。")}
    report = check(typed, [("2022年第四季度报告", LAST_QUARTER)], 2023)
    assert report.sentences == 4 and len(report.repeated) == 3 and report.share == 75
    assert report.high
    assert [r.exact for r in report.repeated] == [True, True, False]
    text = report.explain()
    assert "有3句（75%）与2022年第四季度报告相同或几乎相同" in text
    assert "·本人始终把学习贯彻中央八项规定精神作为必修课" in text


def test_fresh_text_is_not_flagged():
    typed = {"二、个人廉洁自律情况": "本季度参加县纪委组织的廉政测试，成绩合格。"
             "十月带队走访三家基层工会，未接受任何宴请。"}
    report = check(typed, [("2022年第四季度报告", LAST_QUARTER)], 2023)
    assert report.repeated == [] and not report.worth_asking


def test_sentences_drawn_from_the_ledgers_are_not_counted():
    drafted = {"一、履行全面从严治党（党风廉政建设）责任情况":
               "县总工会机关党支部坚持把党风廉政建设摆在突出位置，认真履行管党治党主体责任。"}
    report = check(drafted, [("上季度报告", drafted)], 2023, drafted=drafted)
    assert report.sentences == 0 and report.repeated == []


def test_stale_terms_and_past_dates_are_flagged_only_when_stale():
    text = "深入学习贯彻党的十九大和十九届历次全会精神。2021年12月召开民主生活会。"
    assert [s.words for s in stale_words(text, 2022)] == ["2021年12月"]
    found = stale_words(text, 2023)
    assert [s.words for s in found] == ["十九届", "2021年12月"]
    assert "二十届" in found[0].why
    report = check({"二": text}, [], 2023)
    assert report.worth_asking and "过时的提法“十九届”" in report.explain()


def test_sentences_split_on_chinese_stops():
    assert sentences("一是加强学习；二是严格监督。\n三是抓好整改") == [
        "一是加强学习；", "二是严格监督。", "三是抓好整改"]
