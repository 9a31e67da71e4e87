import pytest

from lianzheng_desktop.core.report_model import ReportPeriod
from lianzheng_desktop.report_service import write_report


@pytest.fixture
def q3_pdf(demo_store, tmp_path):
    path = tmp_path / "2022Q3.pdf"
    write_report(demo_store, ReportPeriod(2022, 3), path)
    return path
