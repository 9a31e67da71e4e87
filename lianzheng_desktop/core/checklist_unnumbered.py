"""The checks of a requirement with no number to reach: done when records of its kind or
pointed at it exist, or when marked done by hand; and 做好巡察整改, done only when every
整改事项 is fixed and has had its 回头看, the items taken as they stood on the checkpoint."""

from __future__ import annotations

from lianzheng_desktop.core.checklist_ask import Ask
from lianzheng_desktop.core.checklist_model import ChecklistItem, Status
from lianzheng_desktop.core.checklist_window import Window, scope_words
from lianzheng_desktop.core.checklist_words import items_words
from lianzheng_desktop.core.plan import Requirement


def check_rectification(key: str, requirement: Requirement, window: Window,
                        ask: Ask) -> ChecklistItem:
    """做好巡察整改: met only when the items are fixed (已完成, or 长期坚持 with its measures)
    and each fixed item has had its 回头看 — one item still 整改中 is not done."""
    when = scope_words(requirement, window)
    # as the items stood on the checkpoint, not as they stand today
    sources = requirement.counts.types if requirement.counts else ()  # 巡察整改: 巡察反馈
    summary = ask.source.rectification_summary(ask.start, ask.end, ask.end, sources, ask.due)
    total, fixed, standing, reviewed = (summary.total, summary.fixed, summary.standing,
                                        summary.reviewed)
    open_items = total - fixed
    # fixed before the span and never looked back at: not yet 销号, so not done
    waiting, named = ask.source.unreviewed_before(ask.start, ask.end, sources)
    parts = [items_words(when, sources, total, summary.carried, " ")] if total else []
    if fixed:
        done = [f"已完成 {fixed - standing} 件" if fixed > standing else "",
                f"长期坚持 {standing} 件" if standing else ""]
        parts.append("、".join(p for p in done if p))
        if reviewed:  # of all the fixed ones, not of the last named
            parts.append(f"已“回头看” {reviewed} 件")
    if open_items:
        parts.append(f"尚在整改 {open_items} 件"
                     + (f"（其中 {summary.due} 件到期未完成）" if summary.due else ""))
    if waiting:
        shown = "、".join(named) + ("等" if waiting > len(named) else "")
        parts.append(f"此前已完成整改的{waiting}件（{shown}）尚未“回头看”")
    if requirement.manual_done:
        status, tail = Status.DONE, "已手工标记为完成"
    elif total and reviewed == total and not waiting:
        status, tail = Status.DONE, "均已整改到位并“回头看”"
    else:  # an item past its deadline is not "in progress": the report lists it a problem
        status = Status.FAILED if window.over else (
            Status.BEHIND if summary.due else Status.ON_TRACK)
        if not total and not waiting:
            tail = "尚无整改事项记录"
        elif open_items:
            tail = "全部整改完成并“回头看”后方为完成"
        else:
            tail = "尚待“回头看”"
    text = "，".join(parts) + "；" + tail if parts else f"{when}{tail}"
    return ChecklistItem(key, requirement, "manual", requirement.period, window.start,
                         window.end, None, None, reviewed, status, text + "。",
                         ask.refs())


def check_unnumbered(key: str, requirement: Requirement, window: Window,
                     ask: Ask) -> ChecklistItem:
    when = scope_words(requirement, window)
    if requirement.counts is not None and requirement.counts.ledger == "rectification":
        return check_rectification(key, requirement, window, ask)
    found = ask.count() if requirement.counts is not None else ask.count_pointed_here()
    if requirement.manual_done:
        status, text = Status.DONE, "此项无量化指标，已手工标记为完成"
        if requirement.note:
            text += f"（{requirement.note}）"
    elif found:
        label = requirement.counts.label if requirement.counts else ""
        pointed = ask.count_pointed_here()
        by_type = f"{label}记录 {found - pointed} 条" if found > pointed else ""
        chosen = f"指定计入此项的记录 {pointed} 条" if pointed else ""
        found_words = "，另有".join(part for part in (by_type, chosen) if part)
        status, text = Status.DONE, f"此项无量化指标，{when}已有{found_words}"
    else:
        status = Status.FAILED if window.over else Status.ON_TRACK
        record = f"录入{requirement.counts.label}记录" if requirement.counts else \
            "录入记录并在“计入要求”中选此项"
        text = f"此项无量化指标，{when}尚无相关记录；完成后请{record}，或在“年度计划”中标记"
    return ChecklistItem(key, requirement, "manual", requirement.period, window.start,
                         window.end, None, None, found, status, text + "。", ask.refs())
