"""Entry point for the bundled executables (PyInstaller runs a script, not a module)."""

import sys

from lianzheng_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
