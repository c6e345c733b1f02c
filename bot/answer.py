"""Passages -> `Answer`: the sentences that best answer the question, each with its [n] citation.

Every sentence of an answer is copied verbatim from a cited passage; no text is generated. Sentences
are scored by a dot product with vectors embedded at index time (no model call per sentence).
When the best evidence is below a calibrated similarity, the answer is an honest "not covered"
with no citations. Does not retrieve, and does not know about conversations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from .chunking import Sentence
from .retrieval import Passage

NOT_COVERED = "The guides don't cover that."
# Calibrated on the dev set (python -m bot eval): answerable questions score >= 0.45 against their best
# passage, off-topic ones (recipes, travel, other careers) <= 0.39.
MIN_SIMILARITY = 0.40
MAX_SENTENCES = 4
MAX_PER_PASSAGE = 2
NEAR_BEST = 0.12  # a sentence joins the answer when it scores within this of the best one
LEXICAL_WEIGHT = 0.15  # share of the question's terms a sentence contains, added to its cosine


@dataclass(frozen=True)
class Citation:
    """A passage an answer relies on; `highlights` are the (start, end) offsets in `text` of the sentences used."""

    n: int
    text: str
    title: str
    article_id: str
    chunk_id: str
    score: float  # cosine similarity of the question to this passage (its best sentence or the whole)
    url: str = ""
    site: str = ""
    date: str = ""
    heading: str = ""
    sentences: tuple[str, ...] = ()
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    searched_for: str = ""  # the query actually searched (differs from the question for rewritten follow-ups)
    kind: str = "answer"  # "answer" | "not_covered" | "smalltalk"
    suggestions: tuple[str, ...] = ()  # questions the guides can answer, offered with a refusal

    @property
    def covered(self) -> bool:
        return self.kind == "answer"


def not_covered(searched_for: str, suggestions=()) -> Answer:
    text = NOT_COVERED
    if suggestions:
        text += " The guides can answer questions like:\n" + "\n".join(f"- {q}" for q in suggestions)
    return Answer(text, [], searched_for, "not_covered", tuple(suggestions))


def compose(
    question: str,
    passages: list[Passage],
    query_vector: np.ndarray,
    sentence_vectors,  # callable: list[Sentence] -> (n, d) array
    question_terms: set[str] | None = None,
    stem=None,
) -> Answer | None:
    """The answer built from `passages`, or None when the evidence is too weak to answer."""
    if not passages or max(p.similarity for p in passages) < MIN_SIMILARITY:
        return None
    candidates: list[tuple[float, int, Sentence]] = []
    for rank, p in enumerate(passages):
        sents = list(p.sentences)
        sims = sentence_vectors(sents) @ query_vector if sents else []
        for s, sim in zip(sents, sims):
            if s.text.rstrip().endswith("?"):
                continue  # a question in the text (a list of topics, a heading) answers nothing
            score = float(sim) + LEXICAL_WEIGHT * _overlap(s.text, question_terms, stem) - 0.01 * rank
            if s.text.rstrip().endswith(":"):
                score -= 0.10  # a lead-in ("...include:") says little without the list after it
            candidates.append((score, rank, s))
    candidates.sort(key=lambda c: -c[0])
    if not candidates:
        return None
    best = candidates[0][0]
    chosen: list[tuple[float, int, Sentence]] = []
    per_passage: dict[int, int] = {}
    for score, rank, s in candidates:
        if len(chosen) >= MAX_SENTENCES or score < best - NEAR_BEST:
            break
        if per_passage.get(rank, 0) >= MAX_PER_PASSAGE:
            continue
        chosen.append((score, rank, s))
        per_passage[rank] = per_passage.get(rank, 0) + 1

    # Number the cited passages by first use, best sentence first; within a passage keep article order.
    order: list[int] = []
    for _, rank, _ in chosen:
        if rank not in order:
            order.append(rank)
    citations, parts = [], []
    for n, rank in enumerate(order, 1):
        p = passages[rank]
        used = sorted((s for _, r, s in chosen if r == rank), key=lambda s: s.start)
        citations.append(
            Citation(
                n=n, text=p.text, title=p.title, article_id=p.article_id, chunk_id=p.chunk_id, score=p.similarity,
                url=p.url, site=p.site, date=p.date, heading=p.heading,
                sentences=tuple(s.text for s in used),
                highlights=tuple((s.start - p.start, s.end - p.start) for s in used),
            )
        )
        parts.append(" ".join(_as_sentence(s.text) for s in used) + f" [{n}]")
    return Answer(" ".join(parts), citations, question, "answer")


def _overlap(text: str, terms: set[str] | None, stem) -> float:
    if not terms or stem is None:
        return 0.0
    words = {stem(w) for w in re.findall(r"[a-z0-9+#]+", text.lower())}
    return len(words & terms) / len(terms)


def _as_sentence(text: str) -> str:
    """A list item or lead-in quoted as a sentence: the words unchanged, a final stop added if missing."""
    text = " ".join(text.split())
    return text if text[-1:] in ".!?:)\"”’" else text + "."
