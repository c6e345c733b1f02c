"""End to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the real app.

Skipped only when no Chromium is installed and CI is not set; under CI=true a missing browser fails.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# Screenshots go to a temporary folder (printed in the test log), never into the repository.
ARTIFACTS = Path(os.environ.get("BOT_SCREENSHOTS") or Path(tempfile.gettempdir()) / "career-bot-screenshots")

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI=true but no Chromium at /usr/bin/chromium: .ci/run installs it (apt-get install chromium)")
    pytest.skip("no Chromium installed (apt-get install chromium); CI installs it", allow_module_level=True)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_server):
    url = app_server[0]
    context = browser.new_context(viewport={"width": 1200, "height": 1100})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def ask(page, question: str):
    before = page.locator("[data-testid='bot']").count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='bot']\").length > n", arg=before, timeout=30_000
    )
    bot = page.locator("[data-testid='bot']").last
    # Streaming ends with the full message: sources, or the refusal text.
    page.wait_for_function(
        "() => { const m = [...document.querySelectorAll(\"[data-testid='bot']\")].pop();"
        " return m && (m.querySelector('.sources') || m.innerText.includes(\"don't cover\")); }",
        timeout=30_000,
    )
    # And the page is idle: the answer's last message can land after its text is shown (undoing a Clear made before
    # it), and the list of past conversations is refreshed after it (moving the chat's buttons while it renders).
    page.wait_for_function("() => !document.querySelector('.wrap.default:not(.hide)')", timeout=30_000)
    return bot


def upload(page, path: Path):
    page.get_by_role("tab", name="Articles").click()
    page.locator("#upload input[type=file]").set_input_files(str(path))
    # Uploaded when the component lists the file (its name may be split across cells: match the stem).
    page.wait_for_function("stem => document.querySelector('#upload').innerText.includes(stem)", arg=path.stem, timeout=15_000)
    before = page.locator("#status").inner_text()
    page.locator("#add").click()
    page.wait_for_function(
        "b => { const s = document.querySelector('#status');"
        " return s && /Added:|Not done:/.test(s.innerText) && s.innerText !== b && !/\\d\\.\\ds/.test(s.innerText); }",
        arg=before, timeout=60_000,
    )
    status = page.locator("#status").inner_text()
    page.get_by_role("tab", name="Chat").click()
    return status


def only_local(page, url: str) -> list[str]:
    host = url.split("/")[2]
    return [u for u in page.requests if not (u.startswith(("data:", "blob:")) or u.split("/")[2] == host)]


def test_a_long_answer_is_shown_from_its_question(page, app_server):
    # A tester's screenshots: Gradio scrolled the chat to a long answer's end, its first lines out of view.
    page.set_viewport_size({"width": 1200, "height": 600})  # a laptop's: the answer is longer than the chat's box
    ask(page, "What are the steps to become a machine learning engineer?")
    ask(page, "What skills does a machine learning engineer need?")
    box = page.locator("#chat .bubble-wrap")
    asked = page.locator("#chat [data-testid='user']").last
    page.wait_for_timeout(400)  # past Gradio's own delayed scrolling, which this must not be undone by
    top, bottom = box.evaluate("b => [b.getBoundingClientRect().top, b.getBoundingClientRect().bottom]")
    overflow = box.evaluate("b => b.scrollHeight - b.clientHeight")
    assert overflow > 100, overflow  # the answers are longer than the box: there is something to scroll
    assert asked.evaluate("(q, b) => b.scrollHeight - b.scrollTop - (q.getBoundingClientRect().top - b.getBoundingClientRect().top)",
                          box.element_handle()) > box.evaluate("b => b.clientHeight"), "the last answer fits: nothing to test"
    assert top <= asked.bounding_box()["y"] < top + 60 < bottom, (top, asked.bounding_box(), bottom)
    # ... below the chat's toolbar, which covered the question's end (three testers' screenshots)
    tool, q = page.locator("#chat button[aria-label='Clear']").bounding_box(), asked.bounding_box()
    assert tool["y"] + tool["height"] <= q["y"] or tool["x"] >= q["x"] + q["width"], (tool, q)


def test_ask_and_see_a_highlighted_source(page, app_server):
    bot = ask(page, "Do I need a master's degree?")
    assert "[1]" in bot.inner_text() and "don't all agree" in bot.inner_text()
    bot.locator(".sources summary").first.click()
    mark = bot.locator(".sources mark").first
    assert mark.is_visible() and "degree" in mark.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)
    if os.environ.get("BOT_UPDATE_DOCS"):  # the README's screenshot comes from here: BOT_UPDATE_DOCS=1 pytest -k highlighted_source
        shutil.copy(ARTIFACTS / "chat.png", ROOT / "docs" / "chat.png")
    assert only_local(page, app_server[0]) == []


def test_follow_up_shows_what_was_searched_and_feedback_is_saved(page, app_server):
    ask(page, "What is a machine learning bootcamp?")
    bot = ask(page, "What are its benefits?")
    assert "Searched for:" in bot.inner_text()
    feedback = app_server[2]

    from bot.feedback import FeedbackStore

    def rows_after(change):
        before = FeedbackStore(feedback).rows()
        change()
        for _ in range(100):  # until the event has reached the server and the row was written
            now = FeedbackStore(feedback).rows()
            if now != before:
                break
            page.wait_for_timeout(100)
        return now

    rows = rows_after(lambda: page.locator("#chat [title='Like']").last.click())
    mine = [r for r in rows if r["question"] == "What are its benefits?"]
    assert len(mine) == 1 and mine[0]["rating"] == "up" and mine[0]["citations"]
    # The like is still shown once another answer has come (a UI tester saw it go grey, though it was saved).
    ask(page, "How long is a bootcamp?")
    page.locator("#chat [title='Liked']").wait_for(timeout=5_000)
    assert page.locator("#chat [title='Liked']").count() == 1
    # Un-liking is not a dislike: nothing is said about the answer any more, and no row is added.
    rows = rows_after(lambda: page.locator("#chat [title='Liked']").last.click())
    assert not [r for r in rows if r["question"] == "What are its benefits?"]
    page.get_by_text("Comment on the last answer").click()
    page.get_by_placeholder("What was good or wrong? (optional)").fill("Clear and well sourced.")
    rows = rows_after(lambda: page.get_by_role("button", name="Send comment").click())
    mine = [r for r in rows if r["question"] == "How long is a bootcamp?"]  # the last answer
    assert len(mine) == 1 and mine[0]["comment"] == "Clear and well sourced." and mine[0]["rating"] is None
    page.locator("#new-chat").click()
    page.wait_for_function("() => document.querySelectorAll(\"[data-testid='bot']\").length === 0")


def test_upload_an_article_and_ask_about_it(page, app_server, tmp_path):
    article = tmp_path / "kaggle-guide.md"
    article.write_text(
        "---\ntitle: Winning at Kaggle\nsite: Example Careers\n---\n"
        "Kaggle competitions teach you to iterate quickly on validation strategy. "
        "Top Kaggle competitors share their notebooks so beginners can learn from them.\n"
    )
    status = upload(page, article)
    assert "Added: kaggle-guide.md" in status
    bot = ask(page, "How do Kaggle competitions help beginners?")
    assert "Winning at Kaggle" in bot.locator(".sources").inner_text()
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    assert "Not done: empty.md: the file is empty" in upload(page, bad)


def test_hostile_article_runs_nothing_and_fetches_nothing(page, app_server, tmp_path):
    url = app_server[0]
    article = tmp_path / "zebra.md"
    article.write_text(
        "# Zebra analytics\n\n"
        "Zebra analytics careers require careful reading of <script>window.__pwned = 1</script> untrusted text. "
        'Zebra analytics teams review <img src="http://127.0.0.9:9/pixel.png" onerror="window.__pwned = 2"> every upload. '
        "Zebra analytics blogs embed ![tracker](http://127.0.0.9:9/t.png) images.\n"
    )
    html_article = tmp_path / "zebra-page.html"
    html_article.write_text(
        "<html><head><title>Zebra HTML</title></head><body><article><h1>Zebra hiring</h1>"
        "<p>Zebra analytics hiring managers value honest portfolios.</p>"
        '<script>window.__pwned = 3</script><img src="http://127.0.0.9:9/a.png" onerror="window.__pwned = 4">'
        "<p>Zebra analytics hiring also tests &lt;img src=http://127.0.0.9:9/b.png onerror=alert(1)&gt; escaping.</p>"
        "</article></body></html>"
    )
    assert "Added:" in upload(page, article) and "Added:" in upload(page, html_article)
    for question in ("What do zebra analytics careers require?", "What do zebra analytics hiring managers value?"):
        bot = ask(page, question)
        bot.locator(".sources summary").first.click()
    text = page.locator("#chat").inner_text()
    assert "<img src=" in text or "<script>" in text  # the markup is shown as text
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#chat img[src*='127.0.0.9']").count() == 0
    assert page.locator("#chat script").count() == 0
    # A bare address typed in a question is shown as text, no link ("[link](http://...)" showed a live one).
    ask(page, "what is [link](http://127.0.0.9:9/evil) or www.evil.example in zebra analytics?")
    assert page.locator("#chat a[href*='127.0.0.9'], #chat a[href*='evil.example']").count() == 0
    assert only_local(page, url) == []
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)


def _contrast(page, selector: str) -> float:
    """WCAG contrast ratio of an element's text against its background."""
    return page.evaluate(
        """sel => { const el = document.querySelector(sel); const cs = getComputedStyle(el);
        const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                           return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const a = lum(rgb(cs.color)), b = lum(rgb(cs.backgroundColor));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); }""",
        selector,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_highlighted_sentences_read_in_both_themes(browser, app_server, scheme):
    context = browser.new_context(viewport={"width": 1200, "height": 1100}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(app_server[0] + ("?__theme=dark" if scheme == "dark" else ""), wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea")
        bot = ask(page, "What is MLOps?")
        bot.locator(".sources summary").first.click()
        assert _contrast(page, ".sources mark") >= 4.5
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"chat-{scheme}.png"), full_page=True)
    finally:
        context.close()


def test_a_long_paste_is_kept_whole_counted_and_refused_with_its_length(page):
    """Nothing is cut in the box (a cut paste loses the question at its end): the count says the limit first,
    and sending says why it was not sent, with the text still there to shorten."""
    box = page.locator("#question textarea")
    assert box.get_attribute("maxlength") is None and page.get_by_label("Your question").count() >= 1
    box.fill("hello")
    # The count is drawn by the page's script on input and every half second: wait for it, do not race it.
    expect(page.locator("#count")).to_have_text("5 / 2,000 characters")
    pasted = "I have a long story about my background. " * 60 + "So do I need a master's degree?"
    box.fill(pasted)
    assert box.input_value() == pasted
    expect(page.locator("#count")).to_contain_text(f"{len(pasted):,} / 2,000 characters: too long")
    page.locator("#send").click()
    page.wait_for_function("() => document.body.innerText.includes('the limit is 2,000')", timeout=10_000)
    assert box.input_value() == pasted and page.locator("[data-testid='bot']").count() == 0


def test_a_reload_keeps_the_conversation_and_a_suggestion_asks_itself(page, app_server):
    ask(page, "How do I bake bread?")  # a refusal, with questions the guides can answer
    option = page.locator("#chat button.option").first
    # Under the answer that offers them, not in the asker's column (a tester read them as messages they had sent).
    answer_left = page.locator("[data-testid='bot']").last.bounding_box()["x"]
    assert option.bounding_box()["x"] < answer_left + 50
    suggestion = option.inner_text().strip()
    before = page.locator("[data-testid='bot']").count()
    stored = page.evaluate("() => JSON.stringify(localStorage)")
    option.click()
    page.wait_for_function("n => document.querySelectorAll(\"[data-testid='bot']\").length > n", arg=before, timeout=30_000)
    assert suggestion[:20] in page.locator("[data-testid='user']").last.inner_text()
    page.wait_for_function(
        "() => { const m = [...document.querySelectorAll(\"[data-testid='bot']\")].pop();"
        " return m && (m.querySelector('.sources') || m.innerText.includes(\"don't cover\")); }", timeout=30_000)
    # The conversation is kept in the browser's storage (gr.BrowserState): wait until what is stored has
    # changed and then held still for half a second (the streamed answer is saved as it grows).
    page.wait_for_function(
        "s => { const now = JSON.stringify(localStorage); const still = window.__stored === now; window.__stored = now;"
        " return still && now !== s; }", arg=stored, polling=500, timeout=15_000)
    shown = page.locator("[data-testid='bot']").count()
    page.reload(wait_until="domcontentloaded")
    page.wait_for_function("n => document.querySelectorAll(\"[data-testid='bot']\").length === n", arg=shown, timeout=15_000)


def test_a_marker_opens_its_source_and_an_example_asks_itself(browser, app_server):
    context = browser.new_context(viewport={"width": 1200, "height": 1100})
    page = context.new_page()
    try:
        page.goto(app_server[0], wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea")
        example = page.locator("#chat").get_by_text("What should go in my portfolio?").first
        example.click()  # an example in the empty chat sends itself
        page.wait_for_function(
            "() => { const m = [...document.querySelectorAll(\"[data-testid='bot']\")].pop(); return m && m.querySelector('.sources'); }",
            timeout=30_000,
        )
        assert "portfolio" in page.locator("[data-testid='user']").last.inner_text()
        bot = page.locator("[data-testid='bot']").last
        assert not bot.locator("details").first.evaluate("d => d.open")
        bot.locator("a.cite").first.click()
        page.wait_for_function("() => [...document.querySelectorAll(\"[data-testid='bot'] details\")].some(d => d.open)", timeout=5_000)
    finally:
        context.close()


@pytest.fixture
def clipboard_page(browser, app_server):
    """A page whose clipboard the test may read."""
    context = browser.new_context(viewport={"width": 1200, "height": 1100})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_server[0].rstrip("/"))
    page = context.new_page()
    page.goto(app_server[0], wait_until="domcontentloaded")
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def test_copy_gives_text_and_messages_are_announced_as_text(clipboard_page):
    page = clipboard_page
    bot = ask(page, "What is MLOps?")
    page.wait_for_function(
        "() => !/[<>]|&#/.test([...document.querySelectorAll(\"[data-testid='bot']\")].pop().getAttribute('aria-label'))",
        timeout=5_000,
    )
    bot.hover()
    page.locator("button[aria-label='Copy message']").last.click()
    # Gradio copies first; our script then puts the text version on the clipboard.
    page.wait_for_function("async () => { const t = await navigator.clipboard.readText(); return t.includes('MLOps') && !t.includes('<'); }",
                           timeout=5_000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "MLOps" in copied and "[1]" in copied and "<" not in copied and "&#" not in copied


def test_on_a_phone_the_chat_uses_the_screen(browser, app_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(app_server[0], wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea")
        page.wait_for_timeout(300)  # the first layout settled
        # On first load the question box is in view, and the page keeps no wide margins.
        bottom, padding = page.evaluate(
            "() => [document.querySelector('#question textarea').getBoundingClientRect().bottom,"
            " parseFloat(getComputedStyle(document.querySelector('.main')).paddingLeft)]")
        assert bottom <= 844 and padding <= 8
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "phone-first-load.png"))
        ask(page, "What is MLOps?")
        width, height = page.evaluate(
            "() => [[...document.querySelectorAll(\"[data-testid='bot']\")].pop().closest('.message-row')"
            ".getBoundingClientRect().width, document.querySelector('#chat').getBoundingClientRect().height]"
        )
        assert width >= 0.8 * 390 and height >= 0.6 * 844
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "chat-phone.png"))
    finally:
        context.close()


def test_the_chats_own_clear_control_leaves_no_hidden_memory(page):
    ask(page, "Is a bootcamp enough to get hired?")
    page.locator("#chat button[aria-label='Clear']").first.click()
    page.wait_for_function("() => document.querySelectorAll(\"[data-testid='bot']\").length === 0", timeout=10_000)
    bot = ask(page, "What about a PhD?")
    assert "bootcamp enough" not in bot.inner_text()  # not searched together with the cleared question


def _copied(page, button) -> str:
    page.evaluate("() => navigator.clipboard.writeText('-')")
    button.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== '-'", timeout=5_000)
    return page.evaluate("() => navigator.clipboard.readText()")


def test_copy_gives_the_message_it_belongs_to_and_the_conversation_as_text(clipboard_page):
    page = clipboard_page
    first = ask(page, "Do I need a master's degree?").inner_text()
    ask(page, "What is MLOps?")
    # Each message's buttons sit in the element after it: bot buttons left, user buttons right.
    bot_buttons = page.locator(".message-wrap > .message-buttons-left")
    user_buttons = page.locator(".message-wrap > .message-buttons-right")
    page.locator("[data-testid='bot']").first.hover()
    copied = _copied(page, bot_buttons.nth(0).locator("button[aria-label='Copy message']"))
    assert copied.startswith(first.strip()[:60]) and "MLOps" not in copied
    page.locator("[data-testid='user']").nth(1).hover()
    assert _copied(page, user_buttons.nth(1).locator("button[aria-label='Copy message']")) == "What is MLOps?"
    everything = _copied(page, page.locator("button[aria-label='Copy conversation']"))
    assert everything.startswith("You: Do I need a master's degree?") and "\n\nYou: What is MLOps?" in everything
    assert "Answer: " in everything and not any(x in everything for x in ("<br>", "<a ", "<details", "&#", "&lt;"))


def test_edit_shows_the_question_as_typed_and_asks_it_again_unchanged(page):
    typed = "Do I need a master's degree? <b>now</b>"
    ask(page, typed)
    ask(page, "What is MLOps?")
    page.locator("[data-testid='user']").first.hover()
    page.locator(".message-wrap > .message-buttons-right").first.locator("button[aria-label='Edit']").click()
    editor = page.locator("#chat textarea.edit-textarea")
    editor.wait_for()
    page.wait_for_function("t => document.querySelector('#chat textarea.edit-textarea').value === t", arg=typed, timeout=5_000)
    page.get_by_role("button", name="Submit").click()
    # The edited turn is asked again in its place; the turn after it goes.
    page.wait_for_function(
        "() => document.querySelectorAll(\"[data-testid='user']\").length === 1 && (() => { const m ="
        " document.querySelector(\"[data-testid='bot']\"); return m && m.querySelector('.sources'); })()", timeout=30_000)
    assert page.locator("[data-testid='user']").first.inner_text().strip() == typed


def test_the_remove_list_follows_changes_made_elsewhere_and_starts_empty(page, app_server, tmp_path):
    article = tmp_path / "remove-list-check.md"
    article.write_text("---\ntitle: Quokka careers\n---\nQuokka careers reward patient field researchers who log every sighting.\n")
    app_server[1].add(article)  # another page of this server, or the command line, adds an article
    try:
        page.get_by_role("tab", name="Articles").click()
        dropdown = page.get_by_label("Article to remove")
        page.wait_for_function("() => document.querySelector('#articles').innerText.includes('Quokka careers')", timeout=10_000)
        assert dropdown.input_value() == ""  # nothing chosen for removal until the user chooses
        dropdown.click()
        page.get_by_role("option", name="Quokka careers").first.wait_for(timeout=5_000)
    finally:
        bot = app_server[1]
        bot.remove(next(a.id for a in bot.articles if a.title == "Quokka careers"))


def test_each_tab_keeps_its_own_conversation_and_lists_the_others(browser, app_server):
    context = browser.new_context(viewport={"width": 1200, "height": 1100})
    try:
        first, second = context.new_page(), context.new_page()
        for p in (first, second):
            p.goto(app_server[0], wait_until="domcontentloaded")
            p.wait_for_selector("#question textarea")
        ask(first, "What is MLOps?")
        ask(second, "What should go in my portfolio?")
        # Both are kept in this browser: one tab's save never overwrites the other's.
        first.wait_for_function(
            "() => Object.keys(JSON.parse(localStorage.getItem('career-bot:conversations') || '{}')).length === 2",
            timeout=10_000)
        first.reload(wait_until="domcontentloaded")
        first.wait_for_function("() => document.querySelectorAll(\"[data-testid='user']\").length === 1", timeout=15_000)
        assert first.locator("[data-testid='user']").first.inner_text().strip() == "What is MLOps?"
        first.get_by_role("button", name="Toggle Sidebar").click()
        past = first.locator("#past")
        past.get_by_text("What should go in my portfolio?").wait_for(timeout=10_000)
        assert past.get_by_text("What is MLOps?").count() == 1
        past.get_by_text("What should go in my portfolio?").click()  # reopened in this tab
        first.wait_for_function(
            "() => [...document.querySelectorAll(\"[data-testid='user']\")].map(m => m.innerText.trim()).join('|')"
            " === 'What should go in my portfolio?'", timeout=10_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        first.screenshot(path=str(ARTIFACTS / "past-conversations.png"))
    finally:
        context.close()


from tests.test_safety import guarded_app  # noqa: E402,F401 (a fixture: the app with an admin password)


def test_a_file_the_box_refuses_leaves_no_error_on_the_next_one(page, tmp_path):
    # The box refuses a file type it does not take before any upload; its "Error" stayed over the next file chosen.
    bad, good = tmp_path / "notes.docx", tmp_path / "next-article.md"
    bad.write_bytes(b"PK\x03\x04 a word document")
    good.write_text("# Next\n\nThis article has one proper sentence in it.\n")
    page.get_by_role("tab", name="Articles").click()
    page.locator("#upload input[type=file]").set_input_files(str(bad))
    page.wait_for_function("() => document.querySelector('#upload').innerText.includes('Error')", timeout=15_000)
    page.locator("#upload input[type=file]").set_input_files(str(good))
    page.wait_for_function("() => document.querySelector('#upload').innerText.includes('next-article')", timeout=15_000)
    page.wait_for_function("() => !document.querySelector('#upload').innerText.includes('Error')", timeout=5_000)


def test_a_refused_password_keeps_the_chosen_files(browser, guarded_app, tmp_path):
    url = guarded_app[0]
    article = tmp_path / "kept-upload.md"
    article.write_text("# Kept\n\nA chosen file stays chosen when the password is refused.\n")
    context = browser.new_context(viewport={"width": 1200, "height": 1100})
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea")
        page.get_by_role("tab", name="Articles").click()
        page.locator("#upload input[type=file]").set_input_files(str(article))
        page.wait_for_function("() => document.querySelector('#upload').innerText.includes('kept-upload')", timeout=15_000)
        page.locator("#admin-password input").fill("guess")
        page.locator("#add").click()
        page.wait_for_function("() => document.querySelector('#status').innerText.includes('Wrong or missing admin password')",
                               timeout=15_000)
        assert "kept-upload" in page.locator("#upload").inner_text()  # only the password needs fixing
    finally:
        context.close()


def test_retry_says_when_the_answer_is_the_same_and_an_expanded_abbreviation_is_not_a_rewrite(page):
    bot = ask(page, "What do MLEs earn?")
    assert "Searched for" not in bot.inner_text()  # "MLEs" spelled out is not a rewritten follow-up
    page.locator("[data-testid='bot']").last.hover()
    page.locator("#chat button[aria-label='Retry']").last.click()
    page.wait_for_function("() => { const m = [...document.querySelectorAll(\"[data-testid='bot']\")].pop();"
                           " return m && m.innerText.includes('The same answer again'); }", timeout=30_000)


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)])
def test_every_column_of_the_articles_table_is_in_view(browser, app_server, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(app_server[0], wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea")
        page.get_by_role("tab", name="Articles").click()
        page.locator("#articles").get_by_text("Title").first.wait_for(timeout=10_000)
        page.wait_for_timeout(300)
        # Each header cell ends inside the table's box (no column hidden past its right edge) and Title keeps room.
        inside, title_share = page.evaluate(
            """() => { const box = document.querySelector('#articles').getBoundingClientRect();
            const heads = [...document.querySelectorAll('#articles th')].filter(h => h.innerText.trim());
            const title = heads.find(h => h.innerText.trim().startsWith('Title'));
            return [heads.length >= 5 && heads.every(h => h.getBoundingClientRect().right <= box.right + 1),
                    title.getBoundingClientRect().width / box.width]; }""")
        # A chunk count and a date on one line each (on a phone "53" read "5" over "3", and ids broke every two letters).
        whole = page.evaluate(
            """() => [...document.querySelectorAll('#articles [role="row"] > [role="gridcell"]')].filter(c =>
                /^(\\d+|\\d{4}-\\d\\d-\\d\\d)$/.test(c.innerText.trim())).map(c => { const s = c.querySelector('span') || c;
                return [c.innerText.trim(), s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)]; })""")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"articles-{width}.png"))
        assert inside and title_share >= 0.2
        assert whole and all(lines < (3.5 if "-" in text else 1.5) for text, lines in whole), whole  # a date at its hyphens
    finally:
        context.close()


def test_the_reasons_for_a_dislike_are_in_view_and_readable_on_a_phone(browser, app_server):
    # A tester on a phone: the reasons opened below the last answer, where the chat cut off all but the first, in
    # 10 px type with no box.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(app_server[0], wait_until="domcontentloaded")
        page.wait_for_selector("#question textarea")
        ask(page, "What should go in my portfolio?")
        page.locator("#chat button[aria-label='Feedback']").last.click()
        options = page.locator("#chat .extra-feedback-option")
        expect(options).to_have_count(4)
        chat = page.locator("#chat .bubble-wrap").bounding_box()
        for i in range(4):
            box = options.nth(i).bounding_box()
            assert chat["y"] <= box["y"] and box["y"] + box["height"] <= chat["y"] + chat["height"], (i, box, chat)
        assert float(options.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 13
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_title_stands_clear_of_the_side_panels_toggle(browser, app_server, width):
    # Two testers read the toggle's circle as covering the title's first letter (4 px apart).
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(app_server[0], wait_until="domcontentloaded")
        page.wait_for_selector("#title h2")
        text_left = page.evaluate("() => { const r = document.createRange();"
                                  " r.selectNodeContents(document.querySelector('#title h2')); return r.getBoundingClientRect().left; }")
        toggle = page.locator(".toggle-button").first.bounding_box()
        assert text_left >= toggle["x"] + toggle["width"] + 10, (text_left, toggle)
    finally:
        context.close()
