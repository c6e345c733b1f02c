"""The Gradio app: a Chat tab (streamed, cited answers with highlighted sources, feedback) and an
Articles tab (list, upload, remove). The only module that imports gradio; it formats, the core decides.

Safety: every piece of article or user text goes through `_safe`, which HTML-escapes it and also
neutralizes Markdown syntax, so neither `<img src=...>` nor `![](...)` from an article can load
anything; the only markup in a message is the markup this module writes.
"""

from __future__ import annotations

import hmac
import html
import json
import logging
import os
import re
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

from ..answer import Answer
from ..conversation import CareerBot, without_surrogates
from ..errors import BotError
from ..feedback import FeedbackStore

log = logging.getLogger(__name__)
UPLOAD_TYPES = [".md", ".markdown", ".txt", ".html", ".htm", ".pdf"]
STREAM_WORDS = 12  # words per streamed update

CSS = """
.sources details { margin: 4px 0; }
.sources summary { cursor: pointer; }
.sources blockquote { margin: 4px 0 8px 0; padding-left: 10px; border-left: 3px solid #ccc; white-space: normal; }
/* Dark text on the highlight in both themes: inherited near-white text on pale yellow was unreadable in dark mode. */
.sources mark { background: #fff3a3; color: #1f1f1f; padding: 0 2px; }
.searched { opacity: 0.75; font-size: 0.9em; }
/* Room above the first message for the chat's toolbar, which would otherwise cover its first line. */
#chat .bubble-wrap { padding-top: 2.5rem; }
#count { font-size: 0.85em; opacity: 0.8; text-align: right; min-height: 1.2em; }
#count.over { color: #b91c1c; opacity: 1; font-weight: 600; }
"""

# Page-level rules go in the page's own <style>: Gradio scopes `css` under its `.contain` element, which the
# page's padding (.main) and the title are outside of.
# On a phone the chat takes the screen and the question box is in view on first load: no page margins or bubble
# indents eating a third of 390 px, a one-line title, and a chat short enough to leave the box above the fold.
PAGE_STYLE = """<style>
@media (max-width: 640px) {
  .gradio-container .main.fillable { padding: 4px !important; }
  #title h2 { font-size: 1.1rem; margin: 0; padding-left: 30px; }  /* clear of the side panel's toggle */
  #title p { display: none; }
  #chat { height: 64vh !important; min-height: 0 !important; }
  #chat .message-row { max-width: 100% !important; margin-left: 0 !important; margin-right: 0 !important; }
  .sources blockquote { padding-left: 6px; margin-left: 0; }
}
</style>"""

# Characters that HTML or Markdown would act on, as entities: shown as typed, never interpreted.
# One translate pass, so an entity this writes is never escaped again.
_SAFE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": "<br>"}
    | {c: f"&#{ord(c)};" for c in "[]()!*_`#~|\\{}$"}
)


def _safe(text: str) -> str:
    """Text shown as text: HTML-escaped and Markdown-inert; line breaks kept. Pure."""
    return text.translate(_SAFE)


def _safe_url(url: str) -> str:
    """An http(s) link target, or "" (no javascript: or data: links from article metadata)."""
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return ""
    return html.escape(url.strip(), quote=True) if parsed.scheme in ("http", "https") and parsed.netloc else ""


def _anchor(answer: Answer) -> str:
    """A key for one answer's source anchors, the same every time the answer is rendered. Pure."""
    import hashlib

    return hashlib.sha256((answer.searched_for + answer.text).encode("utf-8", "replace")).hexdigest()[:10]


def render_text(answer: Answer) -> str:
    """The answer text, safe; list items and paragraphs as line breaks; each [n] a link to its source. Pure."""
    cited = {c.n for c in answer.citations}
    key = _anchor(answer)

    def link(m: re.Match) -> str:
        n = int(m.group(1))
        return f'<a class="cite" href="#src-{key}-{n}">&#91;{n}&#93;</a>' if n in cited else m.group(0)

    text = answer.text
    if answer.suggestions:  # offered as buttons under the message: not listed in it as well
        shown = {f"- {q}" for q in answer.suggestions}
        text = "\n".join(line for line in text.split("\n") if line not in shown)
    return re.sub(r"&#91;(\d+)&#93;", link, _safe(text))


def render_sources(answer: Answer, question: str = "") -> str:
    """HTML under an answer: what was searched (when it differs from `question`: a follow-up rewritten with the
    conversation), then each source with its cited sentences marked. Pure."""
    parts = []
    key = _anchor(answer)
    if question and answer.searched_for and answer.searched_for != question:
        parts.append(f'<p class="searched">Searched for: <em>{_safe(answer.searched_for)}</em></p>')
    if not answer.citations:
        return "".join(parts)
    items = []
    for c in answer.citations:
        meta = " · ".join(_safe(x) for x in (c.site, format_date(c.date)) if x)
        # The section too: two passages of one article would otherwise carry the same label.
        where = f" › {_safe(c.heading)}" if c.heading and c.heading.strip().lower() != c.title.strip().lower() else ""
        summary = f"[{c.n}] {_safe(c.title)}{where}" + (f" — {meta}" if meta else "")
        link = _safe_url(c.url)
        link_html = f'<br><a href="{link}" target="_blank" rel="noopener noreferrer">{link}</a>' if link else ""
        items.append(
            f'<details id="src-{key}-{c.n}"><summary>{summary}</summary>'
            f"{link_html}"
            f"<blockquote>{highlight(c.text, c.highlights)}</blockquote></details>"
        )
    parts.append('<div class="sources"><strong>Sources</strong>' + "".join(items) + "</div>")
    return "".join(parts)


def format_date(value: str) -> str:
    """A date as people write it ("16 Dec 2023"), from ISO text ("2023-12-16T14:59:43+01:00"); other text as is. Pure."""
    from datetime import date, datetime

    text = str(value or "").strip()
    for parse in (lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")).date(), date.fromisoformat):
        try:
            d = parse(text)
            return f"{d.day} {d:%b %Y}"
        except ValueError:
            continue
    return text


def highlight(text: str, spans) -> str:
    """`text`, safe, with each (start, end) span wrapped in <mark>. Pure."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(_safe(text[at:start]))
        out.append(f"<mark>{_safe(text[start:end])}</mark>")
        at = end
    out.append(_safe(text[at:]))
    return "".join(out)


def render_answer(answer: Answer, question: str = "") -> str:
    return render_text(answer) + render_sources(answer, question)


# Offered beside Like and Dislike on every answer: a dislike with its reason in one click.
REASONS = ("Doesn't answer my question", "Wrong or misleading", "A source doesn't say that", "Says it isn't covered, but it is")


def rating_of(liked) -> tuple[str | None, str]:
    """Gradio's like payload as (rating, reason): True/"Like" up, False/"Dislike" down, one of REASONS down with
    that reason, "" (un-liked) nothing. Pure."""
    if liked is True or liked == "Like":
        return "up", ""
    if liked is False or liked == "Dislike":
        return "down", ""
    if liked in REASONS:
        return "down", liked
    return None, ""


def _turn_record(question: str, answer: Answer) -> dict:
    return {
        "id": uuid.uuid4().hex,  # ties feedback to this answer
        "question": question,
        "searched_for": answer.searched_for,
        "answer": answer.text,
        "citations": [
            {"n": c.n, "title": c.title, "article_id": c.article_id, "chunk_id": c.chunk_id, "url": c.url,
             "sentences": list(c.sentences)}
            for c in answer.citations
        ],
    }


def _error_message(e: Exception) -> str:
    if isinstance(e, BotError):
        return f"Sorry, I can't answer that: {_safe(str(e))}"
    log.exception("chat failed")
    return "Sorry, something went wrong while answering. Please try again."


# Status words, not emoji: where no emoji font is installed those render as empty boxes.
DONE = "<strong>Added:</strong>"
NOT_DONE = "<strong>Not done:</strong>"
SAME_ANSWER = ('<p class="searched">The same answer again: the bot answers from the articles, the same way each '
               "time. Rephrase the question to search differently.</p>")


def _articles_table(bot: CareerBot) -> list[list]:
    return [[a.title, a.site, a.source, a.chunks, a.added[:16].replace("T", " "), a.id] for a in bot.articles]


def _article_choices(bot: CareerBot) -> list[tuple[str, str]]:
    """(label, id) for the removal list: the title, with the site and file name that tell two alike apart."""
    return [(f"{a.title} — {a.site + ', ' if a.site else ''}{a.source}", a.id) for a in bot.articles]


class Permission:
    """Who may change the library from the web app. With an admin password, adding and removing need it
    (compared in constant time); without one, changes are allowed only while the app listens on loopback."""

    def __init__(self, password: str | None, host: str):
        self.password = password or ""
        self.loopback = _is_loopback(host)

    @property
    def changes_possible(self) -> bool:
        return bool(self.password) or self.loopback

    def refusal(self, given) -> str:
        """"" when a change may go ahead, else the one line saying why not."""
        if not self.changes_possible:
            return ("Changing the library is off: the app listens on a public address without an admin password. "
                    "Restart it with --admin-password (or BOT_ADMIN_PASSWORD) to allow it.")
        if self.password and not hmac.compare_digest(str(given or "").encode("utf-8", "replace"), self.password.encode("utf-8")):
            return "Wrong or missing admin password: adding and removing articles needs it."
        return ""


def _is_loopback(host: str) -> bool:
    """Whether every address `host` names is a loopback one. An empty host is not: Gradio would then listen
    wherever GRADIO_SERVER_NAME says (0.0.0.0 in many containers)."""
    import ipaddress
    import socket

    if not host:
        return False
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False
    try:
        return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
    except ValueError:
        return False


def create_app(bot: CareerBot, feedback_path="feedback.db", permission: Permission | None = None):
    """The Gradio Blocks app (not launched). `launch(app)` starts it with the project's theme and CSS.
    `permission` says who may add and remove articles (default: anyone, on loopback)."""
    import gradio as gr

    feedback = FeedbackStore(feedback_path)
    permission = permission or Permission(None, "127.0.0.1")

    def respond(message: str, chat: list, turns: list):
        """Stream one answer into the chat; `turns` keeps the raw questions and answers for history and feedback."""
        message = message or ""
        if not message.strip():  # an empty Send does nothing
            yield gr.update(), chat, turns
            return
        limit = bot.settings.max_question_chars
        if len(message) > limit:  # the text stays in the box to be shortened; nothing is cut silently
            gr.Warning(f"Your question is {len(message):,} characters; the limit is {limit:,}. Shorten it and send again.")
            yield gr.update(), chat, turns
            return
        # The conversation the bot reads is the one on screen: after the chat's own Clear (or any edit of the
        # messages) the turns beyond what is shown are gone, so a follow-up never leans on a hidden question.
        turns = list(turns or [])[: len(chat or []) // 2]
        chat = list(chat or []) + [{"role": "user", "content": _safe(message)}]
        yield gr.update(value=""), chat, turns
        history = []
        for t in turns:
            history += [{"role": "user", "content": t["question"]}, {"role": "assistant", "content": t["answer"]}]
        try:
            answer = bot.ask(message, history=history)
        except Exception as e:  # shown in the chat, never as a stack trace or a frozen spinner
            chat.append({"role": "assistant", "content": _error_message(e)})
            yield gr.update(), chat, turns + [{"id": uuid.uuid4().hex, "question": message, "answer": "", "citations": []}]
            return
        words = answer.text.split(" ")
        chat.append({"role": "assistant", "content": ""})
        for end in range(STREAM_WORDS, len(words), STREAM_WORDS):
            chat[-1] = {"role": "assistant", "content": _safe(" ".join(words[:end]))}
            yield gr.update(), chat, turns
        # "Searched for" only when a follow-up was rewritten, not for an abbreviation spelled out.
        chat[-1] = {"role": "assistant", "content": render_answer(answer, bot.library.expand(message))}
        if answer.suggestions:  # the questions offered with a refusal or a greeting are buttons that ask them
            chat[-1]["options"] = [{"value": q} for q in answer.suggestions]
        yield gr.update(), chat, turns + [_turn_record(message, answer)]

    def undo(chat: list, turns: list):
        """Take back the last question and its answer; the question returns to the box."""
        turns = list(turns or [])[: len(chat or []) // 2]
        if not turns:
            return gr.update(), chat, turns
        return turns[-1]["question"], list(chat)[:-2], turns[:-1]

    def retry(chat: list, turns: list):
        """Ask the last question again, as if the last answer had never been given."""
        turns = list(turns or [])[: len(chat or []) // 2]
        if not turns:
            yield gr.update(), chat, turns
            return
        before = turns[-1].get("answer")
        update = None
        for update in respond(turns[-1]["question"], list(chat)[:-2], turns[:-1]):
            yield update
        _, chat, new_turns = update
        if new_turns and new_turns[-1].get("answer") == before and chat and chat[-1]["role"] == "assistant":
            # The bot answers from the articles, the same way each time: say so, or Retry looks broken.
            chat[-1] = dict(chat[-1], content=chat[-1]["content"] + SAME_ANSWER)
            yield gr.update(), chat, new_turns

    def ask_option(chat: list, turns: list, data: gr.SelectData):
        """A suggested question clicked under an answer, or an example in the empty chat, is asked."""
        value = data.value.get("text", "") if isinstance(data.value, dict) else data.value
        yield from respond(str(value), chat, turns)

    ask_option.__annotations__["data"] = gr.SelectData

    def edit(chat: list, turns: list, data: gr.EditData):
        """An edited question is asked again in its place; the exchanges after it are dropped, from the screen
        and from what the bot remembers alike."""
        index = data.index if isinstance(data.index, int) else data.index[0]
        turn = index // 2
        turns = list(turns or [])[: len(chat or []) // 2]
        value = data.value[0].get("text", "") if isinstance(data.value, list) and data.value and isinstance(data.value[0], dict) else data.value
        value = str(value)
        shown = (chat or [])[index]["content"] if 0 <= index < len(chat or []) else None
        if turn < len(turns) and value == shown:  # submitted as shown (escaped): the question as it was typed
            value = turns[turn]["question"]
        yield from respond(value, list(chat or [])[: 2 * turn], turns[:turn])

    edit.__annotations__["data"] = gr.EditData

    def on_like(turns: list, data: gr.LikeData):
        turn_index = data.index if isinstance(data.index, int) else data.index[0]
        turn_index = turn_index // 2  # messages alternate user, assistant
        if 0 <= turn_index < len(turns):
            rating, reason = rating_of(data.liked)
            feedback.update(turns[turn_index], rating=rating, reason=reason)

    # Gradio finds the LikeData parameter by its annotation; with postponed annotations it is only a
    # string naming a local import, so give it the class itself.
    on_like.__annotations__["data"] = gr.LikeData

    def on_comment(comment: str, turns: list):
        if not comment.strip():
            return gr.update(), "Type a comment first."
        if not turns:
            return gr.update(), "Ask something first; the comment is saved with the last answer."
        feedback.update(turns[-1], comment=without_surrogates(comment.strip()[:2000]))
        return gr.update(value=""), "Thanks, your comment was saved with the last answer."

    def add_files(files, password, progress=gr.Progress()):
        paths = [Path(f if isinstance(f, str) else f.name) for f in (files or [])]
        try:
            refusal = permission.refusal(password)  # checked here, on the server: a direct call gets the same answer
            if refusal:  # the chosen files stay chosen: only the password needs fixing
                return f"{NOT_DONE} {_safe(refusal)}", gr.update(), gr.update(), gr.update()
            if not paths:
                return "Choose one or more files first.", gr.update(), gr.update(), gr.update()
            lines = []
            for i, path in enumerate(paths):
                progress((i, len(paths)), desc=f"Indexing {path.name}")
                try:
                    report = bot.add(path)
                    lines.append(f"{DONE} {_safe(path.name)}: {_safe(report.summary())}")
                except BotError as e:
                    lines.append(f"{NOT_DONE} {_safe(str(e).replace(str(path), path.name))}")
            return ("<br>".join(lines), _articles_table(bot), gr.update(choices=_article_choices(bot), value=None),
                    gr.update(value=None))
        finally:
            for path in paths:  # uploads are copied into the corpus when indexed; the temporary copy goes either way
                if _is_upload(path):
                    _delete_upload(path)

    def remove_article(article_id: str, password, confirm: str):
        """Two clicks: the first names the article and asks again, the second removes it (its file is kept for Undo)."""
        refusal = permission.refusal(password)
        if refusal:
            return f"{NOT_DONE} {_safe(refusal)}", gr.update(), gr.update(), "", gr.update()
        if not article_id:
            return "Choose an article to remove.", gr.update(), gr.update(), "", gr.update()
        record = bot.store.articles.get(article_id)
        name = f"“{_safe(record.title)}” ({_safe(record.source)})" if record else _safe(article_id)
        if confirm != article_id:
            return f"Remove {name}? Click Remove again to confirm.", gr.update(), gr.update(), article_id, gr.update()
        try:
            bot.remove(article_id, keep=True)
            message = f"Removed {name}. Undo brings it back."
            undo = gr.update(visible=True, value=f"Undo: bring back {record.title}" if record else "Undo")
            kept = record.source if record else ""
        except BotError as e:
            message, undo, kept = f"{NOT_DONE} {_safe(str(e))}", gr.update(), ""
        return message, _articles_table(bot), gr.update(choices=_article_choices(bot), value=None), f"kept:{kept}", undo

    def undo_removal(password, confirm: str):
        refusal = permission.refusal(password)
        if refusal:
            return f"{NOT_DONE} {_safe(refusal)}", gr.update(), gr.update(), confirm, gr.update()
        if not confirm.startswith("kept:") or not confirm[5:]:
            return "Nothing to undo.", gr.update(), gr.update(), "", gr.update(visible=False)
        try:
            bot.restore(confirm[5:])
            message = f"Brought back {_safe(confirm[5:])}."
        except BotError as e:
            message = f"{NOT_DONE} {_safe(str(e))}"
        return message, _articles_table(bot), gr.update(choices=_article_choices(bot), value=None), "", gr.update(visible=False)

    def chat_api(message: str) -> str:
        """One question, no history: the answer with its sources as plain text."""
        try:
            return bot.ask(message).to_text()
        except BotError as e:
            return f"Sorry, I can't answer that: {e}"

    subject = bot.library.subject
    title = "Ask the guides" + (f": {subject}" if subject else "")
    with gr.Blocks(title=title, analytics_enabled=False) as app:
        with gr.Sidebar(open=False, label="Past conversations", elem_id="past-sidebar"):
            past = gr.Radio(choices=[], label="Past conversations", elem_id="past")
            forget = gr.Button("Delete this conversation", size="sm", elem_id="forget")
        gr.Markdown(f"## {_safe(title)}\nAnswers quote the guides; open a source to see the sentence it relies on.",
                    elem_id="title")
        with gr.Tab("Chat"):
            chatbot = gr.Chatbot(
                # Most of the screen on a phone and on a desktop, instead of a fixed 520 px box.
                height="70vh", sanitize_html=True, render_markdown=True, feedback_options=("Like", "Dislike", *REASONS),
                placeholder=f"Ask about {_safe(subject)}." if subject else "Ask a question about the articles.",
                elem_id="chat", buttons=["copy", "copy_all"],  # no "share": it points to a hosting service's forum
                label="Conversation", show_label=False, editable="user",
                examples=[{"text": q} for q in bot.library.examples] or None,  # shown in an empty chat; a click asks
            )
            turns = gr.State([])
            # Conversations are kept in the browser (our script, CONVERSATIONS_JS): these hidden boxes carry them
            # between the page's storage and the server, which keeps none.
            conversation = gr.Textbox(visible=False, elem_id="conversation-id")  # this tab's, kept in sessionStorage
            carrier = gr.Textbox(visible=False)  # what the browser holds, as JSON, on its way to the server
            snapshot = gr.Textbox(visible=False)  # this conversation, as JSON, on its way to the browser
            with gr.Row():
                # No max_length: the browser would cut a long paste silently, losing the question at its end.
                box = gr.Textbox(placeholder=f"Ask a question and press Enter (up to {bot.settings.max_question_chars:,} characters)",
                                 label="Your question", show_label=False, scale=8, elem_id="question", min_width=200)
                send = gr.Button("Send", variant="primary", scale=1, elem_id="send", min_width=70)
            gr.HTML(f'<div id="count" data-limit="{bot.settings.max_question_chars}" aria-live="polite"></div>',
                    padding=False)
            with gr.Row():
                new_chat = gr.Button("New chat", elem_id="new-chat")
            with gr.Accordion("Comment on the last answer", open=False):
                comment = gr.Textbox(show_label=False, placeholder="What was good or wrong? (optional)")
                send_comment = gr.Button("Send comment")
                comment_status = gr.Markdown()
        with gr.Tab("Articles") as articles_tab:
            table = gr.Dataframe(
                headers=["Title", "Site", "File", "Chunks", "Added", "ID"], value=_articles_table(bot),
                interactive=False, elem_id="articles", wrap=True,  # every column in view: long titles wrap
                column_widths=["34%", "14%", "22%", "8%", "12%", "10%"],
            )
            if not permission.changes_possible:
                gr.Markdown("Changing the library is off: this app listens on a public address without an admin "
                            "password. Restart it with `--admin-password` (or `BOT_ADMIN_PASSWORD`) to allow it.")
            password = gr.Textbox(label="Admin password", type="password", visible=bool(permission.password),
                                  elem_id="admin-password")
            upload = gr.File(label=f"Add articles (.md, .txt, .html, .pdf; up to {bot.settings.max_file_bytes // 1_000_000} MB each)",
                             file_count="multiple", file_types=UPLOAD_TYPES, elem_id="upload")
            add = gr.Button("Add to the library", variant="primary", elem_id="add", interactive=permission.changes_possible)
            status = gr.HTML(elem_id="status")
            with gr.Row():
                which = gr.Dropdown(choices=_article_choices(bot), value=None, label="Article to remove", scale=4)
                remove = gr.Button("Remove", variant="stop", scale=1, interactive=permission.changes_possible,
                                   elem_id="remove")
            undo_remove = gr.Button("Undo", visible=False, elem_id="undo-remove")
            confirm = gr.State("")  # the article a first Remove click named, or "kept:FILE" after a removal

        for trigger in (box.submit, send.click):
            trigger(respond, [box, chatbot, turns], [box, chatbot, turns], api_visibility="private")
        remember = dict(fn=None, inputs=[conversation], js=REMEMBER_JS)
        listed = dict(fn=_past, inputs=[carrier, conversation], outputs=past, api_visibility="private")
        new_chat.click(_new_conversation, None, [chatbot, turns, box, conversation], api_visibility="private"
                       ).then(**remember).then(fn=None, outputs=carrier, js=LIST_JS).then(**listed)
        chatbot.like(on_like, [turns], None, api_visibility="private")
        chatbot.clear(lambda: [], None, turns, api_visibility="private")
        chatbot.option_select(ask_option, [chatbot, turns], [box, chatbot, turns], api_visibility="private")
        chatbot.example_select(ask_option, [chatbot, turns], [box, chatbot, turns], api_visibility="private")
        chatbot.edit(edit, [chatbot, turns], [box, chatbot, turns], api_visibility="private")
        # Each tab has its own conversation, kept through a reload; every conversation of this browser is listed
        # in the sidebar and can be reopened. Kept in the browser only: the server stores no chat.
        chatbot.change(_snapshot, [chatbot, turns, conversation], snapshot, api_visibility="private"
                       ).then(fn=None, inputs=snapshot, outputs=carrier, js=SAVE_JS).then(**listed)
        app.load(_restore, carrier, [chatbot, turns, conversation, past], js=LOAD_JS, api_visibility="private"
                 ).then(**remember)
        past.input(_open, [past, carrier], [chatbot, turns, conversation], js=OPEN_JS, api_visibility="private"
                   ).then(**remember)
        forget.click(fn=None, inputs=conversation, outputs=carrier, js=FORGET_JS).then(
            _new_conversation, None, [chatbot, turns, box, conversation], api_visibility="private").then(**remember
            ).then(**listed)
        chatbot.undo(undo, [chatbot, turns], [box, chatbot, turns], api_visibility="private")
        chatbot.retry(retry, [chatbot, turns], [box, chatbot, turns], api_visibility="private")
        send_comment.click(on_comment, [comment, turns], [comment, comment_status], api_visibility="private")
        add.click(add_files, [upload, password], [status, table, which, upload], api_visibility="private")
        remove.click(remove_article, [which, password, confirm], [status, table, which, confirm, undo_remove],
                     api_visibility="private")
        undo_remove.click(undo_removal, [password, confirm], [status, table, which, confirm, undo_remove],
                          api_visibility="private")
        # The list and the removal choices are read again on load and when the tab is opened: another page or
        # the command line may have changed the library since.
        def library_now():
            return _articles_table(bot), gr.update(choices=_article_choices(bot), value=None)

        app.load(library_now, None, [table, which], api_visibility="private")
        articles_tab.select(library_now, None, [table, which], api_visibility="private")
        gr.api(chat_api, api_name="chat")
    app.queue(default_concurrency_limit=4)
    app.permission = permission  # launch() guards the upload route with it
    return app


# Our own script (article text never holds any): a click on an answer's [n] opens source n; Copy gives text;
# the edit box shows a question as typed; the question box counts its characters.
HEAD = PAGE_STYLE + """<script>
document.addEventListener("click", (event) => {
  const a = event.target.closest && event.target.closest("a.cite");
  if (!a) return;
  const target = document.getElementById(a.getAttribute("href").slice(1));
  if (!target) return;
  event.preventDefault();
  target.open = true;
  target.scrollIntoView({behavior: "smooth", block: "nearest"});
});
// A message's element from one of its buttons: Gradio puts a message's buttons in the element after its row.
function messageOf(button) {
  let row = button.closest(".message-buttons, .message-row");
  while (row && !row.querySelector("[data-testid='bot'], [data-testid='user']")) row = row.previousElementSibling;
  return row && row.querySelector("[data-testid='bot'], [data-testid='user']");
}
function conversationText() {
  return [...document.querySelectorAll("#chat [data-testid='bot'], #chat [data-testid='user']")]
    .map(m => (m.dataset.testid === "user" ? "You: " : "Answer: ") + m.innerText.trim()).join("\\n\\n");
}
// Copy gives what a reader sees (text and source titles), not HTML: while a copy button is being handled,
// what Gradio writes to the clipboard is replaced by that text (no race with Gradio's own asynchronous write).
let copying = null;
if (navigator.clipboard && navigator.clipboard.writeText) {
  const write = navigator.clipboard.writeText.bind(navigator.clipboard);
  navigator.clipboard.writeText = (text) => {
    const what = copying;
    copying = null;
    return write(what ? what() : text);
  };
}
document.addEventListener("click", (event) => {
  const button = event.target.closest && event.target.closest("#chat button");
  if (!button) return;
  const label = button.getAttribute("aria-label") || button.getAttribute("title") || "";
  if (label === "Copy message") {
    const message = messageOf(button);
    copying = message ? () => message.innerText.trim() : null;
  } else if (label === "Copy conversation") {
    copying = conversationText;
  }
}, true);
// Messages are kept as escaped HTML (user text never becomes markup), so Gradio's edit box would show
// "master&#39;s": it gets the question as typed instead.
function asTyped(html) {
  const t = document.createElement("textarea");
  t.innerHTML = html.replace(/<br>/g, "\\n");
  return t.value;
}
new MutationObserver(() => {
  for (const box of document.querySelectorAll("#chat textarea.edit-textarea:not([data-typed])")) {
    box.dataset.typed = "1";
    const typed = asTyped(box.value);
    if (typed !== box.value) {
      box.value = typed;
      box.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }
  // Screen readers announce a message as its text, not the HTML Gradio puts in its label.
  for (const m of document.querySelectorAll("[data-testid='bot'], [data-testid='user']")) {
    const text = m.innerText.trim().slice(0, 2000);
    if (m.getAttribute("aria-label") !== text) m.setAttribute("aria-label", text);
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
// The question box's length, said before anything is cut: nothing is cut in the box, and past the limit
// the count turns red and sending is refused with a line saying so.
function showCount() {
  const box = document.querySelector("#question textarea");
  const count = document.getElementById("count");
  if (!box || !count) return;
  const limit = Number(count.dataset.limit);
  const n = box.value.length;
  count.textContent = n ? `${n.toLocaleString("en")} / ${limit.toLocaleString("en")} characters` +
    (n > limit ? ": too long to send, shorten it" : "") : "";
  count.classList.toggle("over", n > limit);
}
document.addEventListener("input", showCount);
setInterval(showCount, 500);  // the app empties the box after a question is sent: no input event says so
</script>"""


# Uploads reach the disk before any handler can check a password, so they are bounded where they arrive:
# refused outright where the library cannot change, at most UPLOAD_BUDGET_FILES article limits held at once,
# and deleted (folder and all) once UPLOAD_MAX_AGE old when nobody added them.
UPLOAD_BUDGET_FILES = 5  # uploads waiting at once, in units of the article size limit (5 x 20 MB)
UPLOAD_MAX_AGE = 900.0  # seconds an upload that was never added is kept
UPLOAD_SWEEP = 60.0  # seconds between sweeps of expired uploads
STATE_SESSIONS = 1_000  # browser sessions whose chat state the server keeps (~60 KB each); the oldest go first


def launch(app, host: str = "127.0.0.1", port: int = 7860, max_file_bytes: int = 20_000_000, **kwargs):
    """Start `app` (from create_app): Gradio refuses uploads over `max_file_bytes` before they reach the disk;
    the upload gate and sweeper bound what may wait there; at most STATE_SESSIONS sessions are kept."""
    from starlette.middleware import Middleware

    permission = getattr(app, "permission", None) or Permission(None, host)
    gate = Middleware(_UploadGate, blocks=app, permission=permission, budget=UPLOAD_BUDGET_FILES * max_file_bytes)
    _start_sweeper(app)
    return app.launch(server_name=host, server_port=port, css=CSS, head=HEAD, show_error=False,
                      max_file_size=max_file_bytes, state_session_capacity=STATE_SESSIONS,
                      app_kwargs={"middleware": [gate]}, **kwargs)


class _UploadGate:
    """ASGI middleware in front of Gradio's upload route: no uploads where the library cannot change, and no
    new one while the uploads waiting already fill the budget."""

    def __init__(self, app, blocks, permission: "Permission", budget: int):
        self.app, self.blocks, self.permission, self.budget = app, blocks, permission, budget

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].rstrip("/").endswith("/upload"):
            refusal, status = self.refusal(dict(scope["headers"]).get(b"content-length", b"0"))
            if refusal:
                from starlette.responses import PlainTextResponse

                await PlainTextResponse(refusal, status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def refusal(self, length: bytes) -> tuple[str, int]:
        if not self.permission.changes_possible:
            return "Uploads are off: this app cannot change its library (see the Articles tab).", 403
        waiting = sum(_size(f) for f in list(self.blocks.upload_file_set))
        if waiting + int(length or 0) > self.budget:
            return "Too many uploads are waiting to be added: try again in a few minutes.", 429
        return "", 0


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _start_sweeper(app) -> None:
    """A daemon thread deleting uploads older than UPLOAD_MAX_AGE, and the folder Gradio made for each."""
    def sweep():
        while True:
            time.sleep(UPLOAD_SWEEP)
            try:
                for name in list(app.upload_file_set):
                    try:
                        if time.time() - os.stat(name).st_mtime > UPLOAD_MAX_AGE:
                            _delete_upload(Path(name))
                    except OSError:
                        pass
                    if not os.path.exists(name):
                        app.upload_file_set.discard(name)
            except Exception:  # the sweeper must outlive any surprise; the next pass tries again
                log.exception("sweeping uploads failed")

    threading.Thread(target=sweep, daemon=True, name="upload-sweeper").start()


def _delete_upload(path: Path) -> None:
    """An uploaded file and the folder Gradio made for it (one per upload), once empty."""
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:
        pass  # not empty, or gone already


# The browser's side of the conversations: every conversation of this browser in localStorage (one object, merged
# on every save so that two tabs never overwrite each other's), this tab's current one in sessionStorage (a reload
# keeps it, another tab starts its own). At most KEPT_CONVERSATIONS, the most recently changed.
KEPT_CONVERSATIONS = 30
_STORE = f"""
const KEY = "career-bot:conversations", TAB = "career-bot:tab";
const all = () => {{ try {{ const v = JSON.parse(localStorage.getItem(KEY) || "{{}}");
                         return v && typeof v === "object" ? v : {{}}; }} catch (e) {{ return {{}}; }} }};
const listing = (a) => JSON.stringify(Object.values(a).map(c => ({{id: c.id, title: c.title, updated: c.updated}})));
const keep = (a) => {{
  const ids = Object.keys(a).sort((x, y) => (a[y].updated || "").localeCompare(a[x].updated || ""));
  for (const id of ids.slice({KEPT_CONVERSATIONS})) delete a[id];
  while (true) {{
    try {{ localStorage.setItem(KEY, JSON.stringify(a)); return a; }}
    catch (e) {{ const left = Object.keys(a).sort((x, y) => (a[x].updated || "").localeCompare(a[y].updated || ""));
                 if (left.length <= 1) return a; delete a[left[0]]; }}
  }}
}};
"""
LOAD_JS = "() => {" + _STORE + "return [JSON.stringify({all: all(), current: sessionStorage.getItem(TAB) || ''})]; }"
SAVE_JS = ("(snap) => {" + _STORE + "const a = all(); try { const s = JSON.parse(snap); if (s.chat && s.chat.length) a[s.id] = s;"
           " else delete a[s.id]; } catch (e) {} return listing(keep(a)); }")
LIST_JS = "() => {" + _STORE + "return listing(all()); }"
OPEN_JS = "(id, x) => {" + _STORE + "return [id, JSON.stringify({all: all(), current: id})]; }"
FORGET_JS = "(id) => {" + _STORE + "const a = all(); delete a[id]; return listing(keep(a)); }"
REMEMBER_JS = "(id) => { if (id) sessionStorage.setItem('career-bot:tab', id); }"


def _read(payload) -> dict:
    try:
        value = json.loads(payload) if isinstance(payload, str) and payload else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _restore(payload):
    """This tab's conversation from what the browser keeps ({"all": {id: conversation}, "current": id}), or a new
    empty one when there is none (or nothing usable); and the past conversations to list."""
    kept = _read(payload)
    conversations = kept.get("all") if isinstance(kept.get("all"), dict) else {}
    chat, turns, current = _usable(conversations.get(str(kept.get("current") or "")))
    current = current or uuid.uuid4().hex
    listing = [{"id": c.get("id"), "title": c.get("title"), "updated": c.get("updated")} for c in conversations.values()
               if isinstance(c, dict)]
    return chat, turns, current, _past(json.dumps(listing), current)


def _open(conversation_id, payload):
    """A past conversation chosen in the sidebar."""
    chat, turns, current = _usable(_read(payload).get("all", {}).get(str(conversation_id or "")))
    return chat, turns, current or uuid.uuid4().hex


def _usable(kept) -> tuple[list, list, str]:
    if isinstance(kept, dict) and isinstance(kept.get("chat"), list) and isinstance(kept.get("turns"), list):
        return kept["chat"], kept["turns"], str(kept.get("id") or "")
    return [], [], ""


def _new_conversation():
    return [], [], "", uuid.uuid4().hex


def _snapshot(chat, turns, conversation_id) -> str:
    """This conversation as the browser keeps it, titled by its first question."""
    from datetime import datetime, timezone

    first = next((t.get("question", "") for t in turns or [] if isinstance(t, dict)), "")
    title = " ".join(str(first).split())[:60] or "New conversation"
    return json.dumps({"id": conversation_id or uuid.uuid4().hex, "title": title, "chat": chat or [], "turns": turns or [],
                       "updated": datetime.now(timezone.utc).isoformat(timespec="seconds")})


def _past(listing, current=""):
    """The sidebar's list: past conversations, the most recently changed first (titles are text, not markup)."""
    try:
        items = [c for c in json.loads(listing or "[]") if isinstance(c, dict) and c.get("id")]
    except ValueError:
        items = []
    items.sort(key=lambda c: str(c.get("updated") or ""), reverse=True)
    import gradio as gr

    return gr.update(choices=[(str(c.get("title") or "Conversation")[:60], str(c["id"])) for c in items],
                     value=current if any(c["id"] == current for c in items) else None)


def _is_upload(path: Path) -> bool:
    """A file in Gradio's upload cache (never a file the caller owns)."""
    from gradio.utils import get_upload_folder  # Gradio's own reading of GRADIO_TEMP_DIR

    cache = Path(get_upload_folder()).resolve()
    try:
        return path.resolve().is_relative_to(cache)
    except OSError:
        return False


