"""Copy the licence files of every bundled distribution into one folder (for the bundle)."""

from __future__ import annotations

import re
import shutil
import sys
from importlib.metadata import distributions
from pathlib import Path

LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
SKIP = {"pyinstaller", "pyinstaller-hooks-contrib", "pytest", "pytest-qt", "hypothesis",
        "pdfplumber", "pdfminer.six", "pypdf", "pypdfium2", "pip", "setuptools", "wheel",
        "altgraph", "packaging", "iniconfig", "pluggy", "sortedcontainers",
        "pyside6-webengine", "pyside6-addons"}


def collect(target: Path) -> list[str]:
    target.mkdir(parents=True, exist_ok=True)
    names = []
    for dist in distributions():
        name = dist.metadata["Name"]
        if not name or name.lower() in SKIP or name.lower().startswith("lianzheng"):
            continue
        folder = target / name
        for file in dist.files or []:
            if LICENCE_NAME.search(file.name):
                source = Path(dist.locate_file(file))
                if source.is_file():
                    folder.mkdir(exist_ok=True)
                    shutil.copyfile(source, folder / file.name)
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        if folder.exists() or licence:
            names.append(f"{name} {dist.version}: {licence.splitlines()[0] if licence else ''}")
    (target / "THIRD-PARTY.txt").write_text(
        "Bundled third-party software (licence texts in the folders beside this file):\n"
        + "\n".join(sorted(names)) + "\nQt / PySide6: LGPLv3 (see PySide6_Essentials).\n"
        "Fonts: see lianzheng_desktop/resources/fonts/README.md and licenses/.\n",
        encoding="utf-8")
    return names


if __name__ == "__main__":
    print("\n".join(collect(Path(sys.argv[1]))))
