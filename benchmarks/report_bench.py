"""Issue 5: report generation, start to finished file."""

from datetime import date

from benchmarks.common import WORK, database, median_seconds, open_store, report
from lianzheng_desktop.core.report_model import (
    SECTION_HEADINGS,
    Paragraph,
    ReportDocument,
    ReportPeriod,
    Section,
)
from lianzheng_desktop.pdf.report_pdf import write_pdf
from lianzheng_desktop.report_service import write_report
from lianzheng_desktop.storage.store import Query


def main() -> None:
    one_page = ReportDocument("基准", [], [Section(SECTION_HEADINGS[0],
                                                 [Paragraph("一页正文。" * 20)])])
    baseline = median_seconds(lambda: write_pdf(one_page, WORK / "one-page.pdf"), 5)
    year = open_store(database("one-year", years=1, per_year=5000))
    quarter_rows = sum(year.count(k, Query(start=date(2022, 7, 1), end=date(2022, 9, 30)))
                       for k in ("warning_education", "talk", "activity"))
    small = open_store(database("two-hundred", years=1, per_year=800))
    q_rows = sum(small.count(k, Query(start=date(2022, 7, 1), end=date(2022, 9, 30)))
                 for k in ("warning_education", "talk", "activity", "rectification"))
    quarterly = median_seconds(
        lambda: write_report(small, ReportPeriod(2022, 3), WORK / "q.pdf", keep=False), 3)
    annual = median_seconds(
        lambda: write_report(year, ReportPeriod(2022), WORK / "y.pdf", keep=False), 1)
    report("report PDF (targets: quarterly ≤ 1 s, annual of 5,000 records ≤ 5 s)", [
        ("one-page PDF, same fonts (baseline)", baseline),
        (f"quarterly report, ~{q_rows} records in appendices", quarterly),
        (f"annual report, 5,000-record year ({quarter_rows} in Q3)", annual),
    ], ("quarterly / baseline", quarterly / baseline, None))
    print(f"  quarterly {quarterly:.2f} s (target ≤ 1 s), annual {annual:.2f} s (target ≤ 5 s)")
