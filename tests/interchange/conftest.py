from tests.cli.conftest import cli  # noqa: F401 — ``lianzheng ARGS`` run in-process
