"""The one way to reach bundled files (plans, fonts, icons, migrations).

``importlib.resources`` finds them in a source checkout (editable install), an installed
wheel and a PyInstaller bundle alike, so no code guesses paths.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A bundled file below ``resources/``, e.g. ``resource("plans", "trade-union-2022.txt")``."""
    node = files("lianzheng_desktop.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def migrations() -> list[Traversable]:
    """The numbered schema migrations in ``db/migrations``, in order."""
    folder = files("lianzheng_desktop.db").joinpath("migrations")
    return sorted(
        (f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name
    )


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


__all__ = ["as_file", "migrations", "read_text", "resource"]
