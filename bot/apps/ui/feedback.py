"""Feedback in the chat: Like, Dislike, or a dislike with its reason on any answer, and a comment on the last one;
each saved in the answer's row of the feedback store (bot/feedback.py).
(No postponed annotations here: Gradio reads these handlers' type hints, which must resolve.)
"""

import gradio as gr

from ...conversation import without_surrogates
from .context import Context

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


def on_like(ctx: Context, turns: list, data: gr.LikeData):
    """Save the rating with its answer, and keep it in the turn: the chat shows it again after the next answer."""
    turn_index = data.index if isinstance(data.index, int) else data.index[0]
    turn_index = turn_index // 2  # messages alternate user, assistant
    turns = list(turns or [])
    if 0 <= turn_index < len(turns):
        rating, reason = rating_of(data.liked)
        ctx.feedback.update(turns[turn_index], rating=rating, reason=reason)
        turns[turn_index] = dict(turns[turn_index], feedback=reason or {"up": "Like", "down": "Dislike"}.get(rating or ""))
    return turns


def shown(chat: list, turns: list):
    """The ratings given, on the answers the chat shows (Gradio's chat forgets them when its messages change); run
    after each event that changes them (layout.py)."""
    answers = sum(1 for m in chat or [] if isinstance(m, dict) and m.get("role") == "assistant")
    given = [t.get("feedback") if isinstance(t, dict) else None for t in (turns or [])][:answers]
    return gr.update(feedback_value=given + [None] * (answers - len(given)))


def on_comment(ctx: Context, comment: str, turns: list):
    if not comment.strip():
        return gr.update(), "Type a comment first."
    if not turns:
        return gr.update(), "Ask something first; the comment is saved with the last answer."
    ctx.feedback.update(turns[-1], comment=without_surrogates(comment.strip()[:2000]))
    return gr.update(value=""), "Thanks, your comment was saved with the last answer."
