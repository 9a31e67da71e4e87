"""Every package of the source is listed in pyproject.toml, or an installed copy (a wheel, a
bundle built from it) would miss it while the editable install used in development works."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_for_installation():
    listed = ROOT.joinpath("pyproject.toml").read_text(encoding="utf-8")
    for init in sorted(ROOT.joinpath("lianzheng_desktop").rglob("__init__.py")):
        if "__pycache__" in init.parts:
            continue
        name = ".".join(init.parent.relative_to(ROOT).parts)
        assert f'"{name}"' in listed, f"{name} is missing from [tool.setuptools] packages"
