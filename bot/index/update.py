"""Build, add to and remove from an index: corpus files -> articles -> chunks -> vectors -> store.

`corpus/` is the source of truth: `build` makes the index match it, embedding only new or changed
files (by sha256); `add` copies a file into the corpus and indexes it; `remove` drops an article's
vectors and its corpus file. Every file is checked before anything is written, so a bad file leaves
both the corpus and the index as they were.

`add` and `remove` change both folders as one transaction: the corpus files go through `corpus/.pending/`
(never read by a build), the manifest swap is the commit, and whatever a kill or a full disk interrupts is
rolled forward or back by the next build, add or remove (`recover`), so corpus and index are always both old
or both new.
"""

from __future__ import annotations

import errno
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..chunking import chunk_article
from ..config import Settings
from ..embedding import Embedder
from ..errors import ArticleError, BotError, IndexMissingError
from ..ingest import SUPPORTED, Article, article_id, load_article
from ..library import defined_abbreviations, read_overrides
from ..errors import DiskFullError
from ..config import fault
from ..files import atomic_write
from .store import FORMAT_VERSION, SEGMENT_SUFFIXES, ArticleRecord, IndexStore, now_iso, read_manifest

PENDING = ".pending"  # in the corpus folder: files on their way in ("in-NAME") or out ("out-NAME")
REMOVED = ".removed"  # in the corpus folder: files removed from the web app, kept until the removal is undone
SPLITTER = "pysbd-0.3+glued"  # recorded in the manifest: other sentence boundaries mean other ids


def chunking_params(settings: Settings) -> dict:
    return {"chunk_chars": settings.chunk_chars, "sentence_splitter": SPLITTER}


@dataclass
class Report:
    """What a build/add/remove changed, for the CLI and UI to print."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    embedded_texts: int = 0

    def summary(self) -> str:
        parts = [f"{len(v)} {k}" for k, v in vars(self).items() if isinstance(v, list) and v]
        return ", ".join(parts) or "nothing to do"


LOCK_TIMEOUT = 600.0  # seconds a writer waits for another one (a full rebuild of a large library takes minutes)


@contextmanager
def index_lock(index_dir: Path, timeout: float = LOCK_TIMEOUT):
    """One writer at a time per index folder, across processes (filelock: portable, with a timeout)."""
    from filelock import FileLock, Timeout

    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(index_dir / ".lock")
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        raise BotError(
            f"{index_dir} is being changed by another process (still after {timeout:.0f} s): try again when it is done"
        ) from None
    try:
        yield
    finally:
        lock.release()


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The article files of a corpus folder (links included, so that a build refuses them by name)."""
    return sorted(p for p in Path(corpus_dir).iterdir() if p.suffix.lower() in SUPPORTED and (p.is_file() or p.is_symlink()))


def _embed_many(articles: list[Article], settings: Settings, embedder: Embedder, progress: bool):
    """Encode all articles' texts in one call, so batches stay full and one progress bar covers the build."""
    pieces = [chunk_article(a, settings.chunk_chars) for a in articles]
    texts = []
    for chunks, sentences in pieces:
        texts += [c.embed_text for c in chunks] + [s.text for s in sentences]
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
            return store
    except BotError:  # missing, built with another model or format, or damaged: start over
        pass
    return IndexStore.empty(embedder.name, embedder.dimension, chunking_params(settings), _rel(corpus_dir, settings.index_dir))


def _rel(corpus_dir: Path, index_dir: Path) -> str:
    return os.path.relpath(Path(corpus_dir).resolve(), Path(index_dir).resolve())


def corpus_dir_of(store: IndexStore, settings: Settings) -> Path:
    """The corpus folder an index was built from (recorded relative to the index folder)."""
    if store.corpus:
        return (Path(settings.index_dir) / store.corpus).resolve()
    return Path(settings.corpus_dir)


def build(settings: Settings, embedder: Embedder, progress: bool = False) -> tuple[IndexStore, Report]:
    """Make the index match the corpus folder; unchanged articles keep their vectors."""
    corpus_dir = Path(settings.corpus_dir)
    if not corpus_dir.is_dir():
        raise BotError(f"no corpus folder {corpus_dir}: create it and put .md, .txt, .html or .pdf articles in it")
    report = Report()
    with index_lock(Path(settings.index_dir)):
        recover(settings)
        # Read every file first: one bad file stops the build before anything is written.
        articles = [load_article(p, settings.max_file_bytes) for p in corpus_files(corpus_dir)]
        _check_unique(articles)
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
        if todo or report.removed or changed_library or not (Path(settings.index_dir) / "manifest.json").exists():
            store = store.save(settings.index_dir)
    return store, report


def add(paths, settings: Settings, embedder: Embedder, store: IndexStore | None = None, progress: bool = False):
    """Copy article files into the corpus and index them; an unchanged file changes nothing."""
    paths = [Path(p) for p in paths]
    articles = [load_article(p, settings.max_file_bytes) for p in paths]  # all checked before any write
    _check_unique(articles)
    report = Report()
    with index_lock(Path(settings.index_dir)):
        manifest = _manifest_or_none(settings)
        recover(settings, manifest)
        try:
            store = _current(store, settings, embedder, manifest)
        except IndexMissingError:
            store = IndexStore.empty(
                embedder.name, embedder.dimension, chunking_params(settings), _rel(settings.corpus_dir, settings.index_dir)
            )
        corpus_dir = corpus_dir_of(store, settings)
        _check_unique(articles, store)
        todo = []
        for path, a in zip(paths, articles):
            old = store.articles.get(a.id)
            if old and old.source != a.source:
                raise ArticleError(path, f"an article with id {a.id!r} already exists from {old.source}; rename the file")
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
                if isinstance(e, OSError) and e.errno == errno.ENOSPC:
                    raise DiskFullError(corpus_dir / PENDING) from None
                raise
            fault("add:saved")
            for pending, name in staged:
                os.replace(pending, corpus_dir / name)
    return store, report


def remove(article: str, settings: Settings, store: IndexStore | None = None, keep: bool = False):
    """Drop an article's chunks and vectors, and its file from the corpus folder. `store`, when given, is
    the index as already loaded (saves reading it again). With `keep`, the file goes to corpus/.removed/
    (never read by a build) so that the removal can be undone by adding it back."""
    report = Report()
    with index_lock(Path(settings.index_dir)):
        manifest = _manifest_or_none(settings)
        recover(settings, manifest)
        store = _current(store, settings, manifest=manifest)
        record = store.articles.get(article)
        store = store.without_article(article)  # raises ArticleNotFoundError naming the known ids
        corpus_dir = corpus_dir_of(store, settings)
        source = corpus_dir / record.source
        pending = corpus_dir / PENDING / f"out-{record.source}"
        if source.is_file():
            pending.parent.mkdir(exist_ok=True)
            os.replace(source, pending)
        fault("remove:staged")
        try:
            store = store.save(settings.index_dir)  # the commit point
        except BaseException:
            if pending.exists():
                os.replace(pending, source)
            raise
        fault("remove:saved")
        if keep and pending.exists():
            (corpus_dir / REMOVED).mkdir(exist_ok=True)
            os.replace(pending, corpus_dir / REMOVED / record.source)
        pending.unlink(missing_ok=True)
        report.removed.append(article)
    return store, report


def recover(settings: Settings, manifest: dict | None = None) -> list[str]:
    """Finish or undo an add/remove that was interrupted: a file on its way in stays only if the index lists
    it (with its sha256), a file on its way out comes back only if the index still lists it. Call under the
    index lock; `manifest`, when given, is the index's as just read. Returns what it did, one line each."""
    corpus_dir = Path(settings.corpus_dir)
    try:
        manifest = manifest if manifest is not None else read_manifest(settings.index_dir)
        corpus_dir = (Path(settings.index_dir) / manifest["corpus"]).resolve() if manifest.get("corpus") else corpus_dir
        listed = {(a["source"], a["sha256"]) for a in manifest["articles"].values()}
    except (BotError, KeyError, TypeError, AttributeError):
        listed = set()
    done = []
    index_dir = Path(settings.index_dir)
    if listed or (index_dir / "manifest.json").is_file():
        # Segment files a killed save wrote before its manifest swap: nothing names them.
        named = {f for seg in manifest.get("segments", []) for f in seg["files"].values()} if listed else None
        for path in index_dir.iterdir() if named is not None else ():
            if path.is_file() and path.suffix in SEGMENT_SUFFIXES and path.name not in named and path.name != "manifest.json":
                path.unlink(missing_ok=True)
                done.append(f"{path.name}: removed, left by an interrupted save")
    folder = corpus_dir / PENDING
    if not folder.is_dir():
        return done
    for pending in sorted(folder.iterdir()):
        direction, _, name = pending.name.partition("-")
        digest = hashlib.sha256(pending.read_bytes()).hexdigest() if pending.is_file() else ""
        if (name, digest) in listed:
            os.replace(pending, corpus_dir / name)
            done.append(f"{name}: finished an interrupted {'add' if direction == 'in' else 'remove (rolled back)'}")
        else:
            pending.unlink(missing_ok=True)
            done.append(f"{name}: undid an interrupted {'add' if direction == 'in' else 'remove (finished)'}")
    folder.rmdir()
    return done


def _manifest_or_none(settings: Settings) -> dict | None:
    """The index's manifest (read once per change: at 10,000 articles it is ~5 MB of JSON), or None."""
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
    """Why the index at settings.index_dir does not match settings.corpus_dir ([] when it does)."""
    store_manifest = read_manifest(settings.index_dir)
    problems = []
    if store_manifest["format_version"] != FORMAT_VERSION:
        problems.append("format version")
    if store_manifest["chunking"] != chunking_params(settings):
        problems.append("chunking parameters")
    indexed = {k: v["sha256"] for k, v in store_manifest["articles"].items()}
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


def _check_unique(articles: list[Article], store: IndexStore | None = None) -> None:
    """No two articles with one id, and no article twice under two names (same text, same sha256)."""
    seen: dict[str, str] = {}
    texts: dict[str, str] = {a.sha256: a.id for a in store.articles.values()} if store is not None else {}
    for a in articles:
        if a.id in seen:
            raise ArticleError(a.source, f"it has the same article id {a.id!r} as {seen[a.id]}; rename one of them")
        if texts.get(a.sha256, a.id) != a.id:
            raise ArticleError(a.source, f"it duplicates article {texts[a.sha256]!r} (the same text); not added")
        seen[a.id] = a.source
        texts.setdefault(a.sha256, a.id)


def _stage(src: Path, corpus_dir: Path, direction: str, name: str) -> Path:
    """A durable copy of `src` in corpus/.pending/, where no build reads it, until the index commits."""
    folder = corpus_dir / PENDING
    folder.mkdir(parents=True, exist_ok=True)
    pending = folder / f"{direction}-{name}"
    atomic_write(pending, Path(src).read_bytes())
    return pending

