"""Text shown as text. Every piece of article or user text the app shows goes through `safe`, which HTML-escapes
it and also neutralizes Markdown syntax, so neither `<img src=...>` nor `![](...)` from an article can load
anything; the only markup in a message is the markup this package writes. Pure; does not know Gradio.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

# Characters that HTML or Markdown would act on, as entities: shown as typed, never interpreted.
# One translate pass, so an entity this writes is never escaped again.
_SAFE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": "<br>"}
    # ":" and "@" too: the chat's Markdown turns a bare "http://...", "mailto:" or "a@b.org" into a live link
    | {c: f"&#{ord(c)};" for c in "[]()!*_`#~|\\{}$:@"}
)
_WWW = re.compile(r"\b(www)\.", re.I)  # ... and "www.example.org" (GFM's autolink)


def safe(text: str) -> str:
    """Text shown as text: HTML-escaped and Markdown-inert (no link made of a bare URL either); line breaks kept. Pure."""
    return _WWW.sub(r"\1&#46;", text.translate(_SAFE))


def safe_url(url: str) -> str:
    """An http(s) link target, or "" (no javascript: or data: links from article metadata)."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return ""
    return html.escape(url.strip(), quote=True) if parsed.scheme in ("http", "https") and parsed.netloc else ""
