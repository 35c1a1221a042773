"""Scanned signed originals (PDF, JPEG, PNG): what a file is, whether it can be printed, and
its pages as drawn on an A4 sheet of the referral packet."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.errors import DomainError
from desktop.i18n import translator

if TYPE_CHECKING:
    from desktop.documents.forms import ScanPage

_t = translator("Forms")
MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 20
# A scanned sheet is at most A3 (842 × 1191 pt); a page larger than this (≈ 46 cm a side)
# is not a scan (a 333-byte PDF with a 5 m page took 7 GB to draw).
MAX_PAGE_POINTS = 1300
# 600 dpi A4 is 35 million pixels.
MAX_IMAGE_PIXELS = 40_000_000
# What goes on the packet's A4 page: 150 dpi, A3 at most on the longer side.
PRINT_DPI = 150
MAX_PRINT_SIDE = 2480
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"


class UnreadableScan(DomainError):
    """The file is not a PDF, JPEG or PNG this application can print."""


@dataclass(frozen=True)
class ScanFile:
    mime: str
    pages: int


def inspect_scan(content: bytes) -> ScanFile:
    """The kind of a scanned file and its number of pages; UnreadableScan for anything else
    (another format, a damaged or password-protected PDF, an empty file, too large)."""
    if not content:
        raise UnreadableScan(_t("ファイルが空です"))
    if len(content) > MAX_BYTES:
        raise UnreadableScan(_t("ファイルが大きすぎます（{mb} MB まで）").format(
            mb=MAX_BYTES // (1024 * 1024)))
    if content.startswith(b"%PDF-"):
        import pypdfium2

        try:
            document = pypdfium2.PdfDocument(content)
        except pypdfium2.PdfiumError:
            raise UnreadableScan(_t("PDF を開けません（壊れているか、パスワードで保護されています）")) from None
        try:
            pages = len(document)
            if not 1 <= pages <= MAX_PAGES:
                raise UnreadableScan(_t("PDF のページ数は1〜{n}ページにしてください").format(
                    n=MAX_PAGES))
            if any(max(document[i].get_size()) > MAX_PAGE_POINTS for i in range(pages)):
                raise UnreadableScan(_t("PDF のページが大きすぎます（A3 までの用紙を読み取ったものにしてください）"))
        finally:
            document.close()
        return ScanFile(PDF, pages)
    if content.startswith(b"\xff\xd8\xff") or content.startswith(b"\x89PNG\r\n\x1a\n"):
        from PIL import Image

        try:
            with Image.open(io.BytesIO(content)) as image:
                too_large = image.width * image.height > MAX_IMAGE_PIXELS
                image.verify()
        except Exception:
            raise UnreadableScan(_t("画像を読み取れません（壊れています）")) from None
        if too_large:
            raise UnreadableScan(_t("画像が大きすぎます（{n}万画素まで）").format(
                n=MAX_IMAGE_PIXELS // 10_000))
        return ScanFile(JPEG if content[0] == 0xFF else PNG, 1)
    raise UnreadableScan(_t("添付できるのは PDF・JPEG・PNG のファイルです"))


def printed_pages(content: bytes, mime: str) -> list[ScanPage]:
    """A scanned original's pages as they go on paper: drawn afresh as JPEG images at
    150 dpi (A3 at most), so that nothing but the pixels leaves the office — no text, form,
    script or attachment of a PDF, no Exif (a phone photo's place and time), comment or
    trailing bytes of an image. UnreadableScan when a page cannot be drawn."""
    try:
        return _pdf_pages(content) if mime == PDF else [_image_page(content)]
    except UnreadableScan:
        raise
    except Exception:
        raise UnreadableScan(_t("添付された同意書の原本を印刷用に読み取れません。"
                                "同意書の画面で原本を確認し、読み取り直したものに差し替えてください")) from None


def _jpeg(image: Any) -> ScanPage:
    from PIL import Image

    from desktop.documents.forms import ScanPage

    # The pixels alone, in an image of their own: Pillow writes a source's comment (and
    # colour profile) into the JPEG it saves from the image's info.
    image = Image.frombytes("RGB", image.size, image.convert("RGB").tobytes())
    if max(image.size) > MAX_PRINT_SIDE:
        image.thumbnail((MAX_PRINT_SIDE, MAX_PRINT_SIDE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ScanPage(buffer.getvalue(), image.width, image.height)


def _image_page(content: bytes) -> ScanPage:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(content)) as image:
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise UnreadableScan(_t("画像が大きすぎます（{n}万画素まで）").format(
                n=MAX_IMAGE_PIXELS // 10_000))
        # A phone photo's pixels are stored on their side with an Exif note to turn them.
        return _jpeg(ImageOps.exif_transpose(image))


def _pdf_pages(content: bytes) -> list[ScanPage]:
    import pypdfium2

    document = pypdfium2.PdfDocument(content)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            longest = max(page.get_size())
            scale = min(PRINT_DPI / 72, MAX_PRINT_SIDE / max(longest, 1.0))
            pages.append(_jpeg(page.render(scale=scale).to_pil()))
        return pages
    finally:
        document.close()
