"""Drafts of record forms laid over their records as they are now."""



def test_a_list_she_changed_and_a_rename_since_both_hold_when_restored():
    """She added 刘芳 to a session's attendees and the form was lost; 高建军 was renamed 高健军
    since: the draft put "高建军" back as a name no one has, and left 高健军 unticked
    (reviewer revlast2, 3). Her change goes over the list as it is now."""
    from datetime import datetime

    from lianzheng_desktop.storage.drafts import Draft, restore_over

    draft = Draft("warning_education", 7, {"attendees": ["高建军", "王建国", "刘芳"],
                                           "topic": "学习"}, datetime(2022, 12, 1),
                  was={"attendees": ["高建军", "王建国"], "topic": "学习"})
    restored = restore_over(draft, {"attendees": ("高健军", "王建国"), "topic": "学习"})
    assert restored.values == {"attendees": ["高健军", "王建国", "刘芳"]}
    assert restored.since == {"attendees": (["高建军", "王建国"], ["高健军", "王建国"])}
    # one she took off stays off
    draft = Draft("warning_education", 7, {"attendees": ["高建军"]}, datetime(2022, 12, 1),
                  was={"attendees": ["高建军", "王建国"]})
    assert restore_over(draft, {"attendees": ("高健军", "王建国")}).values == {
        "attendees": ["高健军"]}
