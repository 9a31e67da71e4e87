"""The one way to reach bundled files (plans, fonts, icons, migrations).

``resources/`` and ``db/`` are the packages ``lianzheng_desktop.resources`` and
``lianzheng_desktop.db`` (see pyproject.toml and lianzheng.spec). In a source checkout
(editable install), an installed wheel and a PyInstaller bundle alike their files are plain
files beside the package's ``__init__``, so each is found from where Python imported that
package, and no code guesses paths. (``importlib.resources`` answers the same, but loading
it took about 3 ms of every start of the window.)
"""

from __future__ import annotations

from pathlib import Path


def _folder(package: str) -> Path:
    module = __import__(package, fromlist=["__file__"])
    return Path(module.__file__).parent


def resource(*parts: str) -> Path:
    """A bundled file below ``resources/``, e.g. ``resource("plans", "trade-union-2022.txt")``."""
    return _folder("lianzheng_desktop.resources").joinpath(*parts)


def migrations() -> list[Path]:
    """The numbered schema migrations in ``db/migrations``, in order."""
    folder = _folder("lianzheng_desktop.db") / "migrations"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


__all__ = ["migrations", "read_text", "resource"]
