"""The index on disk: manifest, incremental add/remove, mismatch errors, atomic writes, committed index fresh."""

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from bot.config import Settings
from bot.errors import ArticleError, BotError, IndexMismatchError, IndexMissingError
from bot.index import update
from bot.index.segments import FLAGS_VERSION
from bot.index.store import FORMAT_VERSION, SEGMENT_SUFFIXES, IndexStore, live_records
from tests.conftest import ROOT


def test_build_writes_a_complete_manifest(built, embedder):
    manifest = json.loads((built.index_dir / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"] == "sentence-transformers/all-MiniLM-L6-v2" and manifest["dimension"] == 384
    assert manifest["chunking"] == {"chunk_chars": 1200, "sentence_splitter": "pysbd-0.3+glued+dot-words+quoted-words+counted+camel", "chunk_text": "text-boxes-164",
                                    "flags": FLAGS_VERSION}
    assert manifest["built_at"]
    assert manifest["counts"]["articles"] == 3 and "articles" not in manifest  # the records are in the segments
    records = {r["id"]: r for r in live_records(built.index_dir, manifest)}
    assert set(records) == {"portfolio", "interviews", "salary-survey"}
    import hashlib

    digest = hashlib.sha256((built.corpus_dir / "portfolio.md").read_bytes()).hexdigest()
    assert records["portfolio"]["sha256"] == digest
    assert records["portfolio"]["url"] == "https://careers.example/portfolio"
    assert not list(built.index_dir.glob("*.pkl")) and not list(built.index_dir.glob("*.pickle"))
    store = IndexStore.load(built.index_dir, embedder.name, embedder.dimension)
    assert len(store.chunk_vectors) == len(store.chunks) and len(store.sentence_vectors) == len(store.sentences)


def test_rebuilding_an_unchanged_corpus_embeds_nothing(built, embedder):
    before = sorted(p.name for p in built.index_dir.iterdir())
    store, report = update.build(built, embedder)
    assert report.embedded_texts == 0 and sorted(report.unchanged) == ["interviews", "portfolio", "salary-survey"]
    assert sorted(p.name for p in built.index_dir.iterdir()) == before


def test_changed_article_is_re_embedded_and_removed_article_disappears(built, embedder):
    (built.corpus_dir / "interviews.md").write_text("# Interviews\n\nBring a laptop to the onsite interview.\n")
    (built.corpus_dir / "salary-survey.txt").unlink()
    store, report = update.build(built, embedder)
    assert report.updated == ["interviews"] and report.removed == ["salary-survey"] and report.unchanged == ["portfolio"]
    assert "salary-survey" not in {c.article_id for c in store.chunks}
    assert [c.text for c in store.chunks if c.article_id == "interviews"] == ["Bring a laptop to the onsite interview."]


def test_add_copies_into_corpus_and_re_adding_changes_nothing(built, embedder, tmp_path):
    new = tmp_path / "elsewhere" / "mentors.md"
    new.parent.mkdir()
    new.write_text("# Finding a mentor\n\nA mentor reviews your projects and suggests what to learn next.\n")
    store, report = update.add([new], built, embedder)
    assert report.added == ["mentors"] and (built.corpus_dir / "mentors.md").read_text() == new.read_text()
    assert not (built.corpus_dir / update.PENDING).exists()  # no empty staging folder left in the corpus (a tester's)
    n_chunks = len(store.chunks)
    store, report = update.add([new], built, embedder)
    assert report.unchanged == ["mentors"] and report.embedded_texts == 0 and len(store.chunks) == n_chunks
    assert len({c.id for c in store.chunks}) == n_chunks  # no duplicate chunks
    assert update.stale_articles(built) == []


def test_a_new_version_of_an_article_updates_it_but_another_article_under_its_file_name_is_refused(built, embedder, tmp_path):
    """Re-adding mentors.md edited updates it; a different article saved as mentors.md (another title) would
    silently replace it with no copy kept: refused in one line that says what to do, nothing changed."""
    first = tmp_path / "a" / "mentors.md"
    first.parent.mkdir()
    first.write_text("# Finding a mentor\n\nA mentor reviews your projects and suggests what to learn next.\n")
    update.add([first], built, embedder)
    edited = tmp_path / "b" / "mentors.md"
    edited.parent.mkdir()
    edited.write_text("# Finding a mentor\n\nA mentor reviews your projects, and meets you once a month.\n")
    _, report = update.add([edited], built, embedder)
    assert report.updated == ["mentors"]
    other = tmp_path / "c" / "mentors.md"
    other.parent.mkdir()
    other.write_text("# Night shifts\n\nNurses on night shifts plan their sleep and eat light meals before work.\n")
    with pytest.raises(BotError, match=r"already holds another article in mentors.md .*Finding a mentor.*index remove mentors"):
        update.add([other], built, embedder)
    assert (built.corpus_dir / "mentors.md").read_text() == edited.read_text()


def test_remove_drops_all_vectors_and_the_corpus_file(built, embedder):
    store, _ = update.remove("portfolio", built)
    assert "portfolio" not in store.articles
    assert all(c.article_id != "portfolio" for c in store.chunks)
    assert all(s.article_id != "portfolio" for s in store.sentences)
    assert len(store.chunk_vectors) == len(store.chunks) and len(store.sentence_vectors) == len(store.sentences)
    assert not (built.corpus_dir / "portfolio.md").exists() and not (built.corpus_dir / update.PENDING).exists()
    reloaded = IndexStore.load(built.index_dir)
    assert sorted(reloaded.articles) == ["interviews", "salary-survey"]


def test_a_bad_file_leaves_corpus_and_index_exactly_as_they_were(built, embedder, tmp_path):
    def snapshot():
        return {p.name: p.read_bytes() for d in (built.index_dir, built.corpus_dir) for p in d.iterdir()}

    before = snapshot()
    good = tmp_path / "good.md"
    good.write_text("# Good\n\nA perfectly fine article about data engineering roles.\n")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ArticleError, match="bad.md: it looks like a binary file"):
        update.add([good, bad], built, embedder)
    (built.corpus_dir / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ArticleError, match="broken.pdf"):
        update.build(built, embedder)
    (built.corpus_dir / "broken.pdf").unlink()
    assert snapshot() == before


def test_loading_with_another_model_dimension_or_format_says_what_to_run(built):
    with pytest.raises(IndexMismatchError, match="python -m bot index build"):
        IndexStore.load(built.index_dir, model="some/other-model")
    with pytest.raises(IndexMismatchError, match="dimension 384"):
        IndexStore.load(built.index_dir, dimension=768)
    manifest_path = built.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 999
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="format version 999"):
        IndexStore.load(built.index_dir)
    with pytest.raises(IndexMissingError, match="index build .*--corpus FOLDER"):
        IndexStore.load(built.index_dir.parent / "nowhere")


def test_build_killed_before_the_swap_leaves_the_old_index_loadable(built, embedder):
    """A real SIGKILL of a build process at the worst moment: new data files written, manifest not yet swapped."""
    old = IndexStore.load(built.index_dir)
    (built.corpus_dir / "extra.md").write_text("# Extra\n\nNetworking at meetups leads to job offers.\n")
    script = textwrap.dedent(f"""
        import os, signal
        import bot.index.store as store
        real = store.atomic_write
        def write(path, data, *args):
            if path.name == "manifest.json":
                os.kill(os.getpid(), signal.SIGKILL)  # after every data file is on disk
            real(path, data, *args)
        store.atomic_write = write
        from bot.index import update
        from bot.config import Settings
        from bot.embedding import get_embedder
        s = Settings.from_env(index_dir={str(built.index_dir)!r}, corpus_dir={str(built.corpus_dir)!r})
        update.build(s, get_embedder(""))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == -9, proc.stderr.decode()[-2000:]
    assert len(list(built.index_dir.glob("chunks-*.jsonl"))) == 2  # the new, unswapped data files are there
    after = IndexStore.load(built.index_dir, embedder.name, embedder.dimension)
    assert sorted(after.articles) == sorted(old.articles) and list(after.chunks) == list(old.chunks)
    # The next build completes and cleans up the orphans.
    store, report = update.build(built, embedder)
    assert report.added == ["extra"]
    segments = json.loads((built.index_dir / "manifest.json").read_text())["segments"]
    named = {f for seg in segments for f in seg["files"].values()}
    on_disk = {p.name for p in built.index_dir.iterdir() if p.suffix in SEGMENT_SUFFIXES and p.name != "manifest.json"}
    assert on_disk == named and len(segments) == 2  # the first build's segment, and one for the new article


def test_adding_writes_one_new_segment_and_leaves_the_rest_alone(built, embedder, tmp_path):
    before = {p.name: p.stat().st_ino for p in built.index_dir.glob("*.npy")}
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra\n\nNetworking at meetups leads to job offers.\n")
    store, _ = update.add([extra], built, embedder)
    after = {p.name: p.stat().st_ino for p in built.index_dir.glob("*.npy")}
    assert all(after.get(name) == ino for name, ino in before.items())  # untouched, not rewritten
    new = {f for f in store.segments[-1].files.values() if f.endswith(".npy")}
    assert set(after) == set(before) | new and len(store.segments) == 2
    loaded = IndexStore.load(built.index_dir)
    assert list(loaded.chunks) == list(store.chunks) and np.allclose(loaded.chunk_vectors, store.chunk_vectors)
    # Removing it rewrites only its segment (here: drops it); the first segment's files stay.
    update.remove("extra", built)
    assert {p.name: p.stat().st_ino for p in built.index_dir.glob("*.npy")} == before


def test_many_small_segments_are_merged(built, embedder, tmp_path):
    from bot.index.store import MAX_SEGMENTS

    for k in range(MAX_SEGMENTS + 2):
        path = tmp_path / f"note-{k}.md"
        path.write_text(f"# Note {k}\n\nTip number {k}: practise explaining models to people outside the field.\n")
        store, _ = update.add([path], built, embedder)
        assert len(store.segments) <= MAX_SEGMENTS
    loaded = IndexStore.load(built.index_dir)
    assert sorted(loaded.articles) == sorted(store.articles) and len(loaded.chunks) == len(store.chunks)
    assert {c.id for c in loaded.chunks} == {c.id for c in store.chunks}


def test_committed_index_matches_the_corpus():
    """Fails when corpus/ changed and index/ was not rebuilt: run `python -m bot index build`."""
    problems = update.stale_articles(Settings.from_env(index_dir=ROOT / "index", corpus_dir=ROOT / "corpus"))
    assert problems == [], f"index/ is out of date for {problems}: run `python -m bot index build` and commit index/"


def test_query_embedding_fast_path_equals_encode():
    """The torch backend's lean per-query path (the model's modules called directly) must give exactly what
    SentenceTransformer.encode gives. (On the ONNX backend the two are one code path, so it is checked on torch.)"""
    import numpy as np

    from bot.embedding import get_embedder

    torch_embedder = get_embedder("", "torch")
    for text in ("Do I need a master's degree?", "What is MLOps?", "x"):
        assert np.allclose(torch_embedder.embed_query(text), torch_embedder.encode([text])[0], atol=1e-5)


def test_a_folder_given_as_an_article_or_a_file_as_the_corpus_is_named_for_what_it_is(built, embedder, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    with pytest.raises(ArticleError, match=r"articles: it is a folder: give the article files in it"):
        update.add([folder], built, embedder)
    article = folder / "one.md"
    article.write_text("# One\n\nA short article with a sentence of several words in it.\n")
    with pytest.raises(BotError, match=r"one.md is a file, not a folder"):
        update.build(Settings.from_env(corpus_dir=article, index_dir=tmp_path / "index"), embedder)


def test_an_article_that_makes_no_passage_is_refused_not_listed_as_added(built, embedder, tmp_path):
    """Headings only (a sentence in one): "1 added" with nothing indexed left it unlisted, unremovable, and its
    record disagreeing with the segments."""
    headings = tmp_path / "headings.md"
    headings.write_text("# Only a heading\n\n## And another heading with words in it.\n")
    before = sorted(IndexStore.load(built.index_dir).articles)
    with pytest.raises(BotError, match="no passage could be made of it: it has no text outside its headings"):
        update.add([headings], built, embedder)
    from bot.index.check import check_index

    assert sorted(IndexStore.load(built.index_dir).articles) == before and check_index(built.index_dir) == []
    assert not (built.corpus_dir / "headings.md").exists()
