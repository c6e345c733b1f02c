"""The benchmark's machinery is correct (no timing is asserted: benchmarks report, tests check)."""

import shutil

from bot import CareerBot
from bot.config import Settings
from bot.index.store import IndexStore
from bot.measure.bench import synthesize, worker
from tests.conftest import ROOT


def test_synthetic_corpus_is_a_consistent_loadable_index(tmp_path):
    base = IndexStore.load(ROOT / "index")
    (tmp_path / "corpus").mkdir()
    store = synthesize(base, 40, tmp_path / "corpus")
    assert len(store.articles) == 40 and set(base.articles) <= set(store.articles)
    assert len(store.chunk_vectors) == len(store.chunks) and len(store.sentence_vectors) == len(store.sentences)
    for i, chunk in enumerate(store.chunks[-30:], len(store.chunks) - 30):
        assert [s.id for s in store.sentences_in(i)] == list(chunk.sentence_ids)
        for s in store.sentences_in(i):
            assert chunk.text[s.start - chunk.start : s.end - chunk.start] == s.text
    store.save(tmp_path / "index")
    bot = CareerBot.load(settings=Settings.from_env(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus"))
    answer = bot.ask("Do I need a master's degree?")
    assert answer.citations and "master" in answer.text.lower()


def test_worker_reports_the_required_figures(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "index", tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra\n\nStudy groups help you stay motivated while learning machine learning.\n")
    out = worker(tmp_path / "index", extra)
    # Present and sane, not timed: a figure rounded to 0.00 on a fast machine is still a figure.
    for key in ("floor_ms", "ask_ms_p50", "ask_ms_p95", "ask_over_floor", "add_one_s", "remove_one_s", "peak_rss_mb",
                "load_s", "model_load_s"):
        assert isinstance(out[key], (int, float)) and out[key] >= 0, key
    assert out["ask_ms_p95"] >= out["ask_ms_p50"] and out["peak_rss_mb"] > 100
    assert out["articles"] == 3 and not (tmp_path / "corpus" / "extra.md").exists()  # added, then removed
