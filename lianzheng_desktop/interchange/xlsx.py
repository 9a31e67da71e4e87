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
           "ImportProblem", "ImportResult", "apply_import", "export_workbook", "header",
           "import_workbook", "plan_import"]


@dataclass
class ImportResult:
    counts: dict[str, int] = field(default_factory=dict)  # rows stored per sheet label
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    plan: ImportPlan | None = None


def import_workbook(store: Store, path: Path) -> ImportResult:
    """Plan, then store the new rows unless the plan found problems (no questions asked)."""
    plan = plan_import(store, path)
    result = ImportResult(problems=plan.problems, notes=plan.notes, plan=plan)
    if not plan.problems:
        result.counts = apply_import(store, plan)
    return result
