"""The ledgers as one Excel workbook, the way offices already keep their 台账.

Sheets and header rows follow the ledger specs' labels; a required column's header carries
an asterisk ("日期*"), and both forms are accepted on import.

- ``export_workbook``: every ledger, streamed, as data only (``xlsx_write``).
- ``plan_import``: read and check every row, and compare it with the ledgers kept: new,
  already present, conflicting (``xlsx_plan`` says the rule). Nothing is written, so a
  window or a ``--dry-run`` can show the plan first. Any invalid row: nothing is imported.
- ``apply_import``: store the plan's new rows in one transaction.

Reading the file safely (what it is, size limits, streaming) is ``xlsx_read``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lianzheng_desktop.interchange.xlsx_common import (
    KEY_RULES,
    SHEET_ORDER,
    ImportProblem,
    header,
)
from lianzheng_desktop.interchange.xlsx_plan import (
    Conflict,
    ImportPlan,
    apply_import,
    plan_import,
)
from lianzheng_desktop.interchange.xlsx_write import ExportResult, export_workbook
from lianzheng_desktop.storage.store import Store

__all__ = ["KEY_RULES", "SHEET_ORDER", "Conflict", "ExportResult", "ImportPlan",
           "ImportProblem", "ImportResult", "apply_import", "apply_import_marked",
           "export_workbook", "header",
           "import_workbook", "plan_import"]


@dataclass
class ImportResult:
    counts: dict[str, int] = field(default_factory=dict)  # rows stored per sheet label
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    plan: ImportPlan | None = None


def apply_import_marked(store: Store, path: Path, plan: ImportPlan, *,
                        kept_on_time: bool = False) -> dict[str, int]:
    """``apply_import``, marked in the file as under way first (storage.import_marker): a
    kill or a power cut mid-way is told at the next start, from the window or the command
    line; rows stored per sheet label."""
    from lianzheng_desktop.storage import import_marker

    import_marker.begin(store, path)
    try:
        with store.atomic():
            counts = apply_import(store, plan, kept_on_time=kept_on_time)
            import_marker.clear(store)  # with the rows: both land, or neither
    except BaseException:
        import_marker.forget(store)  # she is told now; nothing was written
        raise
    return counts


def import_workbook(store: Store, path: Path) -> ImportResult:
    """Plan, then store the new rows unless the plan found problems (no questions asked)."""
    plan = plan_import(store, path)
    result = ImportResult(problems=plan.problems, notes=plan.notes, plan=plan)
    if not plan.problems:
        result.counts = apply_import(store, plan)
    return result
