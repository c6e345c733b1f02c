"""The Gradio app over real HTTP with gradio_client, its handlers called directly (as the app calls them, over the
real guides), and the pure rendering that keeps article text inert."""

import json
import typing
from concurrent.futures import ThreadPoolExecutor

import gradio as gr
import pytest
from gradio_client import Client

from bot.answer import Answer, Citation
from bot.apps.ui import Permission, highlight, markup, render_answer
from bot.apps.ui.chat import ask_option, edit, respond, retry, undo
from bot.apps.ui.context import Context
from bot.apps.ui.feedback import on_comment, on_like, shown
from bot.feedback import FeedbackStore
from bot.index.store import ArticleRecord


@pytest.fixture
def ctx(guides_bot, tmp_path) -> Context:
    """What the app hands its handlers: the real guides, a fresh feedback file, changes allowed (loopback)."""
    return Context(guides_bot, FeedbackStore(tmp_path / "feedback.db"), Permission(None, "127.0.0.1"))


def final(updates):
    """The last of what a streaming handler yields: (box, chat, turns)."""
    return list(updates)[-1]


def _hostile_answer() -> Answer:
    text = 'Read this <img src="http://127.0.0.9/x.png" onerror="alert(1)"> and ![t](http://127.0.0.9/t.png). <script>alert(2)</script>'
    article = ArticleRecord("bad", "<b>Bad</b> title", "bad.md", "0" * 64, site="Evil & Co", url="javascript:alert(3)")
    c = Citation(n=1, text=text, article=article, chunk_id="bad:c0", similarity=0.9, heading="[x](http://127.0.0.9/h)", sentences=(text,),
                 highlights=((0, len(text)),))
    return Answer(f"{text} [1]", [c], "q", "answer")


def test_rendering_leaves_no_live_markup_from_article_text():
    out = render_answer(_hostile_answer(), "q")
    for live in ("<img", "<script", "<b>", "](", "javascript:", "onerror=\""):
        assert live not in out
    assert "&lt;img src=&quot;http&#58;//127.0.0.9/x.png&quot;" in out  # shown as text instead
    assert "<mark>" in out and "Evil &amp; Co" in out


def test_a_bare_address_in_text_is_no_link():
    # A tester's question "[link](http://evil.example) what is MLOps?" showed a live link: the chat's Markdown makes
    # links of bare URLs, "www." addresses and e-mail addresses, escaped brackets or not.
    shown = markup.safe("[link](http://evil.example) or www.evil.example, mailto:a@evil.example")
    assert "http:" not in shown and "www." not in shown and "@" not in shown and "mailto:" not in shown


def test_highlight_marks_exactly_the_cited_spans():
    assert highlight("One. Two. Three.", [(5, 9)]) == "One. <mark>Two.</mark> Three."


def test_rewritten_follow_up_shows_what_was_searched():
    answer = Answer("x [1]", [], searched_for="Do I need a master's degree? What about a PhD?")
    assert "Searched for:" in render_answer(answer, "What about a PhD?")
    assert "Searched for:" not in render_answer(Answer("x", [], searched_for="same"), "same")


def test_chat_endpoint_over_http_returns_the_answer_with_sources(app_server):
    url, _, _ = app_server
    client = Client(url, verbose=False)
    out = client.predict(message="Do I need a master's degree?", api_name="/chat")
    assert "[1]" in out and "Sources:" in out and "master" in out.lower()
    out = client.predict(message="How do I bake bread?", api_name="/chat")
    assert out.startswith("The guides don't cover ") and "[1]" not in out
    out = client.predict(message="   ", api_name="/chat")
    assert out.startswith("Sorry, I can't answer that: the question is empty")


def test_twenty_concurrent_clients_all_get_answers(app_server):
    url, _, _ = app_server
    questions = [
        "Do I need a master's degree?", "What is MLOps?", "What do ML engineers earn?", "What is overfitting?",
        "How do internships help?", "What is feature engineering?", "Why learn linear algebra?",
        "What does an NLP scientist do?", "Which languages besides Python might I need?", "What is PyTorch?",
    ] * 2

    def ask(q):
        return Client(url, verbose=False).predict(message=q, api_name="/chat")

    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(ask, questions, timeout=240))
    assert len(answers) == 20
    assert all("[1]" in a and "Sources:" in a for a in answers), [a[:80] for a in answers if "[1]" not in a]


def test_a_cleared_chat_leaves_no_hidden_memory(ctx):
    """After the chat's own Clear the screen is empty while the session still holds the cleared turn: a follow-up
    asked then must not lean on it."""
    _, _, turns = final(respond(ctx, "Is a bootcamp enough to get hired?", [], []))
    assert len(turns) == 1
    _, chat, turns = final(respond(ctx, "What about a PhD?", [], turns))  # [] = the cleared screen
    shown = json.dumps(chat)
    assert "bootcamp enough" not in shown and "PhD" in shown and len(turns) == 1


def test_undo_takes_back_the_last_exchange_and_retry_says_when_the_answer_is_the_same(ctx):
    _, chat, turns = final(respond(ctx, "What is MLOps?", [], []))
    _, chat, turns = final(respond(ctx, "What do MLEs earn?", chat, turns))
    box, undone, left = undo(chat, turns)
    assert box == "What do MLEs earn?" and undone == chat[:2] and [t["question"] for t in left] == ["What is MLOps?"]
    _, again, turns_again = final(retry(ctx, chat, turns))
    assert len(again) == 4 and "The same answer again" in again[-1]["content"]
    assert turns_again[-1]["answer"] == turns[-1]["answer"] and turns_again[-1]["id"] != turns[-1]["id"]


def test_a_suggested_question_is_asked(ctx):
    _, chat, turns = final(respond(ctx, "How do I bake bread?", [], []))
    suggestion = chat[-1]["options"][0]["value"]  # offered under the refusal as a button
    _, chat, turns = final(ask_option(ctx, chat, turns, gr.SelectData(None, {"index": 0, "value": suggestion})))
    assert [t["question"] for t in turns] == ["How do I bake bread?", suggestion] and "Sources" in chat[-1]["content"]


def test_an_edited_question_is_asked_again_in_its_place(ctx):
    """Editing the first question (the chat's own edit control) asks the new text and forgets what followed."""
    _, chat, turns = final(respond(ctx, "What is MLOps?", [], []))
    _, chat, turns = final(respond(ctx, "What do MLEs earn?", chat, turns))
    edited = gr.EditData(None, {"index": 0, "value": "What is concept drift?", "previous_value": "What is MLOps?"})
    _, chat, turns = final(edit(ctx, chat, turns, edited))
    shown = json.dumps(chat)
    assert len(chat) == 2 and "concept drift" in shown.lower() and "What is MLOps?" not in shown and "MLEs" not in shown
    assert [t["question"] for t in turns] == ["What is concept drift?"]
    # Submitted unchanged, the question shown escaped is asked as it was typed.
    typed = "Do I need a master's degree? <b>now</b>"
    _, chat, turns = final(respond(ctx, typed, [], []))
    unchanged = gr.EditData(None, {"index": 0, "value": chat[0]["content"], "previous_value": chat[0]["content"]})
    _, _, turns = final(edit(ctx, chat, turns, unchanged))
    assert turns[0]["question"] == typed


def test_likes_and_comments_are_saved_with_their_answer(ctx):
    _, chat, turns = final(respond(ctx, "What is MLOps?", [], []))
    turns = on_like(ctx, turns, gr.LikeData(None, {"index": 1, "value": chat[1]["content"], "liked": "Wrong or misleading"}))
    # kept in the turn, so the chat shows it again when its messages change
    assert turns[0]["feedback"] == "Wrong or misleading" and shown(chat, turns)["feedback_value"] == ["Wrong or misleading"]
    assert on_comment(ctx, "  ", turns)[1] == "Type a comment first."
    assert on_comment(ctx, "Good.", [])[1].startswith("Ask something first")
    assert on_comment(ctx, " Clear and well sourced. ", turns)[1].startswith("Thanks")
    [row] = ctx.feedback.rows()
    assert (row["question"], row["rating"], row["reason"], row["comment"]) == (
        "What is MLOps?", "down", "Wrong or misleading", "Clear and well sourced.")


def test_gradio_can_read_what_each_event_handler_is_given():
    """Gradio passes gr.SelectData/EditData/LikeData to the parameter annotated so, and silently passes nothing
    when a handler's type hints do not resolve: they must, in the handler's own module."""
    hints = [typing.get_type_hints(h)["data"] for h in (ask_option, edit, on_like)]
    assert hints == [gr.SelectData, gr.EditData, gr.LikeData]


def test_dates_are_shown_as_dates():
    from bot.apps.ui import format_date

    assert format_date("2023-12-16T14:59:43+01:00") == "16 Dec 2023"
    assert format_date("2024-03-01") == "1 Mar 2024" and format_date("spring 2024") == "spring 2024"


def test_the_page_names_the_librarys_subject_not_a_fixed_one(app_server):
    import httpx

    url, bot, _ = app_server
    page = httpx.get(url, timeout=30).text
    assert bot.library.subject in page and "ML career guide chat" not in page


def test_feedback_keeps_what_was_finally_said_about_each_answer(tmp_path):
    from bot.apps.ui import REASONS, rating_of
    from bot.feedback import FeedbackStore

    assert (rating_of(True), rating_of("Like"), rating_of(False), rating_of("Dislike"), rating_of("")) == (
        ("up", ""), ("up", ""), ("down", ""), ("down", ""), (None, ""))
    assert rating_of(REASONS[1]) == ("down", REASONS[1]) and rating_of("anything else") == (None, "")
    feedback = FeedbackStore(tmp_path / "feedback.db")
    a, b = {"id": "a", "question": "qa", "answer": "x"}, {"id": "b", "question": "qb", "answer": "y"}
    feedback.update(a, rating="up")
    feedback.update(a, rating=None)  # un-liked
    feedback.update(b, rating="down")
    feedback.update(b, comment="Wrong figure.")
    rows = feedback.rows()
    assert [(r["id"], r["rating"], r["comment"]) for r in rows] == [("b", "down", "Wrong figure.")]
    feedback.update(b, rating="down", reason=REASONS[1])  # a dislike with its reason keeps the comment
    feedback.update(a, rating="up", reason="ignored: only a dislike has a reason")
    assert [(r["id"], r["rating"], r["reason"], r["comment"]) for r in feedback.rows()] == [
        ("b", "down", REASONS[1], "Wrong figure."), ("a", "up", "", "")]


def test_a_feedback_file_from_before_reasons_gains_the_column_and_keeps_its_rows(tmp_path):
    import sqlite3

    from bot.feedback import FeedbackStore

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE feedback (id TEXT PRIMARY KEY, time TEXT NOT NULL, rating TEXT, comment TEXT NOT NULL "
                   "DEFAULT '', question TEXT NOT NULL DEFAULT '', searched_for TEXT NOT NULL DEFAULT '', answer TEXT "
                   "NOT NULL DEFAULT '', citations TEXT NOT NULL DEFAULT '[]')")
        db.execute("INSERT INTO feedback VALUES ('x', '2026-01-01', 'up', '', 'q', '', 'a', '[]')")
    store = FeedbackStore(path)
    store.update({"id": "y", "question": "q2", "answer": "b"}, rating="down", reason="Wrong or misleading")
    assert [(r["id"], r["rating"], r["reason"]) for r in store.rows()] == [("x", "up", ""), ("y", "down", "Wrong or misleading")]


def test_a_source_is_labelled_with_its_section_and_suggestions_are_not_listed_twice():
    from bot.answer import Answer, Citation
    from bot.apps.ui import render_answer

    article = ArticleRecord("a", "How to become an MLE", "a.md", "0" * 64)
    cite = lambda n, heading: Citation(n=n, text="Some text.", article=article,  # noqa: E731
                                       chunk_id=f"a:c{n}", similarity=0.5, heading=heading, sentences=("Some text.",),
                                       highlights=((0, 10),))
    html = render_answer(Answer("Some text. [1] Other text. [2]", [cite(1, "Skills"), cite(2, "Salary")], "q", "answer"))
    assert "How to become an MLE › Skills" in html and "How to become an MLE › Salary" in html
    assert "See also" not in html
    from bot.answer import Related

    seen = render_answer(Answer("Some text. [1]", [cite(1, "Skills")], "q", "answer",
                                related=(Related(article, "Pay", "a:c9", "<b>Pay</b> varies."),)))
    see_also = seen.split("See also", 1)[1]
    # Offered after the sources, opening to the passage like a source, its text inert.
    assert "How to become an MLE › Pay" in see_also and "&lt;b&gt;Pay&lt;/b&gt; varies." in see_also and "<b>" not in seen
    refusal = Answer("The guides don't cover that. They can answer questions like:\n- What is MLOps?\n- What pays?",
                     [], "q", "not_covered", ("What is MLOps?", "What pays?"))
    assert "What is MLOps" not in render_answer(refusal)  # offered as buttons under the message instead


def test_an_article_brought_back_is_named_by_its_title(tmp_path):
    import shutil

    from bot import CareerBot
    from bot.apps.ui.articles import remove_article, undo_removal
    from bot.apps.ui.markup import safe
    from bot.config import Settings
    from tests.conftest import ROOT

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "index", tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    bot = CareerBot.load(settings=Settings.from_env(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus"))
    ctx = Context(bot, FeedbackStore(tmp_path / "feedback.db"), Permission(None, "127.0.0.1"))
    record = bot.articles[0]
    confirm = remove_article(ctx, record.id, None, "")[3]
    confirm = remove_article(ctx, record.id, None, confirm)[3]
    message = undo_removal(ctx, None, confirm)[0]
    assert record.id in bot.store.articles and message == f"Brought back “{safe(record.title)}” ({safe(record.source)})."


def test_quoted_lines_show_as_a_quotation_without_their_markers():
    # A tester on a phone: "> Hey there. > I like a lot ... > - Research" read as markup leaking into the answer.
    from bot.apps.ui.sources import render_text

    article = ArticleRecord("p", "Portfolios", "p.md", "0" * 64)
    text = "A hiring manager wrote to a designer:\n\n> Hey there.\n> - Research <img src=x onerror=alert(1)>\n\nSo keep it short. [1]"
    c = Citation(n=1, text=text, article=article, chunk_id="p:c0", similarity=0.9, sentences=(text,), highlights=((0, len(text)),))
    html = render_text(Answer(text, [c], "q", "answer"))
    assert '<blockquote class="quoted">Hey there.<br>- Research &lt;img src=x onerror=alert&#40;1&#41;&gt;</blockquote>' in html
    assert "&gt; Hey" not in html and "<img" not in html


def test_the_upload_limit_is_named_as_gradio_names_it(guides_bot, tmp_path):
    # The box said "up to 20 MB" while Gradio refused a larger file as over "19.1 Mb" (it counts MiB).
    from bot.apps.ui import create_app
    from bot.config import Settings

    limit = Settings().max_file_bytes
    assert limit % 2**20 == 0  # shown by Gradio as f"{limit / 2**20:.1f} Mb": a whole number
    app = create_app(guides_bot, tmp_path / "feedback.db", Permission(None, "127.0.0.1"))
    labels = [b.label for b in app.blocks.values() if isinstance(b, gr.File)]
    assert labels and f"up to {limit // 2**20} MB each" in labels[0]
    app.close()


def test_a_sources_quoted_lines_show_a_bar_not_their_markers():
    # The UI tester: in an opened source every line of a quoted letter began with a literal "> ", though the answer
    # above showed it as a quotation.
    html = highlight("A manager wrote:\n> Hey there.\n> - Research <b>x</b>\nAfter. a > b", [(17, 30)])
    assert html == ('A manager wrote&#58;<br><mark><span class="qbar"></span>Hey there.<br></mark><span class="qbar"></span>'
                    '- Research &lt;b&gt;x&lt;/b&gt;<br>After. a &gt; b')


def test_the_question_box_waits_for_the_restored_chat(guides_bot, tmp_path):
    # A flaky browser test: a question sent in the moment before the page's restored (empty) chat landed had its
    # answer wiped by it. The box, Send and the examples wait for the restore, which makes them usable.
    from bot.apps.ui import conversations, create_app

    app = create_app(guides_bot, tmp_path / "feedback.db", Permission(None, "127.0.0.1"))
    config = app.get_config_file()
    by_id = {c["id"]: c.get("props", {}) for c in config["components"]}
    box = next(i for i, p in by_id.items() if p.get("elem_id") == "question")
    send = next(i for i, p in by_id.items() if p.get("elem_id") == "send")
    chat = next(i for i, p in by_id.items() if p.get("elem_id") == "chat")
    assert by_id[box]["interactive"] is False and by_id[send]["interactive"] is False and not by_id[chat].get("examples")
    restore = next(d for d in config["dependencies"] if any(event == "load" for _, event in d["targets"])
                   and chat in d["outputs"])
    assert box in restore["outputs"] and send in restore["outputs"]
    app.close()
    chat_update, turns, current, _, box_update, send_update = conversations.restore("", ("What is MLOps?",))
    assert chat_update["value"] == [] and chat_update["examples"] == [{"text": "What is MLOps?"}] and turns == []
    assert current and box_update["interactive"] is True and send_update["interactive"] is True
