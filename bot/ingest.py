"""Read one article file (.md, .txt, .html, .pdf) into an `Article`: clean text plus metadata.

The text keeps the article's sentences verbatim (citations quote it); only markup is removed.
Does not chunk or embed; a file that cannot be read raises `ArticleError` naming the file and the reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ArticleError

SUPPORTED = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True)
class Article:
    """A cleaned article. `text` is Markdown-ish: `#` headings, `-` list items, plain sentences."""

    id: str
    title: str
    text: str
    sha256: str  # of the file's bytes: an unchanged file is never re-embedded
    source: str  # the file name it came from
    site: str = ""
    url: str = ""
    date: str = ""


def article_id(path: Path) -> str:
    """A stable, URL-safe id from the file name: `My Guide (2).md` -> `my-guide-2`."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "article"


def load_article(path, max_bytes: int = 20_000_000) -> Article:
    path = Path(path)
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None:
        raise ArticleError(path, f"unsupported file type {path.suffix or '(none)'!r}; use .md, .txt, .html or .pdf")
    if not path.is_file():
        raise ArticleError(path, "no such file")
    size = path.stat().st_size
    if size == 0:
        raise ArticleError(path, "the file is empty")
    if size > max_bytes:
        raise ArticleError(path, f"the file is too large ({size:,} bytes; the limit is {max_bytes:,})")
    data = path.read_bytes()
    meta: dict = {}
    if kind == "pdf":
        text, meta = _read_pdf(path, data)
    else:
        raw = _decode(path, data)
        if kind == "html":
            text, meta = _read_html(path, raw)
        elif kind == "markdown" or raw.startswith("---"):
            text, meta = _read_markdown(path, raw)
        else:
            text = raw
    text = clean_text(text)
    if len(re.findall(r"\w+", text)) < 3:
        raise ArticleError(path, "no readable article text was found in it")
    title = str(meta.get("title") or "").strip() or _first_heading(text) or path.stem.replace("_", " ").replace("-", " ")
    return Article(
        id=article_id(path),
        title=title,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        source=path.name,
        site=str(meta.get("site") or meta.get("sitename") or meta.get("publisher") or ""),
        url=str(meta.get("url") or ""),
        date=str(meta.get("date") or ""),
    )


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "it looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(path, f"it is not UTF-8 text (bad byte at position {e.start}); save it as UTF-8") from None


def _read_markdown(path: Path, raw: str) -> tuple[str, dict]:
    import frontmatter  # python-frontmatter: YAML front matter, loaded with yaml.safe_load

    try:
        post = frontmatter.loads(raw)
    except Exception as e:  # malformed YAML: name the file, do not guess
        raise ArticleError(path, f"its front matter is not valid YAML ({type(e).__name__})") from None
    return post.content, dict(post.metadata)


def _read_html(path: Path, raw: str) -> tuple[str, dict]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            raw, include_formatting=True, with_metadata=True, output_format="python", favor_recall=True
        )
    except Exception as e:
        raise ArticleError(path, f"the HTML could not be parsed ({type(e).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise ArticleError(path, "no article text was found in the HTML")
    meta = {"title": doc.title, "sitename": doc.sitename, "url": doc.url, "date": doc.date}
    return doc.text, meta


def _read_pdf(path: Path, data: bytes) -> tuple[str, dict]:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except Exception as e:  # pypdf raises many types for damaged files
        raise ArticleError(path, f"the PDF could not be read ({type(e).__name__}: {e})") from None
    # PDF lines are wrapped at the page edge: rejoin lines inside a paragraph, keep blank-line breaks.
    text = "\n\n".join(pages)
    text = re.sub(r"-\n(?=[a-z])", "", text)
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    meta = {"title": info.get("/Title"), "site": info.get("/Author"), "date": ""}
    return text, meta


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def clean_text(text: str) -> str:
    """Drop Markdown images, link targets, emphasis markers and control characters; normalize line ends.

    Words and sentences are left as they are, so a citation can quote the source faithfully.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def _first_heading(text: str) -> str:
    m = re.search(r"^#{1,6}\s+(.+)$", text, re.M)
    return m.group(1).strip() if m else ""
