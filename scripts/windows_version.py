"""The version resource of the Windows executables (Explorer's 属性 → 详细信息), from pyproject."""

from __future__ import annotations

import re

CHINESE_SIMPLIFIED, UNICODE = 0x0804, 1200  # language and code page of the string table


def version_info(project: dict, executable: str):
    """A PyInstaller ``VSVersionInfo`` (needs pefile, which PyInstaller has on Windows)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = [int(n) for n in re.findall(r"\d+", project["version"])[:4]]
    numbers += [0] * (4 - len(numbers))
    strings = {
        "CompanyName": "",
        "FileDescription": "廉政台账",
        "FileVersion": project["version"],
        "InternalName": executable,
        "LegalCopyright": "MIT License",
        "OriginalFilename": f"{executable}.exe",
        "ProductName": "廉政台账",
        "ProductVersion": project["version"],
    }
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=tuple(numbers), prodvers=tuple(numbers)),
        kids=[StringFileInfo([StringTable(f"{CHINESE_SIMPLIFIED:04X}{UNICODE:04X}",
                                          [StringStruct(k, v) for k, v in strings.items()])]),
              VarFileInfo([VarStruct("Translation", [CHINESE_SIMPLIFIED, UNICODE])])])
