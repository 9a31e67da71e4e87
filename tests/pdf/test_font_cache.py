"""Fonts parsed once per machine: the cache gives the same embedded fonts as parsing."""

import pickle

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from lianzheng_desktop.pdf import fontcache
from lianzheng_desktop.resources_access import resource

TEXT = "党风廉政建设述廉述责报告2022年9月30日（一）“回头看”"


def _embedded(font, path):
    """The subset font program reportlab embeds for TEXT."""
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont(font.fontName, 16)
    canvas.drawString(50, 700, TEXT)
    canvas.save()
    for ref in PdfReader(path).pages[0]["/Resources"]["/Font"].values():
        font_dict = ref.get_object()
        if "/FontDescriptor" in font_dict:  # reportlab's subsets are simple TrueType fonts
            descriptor = font_dict["/FontDescriptor"].get_object()
            return descriptor["/FontFile2"].get_object().get_data()
    raise AssertionError("no font embedded")


def test_a_cached_font_embeds_exactly_as_a_parsed_one(tmp_path):
    cache = tmp_path / "cache"
    for name in ("gbsn00lp.ttf", "wqy-microhei.ttc"):
        path = resource("fonts", name)
        parsed = fontcache.load_font(f"parsed-{name}", path, 0, None)
        fontcache.load_font(f"first-{name}", path, 0, cache)  # parses and stores
        stored = list(cache.glob("*.pickle"))
        assert stored, "the parsed tables are kept"
        cached = fontcache.load_font(f"cached-{name}", path, 0, cache)
        assert "_ttf_data" not in pickle.loads(stored[-1].read_bytes())  # not the glyphs
        assert cached.face.charWidths == parsed.face.charWidths
        subset = [0] + [ord(ch) for ch in TEXT]  # the glyphs, metrics and offsets it takes
        assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)
        assert _embedded(cached, tmp_path / "c.pdf") == _embedded(parsed, tmp_path / "p.pdf")


def test_a_damaged_cache_is_parsed_again_and_replaced(tmp_path):
    cache = tmp_path / "cache"
    path = resource("fonts", "gkai00mp.ttf")
    fontcache.load_font("a", path, 0, cache)
    [stored] = cache.glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    font = fontcache.load_font("b", path, 0, cache)
    assert ord("廉") in font.face.charToGlyph
    assert pickle.loads(stored.read_bytes())["charToGlyph"]  # rewritten whole


def test_a_changed_font_file_is_not_read_from_the_old_entry(tmp_path):
    font_file = tmp_path / "font.ttf"
    path = resource("fonts", "gkai00mp.ttf")
    font_file.write_bytes(path.read_bytes())
    cache = tmp_path / "cache"
    fontcache.load_font("x", font_file, 0, cache)
    font_file.write_bytes(font_file.read_bytes())  # same bytes, a new modification time
    import os
    os.utime(font_file, ns=(1, 1))
    fontcache.load_font("y", font_file, 0, cache)
    assert len(list(cache.glob("*.pickle"))) == 2
