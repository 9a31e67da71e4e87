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
        cmd = [str(PYTHON), "-m", "lianzheng_desktop", *rest]
    elif command == "test":
        ensure_test_tools()
        cmd = [str(PYTHON), "-m", "pytest", *rest]
    else:
        cmd = [str(PYTHON), str(ROOT / "benchmarks" / "run.py"), *rest]
    return subprocess.call(cmd, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
