"""A plan read anew names its kinds anew: records of a kind it no longer counts are said,
with where to merge them (reader13: meetings filed under the older reading's
"支委会、一次支部大会" counted for nothing after the better reading, unsaid)."""

from lianzheng_desktop.core.plan import Counts, Period, Plan, Requirement
from lianzheng_desktop.storage import plans
from lianzheng_desktop.storage.idle_types import idle_types, idle_types_said


def _plan(*kinds):
    return Plan(2022, [Requirement("6", f"每季度一次{kind}", period=Period.QUARTER, target=1,
                                   counts=Counts("activity", (kind,), kind)) for kind in kinds])


def test_records_of_a_kind_the_new_plan_no_longer_counts_are_said(store):
    store.add_plan_types([("activity", "支委会、一次支部大会"), ("activity", "支部大会")], 2022)
    plans.save_plan(store, _plan("支委会、一次支部大会", "支部大会"))
    store.add("activity", {"date": "2022-01-15", "type": "支委会、一次支部大会", "topic": "部署"})
    assert idle_types(store, 2022) == []  # still counted
    store.add_plan_types([("activity", "支委会")], 2022)
    plans.save_plan(store, _plan("支委会", "支部大会"))  # the better reading
    assert idle_types(store, 2022) == [("activity", "支委会、一次支部大会", 1)]
    said = idle_types_said(store, 2022)
    assert said.startswith("2022年有记录的类型“支委会、一次支部大会”（1 条，可合并到“支委会”）"
                           "已没有要求计入，这些记录照常保留在台账中。")
    # a kind the plan simply dropped is not to be merged into another (revlast4 F5)
    assert said.endswith("如新计划已不再要求这类活动，不必处理。")
    assert idle_types(store, 2023) == []  # no plan that year: nothing to say


def test_a_kind_with_no_records_of_the_year_or_counted_as_any_is_not_said(store):
    store.add_plan_types([("activity", "支委会、一次支部大会"), ("talk", "党支部书记找党员谈话")],
                         2022)
    plans.save_plan(store, Plan(2022, [Requirement(
        "5", "党支部书记每年至少找党员谈话一次", period=Period.YEAR, target=1,
        counts=Counts("talk", (), "谈话"))]))
    for name, role in (("王建国", "书记"), ("刘芳", "党员")):
        store.add("roster", {"name": name, "role": role, "active": True})
    store.add("talk", {"date": "2022-03-01", "type": "党支部书记找党员谈话", "talker": "王建国",
                       "talkees": ["刘芳"]})
    assert idle_types(store, 2022) == []  # any talk counts; no meeting of the old kind


def test_a_kind_is_offered_to_merge_into_a_kind_of_its_own_ledger_only(store):
    """revcode2 T6: "of the same ledger only" (8c84591) had no test: a 会议活动 kind could be
    offered to merge into a 谈话 kind, which she cannot do."""
    store.add_plan_types([("activity", "谈心谈话会"), ("talk", "谈心谈话")], 2022)
    plans.save_plan(store, Plan(2022, [Requirement(
        "3", "每季度一次谈心谈话", period=Period.QUARTER, target=1,
        counts=Counts("talk", ("谈心谈话",), "谈心谈话"))]))
    store.add("activity", {"date": "2022-02-15", "type": "谈心谈话会", "topic": "谈心"})
    said = idle_types_said(store, 2022)
    assert "“谈心谈话会”（1 条）" in said and "可合并到" not in said
