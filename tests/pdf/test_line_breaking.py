"""The line breaker's rules, for any text (hypothesis)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from lianzheng_desktop.pdf.layout import NO_LINE_END, NO_LINE_START, break_lines

ALPHABET = "党风廉政建设整改陈立新，。、“”（）：；0123456789-" + "谈话会议"
NUMBER = re.compile(r"[0-9][0-9\-]*")


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=120),
       st.integers(min_value=6, max_value=28), st.booleans())
def test_lines_keep_the_rules(text, chars, short_words):
    widths = [8.0 if ch.isdigit() or ch == "-" else 16.0 for ch in text]
    limit = chars * 16.0
    lines = break_lines(text, widths, limit - 32, limit, 0.0, short_words=short_words)
    assert "".join(lines) == text
    for n, line in enumerate(lines):
        width = sum(widths[len("".join(lines[:n])):][:len(line)])
        assert width <= (limit - 32 if n == 0 else limit) + 0.01
    # the rules hold wherever a line could be made to hold them (not for runs of
    # punctuation or numbers longer than a line)
    for before, after in zip(lines, lines[1:], strict=False):
        if len(before) > 1 and not all(c in NO_LINE_START for c in after[:3]):
            assert after[0] not in NO_LINE_START, lines
            assert before[-1] not in NO_LINE_END, lines
        left, right = NUMBER.search(before[::-1]), NUMBER.match(after)
        if left and right and left.start() == 0 and len(left.group()) < len(before):
            short = len(left.group()) + len(right.group()) < chars  # it could have moved
            assert not short, f"number split: {before!r} / {after!r}"
