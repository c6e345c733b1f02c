"""Query -> ranked `Passage`s: dense chunk search, dense sentence search and BM25, fused and diversified.

Three rankings of the chunks are fused by reciprocal rank (RRF), then one article's chunks are
gently down-weighted each time it is picked, so a long article does not crowd out the others.
Does not decide whether the guides cover a question: `Passage.similarity` is the evidence the
answer step judges that by.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .chunking import Chunk, Sentence
from .embedding import Embedder
from .errors import IndexCorruptError
from .index.search import Search
from .index.store import ArticleRecord, IndexStore
from .text import tokenize_one

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
RELEASE_ROWS = 20_000  # sentence-vector rows read (at most about 80 MB of pages touched) before their pages are released


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
    """Ranking over one `IndexStore`'s search structures (index/search.py): a query in, ranked `Passage`s out.
    Only read once made (thread-safe); making one is cheap, the structures being the store's parts' own. What
    the index is about (its background, subject, vocabulary) is the `Profile`'s, made beside it."""

    def __init__(self, store: IndexStore, embedder: Embedder):
        self.store = store
        self.embedder = embedder
        self.index = Search(store)
        self.approximate = self.index.approximate
        self._rows_read = 0

    # ---- the three rankings ---------------------------------------------------------------

    def lexical_scores(self, query: str) -> dict[int, float]:
        """BM25 score per chunk position, for chunks sharing at least one stemmed term with the query."""
        known = self.query_terms(query)[0]
        if not known:
            return {}
        return self.index.best(known, DEPTH)

    def query_terms(self, query: str) -> tuple[list[str], list[str]]:
        """The query's stemmed content terms, split into (found in the index, not found)."""
        words = tokenize_one(query)
        known = [w for w in words if self.index.n and self.index.df(w) > 0]
        return known, [w for w in words if w not in known]

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
                best_sentence.setdefault(int(self.index.chunk_of_sentence[si]), float(sim))  # sorted: first is best
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

        for c in self.index.question_lists & fused.keys():
            fused[c] *= QUESTION_LIST_WEIGHT
        chunk_cos = dict(zip((int(i) for i in chunk_ids), (float(s) for s in chunk_sim)))
        picked = _diversify(fused, self.index.article_of, k)
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

    def _touched(self, rows: int) -> None:
        """Count sentence-vector rows read from the memory-mapped files; past RELEASE_ROWS, let the OS drop
        their pages from this process. Each row read touches a 4 KB page, so without this a large library's
        resident memory grows towards the whole file (re-reading a dropped page costs a minor fault)."""
        self._rows_read += rows
        if self._rows_read > RELEASE_ROWS:
            self._rows_read = 0
            self.store.sentence_vectors.release()


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
