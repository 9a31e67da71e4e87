"""Gather the licence of everything a bundle ships into one folder.

The spec calls ``collect`` after PyInstaller's analysis, with the top-level modules and the
binary files it found, so the folder lists exactly what is in the bundle:

- each Python distribution that provides a bundled module (its licence files);
- Qt and PySide6 (LGPLv3: the licence texts and where the source is), from ``licenses/``;
- Python itself;
- the bundled fonts (``resources/fonts/licenses``);
- on Debian-like Linux, the copyright file of each system library PyInstaller copied in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from importlib.metadata import Distribution, distribution, packages_distributions
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
QT_DISTRIBUTIONS = re.compile(r"^(pyside6|shiboken6)", re.IGNORECASE)


def _licence_line(dist: Distribution) -> str:
    text = (dist.metadata.get("License-Expression") or dist.metadata.get("License") or "").strip()
    if not text or "\n" in text:  # some paste the whole licence text into this field
        classifiers = [c.rsplit(" :: ", 1)[-1] for c in dist.metadata.get_all("Classifier", [])
                       if c.startswith("License ::")]
        text = ", ".join(classifiers) or (text.splitlines()[0] if text else "见其许可证文件")
    return f"{dist.metadata['Name']} {dist.version}: {text}"


def _copy_distribution(dist: Distribution, target: Path) -> bool:
    folder = target / dist.metadata["Name"]
    for file in dist.files or []:
        if LICENCE_NAME.search(file.name):
            source = Path(str(dist.locate_file(file)))
            if source.is_file():
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, folder / file.name)
    return folder.exists()


def python_distributions(modules: Iterable[str]) -> list[Distribution]:
    """The installed distributions that provide these top-level modules (Qt's aside)."""
    owners = packages_distributions()
    names = {name for module in modules for name in owners.get(module, [])}
    found = {}
    for name in names:
        if QT_DISTRIBUTIONS.match(name) or name.lower().startswith("lianzheng"):
            continue
        dist = distribution(name)
        found[dist.metadata["Name"].lower()] = dist
    return [found[k] for k in sorted(found)]


def _python_licence() -> Path | None:
    for folder in (Path(sys.base_prefix), Path(sysconfig.get_paths()["stdlib"])):
        for name in ("LICENSE.txt", "LICENSE"):
            if (folder / name).is_file():
                return folder / name
    return None


def _debian_copyrights(binaries: Iterable[str], target: Path) -> list[str]:
    """Copyright files of the Debian packages that own the system libraries bundled."""
    system = {b for b in binaries if b.startswith(("/usr/", "/lib"))}
    if not system or shutil.which("dpkg") is None:
        return []
    # With /lib merged into /usr/lib, dpkg knows each file under one of the two names (and
    # the library's real file, not its soname link): ask for every spelling.
    real = {os.path.realpath(b) for b in system}
    asked = sorted({spelling for path in system | real
                    for spelling in (path, path.removeprefix("/usr") if path.startswith("/usr/")
                                     else "/usr" + path)})
    owners = subprocess.run(["dpkg", "-S", *asked], capture_output=True, text=True).stdout
    packages = sorted({package.split(":")[0] for line in owners.splitlines() if ": " in line
                       for package in line.split(": ", 1)[0].split(", ")})
    copied = []
    for package in packages:
        source = Path("/usr/share/doc") / package / "copyright"
        if source.is_file():
            (target / "system").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / "system" / f"{package}.txt")
            copied.append(package)
    return copied


def collect(target: Path, modules: Iterable[str], binaries: Iterable[str] = ()) -> list[str]:
    """Fill ``target`` and write its index, THIRD-PARTY.txt; returns the index lines."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copyfile(ROOT / "LICENSE", target / "LICENSE-lianzheng-desktop.txt")
    lines = ["廉政台账 lianzheng-desktop: MIT (LICENSE-lianzheng-desktop.txt)"]
    for dist in python_distributions(modules):
        _copy_distribution(dist, target)
        lines.append(_licence_line(dist))

    from PySide6.QtCore import qVersion  # the Qt the bundle is built with

    qt = target / "Qt-PySide6"
    qt.mkdir()
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt"):
        shutil.copyfile(HERE / "licenses" / name, qt / name)
    notice = (HERE / "licenses" / "Qt-PySide6-NOTICE.txt").read_text(encoding="utf-8")
    (qt / "NOTICE.txt").write_text(notice.format(version=qVersion()), encoding="utf-8")
    lines.append(f"Qt / PySide6 / shiboken6 {qVersion()}: LGPL-3.0-only (Qt-PySide6/)")

    python = _python_licence()
    if python is not None:
        (target / "Python").mkdir()
        shutil.copyfile(python, target / "Python" / "LICENSE.txt")
    lines.append(f"Python {sys.version.split()[0]}: PSF-2.0 (Python/)")

    shutil.copytree(ROOT / "resources" / "fonts" / "licenses", target / "fonts")
    lines.append("字体 fonts: Arphic Public License, Apache-2.0, Symbola free licence (fonts/; "
                 "lianzheng_desktop/resources/fonts/README.md)")

    packages = _debian_copyrights(binaries, target)
    if packages:
        lines.append(f"Linux 系统库 system libraries ({len(packages)} Debian packages): "
                     + ", ".join(packages) + " (system/)")
    (target / "THIRD-PARTY.txt").write_text(
        "本软件随附的第三方软件及其许可证（全文在旁边的文件夹中）：\n"
        "Bundled third-party software (licence texts in the folders beside this file):\n\n"
        + "\n".join(lines) + "\n", encoding="utf-8")
    return lines
