"""`CareerBot`: load an index, answer questions with history, follow-ups and small talk; add/remove articles.

The one object the CLI, the UI and Python callers use. Answers come from `answer.compose`; this
module decides *what* to search (rewriting follow-ups) and when not to search at all (small talk).
Index updates build a new store and swap it in whole, so a question in flight keeps a consistent view.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace

import numpy as np

from . import indexer
from .answer import Answer, compose, not_covered
from .config import Settings
from .embedding import Embedder, embedder_for
from .errors import QuestionError
from .retrieval import QUESTION_WORDS, Passage, Retriever
from .stance import stance
from .store import ArticleRecord, IndexStore

GREETING = re.compile(
    r"^\s*(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|thanks?( you)?( so much| a lot)?|thx|ty|"
    r"cheers|bye|goodbye|see you|ok(ay)?|cool|great|nice|help|who are you|what are you|"
    r"what can you (do|help with)|how does this work|how do i use (this|you))[\s!.?,]*(bot|there)?[\s!.?]*$",
    re.I,
)
# A message that leans on the previous turn: a pronoun with nothing it could refer to in the message,
# or an elliptical "what about ...", "and ...".
ELLIPSIS = re.compile(r"^\s*(what|how) about\b|^\s*and\b|^\s*(also|then|so)\b.{0,40}\?$|^\s*(why|how)( not)?\s*\??\s*$", re.I)
PRONOUN = re.compile(r"\b(it|its|they|them|their|theirs|that|this|those|these|there|he|she|his|her|one|ones)\b", re.I)
# Abbreviations people type and the guides spell out: expanded in the searched query (BM25 matches
# words, and the small embedding model is weaker on acronyms).
ABBREVIATIONS = {
    "ml": "machine learning", "ai": "artificial intelligence", "nlp": "natural language processing",
    "mle": "machine learning engineer", "mles": "machine learning engineers", "ds": "data science",
    "dl": "deep learning", "cs": "computer science", "swe": "software engineer", "phd": "PhD doctorate",
    "msc": "master's degree", "bsc": "bachelor's degree", "cv": "resume",
}
# With the article before it, so "an ML job" becomes "a machine learning job".
_ABBREVIATION = re.compile(r"\b(?:(an?)\s+)?(" + "|".join(ABBREVIATIONS) + r")\b", re.I)
# A rewritten follow-up's answer is chosen by the searched query (which already holds the message) plus
# the message's own words at this weight: enough for "What about a business degree?" to pick the degree
# sentence, not so much that a vague "how do engineers deal with it?" picks generic sentences.
OWN_WEIGHT = 0.5

EXAMPLES = (
    "Do I need a master's degree to become an ML engineer?",
    "What should go in my portfolio?",
    "What do machine learning engineers earn?",
)


class CareerBot:
    """Answers career questions from the indexed guides, citing the passages it uses."""

    def __init__(self, store: IndexStore, settings: Settings, embedder: Embedder | None = None):
        """`embedder` defaults to the one `settings` names; pass one to query an index built with another."""
        self.settings = settings
        self.embedder = embedder or embedder_for(settings)
        self._lock = threading.Lock()  # one index update at a time; readers never wait
        self._retriever = Retriever(store, self.embedder)

    @classmethod
    def load(cls, index_dir=None, model: str | None = None, settings: Settings | None = None) -> "CareerBot":
        """Open a built index (index/ by default). Raises a BotError saying what to run when it is missing or mismatched."""
        settings = settings or Settings.from_env(index_dir=index_dir, model=model)
        embedder = embedder_for(settings)
        store = IndexStore.load(settings.index_dir, embedder.name, embedder.dimension)
        return cls(store, settings)

    @property
    def store(self) -> IndexStore:
        return self._retriever.store

    @property
    def articles(self) -> list[ArticleRecord]:
        return sorted(self.store.articles.values(), key=lambda a: a.title.lower())

    # ---- asking -------------------------------------------------------------------------------

    def retrieve(self, query: str, k: int = 5) -> list[Passage]:
        """The `k` best passages for `query`, best first (no answer, no refusal)."""
        return self._retriever.search(expand_abbreviations(_check_question(query, self.settings)), k)

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer `question`; `history` is [{"role": "user"|"assistant", "content": str}, ...], oldest first."""
        question = _check_question(question, self.settings)
        if GREETING.match(question):
            return small_talk(question)
        query = expand_abbreviations(self.rewrite(question, history or []))
        retriever = self._retriever  # one consistent snapshot for this question
        query_vector = self.embedder.embed_query(query)
        passages = retriever.search(query, 5, query_vector)
        terms = set(retriever.query_terms(query)[0]) - QUESTION_WORDS
        answer_vector = query_vector
        own = expand_abbreviations(question)
        if query != own:
            # A rewritten follow-up searches with the earlier question's context, but the sentences chosen
            # should answer what is new in this message ("a business degree"), so its own words count again.
            answer_vector = query_vector + OWN_WEIGHT * self.embedder.embed_query(own)
            answer_vector = answer_vector / np.linalg.norm(answer_vector)
        # Nearly every sentence in a library is about its own subject (here machine learning engineers), so that
        # part of a question does not say which sentence answers it: "Why would an ML engineer need signal
        # processing?" matched sentences on the engineer over the one on signal processing. The sentences are
        # chosen by the question without that direction (its vector is cached: the same words recur).
        background = retriever.background_words(own)
        if background:
            direction = self.embedder.embed_query(background)
            answer_vector = answer_vector - float(answer_vector @ direction) * direction
            answer_vector = answer_vector / np.linalg.norm(answer_vector)
            terms -= retriever.background  # and a sentence gets no credit for sharing those words
        soft, soft_vectors = self._soft_sentences(retriever)

        def find_counterpoints(vector, exclude_articles):
            return retriever.sentences_near(vector, soft, soft_vectors, exclude_articles, k=5)

        answer = compose(
            query, passages, answer_vector, retriever.sentence_vectors, retriever.chunk_vector, terms,
            retriever.stemmer.stemWord, find_counterpoints,
        )
        if answer is None:
            return not_covered(query, self.suggestions(query_vector))
        return replace(answer, searched_for=query)

    @staticmethod
    def _soft_sentences(retriever: Retriever) -> tuple[np.ndarray, np.ndarray]:
        """Positions and vectors of the sentences offering an alternative view ("bootcamps are a viable
        route"), gathered once per index into one small array."""
        if not hasattr(retriever, "soft_sentences"):
            with retriever.lock:
                if not hasattr(retriever, "soft_sentences"):
                    positions = np.array(
                        [i for i, s in enumerate(retriever.store.sentences) if stance(s.text) == "soft"], dtype=np.int64
                    )
                    rows = retriever.store.sentence_vectors
                    parts = []
                    for k in range(0, len(positions), 8192):
                        parts.append(rows[positions[k : k + 8192]].astype(np.float32))
                        rows.release()  # a gather touches pages all over the file; hold only a batch's worth
                    vectors = np.concatenate(parts) if parts else np.zeros((0, rows.dimension), np.float32)
                    retriever.soft_sentences = (positions, vectors)
        return retriever.soft_sentences

    def rewrite(self, message: str, history: list[dict]) -> str:
        """The query to search: the message itself, or, when it depends on the previous turn, both together."""
        previous = [h["content"] for h in history if h.get("role") == "user" and str(h.get("content", "")).strip()]
        if not previous or not depends_on_context(message):
            return message
        before = previous[-1]
        if len(previous) > 1 and depends_on_context(before):
            before = f"{previous[-2]} {before}"
        about = re.match(r"^\s*(?:what|how) about\s+(.*)$", message, re.I)
        if about:
            # "What about a PhD?" after "Do I need a master's?": the new subject, in the old question's frame.
            return f"{about.group(1).rstrip('?. ')} - {before}"
        return f"{before} {message}"

    def suggestions(self, query_vector: np.ndarray, n: int = 3) -> tuple[str, ...]:
        """Questions the guides can answer: their section headings closest to the query."""
        retriever = self._retriever
        if not retriever.store.chunks:
            return EXAMPLES
        if not hasattr(retriever, "headings"):  # once per index: which rows belong to which usable heading
            rows: dict[str, list[int]] = {}
            for i, chunk in enumerate(retriever.store.chunks):
                heading = chunk.heading.strip()
                if 12 <= len(heading) <= 90 and heading.lower() != "conclusion":
                    rows.setdefault(heading, []).append(i)
            retriever.headings = (list(rows), [np.array(r) for r in rows.values()])
        names, rows = retriever.headings
        sims = retriever.store.chunk_vectors @ query_vector
        best = [float(sims[r].max()) for r in rows]
        ranked = [names[i] for i in np.argsort(best)[::-1][:n]]
        return tuple(h if h.endswith("?") else f"What do the guides say about “{h}”?" for h in ranked)

    # ---- changing the library ----------------------------------------------------------------

    def add(self, *paths, progress: bool = False) -> indexer.Report:
        """Copy article files into the corpus and index them; the new index is live when this returns."""
        with self._lock:
            store, report = indexer.add(paths, self.settings, self.embedder, self.store, progress)
            self._retriever = Retriever(store, self.embedder, previous=self._retriever)
        return report

    def remove(self, article_id: str) -> indexer.Report:
        with self._lock:
            store, report = indexer.remove(article_id, self.settings, self.store)
            self._retriever = Retriever(store, self.embedder, previous=self._retriever)
        return report

    def as_retriever(self, k: int = 4):
        """A LangChain `BaseRetriever` over this bot's index, returning `Document`s."""
        from .lc_retriever import CareerRetriever

        return CareerRetriever(bot=self, k=k)


def expand_abbreviations(query: str) -> str:
    """'ML engineer' -> 'machine learning engineer' (case-insensitive, whole words only)."""
    def expand(m: re.Match) -> str:
        words = ABBREVIATIONS[m.group(2).lower()]
        if not m.group(1):
            return words
        article = "an" if words[0].lower() in "aeiou" else "a"
        return f"{article.capitalize() if m.group(1)[0].isupper() else article} {words}"

    return _ABBREVIATION.sub(expand, query)


def depends_on_context(message: str) -> bool:
    words = re.findall(r"[A-Za-z']+", message)
    return bool(ELLIPSIS.search(message) or PRONOUN.search(message) or len(words) <= 2)


def small_talk(message: str) -> Answer:
    m = message.strip().lower()
    if m.startswith(("thank", "thx", "ty", "cheers")):
        text = "You're welcome! Ask me anything else about becoming a machine learning engineer."
    elif m.startswith(("bye", "goodbye", "see you")):
        text = "Good luck with your career! Come back any time."
    else:
        text = (
            "Hi! I answer questions about becoming a machine learning engineer, quoting the career guides I have "
            "read and citing each passage so you can check it. Try:\n" + "\n".join(f"- {q}" for q in EXAMPLES)
        )
    return Answer(text, [], "", "smalltalk", EXAMPLES)


def _check_question(question, settings: Settings) -> str:
    if not isinstance(question, str):
        raise QuestionError(f"a question must be text, not {type(question).__name__}")
    question = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", question).strip()
    if not question:
        raise QuestionError("the question is empty: type a question about becoming a machine learning engineer")
    if len(question) > settings.max_question_chars:
        raise QuestionError(
            f"the question is {len(question):,} characters long; please keep it under {settings.max_question_chars:,}"
        )
    return question

