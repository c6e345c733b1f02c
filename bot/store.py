"""The index on disk and in memory: FAISS vectors, chunk/sentence records (JSONL), manifest.json.

On disk, every data file is named after a hash of its content and written before `manifest.json`,
which is replaced atomically last; files the new manifest no longer names are deleted only after that.
So a build killed at any point leaves the previous index loadable. Nothing here is pickled.
An `IndexStore` is never changed in place: `with_article`/`without_article` return a new one, so a
reader holding the old store keeps a consistent view.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import faiss
import numpy as np

from .chunking import Chunk, Sentence
from .errors import ArticleNotFoundError, IndexCorruptError, IndexMismatchError, IndexMissingError

FORMAT_VERSION = 2  # 2: sentence vectors as float16 .npy
MANIFEST = "manifest.json"


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


@dataclass(frozen=True, eq=False)
class IndexStore:
    model: str
    dimension: int
    chunking: dict
    corpus: str = ""  # the corpus folder, relative to the index folder when possible
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    chunks: tuple[Chunk, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    chunk_vectors: np.ndarray | None = None  # (len(chunks), dimension), unit rows
    sentence_vectors: np.ndarray | None = None  # (len(sentences), dimension), unit rows, float16
    built_at: str = ""

    @classmethod
    def empty(cls, model: str, dimension: int, chunking: dict, corpus: str = "") -> "IndexStore":
        z = np.zeros((0, dimension), dtype=np.float32)
        return cls(model, dimension, dict(chunking), corpus, {}, (), (), z, z.astype(np.float16))

    # ---- changes: each returns a new store -------------------------------------------------

    def without_article(self, article_id: str) -> "IndexStore":
        if article_id not in self.articles:
            raise ArticleNotFoundError(article_id, sorted(self.articles))
        keep_c = np.array([c.article_id != article_id for c in self.chunks], dtype=bool)
        keep_s = np.array([s.article_id != article_id for s in self.sentences], dtype=bool)
        articles = {k: v for k, v in self.articles.items() if k != article_id}
        return self._replace(
            articles=articles,
            chunks=tuple(c for c, k in zip(self.chunks, keep_c) if k),
            sentences=tuple(s for s, k in zip(self.sentences, keep_s) if k),
            chunk_vectors=self.chunk_vectors[keep_c] if len(keep_c) else self.chunk_vectors,
            sentence_vectors=self.sentence_vectors[keep_s] if len(keep_s) else self.sentence_vectors,
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
            chunk_vectors=np.vstack([base.chunk_vectors, chunk_vectors]).astype(np.float32),
            sentence_vectors=np.vstack([base.sentence_vectors, np.asarray(sentence_vectors, dtype=np.float16)]),
        )

    def _replace(self, **changes) -> "IndexStore":
        from dataclasses import replace

        return replace(self, **changes)

    # ---- saving and loading ----------------------------------------------------------------

    def save(self, index_dir) -> None:
        """Write data files, then swap manifest.json in with one atomic rename, then drop stale files."""
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        records = [_chunk_record(c, self.sentences_in(i)) for i, c in enumerate(self.chunks)]
        files = {
            "chunks": _write_hashed(index_dir, "chunks", ".jsonl", _jsonl(records)),
            "chunk_vectors": _write_hashed(index_dir, "chunk-vectors", ".faiss", _faiss_bytes(self.chunk_vectors, self.dimension)),
            # Sentences outnumber chunks ~5:1 and are only ever scored a few hundred at a time, so they
            # are kept as float16 (half the memory; cosine error ~1e-3), not as a FAISS index.
            "sentence_vectors": _write_hashed(index_dir, "sentence-vectors", ".npy", _npy_bytes(self.sentence_vectors)),
        }
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": self.model,
            "dimension": self.dimension,
            "chunking": self.chunking,
            "corpus": self.corpus,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "counts": {"articles": len(self.articles), "chunks": len(self.chunks), "sentences": len(self.sentences)},
            "articles": {k: vars(v) for k, v in sorted(self.articles.items())},
            "files": files,
        }
        _atomic_write(index_dir / MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode())
        _fsync_dir(index_dir)
        keep = set(files.values()) | {MANIFEST}
        for path in index_dir.iterdir():
            if path.is_file() and path.name not in keep and path.suffix in (".jsonl", ".faiss", ".npy", ".tmp"):
                path.unlink(missing_ok=True)

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
            files = manifest["files"]
            chunk_vectors = _read_faiss(index_dir / files["chunk_vectors"])
            sentence_vectors = np.load(index_dir / files["sentence_vectors"], allow_pickle=False)
            chunks, sentences = [], []
            with open(index_dir / files["chunks"], encoding="utf-8") as f:
                for line in f:
                    chunk, sents = _from_chunk_record(json.loads(line))
                    chunks.append(chunk)
                    sentences.extend(sents)
            articles = {k: ArticleRecord(**v) for k, v in manifest["articles"].items()}
        except (OSError, KeyError, TypeError, ValueError, RuntimeError) as e:
            raise IndexCorruptError(index_dir, f"{type(e).__name__}: {e}") from None
        if len(chunks) != len(chunk_vectors) or len(sentences) != len(sentence_vectors):
            raise IndexCorruptError(index_dir, "record and vector counts differ")
        return cls(
            manifest["model"], manifest["dimension"], manifest["chunking"], manifest.get("corpus", ""),
            articles, tuple(chunks), tuple(sentences), chunk_vectors, sentence_vectors, manifest.get("built_at", ""),
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


def read_manifest(index_dir) -> dict:
    index_dir = Path(index_dir)
    path = index_dir / MANIFEST
    if not path.is_file():
        raise IndexMissingError(index_dir)
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise IndexCorruptError(index_dir, f"manifest.json unreadable: {e}") from None
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
    sentences = [
        Sentence(sid, r["article_id"], r["id"], s, e, r["text"][s - r["start"] : e - r["start"]])
        for sid, s, e in r["sentences"]
    ]
    chunk = Chunk(r["id"], r["article_id"], r["heading"], r["start"], r["end"], r["text"], tuple(s.id for s in sentences))
    return chunk, sentences


def _jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _faiss_bytes(vectors: np.ndarray, dimension: int) -> bytes:
    # Inner product on unit vectors == cosine similarity.
    index = faiss.IndexFlatIP(dimension)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return faiss.serialize_index(index).tobytes()


def _npy_bytes(vectors: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(vectors, dtype=np.float16), allow_pickle=False)
    return buffer.getvalue()


def _read_faiss(path: Path) -> np.ndarray:
    index = faiss.read_index(str(path))
    return index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), dtype=np.float32)


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
