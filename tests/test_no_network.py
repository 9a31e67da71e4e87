"""Every main path runs with sockets refused (the autouse fixture in conftest.py)."""

import socket

import pytest

from lianzheng_desktop.cli import main
from tests.conftest import NetworkUsedError


def test_the_guard_really_refuses():
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("127.0.0.1", 9))


def test_the_main_paths_open_no_socket(tmp_path, capsys):
    db = str(tmp_path / "n.db")
    for args in (["demo"], ["checklist", "--quarter", "2022Q3", "--as-of", "2022-09-30"],
                 ["export", str(tmp_path / "a.xlsx")],
                 ["report", "--quarter", "2022Q3", "-o", str(tmp_path / "r.pdf"), "--docx",
                  str(tmp_path / "r.docx")],
                 ["backup", str(tmp_path / "usb")], ["check"],
                 ["plan", "show", "--json"]):
        assert main(["--db", db, *args]) == 0, args
    capsys.readouterr()
