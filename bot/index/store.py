"""The index on disk and in memory: a few segments (see segments.py) listed by manifest.json.

A change touches only its own rows: adding an article writes one small new segment; removing one lists it
as removed in the manifest (its rows stay in their segment's files, hidden, until that segment is rewritten
with more than half of it removed, or merged); small segments are merged once there are more than
MAX_SEGMENTS. manifest.json is replaced atomically last and files it no longer names are deleted only
after that, so a save killed at any point leaves the previous index loadable. Nothing is pickled.
An `IndexStore` is never changed in place: `with_article`/`without_article`/`save` return a new one, so a
reader holding the old store keeps a consistent view. Rows are numbered over the live articles only.
"""

from __future__ import annotations

import errno
import io
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

import numpy as np

from ..chunking import Sentence
from ..config import fault
from ..errors import ArticleNotFoundError, DiskFullError, IndexCorruptError, IndexMismatchError, IndexMissingError
from ..files import atomic_write, fsync_dir
from .rows import Rows
from .segments import ARTICLE, FILES, OPTIONAL, SENTENCES, Digest, Part, Segment, content_name, digest_problem, read_ivf_soon, well_named, write

FORMAT_VERSION = 5  # 2: float16 sentence vectors; 3: segments; 4: layout, term counts, IVF; 5: article records in segments
MANIFEST = "manifest.json"
MAX_SEGMENTS = 8  # beyond this, all segments but the largest are merged into one
SEGMENT_SUFFIXES = (".jsonl", ".npy", ".json", ".faiss", ".tmp")
FULL_CHECK_CHUNKS = 2_000  # segments up to this size have every record and vector checked when opened


@dataclass(frozen=True)
class ArticleRecord:
    """What the index remembers about an article (its text lives in its chunks)."""

    id: str
    title: str
    source: str  # file name in the corpus folder
    sha256: str
    site: str = ""
    url: str = ""
    date: str = ""
    added: str = ""  # ISO time it was first indexed
    chunks: int = 0
    sentences: int = 0
    abbreviations: dict = field(default_factory=dict)  # short forms it defines: {"ai": "artificial intelligence"}


@dataclass(frozen=True, eq=False)
class IndexStore:
    model: str
    dimension: int
    chunking: dict
    corpus: str = ""  # the corpus folder, relative to the index folder when possible
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()
    hidden: tuple[frozenset, ...] = ()  # per part: its articles removed since it was written
    built_at: str = ""
    library: dict = field(default_factory=dict)  # the user's library.yaml as read at build time (see library.py)

    @classmethod
    def empty(cls, model: str, dimension: int, chunking: dict, corpus: str = "") -> "IndexStore":
        return cls(model, dimension, dict(chunking), corpus)

    # ---- the rows, numbered over live articles ---------------------------------------------------

    # Derived once, on first use: functools.cached_property writes the instance's __dict__ itself, so it works on
    # this frozen dataclass, and a store is never changed after it is made (a change makes a new store).

    @cached_property
    def runs(self) -> tuple[tuple[Part, int, int], ...]:
        """(part, first row, end row) of each stretch of live rows, in row order."""
        runs: list[tuple[Part, int, int]] = []
        for part, hidden in zip(self.parts, self.hidden):
            for article, rows in part.article_rows.items():
                if article in hidden:
                    continue
                if runs and runs[-1][0] is part and runs[-1][2] == rows.start:
                    runs[-1] = (part, runs[-1][1], rows.stop)
                else:
                    runs.append((part, rows.start, rows.stop))
        return tuple(runs)

    @cached_property
    def _run_ends(self) -> np.ndarray:
        return np.cumsum([hi - lo for _, lo, hi in self.runs], dtype=np.int64)

    @cached_property
    def _run_table(self) -> tuple[list[int], list[tuple[Part, int]]]:
        """Each run's end row, and its part with the offset from a live row to the part's row. Plain Python: one
        row is located about 150 times an answer, and `bisect` on a list is several times faster than numpy's
        searchsorted on one value (bundled library: ask() about 0.3 ms faster in one paired run)."""
        ends = [int(e) for e in self._run_ends]
        return ends, [(part, lo - (end - (hi - lo))) for (part, lo, hi), end in zip(self.runs, ends)]

    def locate(self, row: int) -> tuple[Part, int]:
        """The part holding chunk `row`, and the row's number in it."""
        ends, parts = self._run_table
        if not 0 <= row < (ends[-1] if ends else 0):
            raise IndexError(row)
        part, offset = parts[bisect_right(ends, row)]
        return part, row + offset

    @property
    def chunks(self) -> "ChunkView":
        return ChunkView(self)

    @property
    def sentences(self) -> "SentenceView":
        return SentenceView(self)

    @cached_property
    def chunk_vectors(self) -> Rows:
        return Rows([p.chunk_vectors[lo:hi] for p, lo, hi in self.runs], self.dimension, np.float32)

    @cached_property
    def sentence_vectors(self) -> Rows:
        return Rows([p.sentence_vectors[int(p.sentence_starts[lo]) : int(p.sentence_starts[hi])] for p, lo, hi in self.runs],
                    self.dimension, np.float16)

    @cached_property
    def mapped_bytes(self) -> int:
        """The size of the files this store reads through memory maps."""
        return sum(p.mapped_bytes for p in self.parts)

    def settle(self) -> None:
        """Wait for the IVFs still being read (IndexStore.load with wait=False); raises IndexCorruptError."""
        for p in self.parts:
            p.settle()

    def verify_in_background(self) -> None:
        """Start checking the large files not yet checked (Part.verify_in_background). Called once a chat is set
        up rather than when the store is opened: on two cores the hashing threads would slow the set-up itself,
        and every file is checked before its first use whether or not a thread has reached it."""
        for p in self.parts:
            p.verify_in_background()

    def release(self) -> None:
        """Drop the resident pages of every mapped file (see `Part.release`); nothing is read again until used."""
        for p in self.parts:
            p.release()

    def column(self, name: int) -> np.ndarray:
        """One layout column (segments.OFFSET ... FLAGS) over the live chunks, in row order."""
        parts = [np.asarray(p.layout[lo:hi, name]) for p, lo, hi in self.runs]
        return np.concatenate(parts) if parts else np.zeros(0, np.int64)

    @cached_property
    def _starts(self) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(self.column(SENTENCES))]).astype(np.int64)

    def sentence_rows(self, i: int) -> range:
        """Rows (in `sentences` and `sentence_vectors`) of chunk `i`'s sentences: each chunk's are contiguous."""
        starts = self._starts
        return range(int(starts[i]), int(starts[i + 1]))

    def sentences_in(self, i: int) -> tuple[Sentence, ...]:
        part, row = self.locate(i)
        return part.sentences_of(row)

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The manifest entries of these parts, when all of them are on disk (else a store not saved yet)."""
        return tuple(replace(p.segment, removed=tuple(sorted(h))) if p.segment else None for p, h in zip(self.parts, self.hidden))

    @property
    def approximate(self) -> bool:
        """Whether any segment is searched by its IVF (approximately) instead of exactly."""
        return any(p.has_ivf for p in self.parts)

    def verify(self) -> None:
        """Check every file of every part against its name now, waiting for any check under way (a file its
        part has found sound is not hashed again). Raises IndexCorruptError naming the first that is not."""
        for part in self.parts:
            part.verify()

    def without_damaged(self) -> "IndexStore":
        """This store less the live articles of every part whose files do not match their names (all checked
        now): what a rebuild can keep of a damaged index, so that it embeds only those articles again."""
        store = self
        for part, hidden in zip(self.parts, self.hidden):
            try:
                part.verify()
            except IndexCorruptError:
                for article in part.article_rows:
                    if article not in hidden:
                        store = store.without_article(article)
        return store

    # ---- changes: each returns a new store -------------------------------------------------

    def without_article(self, article_id: str) -> "IndexStore":
        if article_id not in self.articles:
            raise ArticleNotFoundError(article_id, sorted(self.articles))
        articles = {k: v for k, v in self.articles.items() if k != article_id}
        parts, hidden = [], []
        for part, h in zip(self.parts, self.hidden):
            if article_id in part.article_rows and article_id not in h:
                h = h | {article_id}
                if part.segment is None and set(part.article_rows) <= h:
                    continue  # nothing left of rows never saved
            parts.append(part)
            hidden.append(h)
        return replace(self, articles=articles, parts=tuple(parts), hidden=tuple(hidden))

    def with_article(self, record: ArticleRecord, chunks, sentences, chunk_vectors, sentence_vectors) -> "IndexStore":
        """Add an article, replacing any earlier version of it (so re-adding never duplicates)."""
        base = self.without_article(record.id) if record.id in self.articles else self
        if record.id in self.articles and self.articles[record.id].added:
            record = replace(record, added=self.articles[record.id].added)
        return base.with_articles([record], chunks, sentences, chunk_vectors, sentence_vectors)

    def with_articles(self, records: list[ArticleRecord], chunks, sentences, chunk_vectors, sentence_vectors) -> "IndexStore":
        """Add new articles' rows in one part (in the order of `records`, each article's rows contiguous)."""
        part = Part.in_memory([(r.id, r.sha256) for r in records], list(chunks), list(sentences), chunk_vectors, sentence_vectors)
        articles = dict(self.articles)
        articles.update({r.id: r for r in records})
        return replace(self, articles=articles, parts=self.parts + (part,), hidden=self.hidden + (frozenset(),))

    # ---- saving and loading ----------------------------------------------------------------

    def save(self, index_dir) -> "IndexStore":
        """Write what is not on disk yet as one segment, swap manifest.json in with one atomic rename, then drop
        files nothing names. Returns the store as saved (its parts read from disk)."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        before = {p.name for p in index_dir.iterdir()}
        try:
            return self._save(index_dir)
        except OSError as e:
            # A failed write (a full disk) leaves whichever manifest is on disk in force: drop the files this
            # save wrote that it does not name.
            try:
                named = {f for seg in read_manifest(index_dir).get("segments", []) for f in seg["files"].values()}
            except Exception:
                named = set()
            for path in index_dir.iterdir():
                if path.name not in before and path.name != MANIFEST and path.name not in named:
                    path.unlink(missing_ok=True)
            if e.errno == errno.ENOSPC:
                raise DiskFullError(index_dir) from None
            raise

    def _save(self, index_dir: Path) -> "IndexStore":
        kept, fresh = [], []  # kept: (part, hidden) as they are on disk; fresh: runs to write anew
        for part, hidden in zip(self.parts, self.hidden):
            live = [a for a in part.article_rows if a not in hidden]
            on_disk = part.segment is not None and all((index_dir / f).is_file() for f in part.segment.files.values())
            if not live:
                continue
            if on_disk and 2 * sum(len(part.article_rows[a]) for a in live) >= len(part):
                kept.append((part, hidden))
            else:  # new rows, or a segment mostly removed: its live rows are written again
                fresh += [run for run in self.runs if run[0] is part]
        if len(kept) + bool(fresh) > MAX_SEGMENTS:
            # Merge: keep the largest segment, rewrite every other one together with the new rows.
            largest = max(kept, key=lambda k: len(k[0]))
            fresh = [run for run in self.runs if run[0] is not largest[0]]
            kept = [largest]
        parts = [(part, hidden) for part, hidden in kept]
        if fresh:
            segment = write(index_dir, fresh, lambda stem, suffix, data: _write_named(index_dir, stem, suffix, data))
            records = _records_text([vars(self.articles[a]) for a, _ in segment.articles])
            segment = replace(segment, files={**segment.files, "articles": _write_named(index_dir, *FILES["articles"], records)})
            parts.append((Part.open(index_dir, segment, trusted=True), frozenset()))
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": self.model,
            "dimension": self.dimension,
            "chunking": self.chunking,
            "corpus": self.corpus,
            "built_at": now_iso(),
            "counts": {"articles": len(self.articles), "chunks": len(self.chunks), "sentences": len(self.sentences)},
            "segments": [replace(p.segment, removed=tuple(sorted(h))).as_json() for p, h in parts],
            "library": self.library,
        }
        fault("save:segments")
        atomic_write(index_dir / MANIFEST, _manifest_text(manifest).encode("utf-8"))
        fsync_dir(index_dir)
        keep = {f for p, _ in parts for f in p.segment.files.values()} | {MANIFEST}
        for path in index_dir.iterdir():
            if path.is_file() and path.name not in keep and path.suffix in SEGMENT_SUFFIXES:
                path.unlink(missing_ok=True)
        return replace(self, parts=tuple(p for p, _ in parts), hidden=tuple(h for _, h in parts), built_at=manifest["built_at"])

    @classmethod
    def load(cls, index_dir, model: str | None = None, dimension: int | None = None,
             reuse: "IndexStore | None" = None, wait: bool = True) -> "IndexStore":
        """Open an index (mapping its files) and check it; `model`/`dimension`, when given, must match what it
        was built with. Segments `reuse` already has open are taken from it, with what was built from them.
        Without `wait` an IVF may still be being read when this returns: `settle` (or its first use) waits."""
        index_dir = Path(index_dir)
        manifest = read_manifest(index_dir)
        if model is not None and manifest["model"] != model:
            raise IndexMismatchError(index_dir, "model", manifest["model"], model)
        if dimension is not None and manifest["dimension"] != dimension:
            raise IndexMismatchError(index_dir, "dimension", manifest["dimension"], dimension)
        try:
            have = {tuple(sorted(p.segment.files.items())): p for p in (reuse.parts if reuse else ()) if p.segment}
            # The IVFs are read while the records are (see read_ivf_soon).
            ivf_reads = {i: read_ivf_soon(index_dir / d["files"]["chunk_ivf"]) for i, d in enumerate(manifest["segments"])
                         if "chunk_ivf" in d["files"] and tuple(sorted(d["files"].items())) not in have}
            records = [segment_records(index_dir, d) for d in manifest["segments"]]
            segments = [Segment.from_json(d, [(r["id"], r["sha256"]) for r in recs]) for d, recs in zip(manifest["segments"], records)]
            articles = {r["id"]: _record(r) for recs, seg in zip(records, segments) for r in recs if r["id"] not in seg.removed}
            parts = tuple(have.get(tuple(sorted(seg.files.items()))) or Part.open(index_dir, seg, ivf_read=ivf_reads.get(i))
                          for i, seg in enumerate(segments))
            for part, seg in zip(parts, segments):
                _check_part(part, seg, manifest["dimension"])
            live = [a for part, seg in zip(parts, segments) for a in part.article_rows if a not in seg.removed]
        except (OSError, KeyError, TypeError, ValueError, RuntimeError, AttributeError, RecursionError, IndexError) as e:
            # np.load names allow_pickle for files that are no .npy at all: say what is wrong instead.
            reason = "a vector file is not a valid .npy array" if "allow_pickle" in str(e) else f"{type(e).__name__}: {e}"
            raise IndexCorruptError(index_dir, reason) from None
        if len(live) != len(set(live)) or set(live) != set(articles):
            raise IndexCorruptError(index_dir, "the segments and the article list name different articles")
        store = cls(
            manifest["model"], manifest["dimension"], manifest["chunking"], manifest.get("corpus", ""), articles, parts,
            tuple(frozenset(seg.removed) for seg in segments), manifest.get("built_at", ""), manifest.get("library") or {},
        )
        if wait:
            store.settle()
        return store


def segment_records(index_dir: Path, entry: dict) -> list[dict]:
    """The article records of one segment (an entry of the manifest's "segments"), in row order, from its articles
    file: checked against its name and the record schema. Raises IndexCorruptError naming the file."""
    records, problem = read_records(index_dir, entry)
    if problem:
        raise IndexCorruptError(index_dir, problem)
    return records


def read_records(index_dir: Path, entry: dict) -> tuple[list[dict], str]:
    """(records, '') as segment_records gives them, or ([], what is wrong with the articles file)."""
    name = entry["files"]["articles"]
    try:
        data = (Path(index_dir) / name).read_bytes()
    except OSError as e:
        return [], f"{name} cannot be read ({e.strerror or type(e).__name__})"
    problem = digest_problem(io.BytesIO(data), name)
    if problem:
        return [], problem
    try:
        records = json.loads(data)
    except (ValueError, RecursionError) as e:
        return [], f"{name} is not JSON ({type(e).__name__})"
    problem = records_problem(name, records, entry["articles"])
    if not problem and not set(entry.get("removed", ())) <= {r["id"] for r in records}:
        stray = sorted(set(entry["removed"]) - {r["id"] for r in records})[0]
        problem = f"{MANIFEST}: a segment's removed list names {_shown(stray)}, an article the segment does not hold"
    return ([], problem) if problem else (records, "")


def _record(checked: dict) -> ArticleRecord:
    """`ArticleRecord(**checked)` for a record records_problem found sound (every field, of its type), without
    the frozen dataclass's __init__, which sets each field through object.__setattr__: a third of the time for
    the 100,000 records a load reads (0.34 against 1.03 s, measured on a busy machine)."""
    record = object.__new__(ArticleRecord)
    record.__dict__.update(checked)
    return record


def live_records(index_dir, manifest: dict) -> list[dict]:
    """The records of every article an index (its manifest as read) holds live, segment by segment."""
    return [r for entry in manifest["segments"] for r in segment_records(Path(index_dir), entry)
            if r["id"] not in entry.get("removed", ())]


def _check_part(part: Part, segment: Segment, dimension: int) -> None:
    """What loading checks of one part beyond its files fitting together (Part.check): the vectors' width, the
    removed articles, and either every file's digest, record and vector now (a segment of up to
    FULL_CHECK_CHUNKS) or, for a larger one, each file's digest before its first use (`verify_in_background`
    starts on them early)."""
    if part.dimension != dimension:
        raise ValueError(f"a vector file has rows of {part.dimension} numbers, not {dimension}")
    if not set(segment.removed) <= set(part.article_rows):
        raise ValueError("a segment lists as removed an article it holds no rows of")
    if len(part) <= FULL_CHECK_CHUNKS:
        part.verify()
        _check_fully(part)


def _check_fully(part: Part) -> None:
    """Every record parses and fits its offsets, every vector is a finite number (raises ValueError)."""
    for i in range(len(part)):
        chunk, sentences = part.record(i)
        if len(sentences) != int(part.layout[i, SENTENCES]) or chunk.article_id != part.articles[int(part.layout[i, ARTICLE])][0]:
            raise ValueError("a chunk record does not match its layout")
    for v in (part.chunk_vectors, part.sentence_vectors):
        # NaN or infinite values would answer as if normal; one pass over the rows (float64 sum).
        if len(v) and not np.isfinite(v.sum(dtype=np.float64)):
            raise ValueError("a vector file holds values that are not finite numbers")


class ChunkView:
    """The live chunks of a store as a read-only sequence; records are parsed when asked for."""

    def __init__(self, store: IndexStore):
        self.store = store

    def __len__(self) -> int:
        ends = self.store._run_ends
        return int(ends[-1]) if len(ends) else 0

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        i = int(key) + (len(self) if key < 0 else 0)
        part, row = self.store.locate(i)
        return part.chunk(row)

    def __iter__(self):
        for part, lo, hi in self.store.runs:
            for row in range(lo, hi):
                yield part.chunk(row)

    def __bool__(self) -> bool:
        return len(self) > 0


class SentenceView:
    """The live sentences of a store, in chunk order, as a read-only sequence."""

    def __init__(self, store: IndexStore):
        self.store = store

    def __len__(self) -> int:
        return int(self.store._starts[-1])

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        s = int(key) + (len(self) if key < 0 else 0)
        if not 0 <= s < len(self):
            raise IndexError(key)
        starts = self.store._starts
        c = int(np.searchsorted(starts, s, side="right")) - 1
        return self.store.sentences_in(c)[s - int(starts[c])]

    def __iter__(self):
        for part, lo, hi in self.store.runs:
            for row in range(lo, hi):
                yield from part.sentences_of(row)

    def __bool__(self) -> bool:
        return len(self) > 0


def _holds_articles(folder: Path) -> bool:
    """Whether `folder` holds article files (its first hundred entries looked at): an article folder given as the index."""
    from ..ingest import SUPPORTED

    try:
        return folder.is_dir() and any(p.suffix.lower() in SUPPORTED for p, _ in zip(folder.iterdir(), range(100)))
    except OSError:
        return False


def read_manifest(index_dir) -> dict:
    index_dir = Path(index_dir)
    path = index_dir / MANIFEST
    if not path.is_file():
        raise IndexMissingError(index_dir, _holds_articles(index_dir))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as e:
        raise IndexCorruptError(index_dir, f"manifest.json unreadable: {type(e).__name__}") from None
    if not isinstance(manifest, dict):
        raise IndexCorruptError(index_dir, f"manifest.json holds {type(manifest).__name__}, not an object")
    version = manifest.get("format_version")
    if not isinstance(version, (int, float)) or isinstance(version, bool):
        raise IndexCorruptError(index_dir, f"manifest.json: format_version is {_shown(version)}, not a number")
    if version != FORMAT_VERSION:
        raise IndexMismatchError(index_dir, "format version", version, FORMAT_VERSION)
    problem = manifest_problem(manifest)
    if problem:
        raise IndexCorruptError(index_dir, f"manifest.json: {problem}")
    return manifest


# ---- the manifest's schema: the type of every field the code reads -----------------------------------


def manifest_problem(manifest: dict) -> str:
    """The first field of a manifest (of this format version) that is not of the type the code reads it as,
    as "where is what, not what it should be"; '' when there is none. Checks types and references within the
    manifest, not the segment files."""
    return next(_manifest_problems(manifest), "")


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _count(v) -> bool:
    return _is_int(v) and v >= 0


_PLAIN_NAME = re.compile(r"(?!\.\.?\Z)[^/\\\0]+\Z")


def _plain_name(v) -> bool:
    """A file name with no folder in it (articles' `source` is joined to the corpus folder, then moved)."""
    return isinstance(v, str) and _PLAIN_NAME.match(v) is not None


def _scalar(v) -> bool:
    return isinstance(v, (str, int, float))  # what library.py turns into text with str()


_RECORD_TYPES = {"str": str, "int": int, "dict": dict}
RECORD_FIELDS = {f.name: _RECORD_TYPES[f.type] for f in fields(ArticleRecord)}
_NAMES, _TYPES = tuple(RECORD_FIELDS), tuple(RECORD_FIELDS.values())
_TOP = (  # key, required, test, what it must be
    ("model", True, lambda v: isinstance(v, str) and v != "", "a model name"),
    ("dimension", True, lambda v: _is_int(v) and v > 0, "a positive whole number"),
    ("chunking", True, lambda v: isinstance(v, dict) and _is_int(v.get("chunk_chars")) and v["chunk_chars"] > 0
     and isinstance(v.get("sentence_splitter"), str), "an object of chunk_chars and sentence_splitter"),
    ("corpus", False, lambda v: isinstance(v, str), "a folder name"),
    ("built_at", False, lambda v: isinstance(v, str), "a time as text"),
    ("counts", True, lambda v: isinstance(v, dict) and set(v) == {"articles", "chunks", "sentences"}
     and all(_count(n) for n in v.values()), "an object of articles, chunks and sentences counts"),
    ("segments", True, lambda v: isinstance(v, list), "a list of segments"),
    ("library", False, lambda v: v is None or isinstance(v, dict), "an object"),
)


def _manifest_problems(m: dict):
    top = [f"{key} is {_shown(m[key])}, not {expected}" if key in m else f"{key} is missing"
           for key, required, test, expected in _TOP if (key in m and not test(m[key])) or (key not in m and required)]
    if top:  # what follows reads these fields
        yield from top
        return
    for i, segment in enumerate(m["segments"]):
        yield from _segment_problems(f"segments[{i}]", segment)
    yield from _library_problems(m.get("library") or {})


def records_problem(name: str, records, count: int) -> str:
    """What is wrong with the parsed articles file `name` of a segment the manifest says holds `count` articles
    ('' when nothing is): a list of that many article records, each field of the type the code reads it as."""
    if not isinstance(records, list) or len(records) != count:
        return f"{name} holds {_shown(records)}, not a list of the segment's {count} article records"
    if all(map(_record_sound, records)):
        return ""
    return next((p for i, r in enumerate(records) for p in _record_problems(f"{name}[{i}]", r)), "")


def _record_sound(r) -> bool:
    """_record_problems's verdict, quickly (100,000 records are read on a load), for records with their
    fields in the order they are written; the slow one below then says what is wrong, if anything."""
    return (type(r) is dict and tuple(r) == _NAMES and tuple(map(type, r.values())) == _TYPES
            and r["chunks"] >= 0 and r["sentences"] >= 0 and _plain_name(r["source"])
            and set(map(type, r["abbreviations"].values())) <= {str})


def _record_problems(where: str, record):
    if not isinstance(record, dict) or set(record) != set(RECORD_FIELDS):
        yield f"{where} is {_shown(record)}, not a record of {', '.join(RECORD_FIELDS)}"
        return
    for name, kind in RECORD_FIELDS.items():
        value = record[name]
        if not (_count(value) if kind is int else isinstance(value, kind)):
            yield f"{where}.{name} is {_shown(value)}, not {'a count' if kind is int else kind.__name__}"
    if not _plain_name(record["source"]):
        yield f"{where}.source is {_shown(record['source'])}, not a file name"
    if not all(isinstance(v, str) for v in record["abbreviations"].values()):
        yield f"{where}.abbreviations is {_shown(record['abbreviations'])}, not a mapping of strings"


def _segment_problems(where: str, seg):
    keys = {"files", "articles", "chunks", "sentences", "removed"}
    if not isinstance(seg, dict) or not {"files", "articles", "chunks", "sentences"} <= set(seg) <= keys:
        yield f"{where} is {_shown(seg)}, not an object of files, articles, chunks, sentences and removed"
        return
    files = seg["files"]
    if not isinstance(files, dict) or not set(FILES) - OPTIONAL <= set(files) <= set(FILES):
        yield f"{where}.files is {_shown(files)}, not an object naming {', '.join(sorted(set(FILES) - OPTIONAL))}"
        return
    for kind, name in files.items():
        if not well_named(kind, name):
            yield f"{where}.files.{kind} is {_shown(name)}, not a {FILES[kind][0]}-<digest>{FILES[kind][1]} file name"
    for name in ("articles", "chunks", "sentences"):  # the articles themselves are in its articles file
        if not _count(seg[name]):
            yield f"{where}.{name} is {_shown(seg[name])}, not a count"
    removed = seg.get("removed", [])
    if not isinstance(removed, list) or not all(isinstance(a, str) for a in removed) or len(set(removed)) != len(removed):
        yield f"{where}.removed is {_shown(removed)}, not a list of article ids"


def _library_problems(library: dict):
    allowed = {"subject", "examples", "abbreviations"}
    if set(library) - allowed:
        yield f"library has {_shown(sorted(set(library) - allowed))}, not only {', '.join(sorted(allowed))}"
    if "subject" in library and not (library["subject"] is None or _scalar(library["subject"])):
        yield f"library.subject is {_shown(library['subject'])}, not text"
    examples = library.get("examples")
    if examples is not None and not (isinstance(examples, list) and all(_scalar(q) for q in examples)):
        yield f"library.examples is {_shown(examples)}, not a list of questions"
    abbreviations = library.get("abbreviations")
    if abbreviations is not None and not (isinstance(abbreviations, dict) and all(_scalar(v) for v in abbreviations.values())):
        yield f"library.abbreviations is {_shown(abbreviations)}, not a mapping of strings"


def _manifest_text(manifest: dict) -> str:
    """manifest.json with one line per key and segment: readable and diffable, and written by json's C encoder
    (an indented dump goes through its pure-Python one)."""
    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in manifest.items():
        if key == "segments" and value:
            lines.append(f" {one(key)}: [\n" + ",\n".join(f"  {one(v)}" for v in value) + "\n ]")
        else:
            lines.append(f" {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _records_text(records: list[dict]) -> bytes:
    """A segment's articles file: a JSON list with one record a line (json's C encoder, as for the manifest)."""
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    return f"[\n{lines}\n]\n".encode("utf-8")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_named(index_dir: Path, stem: str, suffix: str, data: bytes) -> str:
    name = content_name(stem, suffix, data)
    path = index_dir / name
    # A file already of that name is kept only when it still holds these bytes: rebuilding a damaged index
    # writes the same names, and must replace the damaged files, not keep them.
    if not path.is_file() or Digest(path).problem():
        atomic_write(path, data)
    return name
