"""The bundle's licences folder (scripts/collect_licenses.py), without building the bundle."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from collect_licenses import collect  # noqa: E402


@pytest.fixture(scope="module")
def licences(tmp_path_factory) -> tuple[Path, list[str]]:
    target = tmp_path_factory.mktemp("licenses")
    return target, collect(target, modules={"reportlab", "openpyxl", "lianzheng_desktop"})


def test_only_the_distributions_bundled_are_listed(licences):
    target, lines = licences
    assert (target / "reportlab").is_dir() and (target / "openpyxl").is_dir()
    assert any(line.startswith("reportlab ") for line in lines)
    for absent in ("python-docx", "pytest", "pyinstaller", "lxml"):  # not among the modules
        assert not (target / absent).exists()
        assert not any(line.startswith(f"{absent} ") for line in lines)


def test_qt_is_covered_by_the_lgpl_text_and_a_source_notice(licences):
    target, _ = licences
    lgpl = (target / "Qt-PySide6" / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 3" in lgpl
    assert "GNU GENERAL PUBLIC LICENSE" in (target / "Qt-PySide6" / "GPL-3.0.txt").read_text(
        encoding="utf-8")
    notice = (target / "Qt-PySide6" / "NOTICE.txt").read_text(encoding="utf-8")
    assert f"Qt {qVersion()}" in notice and "{version}" not in notice
    assert "download.qt.io" in notice and "替换" in notice


def test_every_bundled_font_has_its_licence(licences):
    target, _ = licences
    fonts = ROOT / "resources" / "fonts"
    readme = (fonts / "README.md").read_text(encoding="utf-8")
    for font in [p.name for p in fonts.iterdir() if p.suffix in {".ttf", ".ttc", ".otf"}]:
        row = next(line for line in readme.splitlines() if f"`{font}`" in line)
        named = [part.split("`")[0] for part in row.split("`licenses/")[1:]]
        assert named, f"{font}: README names no licence file"
        for name in named:
            assert (target / "fonts" / name).is_file(), f"{font}: {name} not copied"


def test_index_names_the_project_python_and_qt(licences):
    target, lines = licences
    index = (target / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    assert all(line in index for line in lines)
    assert "lianzheng-desktop: MIT" in index and "Python " in index and "LGPL-3.0" in index
    assert (target / "LICENSE-lianzheng-desktop.txt").read_text() == (
        ROOT / "LICENSE").read_text()
