"""Scanned signed originals (PDF, JPEG, PNG): what a file is, whether it can be printed, and
its pages as drawn on an A4 sheet of the referral packet."""

from __future__ import annotations

import io
from dataclasses import dataclass

from desktop.errors import DomainError
from desktop.i18n import translator

_t = translator("Forms")
MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 20
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
        finally:
            document.close()
        if not 1 <= pages <= MAX_PAGES:
            raise UnreadableScan(_t("PDF のページ数は1〜{n}ページにしてください").format(n=MAX_PAGES))
        return ScanFile(PDF, pages)
    if content.startswith(b"\xff\xd8\xff") or content.startswith(b"\x89PNG\r\n\x1a\n"):
        from PIL import Image

        try:
            with Image.open(io.BytesIO(content)) as image:
                image.verify()
        except Exception:
            raise UnreadableScan(_t("画像を読み取れません（壊れています）")) from None
        return ScanFile(JPEG if content[0] == 0xFF else PNG, 1)
    raise UnreadableScan(_t("添付できるのは PDF・JPEG・PNG のファイルです"))
