"""Which requirement of a plan imported again is which earlier one."""

from lianzheng_desktop.core.plan import Counts, Period, Requirement
from lianzheng_desktop.core.requirement_pairs import added_by_hand, compare, pair_requirements

MEETINGS = Counts("activity", ("专题会议",), "专题会议")


def req(item, text, counts=None, period=None, target=None, item_text=""):
    return Requirement(item=item, text=text, counts=counts, period=period, target=target,
                       item_text=item_text or text)


def test_a_corrected_count_is_the_same_requirement_changed():
    old = [req("5", "全年召开不少于6次专题会议", MEETINGS, Period.YEAR, 6)]
    new = [req("5", "全年召开不少于5次专题会议", MEETINGS, Period.YEAR, 5)]
    assert pair_requirements(old, new) == {0: old[0]}
    replacing = compare(old, "", new, {})
    assert replacing.changed == old and not replacing.removed and not replacing.by_hand


def test_renumbered_and_corrected_together():
    old = [req("4", "推进风险防控"),
           req("5", "全年召开不少于6次专题会议", MEETINGS, Period.YEAR, 6)]
    new = [req("4", "全年召开不少于五次专题会议", MEETINGS, Period.YEAR, 5)]
    assert pair_requirements(old, new) == {0: old[1]}


def test_reworded_with_the_same_measure_under_the_same_item():
    old = [req("5", "每年召开专题会议不少于4次", MEETINGS, Period.YEAR, 4)]
    new = [req("5", "全年至少研究部署4次党风廉政建设工作", MEETINGS, Period.YEAR, 4)]
    assert pair_requirements(old, new) == {0: old[0]}
    quarterly = [req("5", "每季度召开专题会议", MEETINGS, Period.QUARTER, 1)]
    assert pair_requirements(old, quarterly) == {}  # another period: another duty


def test_two_duties_marked_by_hand_are_never_paired_by_their_item_alone():
    """"强化政治监督" taken out, "推进风险防控" renumbered into its place: the mark on the
    one must not pass to the other."""
    old = [req("4", "强化政治监督")]
    new = [req("4", "推进风险防控")]
    assert pair_requirements(old, new) == {}


def test_added_by_hand_is_what_no_text_had():
    text = "1.会议。全年召开不少于6次专题会议。\n"
    assert not added_by_hand(req("1", "全年召开不少于6次专题会议"), text)
    taken_from_unread = Requirement(item="1", text="全年召开不少于6次专题会议")  # no item text
    assert not added_by_hand(taken_from_unread, text)
    assert added_by_hand(Requirement(item="9", text="每月开展1次廉政学习"), text)
    copied_by_yanyong = req("2", "推进风险防控", item_text="推进风险防控。加强廉政风险排查。")
    assert not added_by_hand(copied_by_yanyong, "")  # 沿用: its item text came from a plan


def test_a_number_corrected_in_two_items_keeps_each_items_own_marks():
    """Item 1 "不少于6次" → "5次" and item 2 "5次" → "4次": item 1's new words are item 2's
    old ones, and pairing by words first swapped their notes and 计入要求 (a reviewer)."""
    old = [req("1", "全年开展廉政学习不少于6次", MEETINGS, Period.YEAR, 6),
           req("2", "全年开展廉政学习不少于5次", MEETINGS, Period.YEAR, 5)]
    new = [req("1", "全年开展廉政学习不少于5次", MEETINGS, Period.YEAR, 5),
           req("2", "全年开展廉政学习不少于4次", MEETINGS, Period.YEAR, 4)]
    assert pair_requirements(old, new) == {0: old[0], 1: old[1]}


def test_across_items_two_alike_are_not_paired_by_guess():
    old = [req("3", "强化政治监督"), req("4", "强化政治监督")]
    new = [req("5", "强化政治监督")]  # which one moved? nobody can tell
    assert pair_requirements(old, new) == {}
    assert pair_requirements(old[:1], new) == {0: old[0]}  # one alike: renumbered


def test_how_often_corrected_and_renumbered_is_the_same_duty_changed():
    """The county's corrected plan: 一岗双责 reports 每半年 → 每季度, and renumbered 13 → 14
    as an item was put back before it. It was told as gone, and the default answer took the
    secretary's 计入要求 designations with it (reviewer revyear, F2)."""
    duty = Counts("activity", ("向党支部汇报",), "向党支部汇报")
    old = [req("12", "推进作风建设"),
           req("13", "班子成员每半年向党支部报告一次履行“一岗双责”情况", duty, Period.HALF, 1)]
    new = [req("12", "推进作风建设"), req("13", "推进党务政务公开"),
           req("14", "班子成员每季度向党支部报告一次履行“一岗双责”情况", duty, Period.QUARTER, 1)]
    assert pair_requirements(old, new) == {0: old[0], 2: old[1]}
    replacing = compare(old, "", new, {})
    assert replacing.removed == []
    assert replacing.changes == [(old[1], new[2])]
    assert replacing.added == [new[1]]  # what the new plan brings is told too


def test_how_often_alone_never_pairs_two_duties_alike_across_items():
    old = [req("3", "每季度开展1次集中警示教育"), req("4", "每半年开展1次集中警示教育")]
    new = [req("7", "每月开展1次集中警示教育")]
    assert pair_requirements(old, new) == {}  # which one it corrects, no one can tell


def test_a_type_named_anew_keeps_its_plan_name_only_where_one_holds_the_other():
    from lianzheng_desktop.core.requirement_pairs import keep_type_names

    old = [req("1", "支部每月召开1次支委会", Counts("activity", ("支委会召开",), "支委会召开"),
               Period.MONTH, 1)]
    renamed = [req("1", "支部每月召开1次支委会", Counts("activity", ("支委会",), "支委会"),
                   Period.MONTH, 1)]
    own = {"activity": ("支委会召开",)}
    kept = keep_type_names(old, renamed, own)
    assert kept[0].counts == Counts("activity", ("支委会召开",), "支委会召开")
    other = [req("1", "支部每月召开1次支委会", Counts("activity", ("党小组会",), "党小组会"),
                 Period.MONTH, 1)]
    assert keep_type_names(old, other, own) == other  # another meeting: not a new name
    known = {"activity": ("支委会召开", "支委会")}
    assert keep_type_names(old, renamed, known) == renamed  # both exist: hers to choose


def test_a_duty_read_once_with_its_items_name_run_in_is_the_same_duty_read_without():
    """A plan read before "第一，" was numbering: items 第3段/第11段, names run into the duty.
    Read again, none paired: the old readings stayed as "此前手工补充的" beside the new ones,
    and each duty was counted and planned twice (reviewer revdiff3, D4)."""
    review = Counts("activity", ("考核",), "考核")
    old = [req("第11段", "党支部对党员的考核制度每年对党员进行一次考核", review, Period.YEAR, 1),
           req("第3段", "民主生活系统党支部每学期至少召开一次民主生活会议")]
    new = [req("第六", "每年对党员进行一次考核", review, Period.YEAR, 1),
           req("第二", "党支部每学期至少召开一次民主生活会议")]
    text = "".join(r.text for r in old)
    assert pair_requirements(old, new) == {0: old[0], 1: old[1]}
    replacing = compare(old, text, new, {}, new_text=text)
    assert not replacing.unread and not replacing.removed and not replacing.added
    # two new duties that both end an old one: told apart by no one, so not paired by guess
    twins = [req("一", "每年对党员进行一次考核"), req("二", "每年对党员进行一次考核")]
    assert pair_requirements(old[:1], twins) == {}
