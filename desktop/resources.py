"""Bundled resources (fonts, stylesheet, icons, templates), found the same way from a source
checkout and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    base = Path(frozen_base) if frozen_base else Path(__file__).resolve().parent.parent
    return base.joinpath("resources", *parts)
