import pytest

from lianzheng_desktop.cli import main


@pytest.fixture
def cli(capsys):
    """Run ``lianzheng ARGS`` in-process; returns (exit code, stdout, stderr)."""

    def run(*args):
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
