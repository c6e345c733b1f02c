"""The page: which components sit where, and which handler each event calls (the handlers live in chat.py,
feedback.py, conversations.py and articles.py); `launch` serves it with the page's CSS and script."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from ...config import Settings
from ...conversation import CareerBot
from ...feedback import FeedbackStore
from . import articles, chat, conversations, feedback, uploads
from .context import Context, bind
from .markup import safe
from .page import CSS, HEAD
from .permission import Permission

STATE_SESSIONS = 1_000  # browser sessions whose chat state the server keeps (~60 KB each); the oldest go first
PRIVATE = {"api_visibility": "private"}  # every event but /chat stays out of the API page


def create_app(bot: CareerBot, feedback_path="feedback.db", permission: Permission | None = None):
    """The Gradio Blocks app (not launched). `launch(app)` starts it with the project's theme and CSS.
    `permission` says who may add and remove articles (default: anyone, on loopback)."""
    ctx = Context(bot, FeedbackStore(feedback_path), permission or Permission(None, "127.0.0.1"))
    subject = bot.library.subject
    title = "Ask the guides" + (f": {subject}" if subject else "")
    with gr.Blocks(title=title, analytics_enabled=False) as app:
        with gr.Sidebar(open=False, label="Past conversations", elem_id="past-sidebar"):
            past = gr.Radio(choices=[], label="Past conversations", elem_id="past")
            forget = gr.Button("Delete this conversation", size="sm", elem_id="forget")
        gr.Markdown(f"## {safe(title)}\nAnswers quote the guides; open a source to see the sentence it relies on.",
                    elem_id="title")
        with gr.Tab("Chat"):
            chat_tab = _chat_tab(ctx)
        with gr.Tab("Articles") as articles_tab:
            library = _articles_tab(ctx)
        _chat_events(ctx, app, chat_tab, past, forget)
        _articles_events(ctx, app, library, articles_tab)
        gr.api(bind(chat.chat_api, ctx), api_name="chat")
    app.queue(default_concurrency_limit=4)
    app.permission = ctx.permission  # launch() guards the upload route with it
    return app


def _chat_tab(ctx: Context) -> SimpleNamespace:
    """The chat, the question box, New chat and the comment box; and the hidden boxes that carry conversations."""
    subject, limit = ctx.bot.library.subject, ctx.bot.settings.max_question_chars
    chatbot = gr.Chatbot(
        # Most of the screen on a phone and on a desktop, instead of a fixed 520 px box.
        height="70vh", sanitize_html=True, render_markdown=True, feedback_options=("Like", "Dislike", *feedback.REASONS),
        placeholder=f"Ask about {safe(subject)}." if subject else "Ask a question about the articles.",
        elem_id="chat", buttons=["copy", "copy_all"],  # no "share": it points to a hosting service's forum
        label="Conversation", show_label=False, editable="user", autoscroll=False,  # chat.SHOW_ANSWER_JS scrolls
        examples=None,  # the library's, given once the chat is restored (conversations.restore); a click asks
    )
    turns = gr.State([])
    # Conversations are kept in the browser (conversations.py): these hidden boxes carry them between the page's
    # storage and the server, which keeps none.
    conversation = gr.Textbox(visible=False, elem_id="conversation-id")  # this tab's, kept in sessionStorage
    carrier = gr.Textbox(visible=False)  # what the browser holds, as JSON, on its way to the server
    snapshot = gr.Textbox(visible=False)  # this conversation, as JSON, on its way to the browser
    with gr.Row():
        # No max_length: the browser would cut a long paste silently, losing the question at its end.
        box = gr.Textbox(placeholder=f"Ask a question and press Enter (up to {limit:,} characters)",
                         label="Your question", show_label=False, scale=8, elem_id="question", min_width=200,
                         interactive=False)  # usable once the chat is restored (conversations.restore)
        send = gr.Button("Send", variant="primary", scale=1, elem_id="send", min_width=70, interactive=False)
    gr.HTML(f'<div id="count" data-limit="{limit}" aria-live="polite"></div>', padding=False)
    with gr.Row():
        new_chat = gr.Button("New chat", elem_id="new-chat")
    with gr.Accordion("Comment on the last answer", open=False):
        comment = gr.Textbox(show_label=False, placeholder="What was good or wrong? (optional)")
        send_comment = gr.Button("Send comment")
        comment_status = gr.Markdown()
    return SimpleNamespace(chatbot=chatbot, turns=turns, conversation=conversation, carrier=carrier, snapshot=snapshot,
                           box=box, send=send, new_chat=new_chat, comment=comment, send_comment=send_comment,
                           comment_status=comment_status)


def _chat_events(ctx: Context, app, c: SimpleNamespace, past, forget) -> None:
    asked = {"inputs": [c.chatbot, c.turns], "outputs": [c.box, c.chatbot, c.turns], **PRIVATE}
    # The ratings given, set again once an event has changed the messages (Gradio's chat forgets them): after the
    # event, not on every change, which a streamed answer makes once a few words.
    rated = {"fn": feedback.shown, "inputs": [c.chatbot, c.turns], "outputs": c.chatbot, **PRIVATE}
    shown = {"fn": None, "js": chat.SHOW_ANSWER_JS}
    for trigger in (c.box.submit, c.send.click):
        trigger(bind(chat.respond, ctx), [c.box, c.chatbot, c.turns], [c.box, c.chatbot, c.turns], **PRIVATE
                ).then(**rated).then(**shown)
    remember = {"fn": None, "inputs": [c.conversation], "js": conversations.REMEMBER_JS}
    listed = {"fn": conversations.past, "inputs": [c.carrier, c.conversation], "outputs": past, **PRIVATE}
    new = {"fn": conversations.new_conversation, "inputs": None, "outputs": [c.chatbot, c.turns, c.box, c.conversation],
           **PRIVATE}
    c.new_chat.click(**new).then(**rated).then(**remember).then(fn=None, outputs=c.carrier, js=conversations.LIST_JS).then(**listed)
    c.chatbot.like(bind(feedback.on_like, ctx), [c.turns], c.turns, **PRIVATE)
    c.chatbot.clear(lambda: [], None, c.turns, **PRIVATE).then(**rated)
    c.chatbot.option_select(bind(chat.ask_option, ctx), **asked).then(**rated).then(**shown)
    c.chatbot.example_select(bind(chat.ask_option, ctx), **asked).then(**rated).then(**shown)
    c.chatbot.edit(bind(chat.edit, ctx), **asked).then(**rated).then(**shown)
    # Each tab has its own conversation, kept through a reload; every conversation of this browser is listed
    # in the sidebar and can be reopened. Kept in the browser only: the server stores no chat.
    c.chatbot.change(conversations.snapshot, [c.chatbot, c.turns, c.conversation], c.snapshot, **PRIVATE
                     ).then(fn=None, inputs=c.snapshot, outputs=c.carrier, js=conversations.SAVE_JS).then(**listed)
    examples = tuple(ctx.bot.library.examples)
    app.load(lambda payload: conversations.restore(payload, examples), c.carrier,
             [c.chatbot, c.turns, c.conversation, past, c.box, c.send], js=conversations.LOAD_JS, **PRIVATE).then(**rated).then(**remember)
    past.input(conversations.reopen, [past, c.carrier], [c.chatbot, c.turns, c.conversation], js=conversations.OPEN_JS,
               **PRIVATE).then(**rated).then(**remember)
    forget.click(fn=None, inputs=c.conversation, outputs=c.carrier, js=conversations.FORGET_JS
                 ).then(**new).then(**rated).then(**remember).then(**listed)
    c.chatbot.undo(chat.undo, **asked).then(**rated)
    c.chatbot.retry(bind(chat.retry, ctx), **asked).then(**rated).then(**shown)
    c.send_comment.click(bind(feedback.on_comment, ctx), [c.comment, c.turns], [c.comment, c.comment_status], **PRIVATE)


def _articles_tab(ctx: Context) -> SimpleNamespace:
    """The list of articles, the upload box and Add, the removal list with Remove and Undo."""
    permission = ctx.permission
    table = gr.Dataframe(
        # Every column in view, long titles wrapped. No ID column: it is the file's name without its extension (a
        # tester's phone showed ids and file names broken every two or three letters, three rows to a screen).
        headers=["Title", "Site", "File", "Chunks", "Added"], value=articles.articles_table(ctx.bot),
        interactive=False, elem_id="articles", wrap=True, max_height=1200,
        column_widths=["36%", "14%", "24%", "12%", "14%"],
    )
    if not permission.changes_possible:
        gr.Markdown("Changing the library is off: this app listens on a public address without an admin "
                    "password. Restart it with `--admin-password` (or `BOT_ADMIN_PASSWORD`) to allow it.")
    password = gr.Textbox(label="Admin password", type="password", visible=bool(permission.password),
                          elem_id="admin-password")
    upload = gr.File(label=f"Add articles (.md, .mdx, .txt, .html, .rst, .pdf; up to {ctx.bot.settings.max_file_bytes // 2**20} MB each)",
                     file_count="multiple", file_types=articles.UPLOAD_TYPES, elem_id="upload")
    add = gr.Button("Add to the library", variant="primary", elem_id="add", interactive=permission.changes_possible)
    status = gr.HTML(elem_id="status")
    with gr.Row():
        which = gr.Dropdown(choices=articles.article_choices(ctx.bot), value=None, label="Article to remove", scale=4)
        remove = gr.Button("Remove", variant="stop", scale=1, interactive=permission.changes_possible, elem_id="remove")
    undo_remove = gr.Button("Undo", visible=False, elem_id="undo-remove")
    confirm = gr.State("")  # the article a first Remove click named, or "kept:FILE" after a removal
    return SimpleNamespace(table=table, password=password, upload=upload, add=add, status=status, which=which,
                           remove=remove, undo_remove=undo_remove, confirm=confirm)


def _articles_events(ctx: Context, app, a: SimpleNamespace, tab) -> None:
    changed = [a.status, a.table, a.which, a.confirm, a.undo_remove]
    a.add.click(bind(articles.add_files, ctx), [a.upload, a.password], [a.status, a.table, a.which, a.upload], **PRIVATE)
    # The box refuses a file it does not take (its type, its size) in the browser and shows "Error" until an event
    # answers for it: choosing the next file is one, so that file is not shown under the last one's error.
    a.upload.upload(articles.files_chosen, None, a.upload, show_progress="hidden", **PRIVATE)
    a.remove.click(bind(articles.remove_article, ctx), [a.which, a.password, a.confirm], changed, **PRIVATE)
    a.undo_remove.click(bind(articles.undo_removal, ctx), [a.password, a.confirm], changed, **PRIVATE)
    # The list and the removal choices are read again on load and when the tab is opened: another page or
    # the command line may have changed the library since.
    app.load(bind(articles.library_now, ctx), None, [a.table, a.which], **PRIVATE)
    tab.select(bind(articles.library_now, ctx), None, [a.table, a.which], **PRIVATE)


def launch(app, host: str = "127.0.0.1", port: int = 7860, max_file_bytes: int = Settings.max_file_bytes, **kwargs):
    """Start `app` (from create_app): Gradio refuses uploads over `max_file_bytes` before they reach the disk;
    the upload gate and sweeper bound what may wait there; at most STATE_SESSIONS sessions are kept."""
    from starlette.middleware import Middleware

    permission = getattr(app, "permission", None) or Permission(None, host)
    gate = Middleware(uploads.UploadGate, blocks=app, permission=permission, budget=uploads.UPLOAD_BUDGET_FILES * max_file_bytes)
    uploads.start_sweeper(app)
    return app.launch(server_name=host, server_port=port, css=CSS, head=HEAD, show_error=False,
                      max_file_size=max_file_bytes, state_session_capacity=STATE_SESSIONS,
                      app_kwargs={"middleware": [gate]}, **kwargs)
