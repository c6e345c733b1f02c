"""One question's evidence: the passages retrieval found, made quotable, with what judging their sentences needs.

`gather` is the one step between retrieval and the answer: it searches, joins a list split over two chunks,
chooses the vector sentences are judged by (the library's background projected out, a follow-up's own words
counted again), finds the question's words the library never uses (gap candidates) and, for a question about
a requirement, the sentences offering an alternative view. It reads the index's `Profile`; it decides
nothing about the answer.
"""

from __future__ import annotations

import bisect
import itertools
import math
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from . import excerpts
from .config import KNOBS, THRESHOLDS, Thresholds
from .library import names_no_topic
from .profile import Profile
from .question import (
    HOW_WORDS,
    IRREGULAR,
    Question,
    analyse,
    asks_money,
    asks_share,
    asks_the_same_of,
    figure_asked,
    gives_figure,
    is_content,
    is_period,
    money_sides,
)
from .retrieval import Passage, Ranked, Retriever
from .text import (
    CITY_CODES,
    CURRENCY_SIGNS,
    FUNCTION_WORDS,
    LIST_MARKER,
    PLACE_DOMAINS,
    QUESTION_STEMS,
    QUESTION_WORDS,
    US_STATE_CODES,
    clips,
    index_words,
    stem,
    stems,
    subsequence,
    tokenize_one,
    zipf,
)

_LAST_LINE_ITEM = re.compile(rf"(?:^|\n)[ \t]*{LIST_MARKER}[ \t]+[^\n]*$")


@dataclass
class Evidence:
    """Everything the answer step needs about one question, and nothing else: the passages with their
    sentences' vectors, the vector sentences are judged by, and what the library knows about the words."""

    question: Question  # the asker's own message, analysed
    searched_for: str
    passages: list[Passage]
    sentence_vectors: list[np.ndarray]  # per passage, (n_sentences, d) float32
    chunk_vectors: list[np.ndarray]  # per passage, (d,)
    vector: np.ndarray  # what sentences are judged by: the question without the library's background
    terms: frozenset[str]  # the question's stemmed terms that earn overlap credit
    background: frozenset[str]  # stems in nearly every chunk: the library's own subject
    answer_vector: np.ndarray  # what the answer's sentences are chosen by: `vector`, or without the gap phrases
    covered: bool  # whether the passages answer the question at all (False: a refusal naming `unknown`)
    unknown: tuple[str, ...] = ()  # phrases of the question made of words the library never uses: gaps said
    alternatives: list = field(default_factory=list)  # (passage, sentence index, vector): soft-stance sentences near
    # For a comparison: whether some chunk of the library names both sides (and both with what they are compared
    # on). Where one does, "the guides don't compare A with B" would be false, whatever the passages found.
    sides_together: bool = False
    aspect_together: bool = False
    spelled_sides: tuple[str, ...] = ()  # per compared side typed as an acronym, its spelling in the passages ("DE": "data engineering"), else ""
    # Per side, the one word that tells it from the other where the library's headings use the two in each other's
    # place ("senior" / "staff" of "a senior and a staff product designer": "product designer" names both), else "".
    telling_sides: tuple[str, ...] = ()
    # What the question asks about by name, in words the library uses (a credential typed in capitals, "SPHR"; who a
    # pay question asks of, "landscape architects"): an answer whose quoted sections never name it says so.
    named: tuple[str, ...] = ()


def gather(retriever: Retriever, profile: Profile, query: str, own: str | None = None, k: int = 5,
           own_weight: float = 0.5, limits: Thresholds = THRESHOLDS, opening: bool = True) -> Evidence:
    """The passages for `query` and what judging their sentences needs. `own` is the asker's own message when `query`
    is a rewritten follow-up: its words count again (at `own_weight`) in the search and when sentences are chosen.
    `opening`: no turn before it (one may lean on it in everyday words: "how long do i get to finish it?")."""
    own = unglued(profile, own or query)
    query = unglued(profile, query)
    query_vector = retriever.embedder.embed_query(respelled(profile, query))
    own_vector = query_vector if own == query else retriever.embedder.embed_query(respelled(profile, own))
    vector = query_vector
    if own != query:
        # A rewritten follow-up searches with the earlier question's context, but what it asks is what is new in
        # this message ("ok and for an M4?" after a question on M3s), so its own words count again: in the search
        # and in the sentences chosen. Nine libraries: follow-ups with every key 25 -> 27 of 45 (searching with
        # the rewritten question alone, the sentences chosen by this vector); its words counted twice in BM25 too,
        # no further change.
        vector = _unit(query_vector + own_weight * own_vector)
    # The lexical ranking matches words as the library spells them: "regresion" finds nothing, "regress" finds the
    # passage. The vectors are of the asker's words, misspellings written as the English words they misspell.
    lexical = corrected(profile, query)
    # "net dollar retention" where the library writes "NDR": searched by the short form too, and no gap.
    short_forms = initialisms(profile, own)
    if short_forms:
        lexical = f"{lexical} {' '.join(short for _, short in short_forms)}"
    question, named = _asked(profile, own, query)
    ranked = retriever.ranked(lexical, k, vector, KNOBS.figure_reserve if question.type == "amount" else 0)
    terms = set(retriever.query_terms(lexical)[0]) - QUESTION_STEMS
    passages = _with_a_figure(ranked.passages, k, own, terms - profile.background, named)
    # Nearly every sentence in a library is about its own subject (the guides here: machine learning
    # engineers), so that part of a question does not say which sentence answers it: "Why would an ML
    # engineer need signal processing?" matched sentences on the engineer over the one on signal
    # processing. Sentences are chosen by the question without that direction.
    direction = profile.background_direction if profile.background_words(own) else None
    if direction is not None:
        vector = _unit(vector - float(vector @ direction) * direction)
        terms -= profile.background
    telling_sides = telling(question.sides, profile.siblings) if question.sides else ()
    if telling_sides:
        passages = with_each_side(retriever, passages, question.sides, telling_sides)
    unknown = unknown_phrases(profile, own, own_vector, limits.salient_word)
    labels: dict[str, set[str]] = {}  # each passage's article's repeated headings, found once per article
    passages = _from_section_start([_widened(retriever.store, p, labels) for p in passages], retriever.store)
    # Those an answer quotes from, nearly always: whether each stands under a heading its article repeats.
    passages = [_labelled(retriever.store, p, labels) if k < LABELLED else p for k, p in enumerate(passages)]
    held = set().union(*(stems(f"{p.heading} {p.text}") for p in passages[:3]))
    # Another career asked about is the gap whether or not the library knows its words ("pilot" of "a pilot
    # project"; "commercial" of "a commercial pilot"): it decides the refusal.
    unknown = _career_not_held(profile, own, held, retriever.store, retriever.index) or unknown
    texts = [own] + [p.text for p in passages[:3]]
    unknown = _written_otherwise(unknown, texts, {w.lower() for run, _ in short_forms for w in run.split()})
    unknown = tuple(u for u in unknown if not _hosted(u, profile.hosts) and not _titled(u, profile.title_words))
    shared = len((set(terms) - profile.background) & held)
    named_first = "" if unknown else _named_first(passages, set(terms) - profile.background, retriever.index, _acronyms(own))
    if named_first:
        shared = max(shared, limits.shared_terms)
    passages, sentence_vectors = _answering(passages, [_vectors(retriever.store, p.sentence_rows) for p in passages], vector)
    unknown, reduced, rest_has_subject = _left_out(retriever.embedder, profile, own, question, unknown, direction,
                                                  vector, sentence_vectors, shared, limits)
    covered, answer_vector = _covered(ranked, sentence_vectors, vector, unknown, reduced, rest_has_subject,
                                      shared, limits, topicality(retriever.index, lexical) if opening else None,
                                      named_first == "name")
    opposite = alternatives(retriever, profile, vector) if question.asks_requirement else []
    spelled_sides = tuple(_side_spelled_out(side, texts) for side in question.sides)
    sides = [side_terms(f"{side} {spelled}", profile.background) for side, spelled in zip(question.sides, spelled_sides)]
    aspect = {t for w in question.aspect for t in stems(w)} - profile.background
    # A word typed in capitals ("GPL") is an acronym, never the library's clipping of a longer word ("GPLv3").
    clipped = {stem(w.lower()) for side in question.sides for w in side.split() if not w.isupper()}
    sides_together = bool(sides) and named_together(retriever.index, profile.vocabulary, sides, clipped)
    aspect_together = sides_together and bool(aspect) and named_together(retriever.index, profile.vocabulary, [*sides, aspect], clipped)
    return Evidence(
        question=question, searched_for=query, passages=passages,
        sentence_vectors=sentence_vectors,
        chunk_vectors=[np.asarray(retriever.store.chunk_vectors[p.row], dtype=np.float32) for p in passages],
        vector=vector, terms=frozenset(terms), background=profile.background,
        answer_vector=answer_vector, covered=covered, alternatives=opposite,
        unknown=tuple(" ".join(english_typo(w) or w for w in u.split(" ")) for u in unknown),
        sides_together=sides_together, aspect_together=aspect_together, spelled_sides=spelled_sides,
        telling_sides=telling_sides, named=named,
    )


# Who a pay question asks of: up to five words before "make", "earn" ("how much do landscape architects make?", "how
# much does a psychiatric mental health nurse practitioner earn?", a tester's: travel nurses' pay answered it unmarked).
_PAID_WHO = re.compile(r"\b(?:do|does|did)\s+(?:an?\s+|the\s+)?((?:[A-Za-z'’-]+\s+){0,4}?[A-Za-z'’-]+)\s+"
                       r"(?:usually\s+|typically\s+|really\s+|actually\s+)?(?:make|earn|get paid|take home)\b|"
                       # ... its range too ("whats the salary range for a perception engineer", a tester's: a software
                       # engineer's range answered it unmarked)
                       r"\b(?:salary|salaries|wages?|earnings|pay)(?:\s+(?:range|ranges|band|bands|scale|scales))?\s+(?:for|of)\s+"
                       r"(?:an?\s+|the\s+)?((?:[A-Za-z'’-]+\s+){0,2}?"
                       r"[A-Za-z'’-]+)(?=\s+(?:at|in|with|for|on)\b|\W*$)|"
                       # ... and before "salary": "whats the average executive chef salary in new york" (a tester's)
                       r"\b(?:the|an?|my|their|your)\s+((?:[A-Za-z'’-]+\s+){1,3}?[A-Za-z'’-]+)\s+(?:salary|salaries|pay|wages?|earnings)\b|"
                       # ... or typed alone: "sports agent salary" (a tester's: a marketing manager's pay answered it)
                       r"^\W*((?:[A-Za-z'’-]+\s+){1,3}?[A-Za-z'’-]+)\s+(?:salary|salaries|pay|wages?|earnings)\W*$",
                       re.I)
# What a pay question says of the sum, not of who earns it ("the average executive chef salary", "the max pay").
_OF_THE_SUM = frozenset("""average typical median mean usual starting annual yearly hourly monthly weekly base actual real
    max maximum min minimum total expected realistic current exact overall gross net good decent fair normal national
    nationwide global avg approx est""".split())  # "the national median salary for opticians": "national median" named no one (a tester's);
# typed short: "whats the avg cnc machinist salary in washington state" was told "never mention “avg cnc machinist”" (a tester's)
_CLAUSE_WORDS = frozenset("when where while if we i you they he she it our my your their is are was were".split())
_NAME_RUN = re.compile(r"(?<=[a-z0-9,;’'] )[A-Z][a-z][\w’'-]*(?: [A-Z][a-z][\w’'-]*){0,3}")  # after a word, not opening


def unglued(profile: Profile, text: str) -> str:
    """`text` with a number and its unit typed as one word set apart where the library writes the unit ("under 50kv" of
    "Up to 50 kV | 10 feet": a tester's was told the guides never mention “50kv”). Not an ordinal ("3rd"), nor a word the
    library holds as typed ("h1b", "mp3")."""
    def apart(m: re.Match) -> str:
        unit = m[2].lower()
        if unit in _ORDINAL_ENDS or profile.knows_term(m[0].lower()) or not profile.knows_term(stem(unit)):
            return m[0]
        return f"{m[1]} {m[2]}"

    return _GLUED_UNIT.sub(apart, text)


_GLUED_UNIT = re.compile(r"\b(\d{1,6}(?:\.\d{1,3})?)([A-Za-z]{2,4})\b")
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})


def _asked(profile: Profile, own: str, query: str) -> tuple[Question, tuple[str, ...]]:
    """What the asker's own message asks (`Question`), and what a figure is asked of by name (`names_asked`); `query`
    is the message searched with the turn before it, when it is a follow-up."""
    question = analyse(own)
    if own != query and question.type == "other" and asks_the_same_of(own):
        question = analyse(query)  # "and a NICU nurse?" after "what does a labor and delivery nurse earn?": a pay question
    named = names_asked(profile, own) if question.type == "amount" else ()
    if question.type == "amount" and not named and own != query:
        # "how much does it pay?" after "what is the CHOICES nurse midwifery fellowship?": what "it" names, the turn
        # before names (a tester's was answered with a NICU nurse's salary from another article) ...
        named = names_asked(profile, query)
        # ... or what it asked to have defined: "what's their median pay?" after "what is a physical therapist
        # assistant?" got physical therapists' $101,020 (a tester's), the assistants' $65,510 under "See also".
        defined = _WHAT_IS.search(query)
        words = defined[1].split() if defined else []
        if not named and words and all(profile.knows_term(stem(w.lower())) for w in words if is_content(w)):
            named = (" ".join(words),)
    return question, named


_WHAT_IS = re.compile(r"\bwhat(?:'s|’s|s| is| are)\s+(?:an?\s+|the\s+)((?:[A-Za-z][\w’'-]*\s+){0,3}[A-Za-z][\w’'-]*)\s*\?")


def names_asked(profile: Profile, text: str) -> tuple[str, ...]:
    """What `text`, a question asking a figure, asks about by name: capitals and names where the library uses the words
    (words it never uses are `unknown`), and who a pay question is about. Another thing's figure is the commonest wrong
    answer testers met, and a false gap costs little there: the figure still follows. Each word typed in capitals,
    three to six letters ("SPHR", "CPIM"; a tester's HR library answered "how much does the SPHR exam cost?" with the
    PHR's fees), and who a pay question is about ("how much do landscape architects earn": a tester's library answered
    with urban planners' pay). Not the library's own subject."""
    subject = profile.background | profile.library.subject_stems
    # three to six letters: two name too much ("DE", "PM")
    out = [] if text.isupper() else [w for w in _CAPITALS.findall(text)
                                     if 3 <= len(w) <= 6 and (profile.knows_term(w.lower()) or profile.knows_term(stem(w.lower())))
                                     and stem(w.lower()) not in subject]  # "CHOICES", indexed as "choic"
    # A name typed capitalised inside the sentence ("what royalty does Shutterstock pay", "Keller Williams' cap"): a
    # company, a school, a place the library names somewhere.
    if not text.isupper():
        out += [name for name in _NAME_RUN.findall(text) if all(
            profile.knows_term(stem(w.lower())) and stem(w.lower()) not in subject for w in name.split())]
    # ... or typed in lower case, a word no English text uses that the library writes in a few chunks only: a name
    # ("what does darien library pay a childrens librarian": Queens Library's "$47,075", a sentence naming no library,
    # answered it for a tester; Darien's posting "Begins at $63,000").
    out += [w for w in re.findall(r"\b[a-z][a-z’'-]{3,}\b", text) if stem(w) not in subject and _a_name(profile, w)]
    paid = _PAID_WHO.search(text)
    if paid is not None:
        words = (paid[1] or paid[2] or paid[3] or paid[4]).split()
        by_the_sum = bool(paid[3] or paid[4])  # the words before "salary": some may say what sum, not who
        while words and (not is_content(words[0]) or by_the_sum and words[0].lower() in _OF_THE_SUM):
            words = words[1:]  # "a", "our"
        # ... and what a clause says before it: "what I made in the military when we negotiate salary" names no one
        # ("never mention “military when we negotiate”", a tester's veterans library).
        cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _CLAUSE_WORDS), default=0)
        words = words[cut:]
        # The library's subject names no one in it, written as one word too: "senior frontend engineer" in a front end
        # library is a senior engineer (a tester's was told none of the figures was for one, over "Senior Engineer").
        glued = _glued_runs(profile.library.subject)
        words = [w for w in words if w.lower().replace("-", "") not in glued] if len(words) > 1 else words
        if by_the_sum and len(words) < 2 and not (words and zipf(words[0].lower()) < FOREIGN_ZIPF):
            # "the max pay", "the nurse salary": one word before "salary" names too little to hold a figure to; not a
            # term rare in English ("whats the typical postdoc salary" was answered with industry pay, no gap said, a
            # tester's academic library).
            words = []
        # The last word names who ("real estate appraiser": an appraiser), someone in particular. One the library never
        # uses is named too: its words are a gap only when the passages fit better without them, and "what's the median
        # salary of a robotics technician" was answered with a software engineer's range, unmarked (a tester's).
        head = words[-1].lower() if words else ""
        if head and is_content(head) and zipf(head) < THRESHOLDS.generic_zipf \
                and not {stem(w.lower()) for w in words} <= subject | QUESTION_STEMS:
            out.append(" ".join(words))
    return tuple(dict.fromkeys(out))


def _glued_runs(subject: str) -> frozenset[str]:
    """Runs of two or more of `subject`'s words written as one ("frontend" of "front end")."""
    words = subject.lower().replace("-", " ").split()
    return frozenset("".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1))


# A term in at most this many chunks, and rare in English (FOREIGN_ZIPF), names one thing the library mentions ("Zintellect").
RARE_NAME_CHUNKS = 3


def _a_name(profile: Profile, word: str) -> bool:
    """Whether a word typed in lower case is a name the library uses: in a few of its chunks only, no English word, and
    capitalised wherever those chunks write it ("Darien Library"; not "dietetic" of "nutrition and dietetic practice")."""
    term = stem(word)
    df = profile.index.df(term)
    if not 0 < df <= RARE_NAME_CHUNKS or zipf(word) >= FOREIGN_ZIPF:
        return False
    written = [m[0] for row in _chunks_holding(profile.index, [{term}])
               for m in re.finditer(rf"\b{re.escape(word)}\w*", profile.store.chunks[int(row)].text, re.I)]
    return bool(written) and all(w[:1].isupper() for w in written)


def _written_otherwise(unknown: tuple[str, ...], texts: list[str], abbreviated: set[str]) -> tuple[str, ...]:
    """`unknown` without the words `texts` (the question, then its first passages) write another way: "NMW" where the
    passages say "national minimum wage", "EPA" that the question spells out itself, a short form the library defines
    (`abbreviated`), a currency the passages write by its sign ("naira" over "₦50,000", a tester's coaching library)."""
    signs = "".join(texts[1:])
    # ... and a state typed by its postal code that the passages name ("CA" over "Geographic Location Within California",
    # a tester's cosmetology library: "The guides never mention “CA”").
    named = signs.lower()
    return tuple(kept for kept in (" ".join(w for w in u.split() if not _spelled_out(w, texts) and w.lower() not in abbreviated
                                            and CURRENCY_SIGNS.get(w.lower().rstrip("s"), "\0") not in signs
                                            and US_STATE_CODES.get(w, "\0") not in named and CITY_CODES.get(w, "\0") not in named)
                                   for u in unknown) if kept)


def _hosted(phrase: str, hosts: frozenset[str]) -> bool:
    """Whether `phrase` is a country some article's address is in ("ireland" of "citizensinformation.ie"): a tester's
    childcare library, Irish pages that never write "Ireland" once their menus are gone, said it never mentions it."""
    domain = PLACE_DOMAINS.get(phrase.lower())
    # ... or a name one of those addresses is: "fordham" of "www.fordham.edu" (a tester's fellowship page, cited from there,
    # was said never to be mentioned)
    return bool(domain) and any(h.endswith(f".{domain}") for h in hosts) or any(phrase.lower() in h.split(".") for h in hosts)


def _titled(phrase: str, title_words: frozenset[str]) -> bool:
    """Whether every word of `phrase` is a word of an article's title or site name: a name only they write ("what did alice
    study ...?" of a page "About" on the site "Alice Tivarovsky", a tester's: "The guides never mention “alice”") is the
    library's."""
    words = re.findall(r"\w+", phrase.lower())
    return bool(words) and all(w in title_words for w in words)


def _acronyms(text: str) -> set[str]:
    """The stems of the words `text` types in capitals ("STAR", "GROW"): names, whatever English word they spell.
    Two letters count here ("HR"), unlike `_acronym`'s three: the word must also be in the first passage, rare there."""
    return {stem(w.lower()) for w in _CAPITALS.findall(text)}


_CAPITALS = re.compile(r"\b[A-Z]{2,8}\b")


def _named_first(passages: list[Passage], topic: set[str], index, acronyms: set[str] = frozenset()) -> str:
    """"heading" when a short question's every topic word heads one of the first passages ("what math do I need?"
    under "The Role of Mathematics and Statistics ..."), "name" when it is a name the library mentions in a few
    chunks, the first passage one ("whats zintellect"), else "": the library answers it, however little its few words
    match a sentence (a tester's was refused on the bundled guides, best cosine 0.35; another's on a climate library,
    0.34). As the library clips words: "math" of "mathemat"."""
    if not topic or not passages:
        return ""
    headings = {t for p in passages[:3] for t in tokenize_one(" ".join((*p.context, p.heading)))}
    if all(any(clips(t, h) for h in headings) for t in topic):
        return "heading"
    first = set(tokenize_one(passages[0].text))
    # A name typed in capitals is the question's whole topic ("what is the STAR method": a tester's UX library
    # mentions "the STAR framework (Situation, Task, Action Result)" once, best cosine 0.33, and refused it).
    named = topic & acronyms or topic
    # Rare in English by its family of words, not by the stem alone: "solv" of "solve 3x + 7 = 22" is no English word,
    # "solve" is (an everyday message answered once the name's floor was lowered, Thresholds.min_similarity_name).
    # ... beside words the first passage writes with it ("what is the pomodoro technique": a tester's founder library
    # says "try something like the pomodoro technique where you focus on one task for a 25 minute block", best
    # cosine 0.27, and refused it).
    rare = [t for t in named if t.isalpha() and index.count(t) <= RARE_NAME_CHUNKS
            and (max(zipf(t), _stem_zipf(t)) < FOREIGN_ZIPF or t in acronyms)]
    return "name" if rare and all(t in first for t in named) else ""


def not_yet_shown(evidence: Evidence, answers: list[str]) -> Evidence:
    """`evidence` without the passages an earlier answer (`answers`, their texts) already quoted from: what "tell
    me more" is answered from. A passage counts as quoted when one of its sentences of MIN_SHOWN characters or more
    is in an answer as written. No passage left: an evidence with none, which `ask` says is all there is."""
    def shown(p: Passage) -> bool:
        return any(len(t) >= MIN_SHOWN and t in a for t in (x.text.strip() for x in p.sentences) for a in answers)

    return only(evidence, lambda p: not shown(p))


def only(evidence: Evidence, keep) -> Evidence:
    """`evidence` with only the passages `keep` (Passage -> bool) keeps."""
    kept = [k for k, p in enumerate(evidence.passages) if keep(p)]
    return replace(evidence, passages=[evidence.passages[k] for k in kept],
                   sentence_vectors=[evidence.sentence_vectors[k] for k in kept],
                   chunk_vectors=[evidence.chunk_vectors[k] for k in kept],
                   alternatives=[a for a in evidence.alternatives if keep(a[0])])


MIN_SHOWN = 30  # characters: a sentence this long, found in an answer, was quoted there, not said in passing


def _left_out(embedder, profile: Profile, own: str, question: Question, unknown: tuple[str, ...], direction, vector,
              sentence_vectors, shared: int, limits: Thresholds) -> tuple[tuple[str, ...], np.ndarray | None, bool]:
    """The words the library never uses that stay a gap, the question's vector without them (None when none stay),
    and whether the rest of the question still asks something beyond the library's subject."""
    if not unknown:
        return unknown, None, True
    rest = own
    for phrase in unknown:
        rest = re.sub(re.escape(phrase), " ", rest, flags=re.I)
    subject = profile.background | profile.library.subject_stems
    # "how much do nurses make in Canada?" still asks something without "Canada" (an amount); "Can I get
    # an H-1B visa as a nurse?" without "H-1B visa" asks nothing but the library's subject.
    to_be = any(_asks_to_be(own, phrase) for phrase in unknown)  # another career: never a filler
    # ... nor does a place and a day alone ("what's the weather going to be like in taipei tomorrow?" without "weather",
    # a tester's: the gap was said over Taipei's tutoring rates).
    rest_has_subject = not to_be and (
        question.type in ("amount", "steps") or any(
            is_content(w) and not stems(w) <= subject and stems(w) - QUESTION_STEMS
            for w in re.findall(r"[\w'’+#-]+", _WHERE_AND_WHEN.sub(" ", rest))))
    reduced = embedder.embed_query(" ".join(rest.split()) or own)
    if direction is not None:
        reduced = _unit(reduced - float(reduced @ direction) * direction)
    full = max((float((v @ vector).max()) for v in sentence_vectors if len(v)), default=-1.0)
    fewer = max((float((v @ reduced).max()) for v in sentence_vectors if len(v)), default=-1.0)
    # A name ("Europe", typed capitalized after the first word) is what it names: never a synonym of what the
    # passages say ("what about in Europe?" after a question on pay fit the US figure well, and nothing without it).
    named = any(w[:1].isupper() and not w.isupper() and not own.lstrip().startswith(w) for phrase in unknown for w in phrase.split())
    named = named or any(_acronym(w) for phrase in unknown for w in phrase.split())
    # One side of a comparison the library never names cannot be compared, however well the rest fits ("should i
    # learn revit or archicad first": a tester's library never says "archicad", and no gap was said).
    # Not a word the library writes in another form ("onpage" of "On-Page").
    compared = question.chooses and any(
        re.search(rf"\b{re.escape(phrase)}\b", side, re.I) and not any(
            _compound(profile, w.lower()) or _with_particle(profile, w.lower()) for w in phrase.split())
        for phrase in unknown for side in question.sides)
    if not to_be and not named and not compared and not _missing(full, fewer, shared, limits):
        return (), None, rest_has_subject
    return unknown, reduced, rest_has_subject


_WHERE_AND_WHEN = re.compile(r"\b(?:in|at|near|around)\s+(?:the\s+)?[\w'’-]+|\b(?:today|tomorrow|tonight|yesterday|"
                             r"(?:this|next|last)\s+(?:weekend|week|month|morning|afternoon|evening))\b", re.I)


def _acronym(word: str) -> bool:
    """Whether `word` is typed as an acronym of three letters or more ("USDS", "PMP", "IC4"): a name."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return len(letters) >= 3 and word.isupper()


def telling(sides: tuple[str, ...], siblings: dict[str, frozenset[str]]) -> tuple[str, ...]:
    """Per compared side, its stem that the headings use in place of one of the other side's (Profile.siblings),
    or () when there is no such pair."""
    a, b = (stems(side) for side in sides)
    pair = next(((x, y) for x in sorted(a - b) for y in sorted(b - a) if y in siblings.get(x, ())), None)
    return pair or ()


def whole_sides(sides: tuple[str, ...], telling_sides: tuple[str, ...]) -> tuple[str, ...]:
    """Each side named in full: "a senior and a staff product designer" compares "senior product designer" with
    "staff product designer" (a side that is only its telling word takes the other side's other words)."""
    out = []
    for i, side in enumerate(sides):
        other = sides[1 - i]
        alone = stems(side) == {telling_sides[i]}
        out.append(" ".join(side if stem(w.lower()) == telling_sides[1 - i] else w for w in other.split()) if alone else side)
    return tuple(out)


def _with_a_figure(passages: list[Passage], k: int, question: str, terms: set[str], named: tuple[str, ...] = ()) -> list[Passage]:
    """The first `k` passages, and when none holds a figure of the kind `question` asks for, the best of the rest
    that is a section stating only such a figure under a title and heading naming a word of the question: a role
    page's "## Average Salary" over "$100,000 - $150,000" ranked eighth for "how much do security engineers make",
    and the answer said the guides give no figure (a tester's cybersecurity library). Not any passage holding a
    figure: a junior analyst's salary, found so, answered what a certification costs (near-topic honest 71 -> 70
    of 120). What the question names by name (`names_asked`: "sous chef") its title and headings name, every word:
    a sous chef's salary section is no answer to what an executive chef earns in New York (a tester's)."""
    head, rest = passages[:k], passages[k:]
    # Its content words: "labor and delivery nurse" under a title writing "Labor & Delivery Nurse" (a tester's)
    wanted = set().union(*(stems(" ".join(w for w in n.split() if is_content(w))) for n in named))
    # ... or none that names who is asked: "Median Pay: $55,810" of sound engineering technicians first, the audio
    # engineer's own "## Salary Range: $89,877 per year" tenth, for "how much does an audio engineer make a year" (a
    # tester's music library was told the guides give no figure).
    if not rest or any(gives_figure(question, p.text) and wanted <= _headed(p) for p in head):
        return head
    terms = {t for t in terms if not asks_money(t) and not is_period(t)}
    # Of several, the one whose title and heading name most of the question: a sous chef's pay section, not the
    # commis chef's ranked above it (both titles name "chef").
    found = [(len(where & terms), -i) for i, p in enumerate(rest)
             if p.opens_section and p.sentences and _states_figure(question, p.sentences[0].text, terms)
             and wanted <= (where := _headed(p))]
    best = max(found, default=(0, 0))
    return head + [rest[-best[1]]] if best[0] else head


def _headed(p: Passage) -> set[str]:
    """The stems of a passage's article title and headings."""
    return stems(f"{p.article.title} {' '.join(p.context)} {p.heading}")


def _states_figure(question: str, sentence: str, terms: set[str]) -> bool:
    """Whether `sentence` is only the figure `question` asks for, or gives it under a label naming what is asked:
    "Salary: £30,000–£35,000 per annum based on experience" for "how much does a sous chef earn?" (a tester's
    culinary library: a job-description template's pay section ranked fifteenth, and the answer said the guides
    give no figure). A label naming something else ("Tuition: $12,000") does not answer what a role earns."""
    if not gives_figure(question, sentence):
        return False
    if excerpts.figure_alone(sentence):
        return True
    label = excerpts.figure_label(sentence)
    if figure_asked(question) != "money":
        return bool(stems(label) & terms)
    # A sum of the kind asked: what is earned for pay ("Salary:", "Pay:"), what is spent for a cost ("Tuition:").
    asked, named = money_sides(question), money_sides(label)
    return bool(named) and (not asked or bool(asked & named))


def with_each_side(retriever: Retriever, passages: list[Passage], sides: tuple[str, ...], telling_sides) -> list[Passage]:
    """`passages`, and for a compared side none of them names (by its telling word and the rest of its name), the
    passage that best matches that side's name alone: "staff product designer" when the search found senior ones."""
    out = list(passages)
    for side in whole_sides(sides, telling_sides):
        wanted = stems(side)
        if any(wanted <= stems(f"{p.heading} {p.text}") for p in out):
            continue
        found = retriever.search(side, 1)
        if found and wanted <= stems(f"{found[0].heading} {found[0].text}") and found[0].chunk_id not in {p.chunk_id for p in out}:
            out.append(found[0])
    return out


def side_terms(side: str, background: frozenset[str]) -> set[str]:
    """The stems that name a compared side: its own words, not the library's subject unless that is all it is."""
    return (stems(side) - background) or stems(side)


def named_together(index, vocabulary: list[str], groups: list[set[str]], clipped: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether one chunk of the library holds a word of every group (stems; a stem of five letters or more that the
    library holds also names its stems that begin with it: "data scien" of "data science" and "data scientist"; so
    does a shorter one the library never uses, typed in lower case (`clipped`): "uni")."""
    expanded = []
    for group in groups:
        terms = set(group)
        for t in group:
            head = _prefix_of(t, vocabulary, clipped)
            if head:
                at = bisect.bisect_left(vocabulary, head)
                while at < len(vocabulary) and vocabulary[at].startswith(head):
                    terms.add(vocabulary[at])
                    at += 1
        expanded.append(terms)
    return bool(expanded) and len(_chunks_holding(index, expanded)) > 0


def _chunks_holding(index, groups: list[set[str]]) -> np.ndarray:
    """The chunks (rows) that hold a term of every group, ascending; none once a group finds none."""
    rows = np.zeros(0, np.int64)
    for n, terms in enumerate(groups):
        found = [index.postings(t)[0] for t in terms]
        held = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
        rows = held if n == 0 else np.intersect1d(rows, held, assume_unique=True)
        if not len(rows):
            break
    return rows


def _prefix_of(term: str, vocabulary: list[str], clipped) -> str:
    """The prefix whose library stems `term` also names: the first five letters of a stem of five or more that the
    library holds, or the whole of a shorter word typed in lower case (`clipped`) that the library never writes, its
    clipping of a longer one ("uni": "univers"); else ""."""
    at = bisect.bisect_left(vocabulary, term)
    held = at < len(vocabulary) and vocabulary[at] == term
    if len(term) >= 5:
        # Only a word the library writes: "Coursera", which it never does, is no form of "course".
        return term[:5] if held else ""
    if len(term) >= 3 and term in clipped and not held:
        return term
    return ""


# "How do I become an electrician?" in a library about teaching: the words it never uses are the career asked
# about, and what is left ("how do I become") is a question about the library's own career only in its form.
_TO_BE = r"\b(?:become|becoming|work(?:ing)? as|jobs? as|careers? as|train(?:ing)? (?:as|to be)|to be)\s+(?:an?\s+|the\s+)?"


def _asks_to_be(text: str, phrase: str) -> bool:
    """Whether `text` asks how to be `phrase`, or what one earns: "how do I become an airline pilot?", "work as a
    paramedic", "how much do flight attendants make?", "what's the salary for a zookeeper?". Not when the phrase
    only qualifies the next word ("become a travel nurse": a kind of the library's own career)."""
    found = re.search(_TO_BE + re.escape(phrase) + r"\b\W*([\w'’]*)", text, re.I)
    if found is not None and (not found[1] or found[1].lower() in FUNCTION_WORDS):
        return True
    return any(re.search(p.replace("PHRASE", re.escape(phrase)), text, re.I) for p in _EARNS)


# Who a pay question is about, with at most one word before the phrase ("flight" of "flight attendants").
_EARNS = (r"\b(?:do|does|did)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+)?PHRASE\s+(?:usually\s+|typically\s+|really\s+)?"
          r"(?:make|earn|get paid|take home)\b",
          r"\b(?:salary|salaries|pay|wages?|earnings)\s+(?:for|of)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+)?PHRASE\b\W*$")


# The question itself asks how to become one ("how do I become a pilot?", "what does it take to work as a nurse"),
# with an article: not a goal mentioned in passing ("my goal (become a backend dev) ...") or "expected to be strong".
_HOW_TO_BECOME = re.compile(
    r"^\W*(?:(?:so|ok|okay|hi|hey|hello)\W+)?(?:how (?:do|can|could|would|should|did) (?:i|you|one|someone|people|ppl) |how to |"
    r"what does it take to |what do (?:i|you) need to (?:do to )?|i (?:want|wanna|would like|'d like) to )"
    r"(?:become|be|work as|get a job as|train as|train to be) (?:an?|the) ([\w'’+#-]+(?:\s+[\w'’+#-]+){0,3})", re.I)


_SKIPPED_IN_INITIALS = frozenset("of and for the in on to".split())


def _spelled_out(word: str, texts: list[str]) -> bool:
    """Whether `word` is an acronym of three to six letters ("NMW", "EPAs") whose letters start a run of words of
    substance in one of `texts` ("national minimum wage", "end-point assessment"; "of", "and", "the" may sit
    between them)."""
    return bool(spelled_out(word, texts))


def _side_spelled_out(side: str, texts: list[str]) -> str:
    """A compared side typed as an acronym, spelled out as the passages write it: "DE" (of "DE or ML engineer?") is
    "data engineering" where a passage says so; else "". Two letters are enough here: the spelling must be in the
    passages found for this very question."""
    return spelled_out(side.strip(), texts, min_letters=2)


_CAMEL_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def spelled_out(word: str, texts: list[str], min_letters: int = 3) -> str:
    """The run of words in `texts` whose initials are `word`'s letters, when `word` is an acronym of `min_letters`
    to six capitals ("NMW": "national minimum wage"), else ""."""
    letters = word[:-1] if len(word) > 3 and word.endswith("s") else word
    if not (min_letters <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return ""
    letters = letters.lower()
    for text in texts:
        # A word in two capitalised parts is two words' initials: "Certified ScrumMaster" spells CSM (a tester's: "None of
        # the figures quoted here is said to be for “CSM”" over an Advanced Certified ScrumMaster's pay).
        words = [w.lower() for w in _CAMEL_PARTS.findall(text)]
        for seq in (words, [w for w in words if w not in _SKIPPED_IN_INITIALS]):
            initials = "".join(w[0] for w in seq)
            at = initials.find(letters)
            while at >= 0:
                run = seq[at : at + len(letters)]
                # Words of substance, not the acronym itself: "as in a ..." spells nothing.
                if seq[at] != letters and all(len(w) > 2 and w not in FUNCTION_WORDS for w in run):
                    return " ".join(run)
                at = initials.find(letters, at + 1)
    return ""


def initialisms(profile: Profile, text: str) -> list[tuple[str, str]]:
    """Runs of three to five words of `text` whose initials are a term of the library that is no English word:
    ("net dollar retention", "ndr") where it writes "NDR". Words that only say how a question is asked start none."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    out: list[tuple[str, str]] = []
    for n in (5, 4, 3):
        for i in range(len(words) - n + 1):
            run = words[i : i + n]
            if not all(is_content(w) and w.lower() not in QUESTION_WORDS for w in run):
                continue
            short = "".join(w[0] for w in run).lower()
            if profile.knows_term(short) and not any(short == s for _, s in out) and zipf(short) < FOREIGN_ZIPF:
                out.append((" ".join(run), short))
    return out


def _career_not_held(profile: Profile, text: str, held: set[str], store=None, index=None) -> tuple[str, ...]:
    """("pilot",) for "how do I become a pilot?" when the library uses the word ("a pilot project") but none of the
    passages found names it: another career, asked about in words the library happens to know, is still a refusal.
    () when the career asked about is the library's own, or its passages name it, or a chunk of the library (`store`,
    `index`) names it as asked ("extension agent": the passages found say "extension officer")."""
    found = _HOW_TO_BECOME.search(text)
    if found is None:
        return ()
    run = []
    for w in found[1].split():
        if not is_content(w):
            break
        run.append(w)
    # The last word names the career ("commercial pilot": a pilot); the words before it qualify it.
    named = stems(run[-1]) - QUESTION_STEMS if run else set()
    # ... as the library spells it: "genetic counsellor" of a library writing "genetic counselor" (a tester's was refused,
    # the British spelling named as the career it does not cover)
    respelt = misspelling_of(profile, run[-1].lower(), stem(run[-1].lower())) if named else None
    named = named | {respelt} if respelt else named
    known = held | profile.background | profile.library.subject_stems
    # The asker's short form of a word the passages hold ("pharmacy tech" of "pharmacy technician") names it too.
    if not named or named & known or any(len(n) >= 4 and any(k.startswith(n) for k in known) for n in named):
        return ()
    if len(run) > 1 and store is not None and _named_as_asked(store, index, run):
        return ()
    # ... or a one-word career the library names in chunks enough not to be a chance word ("mortician": a tester's
    # funeral service library writes it in fourteen chunks; the passages found say "funeral service worker").
    if len(run) == 1 and index is not None and all(index.count(n) >= CAREER_NAMED_CHUNKS for n in named):
        return ()
    return (" ".join(run),)


CAREER_NAMED_CHUNKS = 5  # the fifteen benchmark libraries' far-topic careers ("pilot", "electrician") are in at most 1


def _named_as_asked(store, index, run: list[str]) -> bool:
    """Whether a chunk of the library writes the words of `run` side by side, as asked, a plural "s" allowed: "An
    Agricultural Extension Worker (also known as an Extension Agent ...)" names the career of "how do i become an
    extension agent?" (a tester's farming library refused it: the passages found said "officer" and "worker")."""
    rows = _chunks_holding(index, [set(stems(w)) for w in run])
    phrase = re.compile(r"\b" + r"[ \t]+".join(re.escape(w) + r"(?:s|es)?" for w in run) + r"\b", re.I)
    return any(phrase.search(store.chunks[int(r)].text) for r in rows[:MAX_PHRASE_CHUNKS])


MAX_PHRASE_CHUNKS = 50  # chunks holding every word of a career's name read for the name itself


def _missing(full: float, fewer: float, shared: int, limits: Thresholds, synonym: bool = True) -> bool:
    """The leave-out test: whether words the library never uses are a gap, from the best sentence cosine with them
    (`full`) and without them (`fewer`), and how many of the question's words its passages hold (`shared`)."""
    # They are a gap only if the passages fit the question clearly better without them: "over the next decade" is
    # answered by "from 2020 to 2030"; "in India" pulls away from US figures. And not when the rest matches too
    # little to be answered, unless the passages hold many of the question's words (Thresholds.shared_terms).
    # Nor when the passages fit the question well with them, and clearly better than without: they are what the
    # passages answer, in other words ("Is it dangerous?" of "Electric shock is the most serious risk in the job":
    # 0.46 with the word). Fifteen libraries: a gap claimed on a follow-up one fewer, nothing else moved.
    if synonym and full >= limits.answer_without_gaps and full >= fewer + limits.gap_margin:
        return False
    return not (fewer <= full + limits.gap_margin and (fewer >= limits.answer_without_gaps or shared >= limits.shared_terms))


def _covered(ranked: Ranked, sentence_vectors, vector, unknown, reduced, rest_has_subject, shared, limits: Thresholds,
             topical: float | None = None, name: bool = False):
    """(whether the passages answer the question, the vector the answer is chosen by). With words the library
    never uses: if the rest of the question is still answered well, the gap is said and the rest answered;
    if not, the missing part was the question. `ranked`: the search, with the question's best cosine to any chunk
    or sentence it weighed and to its nearest chunks; `shared`: how many of the question's own terms (not the
    library's background) the first passages hold; `topical`: the question's `topicality`; `name`: the question is a
    name the first passage holds and few others do (`_named_first`)."""
    best_similarity = ranked.best_similarity
    floor = limits.min_similarity_name if name else limits.min_similarity_shared
    if best_similarity < limits.min_similarity and not (best_similarity >= floor and shared >= limits.shared_terms):
        return False, vector
    if ranked.neighbourhood < limits.min_neighbourhood and best_similarity < limits.strong_sentence and shared < limits.shared_terms:
        return False, vector  # one chatty sentence near an everyday question: the library is not about it
    if topical is not None and topical < limits.min_topicality and best_similarity < limits.strong_sentence:
        return False, vector  # "how do you say thank you in japanese?": none of its words is the library's more than English's
    if not unknown:
        return True, vector
    if not rest_has_subject:
        return False, vector  # "Can I get an H-1B visa as a nurse?": nothing else asked
    reduced = reduced if reduced is not None else vector
    best = max((float((v @ q).max()) for v in sentence_vectors if len(v) for q in (reduced, vector)), default=-1.0)
    return best >= limits.answer_without_gaps or shared >= limits.shared_terms, reduced


def topicality(index, text: str) -> float | None:
    """How much more the library is about the most topical word of `text` than English is: log10 of the share of its
    chunks that hold the word over the share that English text of a chunk's length would (wordfreq's frequency of
    the word, or of its stem's family when it is a stem English never writes, times the chunks' mean length in index terms). An acronym as
    typed that the library holds counts as topical; words the library never holds are not judged (None when none is)."""
    best = None
    if not index.n:
        return None
    for word in index_words(text):
        w = word.lower()
        if w in FUNCTION_WORDS or w.isdigit():
            continue
        df = index.count(stem(w))
        if not df:
            continue
        if word.isupper():
            return math.inf  # "STAR", "PMP": a term, however common the English word it spells
        share = math.log10(df / index.n) - math.log10(index.mean_length) - ((zipf(w) or _stem_zipf(w)) - 9)
        best = share if best is None else max(best, share)
    return best


def unknown_phrases(profile: Profile, text: str, text_vector: np.ndarray, salient: float) -> tuple[str, ...]:
    """Runs of words in `text` that the library never uses, where at least one of them matters to the
    question (its cosine to the whole is at least `salient`): "H1B visa sponsorship", "India".
    Fillers ("kinda", "lol") and the asker's spelling of the library's words ("stats") are not gaps."""
    if not profile.has_vocabulary:
        return ()
    runs: list[list[str]] = []
    of_sum = figure_asked(text) == "money"
    text = _HOW_MUCH.sub("how", text)  # "how long does it take?" asks a duration; "long" is no topic of it
    for clause in re.split(r"[?!.,;:()]+", text):
        run: list[str] = []
        words = clause.split()
        for i, word in enumerate(words + [""]):
            w = word.strip("\"'“”‘’")
            # A word that asks for a figure ("earn", "salary", "cost") says what kind of answer is wanted, and the
            # figure check says when none is given: a library that writes "make" and "salary" was said never to
            # mention "earn" (a tester's UX library: "never mention “earn” or “germany”").
            # Nor does a sum typed short ("30k", "$50K", "1.5m"): the library writes its figures its own way ("$30,000",
            # a tester's answer opened "The guides never mention “30k”" over "lower than $30,000").
            if (w and is_content(w) and stem(w.lower()) not in profile.background and not knows(profile, w)
                    and not function_word_typo(w) and not asks_money(w, of_sum) and not asks_share(w) and not _SHORT_SUM.fullmatch(w)
                    and not _ROMAN.fullmatch(w)):  # "Technical Program Manager III": a level's number, named or not
                run.append(w)
                continue
            if run:
                runs.append(_with_its_name(run, words, i))
            run = []
    # Only the first MAX_JUDGED_WORDS unknown words are judged (embedded, in one batch): a pasted list of
    # hundreds of nonsense words would otherwise cost hundreds of embeddings (seconds) for one question.
    judged = list(dict.fromkeys(w.lower() for run in runs for w in run))[:MAX_JUDGED_WORDS]
    vectors = profile.word_vectors(judged) if judged else {}
    # A short form typed in capitals names something, however little its letters say to the model: "how much does the
    # NOHA masters in humanitarian action cost" (cosine 0.13) was answered with another master's price, no gap said (a
    # tester's). Not chat's ("ASAP", "TBH"), nor a question typed all in capitals.
    named = (lambda x: x.isupper() and x.isalpha() and 3 <= len(x) <= 6 and x.lower() not in _CHAT_ACRONYMS) \
        if not text.isupper() else (lambda x: False)
    phrases = [" ".join(run) for run in runs
               if any(named(x) or x.lower() in vectors and float(vectors[x.lower()] @ text_vector) >= salient for x in run)]
    return tuple(dict.fromkeys(phrases))


_ROMAN = re.compile(r"(?=[IVXLC]{2})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")  # "II", "III", "IV", "XII": a level's number
_CHAT_ACRONYMS = frozenset("asap fyi tbh imo imho btw idk afaik irl omg wtf lmk tldr smh ngl fwiw eli iirc".split())


def _with_its_name(run: list[str], words: list[str], end: int) -> list[str]:
    """`run`, the words before `end` in `words`, with the capitalised words beside it when it is capitalised: one name
    ("Home Depot": "does Home Depot hire apprentice plumbers" was told the guides never mention "Depot", a tester's)."""
    if not run[0][:1].isupper():
        return run
    start = end - len(run)
    while start > 1 and words[start - 1][:1].isupper() and words[start - 1].isalpha() and words[start - 1] != "I":
        start -= 1  # not the clause's first word: "What" opens questions
    return [w.strip("\"'“”‘’") for w in words[start:end]]


MAX_JUDGED_WORDS = 16
_SHORT_SUM = re.compile(r"[$£€]?\d+(?:[.,]\d+)?[kKmM]?")


def function_word_typo(word: str) -> bool:
    """Whether `word` is a word that only says how a question is asked, typed with one letter left out or two swapped
    ("ned": need, "wat": what, "shoud": should, "mnay": many), and is itself no common English word ("god" of "good" is one). Never a
    word typed in capitals: "SME", "SAS" and "SRE" are acronyms, not "some", "says" and "sure"."""
    w = word.lower()
    return not word.isupper() and w in _FUNCTION_WORD_TYPOS and zipf(w) < TYPO_MAX_ZIPF


# Each such typo and the word it is of (the first in alphabetical order where two make it): a letter left out, or
# two neighbours swapped ("mnay": many, "waht": what; a tester's "how mnay hours is busy seasn" was refused as not
# English).
_FUNCTION_WORD_TYPOS = {t: w for w in sorted(FUNCTION_WORDS, reverse=True) if len(w) >= 4 and w.isalpha()
                        for t in [*(w[:i] + w[i + 1:] for i in range(1, len(w))),
                                  *(w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(1, len(w) - 1))]
                        if t not in FUNCTION_WORDS and t != w}
TYPO_MAX_ZIPF = 4.0  # "ned" 3.7, "wat" 3.4, "shoud" 2.1 are typos; "tan" 4.0, "hat" 4.5, "god" 5.6 are words
_HOW_MUCH = re.compile(rf"\bhow (?:{HOW_WORDS}|soon|far|old)\b", re.I)


def unreadable(profile: Profile, text: str) -> bool:
    """Whether most words of `text` are neither English (wordfreq's Zipf >= FOREIGN_ZIPF, or a function word) nor
    the library's own: a question in a language the guides are not written in ("¿Necesito un título de maestría
    ...?" to English guides), answered with a line that says so, not with passages matched on a word or two."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)]
    if not profile.has_vocabulary or len(words) < 3 and all(w.isascii() for w in words):
        return False  # "opsgenie?" is better answered by naming the word the guides never use
    # Short words are judged only when a question has few longer ones: "un", "de", "para", "ser" are English words
    # to wordfreq (names, borrowed phrases), and made a Spanish question readable.
    longer = [w for w in words if len(w) >= 4 and w.lower() not in FUNCTION_WORDS]
    # ... but English's own function words ("should", "or", "as", "an") count for English, as none of Spanish's do:
    # "should i learn workday or bamboohr as an hr newbie" was told it was not English (two product names of four).
    english = sum(w.lower() in FUNCTION_WORDS for w in words) if len(longer) >= 3 else 0
    words = longer if len(longer) >= 3 else words
    # The library's own words as it holds them, not as `knows` forgives them ("muss" is no misspelling of "must").
    # Counted until enough are readable: English asked of English guides never loads the word list (0.2 s).
    needed, readable = READABLE_SHARE * (len(words) + english), english
    for w in words:
        lower = w.lower()
        # A long word one edit from an English word the library uses is a typo of it ("engneer", "salery"); a
        # short one may be a word of another language ("muss": must).
        readable += (lower in FUNCTION_WORDS or profile.knows_term(lower) or profile.knows_term(stem(lower))
                     or zipf(w) >= FOREIGN_ZIPF or function_word_typo(w)
                     or len(lower) >= 6 and lower.isascii() and _english_misspelling(profile, lower) is not None
                     or bool(_contracted(lower))  # "mgmt", "yrs": chat shorthand for English words
                     or len(lower) >= 6 and lower.isascii() and _with_particle(profile, lower)  # "onpage": "on-page"
                     or _CAMEL_CASE.search(w) is not None)  # "ModuleNotFoundError": a name in code, no language
        if readable >= needed:
            return False
    return True


_CAMEL_CASE = re.compile(r"[a-z][A-Z]")


@lru_cache(maxsize=1)
def _stem_frequencies() -> dict[str, float]:
    """English word frequency summed over the words of each stem, for wordfreq's FAMILY_WORDS most frequent words."""
    from wordfreq import get_frequency_dict

    from .text import stem_all

    frequencies = get_frequency_dict("en")  # most frequent first
    words = [w for w in itertools.islice(frequencies, FAMILY_WORDS) if w.isalpha()]
    sums: dict[str, float] = {}
    for w, s in zip(words, stem_all(words)):
        sums[s] = sums.get(s, 0.0) + frequencies[w]
    return sums


# Of English's most frequent words, how many are summed by stem: the rest add too little to move a family's
# frequency, and stemming them costs time on the first question (0.1 s for these).
FAMILY_WORDS = 100_000


def _stem_zipf(term: str) -> float:
    """How often English writes any word of the stem `term`, on wordfreq's zipf scale (0 for none): what a question
    word respelled as the library's stem ("summarise" -> "summari", no English word) is set beside (summary,
    summarize, summaries: 4.4). Not for words English writes: a family merges common words with rare ones
    ("references" 4.42 is "refer" 5.28), and a small library's one chunk on them then reads as no topic."""
    total = _stem_frequencies().get(term, 0.0)
    return math.log10(total) + 9 if total > 0 else 0.0


FOREIGN_ZIPF = 3.0  # about once in 1,000,000 English words: "burnout" 3.1, "GmbH" 3.2; "maestría" 0, "haben" 2.3
# Of a question's words (those of four letters or more, when it has three such): none of the 819 questions of the
# fifteen libraries and the dev sets is under it.
READABLE_SHARE = 0.6


def knows(profile: Profile, word: str) -> bool:
    """Whether the library uses `word`, or a word it abbreviates: "stats" (statistics), "avg" (average)."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    if _ACRONYM_PLURAL.fullmatch(word) and knows(profile, word[:-1]):
        return True  # "PIs" of a library that writes "principal investigator (PI)" (a tester's academia library)
    # As written first: a library that writes only "women" holds no "woman" (a tester's newsroom salary survey).
    if w in IRREGULAR and (profile.knows_term(w) or profile.knows_term(stem(w))):
        return True
    w = IRREGULAR.get(w, w)
    parts = [x for x in re.split(r"[^a-z0-9]+", w) if len(x) >= 2]
    if not parts:
        return True  # "C++", "R": too short for the lexical index to hold; not judged
    if len(parts) != 1 or parts[0] != w:  # "open-source", "R&D": the index holds their parts
        # A part that is a function word ("on" of "on-call") is never indexed: it says nothing either way.
        return all(knows(profile, x) for x in parts if x not in FUNCTION_WORDS)
    root = stem(w)
    if profile.knows_term(root) or profile.knows_term(w) or root in profile.accented or w in profile.accented:
        return True
    subject = profile.library.subject.split()
    if w in profile.library.abbreviations or len(subject) >= 2 and w.removesuffix("s") == "".join(x[0] for x in subject).lower():
        return True  # a short form the library defines, or its subject's initials ("EM" of "engineering manager")
    if 3 <= len(w) <= 5 and w.isalpha() and _written_dotted(profile, w):
        return True  # "PhD" of "Ph.D." (a tester's chemistry library: "The guides never mention “PhD”")
    if word.isupper() and len(w) <= 5:
        # An acronym as typed ("CLA", "ATS", "GPL") names something; it is no clipping or misspelling of a longer
        # word that happens to share its letters ("cla" of "clarity", "ats" of "attempts"). Its plural is it ("PRD"
        # of a library that writes "PRDs": a tester's answer said the guides never mention it).
        return profile.knows_term(w + "s") or profile.knows_term(stem(w + "s"))
    vocab = profile.vocabulary
    for form in {w, w.rstrip("s"), root}:
        if len(form) < 3:
            continue
        at = bisect.bisect_left(vocab, form)
        if at < len(vocab) and vocab[at].startswith(form):
            return True  # a clipped word: "diff", "cert", "uni", "stats"
    if _misspelled(profile, w, root) or _spelled_the_other_way(profile, w):
        return True
    if _compound(profile, w) or len(w) >= 6 and (_written_apart(profile, w) or w.endswith("s") and _written_apart(profile, w[:-1])):
        return True
    skeleton = w.rstrip("s") if len(w) > 3 else w
    if len(skeleton) >= 3 and not re.search(r"[aeiouy]", skeleton[1:]):
        # A contraction of consonants ("avg", "mgmt"): its letters in order, the first two adjacent.
        at = bisect.bisect_left(vocab, skeleton[:2])
        while at < len(vocab) and vocab[at].startswith(skeleton[:2]):
            if len(vocab[at]) <= 3 * len(skeleton) and subsequence(skeleton, vocab[at]):
                return True
            at += 1
    # A contraction that keeps the word's last letter ("mgr", "yrs", "hrs"): the library's terms are stems
    # ("manag"), so the English words it may contract are looked up, then their stems.
    return bool(_contraction(profile, w))


_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z0-9]{1,4}s")
CONTRACTION_MAX_ZIPF = 4.0  # "mgr" 2.8, "yrs" 3.5, "hrs" 3.7 are contractions; "gym" 4.4 is a word
ENGLISH_WORDS = 50_000  # the most frequent English words a contraction may be of (wordfreq's list)


def _contraction(profile: Profile, w: str) -> str:
    """The English word of the library's that `w`, a word it does not use, contracts ("engr": engineer), or ""."""
    lw = w.lower()
    if w.isupper() or not profile.has_vocabulary or profile.knows_term(stem(lw)) or profile.knows_term(lw):
        return ""
    return _contracted(lw, lambda e: profile.knows_term(stem(e)))


def _contracted(w: str, known=None) -> str:
    """The English word `w` most likely contracts: the most frequent with its letters in order, the same first and
    last letter, at most three times as long ("mgr": manager, "mths": months, "hrs": hours), among those `known`
    (str -> bool) holds when it is given: "engr" is "engraver" to English, "engineer" to a library on engineers (a
    tester's DevOps library refused "whats the salary for devsecops engr"). "" for a word with a vowel after its
    first letter ("rust" is no contraction of "robust"), longer than five letters, or common in English itself."""
    if not 3 <= len(w) <= 5 or not w.isalpha() or re.search(r"[aeiouy]", w[1:]) or zipf(w) >= CONTRACTION_MAX_ZIPF:
        return ""
    fits = [(-rank, e) for rank, e in enumerate(_english_by_letter().get(w[0], ()))
            if e[-1] == w[-1] and len(w) < len(e) <= 3 * len(w) and subsequence(w, e) and (known is None or known(e))]
    # Contractions keep the word's start: of the words that fit, the one sharing the longest start, then the most frequent.
    return max(fits, key=lambda f: (len(os.path.commonprefix([w, f[1]])), f[0]), default=(0, ""))[1]


@lru_cache(maxsize=1)
def _english_by_letter() -> dict[str, tuple[str, ...]]:
    from wordfreq import top_n_list

    by: dict[str, list[str]] = {}
    for e in top_n_list("en", ENGLISH_WORDS):
        if e.isalpha() and e.isascii():
            by.setdefault(e[0], []).append(e)
    return {k: tuple(v) for k, v in by.items()}


_SUFFIXES = ("ment", "ments", "ation", "ations", "ence", "ance", "ness", "able", "ible", "ship", "ings", "ions")
# Endings short enough that only a swap of two letters is taken as a misspelling of them ("incidnet").
_SHORT_SUFFIXES = ("ent", "ents", "ing", "ion", "ions", "ers", "ed", "er", "es")


def corrected(profile: Profile, text: str) -> str:
    """`text` with each word the library never uses but that misspells one of its terms replaced by that term (a
    stem, which is what the lexical index holds): "regresion in prod" -> "regress in prod". Acronyms as typed and
    everyday English words are left alone: "fried" is no misspelling of "friend"."""
    # A short word's plural the stemmer keeps whole, as the library's singular ("djs" of "Radio DJ": a tester's "what
    # degree do radio djs need" never found the DJ page's "Education Requirements").
    text = re.sub(r"\b[A-Za-z]{2,5}s\b", lambda m: m[0][:-1] if not profile.knows_term(stem(m[0].lower()))
                  and profile.knows_term(m[0][:-1].lower()) else m[0], text)
    # ... a name typed without its accents as the library writes it ("Le Notre" searched as "Le Nôtre"), in a library
    # that writes any
    accented = profile.accented
    if accented:
        text = re.sub(r"[A-Za-z]{3,}", lambda m: m[0] if profile.knows_term(stem(m[0].lower())) else
                      accented.get(m[0].lower()) or accented.get(stem(m[0].lower()), m[0]), text)
    text = re.sub(r"[A-Za-z]{5,}", lambda m: _fixed(profile, m.group(0)) or m.group(0), text)
    # ... and a contraction as the word it contracts ("engr" searched as "engin", the library's "engineer").
    return re.sub(r"\b[A-Za-z]{3,5}\b", lambda m: stem(c) if (c := _spelled_out_contraction(profile, m.group(0))) else m.group(0), text)


def _spelled_out_contraction(profile: Profile, w: str) -> str:
    """`_contraction`, for a word the model does not read whole: one it does ("eng") is searched as typed (spelling
    out "eng" as "engineering" cost an answer its key on the fifteen libraries). The question's vector is of the
    words as typed: "ppl" read as "people" cost another its key and named two false gaps ("freaks", "fraud")."""
    return "" if profile.embedder.knows_word(w.lower()) else _contraction(profile, w)


def respelled(profile: Profile, text: str) -> str:
    """`text` with each such misspelling written as the English word it misspells, where one is one edit away
    ("regresion" -> "regression"): what the question's vector is made of. The model reads a misspelled word in
    pieces, and a question reads less like its answer for it (cosine to the passage that answers "... a regresion
    in prod?" 0.34, to "... a regression in prod?" 0.56)."""
    def fix(m: re.Match) -> str:
        w = m.group(0)
        if len(w) < 5:
            # ... unless the library writes it: "lsat" is a law library's "LSAT", not "last" with two letters swapped.
            if function_word_typo(w) and not profile.knows_term(stem(w.lower())):
                return _FUNCTION_WORD_TYPOS.get(w.lower(), w)
            return w
        term = _fixed(profile, w)
        if not term:
            lw = w.lower()
            if profile.knows_term(stem(lw)) or profile.embedder.knows_word(lw):
                return w  # the library's word, or one the model reads whole: no lookup in wordfreq
            return english_typo(w) or w
        # A stem ("regress") becomes the English word misspelt; a word typed as a stem is already given as one.
        return _english_word(w.lower(), term) or (term if stem(term) == w.lower() else w)

    return re.sub(r"[A-Za-z]{3,}", fix, text)


def english_typo(w: str) -> str | None:
    """The common English word that `w`, a word English does not have at all, is one edit from: "incidnet" ->
    "incident", "salery" -> "salary". None for a word English has, however rare ("certs" is no "cents", "horgan"
    no "morgan"), for one under six letters, and for a name no common word is one edit from ("meddpicc").
    Whether the library uses the word is not asked: a gap is named as the word meant."""
    from wordfreq import zipf_frequency

    if not 6 <= len(w) <= MAX_TYPO_LETTERS or not w.isalpha() or zipf_frequency(w, "en") > 0:
        return None
    z, word = max(((zipf_frequency(v, "en"), v) for v in _edits(w.lower())), default=(0.0, None))
    return word if z >= THRESHOLDS.corrected_min_zipf else None


# No word longer than this is taken for a misspelling: a pasted run of 1,900 letters has ~100,000 strings one edit
# from it, each looked up (35 s for one question). English words in wordfreq's list are shorter.
MAX_TYPO_LETTERS = 24


def _fixed(profile: Profile, w: str) -> str | None:
    lw = w.lower()
    other = _spelled_the_other_way(profile, lw) if profile.has_vocabulary and not profile.knows_term(stem(lw)) else ""
    if other:
        return stem(other)  # "colour" searched as the library writes it, "color"
    if (w.isupper() or len(w) > MAX_TYPO_LETTERS or not is_content(w) or not profile.has_vocabulary or profile.knows_term(stem(lw))
            or profile.embedder.knows_word(lw)):
        return None
    if profile.knows_term(lw):
        # A word typed as the library's stem of it ("degre" for "degree"): its stem ("degr") is no term, so the
        # lexical ranking finds nothing; the English word it stems from is found.
        return _english_word(lw, lw)
    return misspelling_of(profile, lw, stem(lw))


def _english_word(w: str, term: str) -> str | None:
    """The commonest English word one edit from `w` whose stem is `term`, if a common one is."""
    from wordfreq import zipf_frequency

    scored = [(zipf_frequency(v, "en"), v) for v in _edits(w) if stem(v) == term]
    z, word = max(scored, default=(0.0, None))
    return word if z >= THRESHOLDS.corrected_min_zipf else None


def _spelled_the_other_way(profile: Profile, w: str) -> str:
    """The library's spelling of `w` where it spells the word the other side of the Atlantic does ("colour" where it
    writes "color", "organise" for "organize", "licence" for "license"), else "". A tester's trades library answered
    "can i be an electrician if im colour blind" with "The guides don't cover “colour blind”" over "Good color vision
    is required"."""
    w = w.lower()
    if len(w) < 5 or not w.isalpha():
        return ""
    for a, b in _SPELLINGS:
        for old, new in ((a, b), (b, a)) if b != "e" else ((a, b),):  # any "e" may not be an "ae": "seeds" is no "seaeds"
            at = w.find(old, 1)
            while at > 0:
                other = w[:at] + new + w[at + len(old):]
                if profile.knows_term(stem(other)) or profile.knows_term(other):
                    return other
                at = w.find(old, at + 1)
    return ""


# British and American spellings of one word, as pairs of the letters that differ (general English, no library's).
_SPELLINGS = (("our", "or"), ("isation", "ization"), ("ise", "ize"), ("ising", "izing"), ("yse", "yze"), ("tre", "ter"),
              ("ence", "ense"), ("ogue", "og"), ("lled", "led"), ("lling", "ling"), ("ae", "e"), ("oe", "e"))


def _compound(profile: Profile, w: str) -> bool:
    """Whether `w` is two words of the library written as one ("helpdesk" for "help desk", "workload"), each
    at least four letters: shorter parts match too much by chance ("chatgpt" is not "chat" + "gpt"); or a prefix
    the library writes with a hyphen, run onto a word of it ("preregistration" of "pre-registration": a tester's
    pharmacy answer said the guides never mention it)."""
    return any(profile.knows_term(stem(w[:i])) and profile.knows_term(stem(w[i:])) for i in range(4, len(w) - 3)) \
        or any(w.startswith(p) and len(w) - len(p) >= 4 and profile.knows_term(p) and profile.knows_term(stem(w[len(p):]))
               for p in _PREFIXES)


# English's, written "pre-...". Not "co", "re" or "sub": "Copilot" is no "co-pilot", nor "Substack" a "sub-stack".
_PREFIXES = ("pre", "post", "non", "anti", "multi", "inter", "self")


def _with_particle(profile: Profile, w: str) -> bool:
    """Whether `w` is a particle run onto a word of the library ("onpage", "offpage" for "on-page", "off-page"): the
    particle is never indexed. Readable English, but no proof the library knows the compound ("offside")."""
    return any(profile.knows_term(stem(w[i:])) for i in _particle_ends(w))


def _particle_ends(w: str) -> list[int]:
    """Where a particle (a function word of two to four letters) run onto the front of `w` ends ("up" of "uptime": 2)."""
    return [i for i in range(2, min(5, len(w) - 3)) if w[:i] in FUNCTION_WORDS]


def _written_dotted(profile: Profile, w: str) -> bool:
    """Whether a chunk writes `w`, a short form, with a dot after its letters or groups of them ("Ph.D.", "M.B.A."): the
    lexical index holds only a group of two letters or more ("ph"), and chunks holding one are read."""
    for i in range(2, len(w)):
        if profile.knows_term(w[:i]):
            dotted = re.compile(r"\b" + re.escape(w[:i]) + r"\." + r"".join(rf"\s?{re.escape(c)}\.?" for c in w[i:]) + r"(?!\w)", re.I)
            rows = _chunks_holding(profile.index, [{w[:i]}])
            if any(dotted.search(profile.store.chunks[int(r)].text) for r in rows[:MAX_PHRASE_CHUNKS]):
                return True
    return False


def _written_apart(profile: Profile, w: str) -> bool:
    """Whether a chunk writes `w`, a particle run onto a word before or after it, as two words or hyphenated: "uptime"
    of "Achieve at least a 98% up time goal" (a tester's DBA library: "The guides never mention “uptime”"), "startup" of
    "start-up" (a tester's bioinformatics library)."""
    splits = [(i, w[i:]) for i in _particle_ends(w)]
    splits += [(i, w[:i]) for i in range(max(4, len(w) - 4), len(w) - 1) if w[i:] in FUNCTION_WORDS]
    for i, word in splits:
        if profile.knows_term(stem(word)):
            phrase = re.compile(rf"\b{re.escape(w[:i])}[ \t-]+{re.escape(w[i:])}", re.I)
            rows = _chunks_holding(profile.index, [{stem(word)}])
            if any(phrase.search(profile.store.chunks[int(r)].text) for r in rows[:MAX_PHRASE_CHUNKS]):
                return True
    return False


def _misspelled(profile: Profile, w: str, stem: str) -> bool:
    return misspelling_of(profile, w, stem) is not None


def misspelling_of(profile: Profile, w: str, term: str) -> str | None:
    """The library's term (a stem) that `w` misspells, or None. A misspelling is no gap: the library's stem and an
    English suffix misspelled by one letter ("managment", "escalaton"), or one edit inside a long word (two in
    a very long one: "intervew", "recomend", "postmortum"; Damerau-Levenshtein to a term with the same first
    letter). Short words are not guessed at: "india" is one letter from "indic", "remote" from "remove"."""
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    if len(w) > MAX_TYPO_LETTERS:
        return None
    # A letter typed three times or more is one key held too long, in a short word too: "acccs" for ACCS (a tester's was
    # searched as typed and answered with another credential's section).
    for run in (r"\1\1", r"\1") if re.search(r"(\w)\1\1", w) else ():
        once = re.sub(r"(\w)\1{2,}", run, w)
        if profile.knows_term(stem(once)):
            return stem(once)
    for n in range(5, len(w) - 1):
        rest = w[n:]
        if not profile.knows_term(w[:n]):
            continue
        if len(rest) >= 4 and process.extractOne(rest, _SUFFIXES, scorer=DamerauLevenshtein.distance, score_cutoff=1):
            return w[:n]
        if any(sorted(rest) == sorted(x) and DamerauLevenshtein.distance(rest, x) == 1 for x in _SHORT_SUFFIXES):
            return w[:n]
    vocab = profile.vocabulary
    if len(w) >= 5 and w.endswith("in") and profile.knows_term(stem(w + "g")):
        return stem(w + "g")  # "-in'" as people say it: "team drivin pay" (a tester's was told the guides never say it)
    if len(w) >= 5:
        dropped = _letter_dropped(vocab, w) or _vowels_dropped(vocab, w)
        if dropped:
            return dropped
    if len(term) >= 7:
        lo, hi = bisect.bisect_left(vocab, term[0]), bisect.bisect_left(vocab, chr(ord(term[0]) + 1))
        found = process.extractOne(term, vocab[lo:hi], scorer=DamerauLevenshtein.distance,
                                   score_cutoff=2 if len(term) >= 10 else 1)
        if found:
            return found[0]
    return _english_misspelling(profile, w)


def _english_misspelling(profile: Profile, w: str) -> str | None:
    """The library's term (a stem) of the everyday English word `w` misspells by one edit, or None: "regresion"
    (regression), "devloper", "comunity", "diffrent", where the library's stems ("regress", "develop") are too
    far from the word as typed for the checks above. Only for a word rare in English (wordfreq's Zipf scale: "certs",
    "taker", "grads" are words, not misspellings) whose variant is a common word, far more common than it."""
    from wordfreq import zipf_frequency

    limits = THRESHOLDS
    typed = zipf_frequency(w, "en")
    if typed >= limits.misspelling_max_zipf:
        return None
    # Of the words it may misspell, the one the library uses most: "planers" is its "planners" (16 chunks), not the
    # commoner English "planets" (one chunk), a tester's "how much do urbn planers make" was refused for it.
    floor = max(limits.corrected_min_zipf_in_library, typed + limits.corrected_zipf_gain)
    scored = [(profile.index.df(stem(v)), z, v) for v in _edits(w) if (z := zipf_frequency(v, "en")) >= floor]
    df, _, best = max(scored, default=(0, 0.0, ""))
    return stem(best) if df > 0 else None


def _edits(w: str) -> set[str]:
    """Every string one edit from `w`: a letter left out, two swapped, one changed or one added (Norvig's)."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters})


def _letter_dropped(vocab: list[str], w: str) -> str | None:
    """The term of the library (a stem) that `w` is with one letter left out inside it ("liaison" for "liason"),
    or None: not in its first two letters or its last, where dropping one makes another word ("rain" of
    "train", "score" of "scores"). Short words are guessed at only this way: a letter swapped makes other words
    ("india", "indic"). Nine libraries: a gap claimed on answerable 20 -> 19 of 216, nothing else moved."""
    lo, hi = bisect.bisect_left(vocab, w[:2]), bisect.bisect_left(vocab, w[:2] + "\uffff")
    return next((t for t in vocab[lo:hi]
                 if len(t) == len(w) + 1 and t[-1] == w[-1] and any(t[:i] + t[i + 1:] == w for i in range(2, len(t) - 1))), None)


def _vowels_dropped(vocab: list[str], w: str) -> str | None:
    """The term of the library (a stem) that `w` is with vowels left out inside it, as people type on a phone
    ("intervw" for "interview", a tester's "wear suit google intervw" was told the guides never mention it), or None:
    the same first two letters and the same consonants, four or more of them, in order."""
    skeleton = _VOWELS.sub("", w[2:])
    if len(skeleton) < 3 or len(_VOWELS.sub("", w)) < 4:
        return None
    lo, hi = bisect.bisect_left(vocab, w[:2]), bisect.bisect_left(vocab, w[:2] + "\uffff")
    return next((t for t in vocab[lo:hi] if len(w) < len(t) <= len(w) + 3 and _VOWELS.sub("", t[2:]) == skeleton
                 and subsequence(w, t)), None)


_VOWELS = re.compile(r"[aeiou]")


def alternatives(retriever: Retriever, profile: Profile, vector: np.ndarray, k: int = 8) -> list:
    """The `k` sentences offering an alternative view ("bootcamps are a viable route") nearest `vector`, from the
    whole library, as (passage, sentence index, vector): a retrieved passage may hold one side of a disagreement."""
    positions, vectors = profile.soft_sentences
    if len(positions) == 0:
        return []
    sims = vectors @ vector
    out = []
    top = np.argpartition(-sims, k)[:k] if len(sims) > k else np.arange(len(sims))
    for i in top[np.argsort(-sims[top], kind="stable")]:
        sentence = retriever.store.sentences[positions[i]]
        passage = retriever.passage(int(retriever.index.chunk_of_sentence[positions[i]]), 0.0, float(sims[i]))
        index = passage.sentences.index(sentence)
        out.append((passage, index, _vectors(retriever.store, passage.sentence_rows)[index]))
    return out


def _answering(passages: list[Passage], sentence_vectors: list[np.ndarray], vector: np.ndarray):
    """The passages (and their sentences' vectors) without those that matched by a listed question restating the
    one asked (KNOBS.echo), alone on its line with no answer after it: a lesson's "Knowledge check" item "What are
    the main steps in the overall strategy for getting hired?" is what "what are the main steps to getting hired?"
    found, and quoting it answers nothing. A question followed by its answer (an FAQ) stays."""
    def quiz(p: Passage, vectors: np.ndarray) -> bool:
        echoes = [k for k, s in enumerate(p.sentences[: len(vectors)])
                  if s.text.rstrip().endswith("?") and float(vectors[k] @ vector) >= KNOBS.echo]
        if not echoes:
            return False
        r = excerpts.roles(p)  # what a list item is, read once for the whole answer step
        return any(r.item[k] and (k + 1 == len(r.item) or r.paragraph_start[k + 1]) for k in echoes)
    kept = [k for k, (p, v) in enumerate(zip(passages, sentence_vectors)) if not quiz(p, v)]
    if not kept or len(kept) == len(passages):
        return passages, sentence_vectors
    return [passages[k] for k in kept], [sentence_vectors[k] for k in kept]


def _vectors(store, rows: range) -> np.ndarray:
    """The index-time vectors of a run of sentences, in order (float32)."""
    return store.sentence_vectors[rows.start : rows.stop].astype(np.float32)


_OPENS_LIST = re.compile(r":[ \t]*\n\s*(?:[-*+•]|\d{1,3}[.)])[ \t]")  # a lead-in and the first item of a list
_OPENS_ITEM = re.compile(rf"[ \t]*{LIST_MARKER}[ \t]")  # a chunk that opens on a list item (it holds its line)
# ... or on the lead-in of one ("If I have to pick 3 ..., they will be:" over "1. Dealing with ambiguity")
_OPENS_ITEM_OR_LEAD = re.compile(rf"[ \t]*(?:{LIST_MARKER}[ \t]|[^\n]{{1,300}}:[ \t]*\n\s*{LIST_MARKER}[ \t])")
_RESUMES = re.compile(rf"[^\n]*[^:\s][ \t]*\n\s*{LIST_MARKER}[ \t]")  # a paragraph (no lead-in), then the list again
MAX_JOINED = 2  # chunks a list running over chunk boundaries may be joined from, after its own


def with_rest_of_list(store, passage: Passage) -> Passage:
    """`passage` joined with its neighbour chunk where a list runs over the boundary: the next chunk's
    items after it, or the previous chunk's lead-in and items before it. A list is quoted with its lead-in."""
    c = passage.row
    if c < 0:
        return passage
    chunks = store.chunks
    # Onwards while the chunk joined last opens a list of its own that runs on ("check out these templates:
    # - BDFL model template" | "- Meritocracy model template ..."), up to MAX_JOINED: a list already running when
    # the first join was made is not followed further.
    n = c + 1
    while (n < len(chunks) and n - c <= MAX_JOINED and _LAST_LINE_ITEM.search(passage.text)
           and _same_section(store, c, n) and (n == c + 1 or _OPENS_LIST.search(chunks[n - 1].text))):
        nxt = chunks[n]
        gap = nxt.start - (passage.start + len(passage.text))
        if gap < 1 or not (_OPENS_ITEM.match(nxt.text) or _RESUMES.match(nxt.text)):
            break
        # A chunk that opens on an item holds its line (indentation and marker): between the two the article has
        # line breaks only. A list that resumes after a paragraph (a quotation between two items) runs on too, the
        # paragraph a paragraph of its own.
        passage = _joined(store, passage, n)
        n += 1
    if c > 0 and _same_section(store, c - 1, c) and _LAST_LINE_ITEM.search(chunks[c - 1].text):
        prev = chunks[c - 1]
        sents = store.sentences_in(c - 1)
        # A lead-in ending in ":", or one that says what follows ("Here are a few common situations and how to deal
        # with them." over "1. ..." in one chunk and "2. ..." in the next: a tester's answer opened at item 2).
        lead = next((i for i in range(len(sents) - 1, -1, -1) if _points_on(sents[i].text.rstrip())), None)
        gap = passage.start - prev.end
        if lead is not None and gap >= 1 and _OPENS_ITEM.match(passage.text):
            start = sents[lead].start
            rows = store.sentence_rows(c - 1)
            passage = replace(
                passage, text=prev.text[start - prev.start :] + "\n" * gap + passage.text,
                start=start, sentences=sents[lead:] + passage.sentences,
                sentence_rows=range(rows.start + lead, passage.sentence_rows.stop),
            )
    if passage.start >= chunks[c].start:  # nothing joined before it: a numbered list with no lead-in, from its item 1
        passage = _from_first_item(store, passage)
    return passage


def _from_first_item(store, passage: Passage) -> Passage:
    """`passage`, opening on item k > 1 of a numbered list with no lead-in (the list right under its heading), joined
    from the list's item 1 in the chunks before it in its section (up to MAX_ITEMS_BACK): "What steps should a student
    take ...?" was answered with steps 7 to 9 of 9 (a tester's translation library)."""
    number = _ITEM_NUMBER.match(passage.text)
    if number is None or int(number[1]) < 2:
        return passage
    c = passage.row
    for r in range(c - 1, max(c - 1 - MAX_ITEMS_BACK, -1), -1):
        if not _same_section(store, r, c):
            return passage
        sents, chunk = store.sentences_in(r), store.chunks[r]
        item = _FIRST_ITEM.search(chunk.text)  # the marker is no part of its sentence: the line that holds it
        first = None if item is None else next((i for i, x in enumerate(sents) if x.start >= chunk.start + item.end()), None)
        if first is None:
            continue
        start = chunk.start + item.start()
        pieces, end = [chunk.text[item.start():]], chunk.start + len(chunk.text)
        for n in (*range(r + 1, c), None):
            nxt = store.chunks[n].start if n is not None else passage.start
            if nxt <= end:
                return passage  # chunks that overlap or touch: no exact text between them to quote from
            pieces.append(_between(nxt - end))
            if n is not None:
                pieces.append(store.chunks[n].text)
                end = nxt + len(store.chunks[n].text)
        text = "".join(pieces) + passage.text
        before = tuple(x for n in range(r, c) for x in store.sentences_in(n))[first:]
        return replace(passage, text=text, start=start, sentences=before + passage.sentences,
                       sentence_rows=range(store.sentence_rows(r).start + first, passage.sentence_rows.stop))
    return passage


_ITEM_NUMBER = re.compile(r"[ \t]*(\d{1,2})[.)][ \t]")
_FIRST_ITEM = re.compile(r"(?:^|(?<=\n))[ \t]*1[.)][ \t]")
MAX_ITEMS_BACK = 3  # chunks a numbered list is followed back to its item 1


# ... and a count of things the list after it gives ("However, I think there are a few key skills that make a good
# product manager a great one, ...", a tester's: its three skills open the next chunk).
_PROMISES = re.compile(r"^(?:so,? )?here (?:are|is)\b|\bas follows\b|\bthe following\b|"  # not "Below is ...": a page's overview of all that follows
                       r"\bthere are (?:a few|several|some|\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


LABELLED = 3  # passages judged for standing under a repeated heading (`Passage.label`): finding them reads the article


def _labelled(store, passage: Passage, labels: dict[str, set[str]]) -> Passage:
    """`passage` marked as standing under a heading its article repeats (`_labels`), when it does."""
    if passage.row < 0 or not passage.context:
        return passage
    repeated = _article_labels(store, passage, labels)
    return replace(passage, label=True) if passage.heading in repeated else passage


def _article_labels(store, passage: Passage, labels: dict[str, set[str]]) -> set[str]:
    if passage.article.id not in labels:
        labels[passage.article.id] = _labels(store.chunks, passage.row)
    return labels[passage.article.id]


def _widened(store, passage: Passage, labels: dict[str, set[str]]) -> Passage:
    """`passage` with what its last sentence leads to: the subsections it points at, the rest of its list, the
    next chunk it announces."""
    if passage.row < 0:
        return passage
    outlined = with_outline(store, passage, lambda: _article_labels(store, passage, labels))
    return with_what_it_announces(store, with_rest_of_list(store, outlined))


# A section's last sentence that points at what follows: "..., here are some steps toward becoming a data analyst."
_POINTS_ON = re.compile(r"\b(?:(here)(?: are| is|'s|’s)|the following|as follows|below|let(?:'|’)?s|let us)\b|:$", re.I)
_POINTER_CUES = ("here", "follow", "below", "let", ":")
# The author's own question turning to what follows: "So how do you avoid burnout as an ECE?" closing an introduction
# over "## Meditation", "## Talk to your supervisor ..." (a tester's answer was the introduction alone, no tip named).
_ASKS_ON = re.compile(r"so,?[ \t]+(?:how|what|which|where|when|why)\b[^?]{0,150}\?$", re.I)
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]|\b(?:and|so|now|but))\s*$", re.I)  # what "here are" follows where it points


def _points_on(sentence: str) -> bool:
    """Whether a sentence points at what follows it. "here are" only where a clause opens ("..., here are some
    steps"; "The guidelines here are based on ..." points at nothing)."""
    lower = sentence.lower()
    if lower.startswith("so") and _ASKS_ON.match(sentence):
        return True
    if not any(cue in lower for cue in _POINTER_CUES):  # most sentences: a scan of the words, no regex run
        return False
    for m in _POINTS_ON.finditer(sentence):
        if not m[1] or _CLAUSE_OPENS.search(sentence, 0, m.start()):
            return True
    return False


# A sentence that counts what follows it: "... in one of four directions.", "There are 3 main routes into teaching."
_COUNTS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-2])(?: (?:main|key|common|different|"
                     r"possible|basic|broad|distinct|major|typical|general|other))? ([a-z]+s|of these)\.$", re.I)
_COUNT_WORDS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)}


def counts_next(sentence: str, outline: tuple[str, ...]) -> bool:
    """Whether `sentence` counts as many things as `outline` names: "... you should start doing all 5 of these."
    just before "here's my list of the 5 music careers ...:" over five sections."""
    return _counted(sentence.strip()) == len(outline) > 0


def _counted(sentence: str) -> int:
    """How many things a sentence ending on a count of them names ("... one of four directions." -> 4), or 0."""
    m = _COUNTS.search(sentence)
    if not m or m[2].lower() in _NOT_COUNTED:
        return 0
    return int(m[1]) if m[1].isdigit() else _COUNT_WORDS[m[1].lower()]


_NOT_COUNTED = frozenset("years months weeks days hours minutes times dollars pounds euros percent points".split())


_STEP = re.compile(r"(?:step[ \t]+)?(\d{1,2})[.):][ \t]", re.I)  # a numbered heading: "1. Paid Ads", "Step 2: Apply"
POINTER_ALONE_WORDS = 6
_WORDS = re.compile(r"\w+").findall
MAX_OUTLINE = 12  # subsection headings shown as the list a sentence points at; past it the page is its own contents
INTRO_SENTENCES = 2  # a section's own text this short, over its subsections, introduces them


def with_outline(store, passage: Passage, labels=None) -> Passage:
    """`passage` with the headings of the subsections that open right after its section's last sentence, when that
    sentence points at them (`_POINTS_ON`): a guide's steps are often its next sections ("### 1. Get a foundational
    education", "### 2. Build your technical skills"), and the lead-in quoted alone promised steps it never gave (a
    tester's data analyst library). Two or more subsections, direct children of its heading; else unchanged."""
    if passage.row < 0:
        return passage
    chunks, row = store.chunks, passage.row
    # Its article's repeated headings (`_labels`), read only when subsections are found: a callable, or found here.
    repeated = labels or (lambda: _labels(chunks, row))
    own = passage.sentences  # its chunk's own, as retrieved: read first, before anything is joined to it
    if not own:
        return passage
    # An article's opening under a title that counts its numbered sections ("What are the top 5 recruiter skills?" over
    # "1. Listening skills" ... "5. IT Skills"; "4 Tips on How to Become a Human Resources Manager"): they are what it
    # introduces, wherever they start (two testers' answers were the introduction alone, no skill or step named).
    counted = _counted_in_title(passage.article.title)  # read first: most titles count nothing
    numbered = _numbered_run(chunks, row, counted) if counted >= 2 and _opens_article(chunks, row) else []
    if numbered and not repeated() & set(numbered):
        return replace(passage, outline=tuple(numbered), outline_at=len(own) - 1)
    count = _counted(own[-1].text.strip())
    if count:
        # "... a Scrum Master's career will usually evolve in one of four directions." over four sections, one a
        # direction: the sentence counts what follows as surely as "here are" points at it (a tester's answer was
        # the sentence alone).
        headings = _numbered_sections(chunks, row) or _subsections(chunks, row) or _sections_after_intro(chunks, row)
        if count <= len(headings) <= MAX_OUTLINE and not repeated() & set(headings[:count]):
            return replace(passage, outline=tuple(headings[:count]), outline_at=len(own) - 1)
    if not _points_on(own[-1].text.strip()):
        # ... or a section's whole text, a sentence or two over its subsections ("Things I DO NOT expect a junior
        # developer to know": "Most of these you can look up ...", then "### Specific details of syntax", ...): its
        # subsections are what it introduces (a tester's answer was that sentence alone).
        path = (*chunks[row].context, chunks[row].heading)
        opens = row + 1 < len(chunks) and chunks[row + 1].article_id == chunks[row].article_id and chunks[row + 1].context == path
        headings = _subsections(chunks, row) if opens and len(own) <= INTRO_SENTENCES else []
        headings = _without(headings, repeated)
        if not 2 <= len(headings) <= MAX_OUTLINE:
            return passage
        return replace(passage, outline=tuple(headings), outline_at=len(own) - 1)
    numbered = _numbered_sections(chunks, row)  # "1. ...", "2. ...", "3. ...", not the "Conclusion" under them too
    # The sections beside an opening only after a sentence that does nothing but point ("Here's how.", "Let's dive
    # in!"): a longer one points at a link, a video or the steps inside the next section as often as at them.
    alone = len(_WORDS(own[-1].text)) <= POINTER_ALONE_WORDS or bool(_ASKS_ON.match(own[-1].text.strip()))
    headings = numbered if len(numbered) >= 2 else _subsections(chunks, row) or (
        _sections_after_intro(chunks, row) if alone else [])
    headings = _without(headings, repeated)
    if not 2 <= len(headings) <= MAX_OUTLINE:
        return passage
    return replace(passage, outline=tuple(headings), outline_at=len(own) - 1)


def _without(headings: list[str], repeated) -> list[str]:
    """`headings` without the labels among them (`repeated()`: their article's repeated headings, read only if any)."""
    if not headings:
        return headings
    labels = repeated()
    return [h for h in headings if h not in labels]


def _labels(chunks, row: int) -> set[str]:
    """The headings chunk `row`'s article repeats under different sections ("### Pros:", "### Cons:" under each side
    job): labels, whose names alone say nothing, never an outline (a tester's "does starbucks give benefits to part
    timers" was answered "... perks to working there part time.", "- Pros:", "- Cons:")."""
    article = chunks[row].article_id
    first = row
    while first > 0 and chunks[first - 1].article_id == article:
        first -= 1
    parents: dict[str, set] = {}
    n = first
    while n < len(chunks) and chunks[n].article_id == article:
        parents.setdefault(chunks[n].heading, set()).add(chunks[n].context)
        n += 1
    return {heading for heading, under in parents.items() if len(under) > 1}


def _sections_after(chunks, row: int):
    """The first chunk of each run of chunks under one heading after chunk `row` in its article, in order (the rest
    of `row`'s own section, if it goes on, first)."""
    n, last = row + 1, None
    while n < len(chunks) and chunks[n].article_id == chunks[row].article_id:
        if (chunks[n].context, chunks[n].heading) != last:
            last = (chunks[n].context, chunks[n].heading)
            yield chunks[n]
        n += 1


def _subsections(chunks, row: int) -> list[str]:
    """The headings of the sections right under chunk `row`'s heading that open after it, in order."""
    path = (*chunks[row].context, chunks[row].heading)
    headings: list[str] = []
    for c in _sections_after(chunks, row):
        if c.context[: len(path)] != path or len(headings) > MAX_OUTLINE:
            break  # the section is over
        if c.context == path and (not headings or headings[-1] != c.heading):
            headings.append(c.heading)
    return headings


def _sections_after_intro(chunks, row: int) -> list[str]:
    """The headings of the sections beside an article's opening one, when chunk `row` is that opening ("... But how?
    Here's how." over "# Be confident.", "# Make it quick!"), up to one any article may have ("Conclusion")."""
    if row > 0 and chunks[row - 1].article_id == chunks[row].article_id:
        return []
    headings: list[str] = []
    for c in _sections_after(chunks, row):
        if names_no_topic(c.heading) and c.context == chunks[row].context or len(headings) > MAX_OUTLINE:
            break
        if c.context == chunks[row].context and (not headings or headings[-1] != c.heading):
            headings.append(c.heading)
    return headings


# A title that counts what its article lists: "4 Tips on ...", "What are the top 5 recruiter skills?", "Ten ways to ...".
_TITLE_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-2])(?:[ \t]+[\w'’-]+){0,2}?[ \t]+([a-z]+s)\b", re.I)


def _counted_in_title(title: str) -> int:
    m = _TITLE_COUNT.search(title)
    if not m or m[2].lower() in _NOT_COUNTED:
        return 0
    return int(m[1]) if m[1].isdigit() else _COUNT_WORDS[m[1].lower()]


def _opens_article(chunks, row: int) -> bool:
    """Whether chunk `row` is in its article's opening section (no section with a heading of its own before it)."""
    first = row
    while first > 0 and chunks[first - 1].article_id == chunks[row].article_id:
        first -= 1
    return all((chunks[r].context, chunks[r].heading) == (chunks[first].context, chunks[first].heading) for r in range(first, row + 1))


def _numbered_run(chunks, row: int, count: int) -> list[str]:
    """The headings of the first run of sections after chunk `row`, in its article, numbered 1 to `count`; [] when
    there is no such run or it goes on past `count` (then the title counts something else)."""
    if count < 2:
        return []
    headings: list[str] = []
    for c in _sections_after(chunks, row):
        number = _STEP.match(c.heading)
        if number is None or (headings and c.heading == headings[-1]):
            continue
        if int(number[1]) != len(headings) + 1:
            if headings:
                break
            continue
        headings.append(c.heading)
    return headings if len(headings) == count else []


def _numbered_sections(chunks, row: int) -> list[str]:
    """The headings of the sections numbered 1, 2, 3 ... that open right after chunk `row`, at any level: a bold line
    read as a heading ("**1. Paid Ads (Meta & Google Ads)**") sits beside the lead-in's section, not under it."""
    headings: list[str] = []
    inside: tuple = ()
    for c in _sections_after(chunks, row):
        if headings and (headings[-1] == c.heading or c.context[: len(inside)] == inside):
            continue  # the numbered section's own subsections ("1. Songwriter" › "Consider this:")
        number = _STEP.match(c.heading)
        if number is None or int(number[1]) != len(headings) + 1 or len(headings) > MAX_OUTLINE:
            break
        headings.append(c.heading)
        inside = (*c.context, c.heading)
    return headings


def with_what_it_announces(store, passage: Passage) -> Passage:
    """`passage` joined with the next chunk of its section when it ends by announcing what comes next ("So, it's
    time to show you the differences between Spark and Hadoop. ... You'll also understand why ..."): the
    announcement is no answer (excerpts.ANNOUNCES), what it announces is."""
    if passage.row < 0 or not passage.sentences:
        return passage
    last = [s.text.strip() for s in passage.sentences[-2:]]
    announces = any(excerpts.ANNOUNCES.search(t) for t in last)
    if not announces and not any(_PROMISES.search(t) for t in last):
        return passage
    chunks, end = store.chunks, passage.start + len(passage.text)
    n = passage.row + 1
    while n < len(chunks) and chunks[n].article_id == chunks[passage.row].article_id and chunks[n].start < end:
        n += 1
    # The next chunk of the same article, in its section or the subsection that opens after it ("... You'll also
    # understand why ..." | "### Where's the difference?"): an announcement ending a chunk is about what follows.
    if n >= len(chunks) or chunks[n].article_id != chunks[passage.row].article_id or chunks[n].start < end + 1:
        return passage
    # "Here are three guiding principles ..." promises the list the next chunk opens with; before a paragraph (the
    # next section's "At the start of any major incident call, ...") it introduced something else.
    if not announces and not _OPENS_ITEM_OR_LEAD.match(chunks[n].text):
        return passage
    return _joined(store, passage, n)


def _joined(store, passage: Passage, n: int) -> Passage:
    """`passage` with chunk `n`, which starts after it, appended; the gap between them kept as line breaks and
    spaces, so every sentence keeps its offset in the article."""
    nxt = store.chunks[n]
    gap = nxt.start - (passage.start + len(passage.text))
    joined = replace(passage, text=passage.text + _between(gap) + nxt.text,
                     sentences=passage.sentences + store.sentences_in(n),
                     sentence_rows=range(passage.sentence_rows.start, store.sentence_rows(n).stop))
    # The subsections an outline names open after the section's end: where its rest is joined, so is the outline
    # ("The 7 habits of successful journalists" read on into its second chunk, a tester's, showed no habit).
    if passage.outline and passage.outline_at == len(passage.sentences) - 1 and _same_section(store, passage.row, n):
        joined = replace(joined, outline_at=len(joined.sentences) - 1)
    return joined


def _from_section_start(passages: list[Passage], store) -> list[Passage]:
    """`passages` with the first read from its section's chunk before it, when that chunk is found too (among the
    next SECTION_REACH): a section's second half ranked first ("So no, I don't think you need a niche.") is quoted
    with its first ("Short answer: nope. 100% stay general.", a tester's freelancing Q&A), as the section reads; and
    read on into the chunk after it, when that one is found. Fifteen libraries: every key 211 -> 218 of 360 (held
    out 179 -> 184 of 288, fit 32 -> 34 of 72), no answer losing a key; 38 answers changed."""
    top = passages[0] if passages else None
    if top is None or top.row < 0:
        return passages
    after = _found_within_reach(passages, top.row + 1)
    if after is not None and _same_section(store, top.row, top.row + 1) and top.start + len(top.text) <= passages[after].start:
        # ... and a section's first half ranked first with its second found next reads on into it: "Most keep typical
        # business hours, though evening and weekend meetings ... may occasionally be required" (a tester's planners).
        whole = _run_on(store, _joined(store, top, top.row + 1), passages[after])
        whole = replace(whole, score=top.score, similarity=max(top.similarity, passages[after].similarity))
        return [whole] + [p for i, p in enumerate(passages[1:], 1) if i != after]
    if top.row <= 0 or not _same_section(store, top.row - 1, top.row):
        return passages
    k = _found_within_reach(passages, top.row - 1)
    if k is None:
        return passages
    end = passages[k].start + len(passages[k].text)
    if end >= top.start + len(top.text):  # it was widened over the top one already (a list running on)
        whole = passages[k]
    elif end > top.start:
        return passages
    else:
        whole = _joined(store, passages[k], top.row)
    if top.start + len(top.text) > whole.start + len(whole.text):  # the top one was widened past its chunk
        rest = top.start + len(top.text) - whole.start
        whole = replace(whole, text=(whole.text + top.text[len(whole.text) - (top.start - whole.start):])[:rest],
                        sentences=whole.sentences + top.sentences[len(store.sentences_in(top.row)):],
                        sentence_rows=range(whole.sentence_rows.start, top.sentence_rows.stop))
    whole = replace(whole, score=top.score, similarity=max(top.similarity, passages[k].similarity))
    return [whole] + [p for i, p in enumerate(passages[1:], 1) if i != k]


def _run_on(store, whole: Passage, found: Passage) -> Passage:
    """`whole`, which ends with `found`'s chunk, with what `found` was widened to past it: a list running on into the
    chunk after (a tester's "at least one of the following three criteria:" was quoted with its first item only)."""
    own = store.sentences_in(found.row)
    if found.start != store.chunks[found.row].start or len(found.sentences) <= len(own):
        return whole
    rest = found.start + len(found.text) - whole.start
    return replace(whole, text=(whole.text + found.text[len(whole.text) - (found.start - whole.start):])[:rest],
                   sentences=whole.sentences + found.sentences[len(own):],
                   sentence_rows=range(whole.sentence_rows.start, found.sentence_rows.stop))


SECTION_REACH = 2  # how far down the ranking the chunk before or after the top one is looked for


def _found_within_reach(passages: list[Passage], row: int) -> int | None:
    """The rank (1 .. SECTION_REACH) of the passage of chunk `row` among those after the first, or None."""
    return next((k for k, p in enumerate(passages[1:SECTION_REACH + 1], 1) if p.row == row), None)


def _between(gap: int) -> str:
    """What stands for the `gap` characters between two chunks of a section (whitespace): as many, so every sentence
    after it keeps its offset in the article."""
    return "\n" * min(gap, 2) + " " * max(gap - 2, 0)


def _same_section(store, a: int, b: int) -> bool:
    x, y = store.chunks[a], store.chunks[b]
    return x.article_id == y.article_id and x.heading == y.heading and x.context == y.context


def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) or 1.0)


