"""Query -> ranked `Passage`s: dense chunk search, dense sentence search and BM25, fused and diversified.

Three rankings of the chunks are fused by reciprocal rank (RRF); the head of the fused list is reordered by a
small learned scorer (a few features, weights fitted across libraries: config.RankWeights); then one article's
chunks are gently down-weighted each time it is picked, so a long article does not crowd out the others.
Does not decide whether the guides cover a question: `Passage.similarity` is the evidence the
answer step judges that by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .chunking import Chunk, Sentence
from .config import KNOBS, RANK_WEIGHTS, RankWeights
from .embedding import Embedder
from .errors import IndexCorruptError
from .index.search import Search
from .index.store import ArticleRecord, IndexStore
from .question import analyse, figure_asked, holds_figure
from .text import LIST_MARKER, QUESTION_STEMS, stems, tokenize_one

_REFERENCES = re.compile(r"\W*(?:references?|bibliography|works cited|citations|sources(?: cited)?|(?:end|foot)notes)\W*$", re.I)
COS, SENTENCE = 1, 2  # feature columns reused as the passage's similarities
# A library whose memory-mapped files are larger than this drops the pages the last question read before the next
# is searched. One question's reads at 100,000 articles hold ~150-400 MB (2 MB page-cache folios), so a large
# library's resident memory stays its in-memory structures plus one question's pages; a small one never releases.
RELEASE_ABOVE_BYTES = 256 * 2**20
_ITEM_LINE = re.compile(rf"^[ \t]*{LIST_MARKER}[ \t]+", re.M)


@dataclass(frozen=True)
class Passage:
    """One retrieved chunk, with where it comes from and how well it matched."""

    chunk_id: str
    article: ArticleRecord  # the article it is from, as the index records it (title, site, url, date): carried, not copied
    heading: str
    text: str
    score: float  # the learned ranking's weight (exp of its score, after the same-article decay): higher is better, only comparable within one query
    similarity: float  # best cosine of the question to the chunk or one of its sentences, in [-1, 1]
    chunk_similarity: float = 0.0  # cosine of the question to the chunk as a whole
    start: int = 0  # offsets of `text` in its article
    sentences: tuple[Sentence, ...] = ()
    sentence_rows: range = range(0)  # where its sentences' vectors are in the index
    row: int = -1  # where its chunk's vector is
    opens_section: bool = False  # the first chunk under its heading: its first sentence may lean on the heading
    # Its heading is one its article repeats under other sections ("Skills needed" under each role): it says which
    # section only with the heading above it (evidence._labels).
    label: bool = False
    context: tuple[str, ...] = ()  # the headings above `heading`, outermost first (Chunk.context)
    # The headings of the subsections its last sentence points at ("... here are some steps toward becoming a data
    # analyst." over "### 1. Get a foundational education", "### 2. ..."), and that sentence's place (evidence.with_outline).
    outline: tuple[str, ...] = ()
    outline_at: int = -1

    @property
    def section(self) -> tuple:
        """Which section of which article it is from: "Product strategy" under one level is not under another."""
        return self.article.id, self.context, self.heading


@dataclass(frozen=True)
class Rankings:
    """One query's three rankings of chunk rows, best first, and the scores they were ranked by."""

    dense: list[int]  # by the cosine of the question to the chunk
    by_sentence: list[int]  # by the cosine of the question to the chunk's best sentence
    by_lexical: list[int]  # by BM25
    chunk_cos: dict[int, float]
    best_sentence: dict[int, float]
    lexical: dict[int, float]
    terms: list[str]  # the query's stemmed terms the index holds (what BM25 ranked by)
    query: str
    asks: str  # the kind of answer the query asks for (question.analyse): a figure, a list, ...


NEIGHBOURS = 5  # chunks nearest a question whose mean cosine says how much of the library is about it


@dataclass(frozen=True)
class Ranked:
    """One search's passages, best first, and the best similarity (chunk or sentence) among all the candidates the
    ranking weighed: whether the library holds anything near the question does not depend on which few are shown."""

    passages: list[Passage]
    best_similarity: float
    # The mean cosine of the question to its NEIGHBOURS nearest chunks: how much of the library is about it. One
    # chatty sentence can match an everyday question well ("Sometimes it's nice grabbing a coffee there" for "is
    # coffee bad for you?"); five whole chunks seldom do.
    neighbourhood: float


class Retriever:
    """Ranking over one `IndexStore`'s search structures (index/search.py): a query in, ranked `Passage`s out.
    Only read once made (thread-safe); making one is cheap, the structures being the store's parts' own. What
    the index is about (its background, subject, vocabulary) is the `Profile`'s, made beside it."""

    def __init__(self, store: IndexStore, embedder: Embedder, index: Search | None = None,
                 background: frozenset[str] = frozenset(), weights: RankWeights = RANK_WEIGHTS):
        self.store = store
        self.embedder = embedder
        self.index = index or Search(store)
        self.background = background  # the library's own subject (Profile.background): no evidence of a topic
        self.weights = np.array(weights.values())
        self.approximate = self.index.approximate
        self._releases = store.mapped_bytes > RELEASE_ABOVE_BYTES

    # ---- the three rankings ---------------------------------------------------------------

    def query_terms(self, query: str) -> tuple[list[str], list[str]]:
        """The query's stemmed content terms, split into (found in the index, not found)."""
        words = tokenize_one(query)
        known = [w for w in words if self.index.n and self.index.df(w) > 0]
        return known, [w for w in words if w not in known]

    def search(self, query: str, k: int = 5, query_vector: np.ndarray | None = None) -> list[Passage]:
        """The `k` best passages for `query`, best first: its three rankings fused, then diversified."""
        return self.ranked(query, k, query_vector).passages

    def ranked(self, query: str, k: int = 5, query_vector: np.ndarray | None = None, more: int = 0) -> Ranked:
        """`search`'s passages, with the best similarity among every candidate the ranking weighed; `more` passages
        after the first `k`, from the same candidates (the first `k` are as they would be without them)."""
        if len(self.store.chunks) == 0 or k <= 0:
            return Ranked([], -1.0, -1.0)
        if self._releases:
            self.store.release()  # the last question's pages: re-reading the few this one shares costs minor faults
        qv = self.embedder.embed_query(query) if query_vector is None else query_vector
        r = self.rankings(query, qv)
        fused = self.fuse(r)
        # Only the best few of each article can be picked, so the candidates are the head of the fused list.
        head = sorted(fused, key=fused.get, reverse=True)[: max(KNOBS.rerank_depth, 4 * k + 8)]
        # A list of the works an article cites answers nothing itself ("References: - S. A. Besser, ... vol. 6, p. 5"
        # led an answer on the risks of AI-written research code): its chunks are no candidates while others are.
        # ... and its subsections ("## SOURCES" over "### Code4rena:", a tester's income guide).
        head = [c for c in head if not any(_REFERENCES.match(h) for h in (*self.store.chunks[c].context, self.store.chunks[c].heading))] or head
        features = self.features(head, fused, r, qv)
        learned = features @ self.weights  # a log-odds of being the passage that answers: exp makes it a weight
        scores = dict(zip(head, np.exp(learned - learned.max())))
        passages = []
        for c, score in _diversify(scores, self.index.article_of, k + more):
            at = head.index(c)
            cos, best = float(features[at, COS]), float(features[at, SENTENCE])
            passages.append(self.passage(c, float(score), max(cos, best), cos))
        nearest = [r.chunk_cos[c] for c in r.dense[:NEIGHBOURS]]
        return Ranked(passages, float(np.maximum(features[:, COS], features[:, SENTENCE]).max()),
                      float(np.mean(nearest)) if nearest else -1.0)

    def features(self, head: list[int], fused: dict[int, float], r: Rankings, qv: np.ndarray) -> np.ndarray:
        """What the ranking weighs for each candidate chunk, one row each, columns as `RankWeights.FEATURES`."""
        missing = np.array([c for c in head if c not in r.best_sentence], dtype=np.int64)
        best = {**r.best_sentence, **(self._best_sentences(missing, qv) if len(missing) else {})}
        top_lexical = max(r.lexical.values(), default=0.0) or 1.0
        terms = set(r.terms) - QUESTION_STEMS - self.background
        share = (lambda text: len(stems(text) & terms) / len(terms)) if terms else (lambda text: 0.0)
        # Whether a chunk gives the kind of answer asked: a figure of the kind asked for "how long ...?", a list
        # for "what are the steps ...?" (0 for questions of other kinds).
        kind = figure_asked(r.query) if r.asks == "amount" else ""
        figure = (lambda text: float(holds_figure(kind, text))) if kind else (lambda text: 0.0)
        items = (lambda text: float(len(_ITEM_LINE.findall(text)) >= 2)) if r.asks in ("list", "steps") else (lambda text: 0.0)
        windows = self._window_cosines(head, qv)
        rows = []
        for c, window in zip(head, windows):
            chunk = self.store.chunks[c]
            cos = r.chunk_cos[c] if c in r.chunk_cos else float(self.store.chunk_vectors[c] @ qv)
            heading = " ".join((*chunk.context[-1:], chunk.heading))  # "Perception Engineer › Skills needed"
            rows.append((fused[c], cos, best.get(c, -1.0), r.lexical.get(c, 0.0) / top_lexical, share(heading),
                         share(chunk.text), float(len(self.store.sentences_in(c))), figure(chunk.text), items(chunk.text),
                         float(window)))
        return np.array(rows, dtype=np.float64).reshape(len(head), len(RankWeights.FEATURES))

    def _window_cosines(self, head: list[int], qv: np.ndarray) -> np.ndarray:
        """The question's cosine to each chunk read with its neighbours in the article (the sum of the three
        vectors): a short section is judged with the text around it, as a reader (and a 1,000-character window)
        would read it."""
        article_of, vectors = self.index.article_of, self.store.chunk_vectors
        rows = np.asarray(head, dtype=np.int64)
        window = vectors[rows].astype(np.float32)
        for step in (-1, 1):
            near = np.clip(rows + step, 0, len(article_of) - 1)
            same = (near != rows) & (article_of[near] == article_of[rows])
            window[same] += vectors[near[same]]
        norms = np.linalg.norm(window, axis=1)
        return (window @ qv) / np.where(norms > 0, norms, 1.0)

    def fuse(self, r: Rankings) -> dict[int, float]:
        """Each ranked chunk's reciprocal-rank fusion score (a chunk mostly made of questions weighs less)."""
        fused: dict[int, float] = {}
        for weight, ranking in zip(KNOBS.rrf_weights, (r.dense, r.by_sentence, r.by_lexical)):
            for rank, c in enumerate(ranking):
                fused[c] = fused.get(c, 0.0) + weight / (KNOBS.rrf_k + rank + 1)
        for c in self.index.question_lists & fused.keys():
            fused[c] *= KNOBS.question_list_weight
        return fused

    def rankings(self, query: str, qv: np.ndarray) -> Rankings:
        """The three rankings of the chunks for one query, each read KNOBS.depth deep."""
        depth = min(KNOBS.depth, len(self.store.chunks))
        chunk_sim, chunk_ids = self.index.nearest_chunks(qv, depth)
        dense = [int(i) for i in chunk_ids]
        terms = self.query_terms(query)[0]
        lexical = self.index.best(terms, KNOBS.depth) if terms else {}
        by_lexical = sorted(lexical, key=lexical.get, reverse=True)
        if self.index.sentence_index is not None:
            best_sentence: dict[int, float] = {}
            sent_sim, sent_ids = self.index.nearest_sentences(qv, KNOBS.depth * 3)
            for sim, si in zip(sent_sim, sent_ids):
                best_sentence.setdefault(int(self.index.chunk_of_sentence[si]), float(sim))  # sorted: first is best
        else:
            best_sentence = self._best_sentences(np.array(list(dict.fromkeys(dense + by_lexical)), dtype=np.int64), qv)
        chunk_cos = dict(zip(dense, (float(s) for s in chunk_sim)))
        return Rankings(dense, list(best_sentence)[:depth], by_lexical, chunk_cos, best_sentence, lexical, terms,
                        query, analyse(query).type)

    def _best_sentences(self, candidates: np.ndarray, qv: np.ndarray) -> dict[int, float]:
        """Each candidate chunk's best sentence cosine, best first: its sentences gathered and scored at once."""
        starts = self.store._starts
        counts = starts[candidates + 1] - starts[candidates]
        rows = np.repeat(starts[candidates] - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        sims = self.store.sentence_vectors[rows].astype(np.float32) @ qv if len(rows) else np.zeros(0, np.float32)
        if not np.isfinite(sims).all():  # a large segment's vectors are checked on use, not when opened
            raise IndexCorruptError(self.store.parts[0].folder or "the index", "a vector file holds values that are not finite numbers")
        best = np.full(len(candidates), -1.0, dtype=np.float32)
        has = counts > 0  # each candidate's sentences are a contiguous run of `sims`
        if has.any():
            best[has] = np.maximum.reduceat(sims, (np.cumsum(counts) - counts)[has])
        order = np.argsort(-best, kind="stable")
        return {int(candidates[i]): float(best[i]) for i in order}

    def passage(self, c: int, score: float, similarity: float, chunk_similarity: float = 0.0) -> Passage:
        chunk: Chunk = self.store.chunks[c]
        before: Chunk | None = self.store.chunks[c - 1] if c > 0 else None
        return Passage(
            chunk_id=chunk.id, article=self.store.articles[chunk.article_id], heading=chunk.heading, text=chunk.text,
            score=score, similarity=similarity, chunk_similarity=chunk_similarity, start=chunk.start,
            sentences=self.store.sentences_in(c),
            sentence_rows=self.store.sentence_rows(c), row=c,
            opens_section=before is None or before.article_id != chunk.article_id or before.heading != chunk.heading
            or before.context != chunk.context,
            context=chunk.context,
        )


def _diversify(fused: dict[int, float], article_of: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Greedy pick by fused score, each pick from an article decaying that article's later chunks."""
    remaining = sorted(fused.items(), key=lambda kv: -kv[1])
    seen: dict[str, int] = {}
    picked = []
    while remaining and len(picked) < k:
        i = max(range(len(remaining)), key=lambda j: remaining[j][1] * KNOBS.same_article_decay ** seen.get(article_of[remaining[j][0]], 0))
        c, score = remaining.pop(i)
        picked.append((c, score * KNOBS.same_article_decay ** seen.get(article_of[c], 0)))
        seen[article_of[c]] = seen.get(article_of[c], 0) + 1
    return picked
