"""TrueType fonts parsed once per machine, not on every report.

reportlab reads a font's tables (character map, widths, glyph offsets) each time it opens
it: 40-230 ms per font here, three to five fonts per report. What it extracts is kept in a
small file per font in the app's cache folder (``字体缓存`` beside the data in portable
mode) and read back in a few milliseconds; the font file itself is still read for the
glyphs that get embedded.

A cache file names the font's path, size, modification time and reportlab's version, so a
changed font or library is parsed afresh. A cache that cannot be read or written is
ignored: the font is parsed as before, never left out.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

FORMAT = 2
ENV = "LIANZHENG_FONT_CACHE"  # a folder, or empty to turn the cache off


def cache_dir() -> Path | None:
    """The machine's font cache: ``$LIANZHENG_FONT_CACHE``, else ``字体缓存`` beside the data
    in portable mode, else the user's cache folder."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured else None
    from lianzheng_desktop.paths import portable_data_dir

    portable = portable_data_dir()
    if portable is not None:
        return portable / "字体缓存"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lianzheng", appauthor=False)) / "fonts"


def _key(path: Path, index: int) -> str:
    stat = path.stat()
    text = (f"{FORMAT}|{reportlab.Version}|{path.resolve()}|{index}|{stat.st_size}|"
            f"{stat.st_mtime_ns}")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _scale(units_per_em: int):
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


class _Pairs(Sequence):
    """hmetrics — (advance, left side bearing) per glyph — kept as one flat array: reading
    back 50,000 tuples cost more than all the rest of a font's tables."""

    def __init__(self, flat: array):
        self._flat = flat

    def __getitem__(self, glyph):
        return self._flat[2 * glyph], self._flat[2 * glyph + 1]

    def __len__(self) -> int:
        return len(self._flat) // 2


def _face_state(face: TTFontFace) -> dict:
    """What reportlab extracted, compactly, without the file's bytes and its one function.

    ``glyphToChar`` is left out: reportlab reads it only when shaping text (harfbuzz),
    which the report does not do.
    """
    state = {k: v for k, v in face.__dict__.items()
             if k not in ("_ttf_data", "_pdfScale", "glyphToChar", "hmetrics", "glyphPos")}
    state["hmetrics"] = array("d", [n for pair in face.hmetrics for n in pair])
    state["glyphPos"] = array("q", face.glyphPos)
    return state


def _face_from_state(state: dict, path: Path) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face.hmetrics = _Pairs(state["hmetrics"])
    face.glyphToChar = {}
    face._ttf_data = path.read_bytes()
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _font_from_face(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around an already parsed face (what ``TTFont.__init__`` does after parsing)."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = False  # the report sets Chinese text, which needs no shaping
    return font


def load_font(name: str, path: Path, index: int = 0, folder: Path | None = None) -> TTFont:
    """The font at ``path`` registered under ``name``'s spelling, from the cache when it
    holds it. Raises what reportlab raises for a font it cannot use."""
    path = Path(path)
    cached = None
    if folder is not None:
        try:
            cached = folder / f"{_key(path, index)}.pickle"
            with cached.open("rb") as file:
                return _font_from_face(name, _face_from_state(pickle.load(file), path))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError,
                TypeError, ValueError):
            pass  # not cached yet, or unreadable: parse
    font = TTFont(name, str(path), subfontIndex=index)
    if cached is not None:
        # a font whose tables do not fit the cache's form is simply parsed each time
        with suppress(TypeError, ValueError, OverflowError, pickle.PicklingError):
            _store(cached, _face_state(font.face))
    return font


def _store(target: Path, state: dict) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        with partial.open("wb") as file:
            pickle.dump(state, file, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(target)
    except OSError:
        pass  # a read-only or full disk: the next report parses the font again
