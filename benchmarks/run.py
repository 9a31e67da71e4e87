"""Run every benchmarks/*_bench.py and print figures (never a pass/fail test)."""

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    names = sorted(p.stem for p in (ROOT / "benchmarks").glob("*_bench.py"))
    wanted = sys.argv[1:] or names
    for name in names:
        if name in wanted or name.removesuffix("_bench") in wanted:
            importlib.import_module(f"benchmarks.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
