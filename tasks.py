#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.10+.

    python3 tasks.py start [ARGS]   start the desktop app (default database)
    python3 tasks.py test [ARGS]    run the test suite
    python3 tasks.py bench          run the benchmarks and print figures
    python3 tasks.py dist           build the offline bundle in dist/lianzheng/ (PyInstaller)
    python3 tasks.py dist-check     build it and run it from the bundle as an office PC would

Each command first makes ``.venv`` and installs the project into it when needed (again
whenever pyproject.toml changes). On Windows, run ``py tasks.py start`` instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / "installed-from.sha256"


def _wanted_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_env(extra: str = "test") -> None:
    """Create .venv and install the project with ``extra`` (again when pyproject changes)."""
    if not PYTHON.exists():
        print("正在创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _wanted_stamp()
    have = STAMP.read_text().split() if STAMP.exists() else []
    current = have[1:] if have[:1] == [wanted] else []
    if extra in current:
        return
    extras = sorted({"test", extra, *current})
    print("正在安装依赖（首次需要几分钟）…", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[{','.join(extras)}]"], check=True, cwd=ROOT)
    STAMP.write_text(" ".join([wanted, *extras]))


def ensure_test_tools() -> None:
    """LibreOffice, which the Word-export tests convert .docx files with.

    Installed from the system's packages when missing and when it can be (root on a
    Debian-like system); otherwise those tests are skipped and say why.
    """
    if shutil.which("soffice") or shutil.which("libreoffice"):
        return
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    print("正在安装 LibreOffice（用于检查导出的 Word 文档，首次需要几分钟）…", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    quiet = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    for package in ("libreoffice-writer-nogui", "libreoffice-writer"):
        install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", package]
        if subprocess.run(install, **quiet).returncode == 0:
            return
        subprocess.run(["apt-get", "update", "-q"], **quiet)  # the package lists may be stale
        if subprocess.run(install, **quiet).returncode == 0:
            return
    print("未能安装 LibreOffice，Word 文档的版面检查将跳过。", flush=True)


# The Debian/Ubuntu package of each system library Qt's window plugin (xcb) needs and a
# fresh desktop may lack. Qt's own message names the plugin, not the missing library.
QT_SYSTEM_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3", "libX11-xcb.so.1": "libx11-xcb1",
}


CLI_COMMANDS = {"demo", "export", "import", "plan", "checklist", "report", "backup", "restore",
                "check"}


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as "not found", each once, in order."""
    found = []
    for line in ldd_output.splitlines():
        name, _, rest = line.strip().partition(" => ")
        if rest.strip() == "not found" and name not in found:
            found.append(name)
    return found


def qt_libraries_advice(missing: list[str]) -> str:
    """What to install, in Chinese, for the libraries Qt's window plugin cannot find."""
    packages = [QT_SYSTEM_LIBRARIES.get(name, name) for name in missing]
    return ("软件窗口需要的系统库缺少：" + "、".join(missing) + "。\n请先安装（Debian/Ubuntu）：\n"
            "  sudo apt-get install " + " ".join(dict.fromkeys(packages)) + "\n然后重新运行。")


def check_qt_libraries() -> bool:
    """On Linux, before the window starts: can Qt's xcb plugin load? Says what to install."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM") not in (
            None, "", "xcb"):
        return True
    plugins = sorted(VENV.glob("lib/python3*/site-packages/PySide6/Qt/plugins/platforms"))
    if not plugins or not (plugins[0] / "libqxcb.so").exists():
        return True
    qt_lib = plugins[0].parents[1] / "lib"
    outputs = []
    for library in (plugins[0] / "libqxcb.so", qt_lib / "libQt6XcbQpa.so.6"):
        try:
            env = {**os.environ, "LD_LIBRARY_PATH": str(qt_lib)}
            outputs.append(subprocess.run(["ldd", str(library)], capture_output=True,
                                          text=True, env=env).stdout)
        except OSError:
            return True  # no ldd: let Qt speak for itself
    missing = missing_libraries("\n".join(outputs))
    if missing:
        print(qt_libraries_advice(missing), file=sys.stderr)
        return False
    return True


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"start", "test", "bench", "dist", "dist-check"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env("bundle" if command.startswith("dist") else "test")
    if command == "dist":
        return subprocess.call([str(PYTHON), "-m", "PyInstaller", "lianzheng.spec",
                                "--noconfirm", "--log-level", "WARN", *rest], cwd=ROOT)
    if command == "dist-check":
        return subprocess.call([str(PYTHON), str(ROOT / "scripts" / "check_bundle.py"), *rest],
                               cwd=ROOT)
    if command == "start":
        wants_window = not any(a in CLI_COMMANDS or a in ("-h", "--help", "--version")
                               for a in rest)
        if wants_window and not check_qt_libraries():
            return 1
        cmd = [str(PYTHON), "-m", "lianzheng_desktop", *rest]
    elif command == "test":
        ensure_test_tools()
        cmd = [str(PYTHON), "-m", "pytest", *rest]
    else:
        cmd = [str(PYTHON), str(ROOT / "benchmarks" / "run.py"), *rest]
    return subprocess.call(cmd, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
