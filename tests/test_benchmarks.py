"""The benchmarks are not run by the tests (they time things), but they must still run:
each module imports, and the code they hand to a child process works against the app."""

import importlib
import pkgutil

import benchmarks
from benchmarks import report_bench


def test_every_benchmark_imports():
    names = [m.name for m in pkgutil.iter_modules(benchmarks.__path__)]
    assert "startup_bench" in names and "report_bench" in names
    for name in names:
        importlib.import_module(f"benchmarks.{name}")


def test_the_font_loading_child_runs(tmp_path):
    assert report_bench._fonts(tmp_path / "cache")() > 0  # parses the three, fills the cache
    assert list((tmp_path / "cache").glob("*.pickle"))


def test_the_start_up_floor_builds_its_widgets_and_paints():
    import sys

    from benchmarks import startup_bench
    from lianzheng_desktop.resources_access import resource

    assert "QTableWidget(15, 4)" in startup_bench.WIDGETS_ONLY  # the page was put in
    font = str(resource("fonts", "wqy-microhei.ttc"))
    run = startup_bench._runner([sys.executable, "-c",
                                 f"FONT = {font!r}\n" + startup_bench.WIDGETS_ONLY])
    painted, ended = run()
    assert 0 < painted <= ended
