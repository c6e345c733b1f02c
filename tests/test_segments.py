"""The index's parts: `Rows`, segments and their saved search structures, and incremental changes checked
against an index built from scratch."""

import json
import random
import shutil
from dataclasses import replace
from pathlib import Path

import bm25s
import numpy as np
import pytest

from bot import ArticleError, CareerBot, text
from bot.errors import IndexCorruptError
from bot.index import segments, update
from bot.index.rows import Rows
from bot.index.search import Search
from bot.index.store import IndexStore

TOPICS = {
    "kaggle": "# Competitions\n\nKaggle competitions teach feature engineering under a deadline. Many hiring managers ask about a medal.\n",
    "mentors": "# Mentors\n\nA mentor reviews your code and points out blind spots. Ask a senior engineer for a monthly call.\n",
    "writing": "# Writing\n\nA blog post that explains one model clearly is read by recruiters. Keep each post under a thousand words.\n",
    "cloud": "# Cloud\n\nDeploying a model on a cloud GPU teaches cost control. Shut instances down when training ends.\n",
    "papers": "# Papers\n\nReading one research paper a week keeps skills current. Reimplement the key figure to check your understanding.\n",
    "sql": "# SQL\n\nEvery data job asks for SQL. Practise joins and window functions on a public dataset.\n",
}
QUESTIONS = ["What do hiring managers ask about?", "How do I keep my skills current?", "What should a portfolio include?",
             "salary of junior engineers", "coding round and system design", "cost of cloud GPUs"]


def test_rows_read_as_one_array_across_parts():
    a = np.arange(12, dtype=np.float32).reshape(6, 2)
    rows = Rows([a[:2], a[2:5], a[5:]], 2, np.float32)
    assert rows.shape == (6, 2) and np.array_equal(np.asarray(rows), a)
    assert np.array_equal(rows[-1], a[-1]) and np.array_equal(rows[3], a[3])
    assert np.array_equal(rows[1:4], a[1:4]) and np.array_equal(rows[::2], a[::2])  # across parts, with a step
    mask = np.array([True, False, True, True, False, True])
    assert np.array_equal(rows[mask], a[mask]) and np.array_equal(rows[np.array([5, 0, 3])], a[[5, 0, 3]])
    assert np.array_equal(np.asarray(rows.without(1, 4)), np.concatenate([a[:1], a[4:]]))
    v = np.array([1.0, -1.0], np.float32)
    assert np.allclose(rows @ v, a @ v)
    empty = Rows([], 2, np.float32)
    assert len(empty) == 0 and (empty @ v).shape == (0,) and np.asarray(empty).shape == (0, 2)


def test_bm25_scores_equal_bm25s_over_segments_with_hidden_rows(built, embedder, tmp_path):
    extra = tmp_path / "sql.md"
    extra.write_text(TOPICS["sql"])
    update.add([extra], built, embedder)
    store, _ = update.remove("interviews", built)
    assert len(store.parts) == 2 and any(store.hidden)  # a removal only hides the rows in their segment
    ours = Search(IndexStore.load(built.index_dir))
    reference = bm25s.BM25()
    reference.index(bm25s.tokenize([c.embed_text for c in store.chunks], stemmer=text._stemmer, show_progress=False),
                    show_progress=False)
    for q in QUESTIONS + ["portfolio portfolio projects"]:
        terms = [t for t in segments.tokenize([q])[0] if t in reference.vocab_dict]
        if terms:
            assert np.allclose(ours.bm25(terms), reference.get_scores(terms), atol=1e-5), q


def _answers(bot):
    """What a retriever finds for each question: chunk ids with BM25 and dense scores, and the top passages."""
    search, store = bot.retriever.index, bot.store
    ids = [c.id for c in store.chunks]
    out = {}
    for q in QUESTIONS:
        vector = bot.embedder.embed_query(q)
        sims, rows = search.nearest_chunks(vector, len(ids))
        lexical = search.bm25(bot.retriever.query_terms(q)[0])
        out[q] = ({ids[r]: round(float(s), 5) for s, r in zip(sims, rows)},
                  {ids[i]: round(float(x), 5) for i, x in enumerate(lexical) if x},
                  [p.chunk_id for p in bot.retrieve(q, k=3)])
    return out


def test_random_adds_and_removes_answer_like_a_build_from_scratch(built, embedder, tmp_path):
    rng = random.Random(7)
    bot = CareerBot.load(settings=built)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for _ in range(10):
        absent = sorted(set(TOPICS) - set(bot.store.articles))
        if absent and (rng.random() < 0.6 or len(bot.store.articles) < 2):
            name = rng.choice(absent)
            (inbox / f"{name}.md").write_text(TOPICS[name])
            bot.add(inbox / f"{name}.md")
        else:
            bot.remove(rng.choice(sorted(bot.store.articles)))
    assert any(bot.store.hidden), "the sequence should leave hidden rows in a segment"
    scratch = replace(built, index_dir=tmp_path / "scratch")
    update.build(scratch, embedder)
    fresh = CareerBot.load(settings=scratch)
    assert sorted(fresh.store.articles) == sorted(bot.store.articles)
    assert _answers(bot) == _answers(fresh)
    reopened = CareerBot.load(settings=built)  # and what was saved reads back as what was in memory
    assert list(reopened.store.chunks) == list(bot.store.chunks) and _answers(reopened) == _answers(bot)


def test_a_segment_mostly_removed_is_rewritten_without_its_hidden_rows(built, embedder):
    store, _ = update.remove("portfolio", built)  # half the rows: hidden, the segment's files stay
    assert store.hidden == (frozenset({"portfolio"}),)
    store, _ = update.remove("interviews", built)  # now more than half: written again with what is left
    assert store.hidden == (frozenset(),) and [a for a, _ in store.parts[0].articles] == ["salary-survey"]
    assert [c.article_id for c in IndexStore.load(built.index_dir).chunks] == ["salary-survey"]


def test_a_large_segment_is_searched_by_its_saved_ivf(settings, embedder, tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "APPROXIMATE_ABOVE", 4)
    update.build(settings, embedder)
    bot = CareerBot.load(settings=settings)
    assert bot.retriever.approximate and any(f.endswith(".faiss") for f in bot.store.segments[0].files.values())
    assert bot.retrieve("What should a portfolio include?", k=1)[0].article.id == "portfolio"
    bot.remove("salary-survey")  # hidden in the IVF segment: never found again
    everything = bot.retriever.index.nearest_chunks(bot.embedder.embed_query("median starting salary"), 100)[1]
    assert len(everything) == len(bot.store.chunks)
    assert all(bot.store.chunks[int(r)].article_id != "salary-survey" for r in everything)
    extra = tmp_path / "papers.md"
    extra.write_text(TOPICS["papers"])
    bot.add(extra)  # a small new segment beside the IVF one, searched exactly
    assert bot.retrieve("How do I keep my skills current?", k=1)[0].article.id == "papers"


def test_an_ivf_file_faiss_cannot_read_is_refused_in_one_line_when_opened(settings, embedder, monkeypatch):
    # The IVF is read in a thread while the article records are and the chat's profile is made
    # (segments.read_ivf_soon): what the read raises is raised by the load, as one line naming the file.
    from bot.index import store as store_module

    monkeypatch.setattr(segments, "APPROXIMATE_ABOVE", 4)
    monkeypatch.setattr(store_module, "FULL_CHECK_CHUNKS", 0)  # as a large segment: its IVF hashed only before first use
    update.build(settings, embedder)
    ivf = settings.index_dir / IndexStore.load(settings.index_dir).segments[0].files["chunk_ivf"]
    ivf.write_bytes(b"not an index at all")
    with pytest.raises(IndexCorruptError) as refused:
        IndexStore.load(settings.index_dir)
    assert str(refused.value) == str(IndexCorruptError(settings.index_dir, f"{ivf.name} cannot be read as an IVF (RuntimeError)"))
    with pytest.raises(IndexCorruptError, match="cannot be read as an IVF"):  # the chat waits for the read before answering
        CareerBot.load(settings=settings)
    pending = IndexStore.load(settings.index_dir, wait=False)  # not waited for: found wrong at its first use
    with pytest.raises(IndexCorruptError):
        Search(pending).nearest_chunks(embedder.embed_query("portfolio"), 3)


def test_two_files_with_one_article_id_are_refused_by_name(built, embedder, tmp_path):
    clash = tmp_path / "Portfolio.txt"  # the id "portfolio" is taken by portfolio.md
    clash.write_text("A different text about portfolios and what recruiters read first.\n")
    with pytest.raises(ArticleError, match="Portfolio.txt.*already exists"):
        update.add([clash], built, embedder)
    a, b = tmp_path / "My Notes.md", tmp_path / "my-notes.txt"
    a.write_text(TOPICS["mentors"])
    b.write_text(TOPICS["writing"])
    with pytest.raises(ArticleError, match="my-notes"):
        update.add([a, b], built, embedder)
    assert sorted(IndexStore.load(built.index_dir).articles) == ["interviews", "portfolio", "salary-survey"]


def test_changed_chunking_settings_make_the_index_stale_and_the_build_reembeds(built, embedder):
    changed = replace(built, chunk_chars=built.chunk_chars // 4)
    assert update.stale_articles(changed) == ["chunking parameters"]
    _, report = update.build(changed, embedder)
    assert report.embedded_texts > 0 and sorted(report.added) == ["interviews", "portfolio", "salary-survey"]
    assert update.stale_articles(changed) == []


def test_an_index_built_with_other_chunking_answers_and_says_to_rebuild_it(built, capsys):
    from bot.conversation import CareerBot

    CareerBot.load(settings=built)
    assert "index build" not in capsys.readouterr().err
    bot = CareerBot.load(settings=replace(built, chunk_chars=built.chunk_chars // 4))  # as a newer version's would differ
    err = capsys.readouterr().err
    assert "other chunking parameters" in err and "python -m bot index build" in err
    assert f"--index {built.index_dir} --corpus {built.corpus_dir}" in err  # the library it is, not the default one
    assert bot.ask("what should go in my portfolio?").citations


def test_a_question_is_tokenized_as_the_index_was(guides_bot):
    from bot.text import tokenize, tokenize_one

    texts = [s.text for s in guides_bot.store.sentences] + ["", "a", "What's an ML engineer's pay in 2024? Don't know!", "Ünïcode café résumé"]
    assert [tokenize_one(t) for t in texts] == tokenize(texts)


def test_the_best_lexical_rows_are_the_top_of_the_full_ranking(guides_bot):
    search = guides_bot.retriever.index
    for q in QUESTIONS + ["machine learning engineer", "Do I need a master's degree in machine learning?", "pay"]:
        terms = guides_bot.retriever.query_terms(q)[0]
        full = search.bm25(terms)
        for k in (3, 10, 50):
            best = search.best(terms, k)
            expected = sorted(full[full > 0], reverse=True)[:k]
            assert sorted(best.values(), reverse=True) == pytest.approx(expected), (q, k)
            assert all(full[row] == pytest.approx(score) for row, score in best.items())


def test_a_damaged_record_in_a_large_segment_is_one_line_when_it_is_read(built, monkeypatch):
    from bot import BotError
    from bot.index import store as store_module

    monkeypatch.setattr(store_module, "FULL_CHECK_CHUNKS", 0)  # as for a segment too large to check when opened
    (records,) = built.index_dir.glob("chunks-*.jsonl")
    lines = records.read_bytes().split(b"\n")
    lines[0] = lines[0].replace(b'"id": ', b'"iX": ', 1)  # same length: the other records' offsets still hold
    records.write_bytes(b"\n".join(lines))
    bot = CareerBot.load(settings=built)  # opens: records are parsed when a passage needs them
    with pytest.raises(BotError, match=r"is damaged \(chunks-[0-9a-f]{16}\.jsonl does not hash to the digest in its name.*rebuild it"):
        for q in QUESTIONS + ["Recruiters look at portfolios before they read a resume."]:
            bot.ask(q)


def test_term_counts_from_the_term_index_equal_live_postings_with_and_without_hidden_rows(built, embedder, tmp_path):
    def check(search):
        for t in search.vocabulary():
            assert search.count(t) == search.df(t), t

    check(Search(IndexStore.load(built.index_dir)))  # nothing hidden: counted from term_starts alone
    extra = tmp_path / "sql.md"
    extra.write_text(TOPICS["sql"])
    update.add([extra], built, embedder)
    update.remove("interviews", built)
    store = IndexStore.load(built.index_dir)
    assert any(store.hidden)
    check(Search(store))


def _resident_kb(path) -> int:
    """Resident KB of this process's mappings of `path` (Linux /proc)."""
    total, mine = 0, False
    for line in open("/proc/self/smaps"):
        if line[0] in "0123456789abcdef" and "-" in line.split()[0]:
            mine = line.rstrip().endswith(str(path))
        elif mine and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total


def test_release_drops_the_pages_of_the_files_read_a_row_at_a_time(built, tmp_path):
    folder = Path(shutil.copytree(built.index_dir, tmp_path / "copy"))  # files no other store of this process maps
    store = IndexStore.load(folder)
    files = {k: folder / v for k, v in store.parts[0].segment.files.items()}
    np.asarray(store.sentence_vectors).sum(), np.asarray(store.chunk_vectors).sum()
    [store.chunks[i] for i in range(len(store.chunks))]  # every record read from the mapped JSONL
    touched = {k: _resident_kb(files[k]) for k in ("sentence_vectors", "chunk_vectors", "chunks")}
    assert all(touched.values()), touched
    assert store.mapped_bytes >= sum(files[k].stat().st_size for k in touched) - 4096 * len(touched)
    store.release()
    assert {k: _resident_kb(files[k]) for k in touched} == dict.fromkeys(touched, 0)
    assert np.asarray(store.sentence_vectors).any()  # read again, from the page cache, on use


def test_a_large_library_releases_the_last_questions_pages_before_searching(built, monkeypatch, tmp_path):
    from bot import retrieval

    folder = Path(shutil.copytree(built.index_dir, tmp_path / "copy"))  # files no other store of this process maps
    bot = CareerBot.load(settings=replace(built, index_dir=folder))
    assert not bot.retriever._releases  # a small library keeps its pages
    monkeypatch.setattr(retrieval, "RELEASE_ABOVE_BYTES", 0)
    retriever = retrieval.Retriever(bot.store, bot.embedder, bot.retriever.index)
    vectors = folder / bot.store.parts[0].segment.files["sentence_vectors"]
    np.asarray(bot.store.sentence_vectors).sum()
    assert _resident_kb(vectors) > 0
    seen = []
    rankings = retrieval.Retriever.rankings

    def spy(self, query, vector):  # what is resident when the search starts reading
        seen.append(_resident_kb(vectors))
        return rankings(self, query, vector)

    monkeypatch.setattr(retrieval.Retriever, "rankings", spy)
    retriever.search("What should a portfolio include?")
    np.asarray(bot.store.sentence_vectors).sum()
    bot.retriever.search("What should a portfolio include?")
    assert seen[0] == 0 and seen[1] > 0


def test_soft_sentences_gathered_a_window_at_a_time_are_the_rows_they_name(guides_bot, monkeypatch):
    from bot import profile

    monkeypatch.setattr(profile, "SOFT_WINDOW", 7)  # many windows, some empty
    p = profile.Profile(guides_bot.store, guides_bot.retriever.index, guides_bot.embedder)
    positions, vectors = p.soft_sentences
    assert len(positions) > 1 and (np.diff(positions) > 0).all()
    assert np.array_equal(vectors, np.asarray(guides_bot.store.sentence_vectors)[positions].astype(np.float32))


def test_a_chunk_record_keeps_the_headings_above_it_and_refuses_a_damaged_list():
    from bot.chunking import Chunk
    from bot.index.segments import _line, from_record

    chunk = Chunk("a:c1", "a", "Product strategy", 10, 20, "x" * 10, (), ("Senior PM", "Skills"))
    record = json.loads(_line(chunk, ()))
    assert from_record(record)[0] == chunk
    assert "context" not in json.loads(_line(Chunk("a:c0", "a", "A", 0, 5, "y" * 5, ()), ()))  # nothing above: nothing written
    record["context"] = "Senior PM"
    with pytest.raises(ValueError, match="headings above"):
        from_record(record)
