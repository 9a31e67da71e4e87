"""Root test configuration: every test runs headless, and nothing is written to the
machine's own settings or cache folders (the audit key and the font cache go to a
folder of the run's own)."""

import os
import tempfile

# Headless by default; LIANZHENG_TEST_QPA=xcb runs the GUI tests in a real window (e.g. under
# xvfb-run) instead.
os.environ["QT_QPA_PLATFORM"] = os.environ.get("LIANZHENG_TEST_QPA", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
_SCRATCH = tempfile.mkdtemp(prefix="lianzheng-tests-")
os.environ.setdefault("LIANZHENG_KEY_DIR", os.path.join(_SCRATCH, "key"))
os.environ.setdefault("LIANZHENG_FONT_CACHE", os.path.join(_SCRATCH, "fonts"))
