"""Build, add to and remove from an index: corpus files -> articles -> chunks -> vectors -> store.

`corpus/` is the source of truth: `build` makes the index match it, embedding only new or changed
files (by sha256); `add` copies a file into the corpus and indexes it; `remove` drops an article's
vectors and its corpus file. Every file is checked before anything is written, so a bad file leaves
both the corpus and the index as they were (an `add` of several files, or a `build`, names every bad one, then
adds or builds nothing).

`add` and `remove` change both folders as one transaction: the corpus files go through `corpus/.pending/`
(never read by a build), the manifest swap is the commit, and whatever a kill or a full disk interrupts is
rolled forward or back by the next build, add or remove (`recover`), so corpus and index are always both old
or both new.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..chunking import chunk_article, contexts
from ..config import DEFAULT_CORPUS, Settings, fault
from ..embedding import Embedder
from ..errors import ArticleError, ArticlesError, BotError, DiskFullError, IndexMismatchError, IndexMissingError
from ..files import atomic_write
from ..ingest import KINDS_NAMED, SUPPORTED, Article, article_id, load_article
from ..library import DATA_FILE, defined_abbreviations, read_overrides
from .segments import FLAGS_VERSION
from .store import FORMAT_VERSION, MANIFEST, SEGMENT_SUFFIXES, ArticleRecord, IndexStore, live_records, now_iso, read_manifest

PENDING = ".pending"  # in the corpus folder: files on their way in ("in-NAME") or out ("out-NAME")
REMOVED = ".removed"  # in the corpus folder: files removed from the web app, kept until the removal is undone
KEEP_REMOVED_SECONDS = 3600  # how long a removed file waits in corpus/.removed/ for Undo before it is deleted
SPLITTER = "pysbd-0.3+glued+dot-words+quoted-words+counted+camel"  # recorded in the manifest: other sentence boundaries mean other ids
# Recorded too: chunks are embedded with their article's title and heading path (chunking.contexts), and
# Markdown dialects are cleaned at ingest; an index made otherwise is rebuilt.
# 2: a Markdown paragraph's soft line breaks read as spaces; 3: HTML lists in Markdown read as lists (ingest);
# 4: template tags dropped, a blockquote's wrapped lines joined, a paragraph emphasized whole unmarked;
# 5: a PDF's headings, paragraphs and list items read from where its lines are drawn (pdf_text.py)
# 6: a PDF's words of one baseline one line where it draws each word apart (Google Docs); short bold lines headings
# 7: HTML whitespace collapsed as a browser does and hidden text dropped; an abbreviation's long form the words whose
#    initials spell it (library.defined_abbreviations, kept in each article's record)
# 8: a Razor view's C# dropped and its own title taken (ingest.without_razor)
# 15, 16: a chunk that opens on a list item holds its line, marker and indentation (chunking.chunk_article)
# 17: a Markdown article's title is its first heading only when every other heading is below it, else its file name
# 24: a kramdown attribute line ends its block; 25: each chunk records the headings above its own (Chunk.context)
# 26: a PDF line broken after a compound's hyphen keeps it, an item numbered after the one before starts anew; a title
#     without its site's name; dates as ISO; no localhost URL
# 27: a page a browser saved as PDF keeps the address printed in its margin
# 28: no heading in fenced code or over MAX_HEADING_CHARS; an HTML heading line in Markdown a heading; an alert unquoted;
#     an HTML fragment read as a body
# 29: an HTML paragraph that is one link is its text
# 30: a page with no <h1> titled by its site alone is titled by the <h2> its text opens with
# 31: a heading that restates the title (80% of its words) is left out of the section path embedded with a chunk
# 32: a Docusaurus heading that says more than its sidebar title titles the page; JavaScript dates; a bold first row
#     heads an HTML table; kramdown TOC dropped; an MDX component given its text is that text
# 33: a browser's print stamp and address are furniture on a one-page PDF too; the date printed under a PDF's title
# 34: an HTML page's headings trafilatura left out put back; its front matter read; a <title> of "page | site" split;
#     a bold line ending in a sentence stop before emoji is no heading
# 35: a closing front matter fence with text run onto it; docs component fences are text
# 36: a list of the page's own headings is contents (no lead-in); skip links, pagers, copyright lines; a printed
#     docs page's menu and heading anchors
# 37: a PDF paragraph's indented first line joined to its next; a page header of three lines is furniture
# 38: a heading restored as often as the page has it; linear-time contents, pager and heading rules
# 39: a line break before a block in a page's source is kept (a lead-in and a list); a heading trafilatura kept
#     after a space is not put back again
# 106: a word cut at a "!" inside it, and a stop alone, are one sentence with what they follow; web components, an
#      advert's label, a style-sheet line, a share button, a heading's link to a pop-up and a credited caption go;
#      an HTML heading over several lines is a heading; a table without its outer pipes is a table; a page fenced
#      whole as Markdown is read as Markdown; questions and answers kept in front matter are sections
# 107: a line all in bold with nothing under it before the next heading is a line of text, not an empty section; a
#      section that only points at other pages ("### Want to read more?" over a list of links) goes, and so does a
#      paragraph that is only a link, unless a heading names it or a sentence runs through it
# 108: an ellipsis cut by the sentence splitter, nothing between its dots, is one sentence with what it ends
# 109: a PDF's dingbat bullet read as a letter ("y", "F") opening two or more lines of a page is a bullet
# 110: a line all in bold heads a section a level below the Markdown heading over it ("#####" under "####")
# 111: a link whose text holds one level of brackets keeps its text and loses its address
# 112: a heading written without its space over the tags it opens with ("###<span><strong>4) ...") is a heading; a
#      contents heading ("TOC") with no list under it goes
# 113: a licence line ("All content is licensed under the CC BY-SA 3.0 license."), an author's "<<note>>" and a
#      WordPress "Also Read:" box and a closing call to action ("**Planning your ... career?** [Chat with ...](...)") go
# 114: a numbered bold line at the level of the heading numbered one before it; a heading over a rule ("### ---") goes
# 115: a page's tab panels hidden until chosen are read, one by one; a bold label that comes back within one section
#      is a line; a heading in bold with a space inside its marks loses them; Obsidian's "==highlight==" is its words
# 116: a contents list whose items leave out their headings' article ("APM is a new grad") goes; a date alone under
#      the title ("5.30.2020") dates the page
# 117: a table without its outer pipes runs to its first blank line, a line without a pipe a row of one cell
# 118: a definition list whose last term is empty (a chart's legend) is still term: definition pairs; an HTML
#      heading's link to a place on the page ("About this section") goes when the heading has words of its own
# 119: a front matter's subtitle (not a byline) opens the text when the text does not hold it
# 120: an HTML page's blocks each classed "content" are all read (an FAQ accordion's answers)
# 121: a related-articles section whose subsections are each headed by a link goes
# 122: the front matter's subtitle no longer opens the text (119's, taken out: read blind, it led answers it only
#      introduced)
# 123: a bold label under a bold name that heads something, in one section, is a level below that name
# 124: an HTML list item opening on a heading is a section (an FAQ as a list); an HTML heading over a numbered list,
#      or over a heading a level below it, is put back; a fragment with no <title> or <h1> is titled by its file; a
#      picture's credit line goes; a quote in a quote is one quote; a dash after a lead-in's colon goes; a "#" line
#      in indented code outside a list is no heading
# 125: an HTML block classed "message" (a Jekyll theme's note box) is read; footnote marks and their way back go; a
#      block classed as an FAQ's question heads its answer; a date only written in the text dates no page
# 126: a bold part's name over a bold label heads it, the label a level below; a front matter's numbered key
#      ("EPISODE #079: ...") titles the article
# 127: a gloss in brackets after a short form ("BCIT (Burnaby Campus)") defines it only when it spells every letter
#      (the library's abbreviations are derived at build time)
# 128: a link sharing the page ("Click To Tweet", a twitter.com/intent link) goes with its words
# 129: an FAQ's question in bold after "Q:" heads its answer
# 130: a caption styled as a picture's ("{: .photo-tag}") goes; an HTML quote's end ends its paragraph; a bold label over
#      a break is a label; a short form two articles spell out two ways, neither in more, is no library abbreviation
# 131: a question-and-answer page keeps its answers, not the asker's post, and is titled by the heading it is named after;
#      a note mark glued to a sentence's stop goes; a callout's title attribute, Go's dates, "Copyright (C)" lines,
#      Bootstrap's "invisible" spans, a summary's label over its list, a bold value its label explains; a short form's
#      plural is indexed as its singular ("CRAs" as "cra")
# 132: a line of dates alone goes once the page is dated; TOML front matter with a field on its opening line; a page's
#      address as its first line is its address; a glossary link in code ("`registered agent|registered-agent`")
# 133: a quiz's unticked options go; a heading's emoji are decoration
# 134: a front matter's summary holding a sentence the text does not opens it; a page's "name" of four words titles it;
#      an outline's bare marker ("A. " on a line of its own) opens the line below it; Markdown comments in front
#      matter; a CMS's "publishedAt" date; a bold figure after its label ("**Total cost: Php 1,060**") is a line
# 135: a title the server writes (PHP in <title>) is none; a list item's number in a span goes; a caption saying where
#      its picture stands ("_At left: ..._") goes
# 136: a table in a Markdown post's HTML with bold or capitals for its header and a title row is read as rows; a bold
#      line with a space inside its marks, or a link in it, is a heading; "by <name>" headings, hard-break backslashes,
#      "(Click to enlarge)" captions, calls to follow an author go; a share link's words stay inside a sentence
# 137: a footer of date lines ("Last Updated: ..." over "Next Update: ...") and a source named in brackets ("[Source: ...]")
#      go
# 138: fences marked as Markdown that hold most of a page are its text; a template's title ("test") is none and a
#      course's "lesson_title" titles its page; "<br>" in a title is a space; a reading-time line and a wiki's
#      "[citation_needed]" go; "+GMT" dates
# 139: an HTML page's text that sits bare between its paragraphs, lists and headings is a paragraph of its own
# 140: a short form written with dots ("Ph.D.", "M.B.A.") is one term of the lexical index ("phd"), not its letters
# 141: a video's time marks ("[00:01:53]") go
# 142: a WordPress caption box goes whole; bold marked twice over ("****x****") is bold; a day written as an ordinal
#      ("8th July 2018") and a post's name dated with underscores ("2022_04_19_...") date an article
# 143: a paragraph written straight into an HTML <div>, with a bold word in it, is a paragraph
# 144: a reader service's header without front matter is the page's title and address; a caption ending "Image source: X"
#      goes
# 145: UTF-8 read as Latin-1 or Windows-1252 ("â€“") reads as written ("–")
# 146: a heading written without its space whose words are a link ("##[5. Service Dog Trainer](...)") is a heading
# 147: a writer's SEO notes ("**Target Keyword:** ...", "**Word Count Target:** ...") go; UTF-8 read as Windows-1252, then
#      as the DOS code page ("├óΓé¼Γäó"), reads as written
# 148: a copy's line naming its original under its title ("(original article: https://...)") is its address, not text
# 149: one short question in bold over a list ("**What are the Details?**" over "- $20/hr Guarantee") heads it
# 150: front matter without its opening fence ("title: ..." first, a rule of dashes after it: Hexo) is front matter
# 151: Pandoc's Markdown (a Medium export): heading attributes with a key's value, bracketed spans and three-hyphen
#      dashes read as their words; a post id ending a title goes
# 152: a Hugo shortcode's words (a header's title, an FAQ item's question, a checklist item's label) are read; a language
#      model's "<think>" reasoning goes
# 153: two or more note marks glued to a word before its stop ("auction houses[2][18].") go, not read as a reference link
# 154: a heading's id after its section's number ("5.1.3. {#5_1_3} ...") and bold marks in a heading go
# 155: Nuxt Content's MDC component and slot lines go; lines opening on a star glued to their words are a list
# 156: a job posting's fields (salary, location, benefits, degrees required ...) are read as a "Details" section
# 157: a character written as a JSON escape ("naivet\\u00e9") is that character; plain labels on two lines stay two lines
# 158: a glossary link in code whose slug is one word ("`... (ITIN)|itin`") is its words
# 159: two links with nothing between them are two words apart ("Museums Museum Association", not "MuseumsMuseum")
# 160: a call-to-action link in bold, and "Visit ... here!", standing alone goes
# 161: one note mark glued to a word of three letters or more before its stop ("yet[20].") goes, and a note's number glued
#      after a stop ("workers.1 These ...")
# 162: a photo's "Image titled ..." line, a sentence with Cloudflare's "[email protected]" and a copyright line in capitals go
# 163: a note's mark set apart by a space before a stop or a dash goes where the page keeps no notes ("occupation [1] —")
# 164: a line break inside an HTML heading is a space ("Who's Looking<br>For You.")
CHUNK_TEXT = "text-boxes-164"


def chunking_params(settings: Settings) -> dict:
    return {"chunk_chars": settings.chunk_chars, "sentence_splitter": SPLITTER, "chunk_text": CHUNK_TEXT, "flags": FLAGS_VERSION}


def _shown_params(params: dict) -> str:
    return "(" + ", ".join(f"{k} {v}" for k, v in params.items()) + ")"


@dataclass
class Report:
    """What a build/add/remove changed, for the CLI and UI to print."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    embedded_texts: int = 0
    missing_files: list[str] = field(default_factory=list)  # removed articles whose file was not in the corpus folder
    in_subfolders: list[str] = field(default_factory=list)  # article files below the corpus folder, not read
    skipped: list[str] = field(default_factory=list)  # files a build left out, each with why (build's `skip_unreadable`)
    other_types: list[str] = field(default_factory=list)  # files in the corpus folder of a type no article is read from

    def summary(self) -> str:
        parts = [f"{len(v)} {k}" for k, v in vars(self).items()
                 if isinstance(v, list) and v and k not in ("in_subfolders", "other_types")]
        return ", ".join(parts) or "nothing to do"

    def note(self) -> str:
        """What a user may expect was read and was not, a line each, or ""."""
        lines = [f"skipped {line}" for line in self.skipped]
        if self.other_types:
            # A tester's "page.php" beside the Markdown was left out without a word.
            n = len(self.other_types)
            files = f"{n} files in the corpus folder are" if n > 1 else "1 file in the corpus folder is"
            lines.append(f"note: {files} of a type no article is read from (e.g. {self.other_types[0]}): "
                         f"save articles as {KINDS_NAMED} to include them")
        if not self.in_subfolders:
            return "\n".join(lines)
        n = len(self.in_subfolders)
        files = f"{n} article files in subfolders were" if n > 1 else "1 article file in a subfolder was"
        return "\n".join(lines + [f"note: {files} not read (e.g. {self.in_subfolders[0]}): "
                                   "the library is the corpus folder's own files; move them into it or add them with `index add`"])


LOCK_TIMEOUT = 600.0  # seconds a writer waits for another one (a full rebuild of a large library takes minutes)
WAIT_NOTICE = 1.0  # after this long without the lock, say on stderr that we are waiting (and for how long at most)


@contextmanager
def index_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT):
    """One writer at a time per index folder, across processes (filelock: portable, with a timeout). A writer
    kept waiting says so on stderr; a folder that cannot hold the lock is one line, not a traceback."""
    from filelock import FileLock, Timeout

    index_dir = Path(index_dir)
    if index_dir.exists() and not index_dir.is_dir():
        raise BotError(f"{index_dir} is a file, not an index folder: pass another folder with --index (or BOT_INDEX)")
    lock = FileLock(index_dir / ".lock")
    made = not index_dir.exists()
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        try:
            lock.acquire(timeout=min(timeout, WAIT_NOTICE))
        except Timeout:
            if timeout <= WAIT_NOTICE:
                raise
            print(f"waiting for another process to finish changing {index_dir} (up to {timeout:.0f} s) ...",
                  file=sys.stderr, flush=True)
            lock.acquire(timeout=timeout - WAIT_NOTICE)
    except Timeout:
        raise BotError(
            f"{index_dir} is being changed by another process (still after {timeout:.0f} s): try again when it is done"
        ) from None
    except OSError as e:
        raise BotError(f"cannot lock {index_dir} for a change ({e.strerror or e}): "
                       "it must be a folder this user can write to, on a disk with free space") from None
    try:
        yield
    finally:
        lock.release()
        if made:
            _unmade(index_dir)


def _unmade(index_dir: Path) -> None:
    """Remove a folder this change made when it holds nothing but its lock: a refused first build leaves no
    half-made index folder behind (a tester found one holding only an empty ".lock")."""
    try:
        if [p.name for p in index_dir.iterdir()] == [".lock"]:
            (index_dir / ".lock").unlink()
            index_dir.rmdir()
    except OSError:
        pass  # another writer is using it now: it is theirs


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The article files of a corpus folder (links included, so that a build refuses them by name)."""
    return sorted(p for p in Path(corpus_dir).iterdir() if p.suffix.lower() in SUPPORTED and (p.is_file() or p.is_symlink()))


def files_of_other_types(corpus_dir: Path) -> list[str]:
    """The names of the corpus folder's own files (not hidden ones) that no article is read from ("page.php")."""
    return sorted(p.name for p in Path(corpus_dir).iterdir()
                  if p.suffix.lower() not in SUPPORTED and not p.name.startswith(".") and p.name != DATA_FILE and p.is_file())


SUBFOLDER_FILES_COUNTED = 10_000  # a corpus pointed at a large tree is not walked whole for a note


def files_in_subfolders(corpus_dir: Path) -> list[str]:
    """Article files in the corpus folder's subfolders (not hidden ones), relative, sorted: a build does not read
    them (article ids are file names, and `index add` copies into the folder itself)."""
    found = []
    for folder, dirs, files in os.walk(corpus_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if Path(folder) == Path(corpus_dir):
            continue
        found += [str(Path(folder, f).relative_to(corpus_dir)) for f in sorted(files) if Path(f).suffix.lower() in SUPPORTED]
        if len(found) >= SUBFOLDER_FILES_COUNTED:
            break
    return found


def _embed_many(articles: list[Article], settings: Settings, embedder: Embedder, progress: bool):
    """Encode all articles' texts in one call, so batches stay full and one progress bar covers the build."""
    pieces = [chunk_article(a, settings.chunk_chars) for a in articles]
    texts = []
    for article, (chunks, sentences) in zip(articles, pieces):
        texts += contexts(article, chunks) + [s.text for s in sentences]
    vectors = embedder.encode(texts, settings.batch_size, progress=progress and len(texts) > 256)
    out, at = [], 0
    for article, (chunks, sentences) in zip(articles, pieces):
        n_c, n_s = len(chunks), len(sentences)
        record = ArticleRecord(
            id=article.id, title=article.title, source=article.source, sha256=article.sha256,
            site=article.site, url=article.url, date=article.date, added=now_iso(),
            chunks=n_c, sentences=n_s, abbreviations=defined_abbreviations(article.text),
        )
        out.append((record, chunks, sentences, vectors[at : at + n_c], vectors[at + n_c : at + n_c + n_s]))
        at += n_c + n_s
    return out, len(texts)


def _open_or_empty(settings: Settings, embedder: Embedder, corpus_dir: Path) -> IndexStore:
    """The existing index if it is compatible with this run, else an empty one (a full rebuild)."""
    try:
        store = IndexStore.load(settings.index_dir, embedder.name, embedder.dimension)
        if store.chunking == chunking_params(settings):
            return store.without_damaged()  # a damaged segment's articles are embedded again, not kept
    except BotError:  # missing, built with another model or format, or damaged: start over
        pass
    return IndexStore.empty(embedder.name, embedder.dimension, chunking_params(settings), _rel(corpus_dir, settings.index_dir))


def _rel(corpus_dir: Path, index_dir: Path) -> str:
    return os.path.relpath(Path(corpus_dir).resolve(), Path(index_dir).resolve())


def corpus_folder(settings: Settings, recorded: str = "") -> Path:
    """The article folder: the one given (--corpus, BOT_CORPUS), else the one the index records it was built
    from (relative to the index folder), else corpus/. A recorded folder that is gone is an error, never
    created: a damaged record must not make a change write somewhere else."""
    if settings.corpus_dir is not None:
        return Path(settings.corpus_dir)
    if recorded:
        folder = (Path(settings.index_dir) / str(recorded)).resolve()
        if not folder.is_dir():
            raise BotError(f"{settings.index_dir} was built from the article folder {folder}, which does not exist: "
                           "pass the folder with --corpus DIR (or BOT_CORPUS)")
        return folder
    return DEFAULT_CORPUS


def corpus_dir_of(store: IndexStore, settings: Settings) -> Path:
    """The article folder of `store` under `settings` (see corpus_folder)."""
    return corpus_folder(settings, store.corpus)


def _recorded_corpus(manifest: dict | None) -> str:
    corpus = manifest.get("corpus") if isinstance(manifest, dict) else ""
    return corpus if isinstance(corpus, str) else ""


def build(settings: Settings, embedder: Embedder, progress: bool = False, skip_unreadable: bool = False) -> tuple[IndexStore, Report]:
    """Make the index match the corpus folder; unchanged articles keep their vectors. `skip_unreadable`: files that
    cannot be read are left out and named in the report (`Report.skipped`), not a reason to build nothing."""
    report = Report()
    with index_lock(Path(settings.index_dir)):
        manifest = _manifest_or_none(settings)
        corpus_dir = corpus_folder(settings, _recorded_corpus(manifest))
        if corpus_dir.is_file():
            raise BotError(f"{corpus_dir} is a file, not a folder: give the folder the articles are in (--corpus DIR)")
        if not corpus_dir.is_dir():
            raise BotError(f"no corpus folder {corpus_dir}: create it and put {KINDS_NAMED} articles in it")
        settings = replace(settings, corpus_dir=corpus_dir)
        recover(settings, manifest)
        # Read and check every file first: a bad one does not stop the others being checked, and any bad file
        # stops the build before anything is written, naming them all at once.
        articles, report.skipped = _read_corpus(corpus_files(corpus_dir), settings.max_file_bytes, corpus_dir, skip_unreadable)
        report.in_subfolders = files_in_subfolders(corpus_dir)
        report.other_types = files_of_other_types(corpus_dir)
        library = _overrides(corpus_dir)
        store = _open_or_empty(settings, embedder, corpus_dir)
        changed_library = store.library != library
        store = replace(store, corpus=_rel(corpus_dir, settings.index_dir), library=library)
        wanted = {a.id for a in articles}
        for aid in sorted(set(store.articles) - wanted):
            store = store.without_article(aid)
            report.removed.append(aid)
        todo = []
        for a in articles:
            old = store.articles.get(a.id)
            if old and old.sha256 == a.sha256 and old.source == a.source:
                report.unchanged.append(a.id)
            else:
                (report.updated if old else report.added).append(a.id)
                todo.append(a)
        pieces, report.embedded_texts = _embed_many(todo, settings, embedder, progress)
        for piece in pieces:
            store = store.with_article(*piece)
        if todo or report.removed or changed_library or not (Path(settings.index_dir) / MANIFEST).is_file():
            store = store.save(settings.index_dir)
    return store, report


def add(paths, settings: Settings, embedder: Embedder, store: IndexStore | None = None, progress: bool = False):
    """Copy article files into the corpus and index them; an unchanged file changes nothing."""
    paths = [Path(p) for p in paths]
    # Every file is checked before any write, and a bad one does not stop the others being checked: all the
    # bad ones are named at once, and then none of the files is added.
    articles, errors = _load_all(paths, settings.max_file_bytes)
    conflicts = _conflicts(paths, articles, {})
    if (errors or conflicts) and len(paths) > 1:
        # Nothing will be added: all are checked against the index too (as it is now, read without the lock), so
        # that the next run does not meet a problem this one could have named.
        conflicts = _conflicts(paths, articles, _indexed(settings.index_dir, _manifest_or_none(settings)))
    errors |= conflicts
    _refuse([errors[i] for i in sorted(errors)], len(paths))
    report = Report()
    with index_lock(Path(settings.index_dir)):
        manifest = _manifest_or_none(settings)
        corpus_dir = corpus_folder(settings, _recorded_corpus(manifest))
        settings = replace(settings, corpus_dir=corpus_dir)
        recover(settings, manifest)
        try:
            store = _current(store, settings, embedder, manifest)
        except IndexMissingError:
            _only_if_new(settings)
            store = IndexStore.empty(embedder.name, embedder.dimension, chunking_params(settings))
        if store.chunking != chunking_params(settings):  # chunks made two ways would not match each other
            # A chunk size the user chose is named; the rest is this program's own reading (a tester: "mostly jargon").
            same_size = store.chunking.get("chunk_chars") == settings.chunk_chars
            raise IndexMismatchError(settings.index_dir, "reading" if same_size else "chunking", _shown_params(store.chunking),
                                     _shown_params(chunking_params(settings)))
        if not corpus_dir.is_dir():
            raise BotError(f"no corpus folder {corpus_dir}: create it, or pass the article folder with --corpus DIR")
        store = replace(store, corpus=_rel(corpus_dir, settings.index_dir))
        conflicts = _conflicts(paths, articles, {aid: (r.source, r.sha256, r.title) for aid, r in store.articles.items()})
        _refuse([conflicts[i] for i in sorted(conflicts)], len(paths))
        todo = []
        for path, a in zip(paths, articles):
            old = store.articles.get(a.id)
            if old and old.sha256 == a.sha256:
                report.unchanged.append(a.id)
                continue
            (report.updated if old else report.added).append(a.id)
            todo.append((path, a))
        if todo:
            pieces, report.embedded_texts = _embed_many([a for _, a in todo], settings, embedder, progress)
            for piece in pieces:
                store = store.with_article(*piece)
            staged = []
            try:
                for path, a in todo:
                    staged.append((_stage(path, corpus_dir, "in", a.source), a.source))
                fault("add:staged")
                store = store.save(settings.index_dir)  # the commit point
            except BaseException as e:
                for pending, _ in staged:
                    pending.unlink(missing_ok=True)
                if isinstance(e, OSError):
                    raise _write_error(e, corpus_dir / PENDING) from None
                raise
            fault("add:saved")
            for pending, name in staged:
                os.replace(pending, corpus_dir / name)
            _tidy(corpus_dir / PENDING)
    return store, report


def _tidy(folder: Path) -> None:
    """`folder` (corpus/.pending/) gone once a change has gone through it and left it empty: a tester found it left
    in the corpus folder after every add. Kept while it holds anything: `recover` reads it."""
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty, or gone already


def _named(store: IndexStore, name: str) -> str:
    """The id of the article `name` names: its id, or the file it came from ("electric-cars.md")."""
    if name in store.articles:
        return name
    by_file = [i for i, r in store.articles.items() if r.source == name or r.source == Path(name).name]
    return by_file[0] if len(by_file) == 1 else name


def remove(article: str, settings: Settings, store: IndexStore | None = None, keep: bool = False):
    """Drop an article's chunks and vectors, and its file from the corpus folder. `store`, when given, is
    the index as already loaded (saves reading it again). With `keep`, the file goes to corpus/.removed/
    (never read by a build) so that the removal can be undone by adding it back."""
    report = Report()
    with index_lock(Path(settings.index_dir)):
        manifest = _manifest_or_none(settings)
        corpus_dir = corpus_folder(settings, _recorded_corpus(manifest))
        settings = replace(settings, corpus_dir=corpus_dir)
        recover(settings, manifest)
        store = _current(store, settings, manifest=manifest)
        article = _named(store, article)
        record = store.articles.get(article)
        store = store.without_article(article)  # raises ArticleNotFoundError naming the known ids
        store = replace(store, corpus=_rel(corpus_dir, settings.index_dir))
        source = corpus_dir / record.source
        pending = corpus_dir / PENDING / f"out-{record.source}"
        try:
            if source.is_file():
                pending.parent.mkdir(exist_ok=True)
                os.replace(source, pending)
            else:
                report.missing_files.append(str(source))
            fault("remove:staged")
            store = store.save(settings.index_dir)  # the commit point
        except BaseException as e:
            if pending.exists():
                os.replace(pending, source)
            if isinstance(e, OSError):
                raise _write_error(e, pending.parent) from None
            raise
        fault("remove:saved")
        if keep and pending.exists():
            (corpus_dir / REMOVED).mkdir(exist_ok=True)
            os.replace(pending, corpus_dir / REMOVED / record.source)
            os.utime(corpus_dir / REMOVED / record.source)  # its hour for Undo starts now, not when it was written
        pending.unlink(missing_ok=True)
        _tidy(pending.parent)
        report.removed.append(article)
    return store, report


def prune_removed(corpus_dir: Path, older_than: float = KEEP_REMOVED_SECONDS) -> list[str]:
    """Delete files that have waited in corpus/.removed/ for Undo longer than `older_than` seconds."""
    folder = Path(corpus_dir) / REMOVED
    if not folder.is_dir():
        return []
    gone = []
    for path in folder.iterdir():
        try:
            if path.is_file() and time.time() - path.stat().st_mtime > older_than:
                path.unlink()
                gone.append(path.name)
        except OSError:
            continue  # another process pruned it first, or it cannot be deleted: left for the next pass
    return gone


def _write_error(e: OSError, path: Path) -> BotError:
    """A failed write as one line: a full disk (or no inodes left) says so, anything else names the cause."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(path)
    return BotError(f"cannot write to {path} ({e.strerror or e}); nothing was changed: check its permissions and disk")


def _only_if_new(settings: Settings) -> None:
    """An add without an index starts a new one only where there is nothing to lose: no segment files, no
    manifest in another form (a directory, a dangling link) and no articles in the corpus folder waiting to
    be indexed. Otherwise a missing manifest is damage, and starting over would drop those articles."""
    index_dir, corpus_dir = Path(settings.index_dir), Path(settings.corpus_dir)
    leftovers = [p.name for p in index_dir.iterdir() if p.suffix in SEGMENT_SUFFIXES] if index_dir.is_dir() else []
    manifest = index_dir / MANIFEST
    articles = corpus_files(corpus_dir) if corpus_dir.is_dir() else []
    if leftovers or manifest.is_symlink() or manifest.exists() or articles:
        what = (f"{len(articles)} articles in {corpus_dir}" if articles else f"segment files in {index_dir}")
        raise BotError(f"{index_dir} has no readable {MANIFEST}, but there are {what}: rebuild the index from "
                       f"the articles with `python -m bot index build --index {index_dir}` before adding to it")


def recover(settings: Settings, manifest: dict | None = None) -> list[str]:
    """Finish or undo an add/remove that was interrupted. A file on its way in stays only if the index lists
    it with that sha256 (else it was never committed: the staged copy goes). A file on its way out comes back,
    as it is now (a user's edits included), while the index still lists that article or cannot be read; it is
    deleted only when the committed index no longer lists it. Nothing is ever written over a corpus file. Call
    under the index lock, with `settings.corpus_dir` the folder in use; `manifest`, when given, is the index's
    as just read. Returns what it did, one line each."""
    index_dir = Path(settings.index_dir)
    if manifest is None:
        manifest = _manifest_or_none(settings)
    corpus_dir = Path(settings.corpus_dir) if settings.corpus_dir is not None else corpus_folder(settings, _recorded_corpus(manifest))
    done = []
    if manifest is not None:
        # Segment files a killed save wrote before its manifest swap: nothing names them.
        named = {f for seg in manifest.get("segments", []) for f in seg["files"].values()}
        for path in index_dir.iterdir():
            if path.is_file() and path.suffix in SEGMENT_SUFFIXES and path.name not in named and path.name != MANIFEST:
                path.unlink(missing_ok=True)
                done.append(f"{path.name}: removed, left by an interrupted save")
    folder = corpus_dir / PENDING
    if not folder.is_dir():
        return done
    listed = _listed(index_dir, manifest)  # {source file: sha256}, or None when the index cannot be read
    for pending in sorted(folder.iterdir()):
        direction, _, name = pending.name.partition("-")
        if direction == "out" and (listed is None or name in listed):
            done.append(f"{name}: rolled back an interrupted remove" + _put_back(pending, corpus_dir, name))
        elif direction == "in" and listed is not None and pending.is_file() and listed.get(name) == _sha256(pending):
            os.replace(pending, corpus_dir / name)
            done.append(f"{name}: finished an interrupted add")
        else:
            pending.unlink(missing_ok=True)
            done.append(f"{name}: undid an interrupted {'add' if direction == 'in' else 'remove (finished)'}")
    folder.rmdir()
    return done


def _listed(index_dir: Path, manifest: dict | None) -> dict[str, str] | None:
    """The article files an index lists, with their sha256, or None when it cannot be read (its manifest, as
    read, missing, or a segment's articles file damaged). Read only when a change is to be recovered: the
    records are ~40 MB at 100,000 articles."""
    try:
        return {a["source"]: a["sha256"] for a in live_records(index_dir, manifest)}
    except (BotError, KeyError, TypeError, AttributeError):
        return None


def _put_back(pending: Path, corpus_dir: Path, name: str) -> str:
    """Return a staged file to the corpus; if its name was taken since, to corpus/.removed/ instead."""
    target = corpus_dir / name
    if target.exists() or target.is_symlink():
        (corpus_dir / REMOVED).mkdir(exist_ok=True)
        os.replace(pending, corpus_dir / REMOVED / name)
        return f" (a new {name} stands in the corpus: the old one is kept in {REMOVED}/)"
    os.replace(pending, target)
    return ""


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _manifest_or_none(settings: Settings) -> dict | None:
    """The index's manifest (read once per change; small: the article records are in the segments), or None."""
    try:
        return read_manifest(settings.index_dir)
    except BotError:
        return None


def _current(store: IndexStore | None, settings: Settings, embedder: Embedder | None = None,
             manifest: dict | None = None) -> IndexStore:
    """`store` if it is what is on disk now (`manifest`, as read under the lock), else the index loaded
    afresh (another process may have changed it)."""
    if store is not None:
        on_disk = manifest.get("segments") if manifest is not None else None
        if on_disk is not None and None not in store.segments and on_disk == [seg.as_json() for seg in store.segments]:
            return store
    if embedder is None:
        return IndexStore.load(settings.index_dir, reuse=store)
    return IndexStore.load(settings.index_dir, embedder.name, embedder.dimension, reuse=store)


def stale_articles(settings: Settings) -> list[str]:
    """Why the index at settings.index_dir does not match its corpus folder ([] when it does)."""
    store_manifest = read_manifest(settings.index_dir)
    settings = replace(settings, corpus_dir=corpus_folder(settings, _recorded_corpus(store_manifest)))
    problems = []
    if store_manifest["format_version"] != FORMAT_VERSION:
        problems.append("format version")
    if store_manifest["chunking"] != chunking_params(settings):
        problems.append("chunking parameters")
    indexed = {r["id"]: r["sha256"] for r in live_records(settings.index_dir, store_manifest)}
    on_disk = {article_id(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_files(settings.corpus_dir)}
    for aid in sorted(set(indexed) | set(on_disk)):
        if indexed.get(aid) != on_disk.get(aid):
            problems.append(aid)
    return problems


def _overrides(corpus_dir: Path) -> dict:
    try:
        return read_overrides(corpus_dir)
    except (ValueError, OSError) as e:
        raise BotError(f"{e}: fix or delete it, then run `python -m bot index build` again") from None
    except Exception as e:  # YAML syntax errors come in several types
        raise BotError(f"{Path(corpus_dir) / 'library.yaml'} is not valid YAML ({type(e).__name__}): fix it") from None


def _read_corpus(files: list[Path], max_bytes: int, corpus_dir: Path, skip: bool = False) -> tuple[list[Article], list[str]]:
    """The articles of a corpus folder's files, once every file has been read and checked: none unreadable, no
    two with one id, no text twice under two names. Else an ArticlesError naming every bad file; with `skip`, the
    others, and each bad file's line."""
    articles, errors = _load_all(files, max_bytes)
    errors |= _conflicts(files, articles, {})
    if errors and not skip:
        raise ArticlesError.in_corpus([errors[i] for i in sorted(errors)], corpus_dir)
    return [a for i, a in enumerate(articles) if a is not None and i not in errors], [str(errors[i]) for i in sorted(errors)]


def _load_all(paths: list[Path], max_bytes: int) -> tuple[list[Article | None], dict[int, ArticleError]]:
    """Every file read and checked, a bad one not stopping the rest: the articles by position (None for a file
    that cannot be read), and the error of each such file by position."""
    articles, errors = [], {}
    for i, path in enumerate(paths):
        try:
            article = load_article(path, max_bytes)
            # An article that makes no passage would be listed as added and found by no search, and its record
            # would disagree with the segments (`index check`).
            if not chunk_article(article)[0]:
                raise ArticleError(path, "no passage could be made of it: it has no text outside its headings; put its text under them")
            articles.append(article)
        except ArticleError as e:
            articles.append(None)
            errors[i] = e
    return articles, errors


def _conflicts(paths, articles: list[Article | None], indexed: dict[str, tuple[str, str, str]]) -> dict[int, ArticleError]:
    """The articles (by position; None for a file that could not be read) that share an id with an earlier one,
    duplicate the text of an earlier one or of an indexed one, take the id of an indexed article from another
    file, or would replace an indexed article of another title (another article saved under the same file name,
    not a new version of it), each with its error. `indexed`: {article id: (source file, sha256, title)}."""
    seen: dict[str, str] = {}
    texts = {sha256: aid for aid, (_, sha256, _) in indexed.items()}
    errors = {}
    # Shorter file names first: of two files with the same text, the original is kept, not its copy ("Paralegal.md",
    # not "Paralegal-copy.md", which sorts first: two testers' builds refused the original).
    for i in sorted(range(len(paths)), key=lambda i: (len(Path(paths[i]).name), str(paths[i]))):
        path, a = paths[i], articles[i]
        if a is None:
            continue
        old_source = indexed.get(a.id, (a.source,))[0]
        if a.id in seen:
            errors[i] = ArticleError(path, f"it has the same article id {a.id!r} as {seen[a.id]}; rename one of them")
        elif texts.get(a.sha256, a.id) != a.id:
            errors[i] = ArticleError(path, f"it duplicates article {texts[a.sha256]!r} (the same text); not added")
        elif old_source != a.source:
            errors[i] = ArticleError(path, f"an article with id {a.id!r} already exists from {old_source}; rename the file")
        elif a.id in indexed and indexed[a.id][1] != a.sha256 and _other_title(indexed[a.id][2], a.title):
            errors[i] = ArticleError(path, f"the library already holds another article in {a.source} "
                                           f"(“{indexed[a.id][2]}”, not “{a.title}”); rename your file, or remove "
                                           f"that one first (python -m bot index remove {a.id})")
        else:
            seen[a.id] = a.source
            texts.setdefault(a.sha256, a.id)
    return errors


def _other_title(old: str, new: str) -> bool:
    """Whether a file's new text is another article, not a new version of the one indexed: its title differs."""
    return " ".join(old.lower().split()) != " ".join(new.lower().split())


def _indexed(index_dir: Path, manifest: dict | None) -> dict[str, tuple[str, str, str]]:
    """{article id: (source file, sha256, title)} of an index (its manifest as read), or {} when it cannot be read."""
    try:
        return {a["id"]: (a["source"], a["sha256"], a.get("title", "")) for a in live_records(index_dir, manifest)}
    except (BotError, KeyError, TypeError, AttributeError):
        return {}


def _refuse(errors: list[ArticleError], given: int) -> None:
    """Raise for the files that cannot be added, if any: the error as it is when one file was given, else one
    ArticlesError naming them all and saying that none of the `given` files was added."""
    if errors:
        raise errors[0] if given == 1 else ArticlesError(errors)


def _stage(src: Path, corpus_dir: Path, direction: str, name: str) -> Path:
    """A durable copy of `src` in corpus/.pending/, where no build reads it, until the index commits."""
    folder = corpus_dir / PENDING
    folder.mkdir(parents=True, exist_ok=True)
    pending = folder / f"{direction}-{name}"
    atomic_write(pending, Path(src).read_bytes())
    return pending

