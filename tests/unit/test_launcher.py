"""The tsunagi command's entry: the desktop app without the command line's modules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.launcher import gui_arguments


@pytest.mark.parametrize(("argv", "expected"), [
    ([], {}),
    (["gui"], {}),
    (["--data-dir", "/d"], {"data_dir": "/d"}),
    (["--data-dir=/d", "--user", "cw01", "gui"], {"data_dir": "/d", "user": "cw01"}),
    (["--user", "cw01"], {"user": "cw01"}),
])
def test_the_desktop_app_is_recognised(argv: list[str], expected: dict[str, str]) -> None:
    assert gui_arguments(argv) == expected


@pytest.mark.parametrize("argv", [
    ["verify"], ["--user", "admin", "verify"], ["--help"], ["--version"], ["--data-dir"],
    ["gui", "extra"], ["--user"],
])
def test_everything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert gui_arguments(argv) is None


def test_the_command_line_still_answers_through_the_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "desktop", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("tsunagi ")
