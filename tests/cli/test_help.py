"""`lianzheng --help` and argparse's messages in Chinese."""

import pytest

from lianzheng_desktop.cli import main

ENGLISH = ("usage:", "show this help", "positional arguments", "options:", "required:",
           "invalid choice")


COMMANDS = ["demo", "export", "import", "plan", "checklist", "report", "backup", "restore",
            "check"]


@pytest.mark.parametrize("argv", [["--help"], *([command, "--help"] for command in COMMANDS)])
def test_help_is_chinese(capsys, argv):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：lianzheng") and "显示本帮助并退出" in text
    assert not [word for word in ENGLISH if word in text]
    assert "选项：\n" in text and not [line for line in text.splitlines() if line.endswith(":")]


def test_argument_errors_are_chinese(capsys):
    with pytest.raises(SystemExit) as done:
        main(["report", "--year", "2022"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "命令参数有误：缺少必需的参数：-o/--output" in err
    assert not [word for word in ENGLISH if word in err]


@pytest.mark.parametrize("argv, opens_window", [
    (["--db", "台账.db", "--today", "2022-09-30"], True),
    (["--exit-after-start"], True),
    ([], True),
    (["--db", "台账.db", "checklist"], False),  # a command
    (["--db", "checklist"], True),  # a file named like a command is still a file
    (["-h"], False),
    (["--version"], False),
    (["--today", "2022-13-01"], False),  # the full parser words the error
    (["--bogus"], False),
])
def test_only_window_options_skip_the_command_parsers(monkeypatch, argv, opens_window):
    """The window's start reads its few options without building every command's parser;
    anything else is read by the full parser, as before."""
    import lianzheng_desktop.cli as cli

    built = []
    monkeypatch.setattr(cli, "build_parser", lambda: built.append(1) or (_ for _ in ()).throw(
        SystemExit(99)))
    launched = []
    monkeypatch.setattr("lianzheng_desktop.cli.gui_launch.launch_gui",
                        lambda args: launched.append(args) or 0)
    if opens_window:
        assert main(argv) == 0
        assert not built and launched[0].command is None
        if "--today" in argv:
            assert str(launched[0].today) == "2022-09-30"
    else:
        with pytest.raises(SystemExit):
            main(argv)
        assert built and not launched


def test_a_bad_window_option_is_reported_once(capsys):
    with pytest.raises(SystemExit):
        main(["--today", "2022-13-01"])
    err = capsys.readouterr().err
    assert err.count("命令参数有误") == 1 and "2022-13-01" in err


def test_output_cut_short_by_its_reader_is_no_error():
    """`lianzheng plan show --json | head`: the reader closing the pipe is not 无法读写文件."""
    import subprocess
    import sys

    program = ("import sys\n"
               "from lianzheng_desktop.cli.common import run_handler\n"
               "def handler(args):\n"
               "    raise BrokenPipeError(32, 'Broken pipe')\n"
               "sys.exit(run_handler(handler, None))\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
