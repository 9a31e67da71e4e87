"""廉政台账 — 党支部党风廉政建设台账、季度清单与述廉述责报告。"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lianzheng-desktop")
except PackageNotFoundError:  # running from a bundle without metadata
    __version__ = "0.0.0"
