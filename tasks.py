#!/usr/bin/env python3
"""Set up and run the project with nothing but Python 3.10+.

    python3 tasks.py start [ARGS]   start the desktop app (default database)
    python3 tasks.py test [ARGS]    run the test suite
    python3 tasks.py bench          run the benchmarks and print figures

Each command first makes ``.venv`` and installs the project into it when needed (again
whenever pyproject.toml changes). On Windows, run ``py tasks.py start`` instead.
"""

from __future__ import annotations

import hashlib
import os
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


def ensure_env() -> None:
    if not PYTHON.exists():
        print("正在创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == _wanted_stamp():
        return
    print("正在安装依赖（首次需要几分钟）…", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True, cwd=ROOT)
    STAMP.write_text(_wanted_stamp())


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"start", "test", "bench"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env()
    if command == "start":
        cmd = [str(PYTHON), "-m", "lianzheng_desktop", *rest]
    elif command == "test":
        cmd = [str(PYTHON), "-m", "pytest", *rest]
    else:
        cmd = [str(PYTHON), str(ROOT / "benchmarks" / "run.py"), *rest]
    return subprocess.call(cmd, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
