"""廉政台账 — 党支部党风廉政建设台账、季度清单与述廉述责报告。"""


def __getattr__(name: str) -> str:
    # importlib.metadata costs ~20 ms; read the version only when someone asks for it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("lianzheng-desktop")
        except PackageNotFoundError:  # running from a bundle without metadata
            return "0.0.0"
    raise AttributeError(name)
