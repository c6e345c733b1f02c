"""The README and the pages under docs/: the Python example prints what docs/python.md says it prints (so the two
cannot drift apart), the README shows that same example and CI's own test command, and every relative link
points at a file (and a heading) that exists."""

import contextlib
import io
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = sorted((ROOT / "docs").glob("*.md"))
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def python_example(text: str) -> str:
    return re.search(r"```python\n(from bot import CareerBot\n.*?)```", text, re.S).group(1)


@pytest.mark.golden
def test_the_python_example_prints_what_the_docs_show():
    page = read(ROOT / "docs" / "python.md")
    code = python_example(page)
    shown = re.search(r"\nprints\n\n```\n(.*?)```", page, re.S).group(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "docs/python.md", "exec"), {})
    assert out.getvalue() == shown


def test_the_readme_shows_the_example_the_docs_run():
    assert python_example(read(ROOT / "README.md")) == python_example(read(ROOT / "docs" / "python.md"))


def test_the_readme_test_command_is_the_one_ci_runs():
    ci = read(ROOT / ".ci" / "run").strip().splitlines()[-1]
    assert ci.startswith("python3 -m venv .venv") and ci in read(ROOT / "README.md").splitlines()


def anchors(text: str) -> set[str]:
    """GitHub's heading ids: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", FENCE.sub("", text), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def relative_links(path: Path) -> list[str]:
    text = re.sub(r"`[^`\n]*`", "", FENCE.sub("", read(path)))
    return [t for t in LINK.findall(text) if not re.match(r"[a-z][a-z0-9+.-]*:", t)]


def broken_links(path: Path) -> list[str]:
    broken = []
    for link in relative_links(path):
        target, _, anchor = link.partition("#")
        file = (path.parent / target).resolve() if target else path
        if not file.exists() or (anchor and file.suffix == ".md" and anchor not in anchors(read(file))):
            broken.append(link)
    return broken


@pytest.mark.parametrize("path", [ROOT / "README.md", *DOCS], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_points_at_an_existing_file(path):
    assert relative_links(path)  # the parser finds them: every page links at least back to the README
    assert broken_links(path) == []


def test_the_docs_pages_are_linked_from_the_readme():
    linked = {(ROOT / t.partition("#")[0]).resolve() for t in relative_links(ROOT / "README.md")}
    assert DOCS and [p.name for p in DOCS if p.resolve() not in linked] == []
