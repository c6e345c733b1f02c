"""Hostile articles and settings files: each is read in time linear in its size, or refused in one line that
says what to do, with the corpus and index left as they were."""

import time
from pathlib import Path

import pytest

from bot.chunking import chunk_article
from bot.errors import ArticleError
from bot.ingest import load_article
from tests.test_safety import run_cli

# Each Markdown or HTML marker the cleaning rules look for, and pairs of them.
MARKERS = ["[", "![", "<!--", "`", "``", "*", "**", "_", "~~", "<a", "<sup>", "|", "(", "[^", "]:", "#", "- ", "](", "[a]("]
SHAPES = {"run": "{m}", "with a letter": "{m}a", "one a line": "{m}\n", "with a letter, one a line": "{m}a\n"}
SENTENCE = "A hostile file still opens with one real sentence of words.\n\n"


def hostile_markdown(shape: str, run_chars: int) -> str:
    """A sentence, then every marker repeated in `shape` for about `run_chars` characters each."""
    parts = [SENTENCE]
    for marker in MARKERS:
        unit = SHAPES[shape].format(m=marker)
        parts.append(unit * (run_chars // len(unit)) + "\n\n")
    return "".join(parts)


def test_hostile_markdown_is_read_in_linear_time(tmp_path):
    # 4 files of ~100 KB: before the patterns were linear, one of them took minutes (each unclosed "[" or
    # "<!--" searched the rest of the text). Generous bound: the machine is shared.
    started = time.perf_counter()
    for i, shape in enumerate(SHAPES):
        path = tmp_path / f"hostile-{i}.md"
        path.write_text(hostile_markdown(shape, 5_000), encoding="utf-8")
        assert load_article(path).text.startswith(SENTENCE.strip())
    assert time.perf_counter() - started < 10


def test_a_long_text_without_a_sentence_stop_is_refused_quickly(tmp_path):
    # The "one sentence of four words" check searched such a line from every word: 40 KB took 48 s.
    path = tmp_path / "no-stops.txt"
    path.write_text("word " * 100_000, encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert time.perf_counter() - started < 10
    assert str(e.value) == f"{path}: too little article text in it (not one sentence of 4 or more words)"


def test_hostile_markdown_is_chunked_in_linear_time(tmp_path):
    # A heading line of 50,000 "#"s or spaces was matched in quadratic time (minutes), and pysbd's own offset
    # search rescanned a paragraph for every repeated sentence (2,000 lines of "_" cost 0.9 s per 4 KB).
    texts = [hostile_markdown(shape, 1_000) for shape in SHAPES]
    texts += [SENTENCE + "# Pay " + "#" * 50_000 + " x\n", SENTENCE + "## Pay" + " " * 50_000 + "x ##\n", SENTENCE + "_\n" * 10_000]
    started = time.perf_counter()
    for i, text in enumerate(texts):
        path = tmp_path / f"hostile-{i}.md"
        path.write_text(text, encoding="utf-8")
        article = load_article(path)
        chunks, sentences = chunk_article(article)
        assert sentences[0].text == SENTENCE.strip()
        assert all(article.text[s.start : s.end] == s.text for s in sentences)
    assert time.perf_counter() - started < 10


def tree(folder) -> dict:
    """Every file under `folder` with its bytes: a refused command must leave it exactly as it was."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def assert_one_line_refusal(proc, *parts):
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ")
    for part in parts:
        assert part in proc.stderr, proc.stderr


@pytest.mark.parametrize(
    "name, shown, reason",
    [
        ("notes\u202edm.txt", "notes\\u202edm.txt", "the invisible control character U+202E; rename the file"),
        ("left\u2066to.md", "left\\u2066to.md", "the invisible control character U+2066; rename the file"),
        ("mark\u200fhere.md", "mark\\u200fhere.md", "the invisible control character U+200F; rename the file"),
        ("two\nlines.md", "two\\u000alines.md", "the invisible control character U+000A; rename the file"),
        ("bell\x07.md", "bell\\u0007.md", "the invisible control character U+0007; rename the file"),
        ("-rf.md", "-rf.md", "its file name starts with '-', which commands read as an option; rename the file"),
    ],
)
def test_a_file_name_that_hides_characters_or_reads_as_an_option_is_refused(built, tmp_path, name, shown, reason):
    article = tmp_path / "upload" / name
    article.parent.mkdir()
    article.write_text("A weekly study group keeps a machine learning learner accountable.\n", encoding="utf-8")
    before = tree(built.corpus_dir), tree(built.index_dir)
    proc = run_cli(["index", "add", str(article)], built)
    assert_one_line_refusal(proc, f"{tmp_path / 'upload'}/{shown}: its file name ", reason)
    assert (tree(built.corpus_dir), tree(built.index_dir)) == before
