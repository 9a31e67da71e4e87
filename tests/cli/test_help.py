"""`lianzheng --help` and argparse's messages in Chinese."""

import pytest

from lianzheng_desktop.cli import main

ENGLISH = ("usage:", "show this help", "positional arguments", "options:", "required:",
           "invalid choice")


@pytest.mark.parametrize("argv", [["--help"], ["report", "--help"], ["plan", "--help"]])
def test_help_is_chinese(capsys, argv):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：lianzheng") and "显示本帮助并退出" in text
    assert not [word for word in ENGLISH if word in text]


def test_argument_errors_are_chinese(capsys):
    with pytest.raises(SystemExit) as done:
        main(["report", "--year", "2022"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "命令参数有误：缺少必需的参数：-o/--output" in err
    assert not [word for word in ENGLISH if word in err]
