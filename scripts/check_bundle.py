"""Run the bundle as an office PC would: no Python environment, portable mode, no network.

    python3 tasks.py dist-check [--rebuild]

Builds dist/lianzheng/ if missing (or with --rebuild), then from the bundle alone: starts
the window and exits once it has painted, fills a demo database, writes the 2022Q3 report
and checks it is a PDF, runs the integrity check, and verifies that nothing was written
outside the bundle's data/ folder (neither in the home or temp folders nor elsewhere in the
bundle) and (where strace exists) that no network socket was opened. Checks the licences
in licenses/ and the size against the 200 MB target. Prints the bundle's size and each
step's time; exits non-zero on any failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = next(iter(PROJECT["scripts"]))  # as in lianzheng.spec
BUNDLE = ROOT / "dist" / NAME
EXE = ".exe" if os.name == "nt" else ""
SYSTEM_CACHES = ("fontconfig",)  # written by the system's font library, not by the app
TARGET_MB = 200
# Licences the bundle must carry whatever else it holds (see scripts/collect_licenses.py).
LICENCES = ("THIRD-PARTY.txt", "LICENSE-lianzheng-desktop.txt", "Qt-PySide6/LGPL-3.0.txt",
            "Qt-PySide6/GPL-3.0.txt", "Qt-PySide6/NOTICE.txt", "fonts/ARPHICPL.txt",
            "fonts/Apache-2.0.txt", "reportlab", "sqlite-utils", "openpyxl", "python-docx")


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def snapshot(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def main(argv: list[str]) -> int:
    if "--rebuild" in argv or not (BUNDLE / f"{NAME}-cli{EXE}").exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "PyInstaller", "lianzheng.spec", "--noconfirm",
                        "--log-level", "WARN"], check=True, cwd=ROOT)
        print(f"构建完成，用时 {time.perf_counter() - start:.0f} 秒")
    size = size_mb(BUNDLE)
    print(f"安装包文件夹：{BUNDLE}（{size:.0f} MB，目标 {TARGET_MB} MB 以内）")
    work = Path(tempfile.mkdtemp(prefix="lianzheng-bundle-"))
    home = work / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home / ".local/share"),
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
           "TMPDIR": str(work / "tmp")}
    (work / "tmp").mkdir()
    if os.name == "nt":
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    marker = BUNDLE / "portable.txt"
    data = BUNDLE / "data"
    shutil.rmtree(data, ignore_errors=True)
    marker.write_text("有此文件时，数据保存在旁边的 data 文件夹中。\n", encoding="utf-8")
    before = snapshot(home) | snapshot(work / "tmp")
    bundle_before = snapshot(BUNDLE)
    strace = shutil.which("strace") if os.name != "nt" else None
    failures = []
    try:
        steps = [
            ("窗口启动并退出", [BUNDLE / f"{NAME}{EXE}", "--exit-after-start"]),
            ("生成示范数据", [BUNDLE / f"{NAME}-cli{EXE}", "demo"]),
            # with data: the integrity check and the day's backup run on their thread
            ("有数据时窗口启动并退出", [BUNDLE / f"{NAME}{EXE}", "--exit-after-start"]),
            ("生成 2022Q3 报告", [BUNDLE / f"{NAME}-cli{EXE}", "report", "--quarter",
                                "2022Q3", "-o", str(work / "q3.pdf")]),
            ("检查数据", [BUNDLE / f"{NAME}-cli{EXE}", "check"]),
        ]
        for label, command in steps:
            trace = work / f"trace-{len(label)}.txt"
            full = [str(c) for c in command]
            if strace:
                full = [strace, "-f", "-qq", "-e", "trace=connect", "-o", str(trace), *full]
            start = time.perf_counter()
            result = subprocess.run(full, env=env, cwd=work, capture_output=True, text=True)
            took = time.perf_counter() - start
            ok = result.returncode == 0
            said = result.stdout.strip()[:80]
            print(f"{'通过' if ok else '失败'}  {label}（{took:.1f} 秒）{said}")
            if not ok or "Traceback" in result.stderr:
                failures.append(f"{label}: {result.stderr.strip()[-400:]}")
            if strace and trace.exists():
                inet = [ln for ln in trace.read_text().splitlines()
                        if "AF_INET" in ln and "connect(" in ln]
                if inet:
                    failures.append(f"{label}: 打开了网络连接：{inet[:3]}")
        pdf = work / "q3.pdf"
        if not (pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and
                pdf.stat().st_size > 50_000):
            failures.append("报告 PDF 没有生成或不完整")
        if not (data / "lianzheng.db").exists():
            failures.append("便携模式下数据没有保存在 data/ 文件夹")
        if not list((data / "备份").glob("*.zip")):
            failures.append("便携模式下没有在 data/备份 中留下当天的自动备份")
        written = [p for p in (snapshot(home) | snapshot(work / "tmp")) - before
                   if not any(part in SYSTEM_CACHES for part in p.parts)]
        written += [p for p in snapshot(BUNDLE) - bundle_before
                    if data not in p.parents]
        if written:
            failures.append(f"在数据文件夹之外写入了文件：{[str(p) for p in written[:5]]}")
        missing = [name for name in LICENCES if not (BUNDLE / "licenses" / name).exists()]
        if missing:
            failures.append(f"licenses/ 中缺少许可证：{missing}")
        if size > TARGET_MB:
            failures.append(f"安装包 {size:.0f} MB，超过 {TARGET_MB} MB")
        if strace is None and os.name != "nt":
            print("提示：未安装 strace，跳过网络连接检查（apt-get install strace 后可检查）。")
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)
    for failure in failures:
        print(f"问题：{failure}")
    print("全部通过。" if not failures else f"共 {len(failures)} 个问题。")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
