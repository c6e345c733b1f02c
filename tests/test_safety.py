"""Corpus and index change together or not at all: a real process killed at each step of `index add` and
`index remove`, and a full disk, leave both old or both new after recovery, with nothing left behind."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.index import update
from bot.index.store import IndexStore
from tests.conftest import ROOT

EXTRA = "# Study groups\n\nA weekly study group keeps a machine learning learner accountable and motivated.\n"


def run_cli(args, settings, fault=None):
    env = dict(os.environ, BOT_CORPUS=str(settings.corpus_dir), BOT_INDEX=str(settings.index_dir), HF_HUB_OFFLINE="1")
    env.pop("BOT_FAULT", None)
    if fault:
        env["BOT_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def consistent(settings) -> set[str]:
    """Recover as the next writer would, then check corpus and index agree; returns the indexed ids."""
    with update.index_lock(Path(settings.index_dir)):
        update.recover(settings)
    assert update.stale_articles(settings) == []
    assert not (Path(settings.corpus_dir) / update.PENDING).exists()
    assert not [p for p in Path(settings.corpus_dir).iterdir() if p.name.endswith((".part", ".tmp"))]
    store = IndexStore.load(settings.index_dir)
    named = {f for seg in store.segments for f in seg.files.values()} | {"manifest.json", ".lock"}
    assert {p.name for p in Path(settings.index_dir).iterdir()} <= named  # no orphan segment files
    return set(store.articles)


@pytest.mark.parametrize("point, lands", [("add:staged", False), ("save:segments", False), ("add:saved", True)])
def test_add_killed_at_each_step_leaves_corpus_and_index_both_old_or_both_new(built, tmp_path, point, lands):
    article = tmp_path / "study-groups.md"
    article.write_text(EXTRA)
    proc = run_cli(["index", "add", str(article)], built, fault=point)
    assert proc.returncode == 137, proc.stderr
    ids = consistent(built)
    assert ("study-groups" in ids) is lands
    assert (built.corpus_dir / "study-groups.md").exists() is lands


@pytest.mark.parametrize("point, gone", [("remove:staged", False), ("save:segments", False), ("remove:saved", True)])
def test_remove_killed_at_each_step_leaves_corpus_and_index_both_old_or_both_new(built, point, gone):
    proc = run_cli(["index", "remove", "interviews"], built, fault=point)
    assert proc.returncode == 137, proc.stderr
    ids = consistent(built)
    assert ("interviews" not in ids) is gone
    assert (built.corpus_dir / "interviews.md").exists() is not gone


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (root only): the index and corpus live there, so the disk can fill up for real."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("mount -t tmpfs is not permitted here")
    try:
        yield mount
    finally:
        # Lazily: the test process may still map index files there (the store memory-maps them).
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_full_disk_is_one_line_and_changes_nothing(small_disk, embedder, tmp_path):
    from bot.config import Settings
    from tests.conftest import write_articles

    settings = Settings.from_env(corpus_dir=write_articles(small_disk / "corpus"), index_dir=small_disk / "index")
    update.build(settings, embedder)
    before = sorted(p.name for p in settings.index_dir.iterdir())
    # Fill the disk, leaving too little for a new segment.
    with open(small_disk / "filler", "wb", buffering=0) as f:  # unbuffered: closing it flushes nothing more
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    article = tmp_path / "study-groups.md"
    article.write_text(EXTRA * 40)
    proc = run_cli(["index", "add", str(article)], settings)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "no space left on device" in proc.stderr and "nothing was changed" in proc.stderr
    assert sorted(p.name for p in settings.index_dir.iterdir()) == before
    assert consistent(settings) == {"portfolio", "interviews", "salary-survey"}


# ---- every error is one line; what is loaded is checked once ------------------------------------


def _corrupt(settings, how):
    import json as _json

    import numpy as np

    index = Path(settings.index_dir)
    manifest_path = index / "manifest.json"
    manifest = _json.loads(manifest_path.read_text())
    seg = manifest["segments"][0]
    if how in ("[]", "null"):
        manifest_path.write_text(how)
    elif how == "articles-list":
        seg["articles"] = []  # a count of the segment's articles (their records are in its articles file)
        manifest_path.write_text(_json.dumps(manifest))
    elif how == "nested":
        manifest_path.write_text("[" * 100000 + "]" * 100000)
    elif how in ("dimension", "rank", "nan", "garbage"):
        path = index / seg["files"]["chunk_vectors"]
        vectors = np.load(path)
        if how == "dimension":
            vectors = vectors[:, :100]
        elif how == "rank":
            vectors = vectors.reshape(-1)
        elif how == "nan":
            vectors[0, 0] = np.nan
        if how == "garbage":
            path.write_bytes(b"\x93NUMPY garbage that is no array" * 10)
        else:
            np.save(path, vectors, allow_pickle=False)
    elif how == "offsets":
        path = index / seg["files"]["chunks"]
        lines = path.read_text().splitlines()
        record = _json.loads(lines[0])
        record["sentences"][0][2] = record["end"] + 500
        lines[0] = _json.dumps(record)
        path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("how", ["[]", "null", "articles-list", "nested", "dimension", "rank", "nan", "garbage", "offsets"])
def test_a_damaged_index_is_refused_in_one_line_saying_what_to_run(built, how):
    _corrupt(built, how)
    proc = run_cli(["ask", "What should a portfolio include?"], built)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and "python -m bot index build" in proc.stderr
    assert "allow_pickle" not in proc.stderr


def test_a_lone_surrogate_in_a_question_is_no_traceback(built):
    proc = run_cli(["ask", "What should a portfolio include\udcff?"], built)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "[1]" in proc.stdout


@pytest.mark.parametrize("history", [[None], "not a list", [{"role": "user", "content": {"a": 1}}], [{"content": "x"}]])
def test_history_that_is_not_messages_is_one_clear_error(built, history):
    from bot import CareerBot, QuestionError

    with pytest.raises(QuestionError, match="history"):
        CareerBot.load(settings=built).ask("What about interviews?", history=history)


def test_a_huge_earlier_turn_does_not_make_a_huge_answer(built):
    from bot import CareerBot

    bot = CareerBot.load(settings=built)
    huge = [{"role": "user", "content": "portfolio " * 200_000}, {"role": "assistant", "content": "- x\n" * 300_000}]
    answer = bot.ask("What about it?", history=huge)
    assert len(answer.searched_for) < 3 * built.max_question_chars and len(answer.text) < 5_000


# ---- bounded input: what an article may be ---------------------------------------------------------


def test_links_directories_and_files_that_are_not_articles_are_refused_by_name(built, embedder, tmp_path):
    from bot.errors import ArticleError

    link = tmp_path / "passwd.md"
    link.symlink_to("/etc/passwd")
    folder = tmp_path / "folder.md"
    folder.mkdir()
    nav = tmp_path / "nav.html"
    nav.write_text("<html><body><nav>Home About Contact Blog</nav></body></html>")
    twin = tmp_path / "portfolio-copy.md"
    twin.write_bytes((built.corpus_dir / "portfolio.md").read_bytes())
    for path, reason in ((link, "symbolic link"), (folder, "not a regular file"), (nav, "article text"),
                         (twin, "duplicates article 'portfolio'")):
        with pytest.raises(ArticleError, match=reason):
            update.add([path], built, embedder)
    assert update.stale_articles(built) == []


def test_a_file_name_that_is_not_utf8_is_refused_in_one_line(built, tmp_path):
    name = tmp_path / os.fsdecode(b"caf\xe9.md")
    name.write_text("# Cafe\n\nA cafe is a good place to study machine learning with friends every weekend.\n")
    proc = run_cli(["index", "add", str(name)], built)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "not valid UTF-8" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_one_huge_paragraph_is_cut_into_bounded_sentences():
    from bot.chunking import MAX_SENTENCE_CHARS, split_sentences

    text = "word " * 100_000 + "and a final sentence."
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE_CHARS
    assert all(text[a:b] == text[a:b].strip() and text[a:b] for a, b in spans)
    long_paragraph = "This sentence is about models and careers. " * 10_000
    spans = split_sentences(long_paragraph)
    assert len(spans) == 10_000 and {long_paragraph[a:b] for a, b in spans} == {"This sentence is about models and careers."}


# ---- who may change the library; one library, many readers ------------------------------------------


def _call_route(url: str, trigger: tuple[str, str], data: list, session: str = "") -> None:
    """Call the event a component triggers (`(elem_id, event)`), straight to the queue endpoint, as a script could:
    its index read from the config the page itself loads, not through the page."""
    import json as _json

    import httpx

    config = httpx.get(f"{url}config", timeout=30).json()
    elem_id, event = trigger
    component = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == elem_id)
    index = next(d["id"] for d in config["dependencies"] if [component, event] in d["targets"])
    session = session or f"direct-{elem_id}"
    joined = httpx.post(f"{url}gradio_api/queue/join", json={"data": data, "fn_index": index, "session_hash": session,
                                                             "event_data": None, "trigger_id": None}, timeout=30)
    assert joined.status_code == 200, joined.text
    with httpx.stream("GET", f"{url}gradio_api/queue/data", params={"session_hash": session}, timeout=60) as events:
        for line in events.iter_lines():
            if line.startswith("data:") and _json.loads(line[5:]).get("msg") == "process_completed":
                return


REMOVE, UNDO_REMOVE, ADD = ("remove", "click"), ("undo-remove", "click"), ("add", "click")


@pytest.fixture
def guarded_app(tmp_path):
    """The real app over a copy of the guides, with an admin password, on a free loopback port."""
    import shutil

    from bot import CareerBot
    from bot.apps.ui import Permission, create_app, launch
    from bot.config import Settings
    from tests.conftest import free_port

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "index", tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    bot = CareerBot.load(settings=Settings.from_env(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus"))
    app = create_app(bot, tmp_path / "feedback.db", Permission("s3cret", "127.0.0.1"))
    port = free_port()
    launch(app, "127.0.0.1", port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/", app, bot, tmp_path
    finally:
        app.close()


def test_removing_through_the_queue_endpoint_needs_the_admin_password(guarded_app):
    url, _, bot, _ = guarded_app
    target = "itpro-how-to-become-a-machine-learning-engineer"
    for wrong in (None, "", "guess"):
        for _ in range(2):  # a removal is confirmed by a second call
            _call_route(url, REMOVE, [target, wrong, None], session="attacker")
        assert target in bot.store.articles
    _call_route(url, REMOVE, [target, "s3cret", None], session="admin")
    assert target in bot.store.articles  # the first click only asks
    _call_route(url, REMOVE, [target, "s3cret", None], session="admin")
    assert target not in bot.store.articles
    _call_route(url, UNDO_REMOVE, ["guess", None], session="attacker")
    assert target not in bot.store.articles
    _call_route(url, UNDO_REMOVE, ["s3cret", None], session="admin")  # undo brings it back, file and all
    assert target in bot.store.articles and update.stale_articles(bot.settings) == []


def test_adding_through_the_queue_endpoint_needs_the_admin_password(guarded_app, tmp_path):
    from bot.apps.ui import Permission

    url, _, bot, base = guarded_app
    # The add handler refuses before it looks at the files: no file is read, none is indexed.
    before = set(bot.store.articles)
    _call_route(url, ADD, [None, "guess"])
    assert set(bot.store.articles) == before
    public = Permission(None, "0.0.0.0")
    assert not public.changes_possible and "admin password" in public.refusal("anything")
    assert Permission(None, "127.0.0.1").refusal(None) == "" and Permission("pw", "0.0.0.0").refusal("pw") == ""


def test_an_index_changed_by_another_process_is_picked_up(built, tmp_path, monkeypatch):
    from bot import CareerBot, conversation

    monkeypatch.setattr(conversation, "WATCH_SECONDS", 0.0)
    serving = CareerBot.load(settings=built)
    question = "How does a study group help a learner?"
    assert not any(c.article.id == "study-groups" for c in serving.ask(question).citations)
    article = tmp_path / "study-groups.md"
    article.write_text(EXTRA)
    assert run_cli(["index", "add", str(article)], built).returncode == 0  # another process
    assert serving.ask(question).citations[0].article.id == "study-groups"
    assert run_cli(["index", "remove", "study-groups"], built).returncode == 0
    assert not any(c.article.id == "study-groups" for c in serving.ask(question).citations)


def test_two_app_processes_on_one_index_folder(built, tmp_path):
    """An add through one app process is answered by the other within a few seconds."""
    import time

    from gradio_client import Client

    from tests.conftest import free_port

    ports = [free_port(), free_port()]
    env = dict(os.environ, BOT_CORPUS=str(built.corpus_dir), BOT_INDEX=str(built.index_dir), HF_HUB_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False")
    logs = [tmp_path / f"app{i}.log" for i in range(2)]  # what each process said, shown when this fails
    outs = [log.open("w") for log in logs]
    procs = [subprocess.Popen([sys.executable, "app.py", "--port", str(p)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=out) for p, out in zip(ports, outs)]
    try:
        clients = []
        for port in ports:
            deadline = time.time() + 90
            while True:
                try:
                    clients.append(Client(f"http://127.0.0.1:{port}/", verbose=False))
                    break
                except Exception:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.5)
        question = "How does a study group help a learner?"
        assert "weekly study group" not in clients[1].predict(message=question, api_name="/chat").lower()
        article = tmp_path / "study-groups.md"
        article.write_text(EXTRA)
        assert run_cli(["index", "add", str(article)], built).returncode == 0  # the one writer
        # Each process checks on its own (conversation.WATCH_SECONDS), so each gets the same few seconds.
        for client, log in zip(reversed(clients), reversed(logs)):
            deadline = time.time() + 10
            while "weekly study group" not in client.predict(message=question, api_name="/chat").lower():
                assert time.time() < deadline, f"a process never saw the new article; it said: {log.read_text()[-2000:]}"
                time.sleep(0.5)
    finally:
        for proc, out in zip(procs, outs):
            proc.terminate()
            proc.wait(timeout=30)
            out.close()


def test_a_writer_that_cannot_get_the_lock_says_so_in_one_line(built, embedder, tmp_path):
    from filelock import FileLock

    from bot.errors import BotError

    with FileLock(Path(built.index_dir) / ".lock"):  # another process holds it
        with pytest.raises(BotError, match="being changed by another process"):
            with update.index_lock(Path(built.index_dir), timeout=0.2):
                pass
