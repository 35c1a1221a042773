"""Every picture and local file the documentation links to exists (a screenshot renamed or
dropped by a script leaves a broken image in the user guide otherwise)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
# [text](target) and ![alt](target), the target up to a space (a title) or ")".
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)")


def local_links(page: Path) -> list[str]:
    return [target for target in LINK.findall(page.read_text(encoding="utf-8"))
            if not re.match(r"[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")]


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_local_link_points_at_a_file(page: Path) -> None:
    missing = [target for target in local_links(page)
               if not (page.parent / target.split("#", 1)[0]).exists()]
    assert missing == []


def test_the_user_guide_shows_screenshots() -> None:
    images = [t for t in local_links(ROOT / "docs" / "USER_GUIDE.md") if t.endswith(".png")]
    assert len(images) > 40 and any(t.startswith("screenshots/en/") for t in images)
