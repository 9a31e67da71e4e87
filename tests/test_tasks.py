"""tasks.py start on a fresh Linux desktop (issue 15.12): the libraries Qt's window plugin
cannot load are named with the packages that bring them, in Chinese."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "tasks", Path(__file__).resolve().parents[1] / "tasks.py")
tasks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tasks)

LDD = """\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def test_the_missing_libraries_are_read_from_ldd_once_each():
    assert tasks.missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                            "libxcb-cursor.so.0"]
    assert tasks.missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)") == []


def test_the_advice_names_the_debian_packages():
    advice = tasks.qt_libraries_advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                        "libunknown.so.9"])
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libunknown.so.9" in advice
    assert advice.startswith("软件窗口需要的系统库缺少")
