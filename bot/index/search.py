"""The search structures of one store, assembled from its parts: nothing here re-reads or re-tokenizes text.

- Dense chunk search: per part, its saved IVF when it has one, else an exact FAISS index built from its
  vectors once per process (kept on the part, so a store that shares the part shares it); hidden rows are
  skipped, results of all parts merged.
- Dense sentence search: exact, over every live sentence, up to EXACT_SENTENCES and while no segment has an
  IVF; otherwise the ranker scores only the sentences of the chunks the other rankings found.
- BM25 over the parts' saved term counts, scored at query time with bm25s's own formula ("lucene": idf
  log(1 + (N - df + 0.5) / (df + 0.5)), k1 1.5, b 0.75), so N, df and the mean length always describe the
  live chunks. bm25s builds a score matrix for a fixed corpus and has no add or remove; its tokenizer is
  still the one used (segments.tokenize). The test suite checks the scores against bm25s's.
"""

from __future__ import annotations

import bisect
import threading
from functools import cached_property

import faiss
import numpy as np

from .segments import ARTICLE, FLAGS, HEADING, LENGTH, QUESTION_LIST, SOFT, Part, flat_index
from .store import IndexStore

K1, B = 1.5, 0.75  # bm25s's defaults
# Postings kept scored between questions (12 bytes each), at least CACHED_ROWS and CACHED_ROWS_PER_CHUNK for every
# chunk: a common term is in most chunks, so this keeps about the 24 commonest. At 100,000 articles (700,000
# chunks) 2 million rows held fewer than three common terms and were emptied by 45 of 50 questions; 16.8 million
# (~200 MB) halved the mean ask() (64-74 -> 31-36 ms) with peak RSS +40 MB. No change up to ~10,000 articles.
CACHED_ROWS, CACHED_ROWS_PER_CHUNK = 2_000_000, 24
EXACT_SENTENCES = 10_000  # up to this many sentences (~60 articles as long as the bundled guides), every one is searched
# One thread for FAISS: a single query gains nothing from more, and idle OpenMP threads spinning after
# a parallel search steal the two cores from the next query's encoding (seen as a 2x slower model).
faiss.omp_set_num_threads(1)


class Search:
    def __init__(self, store: IndexStore):
        self.store = store
        self.lock = threading.Lock()  # for the memo of term scores (`term_scores`)
        self.n = len(store.chunks)
        # Every sentence is searched while there are few enough for that to cost less than scoring the
        # candidate chunks' sentences (measured by `bench`: 35,000 sentences took ~1.5 ms a question on 2 cores);
        # above, only the sentences of the chunks the other two rankings found are scored.
        self.approximate = store.approximate  # some part is searched by its IVF
        self.parts: list[Part] = list(dict.fromkeys(p for p, _, _ in store.runs))
        # Each part's row -> the store's row (-1 for hidden rows).
        self.row_of: dict[int, np.ndarray] = {id(p): np.full(len(p), -1, dtype=np.int64) for p in self.parts}
        at = 0
        for part, lo, hi in store.runs:
            self.row_of[id(part)][lo:hi] = np.arange(at, at + hi - lo)
            at += hi - lo
        self.lengths = store.column(LENGTH).astype(np.float32)
        self.mean_length = float(self.lengths.mean()) if self.n and self.lengths.sum() else 1.0
        self.sentence_index = None
        if not self.approximate and 0 < len(store.sentences) <= EXACT_SENTENCES:
            self.sentence_index = flat_index(store.sentence_vectors, store.dimension)
        self._df: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._cached_rows = 0
        self._cache_limit = max(CACHED_ROWS, CACHED_ROWS_PER_CHUNK * self.n)

    # ---- per chunk ------------------------------------------------------------------------------

    # Derived once, on first use (functools.cached_property computes each under its own lock on this Python).

    @cached_property
    def article_of(self) -> np.ndarray:
        """A number per live chunk, the same for the chunks of one article."""
        if not self.n:
            return np.zeros(0, np.int64)
        return np.concatenate([np.asarray(p.layout[lo:hi, ARTICLE]) + 1_000_000 * self.parts.index(p) for p, lo, hi in self.store.runs])

    @cached_property
    def question_lists(self) -> frozenset[int]:
        return frozenset(np.flatnonzero(self.store.column(FLAGS) & QUESTION_LIST).tolist())

    @cached_property
    def chunk_of_sentence(self) -> np.ndarray:
        return np.repeat(np.arange(self.n), np.diff(self.store._starts))

    @cached_property
    def _headings(self) -> tuple[list[str], np.ndarray]:
        names: dict[str, int] = {}
        ids = [np.array([names.setdefault(h, len(names)) for h in p.headings] or [0])[np.asarray(p.layout[lo:hi, HEADING])]
               for p, lo, hi in self.store.runs]
        return list(names), (np.concatenate(ids) if ids else np.zeros(0, np.int64))

    def headings(self) -> tuple[list[str], np.ndarray]:
        """(distinct headings, the heading number of each live chunk)."""
        return self._headings

    @cached_property
    def _section_counts(self) -> dict[str, int]:
        names, ids = self.headings()
        if not len(ids):
            return {}
        key = self.article_of.astype(np.int64) * (len(names) + 1) + ids
        starts = np.concatenate([[True], key[1:] != key[:-1]])  # a section is a run of equal keys
        counts = np.bincount(ids[starts], minlength=len(names))
        return {names[i]: int(counts[i]) for i in np.flatnonzero(counts)}

    def section_counts(self) -> dict[str, int]:
        """How many sections (an article's run of chunks under one heading) each heading names."""
        return self._section_counts

    def heading_rows(self) -> tuple[list[str], list[np.ndarray]]:
        """Each distinct heading and the live chunk rows under it."""
        names, ids = self.headings()
        order = np.argsort(ids, kind="stable")
        bounds = np.flatnonzero(np.diff(ids[order])) + 1
        groups = np.split(order, bounds) if len(order) else []
        return [names[int(ids[g[0]])] for g in groups], groups

    @cached_property
    def _soft_sentences(self) -> np.ndarray:
        flags = [np.asarray(p.sentence_flags[int(p.sentence_starts[lo]) : int(p.sentence_starts[hi])]) for p, lo, hi in self.store.runs]
        return np.flatnonzero(np.concatenate(flags) & SOFT) if flags else np.zeros(0, np.int64)

    def soft_sentences(self) -> np.ndarray:
        """Rows of the sentences that state an alternative view (flagged when written)."""
        return self._soft_sentences

    # ---- dense ----------------------------------------------------------------------------------

    def nearest_chunks(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(cosines, rows) of the `k` live chunks nearest to `vector`, best first (approximate in IVF parts)."""
        q = np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1)
        sims, rows = [], []
        for part in self.parts:
            index = part.ivf if part.has_ivf else part.flat
            hidden = sum(len(part.article_rows[a]) for a in self._hidden(part))
            s, i = index.search(q, min(k + hidden, len(part)))
            if not np.isfinite(s[i >= 0]).all():  # a large segment's vectors are checked on use, not when opened
                from ..errors import IndexCorruptError

                raise IndexCorruptError(part.folder, "a vector file holds values that are not finite numbers")
            keep = i[0] >= 0
            mapped = self.row_of[id(part)][i[0][keep]]
            live = mapped >= 0
            sims.append(s[0][keep][live])
            rows.append(mapped[live])
        if not sims:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        sims, rows = np.concatenate(sims), np.concatenate(rows)
        order = np.argsort(-sims, kind="stable")[:k]
        return sims[order], rows[order]

    def nearest_sentences(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(cosines, rows) of the `k` nearest sentences; only while `sentence_index` exists (not approximate)."""
        s, i = self.sentence_index.search(np.ascontiguousarray(vector, dtype=np.float32).reshape(1, -1), min(k, self.sentence_index.ntotal))
        keep = i[0] >= 0
        return s[0][keep], i[0][keep]

    def _hidden(self, part: Part):
        return next((h for p, h in zip(self.store.parts, self.store.hidden) if p is part), frozenset())

    # ---- lexical --------------------------------------------------------------------------------

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(live chunk rows, counts) of one stemmed term."""
        rows, counts = [], []
        for part in self.parts:
            r, c = part.term_rows(term)
            if len(r):
                mapped = self.row_of[id(part)][r]
                live = mapped >= 0
                rows.append(mapped[live])
                counts.append(c[live])
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int32)
        return np.concatenate(rows), np.concatenate(counts)

    def df(self, term: str) -> int:
        """How many live chunks hold `term` (stemmed)."""
        return len(self.term_scores(term)[0])

    def term_scores(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """(live chunk rows, BM25 contribution) of one stemmed term, kept per index: the library's common terms
        ("machin", "learn") come back in most questions, with postings in nearly every chunk."""
        got = self._df.get(term)
        if got is None:
            rows, counts = self.postings(term)
            if len(rows):
                df = len(rows)
                idf = np.log(1 + (self.n - df + 0.5) / (df + 0.5))
                tf = counts.astype(np.float32)
                norm = K1 * ((1 - B) + B * self.lengths[rows] / self.mean_length)
                got = (rows, (idf * tf / (norm + tf)).astype(np.float32))
            else:
                got = (rows, np.zeros(0, np.float32))
            with self.lock:
                self._cached_rows += len(got[0])
                if len(self._df) > 4096 or self._cached_rows > self._cache_limit:
                    self._df.clear()
                    self._cached_rows = len(got[0])
                self._df[term] = got
        return got

    def bm25(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every live chunk for the stemmed `terms` (repeats count again, as in bm25s)."""
        found = [self.term_scores(term) for term in terms]
        found = [f for f in found if len(f[0])]
        if not found:
            return np.zeros(self.n, dtype=np.float32)
        rows = np.concatenate([f[0] for f in found])
        return np.bincount(rows, weights=np.concatenate([f[1] for f in found]), minlength=self.n).astype(np.float32)

    def best(self, terms: list[str], k: int) -> dict[int, float]:
        """The `k` live chunks with the highest positive BM25 score for `terms`, as {row: score}. Exact, and
        usually without ranking every chunk: rows that hold none of the query's rarer terms can score at
        most the sum of the common terms' largest contributions, so when the k-th best row holding a
        rarer term beats that, only those rows need ranking."""
        found = [f for f in (self.term_scores(t) for t in terms) if len(f[0])]
        if not found:
            return {}
        scores = np.bincount(np.concatenate([f[0] for f in found]), weights=np.concatenate([f[1] for f in found]),
                             minlength=self.n)
        rare = [f[0] for f in found if len(f[0]) <= self.n // 4]
        top = None
        if rare:
            held = np.zeros(self.n, dtype=bool)
            for rows in rare:
                held[rows] = True
            candidates = np.flatnonzero(held)
            if len(candidates) > k:
                top = candidates[np.argpartition(-scores[candidates], k)[:k]]
                common_max = sum(float(f[1].max()) for f in found if len(f[0]) > self.n // 4)
                if scores[top].min() <= common_max:
                    top = None  # a row with only common terms might still be among the best
        if top is None:
            top = np.argpartition(-scores, k)[:k] if len(scores) > k else np.arange(len(scores))
        return {int(i): float(scores[i]) for i in top if scores[i] > 0}

    def background(self, share: float) -> frozenset[str]:
        """Stemmed terms in at least `share` of the live chunks. A term that common overall is that common in
        at least one part, so only those parts' common terms are counted."""
        candidates = set()
        for part in self.parts:
            size = int((self.row_of[id(part)] >= 0).sum())
            if size:
                counts = np.diff(np.asarray(part.term_starts))
                candidates.update(part.vocabulary[i] for i in np.flatnonzero(counts >= share * size))
        return frozenset(t for t in candidates if self.count(t) >= share * self.n)

    @cached_property
    def _whole(self) -> frozenset[int]:
        """The parts (by id) whose every row is live."""
        return frozenset(k for k, rows in self.row_of.items() if (rows >= 0).all())

    def count(self, term: str) -> int:
        """`df(term)` without reading the postings of a part none of whose articles is hidden (its term index
        says how many rows hold the term): a load need not wait for the postings file to be hashed."""
        total = 0
        for part in self.parts:
            t = part.term_of.get(term)
            if t is None:
                continue
            if id(part) not in self._whole:
                rows = part.term_rows(term)[0]
                total += int((self.row_of[id(part)][rows] >= 0).sum())
            else:
                total += int(part.term_starts[t + 1] - part.term_starts[t])
        return total

    @cached_property
    def _vocabulary(self) -> list[str]:
        return sorted(set().union(*(p.vocabulary for p in self.parts)) if self.parts else ())

    def vocabulary(self) -> list[str]:
        """Every stemmed term of the parts, sorted (for prefix look-ups: "stats" -> "statist")."""
        return self._vocabulary

    def has_prefix(self, prefix: str) -> bool:
        vocab = self.vocabulary()
        at = bisect.bisect_left(vocab, prefix)
        return at < len(vocab) and vocab[at].startswith(prefix)
