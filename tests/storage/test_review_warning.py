"""revjiwei10 K9: the paper named an item finished and never looked back at (回头看) a
problem; 首页 never mentioned it."""

from dataclasses import asdict
from datetime import date

from lianzheng_desktop.storage.plans import load_warnings


def _reviews(store, day):
    return [w.text for w in load_warnings(store, day) if "回头看" in w.text]


def test_an_item_finished_and_not_looked_back_at_is_reminded(demo_store):
    # finished by 9月30日: 5月26日 (looked back at on 9月20日), 6月10日 and 6月22日 (not
    # until 10月12日), 7月28日 (never)
    [line] = _reviews(demo_store, date(2022, 9, 30))
    assert line.startswith("3件整改事项已完成整改，尚未开展“回头看”（") and "回头看日期" in line
    assert "XC-2022-04" in line and "XC-2022-05" not in line  # which: not the one looked back at
    [line] = _reviews(demo_store, date(2022, 10, 31))  # two looked back at on 10月12日
    assert line.startswith("1件整改事项已完成整改"), line
    for item in demo_store.list("rectification"):
        if item.completed_date is not None and item.review_date is None:
            values = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                      for k, v in asdict(item).items()
                      if k not in ("id", "created_at", "updated_at", "late_entry")}
            demo_store.update("rectification", item.id, {**values, "review_date": "2022-10-20"})
    assert _reviews(demo_store, date(2022, 10, 31)) == []  # every 回头看 in: nothing said


def test_no_reminder_where_the_plan_asks_no_look_back(demo_store):
    """revdiff10 E5: under a plan whose only 整改 duty is a count, 首页 named an item
    finished four years before."""
    from lianzheng_desktop.storage.plans import import_plan_text

    import_plan_text(demo_store, "2026年党风廉政建设工作要点\n一、落实主体责任\n1.党支部每季度"
                                 "召开1次专题会议研究党风廉政建设工作。\n2.年内督促整改各类问题"
                                 "不少于4件。\n", 2026)
    assert _reviews(demo_store, date(2026, 12, 1)) == []
    # and under the 2022 plan, its 巡察整改 duty waits only for this year's and last year's
    assert len(_reviews(demo_store, date(2022, 9, 30))) == 1
