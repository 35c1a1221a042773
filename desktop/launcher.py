"""The ``tsunagi`` command's entry point. The desktop app starts from here without loading
the command line's modules (the database layer and the services take most of a second to
import, which the app does on a worker while its first window is up); every other command
goes to ``desktop.cli``."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

GUI_OPTIONS = ("--data-dir", "--user")


def setup_logging(log_dir: Path) -> None:
    """A plain log of what the program did, never personal data (ids and codes only)."""
    handler: logging.Handler
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_dir / "tsunagi.log", encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    log = logging.getLogger("tsunagi")
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def gui_arguments(argv: Sequence[str]) -> dict[str, str] | None:
    """``[--data-dir D] [--user U] [gui]`` as {"data_dir":…, "user":…}; None for anything
    else (another command, --help, --version), which the full command line handles."""
    found: dict[str, str] = {}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        name, _, value = arg.partition("=")
        if name in GUI_OPTIONS:
            if not value:
                if not rest:
                    return None
                value = rest.pop(0)
            found[name[2:].replace("-", "_")] = value
        elif arg == "gui" and not rest:
            break
        else:
            return None
    return found


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = gui_arguments(argv)
    if gui is None:
        from desktop.cli import main as command_line

        return command_line(argv)
    from desktop.app import run_gui
    from desktop.config import Config, data_dir_from_env

    data_dir = data_dir_from_env(gui.get("data_dir"))
    setup_logging(Config(data_dir).log_dir)
    return run_gui(data_dir, gui.get("user", ""))


if __name__ == "__main__":
    sys.exit(main())
