"""Query -> ranked `Passage`s: dense chunk search, dense sentence search and BM25, fused and diversified.

Three rankings of the chunks are fused by reciprocal rank (RRF), then one article's chunks are
gently down-weighted each time it is picked, so a long article does not crowd out the others.
Does not decide whether the guides cover a question: `Passage.similarity` is the evidence the
answer step judges that by.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import Stemmer

from .chunking import Chunk, Sentence
from .embedding import Embedder
from .errors import IndexCorruptError
from .index.search import Search
from .index.segments import tokenize_one
from .index.store import ArticleRecord, IndexStore
from .library import derive, readable_heading

# Stemmed question words that say nothing about the topic. bm25s's tokenizer already drops its English stop
# words ("is", "are", "the"...); these are the ones it keeps. BM25 keeps them too, since they match
# question-style headings ("Where can you get ...?"); sentence scoring drops them.
QUESTION_WORDS = {
    "what", "doe", "do", "did", "how", "why", "which", "who", "whom", "when", "where", "can", "could", "should",
    "would", "will", "may", "might", "must", "i", "me", "my", "mine", "we", "our", "you", "your", "am",
    "get", "need", "want", "tell", "know", "like", "about", "pleas", "someon", "anyon", "thing", "much", "mani", "whi",
}
# Reciprocal-rank fusion constant. 60 (Cormack et al., 2009) was set for fusing dozens of runs; with our
# three it let a chunk all three put mid-list beat one two of them put first. 3-12 score alike; 10 is
# taken from that plateau (`python -m bot eval`: dev MRR@10 0.878 -> 0.917, held-out 0.802 -> 0.842).
RRF_K = 10
# Each ranking's weight in the fusion: dense chunk, dense sentence, BM25. Searched with RRF_K across the
# benchmark libraries (2026-12-02, eval/libraries: RRF_K 10/30/60 x each weight 0.5/1/1.5, gold sentence in
# the first passage / in the first five): no point beat (10, equal weights) on the held-out libraries (0.51 /
# 0.81; the fit libraries' best hit@1, 0.36 at RRF_K 60 and (1.5, 0.5, 0.5), gave 0.49 / 0.69 held out).
# BM25 over the article title as well as heading and text: hit@5 0.73 -> 0.77, hit@1 unchanged; not taken.
RRF_WEIGHTS = (1.0, 1.0, 1.0)
DEPTH = 50  # how deep each ranking is read before fusing
SAME_ARTICLE_DECAY = 0.8  # each further chunk from an already-picked article has its fused score x0.8
QUESTION_LIST_WEIGHT = 0.5  # fused score factor for a chunk mostly made of questions (a table of contents)
# A term in this share of the chunks is the library's own subject ("machine learning engineer" is in 95% of
# the guides' chunks; the next term, "data", in 58%). Not judged in a library of fewer chunks than this.
BACKGROUND_SHARE = 0.8
BACKGROUND_MIN_CHUNKS = 20
RELEASE_ROWS = 20_000  # sentence-vector rows read (at most about 80 MB of pages touched) before their pages are released
_WORD = re.compile(r"[\w'+#-]+")


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk, with where it comes from and how well it matched."""

    chunk_id: str
    article_id: str
    title: str
    heading: str
    text: str
    score: float  # fused rank score: higher is better, only comparable within one query
    similarity: float  # best cosine of the question to the chunk or one of its sentences, in [-1, 1]
    chunk_similarity: float = 0.0  # cosine of the question to the chunk as a whole
    site: str = ""
    url: str = ""
    date: str = ""
    start: int = 0  # offsets of `text` in its article
    sentences: tuple[Sentence, ...] = ()
    sentence_rows: range = range(0)  # where its sentences' vectors are in the index
    row: int = -1  # where its chunk's vector is


class Retriever:
    """Ranking over one `IndexStore`'s search structures (index/search.py); only read once made (thread-safe).
    Making one is cheap: the structures are the store's parts' own, saved with them or kept on them."""

    def __init__(self, store: IndexStore, embedder: Embedder):
        self.store = store
        self.embedder = embedder
        self.index = Search(store)
        self.lock = threading.Lock()  # for values computed on first use (see CareerBot)
        self.stemmer = Stemmer.Stemmer("english")
        self.approximate = self.index.approximate
        self.query_terms = lru_cache(maxsize=256)(self._query_terms)  # per index: the vocabulary decides
        self._lexical_ok = self.index.n > 0
        self.background = self.index.background(BACKGROUND_SHARE) if self.index.n >= BACKGROUND_MIN_CHUNKS else frozenset()
        self.stems = lru_cache(maxsize=65536)(self._stems)  # the same sentences come back question after question
        self._soft = None  # vectors of alternative-view sentences, gathered on first need
        self._headings = None  # usable section headings and their chunk rows, gathered on first refusal
        self._direction = None  # the background's vector, embedded on first need
        self._words: dict[str, np.ndarray] = {}
        self._rows_read = 0
        self.library = derive(
            [a.title for a in store.articles.values()], self.index.section_counts(),
            [a.abbreviations for a in store.articles.values()], self.background, self.stemmer.stemWord, store.library,
        )

    @property
    def article_of(self) -> np.ndarray:
        return self.index.article_of

    @property
    def question_lists(self) -> frozenset[int]:
        return self.index.question_lists

    @property
    def chunk_of_sentence(self) -> np.ndarray:
        return self.index.chunk_of_sentence

    def knows_term(self, term: str) -> bool:
        """Whether a stemmed term (or a word as written) occurs in the library."""
        return self.index.df(term) > 0

    def has_prefix(self, prefix: str) -> bool:
        return self.index.has_prefix(prefix)

    @property
    def sorted_vocab(self) -> list[str]:
        return self.index.vocabulary()

    def background_words(self, query: str) -> str:
        """The query's words that are the library's background ("machine learning engineer"), when the query
        has a subject besides them ("... signal processing?"); else ""."""
        if not self.background:
            return ""
        background, rest = [], []
        for w in _WORD.findall(query):
            (background if self.stemmer.stemWord(w.lower()) in self.background else rest).append(w.lower())
        rest = " ".join(rest)
        subject = set(self.query_terms(rest)[0]) - QUESTION_WORDS if background else set()
        return " ".join(background) if subject else ""

    @property
    def has_lexical(self) -> bool:
        """Whether the lexical index holds anything (an empty library has no vocabulary)."""
        return self._lexical_ok

    def _stems(self, text: str) -> frozenset[str]:
        return frozenset(self.stemmer.stemWord(w) for w in re.findall(r"[a-z0-9+#]+", text.lower()))

    # ---- evidence for the answer step ------------------------------------------------------

    def background_direction(self) -> np.ndarray:
        """The vector of the library's background words as written in its subject ("machine learning engineer"),
        embedded once per index."""
        if self._direction is None:
            self._direction = self.embedder.embed_query(self.library.background_phrase or " ".join(sorted(self.background)))
        return self._direction

    def word_vectors(self, words: list[str]) -> dict[str, np.ndarray]:
        """Each word's vector, kept per index (the same unusual words come back question after question); the
        words not kept yet are embedded in one batch, so a question's cost does not grow with its length."""
        missing = [w for w in dict.fromkeys(words) if w not in self._words]
        if missing:
            if len(self._words) > 4096:
                self._words.clear()
            self._words.update(zip(missing, self.embedder.encode(missing, batch_size=len(missing))))
        return {w: self._words[w] for w in words}

    def soft_sentences(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions and vectors of the alternative-view sentences, gathered once per index into one small array."""
        if self._soft is None:
            with self.lock:
                if self._soft is None:
                    positions = self.index.soft_sentences()
                    rows = self.store.sentence_vectors
                    parts = []
                    for at in range(0, len(positions), 8192):
                        parts.append(rows[positions[at : at + 8192]].astype(np.float32))
                        rows.release()  # a gather touches pages all over the file; hold only a batch's worth
                    vectors = np.concatenate(parts) if parts else np.zeros((0, rows.dimension), np.float32)
                    self._soft = (positions, vectors)
        return self._soft

    def suggestions(self, vector: np.ndarray, n: int = 3) -> tuple[str, ...]:
        """Questions the library can answer, offered with a refusal: its section headings closest to `vector`."""
        if not self.store.chunks:
            return self.library.examples
        if self._headings is None:
            with self.lock:
                if self._headings is not None:
                    return self.suggestions(vector, n)
                number: dict[str, int] = {}
                heading_of = np.full(self.index.n, -1, dtype=np.int64)  # each chunk's usable heading, or -1
                titles = {a.title.strip().lower() for a in self.store.articles.values()}
                for heading, chunk_rows in zip(*self.index.heading_rows()):
                    heading = readable_heading(heading)
                    # A heading that is an article's title, or one word ("Conclusion"), names no answerable topic.
                    if 12 <= len(heading) <= 90 and heading.lower() not in titles and len(heading.split()) >= 2:
                        heading_of[chunk_rows] = number.setdefault(heading, len(number))
                self._headings = (list(number), heading_of)
        names, heading_of = self._headings
        if not names:
            return self.library.examples
        # The headings of the nearest chunks, nearest first (a heading's best chunk decides its place).
        ranked: list[str] = []
        for depth in (200, self.index.n):
            _, rows = self.index.nearest_chunks(vector, min(depth, self.index.n))
            ranked = list(dict.fromkeys(names[h] for h in heading_of[rows] if h >= 0))[:n]
            if len(ranked) >= min(n, len(names)):
                break
        return tuple(h if h.endswith("?") else f"What do the guides say about “{h}”?" for h in ranked)

    # ---- the three rankings ---------------------------------------------------------------

    def lexical_scores(self, query: str) -> dict[int, float]:
        """BM25 score per chunk position, for chunks sharing at least one stemmed term with the query."""
        if not self._lexical_ok:
            return {}
        known = self.query_terms(query)[0]
        if not known:
            return {}
        return self.index.best(known, DEPTH)

    def _query_terms(self, query: str) -> tuple[list[str], list[str]]:
        """The query's stemmed content terms, split into (found in the index, not found)."""
        words = tokenize_one(query)
        if not self._lexical_ok:
            return [], words
        return [w for w in words if self.knows_term(w)], [w for w in words if not self.knows_term(w)]

    def search(self, query: str, k: int = 5, query_vector: np.ndarray | None = None) -> list[Passage]:
        n = len(self.store.chunks)
        if n == 0 or k <= 0:
            return []
        qv = self.embedder.embed_query(query) if query_vector is None else query_vector
        depth = min(DEPTH, n)
        chunk_sim, chunk_ids = self.index.nearest_chunks(qv, depth)
        dense = [int(i) for i in chunk_ids]
        lexical = self.lexical_scores(query)
        by_lexical = sorted(lexical, key=lexical.get, reverse=True)
        best_sentence: dict[int, float] = {}
        if self.index.sentence_index is not None:
            sent_sim, sent_ids = self.index.nearest_sentences(qv, DEPTH * 3)
            for sim, si in zip(sent_sim, sent_ids):
                best_sentence.setdefault(int(self.chunk_of_sentence[si]), float(sim))  # sorted: first is best
        else:
            # The candidates' sentences, gathered and scored at once; each chunk keeps its best.
            candidates = np.array(list(dict.fromkeys(dense + by_lexical)), dtype=np.int64)
            starts = self.store._starts
            counts = starts[candidates + 1] - starts[candidates]
            rows = np.repeat(starts[candidates] - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
            sims = self.store.sentence_vectors[rows].astype(np.float32) @ qv if len(rows) else np.zeros(0, np.float32)
            self._touched(len(rows))
            if not np.isfinite(sims).all():  # a large segment's vectors are checked on use, not when opened
                raise IndexCorruptError(self.store.parts[0].folder or "the index", "a vector file holds values that are not finite numbers")
            best = np.full(len(candidates), -1.0, dtype=np.float32)
            has = counts > 0  # each candidate's sentences are a contiguous run of `sims`
            if has.any():
                best[has] = np.maximum.reduceat(sims, (np.cumsum(counts) - counts)[has])
            order = np.argsort(-best, kind="stable")
            best_sentence = {int(candidates[i]): float(best[i]) for i in order}
        by_sentence = list(best_sentence)[:depth]

        fused: dict[int, float] = {}
        for weight, ranking in zip(RRF_WEIGHTS, (dense, by_sentence, by_lexical)):
            for rank, c in enumerate(ranking):
                fused[c] = fused.get(c, 0.0) + weight / (RRF_K + rank + 1)

        for c in self.question_lists & fused.keys():
            fused[c] *= QUESTION_LIST_WEIGHT
        chunk_cos = dict(zip((int(i) for i in chunk_ids), (float(s) for s in chunk_sim)))
        picked = _diversify(fused, self.article_of, k)
        passages = []
        for c, score in picked:
            cos = chunk_cos[c] if c in chunk_cos else float(self.store.chunk_vectors[c] @ qv)
            sim = max(cos, best_sentence.get(c, -1.0))
            passages.append(self.passage(c, score, sim, cos))
        return passages

    def passage(self, c: int, score: float, similarity: float, chunk_similarity: float = 0.0) -> Passage:
        chunk: Chunk = self.store.chunks[c]
        article: ArticleRecord = self.store.articles[chunk.article_id]
        return Passage(
            chunk_id=chunk.id, article_id=chunk.article_id, title=article.title, heading=chunk.heading,
            text=chunk.text, score=score, similarity=similarity, chunk_similarity=chunk_similarity, site=article.site, url=article.url,
            date=article.date, start=chunk.start, sentences=self.store.sentences_in(c),
            sentence_rows=self.store.sentence_rows(c), row=c,
        )

    def sentences_near(self, vector: np.ndarray, positions: np.ndarray, vectors: np.ndarray, exclude_articles=(), k: int = 3):
        """The `k` sentences among `positions` (whose vectors are `vectors`) closest to `vector`, outside
        `exclude_articles`, as (passage, sentence, cosine) triples, best first."""
        if len(positions) == 0:
            return []
        sims = vectors @ vector
        out = []
        # The head of the ranking first (the usual case: no exclusions to skip), the whole only when it runs out.
        head = np.argpartition(-sims, 8 * k)[: 8 * k] if len(sims) > 8 * k else np.arange(len(sims))
        head = head[np.argsort(-sims[head], kind="stable")]
        for i in _chain(head, lambda: (order := np.argsort(-sims, kind="stable"))[~np.isin(order, head)]):
            sentence = self.store.sentences[positions[i]]
            if sentence.article_id in exclude_articles:
                continue
            c = int(self.chunk_of_sentence[positions[i]])
            out.append((self.passage(c, 0.0, float(sims[i])), sentence, float(sims[i])))
            if len(out) >= k:
                break
        return out

    def same_section(self, a: int, b: int) -> bool:
        x, y = self.store.chunks[a], self.store.chunks[b]
        return x.article_id == y.article_id and x.heading == y.heading

    def chunk_vector(self, passage: Passage) -> np.ndarray:
        """The index-time vector of a passage's chunk (float32)."""
        return np.asarray(self.store.chunk_vectors[passage.row], dtype=np.float32)

    def sentence_vectors(self, passage: Passage) -> np.ndarray:
        """The index-time vectors of a passage's sentences, in order (float32)."""
        return self.vectors_of_rows(passage.sentence_rows)

    def vectors_of_rows(self, rows: range) -> np.ndarray:
        return self.store.sentence_vectors[rows.start : rows.stop].astype(np.float32)

    def _touched(self, rows: int) -> None:
        """Count sentence-vector rows read from the memory-mapped files; past RELEASE_ROWS, let the OS drop
        their pages from this process. Each row read touches a 4 KB page, so without this a large library's
        resident memory grows towards the whole file (re-reading a dropped page costs a minor fault)."""
        self._rows_read += rows
        if self._rows_read > RELEASE_ROWS:
            self._rows_read = 0
            self.store.sentence_vectors.release()


def _chain(head: np.ndarray, more):
    """The positions of `head`, then those of `more()` (called only if the loop gets that far)."""
    yield from head
    yield from more()


def _diversify(fused: dict[int, float], article_of: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Greedy pick by fused score, each pick from an article decaying that article's later chunks."""
    # Only the best few of each article can be picked, so candidates are the ranked head of the list.
    remaining = sorted(fused.items(), key=lambda kv: -kv[1])[: 4 * k + 8]
    seen: dict[str, int] = {}
    picked = []
    while remaining and len(picked) < k:
        i = max(range(len(remaining)), key=lambda j: remaining[j][1] * SAME_ARTICLE_DECAY ** seen.get(article_of[remaining[j][0]], 0))
        c, score = remaining.pop(i)
        picked.append((c, score * SAME_ARTICLE_DECAY ** seen.get(article_of[c], 0)))
        seen[article_of[c]] = seen.get(article_of[c], 0) + 1
    return picked
