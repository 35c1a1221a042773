"""Entry point of the bundled application (PyInstaller): the same as the ``tsunagi`` command."""

import sys

from desktop.launcher import main

if __name__ == "__main__":
    sys.exit(main())
