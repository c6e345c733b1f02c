"""Corpus and index change together or not at all: a real process killed at each step of `index add` and
`index remove`, and a full disk, leave both old or both new after recovery, with nothing left behind."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import indexer
from bot.store import IndexStore
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
    with indexer.index_lock(Path(settings.index_dir)):
        indexer.recover(settings)
    assert indexer.stale_articles(settings) == []
    assert not (Path(settings.corpus_dir) / indexer.PENDING).exists()
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
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_a_full_disk_is_one_line_and_changes_nothing(small_disk, embedder, tmp_path):
    from bot.config import Settings
    from tests.conftest import write_articles

    settings = Settings.from_env(corpus_dir=write_articles(small_disk / "corpus"), index_dir=small_disk / "index")
    indexer.build(settings, embedder)
    before = sorted(p.name for p in settings.index_dir.iterdir())
    # Fill the disk, leaving too little for a new segment.
    with open(small_disk / "filler", "wb") as f:
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
