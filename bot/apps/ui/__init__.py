"""The Gradio web app, in parts: the page and its events (layout.py), the chat (chat.py), the sources under each
answer (sources.py), feedback on answers (feedback.py), past conversations kept in the browser
(conversations.py), the Articles tab (articles.py), who may change the library (permission.py) and what uploads
may wait on disk (uploads.py); page.py holds the CSS and script, markup.py keeps every text inert.

The only package that imports gradio; it formats, the core decides. Handlers are module-level functions taking a
`Context` (context.py) first, tested directly.
"""

from .feedback import REASONS, rating_of
from .layout import create_app, launch
from .permission import Permission
from .sources import format_date, highlight, render_answer

__all__ = ["REASONS", "Permission", "create_app", "format_date", "highlight", "launch", "rating_of", "render_answer"]
