"""Write resources/fonts/coverage.txt: the code points the forms' fonts can draw.

    .venv/bin/python scripts/font_coverage.py [PATH/TO/ipamjm.ttf]

The union of the cmaps of IPAex明朝, IPAexゴシック (resources/fonts) and IPAmj明朝 (Debian's
fonts-ipamj-mincho, /usr/share/fonts/truetype/ipamj/ipamjm.ttf by default), as ranges of hex
code points, one a line. The entry check (desktop/services/hygiene.py) refuses in one-line
fields any character outside it; run this again when a font changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile

ROOT = Path(__file__).resolve().parent.parent
IPAMJ = Path("/usr/share/fonts/truetype/ipamj/ipamjm.ttf")


def main() -> None:
    ipamj = Path(sys.argv[1]) if len(sys.argv) > 1 else IPAMJ
    fonts = [ROOT / "resources" / "fonts" / "ipaexm.ttf", ROOT / "resources" / "fonts" / "ipaexg.ttf",
             ipamj]
    points: set[int] = set()
    for font in fonts:
        points |= {c for c in TTFontFile(str(font)).charToGlyph if c >= 0x20}
    ordered = sorted(points)
    ranges: list[tuple[int, int]] = []
    start = prev = ordered[0]
    for cp in ordered[1:]:
        if cp != prev + 1:
            ranges.append((start, prev))
            start = cp
        prev = cp
    ranges.append((start, prev))
    lines = [f"{a:X}-{b:X}" if a != b else f"{a:X}" for a, b in ranges]
    out = ROOT / "resources" / "fonts" / "coverage.txt"
    out.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{out}: {len(points):,} code points in {len(ranges):,} ranges")


if __name__ == "__main__":
    main()
