"""Fonts for the printed report: the office PC's own where present, else bundled ones.

Every font is TrueType (reportlab embeds and subsets those; CFF/OpenType-PS fonts such as
Noto CJK cannot be embedded). Each is registered once per process, from a cache of its
parsed tables (``fontcache``) so that a 10 MB font is not parsed again for every report.
A character the chosen font lacks is drawn with the next font of its fallback chain that
has it, never as an empty box.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from lianzheng_desktop.pdf.fontcache import cache_dir, load_font
from lianzheng_desktop.resources_access import resource

# role → candidates in order: (file name on the system, subfont index)
SYSTEM_FONTS: dict[str, list[tuple[str, int]]] = {
    "fangsong": [("simfang.ttf", 0), ("STFANGSO.TTF", 0)],
    "xiaobiaosong": [("FZXBSJW.TTF", 0), ("方正小标宋简体.ttf", 0), ("FZXBSK.TTF", 0),
                     ("方正小标宋_GBK.ttf", 0)],
    "hei": [("simhei.ttf", 0), ("STHEITI.TTF", 0)],
    "kai": [("simkai.ttf", 0), ("STKAITI.TTF", 0)],
    "song": [("simsun.ttc", 0), ("STSONG.TTF", 0)],
}
BUNDLED = {"song": "gbsn00lp.ttf", "kai": "gkai00mp.ttf", "hei": "wqy-microhei.ttc"}
# What each role falls back to when the system lacks it, and for single characters.
CHAINS: dict[str, tuple[str, ...]] = {
    "fangsong": ("fangsong", "song", "kai", "hei"),
    "xiaobiaosong": ("xiaobiaosong", "hei", "song", "kai"),
    "hei": ("hei", "song", "kai"),
    "kai": ("kai", "song", "hei"),
    "song": ("song", "hei", "kai"),
}
# For characters none of the report's fonts has (CJK Extension B and later, emoji,
# symbols): looked for only when such a character turns up. The office PC's own first —
# Windows ships SimSun-ExtB and Segoe UI Symbol — then Symbola, which comes with the app.
FALLBACK_SYSTEM: list[tuple[str, int]] = [
    ("simsunb.ttf", 0), ("SimSun-ExtG.ttf", 0), ("mingliub.ttc", 0), ("HanaMinB.ttf", 0),
    ("HanaMinA.ttf", 0), ("seguisym.ttf", 0), ("Symbola.ttf", 0), ("Symbola_hint.ttf", 0),
    ("NotoSansSymbols2-Regular.ttf", 0), ("DejaVuSans.ttf", 0)]
BUNDLED_FALLBACK = "Symbola_hint.ttf"
GETA = "〓"  # GB 2312 A1FE: the typesetter's mark for a character there is no type for
# Characters that shape others and have no glyph of their own: variation selectors (the
# emoji form of ❤️), zero-width joiners and spaces, the byte-order mark.
INVISIBLE = frozenset("\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09"
                      "\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\u200b\u200c\u200d\u2060"
                      "\ufeff")
ROLE_LABELS = {"fangsong": "仿宋", "xiaobiaosong": "小标宋", "hei": "黑体", "kai": "楷体",
               "song": "宋体"}


_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """reportlab's ToUnicode map, with characters beyond U+FFFF (emoji, Extension B) written
    as UTF-16 pairs: reportlab writes their code point in five digits, which readers take
    for another character when the text is copied or searched."""
    text = _reportlab_cmap(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            pair = chr(code).encode("utf-16-be").hex().upper()
            text = text.replace(f"> <{code:04X}>", f"> <{pair}>")
    return text


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class LoadedFont:
    name: str  # the name registered with reportlab
    path: str
    bundled: bool
    font: TTFont

    def has(self, ch: str) -> bool:
        return ord(ch) in self.font.face.charToGlyph


def font_dirs() -> list[Path]:
    dirs = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs += [Path.home() / ".fonts", Path.home() / ".local/share/fonts",
                 Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 Path("/Library/Fonts"), Path.home() / "Library/Fonts"]
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def _system_index() -> dict[str, Path]:
    """Lower-cased file name → path, for the few names we look for (one walk per process)."""
    wanted = {name.lower() for cands in [*SYSTEM_FONTS.values(), FALLBACK_SYSTEM]
              for name, _ in cands}
    found: dict[str, Path] = {}
    for folder in font_dirs():
        for root, _dirs, files in os.walk(folder):
            for file in files:
                if file.lower() in wanted:
                    found.setdefault(file.lower(), Path(root) / file)
    return found


def _register(name: str, path: Path, index: int) -> TTFont | None:
    try:
        font = load_font(name, path, index, cache_dir())
    except (TTFError, OSError, ValueError):
        return None  # CFF outlines, a damaged file, embedding not allowed…
    pdfmetrics.registerFont(font)
    return font


@cache
def load_role(role: str, system: bool = True) -> LoadedFont | None:
    """The font for one role: the system's if present (and ``system``), else None."""
    if system:
        for file_name, index in SYSTEM_FONTS[role]:
            path = _system_index().get(file_name.lower())
            if path is not None:
                font = _register(f"lz-{role}", path, index)
                if font is not None:
                    return LoadedFont(f"lz-{role}", str(path), False, font)
    return None


@cache
def load_bundled(role: str) -> LoadedFont:
    file_name = BUNDLED[role]
    path = resource("fonts", file_name)
    font = _register(f"lz-bundled-{role}", path, 0)
    if font is None:  # pragma: no cover — the bundled files are known to load
        raise RuntimeError(f"bundled font {file_name} failed to load")
    return LoadedFont(f"lz-bundled-{role}", str(path), True, font)


@cache
def load_fallbacks(system: bool = True) -> tuple[LoadedFont, ...]:
    """The fonts for characters the report's own fonts lack, the system's first."""
    fonts: list[LoadedFont] = []
    for n, (file_name, index) in enumerate(FALLBACK_SYSTEM if system else []):
        path = _system_index().get(file_name.lower())
        font = _register(f"lz-fallback-{n}", path, index) if path is not None else None
        if font is not None:
            fonts.append(LoadedFont(f"lz-fallback-{n}", str(path), False, font))
    path = resource("fonts", BUNDLED_FALLBACK)
    font = _register("lz-bundled-fallback", path, 0)
    if font is not None:
        fonts.append(LoadedFont("lz-bundled-fallback", str(path), True, font))
    return tuple(fonts)


class FontSet:
    """The fonts of one report: a primary font per role and its fallback chain."""

    def __init__(self, use_system: bool = True):
        self.use_system = use_system
        self._chains: dict[str, list[LoadedFont]] = {}
        self._font_of: dict[tuple[str, str], LoadedFont | None] = {}
        self._advance: dict[tuple[str, str], float] = {}

    def chain(self, role: str) -> list[LoadedFont]:
        if role not in self._chains:
            fonts: list[LoadedFont] = []
            for member in CHAINS[role]:
                font = load_role(member, self.use_system)
                if font is not None and font not in fonts:
                    fonts.append(font)
            for member in CHAINS[role]:
                if member in BUNDLED and load_bundled(member) not in fonts:
                    fonts.append(load_bundled(member))
            self._chains[role] = fonts
        return self._chains[role]

    def primary(self, role: str) -> LoadedFont:
        return self.chain(role)[0]

    def font_of(self, ch: str, role: str) -> LoadedFont | None:
        """The first font of the role's chain that has ``ch``, else the first fallback font
        that has it; None for an invisible character or one no font has."""
        key = (ch, role)
        if key not in self._font_of:
            font = next((f for f in self.chain(role) if f.has(ch)), None)
            if font is None and ch not in INVISIBLE and not ch.isspace():
                font = next((f for f in load_fallbacks(self.use_system) if f.has(ch)), None)
            elif font is None and ch.isspace():
                font = self.primary(role)
            self._font_of[key] = font
        return self._font_of[key]

    def printable(self, ch: str, role: str) -> bool:
        return ch in INVISIBLE or self.font_of(ch, role) is not None

    def advance(self, ch: str, role: str) -> float:
        """The advance width of ``ch`` at 1 pt (of 〓 for a character no font has)."""
        key = (ch, role)
        width = self._advance.get(key)
        if width is None:
            font = self.font_of(ch, role)
            if ch in INVISIBLE:
                width = 0.0
            elif font is None:
                width = self.advance(GETA, role)
            else:
                width = pdfmetrics.stringWidth(ch, font.name, 1.0)
            self._advance[key] = width
        return width

    def runs(self, text: str, role: str) -> list[tuple[LoadedFont, str]]:
        """Split ``text`` into runs, each in the first font that has it; invisible
        characters left out, one no font has drawn as 〓 (never as a blank)."""
        runs: list[tuple[LoadedFont, str]] = []
        for ch in text:
            font = self.font_of(ch, role)
            if font is None:
                if ch in INVISIBLE:
                    continue
                ch, font = GETA, self.font_of(GETA, role)
            if runs and runs[-1][0] is font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return runs

    def widths(self, text: str, role: str, size: float) -> list[float]:
        return [self.advance(ch, role) * size for ch in text]

    def width(self, text: str, role: str, size: float) -> float:
        return sum(self.advance(ch, role) for ch in text) * size

    def describe(self) -> dict[str, str]:
        """Which font each role uses, for the user ("仿宋: simfang.ttf")."""
        return {ROLE_LABELS[r]: Path(self.primary(r).path).name for r in CHAINS}


@lru_cache(maxsize=2)
def default_fonts(use_system: bool = True) -> FontSet:
    return FontSet(use_system)
