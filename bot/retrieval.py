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

import bm25s
import faiss
import numpy as np
import Stemmer

from .chunking import Chunk, Sentence
from .embedding import Embedder
from .library import derive
from .stance import stance
from .store import ArticleRecord, IndexStore

# Stemmed question words that say nothing about the topic. bm25s's tokenizer already drops its English stop
# words ("is", "are", "the"...); these are the ones it keeps. BM25 keeps them too, since they match
# question-style headings ("Where can you get ...?"); sentence scoring drops them.
QUESTION_WORDS = {
    "what", "doe", "do", "did", "how", "why", "which", "who", "whom", "when", "where", "can", "could", "should",
    "would", "will", "may", "might", "must", "i", "me", "my", "mine", "we", "our", "you", "your", "am",
    "get", "need", "want", "tell", "know", "like", "about", "pleas", "someon", "anyon", "thing", "much", "mani", "whi",
}
APPROXIMATE_ABOVE = 20_000  # chunks; above this, IVF instead of exact search (about 3,000 articles)
IVF_NPROBE = 24  # cells searched per query: the recall/speed trade-off, measured by `bench`
# One thread for FAISS: a single query gains nothing from more, and idle OpenMP threads spinning after
# a parallel search steal the two cores from the next query's encoding (seen as a 2x slower model).
faiss.omp_set_num_threads(1)
# Reciprocal-rank fusion constant. 60 (Cormack et al., 2009) was set for fusing dozens of runs; with our
# three it let a chunk all three put mid-list beat one two of them put first. 3-12 score alike; 10 is
# taken from that plateau (`python -m bot eval`: dev MRR@10 0.878 -> 0.917, held-out 0.802 -> 0.842).
RRF_K = 10
DEPTH = 50  # how deep each ranking is read before fusing
SAME_ARTICLE_DECAY = 0.8  # each further chunk from an already-picked article has its fused score x0.8
QUESTION_LIST_WEIGHT = 0.5  # fused score factor for a chunk mostly made of questions (a table of contents)
# A term in this share of the chunks is the library's own subject ("machine learning engineer" is in 95% of
# the guides' chunks; the next term, "data", in 58%). Not judged in a library of fewer chunks than this.
BACKGROUND_SHARE = 0.8
BACKGROUND_MIN_CHUNKS = 20
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
    """Search structures over one `IndexStore`, built once and then only read (thread-safe)."""

    def __init__(self, store: IndexStore, embedder: Embedder, previous: "Retriever | None" = None):
        """Build the search structures. When `store` is `previous.store` with articles appended (an add) or
        one article's rows cut out (a remove), derive them from copies of the previous ones instead of
        starting over: only new chunks are tokenized, and an IVF keeps its trained cells. The previous
        retriever is not changed (it keeps serving questions in flight)."""
        self.store = store
        self.embedder = embedder
        self.lock = threading.Lock()  # for values computed on first use (see CareerBot)
        self.stemmer = Stemmer.Stemmer("english")
        self.approximate = len(store.chunks) > APPROXIMATE_ABOVE
        self.query_terms = lru_cache(maxsize=256)(self._query_terms)  # per index: the vocabulary decides
        change = _change(previous.store, store) if previous is not None and previous.approximate == self.approximate else None
        starts = store._starts
        if change is None:  # from scratch
            self.chunk_index = _ivf(store.chunk_vectors, store.dimension) if self.approximate else _flat(store.chunk_vectors, store.dimension)
            # Exact search over every sentence is cheap for a few thousand; above the threshold only the
            # sentences of candidate chunks are scored (see search()).
            self.sentence_index = None if self.approximate else _flat(store.sentence_vectors, store.dimension)
            self.chunk_of_sentence, self.article_of, self.question_lists = _per_chunk(store, 0)
            self.vocab_ids: dict[str, int] = {}
            self._token_ids, self._token_ends = self._tokenize(store.chunks)
        elif change[0] == "append":
            old, first = change[1], int(starts[change[1]])
            base = previous
            self.chunk_index = _extended(base.chunk_index, store.chunk_vectors[old:])
            self.sentence_index = None if self.approximate else _extended(base.sentence_index, store.sentence_vectors[first:])
            cos, art, ql = _per_chunk(store, old)
            self.chunk_of_sentence = np.concatenate([base.chunk_of_sentence, cos])
            self.article_of = base.article_of + art
            self.question_lists = base.question_lists | ql
            self.vocab_ids = dict(base.vocab_ids)
            ids, ends = self._tokenize(store.chunks[old:])
            self._token_ids = np.concatenate([base._token_ids, ids])
            self._token_ends = np.concatenate([base._token_ends, (base._token_ends[-1] if old else 0) + ends])
        else:  # one contiguous range of chunks [a, b) removed
            a, b = change[1], change[2]
            base, cut = previous, b - a
            old_starts = base.store._starts
            sa, sb = int(old_starts[a]), int(old_starts[b])
            self.chunk_index = _refilled(base.chunk_index, store.chunk_vectors) if self.approximate else _flat(store.chunk_vectors, store.dimension)
            self.sentence_index = None if self.approximate else _flat(store.sentence_vectors, store.dimension)
            self.chunk_of_sentence = np.concatenate([base.chunk_of_sentence[:sa], base.chunk_of_sentence[sb:] - cut])
            self.article_of = base.article_of[:a] + base.article_of[b:]
            self.question_lists = {c if c < a else c - cut for c in base.question_lists if not a <= c < b}
            self.vocab_ids = dict(base.vocab_ids)
            ends = base._token_ends
            ta, tb = (int(ends[a - 1]) if a else 0), int(ends[b - 1])
            self._token_ids = np.concatenate([base._token_ids[:ta], base._token_ids[tb:]])
            self._token_ends = np.concatenate([ends[:a], ends[b:] - (tb - ta)])
        # Building read every vector; the search structures now hold their own copies, so the file pages
        # need not stay in this process's memory (they are read again, a few rows at a time, when scored).
        store.chunk_vectors.release()
        store.sentence_vectors.release()
        self.bm25 = bm25s.BM25()
        self._lexical_ok = bool(store.chunks)
        if self._lexical_ok:
            # Scores are recomputed for every chunk (each term's idf changes with the corpus), from the kept ids.
            docs = np.split(self._token_ids, self._token_ends[:-1])
            self.bm25.index((docs, dict(self.vocab_ids)), show_progress=False)
        self.background = self._background()
        self.stems = lru_cache(maxsize=65536)(self._stems)  # the same sentences come back question after question
        self.sorted_vocab = sorted(self.vocab_ids)  # for prefix look-ups ("stats" -> "statist")
        self._soft = None  # positions and vectors of alternative-view sentences, gathered on first need
        self._headings = None  # usable section headings and their chunk rows, gathered on first refusal
        self._direction = None  # the background's vector, embedded on first need
        self._words: dict[str, np.ndarray] = {}
        sections = list(dict.fromkeys((c.article_id, c.heading) for c in store.chunks))
        self.library = derive(
            [a.title for a in store.articles.values()], [h for _, h in sections],
            [a.abbreviations for a in store.articles.values()], self.background, self.stemmer.stemWord, store.library,
        )

    def _background(self) -> frozenset[str]:
        """Stemmed terms in nearly every chunk: what the whole library is about, so they tell no passage apart."""
        n = len(self.store.chunks)
        if not self._lexical_ok or n < BACKGROUND_MIN_CHUNKS:
            return frozenset()
        df = np.diff(self.bm25.scores["indptr"])  # chunks holding each term (the matrix has a column per term)
        return frozenset(w for w, i in self.vocab_ids.items() if i < len(df) and df[i] >= BACKGROUND_SHARE * n)

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

    def _tokenize(self, chunks, batch: int = 2048) -> tuple[np.ndarray, np.ndarray]:
        """Stemmed token ids of `chunks` (flat int32, and each chunk's end), adding new terms to `vocab_ids`.
        Tokenized a batch at a time: a list of strings for every token of a large index would not fit."""
        vocab, flat, lengths = self.vocab_ids, [], []
        for k in range(0, len(chunks), batch):
            texts = [c.embed_text for c in chunks[k : k + batch]]
            for doc in bm25s.tokenize(texts, stemmer=self.stemmer, return_ids=False, show_progress=False):
                flat.append(np.fromiter((vocab.setdefault(w, len(vocab)) for w in doc), dtype=np.int32, count=len(doc)))
                lengths.append(len(doc))
        ids = np.concatenate(flat) if flat else np.zeros(0, np.int32)
        return ids, np.cumsum(np.array(lengths, dtype=np.int64))

    # ---- evidence for the answer step ------------------------------------------------------

    def background_direction(self) -> np.ndarray:
        """The vector of the library's background words as written in its subject ("machine learning engineer"),
        embedded once per index."""
        if self._direction is None:
            self._direction = self.embedder.embed_query(self.library.background_phrase or " ".join(sorted(self.background)))
        return self._direction

    def word_vector(self, word: str) -> np.ndarray:
        """One word's vector, kept per index: the same unusual words come back question after question."""
        vector = self._words.get(word)
        if vector is None:
            if len(self._words) > 4096:
                self._words.clear()
            vector = self._words[word] = self.embedder.embed_query(word)
        return vector

    def soft_sentences(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions and vectors of the alternative-view sentences, gathered once per index into one small array."""
        if self._soft is None:
            with self.lock:
                if self._soft is None:
                    positions = np.array(
                        [i for i, s in enumerate(self.store.sentences) if stance(s.text) == "soft"], dtype=np.int64
                    )
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
                rows: dict[str, list[int]] = {}
                titles = {a.title.strip().lower() for a in self.store.articles.values()}
                for i, chunk in enumerate(self.store.chunks):
                    heading = chunk.heading.strip()
                    # A heading that is an article's title, or one word ("Conclusion"), names no answerable topic.
                    if 12 <= len(heading) <= 90 and heading.lower() not in titles and len(heading.split()) >= 2:
                        rows.setdefault(heading, []).append(i)
                self._headings = (list(rows), [np.array(r) for r in rows.values()])
        names, rows = self._headings
        if not names:
            return self.library.examples
        sims = self.store.chunk_vectors @ vector
        best = [float(sims[r].max()) for r in rows]
        ranked = [names[i] for i in np.argsort(best)[::-1][:n]]
        return tuple(h if h.endswith("?") else f"What do the guides say about “{h}”?" for h in ranked)

    # ---- the three rankings ---------------------------------------------------------------

    def lexical_scores(self, query: str) -> dict[int, float]:
        """BM25 score per chunk position, for chunks sharing at least one stemmed term with the query."""
        if not self._lexical_ok:
            return {}
        known = self.query_terms(query)[0]
        if not known:
            return {}
        scores = self.bm25.get_scores(known)
        top = np.argpartition(-scores, DEPTH)[:DEPTH] if len(scores) > DEPTH else np.arange(len(scores))
        return {int(i): float(scores[i]) for i in top if scores[i] > 0}

    def _query_terms(self, query: str) -> tuple[list[str], list[str]]:
        """The query's stemmed content terms, split into (found in the index, not found)."""
        words = bm25s.tokenize([query], stemmer=self.stemmer, return_ids=False, show_progress=False)[0]
        vocab = self.vocab_ids if self._lexical_ok else {}
        return [w for w in words if w in vocab], [w for w in words if w not in vocab]

    def search(self, query: str, k: int = 5, query_vector: np.ndarray | None = None) -> list[Passage]:
        n = len(self.store.chunks)
        if n == 0 or k <= 0:
            return []
        qv = self.embedder.embed_query(query) if query_vector is None else query_vector
        q = qv.reshape(1, -1)
        depth = min(DEPTH, n)
        chunk_sim, chunk_ids = self.chunk_index.search(q, depth)
        dense = [int(i) for i in chunk_ids[0] if i >= 0]
        lexical = self.lexical_scores(query)
        by_lexical = sorted(lexical, key=lexical.get, reverse=True)
        best_sentence: dict[int, float] = {}
        if self.sentence_index is not None:
            sent_sim, sent_ids = self.sentence_index.search(q, min(DEPTH * 3, len(self.store.sentences)))
            for sim, si in zip(sent_sim[0], sent_ids[0]):
                if si >= 0:
                    best_sentence.setdefault(int(self.chunk_of_sentence[si]), float(sim))  # sorted: first is best
        else:
            for c in dict.fromkeys(dense + by_lexical):
                sims = self.vectors_of_rows(self.store.sentence_rows(c)) @ qv
                best_sentence[c] = float(sims.max()) if len(sims) else -1.0
            best_sentence = dict(sorted(best_sentence.items(), key=lambda kv: -kv[1]))
        by_sentence = list(best_sentence)[:depth]

        fused: dict[int, float] = {}
        for ranking in (dense, by_sentence, by_lexical):
            for rank, c in enumerate(ranking):
                fused[c] = fused.get(c, 0.0) + 1.0 / (RRF_K + rank + 1)

        for c in self.question_lists & fused.keys():
            fused[c] *= QUESTION_LIST_WEIGHT
        chunk_cos = dict(zip((int(i) for i in chunk_ids[0]), (float(s) for s in chunk_sim[0])))
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
        for i in np.argsort(-sims):
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


def _diversify(fused: dict[int, float], article_of: list[str], k: int) -> list[tuple[int, float]]:
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


def _change(old: IndexStore, new: IndexStore):
    """("append", n) when `new` is `old` (n chunks) plus rows at the end; ("remove", a, b) when it is `old`
    without chunks a..b; else None. Compares the records themselves (identity), not equal copies."""
    n, m = len(old.chunks), len(new.chunks)
    if 0 < n <= m and all(x is y for x, y in zip(old.chunks, new.chunks[:n])):
        return ("append", n)
    if 0 < m < n:
        a = next((i for i, (x, y) in enumerate(zip(old.chunks, new.chunks)) if x is not y), m)
        b = a + (n - m)
        if all(x is y for x, y in zip(old.chunks[b:], new.chunks[a:])):
            return ("remove", a, b)
    return None


def _per_chunk(store: IndexStore, first: int):
    """For chunks first.. : the chunk of each of their sentences, their article ids, and which are question lists."""
    starts = store._starts[first:]
    chunks = store.chunks[first:]
    chunk_of_sentence = first + np.repeat(np.arange(len(chunks)), np.diff(starts))
    sentences = store.sentences[int(starts[0]) :] if len(starts) else ()
    # "We'll answer: What does an ML engineer do? How much do they earn? ..." matches every question
    # and answers none of them.
    asks = np.fromiter((s.text.rstrip().endswith("?") for s in sentences), dtype=bool, count=len(sentences))
    questions = np.bincount(chunk_of_sentence[asks] - first, minlength=len(chunks))
    sizes = np.diff(starts)
    question_lists = set((first + np.flatnonzero((sizes >= 3) & (questions * 2 >= sizes))).tolist())
    return chunk_of_sentence, [c.article_id for c in chunks], question_lists


def _add_rows(index: faiss.Index, vectors, batch: int = 8192) -> None:
    """Add rows a batch at a time (a float32 copy of every vector at once would double the memory)."""
    for k in range(0, len(vectors), batch):
        index.add(np.ascontiguousarray(vectors[k : k + batch], dtype=np.float32))


def _refilled(index: faiss.Index, vectors) -> faiss.Index:
    """A copy of a trained IVF holding `vectors` instead (no retraining)."""
    index = faiss.clone_index(index)
    index.reset()
    _add_rows(index, vectors)
    return index


def _extended(index: faiss.Index, vectors: np.ndarray) -> faiss.Index:
    """A copy of `index` with `vectors` added (an IVF keeps its trained cells)."""
    index = faiss.clone_index(index)
    _add_rows(index, vectors)
    return index


def _ivf(vectors: np.ndarray, dimension: int) -> faiss.Index:
    """An inverted-file index: k-means cells, searching the `nprobe` nearest. Recall@10 against exact
    search is measured by `python -m bot bench` (>= 0.95 at IVF_NPROBE)."""
    n = len(vectors)
    nlist = max(64, int(2 * np.sqrt(n)))  # ~530 cells at 70k chunks; 40 training points each
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dimension), dimension, nlist, faiss.METRIC_INNER_PRODUCT)
    sample = vectors[np.random.default_rng(0).choice(n, size=min(n, 40 * nlist), replace=False)]
    index.train(np.ascontiguousarray(sample, dtype=np.float32))
    _add_rows(index, vectors)
    index.nprobe = IVF_NPROBE
    return index


def _flat(vectors: np.ndarray, dimension: int) -> faiss.Index:
    index = faiss.IndexFlatIP(dimension)  # inner product on unit vectors == cosine
    _add_rows(index, vectors)
    return index
