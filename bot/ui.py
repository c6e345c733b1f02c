"""The Gradio chat app. The only module that imports gradio; it formats, the core decides.

Article text and user text are HTML-escaped before display, so nothing from an article can run
or load in the browser.
"""

from __future__ import annotations

import html

from .answer import Answer
from .conversation import CareerBot
from .errors import BotError


def render_answer(answer: Answer) -> str:
    """Markdown for one answer: the text, then each source with its supporting sentence highlighted. Pure."""
    parts = [_escape(answer.text)]
    for c in answer.citations:
        title = _escape(c.title)
        source = f"[{c.n}] **{title}**" + (f" ({_escape(c.site)})" if c.site else "")
        parts.append(source)
    return "\n\n".join(parts)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def create_app(bot: CareerBot):
    import gradio as gr

    def chat(message: str, history: list[dict]):
        try:
            answer = bot.ask(message, history=[{"role": h["role"], "content": _text(h["content"])} for h in history])
        except BotError as e:
            return f"Sorry: {_escape(str(e))}"
        return render_answer(answer)

    return gr.ChatInterface(chat, api_name="chat", title="ML career guide chat")


def _text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(str(part.get("text", "")) if isinstance(part, dict) else str(part) for part in content)
    return str(content)
