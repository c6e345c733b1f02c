"""The index on disk and in memory: segments of chunk/sentence records (JSONL) and vectors (.npy), manifest.json.

On disk the index is a few segments, each a group of whole articles in three files named after a hash
of their content; `manifest.json` lists them and is replaced atomically last, and files it no longer
names are deleted only after that. So a build killed at any point leaves the previous index loadable.
Adding an article writes one small new segment (not the whole index); removing one rewrites only the
segment that held it; small segments are merged once there are more than MAX_SEGMENTS. Nothing is pickled.
An `IndexStore` is never changed in place: `with_article`/`without_article` return a new one, so a
reader holding the old store keeps a consistent view.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .chunking import Chunk, Sentence
from .rows import Rows
from .errors import ArticleNotFoundError, DiskFullError, IndexCorruptError, IndexMismatchError, IndexMissingError

FORMAT_VERSION = 3  # 2: sentence vectors as float16 .npy; 3: segments
MANIFEST = "manifest.json"
MAX_SEGMENTS = 8  # beyond this, all segments but the largest are merged into one


@dataclass(frozen=True)
class Segment:
    """One group of articles on disk: which files, and which article versions they hold (in row order)."""

    files: dict  # {"chunks": name, "chunk_vectors": name, "sentence_vectors": name}
    articles: tuple[tuple[str, str], ...]  # (article id, sha256)
    chunks: int
    sentences: int

    def as_json(self) -> dict:
        return {"files": self.files, "articles": [list(a) for a in self.articles], "chunks": self.chunks,
                "sentences": self.sentences}

    @classmethod
    def from_json(cls, d: dict) -> "Segment":
        return cls(dict(d["files"]), tuple((a, h) for a, h in d["articles"]), int(d["chunks"]), int(d["sentences"]))


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
    chunks: tuple[Chunk, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    chunk_vectors: Rows | None = None  # (len(chunks), dimension), unit rows, float32
    sentence_vectors: Rows | None = None  # (len(sentences), dimension), unit rows, float16
    built_at: str = ""
    segments: tuple[Segment, ...] = ()  # the segments on disk these rows were loaded from or saved as
    library: dict = field(default_factory=dict)  # the user's library.yaml as read at build time (see library.py)

    def __post_init__(self):
        # Plain arrays are accepted (tests, the benchmark's synthetic stores) and wrapped.
        for name in ("chunk_vectors", "sentence_vectors"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Rows):
                object.__setattr__(self, name, Rows.of(np.asarray(value)))

    @classmethod
    def empty(cls, model: str, dimension: int, chunking: dict, corpus: str = "") -> "IndexStore":
        return cls(model, dimension, dict(chunking), corpus, {}, (), (), Rows([], dimension, np.float32),
                   Rows([], dimension, np.float16))

    # ---- changes: each returns a new store -------------------------------------------------

    def without_article(self, article_id: str) -> "IndexStore":
        if article_id not in self.articles:
            raise ArticleNotFoundError(article_id, sorted(self.articles))
        rows = self._article_rows()[article_id]  # contiguous: an article is always added whole
        starts = self._starts
        first, last = int(starts[rows.start]), int(starts[rows.stop])
        articles = {k: v for k, v in self.articles.items() if k != article_id}
        return self._replace(
            articles=articles,
            chunks=self.chunks[: rows.start] + self.chunks[rows.stop :],
            sentences=self.sentences[:first] + self.sentences[last:],
            chunk_vectors=self.chunk_vectors.without(rows.start, rows.stop),
            sentence_vectors=self.sentence_vectors.without(first, last),
        )

    def with_article(self, record: ArticleRecord, chunks, sentences, chunk_vectors, sentence_vectors) -> "IndexStore":
        """Add an article, replacing any earlier version of it (so re-adding never duplicates)."""
        base = self.without_article(record.id) if record.id in self.articles else self
        if record.id in self.articles and self.articles[record.id].added:
            record = _replace_record(record, added=self.articles[record.id].added)
        articles = dict(base.articles)
        articles[record.id] = record
        return base._replace(
            articles=articles,
            chunks=base.chunks + tuple(chunks),
            sentences=base.sentences + tuple(sentences),
            chunk_vectors=base.chunk_vectors.appended(chunk_vectors),
            sentence_vectors=base.sentence_vectors.appended(sentence_vectors),
        )

    def _replace(self, **changes) -> "IndexStore":
        from dataclasses import replace

        return replace(self, **changes)

    # ---- saving and loading ----------------------------------------------------------------

    def save(self, index_dir) -> None:
        """Write the segments that changed, then swap manifest.json in with one atomic rename, then drop stale files.

        A segment whose articles are all still here, unchanged, is kept as it is on disk.
        """
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        before = {p.name for p in index_dir.iterdir()}
        try:
            self._save(index_dir)
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

    def _save(self, index_dir: Path) -> None:
        rows = self._article_rows()
        kept = [
            seg for seg in self.segments
            if all(a in self.articles and self.articles[a].sha256 == h for a, h in seg.articles)
            and all((index_dir / f).is_file() for f in seg.files.values())
        ]
        covered = {a for seg in kept for a, _ in seg.articles}
        fresh = [a for a in rows if a not in covered]  # row order
        if len(kept) + bool(fresh) > MAX_SEGMENTS:
            # Merge: keep the largest segment, rewrite every other one together with the new articles.
            largest = max(kept, key=lambda seg: seg.chunks)
            fresh = [a for a in rows if a not in {x for x, _ in largest.articles}]
            kept = [largest]
        segments = kept + ([self._write_segment(index_dir, fresh, rows)] if fresh else [])
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": self.model,
            "dimension": self.dimension,
            "chunking": self.chunking,
            "corpus": self.corpus,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "counts": {"articles": len(self.articles), "chunks": len(self.chunks), "sentences": len(self.sentences)},
            "articles": {k: vars(v) for k, v in sorted(self.articles.items())},
            "segments": [seg.as_json() for seg in segments],
            "library": self.library,
        }
        fault("save:segments")
        _atomic_write(index_dir / MANIFEST, (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode())
        _fsync_dir(index_dir)
        object.__setattr__(self, "segments", tuple(segments))  # what this store now is on disk
        keep = {f for seg in segments for f in seg.files.values()} | {MANIFEST}
        for path in index_dir.iterdir():
            if path.is_file() and path.name not in keep and path.suffix in (".jsonl", ".faiss", ".npy", ".tmp"):
                path.unlink(missing_ok=True)

    def _article_rows(self) -> dict[str, range]:
        """Each article's chunk rows, in row order (an article's chunks are always contiguous)."""
        rows: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            r = rows.get(c.article_id)
            if r is None:
                rows[c.article_id] = [i, i + 1]
            else:
                r[1] = i + 1
        return {a: range(lo, hi) for a, (lo, hi) in rows.items()}

    def _write_segment(self, index_dir: Path, article_ids: list[str], rows: dict[str, range]) -> Segment:
        chunk_rows = np.concatenate([np.arange(rows[a].start, rows[a].stop) for a in article_ids])
        starts = self._starts
        sentence_rows = np.concatenate([np.arange(starts[rows[a].start], starts[rows[a].stop]) for a in article_ids])
        records = [_chunk_record(self.chunks[i], self.sentences_in(i)) for i in chunk_rows]
        files = {
            "chunks": _write_hashed(index_dir, "chunks", ".jsonl", _jsonl(records)),
            "chunk_vectors": _write_hashed(index_dir, "chunk-vectors", ".npy", _npy_bytes(self.chunk_vectors[chunk_rows], np.float32)),
            # Sentences outnumber chunks ~5:1 and are only ever scored a few hundred at a time, so they
            # are kept as float16 (half the memory; cosine error ~1e-3).
            "sentence_vectors": _write_hashed(
                index_dir, "sentence-vectors", ".npy", _npy_bytes(self.sentence_vectors[sentence_rows], np.float16)
            ),
        }
        return Segment(files, tuple((a, self.articles[a].sha256) for a in article_ids), len(chunk_rows), len(sentence_rows))

    @classmethod
    def load(cls, index_dir, model: str | None = None, dimension: int | None = None) -> "IndexStore":
        """Load and check an index; `model`/`dimension`, when given, must match what it was built with."""
        index_dir = Path(index_dir)
        manifest = read_manifest(index_dir)
        if model is not None and manifest["model"] != model:
            raise IndexMismatchError(index_dir, "model", manifest["model"], model)
        if dimension is not None and manifest["dimension"] != dimension:
            raise IndexMismatchError(index_dir, "dimension", manifest["dimension"], dimension)
        try:
            segments = tuple(Segment.from_json(d) for d in manifest["segments"])
            chunk_vectors, sentence_vectors, chunks, sentences = [], [], [], []
            for seg in segments:
                # Memory-mapped: a question reads only the rows it scores. Files are never changed in
                # place (new content gets a new name), so a mapping stays valid while the index is updated.
                chunk_vectors.append(np.load(index_dir / seg.files["chunk_vectors"], mmap_mode="r", allow_pickle=False))
                sentence_vectors.append(np.load(index_dir / seg.files["sentence_vectors"], mmap_mode="r", allow_pickle=False))
                with open(index_dir / seg.files["chunks"], encoding="utf-8") as f:
                    for line in f:
                        chunk, sents = _from_chunk_record(json.loads(line))
                        chunks.append(chunk)
                        sentences.extend(sents)
            articles = {k: ArticleRecord(**v) for k, v in manifest["articles"].items()}
            dim = manifest["dimension"]
            if any(v.dtype != np.float32 for v in chunk_vectors) or any(v.dtype != np.float16 for v in sentence_vectors):
                raise ValueError("vector files have an unexpected type")
            for v in chunk_vectors + sentence_vectors:
                if v.ndim != 2 or v.shape[1] != dim:
                    raise ValueError(f"a vector file has shape {v.shape}, not (rows, {dim})")
                # NaN or infinite values would answer as if normal; one pass over the rows (float64 sum).
                if len(v) and not np.isfinite(v.sum(dtype=np.float64)):
                    raise ValueError("a vector file holds values that are not finite numbers")
            chunk_vectors = Rows(chunk_vectors, dim, np.float32)
            sentence_vectors = Rows(sentence_vectors, dim, np.float16)
        except (OSError, KeyError, TypeError, ValueError, RuntimeError, AttributeError, RecursionError) as e:
            # np.load names allow_pickle for files that are no .npy at all: say what is wrong instead.
            reason = "a vector file is not a valid .npy array" if "allow_pickle" in str(e) else f"{type(e).__name__}: {e}"
            raise IndexCorruptError(index_dir, reason) from None
        if len(chunks) != len(chunk_vectors) or len(sentences) != len(sentence_vectors):
            raise IndexCorruptError(index_dir, "record and vector counts differ")
        if {c.article_id for c in chunks} != set(articles):
            raise IndexCorruptError(index_dir, "the chunks and the article list name different articles")
        return cls(
            manifest["model"], manifest["dimension"], manifest["chunking"], manifest.get("corpus", ""),
            articles, tuple(chunks), tuple(sentences), chunk_vectors, sentence_vectors, manifest.get("built_at", ""),
            segments, manifest.get("library") or {},
        )

    def sentence_rows(self, i: int) -> range:
        """Rows (in `sentences` and `sentence_vectors`) of chunk `i`'s sentences: they are stored in chunk
        order, each chunk's contiguous, so no id lookup table is needed."""
        starts = self._starts
        return range(int(starts[i]), int(starts[i + 1]))

    def sentences_in(self, i: int) -> tuple[Sentence, ...]:
        r = self.sentence_rows(i)
        return self.sentences[r.start : r.stop]

    @property
    def _starts(self) -> np.ndarray:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            counts = np.fromiter((len(c.sentence_ids) for c in self.chunks), dtype=np.int64, count=len(self.chunks))
            cached = np.concatenate([[0], np.cumsum(counts)])
            object.__setattr__(self, "_starts_cache", cached)
        return cached


def fault(point: str) -> None:
    """Fault injection for the crash tests: the process dies here, as if killed, when BOT_FAULT names `point`."""
    if os.environ.get("BOT_FAULT") == point:
        os._exit(137)


def read_manifest(index_dir) -> dict:
    index_dir = Path(index_dir)
    path = index_dir / MANIFEST
    if not path.is_file():
        raise IndexMissingError(index_dir)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as e:
        raise IndexCorruptError(index_dir, f"manifest.json unreadable: {type(e).__name__}") from None
    if not isinstance(manifest, dict):
        raise IndexCorruptError(index_dir, f"manifest.json holds {type(manifest).__name__}, not an object")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(index_dir, "format version", manifest.get("format_version"), FORMAT_VERSION)
    return manifest


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _replace_record(record: ArticleRecord, **changes) -> ArticleRecord:
    from dataclasses import replace

    return replace(record, **changes)


def _chunk_record(c: Chunk, sentences: list[Sentence]) -> dict:
    return {
        "id": c.id, "article_id": c.article_id, "heading": c.heading, "start": c.start, "end": c.end, "text": c.text,
        # Sentence offsets are into the article, like the chunk's; their text is a slice of the chunk's.
        "sentences": [[s.id, s.start, s.end] for s in sentences],
    }


def _from_chunk_record(r: dict) -> tuple[Chunk, list[Sentence]]:
    if not isinstance(r, dict) or len(r["text"]) != r["end"] - r["start"]:
        raise ValueError("a chunk record does not match its offsets")
    for _, s, e in r["sentences"]:
        if not r["start"] <= s < e <= r["end"]:
            raise ValueError(f"chunk {r['id']}: a sentence's offsets lie outside it")
    sentences = [
        Sentence(sid, r["article_id"], r["id"], s, e, r["text"][s - r["start"] : e - r["start"]])
        for sid, s, e in r["sentences"]
    ]
    chunk = Chunk(r["id"], r["article_id"], r["heading"], r["start"], r["end"], r["text"], tuple(s.id for s in sentences))
    return chunk, sentences


def _jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _npy_bytes(vectors: np.ndarray, dtype) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(vectors, dtype=dtype), allow_pickle=False)
    return buffer.getvalue()


def _write_hashed(index_dir: Path, stem: str, suffix: str, data: bytes) -> str:
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    if not (index_dir / name).exists():
        _atomic_write(index_dir / name, data)
    return name


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)  # mkstemp makes files private; an index is meant to be shared and committed
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
