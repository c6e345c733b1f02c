"""A part of an index: a run of whole articles' rows, and what is derived from them once, when they are written.

A `Part` is either a segment on disk or articles added in this process and not yet saved; both answer the
same questions (a chunk's record, its sentences, vectors, term counts), so the store and the search need not
know which. On disk a segment is these files, each named after a hash of its content, never changed in place:

    chunks            JSONL, one chunk record per line (text, heading, sentence offsets)
    chunk_vectors     (chunks, d) float32 .npy        sentence_vectors  (sentences, d) float16 .npy
    layout            (chunks, 6) int64 .npy: the record's byte offset, sentence count, heading number,
                      article number, token count, flags (QUESTION_LIST)
    terms             JSON: {"headings": [...], "vocabulary": [stemmed terms, in posting-list order]}
    postings          (n, 2) int32 .npy: (chunk row, count of the term in it), grouped by term
    term_starts       (terms + 1) int64 .npy: where each term's postings start
    sentence_flags    (sentences,) uint8 .npy: SOFT (the sentence states an alternative view, see stance.py)
    chunk_ivf         FAISS's own format: an IVF over the chunk vectors, only for a segment of more than
                      APPROXIMATE_ABOVE chunks
    articles          JSON: the articles' records (title, source, sha256, ...) in article-number order

Opening a segment maps the arrays and reads the IVF (nothing is rebuilt, nothing unpickled) and reads the small
JSON; chunk records are parsed one at a time when asked for. Each file's sha256 is checked against its name
once per opened part (`Digest`): the small files when it is opened, the large ones (LAZY) before their first
use, by the first thread to need one or by a background thread started at load. Writing a segment copies the
records of other segments byte for byte and merges their term counts, so a merge never re-tokenizes or re-embeds.
"""

from __future__ import annotations

import hashlib
import io
import json
import mmap
import os
import re
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import faiss
import numpy as np

from ..chunking import Chunk, Sentence
from ..errors import IndexCorruptError
from ..stance import SOFT as _SOFT_CUES
from ..stance import stance
from ..text import tokenize

OFFSET, SENTENCES, HEADING, ARTICLE, LENGTH, FLAGS = range(6)  # layout columns
QUESTION_LIST = 1  # flag: a chunk mostly made of questions ("We'll answer: What does ... earn? ...")
SOFT = 1  # sentence flag
# The flags are the answer step's reading of the text (stance.py's lexicon, the question-list rule), not facts
# of it: what they were derived by is recorded with the index (update.chunking_params), so that changing
# either marks the index stale and `index build` derives them again.
FLAGS_VERSION = "q3-half/" + hashlib.sha256(_SOFT_CUES.pattern.encode()).hexdigest()[:12]
APPROXIMATE_ABOVE = 20_000  # chunks; a segment larger than this gets an IVF instead of exact search (~3,000 articles)
IVF_NPROBE = 24  # cells searched per query: the recall/speed trade-off, measured by `bench`

FILES = {  # each file of a segment: (stem, suffix) of its name, `stem-<first 16 hex of its sha256>suffix`
    "chunks": ("chunks", ".jsonl"), "chunk_vectors": ("chunk-vectors", ".npy"),
    "sentence_vectors": ("sentence-vectors", ".npy"), "layout": ("layout", ".npy"), "terms": ("terms", ".json"),
    "postings": ("postings", ".npy"), "term_starts": ("term-starts", ".npy"),
    "sentence_flags": ("sentence-flags", ".npy"), "chunk_ivf": ("chunk-ivf", ".faiss"),
    "articles": ("articles", ".json"),  # the articles' records (title, source, ...): written and read by store.py
}
OPTIONAL = frozenset({"chunk_ivf"})
# Checked before first use rather than when opened (hundreds of MB at 10,000 articles), in the order a question
# first needs them; the other files are a few MB at most and read when opened anyway.
LAZY = ("postings", "chunk_ivf", "chunks", "chunk_vectors", "sentence_vectors")
# Threads hashing them after a load: sha256 runs ~1 GB/s on one core, and a first question asked at once needs
# nearly all of them (600 MB at 10,000 articles: 0.9 s on one core, ~0.6 s on two, measured).
CHECK_THREADS = min(2, os.cpu_count() or 1)


def well_named(kind: str, name) -> bool:
    """Whether `name` is a plain file name of the form content_name gives a file of this kind."""
    stem, suffix = FILES[kind]
    return isinstance(name, str) and re.fullmatch(re.escape(stem) + r"-[0-9a-f]{16}" + re.escape(suffix), name) is not None


def digest_problem(file, name: str) -> str:
    """'' when the content of `file` (an open binary file) hashes to the digest in `name`, else what is wrong.
    Streams the file a block at a time (not through a mapping), so memory does not grow with its size."""
    sha256, block = hashlib.sha256(), bytearray(1 << 20)
    try:
        file.seek(0)
        while size := file.readinto(block):
            sha256.update(memoryview(block)[:size])  # hashlib lets other threads run while it hashes a block
        digest = sha256.hexdigest()
    except OSError as e:
        return f"{name} cannot be read ({e.strerror or type(e).__name__})"
    if f"-{digest[:16]}." not in name:
        return f"{name} does not hash to the digest in its name: changed since it was written"
    return ""


class Digest:
    """One segment file checked against its name exactly once, however many threads use it: the first to ask
    hashes it and the others wait for that result. Kept by its part, and a part by every store that shares it,
    so once per process for the web app. The file is hashed through a handle opened before it is mapped, so
    what is checked is what is read even if the name is later written again (a rebuild)."""

    def __init__(self, path: Path):
        self.name = path.name
        self.file = open(path, "rb")
        self.lock = threading.Lock()
        self.found: str | None = None  # '' once the file is found sound, else what is wrong with it

    def problem(self, wait: bool = True) -> str | None:
        """'' when the file matches its name, else what is wrong (hashed on the first call only). Without
        `wait`, None at once when another thread is hashing it."""
        if self.found is None:
            if not self.lock.acquire(blocking=wait):
                return None
            try:
                if self.found is None:
                    self.found = digest_problem(self.file, self.name)
                    self.file.close()
            finally:
                self.lock.release()
        return self.found

    def trust(self) -> None:
        """Take the file as sound without hashing it (this process has just written it under that name)."""
        with self.lock:
            self.found = "" if self.found is None else self.found
            self.file.close()


@dataclass(frozen=True)
class Segment:
    """One segment on disk as the manifest lists it: its files, its articles in row order, and those removed
    since it was written (their rows stay in the files, hidden, until the segment is rewritten)."""

    files: dict
    articles: tuple[tuple[str, str], ...]  # (article id, sha256), in row order
    chunks: int
    sentences: int
    removed: tuple[str, ...] = ()

    def as_json(self) -> dict:
        d = {"files": self.files, "articles": len(self.articles), "chunks": self.chunks, "sentences": self.sentences}
        if self.removed:
            d["removed"] = list(self.removed)
        return d

    @classmethod
    def from_json(cls, d: dict, articles) -> "Segment":
        """The manifest lists a segment's files and counts; `articles`, its (id, sha256) pairs in row order, come
        from its articles file (store.segment_records)."""
        return cls(dict(d["files"]), tuple((a, h) for a, h in articles), int(d["chunks"]), int(d["sentences"]),
                   tuple(d.get("removed", ())))


_READS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="index read")


def read_ivf_soon(path: Path) -> Future:
    """Start reading a saved IVF (the largest file a load reads whole: ~1 GB at 100,000 articles). FAISS reads
    without holding the GIL, so on two cores the read overlaps the rest of the load (0.9 s against 1.5 s one after
    the other for the IVF and the article records at 100,000 articles)."""
    return _READS.submit(faiss.read_index, str(path))


class Part:
    """Rows of whole articles with their derived data. Immutable once made; search structures built from it
    (a FAISS index) are kept on it, so every store that shares the part shares them."""

    def __init__(self, articles, layout, headings, vocabulary, postings, term_starts, sentence_flags,
                 chunk_vectors, sentence_vectors, records, segment: Segment | None = None, ivf=None, folder=None,
                 digests: dict | None = None):
        self.articles: tuple[tuple[str, str], ...] = tuple(articles)  # (id, sha256) by article number
        self.layout = layout
        self.headings: list[str] = headings
        self.vocabulary: list[str] = vocabulary
        self.term_of = {t: i for i, t in enumerate(vocabulary)}
        self._postings, self.term_starts = postings, term_starts
        self.sentence_flags = sentence_flags
        self._chunk_vectors, self._sentence_vectors = chunk_vectors, sentence_vectors
        self._records = records  # a tuple of (Chunk, sentences) in memory, or an mmap of the JSONL on disk
        self.segment = segment
        self._ivf = ivf
        self.folder = folder  # the index folder a segment was opened from (named in errors)
        self.digests: dict[str, Digest] = digests or {}  # LAZY files not yet found sound, by kind
        self._background: list[threading.Thread] = []
        self.sentence_starts = np.concatenate([[0], np.cumsum(layout[:, SENTENCES])]).astype(np.int64)
        self.record = lru_cache(maxsize=4096)(self._record)  # the same chunks come back question after question

    # ---- the large files: each checked against its name before its first use ----------------------

    @property
    def chunk_vectors(self):
        return self._use("chunk_vectors", self._chunk_vectors)

    @property
    def sentence_vectors(self):
        return self._use("sentence_vectors", self._sentence_vectors)

    @property
    def postings(self) -> np.ndarray:
        return self._use("postings", self._postings)

    @property
    def ivf(self):
        """The saved IVF of the chunk vectors, or None (see `has_ivf` to ask without checking its file)."""
        return self._use("chunk_ivf", self.settle())

    def settle(self):
        """The IVF, waiting for it if it is still being read (Part.open with `ivf_read`); what the read found wrong
        is raised here as IndexCorruptError naming the file."""
        pending = self._ivf
        if isinstance(pending, Future):
            name = self.segment.files["chunk_ivf"] if self.segment else "the IVF"
            try:
                ivf = pending.result()
            except (RuntimeError, ValueError, OSError) as e:
                raise IndexCorruptError(self.folder, f"{name} cannot be read as an IVF ({type(e).__name__})") from None
            if ivf.ntotal != len(self):
                raise IndexCorruptError(self.folder, f"{name} holds another number of vectors than the segment's {len(self)}")
            ivf.nprobe = min(IVF_NPROBE, ivf.nlist)
            self._ivf = ivf  # two threads settling at once both get the same index: no lock needed
        return self._ivf

    @property
    def has_ivf(self) -> bool:
        return self._ivf is not None

    @property
    def dimension(self) -> int:
        """The vectors' width as their headers give it (-1 when the two files differ); checks no file."""
        widths = {v.shape[1] if v.ndim == 2 else -1 for v in (self._chunk_vectors, self._sentence_vectors)}
        return widths.pop() if len(widths) == 1 else -1

    def _use(self, kind: str, value):
        if kind in self.digests:
            self.verify(kind)
        return value

    def verify(self, *kinds: str) -> None:
        """Check these LAZY files (all not checked yet, by default) against their names now, waiting for a thread
        already hashing one. Raises IndexCorruptError naming the first that does not match; a file found sound
        is not checked again."""
        for kind in kinds or LAZY:
            digest = self.digests.get(kind)
            if digest is None:
                continue
            problem = digest.problem()
            if problem:
                raise IndexCorruptError(self.folder, problem)
            self.digests.pop(kind, None)

    def verify_in_background(self) -> None:
        """Check the LAZY files in CHECK_THREADS daemon threads, each taking the next file no thread has taken,
        in the order a question first uses them; a first question waits only for what is left of the file it
        needs (or checks it itself, if no thread has taken it yet). What they find is raised at the file's first use."""
        if self.digests and not self._background:
            self._background = [threading.Thread(target=self._verify_quietly, name="segment digests", daemon=True)
                                for _ in range(CHECK_THREADS)]
            for thread in self._background:
                thread.start()

    def _verify_quietly(self) -> None:
        for kind in LAZY:
            digest = self.digests.get(kind)
            if digest is not None:
                digest.problem(wait=False)  # kept: raised where the file is first used

    def __len__(self) -> int:
        return len(self.layout)

    @cached_property
    def article_rows(self) -> dict[str, range]:
        """Each article's chunk rows (contiguous: an article is always written whole), computed once."""
        numbers = self.layout[:, ARTICLE]
        bounds = np.flatnonzero(np.diff(numbers)) + 1
        starts = np.concatenate([[0], bounds]).astype(int)
        ends = np.concatenate([bounds, [len(numbers)]]).astype(int)
        return {self.articles[int(numbers[s])][0]: range(int(s), int(e)) for s, e in zip(starts, ends)} if len(numbers) else {}

    @cached_property
    def flat(self) -> faiss.Index:
        """An exact FAISS index of the chunk vectors, made on first use (a part without an IVF is searched by it)."""
        return flat_index(self.chunk_vectors, self.chunk_vectors.shape[1])

    def _record(self, row: int) -> tuple[Chunk, tuple[Sentence, ...]]:
        if isinstance(self._records, tuple):
            return self._records[row]
        records = self._use("chunks", self._records)
        start = int(self.layout[row, OFFSET])
        end = int(self.layout[row + 1, OFFSET]) if row + 1 < len(self.layout) else len(records)
        try:
            return from_record(json.loads(records[start:end]))
        except (ValueError, KeyError, TypeError, IndexError) as e:  # a large segment's records are checked on use
            raise IndexCorruptError(self.folder, f"chunk record {row} of {self.segment.files['chunks']}: {type(e).__name__}") from None

    def chunk(self, row: int) -> Chunk:
        return self.record(row)[0]

    def sentences_of(self, row: int) -> tuple[Sentence, ...]:
        return self.record(row)[1]

    def raw_records(self, lo: int, hi: int) -> bytes:
        """Chunk rows lo..hi as JSONL bytes (copied as they are from a segment's file)."""
        if isinstance(self._records, tuple):
            return b"".join(_line(*self._records[i]) for i in range(lo, hi))
        records = self._use("chunks", self._records)  # a merge must not copy damage into a newly hashed file
        start = int(self.layout[lo, OFFSET])
        end = int(self.layout[hi, OFFSET]) if hi < len(self.layout) else len(records)
        return bytes(records[start:end])

    @cached_property
    def _mappings(self) -> tuple[mmap.mmap, ...]:
        """The memory maps of the files this part reads a row at a time, all over the file (the vectors and the
        chunk records; none for rows still in memory). Not the postings: a question reads a term's postings
        whole, and the common terms' come back question after question (dropping them made `ask()` at 100,000
        articles ~10% slower), nor the small layout files."""
        found = []
        for value in (self._chunk_vectors, self._sentence_vectors, self._records):
            while value is not None and not isinstance(value, mmap.mmap):  # an ndarray view -> its np.memmap -> the map
                value = getattr(value, "_mmap", None) if hasattr(value, "_mmap") else getattr(value, "base", None)
            if value is not None and value not in found:
                found.append(value)
        return tuple(found)

    @property
    def mapped_bytes(self) -> int:
        return sum(len(m) for m in self._mappings)

    def release(self) -> None:
        """Let the OS drop the pages of those files (`_mappings`) from the process (re-read from the page cache on
        use). Why it matters: the kernel maps a file's page cache in folios of up to 2 MB, so each random row read
        makes up to 2 MB resident, and a library's questions would otherwise keep most of its files resident."""
        for m in self._mappings:
            try:
                m.madvise(mmap.MADV_DONTNEED)
            except (OSError, ValueError):  # a closed map (a part replaced by a merge) holds nothing
                pass

    def term_rows(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(chunk rows, counts) of one stemmed term in this part."""
        t = self.term_of.get(term)
        if t is None:
            return _NONE, _NONE
        p = self.postings[int(self.term_starts[t]) : int(self.term_starts[t + 1])]
        return p[:, 0], p[:, 1]

    # ---- making one ------------------------------------------------------------------------------

    @classmethod
    def in_memory(cls, articles: list[tuple[str, str]], chunks, sentences, chunk_vectors, sentence_vectors) -> "Part":
        """Rows not yet on disk: `chunks`/`sentences` of the `articles` (in order), their vectors."""
        sentence_rows = {}
        for s in sentences:
            sentence_rows.setdefault(s.chunk_id, []).append(s)
        records = tuple((c, tuple(sentence_rows.get(c.id, ()))) for c in chunks)
        number = {a: i for i, (a, _) in enumerate(articles)}
        headings = list(dict.fromkeys(c.heading for c in chunks))
        heading_no = {h: i for i, h in enumerate(headings)}
        terms = tokenize([c.embed_text for c in chunks]) if chunks else []
        layout = np.zeros((len(chunks), 6), dtype=np.int64)
        for i, (c, sents) in enumerate(records):
            asks = sum(s.text.rstrip().endswith("?") for s in sents)
            layout[i] = (0, len(sents), heading_no[c.heading], number[c.article_id], len(terms[i]),
                         QUESTION_LIST if len(sents) >= 3 and asks * 2 >= len(sents) else 0)
        vocabulary, postings, term_starts = _postings_of(terms)
        flags = np.fromiter((SOFT if stance(s.text) == "soft" else 0 for s in sentences), dtype=np.uint8, count=len(sentences))
        return cls(articles, layout, headings, vocabulary, postings, term_starts, flags,
                   np.asarray(chunk_vectors, dtype=np.float32), np.asarray(sentence_vectors, dtype=np.float16), records)

    @classmethod
    def open(cls, index_dir: Path, segment: Segment, trusted: bool = False, ivf_read: Future | None = None) -> "Part":
        """Map a segment's files. Its small files are checked against their names now (IndexCorruptError naming
        the file), the LAZY ones before their first use (see `verify`); none when `trusted` (this process has just
        written them, or the caller checks them itself). `ivf_read`: the IVF file's read, already started (see
        `read_ivf_soon`), settled when first used. Raises ValueError/OSError/KeyError on files that do not fit together."""
        files = {k: index_dir / v for k, v in segment.files.items()}
        digests = {k: Digest(path) for k, path in files.items()}  # before mapping: hashes what is mapped next
        for kind, digest in digests.items():
            if trusted:
                digest.trust()
            elif kind not in LAZY and (problem := digest.problem()):
                raise IndexCorruptError(index_dir, problem)

        def array(name):
            # Plain ndarray views of the mapping: numpy's np.memmap subclass makes every slice of it slow.
            return np.asarray(np.load(files[name], mmap_mode="r", allow_pickle=False))

        def vectors(name):  # kept as np.memmap: Part.release() finds the mapping through it
            return np.load(files[name], mmap_mode="r", allow_pickle=False)

        layout, postings, term_starts = array("layout"), array("postings"), array("term_starts")
        terms = json.loads(files["terms"].read_text(encoding="utf-8"))
        if not isinstance(terms, dict):
            raise ValueError("a terms file is not an object")
        with open(files["chunks"], "rb") as f:
            records = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if f.seek(0, 2) else b""
        ivf = None
        if "chunk_ivf" in files:
            # Read whole, not memory-mapped: FAISS searches a mapped IVF ~6x slower (1.7 vs 0.26 ms at 70k chunks).
            # A read already started is kept as it is, taken when the IVF is first used or settled (`settle`).
            ivf = ivf_read if ivf_read is not None else faiss.read_index(str(files["chunk_ivf"]))
            if not isinstance(ivf, Future):
                ivf.nprobe = min(IVF_NPROBE, ivf.nlist)
        lazy = {} if trusted else {k: d for k, d in digests.items() if k in LAZY}
        part = cls(segment.articles, layout, list(terms["headings"]), list(terms["vocabulary"]), postings, term_starts,
                   array("sentence_flags"), vectors("chunk_vectors"), vectors("sentence_vectors"), records, segment, ivf,
                   index_dir, lazy)
        part.check(segment)
        return part

    def check(self, segment: Segment) -> None:
        """Cheap checks that the files of a segment fit together: shapes, types and counts, and vectorized
        bounds on what indexes something else (layout columns, term starts, postings rows), not every value.
        Reads the files as mapped, without waiting for their digests. Raises ValueError naming a file."""
        n, s, f = segment.chunks, segment.sentences, segment.files
        layout, postings, starts = self.layout, self._postings, self.term_starts
        if layout.shape != (n, 6) or layout.dtype != np.int64 or int(self.sentence_starts[-1]) != s:
            raise ValueError(f"{f['layout']} does not describe the segment's {n} chunks and {s} sentences")
        for kind, v, rows, dtype in (("chunk_vectors", self._chunk_vectors, n, np.float32),
                                     ("sentence_vectors", self._sentence_vectors, s, np.float16)):
            if v.ndim != 2 or len(v) != rows or v.dtype != dtype:
                raise ValueError(f"{f[kind]} holds {v.dtype} of shape {v.shape}, not {np.dtype(dtype)} of ({rows}, dimension)")
        if self.sentence_flags.shape != (s,) or self.sentence_flags.dtype != np.uint8:
            raise ValueError(f"{f['sentence_flags']} does not match the segment's {s} sentences")
        if starts.shape != (len(self.vocabulary) + 1,) or starts.dtype != np.int64 or starts[0] != 0 or (np.diff(starts) < 0).any():
            raise ValueError(f"{f['term_starts']} does not fit the vocabulary of {f['terms']}")
        if postings.ndim != 2 or postings.shape[1:] != (2,) or postings.dtype != np.int32 or len(postings) != int(starts[-1]):
            raise ValueError(f"{f['postings']} does not fit {f['term_starts']}")
        if len(postings) and (int(postings[:, 0].min()) < 0 or int(postings[:, 0].max()) >= n):
            raise ValueError(f"{f['postings']} names chunk rows outside the segment's {n}")
        if n:
            self._check_layout(f)
        if self._ivf is not None and not isinstance(self._ivf, Future) and self._ivf.ntotal != n:
            raise ValueError(f"{f['chunk_ivf']} holds another number of vectors than the segment's {n}")

    def _check_layout(self, files: dict) -> None:
        """Each column within what it indexes: records in order inside their file, every article's rows
        contiguous and in article order (as written), headings known, counts not negative."""
        offsets, articles, name = self.layout[:, OFFSET], self.layout[:, ARTICLE], files["layout"]
        steps = np.diff(articles)
        if offsets[0] != 0 or (np.diff(offsets) <= 0).any() or int(offsets[-1]) >= len(self._records):
            raise ValueError(f"{name} places records outside {files['chunks']}")
        if articles[0] != 0 or int(articles[-1]) != len(self.articles) - 1 or ((steps != 0) & (steps != 1)).any():
            raise ValueError(f"{name} names articles the segment does not have, or out of order")
        if int(self.layout[:, HEADING].min()) < 0 or int(self.layout[:, HEADING].max()) >= len(self.headings):
            raise ValueError(f"{name} names headings {files['terms']} does not have")
        if int(self.layout[:, SENTENCES].min()) < 0 or int(self.layout[:, LENGTH].min()) < 0:
            raise ValueError(f"{name} holds negative counts")


_NONE = np.zeros(0, dtype=np.int32)


def _postings_of(terms: list[list[str]], vocabulary: list[str] | None = None):
    """(vocabulary, postings, term_starts) from each chunk's terms."""
    vocab: dict[str, int] = {}
    rows, ids = [], []
    for i, doc in enumerate(terms):
        if doc:
            ids.append(np.fromiter((vocab.setdefault(w, len(vocab)) for w in doc), dtype=np.int64, count=len(doc)))
            rows.append(np.full(len(doc), i, dtype=np.int64))
    if not ids:
        return [], np.zeros((0, 2), np.int32), np.zeros(1, np.int64)
    return _grouped(list(vocab), np.concatenate(ids), np.concatenate(rows))


def _grouped(vocabulary: list[str], term_ids: np.ndarray, rows: np.ndarray, counts: np.ndarray | None = None):
    """Postings grouped by term (then row) from (term, row[, count]) triples; repeated pairs are summed."""
    key = term_ids * (int(rows.max(initial=0)) + 1) + rows
    unique, inverse = np.unique(key, return_inverse=True)
    summed = np.bincount(inverse, weights=counts, minlength=len(unique)).astype(np.int32) if counts is not None \
        else np.bincount(inverse, minlength=len(unique)).astype(np.int32)
    width = int(rows.max(initial=0)) + 1
    t, r = unique // width, unique % width
    postings = np.stack([r.astype(np.int32), summed], axis=1)
    term_starts = np.concatenate([[0], np.cumsum(np.bincount(t, minlength=len(vocabulary)))]).astype(np.int64)
    return vocabulary, postings, term_starts


# ---- writing -------------------------------------------------------------------------------------


def write(index_dir: Path, runs: list[tuple[Part, int, int]], write_file) -> Segment:
    """One segment holding chunk rows lo..hi of each (part, lo, hi), in order (whole articles).
    `write_file(stem, suffix, data) -> name` writes one content-named file."""
    articles: list[tuple[str, str]] = []
    headings: dict[str, int] = {}
    vocab: dict[str, int] = {}
    layouts, records, chunk_vectors, sentence_vectors, flags = [], [], [], [], []
    term_ids, term_rows, term_counts = [], [], []
    offset = rows = 0
    for part, lo, hi in runs:
        if hi <= lo:
            continue
        layout = np.array(part.layout[lo:hi])
        article_map = np.full(len(part.articles), -1, dtype=np.int64)
        for a in np.unique(layout[:, ARTICLE]):
            article_map[a] = len(articles)
            articles.append(part.articles[int(a)])
        heading_map = np.array([headings.setdefault(h, len(headings)) for h in part.headings] or [0], dtype=np.int64)
        raw = part.raw_records(lo, hi)
        starts = np.concatenate([[0], np.cumsum([len(line) + 1 for line in raw.split(b"\n")[:-1]])])[:-1]
        layout[:, OFFSET] = offset + starts
        layout[:, ARTICLE] = article_map[layout[:, ARTICLE]]
        layout[:, HEADING] = heading_map[layout[:, HEADING]]
        layouts.append(layout)
        records.append(raw)
        offset += len(raw)
        s_lo, s_hi = int(part.sentence_starts[lo]), int(part.sentence_starts[hi])
        chunk_vectors.append(np.asarray(part.chunk_vectors[lo:hi], dtype=np.float32))
        sentence_vectors.append(np.asarray(part.sentence_vectors[s_lo:s_hi], dtype=np.float16))
        flags.append(np.asarray(part.sentence_flags[s_lo:s_hi]))
        # Term counts of these rows, with term numbers mapped into the new vocabulary.
        term_map = np.array([vocab.setdefault(t, len(vocab)) for t in part.vocabulary] or [0], dtype=np.int64)
        per_term = np.repeat(np.arange(len(part.vocabulary)), np.diff(part.term_starts))
        postings = np.asarray(part.postings)
        keep = (postings[:, 0] >= lo) & (postings[:, 0] < hi) if len(postings) else np.zeros(0, bool)
        term_ids.append(term_map[per_term[keep]])
        term_rows.append(postings[keep, 0].astype(np.int64) - lo + rows)
        term_counts.append(postings[keep, 1])
        rows += hi - lo
    layout = np.concatenate(layouts) if layouts else np.zeros((0, 6), np.int64)
    cv = np.concatenate(chunk_vectors)
    if term_ids and sum(len(t) for t in term_ids):
        _, postings, term_starts = _grouped(list(vocab), np.concatenate(term_ids), np.concatenate(term_rows),
                                            np.concatenate(term_counts).astype(np.float64))
    else:
        postings, term_starts = np.zeros((0, 2), np.int32), np.zeros(len(vocab) + 1, np.int64)
    terms = {"headings": list(headings), "vocabulary": list(vocab)}
    files = {
        "chunks": write_file(*FILES["chunks"], b"".join(records)),
        "chunk_vectors": write_file(*FILES["chunk_vectors"], npy_bytes(cv, np.float32)),
        # Sentences outnumber chunks ~5:1 and are only ever scored a few hundred at a time, so they are kept
        # as float16 (half the memory; cosine error ~1e-3).
        "sentence_vectors": write_file(*FILES["sentence_vectors"], npy_bytes(_joined(sentence_vectors), np.float16)),
        "layout": write_file(*FILES["layout"], npy_bytes(layout, np.int64)),
        "terms": write_file(*FILES["terms"], json.dumps(terms, ensure_ascii=False).encode("utf-8")),
        "postings": write_file(*FILES["postings"], npy_bytes(postings, np.int32)),
        "term_starts": write_file(*FILES["term_starts"], npy_bytes(term_starts, np.int64)),
        "sentence_flags": write_file(*FILES["sentence_flags"], npy_bytes(np.concatenate(flags), np.uint8)),
    }
    if len(cv) > APPROXIMATE_ABOVE:
        files["chunk_ivf"] = write_file(*FILES["chunk_ivf"], faiss.serialize_index(train_ivf(cv)).tobytes())
    n_sentences = int(layout[:, SENTENCES].sum())
    return Segment(files, tuple(articles), len(layout), n_sentences)


def train_ivf(vectors: np.ndarray) -> faiss.Index:
    """An inverted-file index: k-means cells, searching the `nprobe` nearest. Recall@10 against exact search
    is measured by `python -m bot bench` (>= 0.95 at IVF_NPROBE)."""
    n, dimension = vectors.shape
    nlist = max(1, min(max(64, int(2 * np.sqrt(n))), n // 40))  # ~530 cells at 70k chunks; 40 training points each
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dimension), dimension, nlist, faiss.METRIC_INNER_PRODUCT)
    sample = vectors[np.random.default_rng(0).choice(n, size=min(n, 40 * nlist), replace=False)]
    index.train(np.ascontiguousarray(sample, dtype=np.float32))
    for k in range(0, n, 8192):  # a batch at a time: a float32 copy of every vector at once would double the memory
        index.add(np.ascontiguousarray(vectors[k : k + 8192], dtype=np.float32))
    index.nprobe = min(IVF_NPROBE, nlist)
    return index


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    """The arrays end to end: the one array itself, not a copy, when there is one."""
    return arrays[0] if len(arrays) == 1 else np.concatenate(arrays)


def npy_bytes(array: np.ndarray, dtype) -> bytes:
    """`np.save`'s bytes, made with one copy of the array (np.save to a BytesIO, then getvalue(), makes two:
    5 GB more at the peak of writing 100,000 articles' sentence vectors)."""
    array = np.ascontiguousarray(array, dtype=dtype)
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, np.lib.format.header_data_from_array_1_0(array))
    return b"".join((header.getvalue(), memoryview(array.reshape(-1)).cast("B")))


def content_name(stem: str, suffix: str, data: bytes) -> str:
    return f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"


def _line(chunk: Chunk, sentences) -> bytes:
    record = {
        "id": chunk.id, "article_id": chunk.article_id, "heading": chunk.heading, "start": chunk.start, "end": chunk.end,
        "text": chunk.text,
        # Sentence offsets are into the article, like the chunk's; their text is a slice of the chunk's.
        "sentences": [[s.id, s.start, s.end] for s in sentences],
    }
    if chunk.context:  # the headings above its own; most chunks of a flat page have none
        record["context"] = list(chunk.context)
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def from_record(r: dict) -> tuple[Chunk, tuple[Sentence, ...]]:
    if not isinstance(r, dict) or len(r["text"]) != r["end"] - r["start"]:
        raise ValueError("a chunk record does not match its offsets")
    for _, s, e in r["sentences"]:
        if not r["start"] <= s < e <= r["end"]:
            raise ValueError(f"chunk {r['id']}: a sentence's offsets lie outside it")
    sentences = tuple(
        Sentence(sid, r["article_id"], r["id"], s, e, r["text"][s - r["start"] : e - r["start"]])
        for sid, s, e in r["sentences"]
    )
    context = r.get("context", [])
    if not isinstance(context, list) or not all(isinstance(h, str) for h in context):
        raise ValueError(f"chunk {r['id']}: its headings above are not a list of text")
    chunk = Chunk(r["id"], r["article_id"], r["heading"], r["start"], r["end"], r["text"], tuple(s.id for s in sentences),
                  tuple(context))
    return chunk, sentences


def flat_index(vectors, dimension: int) -> faiss.Index:
    """An exact inner-product index (cosine, on unit vectors) of `vectors`, added a batch at a time: a float32
    copy of everything would double the memory."""
    index = faiss.IndexFlatIP(dimension)
    for k in range(0, len(vectors), 8192):
        index.add(np.ascontiguousarray(vectors[k : k + 8192], dtype=np.float32))
    return index
