"""``python -m desktop``: the same entry point as the ``tsunagi`` command."""

import sys

from desktop.launcher import main

sys.exit(main())
