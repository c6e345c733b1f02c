"""A damaged index is refused in one line that says to rebuild, never a traceback and never an answer read from
damaged files: each damage a fault-injection run found, through the real command line, and as `check_index`
reports it. Segments larger than FULL_CHECK_CHUNKS (files checked before first use, not when opened) are
tested by running the same command line with that threshold at 0."""

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from bot.index import segments, update
from bot.index import store as store_module
from bot.index.store import FORMAT_VERSION, IndexStore
from tests.conftest import ROOT
from tests.test_safety import run_cli

QUESTION = "What should a portfolio include?"
LARGE = ("import sys; from bot.index import store; store.FULL_CHECK_CHUNKS = 0; "
         "from bot.apps.cli import main; sys.exit(main(sys.argv[1:]))")


def run_cli_large(args, settings):
    """The real command line, with every segment handled as one too large to check whole when opened."""
    env = dict(os.environ, BOT_CORPUS=str(settings.corpus_dir), BOT_INDEX=str(settings.index_dir), HF_HUB_OFFLINE="1")
    env.pop("BOT_FAULT", None)
    return subprocess.run([sys.executable, "-c", LARGE, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def check_index(index_dir) -> list[str]:
    from bot.index.check import check_index as check  # imported here: the command line is asserted first

    return check(index_dir)


def assert_refused(proc, *words):
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: "), proc.stderr
    assert "is damaged (" in proc.stderr and "python -m bot index build" in proc.stderr, proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


# ---- damage, as the fault-injection run did it ----------------------------------------------------------


def manifest_of(index: Path) -> dict:
    return json.loads((index / "manifest.json").read_text())


def path_of(index: Path, kind: str) -> Path:
    return index / manifest_of(index)["segments"][0]["files"][kind]


def npy_header(path: Path) -> int:
    """Bytes before an .npy file's data."""
    with open(path, "rb") as f:
        np.lib.format.read_magic(f)
        np.lib.format.read_array_header_1_0(f)
        return f.tell()


def overwrite(path: Path, array: np.ndarray) -> None:
    np.save(path, array, allow_pickle=False)  # np.save keeps a name ending in .npy as it is


def same_length_text(index):
    path = path_of(index, "chunks")
    data = path.read_bytes()
    assert b"Recruiters look at" in data
    path.write_bytes(data.replace(b"Recruiters look at", b"Recruiters hate at", 1))


def swapped_records(index):
    """Records 0 and 1 (one article, two sentences each) change places, with offsets that fit them."""
    records, layout_path = path_of(index, "chunks"), path_of(index, "layout")
    lines = records.read_bytes().splitlines(keepends=True)
    layout = np.load(layout_path)
    assert layout[0, 3] == layout[1, 3] and layout[0, 1] == layout[1, 1]
    lines[0], lines[1] = lines[1], lines[0]
    records.write_bytes(b"".join(lines))
    layout[1, 0] = len(lines[0])
    overwrite(layout_path, layout)


def flipped_vector_byte(index):
    path = path_of(index, "chunk_vectors")
    data = bytearray(path.read_bytes())
    data[npy_header(path) + (2 * 384 + 5) * 4 + 3] ^= 0x01  # an exponent bit of row 2: that number x4 or /4
    path.write_bytes(bytes(data))


def zeroed_vector(index):
    path = path_of(index, "chunk_vectors")
    vectors = np.load(path)
    vectors[2] = 0
    overwrite(path, vectors)


def reversed_term_starts(index):
    path = path_of(index, "term_starts")
    starts = np.load(path)
    starts[1:-1] = starts[1:-1][::-1].copy()  # first and last kept: the sizes still agree
    overwrite(path, starts)


def shifted_vocabulary(index):
    path = path_of(index, "terms")
    terms = json.loads(path.read_text())
    terms["vocabulary"] = terms["vocabulary"][1:] + terms["vocabulary"][:1]
    path.write_text(json.dumps(terms))


def nan_vector(index):
    path = path_of(index, "chunk_vectors")
    vectors = np.load(path)
    vectors[2, 7] = np.nan
    overwrite(path, vectors)


def postings_out_of_range(index):
    path = path_of(index, "postings")
    postings = np.load(path)
    postings[:, 0] += 100
    overwrite(path, postings)


HASH = "does not hash to the digest in its name"
DAMAGE = {  # name: (damage, the file named, what the one-line refusal says, what check_index says beside the digest)
    "same-length text": (same_length_text, "chunks-", HASH, HASH),
    "swapped records": (swapped_records, "layout-", HASH, "2 of 6 records have another heading than their layout row (first: row 0)"),
    "flipped vector byte": (flipped_vector_byte, "chunk-vectors-", HASH, HASH),
    "zeroed vector": (zeroed_vector, "chunk-vectors-", HASH, "rows are not of unit length (first: row 2, length 0.000)"),
    "reversed term starts": (reversed_term_starts, "term-starts-", HASH, "does not fit the vocabulary of terms-"),
    "shifted vocabulary": (shifted_vocabulary, "terms-", HASH, "postings differ from the terms of the records"),
    "nan vector": (nan_vector, "chunk-vectors-", HASH, "rows hold values that are not finite numbers (first: row 2)"),
    # Bounds are checked when a segment of any size is opened, before its large files' digests.
    "postings out of range": (postings_out_of_range, "postings-", "names chunk rows outside the segment's 6", HASH),
}


@pytest.mark.parametrize("name", list(DAMAGE))
def test_a_damaged_segment_file_is_refused_in_one_line_naming_it(built, name):
    damage, named, says, reported = DAMAGE[name]
    damage(built.index_dir)
    assert_refused(run_cli(["ask", QUESTION], built), named, says)
    problems = check_index(built.index_dir)
    assert any(p.startswith(named) and HASH in p for p in problems), problems
    assert any(reported in p for p in problems), problems


@pytest.mark.parametrize("name", ["same-length text", "flipped vector byte", "nan vector", "postings out of range"])
def test_a_damaged_file_of_a_large_segment_is_refused_in_one_line_when_first_used(built, name):
    damage, named, says, _ = DAMAGE[name]
    damage(built.index_dir)
    assert_refused(run_cli_large(["ask", QUESTION], built), named, says)


def test_a_sound_index_checks_clean_and_answers_alike_with_files_checked_early_or_late(built):
    assert check_index(built.index_dir) == [] and check_index(ROOT / "index") == []
    small, large = run_cli(["ask", QUESTION], built), run_cli_large(["ask", QUESTION], built)
    assert small.returncode == large.returncode == 0 and small.stderr == large.stderr == ""
    assert small.stdout == large.stdout and "[1]" in small.stdout


def test_rebuilding_replaces_a_damaged_file_whose_name_the_build_writes_again(built):
    flipped_vector_byte(built.index_dir)
    assert_refused(run_cli(["ask", QUESTION], built), "chunk-vectors-")
    build = run_cli(["index", "build"], built)
    assert build.returncode == 0 and "3 added" in build.stdout, build.stderr
    assert run_cli(["ask", QUESTION], built).returncode == 0
    assert check_index(built.index_dir) == []


# ---- files checked once, before first use, by whichever thread comes first ------------------------------


def counting_digests(monkeypatch) -> Counter:
    hashed: Counter = Counter()
    real = segments.digest_problem

    def counted(file, name):
        hashed[name] += 1
        return real(file, name)

    monkeypatch.setattr(segments, "digest_problem", counted)
    return hashed


def ask_in_threads(bot, n: int = 6) -> list:
    """What each of `n` threads asking at once got: an answer or the exception."""
    results, start = [None] * n, threading.Barrier(n)

    def ask(i):
        start.wait()
        try:
            results[i] = bot.ask(QUESTION)
        except Exception as e:  # noqa: BLE001 - collected for the asserts
            results[i] = e

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_each_file_of_a_large_segment_is_hashed_once_by_one_of_many_threads(built, monkeypatch):
    from bot import CareerBot

    monkeypatch.setattr(store_module, "FULL_CHECK_CHUNKS", 0)
    hashed = counting_digests(monkeypatch)
    bot = CareerBot.load(settings=built)
    assert not any(isinstance(r, Exception) for r in ask_in_threads(bot))
    bot.store.verify()  # waits for any file still being hashed
    assert sorted(hashed.values()) == [1] * len(bot.store.segments[0].files)


def test_a_damaged_file_of_a_large_segment_is_refused_in_every_thread_and_hashed_once(built, monkeypatch):
    from bot import CareerBot
    from bot.errors import IndexCorruptError

    monkeypatch.setattr(store_module, "FULL_CHECK_CHUNKS", 0)
    flipped_vector_byte(built.index_dir)
    hashed = counting_digests(monkeypatch)
    bot = CareerBot.load(settings=built)  # opens: that file is checked in the background or at first use
    results = ask_in_threads(bot)
    vectors = path_of(built.index_dir, "chunk_vectors").name
    assert all(isinstance(r, IndexCorruptError) and f"({vectors} does not hash" in str(r) for r in results), results
    assert hashed[vectors] == 1


def test_without_damaged_keeps_the_sound_segments_of_a_damaged_index(built, embedder, tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "FULL_CHECK_CHUNKS", 0)
    extra = tmp_path / "mentors.md"
    extra.write_text("# Mentors\n\nA mentor reviews your code and points out blind spots in your projects.\n")
    update.add([extra], built, embedder)
    assert len(manifest_of(built.index_dir)["segments"]) == 2
    zeroed_vector(built.index_dir)  # in the first segment: the three articles of the fixture
    store = IndexStore.load(built.index_dir)
    assert sorted(store.without_damaged().articles) == ["mentors"]
    assert sorted(store.articles) == ["interviews", "mentors", "portfolio", "salary-survey"]


# ---- the manifest: every field the code reads, of the type it reads it as ------------------------------


DELETE = object()


def edit(key, value):
    def change(manifest):
        target = manifest
        *path, last = key
        for k in path:
            target = target[k]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return change


MANIFESTS = {  # name: (change, what the refusal says)
    "library a list": (edit(["library"], ["ML"]), "library is ['ML'], not an object"),
    "library examples a number": (edit(["library"], {"examples": 5}), "library.examples is 5"),
    "library abbreviations a list": (edit(["library"], {"abbreviations": ["ml"]}), "not a mapping of strings"),
    "library abbreviations nested": (edit(["library"], {"abbreviations": {"ml": {"a": 1}}}), "not a mapping of strings"),
    "segments a dict": (edit(["segments"], {"0": {}}), "segments is {'0': {}}, not a list of segments"),
    "segments a string": (edit(["segments"], "seg"), "segments is 'seg', not a list of segments"),
    "counts text": (edit(["counts"], "many"), "counts is 'many'"),
    "counts negative": (edit(["counts", "chunks"], -1), "counts is"),
    "chunking a list": (edit(["chunking"], [1200]), "chunking is [1200]"),
    "chunk_chars text": (edit(["chunking", "chunk_chars"], "1200"), "chunking is"),
    "dimension text": (edit(["dimension"], "384"), "dimension is '384', not a positive whole number"),
    "model missing": (edit(["model"], DELETE), "model is missing"),
    "removed unknown": (edit(["segments", 0, "removed"], ["nobody"]), "removed list names 'nobody', an article the segment does not hold"),
    "removed a string": (edit(["segments", 0, "removed"], "portfolio"), "removed is 'portfolio', not a list"),
    "segment count text": (edit(["segments", 0, "chunks"], "6"), "segments[0].chunks is '6', not a count"),
    "segment articles not a count": (edit(["segments", 0, "articles"], [["portfolio"]]), "segments[0].articles is [['portfolio']], not a count"),
    "segment file outside": (edit(["segments", 0, "files", "chunks"], "../chunks-0123456789abcdef.jsonl"), "segments[0].files.chunks is"),
    "segment file missing": (edit(["segments", 0, "files", "postings"], DELETE), "segments[0].files is"),
}


@pytest.mark.parametrize("name", list(MANIFESTS))
def test_a_manifest_field_of_the_wrong_type_is_refused_in_one_line_naming_it(built, name):
    change, says = MANIFESTS[name]
    manifest = manifest_of(built.index_dir)
    change(manifest)
    (built.index_dir / "manifest.json").write_text(json.dumps(manifest))
    assert_refused(run_cli(["ask", QUESTION], built), "manifest.json: ", says)
    (problem,) = check_index(built.index_dir)
    assert says in problem


def test_a_format_version_that_is_not_a_number_is_called_that(built):
    manifest = manifest_of(built.index_dir)
    manifest["format_version"] = "4"
    (built.index_dir / "manifest.json").write_text(json.dumps(manifest))
    assert_refused(run_cli(["ask", QUESTION], built), "manifest.json: format_version is '4', not a number")
    manifest["format_version"] = 3  # a real other version keeps saying what it was built with
    (built.index_dir / "manifest.json").write_text(json.dumps(manifest))
    proc = run_cli(["ask", QUESTION], built)
    assert proc.returncode == 1 and f"was built with format version 3, this run uses {FORMAT_VERSION}" in proc.stderr


@pytest.mark.parametrize("segments_value", [{"0": {}}, "seg"])
def test_a_build_over_a_manifest_of_the_wrong_shape_rebuilds_it(built, segments_value):
    manifest = manifest_of(built.index_dir)
    manifest["segments"] = segments_value
    (built.index_dir / "manifest.json").write_text(json.dumps(manifest))
    proc = run_cli(["index", "build"], built)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert run_cli(["ask", QUESTION], built).returncode == 0 and check_index(built.index_dir) == []


RECORDS = {  # name: (change to the first article's record in its segment's articles file, what the refusal says)
    "record without a field": (edit([0, "site"], DELETE), "[0] is {"),
    "record with another field": (edit([0, "colour"], "red"), "[0] is {"),
    "record count as text": (edit([0, "chunks"], "3"), "[0].chunks is '3', not a count"),
    "record source a path": (edit([0, "source"], "../../etc/passwd"), "[0].source is '../../etc/passwd', not a file name"),
    "records one short": (edit([0], DELETE), " holds [{'id': "),
}


@pytest.mark.parametrize("name", list(RECORDS))
def test_an_article_record_of_the_wrong_type_is_refused_in_one_line_naming_it(built, name):
    change, says = RECORDS[name]
    path = path_of(built.index_dir, "articles")
    records = json.loads(path.read_text())
    change(records)
    path.write_text(json.dumps(records))
    renamed_to_content(built.index_dir, "articles")  # a writer with a bug: the file's digest holds
    name = path_of(built.index_dir, "articles").name
    assert_refused(run_cli(["ask", QUESTION], built), name + says)
    (problem,) = check_index(built.index_dir)
    assert problem.startswith(name + says)


def test_an_articles_file_changed_under_its_name_is_refused(built):
    path = path_of(built.index_dir, "articles")
    path.write_text(path.read_text().replace('"chunks": ', '"chunks":  ', 1))  # the same records, other bytes
    assert_refused(run_cli(["ask", QUESTION], built), f"{path.name} does not hash to the digest in its name")
    assert check_index(built.index_dir) == [f"{path.name} does not hash to the digest in its name: changed since it was written"]


# ---- what only a full check finds ----------------------------------------------------------------------


def renamed_to_content(index: Path, kind: str) -> None:
    """Give a changed file the name of its new content, as a writer with a bug would: its digest then holds."""
    path = path_of(index, kind)
    name = segments.content_name(path.name.rsplit("-", 1)[0], path.suffix, path.read_bytes())
    path.rename(index / name)
    manifest = manifest_of(index)
    manifest["segments"][0]["files"][kind] = name
    (index / "manifest.json").write_text(json.dumps(manifest))


def test_postings_out_of_range_under_a_valid_name_are_refused_when_opened(built):
    postings_out_of_range(built.index_dir)
    renamed_to_content(built.index_dir, "postings")
    postings = path_of(built.index_dir, "postings").name
    assert_refused(run_cli_large(["ask", QUESTION], built), f"{postings} names chunk rows outside the segment's 6")
    assert check_index(built.index_dir) == [f"segments[0]: cannot be opened (ValueError: {postings} names chunk rows outside the segment's 6)"]


def test_check_index_reports_unit_length_and_files_nobody_names(built):
    zeroed_vector(built.index_dir)
    renamed_to_content(built.index_dir, "chunk_vectors")
    (built.index_dir / "chunks-0123456789abcdef.jsonl").write_text("{}\n")
    assert check_index(built.index_dir) == [
        f"{path_of(built.index_dir, 'chunk_vectors').name}: 1 of 6 rows are not of unit length (first: row 2, length 0.000)",
        "chunks-0123456789abcdef.jsonl: a segment file the manifest does not name (left by an interrupted save?)",
    ]


def test_a_record_that_does_not_parse_under_a_valid_name_is_refused_when_read(built):
    records = path_of(built.index_dir, "chunks")
    records.write_bytes(records.read_bytes().replace(b'"id": "portfolio:c1"', b'"iX": "portfolio:c1"', 1))
    renamed_to_content(built.index_dir, "chunks")  # the digest holds: only parsing the record finds it
    assert_refused(run_cli_large(["ask", QUESTION], built), f"chunk record 3 of {path_of(built.index_dir, 'chunks').name}")
    assert check_index(built.index_dir) == [
        f"{path_of(built.index_dir, 'chunks').name}: 1 of 6 records do not parse or fit their offsets (first: row 3)"]
