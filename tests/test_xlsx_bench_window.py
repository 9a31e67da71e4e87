"""The window benchmark's child (benchmarks/xlsx_bench.py, ``GUI``) runs against the app:
an import and an export through the window, and the import the old way."""

from benchmarks import xlsx_bench
from lianzheng_desktop.interchange.xlsx import export_workbook


def test_the_window_child_imports_and_exports_and_measures(tmp_path, demo_store):
    book = tmp_path / "台账.xlsx"
    export_workbook(demo_store, book)
    figures = xlsx_bench._gui(str(book), str(tmp_path / "a.db"), idle_ms=100)
    assert figures["records"] == 38  # the demo year's records, the roster apart
    assert figures["idle"] > 0 and figures["import"][0] > 0 and figures["export"][1] > 0
    before = xlsx_bench._gui(str(book), str(tmp_path / "b.db"), blocking=True, idle_ms=100)
    assert before["records"] == 38 and before["blocking"][0] > 0
