"""The layers (issue 15.1 and the project's standards): core has no Qt and no SQL; pdf has
no Qt; Qt imports no command-line module; nothing outside storage touches a store's
connection. Read from the source's syntax tree, so a new import breaks this test."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lianzheng_desktop"


def modules(folder: str):
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_has_no_qt_and_no_sql():
    for path, tree in modules("core"):
        for name in imported(tree):
            assert not name.startswith(("PySide6", "sqlite3", "sqlite_utils")), (path, name)
            assert not name.startswith(("lianzheng_desktop.storage", "lianzheng_desktop.qt")), \
                (path, name)


def test_pdf_and_the_app_layer_have_no_qt():
    for folder in ("pdf", "app", "storage"):
        for path, tree in modules(folder):
            assert not any(n.startswith("PySide6") for n in imported(tree)), path


def test_qt_imports_no_command_line_module():
    for path, tree in modules("qt"):
        assert not any(n.startswith("lianzheng_desktop.cli") for n in imported(tree)), path


def test_nothing_outside_storage_touches_a_stores_connection():
    for folder in ("app", "cli", "qt", "core", "pdf", "interchange", "wordexport"):
        for path, tree in modules(folder):
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr == "db" and isinstance(
                        node.value, (ast.Name, ast.Attribute)):
                    owner = node.value.id if isinstance(node.value, ast.Name) \
                        else node.value.attr
                    assert "store" not in owner.lower(), f"{path}:{node.lineno}"
