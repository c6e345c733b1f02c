"""Hostile articles and settings files: each is read in time linear in its size, or refused in one line that
says what to do, with the corpus and index left as they were."""

import re
import time
import zlib
from pathlib import Path

import pytest

from bot import ingest
from bot.chunking import chunk_article
from bot.errors import ArticleError
from bot.ingest import clean_text, load_article
from tests.pdf import make_pdf
from tests.test_safety import run_cli

# Each Markdown or HTML marker the cleaning rules look for, and pairs of them.
MARKERS = ["[", "![", "<!--", "`", "``", "*", "**", "_", "~~", "<a", "<sup>", "|", "(", "[^", "]:", "#", "- ", "](", "[a](", "<table>",
           "<table><tr><th>a</th><th>b</th></tr><tr><td>c</td><td>d</td></tr>", "| a | b |\n|---|---|\n", "<dl><dt>a</dt><dd>b</dd>", "{{<", "{{% a %}}", "> [!NOTE]", "- [x] ", ":a:", "*[a]: ", "=== \"a\"\n"]
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
    # 4 files of ~95 KB: they took 20 s before the patterns were linear (each unclosed "[" or "<!--" searched the
    # rest of the text; 200,000 "[" took minutes). Generous bound: the machine is shared.
    started = time.perf_counter()
    for i, shape in enumerate(SHAPES):
        path = tmp_path / f"hostile-{i}.md"
        path.write_text(hostile_markdown(shape, 5_000), encoding="utf-8")
        assert load_article(path).text.startswith(SENTENCE.strip())
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("tail", ["x", "{#id}", "<li>", "</li>", "<ul>"])
def test_a_long_run_of_spaces_is_read_in_linear_time(tail):
    # The "## Salaries {#pay}" heading-id rule was tried from every space of a run: 200,000 spaces took 115 s.
    started = time.perf_counter()
    assert clean_text(SENTENCE + " " * 200_000 + tail, markdown=True).startswith(SENTENCE.strip())
    assert time.perf_counter() - started < 10


def test_unclosed_markers_stay_as_text_and_closed_ones_still_go():
    assert clean_text("Open [ and ![ and <!-- and ` and ** and ~~ and <sup> stay as written.\n") == (
        "Open [ and ![ and <!-- and ` and ** and ~~ and stay as written.\n"
    )
    assert clean_text("A [link](x) after [[[ and a <!-- c --> comment, then ``co`de`` and `x`.\n") == (
        "A link after [[[ and a comment, then co`de and x.\n"
    )


def test_a_long_text_without_a_sentence_stop_is_refused_quickly(tmp_path):
    # The "one sentence of four words" check searched such a line from every word: 40 KB took 48 s.
    path = tmp_path / "no-stops.txt"
    path.write_text("word " * 39_000, encoding="utf-8")  # 195,000 characters: under the article limit
    started = time.perf_counter()
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert time.perf_counter() - started < 10
    assert str(e.value) == (f"{path}: too little article text in it (not one sentence of 4 or more words ending in . ! or ?, "
                            "nor 3 lines of as many words)")


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


def alias_bomb(levels: int) -> str:
    """YAML where each level lists the one before nine times: 9**levels strings once aliases are expanded."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\ndate: *l{levels}\n"


def test_front_matter_with_yaml_aliases_is_refused(tmp_path):
    # Six levels are 531,441 strings (a few seconds and a 4 MB date before); nine took 3 GB.
    path = tmp_path / "bomb.md"
    path.write_text(f"---\n{alias_bomb(6)}---\nBody text with several words in it.\n", encoding="utf-8")
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert str(e.value) == f"{path}: its front matter uses a YAML alias (*l0, line 3); write the value out instead"


def test_front_matter_larger_than_its_limit_is_refused(tmp_path):
    path = tmp_path / "big-front.md"
    path.write_text("---\ntitle: Guide\nnotes: " + "x" * 20_000 + "\n---\nBody text with several words in it.\n")
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert str(e.value) == (
        f"{path}: its front matter is too long (20,022 characters; the limit is 16,000): keep title, site, url and date there"
    )


def test_only_short_text_metadata_is_kept(tmp_path):
    path = tmp_path / "meta.md"
    path.write_text(
        "---\ntitle: " + "T" * 1_000 + "\nsite: [a, list]\nsitename: Careers\nurl: https://x.example/" + "u" * 3_000
        + "\ndate: {year: 2024}\nauthor: [ignored]\n---\nBody text with several words in it.\n"
    )
    a = load_article(path)
    assert (a.title, a.site, a.url, a.date) == ("T" * 300, "Careers", "", "")


# ---- library.yaml ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ('abbreviations:\n  "": glue\n', "abbreviation '' must be 2 to 15 characters long"),
        ("abbreviations:\n  is: information systems\n", "abbreviation 'is' is an everyday word, which questions use"),
        ("abbreviations:\n  ml: 5\n", "abbreviation 'ml' must stand for one line of text of up to 100 characters"),
    ],
)
def test_a_bad_library_yaml_stops_the_build_in_one_line_naming_the_key(settings, yaml_text, message):
    (settings.corpus_dir / "library.yaml").write_text(yaml_text, encoding="utf-8")
    proc = run_cli(["index", "build"], settings)
    assert_one_line_refusal(proc, f"error: {settings.corpus_dir / 'library.yaml'}: {message}", "fix or delete it")
    assert not (settings.index_dir / "manifest.json").exists()


@pytest.mark.parametrize(
    "yaml_text, problem",
    [
        ("abbreviations:\n  a: 5\n", "abbreviation 'a' must be 2 to 15 characters long"),
        ("abbreviations:\n  to: towards\n", "abbreviation 'to' is an everyday word, which questions use for itself; "
         "use a short form people type for a longer one"),
        ("abbreviations:\n  c#: c sharp\n", "abbreviation 'c#' must be letters and digits (and & + . -), starting with a letter"),
        ("abbreviations:\n  2fa: two-factor\n", "abbreviation '2fa' must be letters and digits (and & + . -), starting with a letter"),
        ("abbreviations:\n  no: number\n", "abbreviation False must be text: YAML reads it as bool (quote it)"),
        ("abbreviations:\n  ml: ''\n", "abbreviation 'ml' must stand for one line of text of up to 100 characters, "
         "e.g. 'ml: natural language processing'"),
        ("abbreviations:\n  ml: [machine, learning]\n", "abbreviation 'ml' must stand for one line of text"),
        ("abbreviations: [ml]\n", "abbreviations must be a mapping of short forms to what they stand for"),
        ("examples:\n  - What do nurses earn?\n  - ''\n", "example 2 ('') must be a question: one line of up to 300 characters"),
        ("examples:\n  - 42\n", "example 1 ('42') must be a question"),
        ("examples: What do nurses earn?\n", "examples must be a list of questions"),
        ("subject: [nursing]\n", "subject must be one line of text of up to 100 characters"),
    ],
)
def test_library_yaml_keys_and_values_are_checked(tmp_path, yaml_text, problem):
    from bot.library import read_overrides

    (tmp_path / "library.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ValueError) as e:
        read_overrides(tmp_path)
    assert str(e.value).startswith(f"{tmp_path / 'library.yaml'}: {problem}")
    assert "\n" not in str(e.value)


def test_library_yaml_with_aliases_is_refused(tmp_path):
    from bot.library import read_overrides

    (tmp_path / "library.yaml").write_text(alias_bomb(6).replace("date:", "subject:"), encoding="utf-8")
    with pytest.raises(ValueError) as e:
        read_overrides(tmp_path)
    assert str(e.value) == f"{tmp_path / 'library.yaml'} uses a YAML alias (*l0, line 2); write the value out instead"


def test_the_bundled_library_yaml_passes_the_checks():
    from bot.library import read_overrides
    from tests.conftest import ROOT

    assert read_overrides(ROOT / "corpus")["abbreviations"]["cv"] == "resume"


# ---- PDFs --------------------------------------------------------------------------------------------

LINE = "(Mentors help you grow faster in your career.) Tj T*\n"  # 45 characters of text


def flate_pdf(content: str, pages: int = 1) -> bytes:
    """A PDF of `pages` pages that all show one compressed content stream: a few KB can hold megabytes."""
    data = zlib.compress(content.encode("latin-1"), 9)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(['5 0 R'] * pages)}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        page,
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def text_stream(lines: int) -> str:
    return "BT /F1 11 Tf 14 TL 50 780 Td\n" + LINE * lines + "ET"


@pytest.mark.parametrize(
    "pages, lines, by_page",
    [(1, 30_000, 1), (100, 2_000, 3)],  # 1.35 MB of text on one page (5 KB of PDF); 9 MB over 100 pages (2 KB)
)
def test_a_pdf_is_read_only_until_its_text_passes_the_limit(tmp_path, pages, lines, by_page):
    # Before the limit, the 100 pages took 14 s and made 20,000 chunks; 200,000 lines on one page took 258 s.
    path = tmp_path / "long.pdf"
    path.write_bytes(flate_pdf(text_stream(lines), pages))
    started = time.perf_counter()
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert time.perf_counter() - started < 10
    assert str(e.value) == (
        f"{path}: its text is too long (over 200,000 characters by page {by_page}): split it into several articles"
    )


def test_a_pdf_with_more_pages_than_the_limit_is_refused_before_any_is_read(tmp_path):
    path = tmp_path / "many.pdf"
    path.write_bytes(flate_pdf(text_stream(1), 501))
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert str(e.value) == f"{path}: it has 501 pages; the limit is 500: split it into several articles"


def test_a_pdf_that_repeats_a_huge_drawing_stops_at_the_work_limit(tmp_path, monkeypatch):
    # The real limit stops 20 pages of a 100,000-line drawing (4 KB of PDF, 85 s before) in ~12 s; a lower
    # one keeps the test quick.
    monkeypatch.setattr(ingest, "MAX_PDF_WORK", 100_000)
    path = tmp_path / "drawing.pdf"
    path.write_bytes(flate_pdf("BT /F1 11 Tf 50 780 Td (A sentence of words on a page.) Tj ET\n" + "0 0 m 9 9 l S\n" * 6_000, 20))
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert str(e.value) == (
        f"{path}: it is too costly to read (over 100,000 drawing operations by page 3): save its text as .txt or .md and add that"
    )


def test_markdown_longer_than_the_article_limit_is_refused(tmp_path):
    path = tmp_path / "book.md"
    path.write_text("A sentence of words that goes on for a while. " * 5_000, encoding="utf-8")  # 230,000 characters
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert str(e.value) == f"{path}: its text is too long (230,000 characters; the limit is 200,000): split it into several articles"


def test_pdf_warnings_do_not_add_lines_to_a_refusal_or_an_add(built, tmp_path):
    good = make_pdf([["Kaggle competitions build practical skills for anyone who practises them."]], "Kaggle")
    truncated = tmp_path / "truncated.pdf"  # pypdf warns "EOF marker not found", then cannot read it
    truncated.write_bytes(good[: len(good) // 2])
    before = tree(built.corpus_dir), tree(built.index_dir)
    proc = run_cli(["index", "add", str(truncated)], built)
    assert_one_line_refusal(proc, f"error: {truncated}: the PDF could not be read (PdfStreamError: ")
    assert (tree(built.corpus_dir), tree(built.index_dir)) == before
    repaired = tmp_path / "repaired.pdf"  # a wrong startxref: pypdf warns twice and reads it
    repaired.write_bytes(re.sub(rb"startxref\n\d+", b"startxref\n12", good))
    proc = run_cli(["index", "add", str(repaired)], built)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_html_larger_than_its_limit_is_refused_before_extraction(tmp_path):
    # 100,000 short paragraphs (800 KB) took trafilatura 10 s: 20 MB, the file limit, would take minutes.
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + "<p>A short paragraph.</p>" * 210_000 + "</body></html>", encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(ArticleError) as e:
        load_article(path)
    assert time.perf_counter() - started < 10
    assert str(e.value) == (
        f"{path}: the page is too large to read (5,250,026 characters of HTML; the limit is 5,000,000): "
        "save the article's text as .md or .txt and add that"
    )


def test_a_page_of_thousands_of_headings_is_restored_in_bounded_time():
    # Each heading trafilatura left out is looked for in the text read: searched from every heading of a 3 MB page
    # whose headings open no line of it, that was minutes. Past ingest.MAX_HEADING_MISSES misses the rest stay out.
    from bot.ingest import _with_headings

    n = 30_000
    page = "<html><body>" + "".join(f"<h3>Menu {i}</h3><nav><a href='/{i}'>Link number {i} here now</a></nav>"
                                    f"<p>Answer {i} says it.</p>" for i in range(n)) + "</body></html>"
    text = "\n\n".join(f"Answer {i} says it." for i in range(n)) * 3
    started = time.perf_counter()
    assert _with_headings(page, text) == text
    assert time.perf_counter() - started < 10
