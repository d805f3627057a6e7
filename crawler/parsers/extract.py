"""Text out of the files written questions arrive in: plain text, PDF (pypdf), DOCX
(python-docx). The text then goes through crawler.parsers.text like any other."""

from __future__ import annotations

from pathlib import Path


class ExtractionError(ValueError):
    pass


def extract_text(path: Path, fmt: str) -> str:
    if fmt == "text":
        raw = path.read_bytes()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ExtractionError(f"{path.name} is not UTF-8 text (saved as latin-1/cp1252?); re-save as UTF-8") from None
    if fmt == "pdf":
        return pdf_bytes_text(path.read_bytes(), path.name)
    if fmt == "docx":
        import docx

        try:
            document = docx.Document(str(path))
        except (ValueError, KeyError, OSError) as exc:
            raise ExtractionError(f"unreadable DOCX {path.name}: {exc}") from None
        return "\n".join(p.text for p in document.paragraphs)
    raise ExtractionError(f"unknown format {fmt!r}")


def pdf_bytes_text(body: bytes, name: str = "document.pdf") -> str:
    """The text layer of a PDF held in memory (a crawled response), page after page.
    ExtractionError for an unreadable file and for one without a text layer (a scan)."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages]
    # pypdf raises its own errors, and plain ones on some broken files.
    except (PdfReadError, OSError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise ExtractionError(f"unreadable PDF {name}: {exc}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractionError(f"{name}: the PDF has no text layer (a scan?); OCR is not done here")
    return text
