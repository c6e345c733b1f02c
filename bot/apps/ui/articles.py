"""The Articles tab: the indexed articles listed, uploads added, an article removed (two clicks) and brought back.
Every change asks the permission first, here on the server, so a direct call to the queue gets the same refusal.
(No postponed annotations here: Gradio reads these handlers' type hints and defaults.)
"""

from pathlib import Path

import gradio as gr

from ...conversation import CareerBot
from ...errors import BotError
from ...ingest import SUPPORTED
from .context import Context
from .markup import safe
from .uploads import delete_upload, is_upload

UPLOAD_TYPES = list(SUPPORTED)  # what ingest reads, nothing else
# Status words, not emoji: where no emoji font is installed those render as empty boxes.
DONE = "<strong>Added:</strong>"
NOT_DONE = "<strong>Not done:</strong>"


def articles_table(bot: CareerBot) -> list[list]:
    return [[a.title, a.site, a.source, a.chunks, a.added[:10]] for a in bot.articles]


def article_choices(bot: CareerBot) -> list[tuple[str, str]]:
    """(label, id) for the removal list: the title, with the site and file name that tell two alike apart."""
    return [(f"{a.title} — {a.site + ', ' if a.site else ''}{a.source}", a.id) for a in bot.articles]


def library_now(ctx: Context):
    """The table and the removal choices as the library is now, with nothing chosen for removal."""
    return articles_table(ctx.bot), gr.update(choices=article_choices(ctx.bot), value=None)


def add_files(ctx: Context, files, password, progress=gr.Progress()):
    paths = [Path(f if isinstance(f, str) else f.name) for f in (files or [])]
    try:
        refusal = ctx.permission.refusal(password)  # checked here, on the server: a direct call gets the same answer
        if refusal:  # the chosen files stay chosen: only the password needs fixing
            return f"{NOT_DONE} {safe(refusal)}", gr.update(), gr.update(), gr.update()
        if not paths:
            return "Choose one or more files first.", gr.update(), gr.update(), gr.update()
        lines = []
        for i, path in enumerate(paths):
            progress((i, len(paths)), desc=f"Indexing {path.name}")
            try:
                report = ctx.bot.add(path)
                lines.append(f"{DONE} {safe(path.name)}: {safe(report.summary())}")
            except BotError as e:
                lines.append(f"{NOT_DONE} {safe(str(e).replace(str(path), path.name))}")
        return "<br>".join(lines), *library_now(ctx), gr.update(value=None)
    finally:
        for path in paths:  # uploads are copied into the corpus when indexed; the temporary copy goes either way
            if is_upload(path):
                delete_upload(path)


def files_chosen():
    """Nothing to change when files are chosen: the event itself clears the box's error from a refused file."""
    return gr.update()


def remove_article(ctx: Context, article_id: str, password, confirm: str):
    """Two clicks: the first names the article and asks again, the second removes it (its file is kept for Undo)."""
    refusal = ctx.permission.refusal(password)
    if refusal:
        return f"{NOT_DONE} {safe(refusal)}", gr.update(), gr.update(), "", gr.update()
    if not article_id:
        return "Choose an article to remove.", gr.update(), gr.update(), "", gr.update()
    record = ctx.bot.store.articles.get(article_id)
    name = f"“{safe(record.title)}” ({safe(record.source)})" if record else safe(article_id)
    if confirm != article_id:
        return f"Remove {name}? Click Remove again to confirm.", gr.update(), gr.update(), article_id, gr.update()
    try:
        ctx.bot.remove(article_id, keep=True)
        message = f"Removed {name}. Undo brings it back."
        undo = gr.update(visible=True, value=f"Undo: bring back {record.title}" if record else "Undo")
        kept = record.source if record else ""
    except BotError as e:
        message, undo, kept = f"{NOT_DONE} {safe(str(e))}", gr.update(), ""
    return message, *library_now(ctx), f"kept:{kept}", undo


def undo_removal(ctx: Context, password, confirm: str):
    refusal = ctx.permission.refusal(password)
    if refusal:
        return f"{NOT_DONE} {safe(refusal)}", gr.update(), gr.update(), confirm, gr.update()
    if not confirm.startswith("kept:") or not confirm[5:]:
        return "Nothing to undo.", gr.update(), gr.update(), "", gr.update(visible=False)
    try:
        ctx.bot.restore(confirm[5:])
        # Named as the table and the Undo button name it (its title), with the file that tells two alike apart.
        back = next((a for a in ctx.bot.articles if a.source == confirm[5:]), None)
        message = f"Brought back “{safe(back.title)}” ({safe(back.source)})." if back else f"Brought back {safe(confirm[5:])}."
    except BotError as e:
        message = f"{NOT_DONE} {safe(str(e))}"
    return message, *library_now(ctx), "", gr.update(visible=False)
