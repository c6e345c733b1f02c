"""The chat: a question streamed into its answer; undo, retry, edit and suggested questions; the one-question API.

`chat` is what the screen shows (safe, rendered messages); `turns` (a gr.State) the raw questions and answers,
which the bot reads as history and feedback is saved against. The conversation the bot reads is always the one
on screen: turns beyond what is shown are dropped first.
(No postponed annotations here: Gradio reads these handlers' type hints, which must resolve.)
"""

import logging
import uuid

import gradio as gr

from ...answer import Answer
from ...errors import BotError
from .context import Context
from .markup import safe
from .sources import render_answer

log = logging.getLogger(__name__)
STREAM_WORDS = 12  # words per streamed update
# Once an answer is in, the chat shows it from its question, not from its end: Gradio's own scrolling follows the
# streamed words to the bottom, and a long answer's first lines (where it says what it answers, or that the guides
# don't) were out of view (a tester's screenshots). Scrolled within the chat's box only, never the page, and the
# question below the chat's toolbar (Clear, Copy conversation), which covered its end (three testers' screenshots).
SHOW_ANSWER_JS = """() => {
  const box = document.querySelector('#chat .bubble-wrap');
  const asked = [...document.querySelectorAll("#chat [data-testid='user']")].pop();
  if (box && asked) box.scrollTop += asked.getBoundingClientRect().top - box.getBoundingClientRect().top - 40;
}"""
SAME_ANSWER = ('<p class="searched">The same answer again: the bot answers from the articles, the same way each '
               "time. Rephrase the question to search differently.</p>")


def _shown(chat, turns) -> list:
    """The turns the screen still shows: after the chat's own Clear (or any edit of the messages) the turns beyond
    it are gone, so a follow-up never leans on a hidden question."""
    return list(turns or [])[: len(chat or []) // 2]


def respond(ctx: Context, message: str, chat: list, turns: list):
    """Stream one answer into the chat; `turns` keeps the raw questions and answers for history and feedback."""
    message = message or ""
    if not message.strip():  # an empty Send does nothing
        yield gr.update(), chat, turns
        return
    limit = ctx.bot.settings.max_question_chars
    if len(message) > limit:  # the text stays in the box to be shortened; nothing is cut silently
        gr.Warning(f"Your question is {len(message):,} characters; the limit is {limit:,}. Shorten it and send again.")
        yield gr.update(), chat, turns
        return
    turns = _shown(chat, turns)
    chat = list(chat or []) + [{"role": "user", "content": safe(message)}]
    yield gr.update(value=""), chat, turns
    history = []
    for t in turns:
        history += [{"role": "user", "content": t["question"]}, {"role": "assistant", "content": t["answer"]}]
    try:
        answer = ctx.bot.ask(message, history=history)
    except Exception as e:  # shown in the chat, never as a stack trace or a frozen spinner
        chat.append({"role": "assistant", "content": _error_message(e)})
        yield gr.update(), chat, turns + [{"id": uuid.uuid4().hex, "question": message, "answer": "", "citations": []}]
        return
    words = answer.text.split(" ")
    chat.append({"role": "assistant", "content": ""})
    for end in range(STREAM_WORDS, len(words), STREAM_WORDS):
        chat[-1] = {"role": "assistant", "content": safe(" ".join(words[:end]))}
        yield gr.update(), chat, turns
    # "Searched for" only when a follow-up was rewritten, not for an abbreviation spelled out.
    chat[-1] = {"role": "assistant", "content": render_answer(answer, ctx.bot.library.expand(message))}
    if answer.suggestions:  # the questions offered with a refusal or a greeting are buttons that ask them
        chat[-1]["options"] = [{"value": q} for q in answer.suggestions]
    yield gr.update(), chat, turns + [_turn_record(message, answer)]


def undo(chat: list, turns: list):
    """Take back the last question and its answer; the question returns to the box."""
    turns = _shown(chat, turns)
    if not turns:
        return gr.update(), chat, turns
    return turns[-1]["question"], list(chat)[:-2], turns[:-1]


def retry(ctx: Context, chat: list, turns: list):
    """Ask the last question again, as if the last answer had never been given."""
    turns = _shown(chat, turns)
    if not turns:
        yield gr.update(), chat, turns
        return
    before = turns[-1].get("answer")
    update = None
    for update in respond(ctx, turns[-1]["question"], list(chat)[:-2], turns[:-1]):
        yield update
    _, chat, new_turns = update
    if new_turns and new_turns[-1].get("answer") == before and chat and chat[-1]["role"] == "assistant":
        # The bot answers from the articles, the same way each time: say so, or Retry looks broken.
        chat[-1] = dict(chat[-1], content=chat[-1]["content"] + SAME_ANSWER)
        yield gr.update(), chat, new_turns


def ask_option(ctx: Context, chat: list, turns: list, data: gr.SelectData):
    """A suggested question clicked under an answer, or an example in the empty chat, is asked."""
    value = data.value.get("text", "") if isinstance(data.value, dict) else data.value
    yield from respond(ctx, str(value), chat, turns)


def edit(ctx: Context, chat: list, turns: list, data: gr.EditData):
    """An edited question is asked again in its place; the exchanges after it are dropped, from the screen
    and from what the bot remembers alike."""
    index = data.index if isinstance(data.index, int) else data.index[0]
    turn = index // 2
    turns = _shown(chat, turns)
    value = data.value[0].get("text", "") if isinstance(data.value, list) and data.value and isinstance(data.value[0], dict) else data.value
    value = str(value)
    shown = (chat or [])[index]["content"] if 0 <= index < len(chat or []) else None
    if turn < len(turns) and value == shown:  # submitted as shown (escaped): the question as it was typed
        value = turns[turn]["question"]
    yield from respond(ctx, value, list(chat or [])[: 2 * turn], turns[:turn])


def chat_api(ctx: Context, message: str) -> str:
    """One question, no history: the answer with its sources as plain text."""
    try:
        return ctx.bot.ask(message).to_text()
    except BotError as e:
        return f"Sorry, I can't answer that: {e}"


def _turn_record(question: str, answer: Answer) -> dict:
    return {
        "id": uuid.uuid4().hex,  # ties feedback to this answer
        "question": question,
        "searched_for": answer.searched_for,
        "answer": answer.text,
        "citations": [
            {"n": c.n, "title": c.article.title, "article_id": c.article.id, "chunk_id": c.chunk_id, "url": c.article.url,
             "sentences": list(c.sentences)}
            for c in answer.citations
        ],
    }


def _error_message(e: Exception) -> str:
    if isinstance(e, BotError):
        return f"Sorry, I can't answer that: {safe(str(e))}"
    log.exception("chat failed")
    return "Sorry, something went wrong while answering. Please try again."
