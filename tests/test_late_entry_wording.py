"""补录 is one rule (entered MORE than 7 days after the event), said one way everywhere.

A reviewer found it said three ways — "超过7天", "7天以上" and "7天以后" (以上/以后 take in the
7th day itself, which is not 补录) — and the 7 typed out twice beside LATE_ENTRY_DAYS.
"""

import ast
import re
from datetime import date, datetime
from pathlib import Path

from lianzheng_desktop.core.records import (
    LATE_ENTRY_DAYS,
    LATE_ENTRY_LIMIT,
    LATE_ENTRY_MEANING,
    is_late_entry,
)

PACKAGE = Path(__file__).resolve().parents[1] / "lianzheng_desktop"
# The printed note under every appendix lives in core/report_content.py, which this test's
# branch did not own: its LATE_NOTE should read f"…是{LATE_ENTRY_MEANING}的记录。". Remove the
# entry once it does.
NOT_YET: set[str] = set()
# "7天以上", "{LATE_ENTRY_DAYS} 天以后", "比活动日期晚 7 天": the threshold said another way
OTHER_WORDING = re.compile(r"天\s*(以上|以后|后才)|晚\s*\d+\s*天|早\s*\d+\s*天")


def test_the_seventh_day_is_not_late_and_the_eighth_is():
    event = date(2022, 3, 1)
    assert not is_late_entry(event, datetime(2022, 3, 8, 23, 59))  # 7 days after
    assert is_late_entry(event, datetime(2022, 3, 9, 0, 1))  # 8 days after
    assert LATE_ENTRY_DAYS == 7 and LATE_ENTRY_LIMIT == "超过7天"
    assert LATE_ENTRY_MEANING == "事情发生后超过7天才录入"


def test_no_page_or_command_says_the_threshold_another_way():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where in NOT_YET:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and OTHER_WORDING.search(node.value):
                found.append(f"{where}:{node.lineno}: {node.value[:40]}")
    assert found == []


def test_the_pages_and_commands_say_it_with_the_shared_words():
    import argparse

    from lianzheng_desktop.cli import build_parser
    from lianzheng_desktop.qt.table_model import LATE_TIP

    assert LATE_TIP == "补录：事情发生后超过7天才录入的记录（检查时可能被问到原因）"
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    help_text = "".join(sub.choices["import"].format_help().split())  # wrapped by argparse
    assert "录入时距活动日期已超过7天的标为“补录”" in help_text
