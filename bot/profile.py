"""What one loaded index is about, derived from it once: its background words, subject and examples, its
vocabulary, the headings offered with a refusal, the sentences that offer an alternative view.

Made beside the `Retriever` whenever an index is loaded, and read only after that (thread-safe): the values
needed for every question are computed when it is made, the rest (`cached_property`) on first need. Does
not rank passages (retrieval.py) or judge a question (evidence.py).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import cached_property

import numpy as np

from .config import KNOBS, THRESHOLDS
from .embedding import Embedder
from .index.search import Search
from .index.store import IndexStore
from .library import Library, about, derive, readable_heading, stands_alone, tells_own_story
from .text import QUESTION_STEMS, folded, stem, tokenize_one

BACKGROUND_MIN_CHUNKS = 20  # a library of fewer chunks is too small to tell its background words (KNOBS.background_share)
WORDS_KEPT = 4096  # word vectors kept (see `word_vectors`)
SIBLINGS_MAX = 12  # more words in one heading's slot are a list of topics ("Tips for X"), not alternatives
CONTEXT_SCAN_CHUNKS = 20_000  # about 3,000 articles, their chunk records read once (`_heading_terms`; 485 chunks: 0.3 ms)
SOFT_WINDOW = 1 << 15  # sentence rows per gather in `soft_sentences` (~25 MB of the mapped file at a time)
_WORD = re.compile(r"[\w'+#-]+")
_NUMBERED_NAME = re.compile(r"\b([A-Z][a-z]{2,12}) (\d{1,2})\b")


class Profile:
    """One index's derived facts. `library` is what the greeting, examples and abbreviations come from."""

    def __init__(self, store: IndexStore, index: Search, embedder: Embedder):
        self.store, self.index, self.embedder = store, index, embedder
        self.background: frozenset[str] = index.background(KNOBS.background_share) if index.n >= BACKGROUND_MIN_CHUNKS else frozenset()
        self.has_vocabulary = index.n > 0
        self.library: Library = derive(
            [a.title for a in store.articles.values()], index.section_counts(),
            [a.abbreviations for a in store.articles.values()], self.background, stem, store.library, self._centrality,
            self._spread,
        )
        # Word vectors asked for before: the same unusual words come back question after question. A memo of
        # the model's output, not derived state: bounded, and kept whole or emptied under its own lock.
        self._words: dict[str, np.ndarray] = {}
        self._words_lock = threading.Lock()

    def _centrality(self, text: str) -> float:
        """How much of the library `text`'s words run through: the mean log document frequency of its terms (not
        question words). Used once, when the profile is made, to choose the examples offered."""
        terms = [t for t in tokenize_one(text) if t not in QUESTION_STEMS]
        return sum(float(np.log1p(self.index.df(t))) for t in terms) / len(terms) if terms else 0.0

    def _spread(self, phrase: str) -> float:
        """The share of the library's chunks that hold the least common word of `phrase`. Used once, when the
        profile is made, to tell a subject from a word the titles share by their format."""
        words = [stem(w.lower()) for w in _WORD.findall(phrase)]
        return min((self.index.df(w) / self.index.n for w in words), default=0.0) if self.index.n else 0.0

    def knows_term(self, term: str) -> bool:
        """Whether a stemmed term (or a word as written) occurs in the library: in a chunk, a heading or a title."""
        return self.index.df(term) > 0 or term in self._heading_terms

    @cached_property
    def _heading_terms(self) -> frozenset[str]:
        """The stemmed words of every heading and title: the lexical index holds chunks' text alone, and a word only a
        heading writes was said never to be mentioned ("### Stress Level", "### Salary Ranges in India": a tester's)."""
        names = {*self.index.section_counts(), *(a.title for a in self.store.articles.values())}
        # ... and the headings above a chunk's own ("### Salary Ranges in India" over "#### Fresher (0-1 year):"), read
        # from every chunk record: only in a library of up to CONTEXT_SCAN_CHUNKS chunks. At 100,000 articles the scan
        # put 490 MB of mapped records into resident memory (peak RSS 2,203 -> 2,693 MB, `bench`).
        if len(self.store.chunks) <= CONTEXT_SCAN_CHUNKS:
            names |= {h for chunk in self.store.chunks for h in chunk.context}
        return frozenset(t for name in names for t in tokenize_one(name))

    @cached_property
    def shared_titles(self) -> frozenset[str]:
        """The titles (lowercased) two articles or more share: "Introduction" of two sites' pages, "Optometrist" of a
        careers page and a blog post. Cited by title alone, a reader cannot tell them apart."""
        seen = Counter(a.title.strip().lower() for a in self.store.articles.values())
        return frozenset(t for t, n in seen.items() if n > 1)

    @cached_property
    def siblings(self) -> dict[str, frozenset[str]]:
        """Words the library's headings and titles use in each other's place (stemmed): "senior" and "staff" of
        "Senior product manager" and "Staff product manager", "m3" and "m4", "designer" and "manager". A follow-up
        that names one ("and for staff?") asks the earlier question of it. Derived from the headings alone."""
        names = self._names
        slots: dict[tuple, set[str]] = {}
        stemmed: dict[str, str] = {}  # headings repeat their words: each stemmed once
        for name in dict.fromkeys(n.strip().lower() for n in names):
            words = _WORD.findall(name)
            if not 2 <= len(words) <= 6:
                continue
            keys = [stemmed.get(w) or stemmed.setdefault(w, stem(w)) for w in words]
            for i, key in enumerate(keys):  # the heading with one word left out: what its siblings share
                if key not in QUESTION_STEMS:
                    slots.setdefault((*keys[:i], None, *keys[i + 1 :]), set()).add(key)
        out: dict[str, set[str]] = {}
        for group in slots.values():
            if 1 < len(group) <= SIBLINGS_MAX:
                for key in group:
                    out.setdefault(key, set()).update(group - {key})
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def numbered_names(self) -> frozenset[str]:
        """What the library's headings and titles name with a word and a number ("USMLE Step 1", "Level 3 Diploma"),
        lowercased ("step 1"): in a follow-up, the name, not the list item pointed at by its number."""
        return frozenset(f"{w.lower()} {n}" for name in self._names for w, n in _NUMBERED_NAME.findall(name))

    @property
    def _names(self) -> list[str]:
        """The library's section headings and article titles (`siblings`, `numbered_names`: each read once)."""
        return list(self.index.headings()[0]) + [a.title for a in self.store.articles.values()]

    @cached_property
    def hosts(self) -> frozenset[str]:
        """The lowercased hosts of the library's articles' addresses and their sites' names ("citizensinformation.ie")."""
        return frozenset(h for a in self.store.articles.values()
                         for h in (re.sub(r"^\w+://", "", a.url).split("/")[0].lower(), a.site.strip().lower()) if h)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """The lowercased words of the library's article titles and their sites' names ("alice" of a page titled "About"
        on the site "Alice Tivarovsky")."""
        return frozenset(w.lower() for a in self.store.articles.values() for w in re.findall(r"\w+", f"{a.title} {a.site}"))

    @cached_property
    def accented(self) -> dict[str, str]:
        """The library's terms written with accents, by their letters without them ("notr": "nôtr"): a name typed
        without its accents is the library's ("Le Notre" of "André Le Nôtre"; a tester's was told it was never mentioned)."""
        return {f: t for t in self.vocabulary if not t.isascii() and (f := folded(t)) != t}

    @cached_property
    def vocabulary(self) -> list[str]:
        """Every term of the library, sorted (for prefix and spelling look-ups)."""
        return self.index.vocabulary()

    @cached_property
    def background_direction(self) -> np.ndarray:
        """The vector of the library's background words as written in its subject ("machine learning engineer")."""
        return self.embedder.embed_query(self.library.background_phrase or " ".join(sorted(self.background)))

    def background_words(self, query: str) -> str:
        """The query's words that are the library's background ("machine learning engineer"), when the query
        has a subject besides them ("... signal processing?"); else ""."""
        if not self.background:
            return ""
        background, rest = [], []
        for w in _WORD.findall(query):
            (background if stem(w.lower()) in self.background else rest).append(w.lower())
        subject = {t for t in tokenize_one(" ".join(rest)) if self.knows_term(t)} - QUESTION_STEMS if background else set()
        return " ".join(background) if subject else ""

    def word_vectors(self, words: list[str]) -> dict[str, np.ndarray]:
        """Each word's vector; the words not kept yet are embedded in one batch, so a question's cost does not
        grow with its length."""
        with self._words_lock:
            known = {w: self._words[w] for w in words if w in self._words}
        missing = [w for w in dict.fromkeys(words) if w not in known]
        if missing:
            known.update(zip(missing, self.embedder.encode(missing, batch_size=len(missing))))
            with self._words_lock:
                if len(self._words) + len(missing) > WORDS_KEPT:
                    self._words.clear()
                self._words.update((w, known[w]) for w in missing)
        return {w: known[w] for w in words}

    @cached_property
    def soft_sentences(self) -> tuple[np.ndarray, np.ndarray]:
        """Positions and vectors of the sentences that offer an alternative view, gathered into one small array."""
        positions = self.index.soft_sentences()  # ascending
        rows = self.store.sentence_vectors
        parts = []
        # Gathered a window of rows at a time, each window's pages released after it: a gather of rows spread
        # over the whole file would make nearly all of it resident (the OS maps page cache in folios of up to 2 MB).
        bounds = np.searchsorted(positions, np.arange(0, len(rows) + SOFT_WINDOW, SOFT_WINDOW))
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            if hi > lo:
                parts.append(rows[positions[lo:hi]].astype(np.float32))
                self.store.release()
        vectors = np.concatenate(parts) if parts else np.zeros((0, rows.dimension), np.float32)
        return positions, vectors

    @cached_property
    def _headings(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The headings that name an answerable topic, each chunk's (its number, or -1), and per heading whether
        it needs its article's title to be understood: more than one article has it (a template's "Role summary"),
        or it is a question that leans on its page ("What discipline?")."""
        number: dict[str, int] = {}
        heading_of = np.full(self.index.n, -1, dtype=np.int64)
        titles = {a.title.strip().lower() for a in self.store.articles.values()}
        articles: dict[int, set] = {}
        article_of = self.index.article_of
        for heading, chunk_rows in zip(*self.index.heading_rows()):
            heading = readable_heading(heading)
            # A heading that is an article's title, or one word ("Conclusion"), names no answerable topic.
            if 12 <= len(heading) <= 90 and heading.lower() not in titles and len(heading.split()) >= 2:
                h = number.setdefault(heading, len(number))
                heading_of[chunk_rows] = h
                articles.setdefault(h, set()).update(np.unique(article_of[chunk_rows]).tolist())
        shared = np.array([len(articles[h]) > 1 or (name.endswith("?") and not stands_alone(name))
                           for h, name in enumerate(number)], dtype=bool)
        return list(number), heading_of, shared

    def suggestions(self, vector: np.ndarray, n: int = 3, nearest: float = THRESHOLDS.suggest_nearest) -> tuple[str, ...]:
        """Questions the library can answer, offered with a refusal: its section headings closest to `vector`
        (a heading several articles share named with the article of the nearest chunk under it), or its example
        questions when no chunk is `nearest` close (a question about something else altogether)."""
        if not self.store.chunks:
            return self.library.examples
        names, heading_of, shared = self._headings
        if not names:
            return self.library.examples
        # The headings of the nearest chunks, nearest first (a heading's best chunk decides its place).
        ranked: list[tuple[str, str]] = []
        for depth in (200, self.index.n):
            sims, rows = self.index.nearest_chunks(vector, min(depth, self.index.n))
            if depth == 200 and (not len(sims) or float(sims[0]) < nearest):
                return self.library.examples or tuple(_suggestion(h, "") for h in names[:n])
            found: dict[tuple[str, str], None] = {}
            for row in rows:
                h = int(heading_of[row])
                if h < 0 or names[h].endswith("?") and tells_own_story(names[h]):
                    continue  # "How did I find work?": no question a reader would ask of the library
                if not set(tokenize_one(names[h])) - QUESTION_STEMS and not shared[h]:
                    continue  # "What you get": no word of a topic, nor a title to name one ("What do the guides say about
                    # what you get?", read blind); "Who are they?" of several roles is offered with its role's
                # Twelve job profiles each with a "Role summary": "What do the guides say about “Role summary”?"
                # names none of them (a blind reader of 49 such PDFs: "generic and of little use").
                title = self.store.articles[self.store.chunks[int(row)].article_id].title if shared[h] else ""
                found[(names[h], title)] = None
                if len(found) == n:
                    break
            ranked = list(found)
            if len(ranked) >= min(n, len(names)):
                break
        return tuple(_suggestion(h, title) for h, title in ranked)


def _suggestion(heading: str, title: str) -> str:
    if heading.endswith("?"):
        return f"{heading} (in “{title}”)" if title else heading
    return about(heading, title)
