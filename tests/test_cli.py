"""The command line: exit codes, one-line errors, and the commands from the README."""

import json
import os
import re
import subprocess
import sys

import pytest

from bot.apps.cli import main
from tests.conftest import ROOT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_list_ask_remove(capsys, settings):
    idx, corpus = str(settings.index_dir), str(settings.corpus_dir)
    code, out, _ = run(capsys, "index", "build", "--corpus", corpus, "--index", idx)
    assert code == 0 and out.startswith("3 added; 3 articles")
    code, out, _ = run(capsys, "index", "list", "--index", idx)
    assert code == 0 and "portfolio\t" in out and "(Example Careers)" in out
    code, out, _ = run(capsys, "ask", "What should a portfolio include?", "--index", idx, "--json")
    data = json.loads(out)
    assert code == 0 and data["citations"][0]["article"]["id"] == "portfolio" and "[1]" in data["text"]
    code, out, _ = run(capsys, "index", "remove", "portfolio.md", "--index", idx)  # the file's name names it too
    assert code == 0 and "removed portfolio" in out
    code, out, err = run(capsys, "index", "remove", "portfolio", "--index", idx)
    assert code == 1 and err.startswith("error: no article 'portfolio'") and "Traceback" not in err
    code, out, err = run(capsys, "index", "remove", "interview", "--index", idx)  # a near miss is named
    assert code == 1 and "(did you mean 'interviews'?)" in err
    from bot.errors import ArticleNotFoundError  # ids that share only a tail are not offered

    assert "did you mean" not in str(ArticleNotFoundError("the-career-path-of-a-scrum-master", ["agile-coach-or-scrum-master"]))


def test_articles_in_subfolders_are_named_as_not_read(capsys, settings):
    # A folder of articles sorted into subfolders (a docs repository) built 5 of its 582 pages and said nothing.
    sub = settings.corpus_dir / "more" / "deeper"
    sub.mkdir(parents=True)
    (sub / "nested.md").write_text("# Nested\n\nThis article sits two folders down and is not read by a build.\n")
    (settings.corpus_dir / ".git").mkdir()
    (settings.corpus_dir / ".git" / "hidden.md").write_text("# Hidden\n\nA file under a hidden folder is no article.\n")
    code, out, err = run(capsys, "index", "build", "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir))
    assert code == 0 and out.startswith("3 added; 3 articles")
    assert err.count("\n") == 1 and "note: 1 article file in a subfolder was not read (e.g. more/deeper/nested.md)" in err


def test_files_of_a_type_no_article_is_read_from_are_named_as_not_read(capsys, settings):
    # A tester's "page.php" beside the Markdown was left out of a build without a word.
    (settings.corpus_dir / "page.php").write_text("<html><body><p>A page saved by a PHP site.</p></body></html>\n")
    (settings.corpus_dir / "library.yaml").write_text("subject: machine learning engineers\n")  # the library's own file
    (settings.corpus_dir / ".DS_Store").write_bytes(b"\x00\x00")
    code, out, err = run(capsys, "index", "build", "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir))
    assert code == 0 and out.startswith("3 added; 3 articles")
    assert err.count("\n") == 1 and "note: 1 file in the corpus folder is of a type no article is read from (e.g. page.php)" in err


@pytest.mark.parametrize(
    "name, content, message",
    [("empty.md", b"", "empty.md: the file is empty"), ("x.exe", b"MZ\x00\x00", "unsupported file type '.exe'")],
)
def test_bad_file_is_one_line_exit_1_and_index_unchanged(capsys, built, tmp_path, name, content, message):
    before = {p.name: p.read_bytes() for p in built.index_dir.iterdir()}
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "index", "add", str(path), "--index", str(built.index_dir))
    assert code == 1 and err.count("\n") == 1 and message in err
    assert {p.name: p.read_bytes() for p in built.index_dir.iterdir()} == before


def test_a_path_that_does_not_exist_is_named_as_missing(capsys, built, tmp_path):
    code, _, err = run(capsys, "index", "add", str(tmp_path / "no-such-folder"), "--index", str(built.index_dir))
    assert code == 1 and "no-such-folder: no such file or folder" in err and "unsupported" not in err


def test_several_bad_files_are_each_named_and_nothing_is_added(built, tmp_path):
    """`index add good bad1 bad2` in a real process: one line per bad file saying what is wrong, a line saying
    the good one was not added either, exit status 1, no traceback; corpus and index exactly as they were."""
    def snapshot():
        return {p: p.read_bytes() for d in (built.index_dir, built.corpus_dir) for p in d.rglob("*") if p.is_file()}

    before = snapshot()
    good = tmp_path / "good.md"
    good.write_text("# Good\n\nA perfectly fine article about the day of a data engineer at a small company.\n")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "fake.pdf").write_bytes(b"<html><body>Not a PDF at all.</body></html>")
    proc = subprocess.run([sys.executable, "-m", "bot", "index", "add", str(good), str(tmp_path / "empty.md"),
                           str(tmp_path / "fake.pdf"), "--index", str(built.index_dir)],
                          cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True,
                          timeout=300)
    lines = proc.stderr.splitlines()
    assert proc.returncode == 1 and proc.stdout == "" and "Traceback" not in proc.stderr, proc.stderr
    assert any("empty.md: the file is empty" in line for line in lines), proc.stderr
    assert any("fake.pdf: " in line and "empty.md" not in line for line in lines), proc.stderr
    assert "good.md" not in proc.stderr and lines[-1].startswith("Nothing was added"), proc.stderr
    assert snapshot() == before and not (built.corpus_dir / "good.md").exists()


def test_a_build_over_several_bad_files_names_each_and_builds_nothing(built, tmp_path):
    """`index build` in a real process over a corpus folder with one good and two different bad files: every
    file is read first, each bad one is named on its own line saying what is wrong, then a line saying nothing
    was built; exit status 1, no traceback; the existing index and the corpus folder exactly as they were."""
    corpus = tmp_path / "other-corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("# Good\n\nA perfectly fine article about the day of a data engineer at a small company.\n")
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "fake.pdf").write_bytes(b"<html><body>Not a PDF at all.</body></html>")

    def snapshot():
        return {p: p.read_bytes() for d in (built.index_dir, corpus) for p in d.rglob("*") if p.is_file()}

    before = snapshot()
    proc = subprocess.run([sys.executable, "-m", "bot", "index", "build", "--corpus", str(corpus),
                           "--index", str(built.index_dir)],
                          cwd=ROOT, env={**os.environ, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True,
                          timeout=300)
    lines = proc.stderr.splitlines()
    assert proc.returncode == 1 and proc.stdout == "" and "Traceback" not in proc.stderr, proc.stderr
    assert f"error: {corpus / 'empty.md'}: the file is empty" in lines, proc.stderr
    assert any(line.startswith(f"error: {corpus / 'fake.pdf'}: ") for line in lines), proc.stderr
    assert len(lines) == 3 and "good.md" not in proc.stderr, proc.stderr
    assert lines[-1].startswith("Nothing was built") and str(corpus) in lines[-1] and "--skip-unreadable" in lines[-1], proc.stderr
    assert snapshot() == before


def test_a_build_told_to_skip_unreadable_files_builds_the_rest_and_names_each(capsys, tmp_path):
    # Five testers' first builds stopped at one odd file among a dozen good ones, until they moved it out by hand.
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "good.md").write_text("# Pay\n\nJunior nurses earn about $60,000 a year in most states.\n", encoding="utf-8")
    (corpus / "empty.md").write_bytes(b"")
    # ... and of two files with the same text the original is kept, not its copy (two testers' were refused, and the
    # line named the file without its folder).
    (corpus / "good-copy.md").write_bytes((corpus / "good.md").read_bytes())
    code, out, err = run(capsys, "index", "build", "--corpus", str(corpus), "--index", str(index), "--skip-unreadable")
    assert code == 0 and out.startswith("1 added, 2 skipped; 1 article,"), out
    assert err == (f"skipped {corpus / 'empty.md'}: the file is empty\n"
                   f"skipped {corpus / 'good-copy.md'}: it duplicates article 'good' (the same text); not added\n"), err
    code, out, _ = run(capsys, "index", "list", "--index", str(index))
    assert code == 0 and "good" in out and "empty" not in out
    assert re.search(r"^good\t1 chunk\t", out, re.M), out  # not "1 chunks" (a tester's)


def test_a_refused_first_build_leaves_no_index_folder_behind(capsys, tmp_path):
    # A tester's refused builds into new folders (a corpus folder that does not exist; one holding only an empty file)
    # each left the new index folder behind, holding only an empty ".lock".
    empty = tmp_path / "empty-corpus"
    empty.mkdir()
    (empty / "empty.md").write_bytes(b"")
    for corpus in (tmp_path / "nope", empty):
        index = tmp_path / f"idx-{corpus.name}"
        code, _, err = run(capsys, "index", "build", "--corpus", str(corpus), "--index", str(index))
        assert code == 1 and err.startswith("error: ") and not index.exists(), err


def test_ask_without_an_index_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "ask", "hello there friend", "--index", str(tmp_path / "missing"))
    assert code == 1 and "index build" in err and err.count("\n") == 1
    # `index check` says it the same way (it printed the line to standard output, without "error:": a tester's).
    for command in (["index", "check"], ["index", "list"]):
        code, out, err = run(capsys, *command, "--index", str(tmp_path / "missing"))
        assert code == 1 and not out and err.startswith("error: no index found") and err.count("\n") == 1, (out, err)


def test_an_article_folder_given_as_the_index_is_named_as_such(capsys, tmp_path):
    # A tester passed the article folder as --index and was told to build the index in it.
    (tmp_path / "guide.md").write_text("# Guide\n\nActuaries pass a series of exams over several years.\n", encoding="utf-8")
    code, _, err = run(capsys, "ask", "how many exams?", "--index", str(tmp_path))
    assert code == 1 and err.count("\n") == 1 and f"{tmp_path} holds articles, not an index: give it as --corpus" in err, err


def test_every_command_has_help(capsys):
    from bot.ingest import SUPPORTED

    with pytest.raises(SystemExit):
        main(["index", "add", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert all(kind in shown for kind in SUPPORTED)  # it named four of nine (a tester: ".rst and .mdx left out")
    for argv in (["--help"], ["index", "--help"], ["index", "build", "--help"], ["index", "add", "--help"],
                 ["index", "remove", "--help"], ["index", "list", "--help"], ["ask", "--help"]):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 0


def test_python_m_bot_ask_in_a_real_process():
    """The README's own example, as a user runs it, on the committed index."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "Do I need a master's degree?"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "[1]" in proc.stdout and "[2]" in proc.stdout and "Sources:" in proc.stdout
    assert "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "How do I bake bread?"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.startswith("The guides don't cover ") and "[1]" not in proc.stdout
    # ... saying where it looked: a tester who left out --index was told the bundled guides don't cover "opticians".
    assert "note: asked the library in " in proc.stderr and "--index DIR" in proc.stderr, proc.stderr
    assert "asked the library" not in subprocess.run([sys.executable, "-m", "bot", "ask", "How do I bake bread?", "--index", "index"],
                                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300).stderr


def test_a_busy_port_is_one_line_naming_the_flag():
    import socket
    import subprocess
    import sys

    from tests.conftest import ROOT

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = subprocess.run([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, capture_output=True, text=True,
                              timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "--port" in proc.stderr and str(port) in proc.stderr
