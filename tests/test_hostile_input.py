"""Hostile articles and settings files: each is read in time linear in its size, or refused in one line that
says what to do, with the corpus and index left as they were."""

import time

import pytest

from bot.ingest import load_article

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
