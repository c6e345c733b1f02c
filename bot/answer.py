"""Passages -> `Answer`: the sentences that best answer the question, each group with its [n] citation.

Every sentence of an answer is copied verbatim from a cited passage; no text is generated. Sentences
are scored by a dot product with vectors embedded at index time (no model call per sentence), plus
a small bonus for sharing the question's terms. A lead-in ending in ":" travels with the list it
introduces. When the cited guides take opposite stances (one says a thing is required, another
offers alternatives), the answer says so and attributes each side.
When the best evidence is below a calibrated similarity, there is no answer (the caller refuses).
Does not retrieve, and does not know about conversations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .chunking import Sentence
from .retrieval import Passage
from .stance import about_routes, soft_cues, stance

NOT_COVERED = "The guides don't cover that."
# Calibrated on the dev set (`python -m bot eval`): answerable questions reach >= 0.45 cosine with their
# best passage, off-topic ones (recipes, travel, other careers) <= 0.39. See README "Answer quality".
MIN_SIMILARITY = 0.40
MAX_UNITS = 5  # a unit is one sentence, or a lead-in with its list
MIN_UNITS = 3  # ...when they are within 2 * NEAR_BEST of the best (a lone line or two rarely answers)
MAX_PER_PASSAGE = 3
NEAR_BEST = 0.15  # a unit joins the answer when it scores within this of the best one
# A sentence continuing a paragraph keeps this share of the previous sentence's match: the specifics
# ("... cloud platforms, APIs and databases") often follow the sentence that names the topic.
CONTINUATION = 0.9
LEXICAL_WEIGHT = 0.15  # share of the question's terms a sentence contains, added to its cosine
COUNTERPOINT_MIN = 0.25  # cosine of an opposite view to the question + firm statement, to be shown beside it
CUE_WEIGHT = 0.15  # per distinct alternative-view cue, when ranking candidate opposite views
DUPLICATE = 0.90  # a sentence this similar to one already chosen adds nothing
MAX_LIST_ITEMS = 8

LIST_BONUS = 0.10  # for a list, when the question asks for several things ("what are the steps ...")
_LIST_QUESTION = re.compile(
    r"\b(steps|stages|ways|types|kinds|examples|skills|responsibilities|duties|tasks|tips|list|include|includes)\b", re.I
)
_REQUIREMENT_QUESTION = re.compile(
    r"\b(need|needs|needed|require[sd]?|requirements?|necessary|must|have to|has to|worth it|essential|mandatory)\b",
    re.I,
)
# "X also involves Y" presupposes the sentence before it ("X involves Z"): that one shares its match.
_ADDITIVE = re.compile(r"^(?:\S+\s+){0,5}?(?:also|additionally|moreover|furthermore|in addition)\b", re.I)
_ANAPHOR = re.compile(r"^(this|these|that|those|it|they|such)\b", re.I)
_ITEM_PREFIX = re.compile(r"(?:^|\n)[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+$")
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
    disagreement: bool = False  # the cited guides take different positions, shown side by side

    @property
    def covered(self) -> bool:
        return self.kind == "answer"

    def to_text(self) -> str:
        """The answer with a plain-text list of its sources and quoted sentences (CLI, API clients)."""
        lines = [self.text]
        if self.citations:
            lines += ["", "Sources:"]
            for c in self.citations:
                where = ", ".join(x for x in (c.site, c.date, c.url) if x)
                lines.append(f"[{c.n}] {c.title}" + (f" ({where})" if where else "") + f" - {c.heading}")
                lines += [f'    "{s}"' for s in c.sentences]
        return "\n".join(lines)


@dataclass
class _Unit:
    rank: int  # the passage's rank
    sentences: list[Sentence]
    items: list[Sentence]  # list items after a lead-in
    score: float
    vector: np.ndarray

    @property
    def all(self) -> list[Sentence]:
        return self.sentences + self.items

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.all)


def not_covered(searched_for: str, suggestions=()) -> Answer:
    text = NOT_COVERED
    if suggestions:
        text += " The guides can answer questions like:\n" + "\n".join(f"- {q}" for q in suggestions)
    return Answer(text, [], searched_for, "not_covered", tuple(suggestions))


def compose(
    question: str,
    passages: list[Passage],
    query_vector: np.ndarray,
    sentence_vectors,  # callable: Passage -> (n, d) array of its sentences' index-time vectors
    chunk_vector,  # callable: Passage -> its chunk's index-time vector
    question_terms: set[str] | None = None,
    stem=None,
    find_counterpoints=None,
) -> Answer | None:
    """The answer built from `passages`, or None when the evidence is too weak to answer."""
    if not passages or max(p.similarity for p in passages) < MIN_SIMILARITY:
        return None
    passages = list(passages)  # a counterpoint may add one
    wants_list = bool(_LIST_QUESTION.search(question))
    units = [
        u for rank, p in enumerate(passages)
        for u in _units(rank, p, query_vector, sentence_vectors, chunk_vector, question_terms, stem, wants_list)
    ]
    if not units:
        return None
    units.sort(key=lambda u: -u.score)
    chosen = _choose(units)
    disagreement = False
    # Only a question about what is needed to get in ("Do I need a master's?") has sides to take; elsewhere
    # "must" and "essential" are just emphasis, and "bootcamps teach job-ready skills" is no answer to
    # "Do ML engineers need communication skills?".
    asks_requirement = bool(_REQUIREMENT_QUESTION.search(question)) and about_routes(question)
    counter = _counterpoint(chosen, units, passages, query_vector, find_counterpoints) if asks_requirement else None
    if counter is not None:
        chosen.append(counter)
        disagreement = True
    return _render(question, chosen, passages, disagreement)


def _units(
    rank, passage: Passage, query_vector, sentence_vectors, chunk_vector, terms, stem, wants_list=False
) -> list[_Unit]:
    sents = list(passage.sentences)
    if not sents:
        return []
    vectors = sentence_vectors(passage)
    sims = vectors @ query_vector
    sims = [float(x) for x in sims]
    own = list(sims)
    for k in range(1, len(sents)):
        if _ANAPHOR.match(sents[k].text):
            # "This process involves ..." means what the sentence before it was about.
            sims[k] = max(sims[k], (sims[k] + sims[k - 1]) / 2)
        if "\n" not in passage.text[sents[k - 1].end - passage.start : sents[k].start - passage.start]:
            sims[k] = max(sims[k], CONTINUATION * own[k - 1])
    for k in range(len(sents) - 1, 0, -1):
        if _ADDITIVE.match(sents[k].text):  # even across a paragraph break: "also" points back regardless
            sims[k - 1] = max(sims[k - 1], CONTINUATION * own[k])
    scores = [sim + LEXICAL_WEIGHT * _overlap(s.text, terms, stem) - 0.01 * rank for s, sim in zip(sents, sims)]
    is_item = [bool(_ITEM_PREFIX.search(passage.text[: s.start - passage.start])) for s in sents]
    units, i = [], 0
    while i < len(sents):
        s, text = sents[i], sents[i].text.rstrip()
        if text.endswith(":") and i + 1 < len(sents) and is_item[i + 1]:
            j = i + 1
            while j < len(sents) and is_item[j] and j - i <= MAX_LIST_ITEMS:
                j += 1
            members = list(range(i, j))
            questions = sum(sents[k].text.rstrip().endswith("?") for k in members[1:])
            if questions * 2 < len(members) - 1:  # a list of questions is a table of contents, not an answer
                # Both the lead-in and the list must match: one matching item alone does not carry a list.
                # A lead-in leans on its section ("Here are the 4 steps:"), so the whole chunk's match counts
                # for it (not its best sentence, which may be one of the items).
                lead = max(scores[i], float(chunk_vector(passage) @ query_vector) - 0.01 * rank)
                score = (lead + max(scores[k] for k in members[1:])) / 2 + (LIST_BONUS if wants_list else 0.0)
                units.append(_Unit(rank, [s], sents[i + 1 : j], score, vectors[members].mean(axis=0)))
            i = j
            continue
        i += 1
        if text.endswith("?") or text.endswith(":"):
            continue  # a question in the text (a topic list, a heading) or a dangling lead-in answers nothing
        if len(text.split()) < 5 and text[-1:] not in ".!":
            continue  # a heading-like fragment ("Gain work experience") says little on its own
        units.append(_Unit(rank, [s], [], scores[i - 1], vectors[i - 1]))
    return units


def _choose(units: list[_Unit]) -> list[_Unit]:
    best = units[0].score
    chosen: list[_Unit] = []
    per_passage: dict[int, int] = {}
    for u in units:
        # Beyond the first, a unit must score near the best; a second one may trail further so no answer is a lone line.
        if len(chosen) >= MAX_UNITS or u.score < best - (NEAR_BEST if len(chosen) >= MIN_UNITS else 2 * NEAR_BEST):
            break
        if per_passage.get(u.rank, 0) >= MAX_PER_PASSAGE:
            continue
        if any(float(u.vector @ c.vector) > DUPLICATE for c in chosen):
            continue
        chosen.append(u)
        per_passage[u.rank] = per_passage.get(u.rank, 0) + 1
    return chosen


def _counterpoint(chosen: list[_Unit], units: list[_Unit], passages: list[Passage], query_vector, find) -> _Unit | None:
    """When the answer states a firm requirement, the best opposite view from another guide, if any.

    `find(vector, exclude_articles)` returns more passages holding such views (the retrieved ones may not).
    """
    firm = [u for u in chosen if stance(u.text) == "firm"]
    if not firm:
        return None
    firm_articles = {passages[u.rank].article_id for u in firm}
    if any(stance(u.text) == "soft" and passages[u.rank].article_id not in firm_articles for u in chosen):
        return None  # both sides are already in the answer
    best = units[0].score
    for u in units:
        if u not in chosen and u.score >= best - 2 * NEAR_BEST and stance(u.text) == "soft" and passages[u.rank].article_id not in firm_articles:
            return u
    if find is None:
        return None
    # What the firm statements are about, in the question's terms.
    topic = np.mean([u.vector for u in firm], axis=0) + query_vector
    topic = topic / (np.linalg.norm(topic) or 1.0)
    found = [(cos + CUE_WEIGHT * min(soft_cues(s.text), 3), cos, p, s) for p, s, cos in find(topic, firm_articles)]
    found = [f for f in found if f[1] >= COUNTERPOINT_MIN]
    if not found:
        return None
    _, cos, passage, sentence = max(found, key=lambda f: f[0])
    passages.append(passage)
    return _Unit(len(passages) - 1, [sentence], [], cos, topic)


def _render(question: str, chosen: list[_Unit], passages: list[Passage], disagreement: bool) -> Answer:
    # Number the cited passages by first use, best unit first; within a passage keep article order.
    order: list[int] = []
    for u in chosen:
        if u.rank not in order:
            order.append(u.rank)
    if disagreement:
        sides = _sides(chosen)
        disagreement = len({passages[u.rank].article_id for u in chosen}) > 1 and len(sides) > 1
    citations, parts = [], []
    for n, rank in enumerate(order, 1):
        p = passages[rank]
        units = sorted((u for u in chosen if u.rank == rank), key=lambda u: u.sentences[0].start)
        used = [s for u in units for s in u.all]
        citations.append(
            Citation(
                n=n, text=p.text, title=p.title, article_id=p.article_id, chunk_id=p.chunk_id, score=p.similarity,
                url=p.url, site=p.site, date=p.date, heading=p.heading,
                sentences=tuple(s.text for s in used),
                highlights=tuple((s.start - p.start, s.end - p.start) for s in used),
            )
        )
        body = " ".join(_render_unit(u) for u in units)
        if disagreement and (n == 1 or passages[order[n - 2]].article_id != p.article_id):
            body = f"{_source_name(p)} says: {body}"  # once per guide: consecutive passages share it
        parts.append(f"{body} [{n}]")
    text = "\n\n".join(parts) if any(u.items for u in chosen) or disagreement else " ".join(parts)
    if disagreement:
        text = "The guides don't all agree on this.\n\n" + text
    return Answer(text, citations, question, "answer", disagreement=disagreement)


def _sides(chosen: list[_Unit]) -> set[str]:
    return {stance(u.text) for u in chosen} - {""}


def _source_name(p: Passage) -> str:
    return p.site or f"“{p.title}”"


def _render_unit(u: _Unit) -> str:
    lead = " ".join(_as_sentence(s.text) for s in u.sentences)
    if not u.items:
        return lead
    return lead + "\n" + "\n".join(f"- {' '.join(s.text.split())}" for s in u.items)


def _overlap(text: str, terms: set[str] | None, stem) -> float:
    if not terms or stem is None:
        return 0.0
    return len(_stemmed_words(text, stem) & terms) / len(terms)


@lru_cache(maxsize=65536)
def _stemmed_words(text: str, stem) -> frozenset[str]:
    """A sentence's stemmed words, cached: the same sentences come back question after question."""
    return frozenset(stem(w) for w in re.findall(r"[a-z0-9+#]+", text.lower()))


def _as_sentence(text: str) -> str:
    """A list item or lead-in quoted as a sentence: the words unchanged, a final stop added if missing."""
    text = " ".join(text.split())
    return text if text[-1:] in ".!?:)\"”’" else text + "."
