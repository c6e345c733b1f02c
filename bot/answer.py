"""Evidence -> `Answer`: readable excerpts that answer the question, each with its [n] citation, or an honest
"the guides don't cover that", naming what is missing.

Every sentence of an answer is copied verbatim from a cited passage; no text is generated. Excerpts are
contiguous runs of a passage (a sentence with the one it leans on, a lead-in with its list), chosen by how
well they match the question and whether they deliver what it asks for (a figure, items, both sides, steps,
a definition). Words the library never uses are gaps: named first, then either what the guides do say
("in general") or, when they were the heart of the question, a refusal. When the cited guides take opposite
stances on a requirement, both sides are shown, each under its source's name.
Does not retrieve, and does not know about conversations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np

from . import excerpts
from .chunking import section_path
from .config import KNOBS, THRESHOLDS, WEIGHTS, Knobs, SentenceWeights, Thresholds
from .evidence import Evidence, counts_next, side_terms, spelled_out, whole_sides
from .index.store import ArticleRecord
from .ingest import file_date
from .question import asks_money, figure_asked, gives_figure, holds_figure, is_content, is_period, money_sides, says_a_sum
from .retrieval import Passage
from .stance import answers, soft_cues, stance
from .text import ITEM_START, PLACE_DOMAINS, PLACE_NAMES, PLACES, QUESTION_STEMS, stems, tokenize_one, zipf

NOT_COVERED = "The guides don't cover that."
NO_FIGURE = "The guides give no figure for that. What they do say:"
# A reply to a yes/no question: "Yes.", "No, ...", "Absolutely!" (English, not any library's words).
# A reply to the question its heading asks: "Yes, ...", "Not necessarily.", or labelled as one ("Answer: ...", "A: ...",
# an FAQ's: "Answer: Yes, many professionals move into it from IT" was quoted alone for whether AI replaces them).
_REPLY = re.compile(r"^(?:(?:answer|a)\s*:|(?:yes|no|yeah|yep|nope|absolutely|definitely|certainly|correct|"
                    r"not (?:necessarily|always|really))\s*[.,!;:—–-])", re.I)
TYPED = ("amount", "list", "steps", "comparison", "definition")  # questions that ask for something specific

_FIGURE = re.compile(r"[$€£¥]\s?\d|\d[\d,.]*\s?(%|percent|per ?cent|k\b|million|billion|hours?|years?|months?|weeks?)|\b\d{2,}[\d,.]*\b", re.I)
# "What share ...?" is answered by "most", "half", "the majority" as well as by a number.
_SHARE_QUESTION = re.compile(r"\b(share|proportion|fraction|percentage|how many of|what part)\b", re.I)
_SHARE = re.compile(r"\b(most|majority|minority|half|a third|a quarter|two thirds|nearly all|few)\b", re.I)
_ENUMERATION = re.compile(
    r"\b(?:such as|including|include|includes|like|e\.g\.)\s+[^,.;]+(?:,|\band\b|\bor\b)|,[^,]+,[^,]+(?:,|\band\b|\bor\b)", re.I
)
_CONTRAST = re.compile(
    r"\b(while|whereas|on the other hand|in contrast|by contrast|unlike|instead|rather than|however|but|than|"
    r"differ|different|difference|compared)\b", re.I)
# "A machine learning engineer is a software engineer who ...": the verb near the start, not in a list's lead-in.
_DEFINES = re.compile(r"^(?!here\b)[^:;]{0,80}?\b(is|are|refers to|means|describes|known as|defined as)\b\s+(?:an?|the|one)\b", re.I)
_SEQUENCE = re.compile(r"\b(first|second|then|next|finally|after that|begins? with|step|stages?)\b", re.I)
_ADVISES = re.compile(r"\b(should|consider|make sure|it(?:'|’)s (?:important|best|worth|essential)|recommend|tip|key|"
                      r"try to|focus on|start by|seek out)\b", re.I)


@dataclass(frozen=True)
class Citation:
    """A passage an answer relies on; `highlights` are the (start, end) offsets in `text` of the sentences used."""

    n: int
    text: str
    article: ArticleRecord  # the article quoted (title, site, url, date), as the index records it
    chunk_id: str
    similarity: float  # cosine of the question to this passage (its best sentence or the whole), as Passage.similarity
    heading: str = ""
    sentences: tuple[str, ...] = ()
    highlights: tuple[tuple[int, int], ...] = ()
    context: tuple[str, ...] = ()  # the headings above `heading` (Passage.context)


@dataclass(frozen=True)
class Related:
    """Another section the search ranked close to the cited ones, offered to read, not quoted in the answer."""

    article: ArticleRecord
    heading: str
    chunk_id: str
    text: str  # the passage, to open
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation] = field(default_factory=list)
    searched_for: str = ""  # the query actually searched (differs from the question for rewritten follow-ups)
    kind: str = "answer"  # "answer" | "not_covered" | "smalltalk"
    suggestions: tuple[str, ...] = ()  # questions the guides can answer, offered with a refusal
    disagreement: bool = False  # the cited guides take different positions, shown side by side
    gaps: tuple[str, ...] = ()  # what the question asks about that the guides don't say
    related: tuple[Related, ...] = ()  # other sections that may answer it too ("See also"), best first

    @property
    def covered(self) -> bool:
        return self.kind == "answer"

    def to_text(self) -> str:
        """The answer with a plain-text list of its sources and quoted sentences (CLI, API clients)."""
        lines = [self.text]
        if self.citations:
            lines += ["", "Sources:"]
            for c in self.citations:
                a = c.article
                where = ", ".join(x for x in (a.site, a.date, a.url) if x)
                section = section_of(a, c.heading, c.context)
                lines.append(f"[{c.n}] {a.title}" + (f" ({where})" if where else "") + (f" - {section}" if section else ""))
                lines += [f'    "{s}"' for s in c.sentences]
        if self.related:
            lines += ["", "See also:"] + [f"- {r.article.title}" + (f" - {s}" if (s := section_of(r.article, r.heading, r.context)) else "")
                                          for r in self.related]
        return "\n".join(lines)


def section_of(article: ArticleRecord, heading: str, context: tuple[str, ...] = ()) -> str:
    """The section a source names beside its article's title, with the headings above it ("Senior product manager ›
    Skills needed for this level › Product strategy"): a level's skill is named with its level. A heading named like
    its page ("What is an apprenticeship?" under that title) is left out, so it is named once. A heading's closing colon
    goes ("Beyond Journeyman › Foreman", not "Foreman:": three testers' source lines)."""
    return " › ".join(h.rstrip().rstrip(":").rstrip() for h in section_path(article.title, context, heading))


@dataclass
class _Excerpt:
    rank: int  # the passage's position in the evidence
    members: tuple[int, ...]  # its sentences in that passage, in order: a run, or a lead-in with some of its items
    score: float
    vector: np.ndarray
    delivers: bool = False  # holds what the question's type asks for
    # Opens on what is asked, found elsewhere and naming it (who is paid, the term defined): widened forward only. Not a
    # figure found for its kind alone: "Certification testing costs $35-$250 per test" lost the AWS its paragraph opens
    # on, and read as another certification's cost (read blind).
    leads: bool = False

    @property
    def a(self) -> int:
        return self.members[0]

    @property
    def b(self) -> int:
        return self.members[-1] + 1

    def overlaps(self, other: "_Excerpt") -> bool:
        return self.rank == other.rank and self.a <= other.b and other.a <= self.b  # touching counts

    def merge(self, other: "_Excerpt") -> None:
        self.members = tuple(sorted(set(self.members) | set(other.members)))

    def sentences(self, passages) -> list:
        sents = passages[self.rank].sentences
        return [sents[k] for k in self.members]

    def text(self, passages) -> str:
        return " ".join(s.text for s in self.sentences(passages))


def not_covered(searched_for: str, suggestions=(), gaps=()) -> Answer:
    text = gap_sentence(gaps, refused=True) if gaps else NOT_COVERED
    if suggestions:
        text += " They can answer questions like:\n" + "\n".join(f"- {q}" for q in suggestions)
    return Answer(text, [], searched_for, "not_covered", tuple(suggestions), gaps=tuple(gaps))


def compose(evidence: Evidence, limits: Thresholds = THRESHOLDS) -> Answer:
    """The answer the evidence supports; `kind == "not_covered"` (no citations, `gaps` named) when it supports none."""
    passages = list(evidence.passages)
    vector, gaps = evidence.answer_vector, tuple(evidence.unknown)
    if not evidence.covered:  # evidence decides whether the guides answer it at all
        return not_covered(evidence.searched_for, gaps=gaps)
    roles = [excerpts.roles(p) for p in passages]
    candidates = [c for rank in range(len(passages)) for c in _candidates(evidence, rank, roles[rank], vector)]
    if not candidates:
        # No sentence stands on its own (a ladder's bullets, each a clause without a full stop, under a bold
        # label): the guides still answer, so the top passage is shown whole under its heading, not refused.
        whole = _quotable(roles[0])
        if not whole:
            return not_covered(evidence.searched_for, gaps=gaps)
        candidates = [_Excerpt(0, tuple(whole), 0.0, evidence.chunk_vectors[0])]
    _demote_restatements(candidates)
    candidates.sort(key=lambda c: -c.score)
    chosen, focus = _top_passage(candidates, evidence, roles)
    _rest_of_section(chosen, candidates, passages)
    question = evidence.question
    if question.type == "comparison":
        # A side the passages never name is a gap said first, like any other, with the passage still shown:
        # fit libraries: refused 8 -> 7, a gap claimed on answerable 2 -> 3 of 72 (held out: 8 -> 4, 6 -> 10,
        # every key 30 -> 32); a refusal hid answers whose side detection misread the question.
        missing = _complete_comparison(chosen, candidates, evidence, limits)
        if missing:
            gaps += (missing,)
    if question.type == "definition":
        _lead_with_definition(chosen, candidates, passages, question.text)
    disagreement = False
    if question.asks_requirement:
        _lead_with_verdict(chosen, candidates, passages, evidence)
        disagreement = _add_counterpoint(chosen, candidates, evidence, roles, passages, vector, limits, focus)
    # A figure leads only when it names something the question names beside the money it asks for: "The average pay
    # for machine learning engineers ... $147,134" led "do internships pay?" (a tester's) on the word "pay" alone.
    about = {t for t in evidence.terms - evidence.background if not asks_money(t) and not is_period(t)}
    # ... and every word of who or what it names in words (`Evidence.named`, a level's aside): a sous chef's "Salary:
    # £30,000–£35,000" led "whats the average executive chef salary in new york" (a tester's culinary library). Not
    # a short form: a section on counsellors' "2,000-4,000 supervised clinical hours" that never writes "LPC" answers
    # "how many supervised hours ... to get an LPC" (a tester's), with the short form's gap said (`_names_not_quoted`).
    wanted = {w for n in evidence.named if not n.isupper() for w in n.split() if w.lower() not in _LEVEL_WORDS and is_content(w)}
    no_figure = question.type == "amount" and not _lead_with_figure(chosen, candidates, question.text, passages,
                                                                     frozenset(about), frozenset(wanted),
                                                                     tuple(n for n in evidence.named if n.isupper()))
    if not no_figure and chosen and figure_asked(question.text) == "money":
        _the_item_asked(chosen[0], passages, question.text,  # who is asked of, a level too ("staff engineers")
                        frozenset(w for n in evidence.named if not n.isupper() for w in n.split() if is_content(w)))
    if question.type == "amount" and not no_figure and chosen:
        _from_the_figure(chosen[0], passages, roles, question.text, frozenset(about))
        _from_the_run(chosen[0], passages, roles, question.text)
    # The passage quoted whole is widened too: what lies between its quotable sentences stays in (a line-wrapped
    # source's fragments). Leaving them out cut 42 of 337 answers mid-run (held out: every key 32 -> 31 of 72).
    for c in chosen:
        _widen(c, passages, roles)
    # ... and what it widens to is part of the answer: "no figure" over a quoted "Duration: 2-3 years" (a tester's
    # "how long does that take?" after a question on becoming a nurse practitioner) contradicted itself.
    no_figure = no_figure and not any(says_a_sum(question.text, t := c.text(passages)) and not _other_side(question.text, t)
                                      for c in chosen)
    # ... or its own heading: "### Solar PV Installer - $70,286" over what the installer does (a tester's listicle of
    # the best-paid solar jobs was told "no figure" under a citation showing it). That heading is quoted first.
    priced = frozenset(c.rank for c in chosen[:1] if no_figure and _figure_in_heading(question.text, passages[c.rank], wanted))
    no_figure = no_figure and not priced
    # A figure that opens its section is quoted under the heading saying what it is ("Base Salary Range:" over
    # "$85,000 - $110,000 annually, based on experience ...": `_priced_section`).
    # Not over a sentence that says what it is ("The Bureau of Labor Statistics reports the median hourly wage ...").
    priced |= frozenset(c.rank for c in chosen[:1] if question.type == "amount" and c.a == 0 and _priced_heading(passages[c.rank])
                        and _FIGURE_FIRST.match(t := passages[c.rank].sentences[0].text) and gives_figure(question.text, t))
    answer = _render(evidence, passages, roles, chosen, disagreement, gaps, no_figure, focus, priced)
    # never over "no figure" or a gap
    unnamed = () if answer.gaps else _places_not_quoted(question.text, answer) + _names_not_quoted(evidence.named, answer)
    unnamed = tuple({u.lower(): u for u in reversed(unnamed)}[k] for k in dict.fromkeys(u.lower() for u in unnamed))
    if unnamed:
        answer = replace(answer, text=f"{_NOT_IN_QUOTED.format(_join(unnamed))}\n\n{answer.text}", gaps=unnamed)
    elif question.type == "amount" and figure_asked(question.text) == "money" and not answer.gaps:
        # Sums only: "How long is the PVCC sonography program?" has its "21 months" in a sentence naming no college.
        elsewhere = _names_beside_its_figures(evidence.named, answer, question.text)
        if elsewhere:
            answer = replace(answer, text=f"{_NO_FIGURE_FOR.format(_join(elsewhere))}\n\n{answer.text}", gaps=elsewhere)
    return replace(answer, related=related(passages, answer.citations))


_NOT_IN_QUOTED = "The sections quoted here never mention {}. What they say:"
_NO_FIGURE_FOR = "None of the figures quoted here is said to be for {}. What they say:"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _places_not_quoted(question: str, answer: Answer) -> tuple[str, ...]:
    """The places and years the question names (`text.PLACES`, "in Texas", "in 2026") that none of the sections the
    answer quotes mentions, in their text or headings: "how much do subs make per day in texas?" was answered with
    the Bay Area's and Mississippi's day rates and no word that Texas is not among them (a tester's K-12 library,
    which mentions Texas elsewhere)."""
    named = _places_asked(question)
    codes = _CODE.findall(_without_spelled_out(question)) + _numbered_asked(question, answer)
    if not named and not codes:
        return ()
    # ... nor the answer itself: the headings of the sections a quoted lead-in points at are shown with it ("2. Europe
    # (UK, Germany, ...)" under "Here's a breakdown ... by region": "never mention “europe”" over it, a tester's).
    quoted = _quoted(answer).lower()
    squeezed = re.sub(r"[\W_]", "", quoted)
    hosts = {re.sub(r"^\w+://", "", c.article.url).split("/")[0].lower() for c in answer.citations} | {
        c.article.site.lower() for c in answer.citations}
    named = [w for w in named if not (w.lower() in PLACE_DOMAINS and any(
        re.search(rf"\.{PLACE_DOMAINS[w.lower()]}$", h.strip()) for h in hosts))]
    return tuple(dict.fromkeys([w for w in named if not any(n in quoted for n in (w.lower(), *PLACE_NAMES.get(w.lower(), ())))]
                               + [c for c in codes if re.sub(r"\W", "", c.lower()) not in squeezed]))


def _numbered_asked(question: str, answer: Answer) -> list[str]:
    """The things the question names by a word and a number, in any case ("band 5"), where the sections the answer
    quotes number that word too ("Band 6"): one step of a scale, which those sections may not be about ("what is band 5
    pay for physiotherapists" was answered with Band 6's, no word said, a tester's NHS library). Not a word as common
    as "top", "year" or "part" (Zipf `generic_zipf`), which numbers anything."""
    typed = _numbered_typed(question)
    quoted = _quoted(answer) if typed else ""  # built only when the question names one: this runs for every answer
    return [n for n in typed if re.search(rf"\b{re.escape(n.split()[0])}[ \t-]?\d", quoted, re.I)]


def _numbered_typed(question: str) -> list[str]:
    """What the question names by a word and a number in any case ("band 5"), the word no commoner than `generic_zipf`."""
    return [f"{m[1]} {m[2]}" for m in _NUMBERED_ASKED.finditer(question) if zipf(m[1].lower()) < THRESHOLDS.generic_zipf]


_NUMBERED_ASKED = re.compile(r"\b([A-Za-z][a-z]{2,12})[ \t-](\d{1,2})\b(?![.,:]\d)")


def _without_spelled_out(question: str) -> str:
    """`question` without what brackets hold: the spelling out of a short form the library defines, put in by
    `Library.expand` ("the CFA (chartered financial analyst) program")."""
    return re.sub(r"\([^()]*\)", " ", question)


def _quoted(answer: Answer) -> str:
    """The answer with every section it quotes from, their headings and their articles' titles, sites and dates (a
    date its file's name opens on too: a repost of the 2022 rule dated 2026 in its fields, "2022-10-18-modernization-of-
    the-customs-broker-regulations.md", was said never to mention "2022", a tester's)."""
    return " ".join([answer.text] + [f"{c.article.title} {c.article.site} {c.article.url} {c.article.date} "
                                     f"{file_date(c.article.source)} "
                                     f"{' '.join(c.context)} {c.heading} {c.text}" for c in answer.citations])


def _names_not_quoted(named: tuple[str, ...], answer: Answer) -> tuple[str, ...]:
    """The names the question asks about (`Evidence.named`: "SPHR", "landscape architects") that none of the sections
    the answer quotes mentions: an acronym as a word or spelled out, a name by every word, who is paid by every word
    but its level's."""
    return _names_not_in(named, _quoted(answer))


def _names_beside_its_figures(named: tuple[str, ...], answer: Answer, question: str) -> tuple[str, ...]:
    """The names the question asks a figure of that the quoted sentences giving a figure, with their sections'
    titles and headings, never name, though their sections do: "how much does a radiologist earn" answered with "Q:
    How much do imaging supervisors earn? A: Imaging supervisors (ARRT-A) earn $110,000-$150,000" from an FAQ that
    names radiologists elsewhere (a tester's imaging library read it as a radiologist's pay)."""
    held, priced = [], []
    for c in answer.citations:
        # The quoted sentences that give one (any quoted, not only those marked), under their headings and title.
        # ... with its paragraph up to it when it leans on what comes before: "This course can cost anything up to
        # £18,000" is the BPTC's, named two sentences up (a tester's law library: "None of the figures quoted here is
        # said to be for “BPTC”").
        spans = [(at, at + len(s)) for s in c.sentences if (at := c.text.find(s)) >= 0] or c.highlights
        giving = [(a, b) for a, b in spans if gives_figure(question, c.text[a:b])]
        # ... and the lead-in of the list an item giving one stands in: "Level: Senior Engineer; ... $100,000 - $130,000"
        # is a front end engineer's, named in "Roughly speaking front end engineers advance through the following levels"
        # (a tester's: "None of the figures quoted here is said to be for “senior frontend engineer”").
        # ... and the item a nested item's figure stands under: "- Cost: $300" under "1. AWS Certified Solutions
        # Architect - Professional" (a tester's: "None of the figures quoted here is said to be for “AWS”" over it).
        figures = [_leaning_back(c.text, a, b) for a, b in giving] + [_list_lead_in(c.text, a) for a, _ in giving] + [
            _parent_item(c.text, a) for a, _ in giving]
        # ... and the sentences quoted before it in its paragraph: "Demand is so high for skilled watchmakers ... Starting
        # salaries range from $45,000 to $55,000 a year." (a tester's: "None of the figures quoted here is said to be for
        # “watchmakers”" over it).
        figures += [" ".join(c.text[x:y] for x, y in spans if c.text.rfind("\n\n", 0, a) < x < a) for a, _ in giving]
        # ... and the short line quoted right above it saying whose it is ("GIS Analyst" over "Median Annual Salary:
        # $72,600": `_widen` quotes it so).
        figures += [c.text[x:y] for a, _ in giving for x, y in spans if y <= a and not c.text[y:a].strip()
                    and len(c.text[x:y].split()) <= SUBJECT_LINE_WORDS and c.text[x:y].rstrip()[-1:] not in ".!?:"]
        if figures:
            held += [c.article.title, *c.context, c.heading, *figures]
            priced.append(c)
    if not held:
        return ()
    # ... and a place none of them is about: Texas's "$20 per hour" for what a permit costs in Ireland, beside an Irish
    # page naming the permit but pricing nothing (a tester's childcare library).
    places = _places_not_quoted(question, replace(answer, text="", citations=tuple(priced)))
    # Who is paid, by the words as written, a plural or a clipping aside ("tech" of "Technical"): the stemmer makes one
    # word of "radiologist" and "radiology".
    words = {w.lower() for w in re.findall(r"[\w’'-]+", " ".join(held))}
    words |= {part for w in words if "-" in w for part in w.split("-")}  # "nurse midwife" under "Nurse-Midwife" (a tester's)

    def written(w: str) -> bool:
        w = w.lower().removesuffix("s") if len(w) > 3 or w[:-1].isupper() else w.lower()  # "PTs" too
        return w in _LEVEL_WORDS or any(x.startswith(w) or _letter_left_out(w, x.removesuffix("s"))
                                        or _letter_changed(w, x.removesuffix("s")) for x in words) or _blended(
            w, " ".join(held)) or bool(_work_of(w) & words)

    # The head word, as the rest is judged by stems: "commission based broker" over "Broker/Commission Track" with "$30K
    # base" was said to have none (a blind reader's; "based" is written nowhere, as typed).
    who = [n for n in named if not n.isupper() and not n[0].isupper() and not written(n.split()[-1])]
    return tuple(dict.fromkeys(places + _names_not_in(named, " ".join(held)) + tuple(who)))


def _subject_line(r, sents, k: int) -> bool:
    """Whether sentence `k` is a line of its own naming something in a few words, no claim (a heading the page did not
    mark as one: "GIS Manager")."""
    text = sents[k].text.strip()
    return (r.paragraph_start[k] and not r.content[k] and not r.item[k] and not r.question[k]
            and len(text.split()) <= SUBJECT_LINE_WORDS and not excerpts.figure_label(text) and text[-1:] not in ".!?:")


SUBJECT_LINE_WORDS = 6


def _leaning_on(passage: Passage, first: int, text: str) -> str:
    """`text`, an excerpt opening on sentence `first` of `passage`, from its paragraph's start when it leans on what
    is before it ("This course can cost anything up to £18,000" names the course its paragraph names)."""
    if not excerpts.leans(text.strip()) or not passage.sentences:
        return text
    return _paragraph_before(passage.text, passage.sentences[first].start - passage.start) + text


def _list_lead_in(text: str, at: int) -> str:
    """The paragraph before the list whose item holds offset `at` of `text`; "" when `at` is in no item."""
    line = text.rfind("\n", 0, at) + 1
    if not ITEM_START.match(text, line):
        return ""
    while line > 0 and (ITEM_START.match(text, line) or not text[line:text.find("\n", line)].strip()):
        line = text.rfind("\n", 0, line - 1) + 1  # each line above `at` ends on a line break
    end = text.find("\n", line)
    return "" if ITEM_START.match(text, line) else text[line:end if end >= 0 else len(text)]


def _parent_item(text: str, at: int) -> str:
    """The line of the item that the indented list item holding offset `at` of `text` stands under; "" when `at` is in
    no indented item."""
    line = text.rfind("\n", 0, at) + 1
    row = text[line:at]
    indent = len(row) - len(row.lstrip(" \t"))
    if not indent or not ITEM_START.match(text, line):
        return ""
    while line > 0:
        line = text.rfind("\n", 0, line - 1) + 1
        end = text.find("\n", line)
        row = text[line:end if end >= 0 else len(text)]
        if row.strip() and len(row) - len(row.lstrip(" \t")) < indent:
            return row if ITEM_START.match(row) else ""
    return ""


def _leaning_back(text: str, start: int, end: int) -> str:
    """The sentence at `text[start:end]`, from its paragraph's start when it leans on what is before it, and from its
    list item's start when it is in one: "Cost: $225 application + $225 exam = $450 total." is the figure of the item
    "ASCP MLT(ASCP) certification: ..." it stands in (a tester's: "None of the figures quoted here is said to be for
    “ASCP”" over it)."""
    line = text.rfind("\n", 0, start) + 1
    # ... or a labelled figure on one line with what it prices ("CDL Class A or B - ... Cost: $0 if military-obtained",
    # an item quoted without its marker: "None of the figures quoted here is said to be for “CDL”", a tester's)
    if line < start and (ITEM_START.match(text, line) or _LABEL_OPENING.match(text, start)):
        return text[line:end]
    if not excerpts.leans(text[start:end].strip()):
        return text[start:end]
    return _paragraph_before(text, start) + text[start:end]



_LABEL_OPENING = re.compile(r"[A-Z][\w ]{0,30}:[ \t]")  # "Cost: ...", "Typical salary: ..."


def _paragraph_before(text: str, at: int) -> str:
    """What `text` says between the start of the paragraph holding offset `at` and `at`."""
    return text[text.rfind("\n\n", 0, at) + 1 : at]


def _names_not_in(named: tuple[str, ...], quoted: str) -> tuple[str, ...]:
    # A place is judged by `_places_not_quoted`, with the other ways it is written: "India" over "₹4-7 LPA" (a
    # tester's DevOps library was told the quoted sections never mention it, above an India guide's figures).
    named = tuple(n for n in named if n.lower() not in PLACES)
    if not named:
        return ()
    held = stems(quoted)
    # Spelled out only in capitalised words ("Certified Property Manager"): "cost of the Property Management
    # Programme" has the initials of "CPM" too.
    names = _CAPITALISED_RUN.findall(quoted)
    # A short form's plural ("SLPs") is a short form: spelled out in "Speech-Language Pathologists" (a tester's: "None of
    # the figures quoted here is said to be for “SLPs”" under "How Much Do Speech-Language Pathologists Make?").
    return tuple(n for n in named if not (
        (re.search(rf"\b{re.escape(n if n.isupper() else n[:-1])}s?\b", quoted, re.I) or spelled_out(n, names))
        if n.isupper() or len(n) > 2 and n.endswith("s") and n[:-1].isupper()
        else stems(n) <= held if n[0].isupper()  # a name, every word of it
        # "and" aside: "labor and delivery nurse" under "Labor & Delivery Nurse" (a tester's midwifery library)
        else all(all(_held(t, held) for t in stems(w)) or _blended(w, quoted) or _written_as_two(w, quoted) or _clipped(w, quoted)
                 or len(w) <= 5 and bool(spelled_out(w.upper(), names)) for w in n.split()  # "atc" of "Air Traffic Control"
                 if w.lower() not in _LEVEL_WORDS and is_content(w))))


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+(?:(?:of|and|for|the|in|on|to)[ \t]+)?[A-Z][\w’'-]*)+")


def _clipped(word: str, text: str) -> bool:
    """Whether `text` writes `word` in full, `word` its clipping: "pharma" of "Pharmaceutical" (a tester's pharma sales
    library was told the quoted sections never mention “pharma reps”, over "Specialty pharmaceutical reps ... $129K").
    Its plural too: "physios" of "physiotherapists" (a tester's: "never mention “physios”" over their pay)."""
    word = word.removesuffix("s") if len(word) > MIN_CLIPPED else word
    return len(word) >= MIN_CLIPPED and bool(re.search(rf"\b{re.escape(word)}[a-z]{{3,}}", text, re.I))


MIN_CLIPPED = 5  # letters a clipping keeps, at the least: "pharma", "vet" is too short to tell from "veto"


def _blended(word: str, text: str) -> bool:
    """Whether `text` writes `word` as two words it blends, the first clipped: "pentester" of "Penetration Tester" (a
    tester's cybersecurity library was told its "Network Penetration Tester" pay page never names a network pentester)."""
    word = word.lower().removesuffix("s")
    return any(re.search(rf"\b{re.escape(word[:j])}\w+[ \t-]+{re.escape(word[j:])}", text, re.I)
               for j in range(2, len(word) - MIN_BLENDED + 1))


def _written_as_two(word: str, text: str) -> bool:
    """Whether `text` writes `word` as two words, apart or hyphenated: "frontend" of "front-end" (a tester's front-end
    library was told the quoted sections never mention “frontend devs”, over their pay)."""
    word = word.lower().removesuffix("s")
    return any(re.search(rf"\b{re.escape(word[:j])}[ \t-]+{re.escape(word[j:])}", text, re.I) for j in range(3, len(word) - 2))


MIN_BLENDED = 4  # letters of the second word a blend keeps whole ("tester"): "en" + "gineer" is no blend


def _held(term: str, held) -> bool:
    # ... or typed with a letter left out, as a doubled one often is: "programers" (a tester's "how mcuh do junior
    # game programers earn" was told the quoted sections never mention them, over their pay).
    # ... and a short form's plural ("pts" of "travel PTs", which the stemmer leaves whole, over "Travel PT contracts
    # pay $1,800-2,500/week": a tester's PT library was told none of the figures was for travel PTs).
    # ... and one spelled with one letter changed, seven letters at least: "dieticians" of "dietitians", "licence" of
    # "license" (a tester's dietetics library was told the quoted sections never mention dieticians, over their pay).
    # ... and a doer by what it does: "walker" of "walk" ("Dog Walking" over "£15-£30 per walk", a tester's pet care library).
    return term in held or len(term) <= CLIPPED_LETTERS and any(h.startswith(term) for h in held) or any(
        _letter_left_out(term, h) or _letter_changed(term, h) for h in held) or term.endswith("s") and term[:-1] in held or bool(
        _work_of(term) & held)


def _letter_changed(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one letter past its first written as another, seven letters at least."""
    return len(typed) >= 7 and len(word) == len(typed) and typed[0] == word[0] and sum(a != b for a, b in zip(typed, word)) == 1


def _letter_left_out(typed: str, word: str) -> bool:
    """Whether `typed` is `word` with one letter left out, past its first, five letters at least ("programers")."""
    return len(typed) >= 5 and len(word) == len(typed) + 1 and word[0] == typed[0] and any(
        word[:i] + word[i + 1:] == typed for i in range(1, len(word)))


# Words that say which level of a job, not which job ("junior tech writers" are paid as "tech writers" starting out);
# every other word of who is asked of names the job ("pastry chef": a corporate chef's pay is not its pay, a tester's).
_LEVEL_WORDS = frozenset("junior senior entry new starting beginner experienced lead head chief trainee graduate".split())


CLIPPED_LETTERS = 5  # a word this short may be a longer one clipped ("grads" of "graduates", "techs"); "architects" is
# not "architectural"


# A code typed as one ("DP-203", "IC4", "SEV-1", "GS-12": an exam, a level, a grade) names one thing: "how long is the
# DP-203 exam" was answered with AWS's "180-minute exam" (a tester's data-engineering library).
_CODE = re.compile(r"\b[A-Z]{1,5}-?\d{1,4}[A-Z]?\b")


def related(passages: list[Passage], citations, limits: Knobs = KNOBS) -> tuple[Related, ...]:
    """Up to `limits.see_also` other sections among the passages, each ranked at least `limits.see_also_ratio` as
    likely as the top one: where the answer may be when the one quoted is not. Never the cited sections."""
    cited = {(c.article.id, c.context, c.heading) for c in citations}
    out: list[Related] = []
    for p in passages[1:]:
        if len(out) == limits.see_also:
            break
        if p.section not in cited and p.score >= limits.see_also_ratio * passages[0].score:
            cited.add(p.section)
            out.append(Related(p.article, p.heading, p.chunk_id, p.text, p.context))
    return tuple(out)


def _top_passage(candidates: list[_Excerpt], evidence: Evidence, roles) -> tuple[list[_Excerpt], dict]:
    """The top passage whole (its quotable sentences), and the excerpt of it that answers best (marked for the
    reader)."""
    whole = _quotable(roles[0])
    best0 = next((c for c in candidates if c.rank == 0), None)
    if not whole:
        best = candidates[0]
        return [_Excerpt(best.rank, best.members, best.score, best.vector)], {}
    if best0 is None:
        # Nothing in it stands alone (a ladder's bullets without full stops under a label), but it is still the
        # passage that matched best: shown whole, not swapped for a lesser one that has a quotable sentence.
        return [_Excerpt(0, tuple(whole), candidates[0].score, _mean_vector(evidence, whole))], {}
    focus = _Excerpt(0, best0.members, best0.score, best0.vector)
    _widen(focus, evidence.passages, roles)
    cosines = evidence.sentence_vectors[0] @ evidence.answer_vector
    if not _asked_by_its_heading(evidence.passages[0], evidence):
        whole = _from_the_answer(whole, focus.members, roles[0], cosines)
    elif evidence.question.type == "yes_no":
        whole = _from_the_reply(whole, roles[0], evidence.passages[0].sentences)
    whole = _to_the_next_question(_from_its_question(whole, focus.members, roles[0], cosines), focus.members, roles[0], cosines)
    # No excerpt of another passage leads it, however much better it scores: readers of the fit libraries graded
    # that 0.75 / 1.50 / 1.53 / 0.83 against 0.64 / 1.92 / 1.83 / 0.69 for the top passage alone (answers / reads
    # as one / faithful / honest, 36 cases; docs/evaluation.md), and a held-out reader, where it happened (11 of
    # 42), 1.09 / 1.00 / 1.36 / 1.45 against 0.91 / 1.73 / 1.82 / 1.27: a little more often the answer, at the
    # cost of reading as one and of each sentence keeping its meaning. A figure asked for is the exception.
    return [_Excerpt(0, tuple(whole), best0.score, _mean_vector(evidence, whole))], {0: focus}


def _mean_vector(evidence: Evidence, whole: list[int]) -> np.ndarray:
    """The top passage's shown sentences as one unit vector."""
    v = evidence.sentence_vectors[0][whole].mean(axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def _asked_by_its_heading(p: Passage, evidence: Evidence) -> bool:
    """Whether `p` opens a section under a question that asks what the asker does (two or more of the question's
    topic terms, and half of them): its first paragraph is the author's reply to it, whatever matches best further
    on ("Do I need a CS degree to work at Google?" over "Hard to say. Most of the APMs I know have CS degrees, ...").
    One shared word is not enough: "How can I become an APM?" does not ask when applications open."""
    # The asker's own words: an abbreviation spelled out for the search ("apm (associate product manager)") would
    # match a heading that only names the same thing.
    topic = set(tokenize_one(re.sub(r"\([^()]*\)", " ", evidence.question.text))) - QUESTION_STEMS - evidence.background
    if not p.opens_section or not p.heading.rstrip().endswith("?") or not topic:
        return False
    return len(topic & set(tokenize_one(p.heading))) >= max(2, len(topic) / 2)


def _from_the_answer(whole: list[int], focus: tuple[int, ...], r0, cosines: np.ndarray) -> list[int]:
    """The passage shown whole from the paragraph holding its best excerpt, when every paragraph before it matches
    the question clearly less well (an office's welcome before the hiring timeline asked for): the answer leads."""
    first = min(focus)
    starts = [k for k in whole if k <= first and r0.paragraph_start[k] and not r0.item[k]]
    if not starts or starts[-1] == whole[0] or r0.leaning[starts[-1]]:  # "This is why ...": it needs what is before
        return whole
    before = [k for k in whole if k < starts[-1]]
    if max(float(cosines[k]) for k in before) < max(float(cosines[k]) for k in focus) - KNOBS.lead_margin:
        return [k for k in whole if k >= starts[-1]]
    return whole


def _from_the_reply(whole: list[int], r0, sents) -> list[int]:
    """The passage shown whole from the paragraph that replies to its heading's question ("Yes, it will only help
    you ...") when paragraphs of preamble come first ("This is a hotly contested subject among mechanics. ..."): a
    yes/no question asked as the heading asks it is answered first (a tester's answer opened on the preamble, "Yes" in
    its second paragraph). Not past another question: an FAQ's next one, or the author's own."""
    if _REPLY.match(sents[whole[0]].text):
        return whole
    for at, k in enumerate(whole[1:], 1):
        if r0.item[k] or r0.asks[k]:
            return whole
        if not r0.paragraph_start[k]:
            continue
        # ... the reply opening its paragraph, or right after the question that opens it ("Should a Mechanic get ASE
        # certified? Yes, it will only help you ...").
        nxt = whole[at + 1] if at + 1 < len(whole) else None
        if _REPLY.match(sents[k].text) or r0.question[k] and nxt == k + 1 and not r0.paragraph_start[nxt] \
                and _REPLY.match(sents[nxt].text):
            return [j for j in whole if j >= k]
    return whole


def _own_question(whole: list[int], focus: tuple[int, ...], r0) -> int | None:
    """The question the answer belongs to: the one opening its paragraph, or the paragraph just before it; None when
    there is none. A rhetorical question inside an argument ("So, you went from training to production and then
    what?") is none."""
    first = min(focus)
    opening = max((k for k in whole if k <= first and r0.paragraph_start[k]), default=None)
    if opening is not None and not r0.question[opening] and opening > 0 and r0.asks[opening - 1]:
        opening -= 1
    return opening if opening is not None and r0.question[opening] else None


def _from_its_question(whole: list[int], focus: tuple[int, ...], r0, cosines: np.ndarray) -> list[int]:
    """The passage shown whole from the question the answer belongs to, when a question before it opens another
    paragraph and matches the asked one less well: in an FAQ the questions before are others' (a tester's "what's
    the difference between a plumber and a pipefitter" was answered with three Q&As on maths, fitness and a business
    first)."""
    opening = _own_question(whole, focus, r0)
    if opening is None or r0.leaning[opening]:  # "Not only that, but remember ...?" needs what is before it
        return whole
    others = [k for k in whole if k < opening and r0.paragraph_start[k] and r0.question[k] and not r0.item[k]]
    if others and max(float(cosines[k]) for k in others) < float(cosines[opening]):
        return [k for k in whole if k >= opening]
    return whole


def _to_the_next_question(whole: list[int], focus: tuple[int, ...], r0, cosines: np.ndarray) -> list[int]:
    """The passage shown whole up to the next paragraph that opens with a question of its own, when the answer is
    itself a question's answer and that next question matches the asked one less well than its own does: in an
    FAQ or a list of interview questions ("Q: What distinguishes data engineering from machine learning
    engineering? A: ..." | "Q: Why might a data analyst transition ...? A: ..."), the next question is another's."""
    last = max(focus)
    opening = _own_question(whole, focus, r0)
    if opening is None:
        return whole
    for k in whole:
        if k > last and r0.paragraph_start[k] and r0.question[k] and not r0.item[k]:
            return [j for j in whole if j < k] if float(cosines[k]) < float(cosines[opening]) else whole
    return whole


def _rest_of_section(chosen: list[_Excerpt], candidates: list[_Excerpt], passages) -> None:
    """Adds the best excerpt of another passage of the top passage's section (same article, same heading) when
    it answers better than anything in the top passage: the section goes on past the chunk."""
    # Nine libraries: 4 of 469 answers changed; every key 110 -> 111 of 216, follow-ups 28 -> 29 of 45 (both on
    # held-out libraries), nothing else moved. Any other passage's excerpt was measured before and read as two.
    top = passages[chosen[0].rank]
    better = next((c for c in candidates if c.score > chosen[0].score and c.rank != chosen[0].rank), None)
    if better is not None and passages[better.rank].section == top.section:
        chosen.append(_Excerpt(better.rank, better.members, better.score, better.vector))


def _quotable(r0: excerpts.Roles) -> list[int]:
    """The sentences of a passage shown whole: its content and every list item."""
    # Every item of a list is kept, whatever it is (a question, a fragment, a name, and the sentences after it in
    # the same item): quoting some items of "the 4 essential steps" turned it into two.
    in_item = list(r0.item)
    for k in range(1, len(in_item)):
        in_item[k] = in_item[k] or (in_item[k - 1] and not r0.paragraph_start[k])
    # A question is kept before the sentence that answers it, on a line of its own (an FAQ's) or in its paragraph
    # ("Which one should you use? It's up to you!"): without it the answer hangs.
    kept = [r0.content[k] or r0.lead[k] or in_item[k] or r0.introduces[k] for k in range(len(r0.item))]
    # ... except one holding a template's placeholder for a value the text lacks ("Bursary: $bursaries_maths$").
    kept = [keep and not r0.hole[k] and not (r0.code and r0.code[k]) for k, keep in enumerate(kept)]
    whole = [k for k in range(len(kept)) if kept[k] or (
        r0.question[k] and k + 1 < len(kept) and kept[k + 1] and not r0.item[k] and (r0.asks[k] or not r0.paragraph_start[k + 1]))]
    while whole and r0.leaning[whole[0]]:  # it leans on a sentence of the chunk before ("This is why ...")
        if whole[0] > 0 and r0.paragraph_start[whole[0]] and r0.asks[whole[0] - 1]:
            whole.insert(0, whole[0] - 1)  # ... or answers the question just above it, quoted with it
            break
        if len(whole) > 1 and whole[1] == whole[0] + 1 and r0.paragraph_start[whole[1]] and r0.replies and r0.replies[whole[1]]:
            break  # ... unless a reply answers it: "That sounds like a lot of work." / "No, it doesn't." (alone, "No")
        if not r0.blockquote[whole[0]] and len(whole) > 1 and whole[1] == whole[0] + 1 and r0.blockquote[whole[1]]:
            # ... except the lead-in to a quotation ("For example, Active Admin starts its contributing guide
            # with:" | "> First off, thank you ..."): without it the quotation reads as the guide's own words.
            break
        whole.pop(0)
    return whole


_NUMBERED_NAME = re.compile(r"\b[A-Z][a-z]{2,12}[ \t-]\d{1,3}\b(?![.,]\d)")  # "Series 7", "Level 3", "Part 1"


def _lead_with_figure(chosen: list[_Excerpt], candidates: list[_Excerpt], question: str, passages,
                      terms: frozenset[str] = frozenset(), wanted: frozenset[str] = frozenset(),
                      codes: tuple[str, ...] = ()) -> bool:
    """Whether the answer gives a figure of the kind asked; if it does not but another excerpt of the passages
    does, the best such one leads the answer (the sentence that answers is not left out for its neighbours).
    `codes`: the short forms the question names in capitals ("BPTC")."""
    places = _places_asked(question)
    if any(_gives_asked(question, c.text(passages)) for c in chosen):
        # ... of the place and short form asked, where one is and the answer's is not: "£31,624 <= £60,999 <= £98,499"
        # under a web pentester page's "## Europe" for "how much does a web pentester earn in europe?", not
        # certifications' prices (a tester's cybersecurity library: the gap line said Europe was never mentioned); the
        # BPTC's "up to £18,000", not an e-discovery certificate's "Cost: $600-$1,200" (a tester's law library).
        def asked_there(c: _Excerpt, text: str) -> bool:
            return _names_places(passages[c.rank], _leaning_on(passages[c.rank], c.a, text), places, codes)

        # ... and of a thing named with its number, whatever the figure ("how many questions are on the Series 7" got the
        # Series 65's 130, a tester's licensing library).
        numbered = tuple(_NUMBERED_NAME.findall(question))
        if numbered and not any(_names_places(passages[c.rank], _leaning_on(passages[c.rank], c.a, c.text(passages)), [],
                                              numbered) for c in chosen):
            there = next((c for c in candidates if _gives_asked(question, text := c.text(passages)) and _names_places(
                passages[c.rank], _leaning_on(passages[c.rank], c.a, text), [], numbered)), None)
            if there is not None:
                chosen[:] = [_Excerpt(there.rank, there.members, there.score, there.vector, leads=True)]
        # A sum only: "You'll be known as an early career teacher (ECT) for your first 2 years" names the NQT of "how
        # much lighter is my timetable as an NQT", not its "10% timetable reduction" (a benchmark answer lost so).
        if (places or codes) and figure_asked(question) == "money" and not any(asked_there(c, c.text(passages)) for c in chosen):
            there = next((c for c in candidates if asked_there(c, text := c.text(passages))
                          and _gives_asked(question, text) and ((names := _names(passages[c.rank], text)) & terms or not terms)
                          and _names_all(wanted, names, passages[c.rank], text)), None)
            if there is not None:  # ... in place of what is quoted, which names neither
                chosen[:] = [_Excerpt(there.rank, there.members, there.score, there.vector, leads=True)]
        # ... and of who is asked of, every word: "specialized welders (pipeline, underwater, aerospace) earning
        # $80,000-$150,000+" for "how much do pipeline welders make", not all welders' median under "The sections
        # quoted here never mention “pipeline welders”" (a tester's trades library).
        def names_who(c: _Excerpt, text: str) -> bool:
            p = passages[c.rank]
            return _names_all(wanted, _names(p, _leaning_on(p, c.a, text)), p, text)

        # Not a name typed in capitals ("does Kaiser Permanente hire speech pathologists ...": its medical assistants'
        # pay replaced the pathologists', read blind): an employer or a place asked about, not who is paid.
        lowercase = all(not w[:1].isupper() for w in wanted)
        if wanted and lowercase and figure_asked(question) == "money" and not any(names_who(c, c.text(passages)) for c in chosen):
            who = next((c for c in candidates if _gives_asked(question, text := c.text(passages)) and names_who(c, text)), None)
            if who is not None:
                chosen[:] = [_Excerpt(who.rank, who.members, who.score, who.vector, leads=True)]
        return True
    # Any excerpt of the retrieved passages: on the six benchmark libraries, limiting the search to excerpts within
    # 2 x near_best of the best one left "no figure" on 3 more answerable questions whose passages held one.
    # ... and one that names something the question names: a figure about something else read as the answer ("Try
    # moving your workspace ..." for how long burnout recovery takes, an offer's "$5k" for what a bootcamp costs). 13
    # libraries: 11 answers led by a figure; 4 of them no longer, 3 near-topic honest more, 1 answerable key lost
    # ("Pick 2-3 themes" for "how many topics"): docs/evaluation.md.
    # ... and a sum of the side asked: a trainer's "$60,000-$80,000 a year" led "how much does truck driving school cost"
    # (a tester's; "earn" is no "cost").
    found = next((c for c in candidates if _gives_asked(question, text := c.text(passages))
                  and ((names := _names(passages[c.rank], _leaning_on(passages[c.rank], c.a, text))) & terms or not terms)
                  and _names_all(wanted, names, passages[c.rank], text)), None)
    if found is None and wanted and chosen:
        found = _labelled_item(passages, question, wanted, chosen[0].vector)
    if found is None and chosen:
        found = _figure_item(passages, question, terms, wanted, chosen[0].vector)
    if found is None and chosen:
        found = _priced_section(passages, question, terms, wanted, chosen[0].vector)
    if found is None:
        return False
    chosen.insert(0, _Excerpt(found.rank, found.members, found.score, found.vector))
    return True


def _labelled_item(passages, question: str, wanted: frozenset[str], vector: np.ndarray) -> _Excerpt | None:
    """A list item giving the figure asked under a label ("Salary Range: $150,000 - $220,000", under "4. Test Architect ›
    Expert Level (7+ years)"), where its title and headings name every word of who is asked: such an item is no
    sentence to quote alone elsewhere, and "how much does a test architect earn" was told "no figure" (a tester's)."""
    for rank, p in enumerate(passages):
        for k, s in enumerate(p.sentences):
            text = s.text.strip()
            if excerpts.figure_label(text) and _gives_asked(question, text) and _names_all(wanted, _names(p, text), p, text):
                return _Excerpt(rank, (k,), 0.0, vector)
    return None


def _priced_section(passages, question: str, terms: frozenset[str], wanted: frozenset[str], vector: np.ndarray) -> _Excerpt | None:
    """A section under a short heading naming a sum that opens on the figure asked, no sentence to quote alone ("Base
    Salary Range" over "$85,000 - $110,000 annually, based on experience ..." in "Clinical Research Associate (CRA) -
    IQVIA": "how much do CRAs get paid?" was told "no figure", a tester's), where its title and headings name what
    the question names."""
    for rank, p in enumerate(passages):
        text = p.sentences[0].text.strip() if p.sentences else ""
        if not (text and _priced_heading(p) and _gives_asked(question, text)):
            continue
        names = _names(p, text)
        if (names & terms or not terms) and _names_all(wanted, names, p, text):
            return _Excerpt(rank, (0,), 0.0, vector)
    return None


def _from_the_figure(c: _Excerpt, passages, roles, question: str, terms: frozenset[str]) -> None:
    """A passage quoted whole for an amount question from the paragraph of its first figure of the kind asked, when
    that figure names what the question names and no paragraph before it gives one: "It's also fairly lucrative to be
    a technical writer, with the average salary in the US being $76,432 per year." came three paragraphs into a
    tester's answer to "how much do tech writers make", after the author's story. From the paragraph before it when it
    leans on that one, and not at all when that one leans too."""
    p, r = passages[c.rank], roles[c.rank]
    members = c.members
    k = next((k for k in members if gives_figure(question, p.sentences[k].text)), None)
    if k is None or terms and not _names(p, _leaning_on(p, k, p.sentences[k].text)) & terms:
        return
    def paragraph(k: int) -> int:
        while k > members[0] and not (r.paragraph_start[k] and not r.item[k]):
            k -= 1
        return k

    start = paragraph(k)
    if start > members[0] and r.leaning[start]:  # ... but with the one it leans on ("It's also fairly lucrative ...")
        start = paragraph(start - 1)
    if start > members[0] and r.asks and r.asks[start - 1]:
        start -= 1  # ... and with the question it answers (an interview's "What lessons have you learned ...?")
    if start > members[0] and not r.leaning[start]:
        c.members = tuple(m for m in members if m >= start)


def _from_the_run(c: _Excerpt, passages, roles, question: str) -> None:
    """An excerpt opening on a labelled figure ("Experienced L&D RN: $78,000 - $105,000") from the first line of the run
    of labelled figures it stands in: "Average Salary: $70,000 - $95,000 annually" and "Entry-Level: $62,000 -
    $72,000" were left out above it (a tester's midwifery library, for L&D and NICU nurses alike)."""
    if _said_in_words(c, passages, roles, question):
        return
    p, r = passages[c.rank], roles[c.rank]
    k = c.members[0]

    def labelled(j: int) -> bool:
        text = p.sentences[j].text
        return bool(excerpts.figure_label(text)) and gives_figure(question, text)

    if not labelled(k):
        return
    start = k
    while start > 0 and labelled(start - 1) and r.content[start - 1]:
        start -= 1
    if start < k:
        c.members = (*range(start, k), *c.members)


def _said_in_words(c: _Excerpt, passages, roles, question: str) -> bool:
    """A chart's row ("Wind turbine service technicians: $62,580", under "Median annual wages, May 2024") quoted for a
    figure a whole sentence of its passage gives too ("The median annual wage for wind turbine technicians was $62,580
    in May 2024."): that sentence's paragraph in its place. Alone the row lost what its figure is, a median of a year (a
    bare figure opened three testers' pay answers from the Bureau of Labor Statistics' pages; read blind)."""
    p, r = passages[c.rank], roles[c.rank]
    row = p.sentences[c.members[0]].text
    number = _FIGURE_NUMBER.search(row) if excerpts.figure_label(row) and gives_figure(question, row) else None
    if number is None:
        return False
    for j, s in enumerate(p.sentences):
        if (j in c.members or r.item[j] or not r.content[j] or excerpts.figure_label(s.text) or not s.text.rstrip().endswith(".")
                or number[0].replace(",", "") not in {n.replace(",", "") for n in _FIGURE_NUMBER.findall(s.text)}):
            continue
        end = j + 1
        while end < len(p.sentences) and not r.paragraph_start[end] and not r.item[end]:
            end += 1
        c.members = tuple(range(j, end))
        return True
    return False


_FIGURE_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d{3,}")  # a figure's number of three digits or more ("62,580")


def _gives_asked(question: str, text: str) -> bool:
    """Whether `text` gives a figure of the kind `question` asks for, and no sum of the other side ("earn", "paid" for
    "cost", "tuition"; a trainer's "$60,000-$80,000 a year" led "how much does truck driving school cost", a tester's)."""
    return gives_figure(question, text) and not _other_side(question, text)


def _other_side(question: str, text: str) -> bool:
    """Whether a money question's `text` names only the other side of a sum (what is earned, for what it costs)."""
    asked = money_sides(question) if figure_asked(question) == "money" else set()
    said = money_sides(text) if asked else set()
    return bool(said) and not said & asked


def _the_item_asked(c: _Excerpt, passages, question: str, wanted: frozenset[str]) -> None:
    """Narrows `c`, a list of three or more items each giving the figure asked, to its lead-in and the one item whose
    first sentence names every word of who is asked of, a level's too: "Level: Staff Engineer; ... Compensation (USD):
    $150,000 - $180,000" of a table of seven levels for "what do staff engineers earn?" (the row asked was fifth under
    the whole table, a tester's front-end library). Not when no item or several do."""
    if not wanted:
        return
    p, r = passages[c.rank], excerpts.roles(passages[c.rank])
    starts = [k for k in c.members if r.item[k] and r.paragraph_start[k]]
    items = [tuple(k for k in c.members if a <= k < b) for a, b in zip(starts, [*starts[1:], c.b])]
    priced = [item for item in items if any(_gives_asked(question, p.sentences[k].text) for k in item)]
    if len(priced) < MIN_PRICED_ITEMS:
        return
    # Only the words some item names tell the items apart ("frontend" of "senior frontend engineer" is the lead-in's).
    opening = [stems(p.sentences[item[0]].text) for item in priced]
    told = [w for w in wanted if any(stems(w) <= o for o in opening)]
    named = [item for item, o in zip(priced, opening) if told and all(stems(w) <= o for w in told)]
    if len(named) == 1:
        c.members = tuple(k for k in c.members if k < starts[0]) + named[0]


MIN_PRICED_ITEMS = 3  # a list this long is a table of figures, each for whom its item names (hand-set)


def _figure_item(passages, question: str, terms: frozenset[str], wanted: frozenset[str], vector: np.ndarray) -> _Excerpt | None:
    """A list item under a heading giving the figure asked of what the question names in its own words, at least
    KNOBS.figure_item_terms of them besides the figure's unit: "Complete 1,064 hours of supervised practice" under
    "Supervised Practice/DI Completion Requirements" for "how many hours of supervised practice do you have to do in
    the MSU dietetic internship" (a tester's: "no figure"; a fragment, it is no sentence to quote alone elsewhere)."""
    for rank, p in enumerate(passages):
        r = excerpts.roles(p)
        for k, s in enumerate(p.sentences):
            text = s.text.strip()
            if not r.item[k] or not _gives_asked(question, text):
                continue
            own = stems(_UNIT.sub(" ", text)) & terms
            if len(own) >= KNOBS.figure_item_terms and _names_all(wanted, _names(p, text), p, text):
                return _Excerpt(rank, (k,), 0.0, vector)
    return None


_UNIT = re.compile(r"\b(?:hours?|hrs?|days?|weeks?|months?|years?|yrs?|semesters?|minutes?)\b", re.I)


def _names_all(wanted: frozenset[str], names: set[str], passage: Passage, text: str) -> bool:
    """Whether a quote names every word of `wanted` (who is asked of, as typed): by its stem among `names`, or blended
    in its title, headings or text ("pentester" of "Web Penetration Tester")."""
    where = f"{passage.article.title} {passage.heading} {text}"
    # ... or a short form spelled out there ("atc trainees" under "Air Traffic Controller Career Guide": a tester's was
    # told "no figure" over "Trainee: Starting around $40-50k").
    spelled = _CAPITALISED_RUN.findall(where) if any(len(w) <= 5 for w in wanted) else []
    return all(stems(w) <= names or _blended(w, where) or len(w) <= 5 and bool(spelled_out(w.upper(), spelled)) for w in wanted)


def _places_asked(question: str) -> list[str]:
    """The places and years `question` names, as typed ("Texas", "2026"); not in a short form's spelling out put in
    brackets by `Library.expand` ("UKAEA (UK atomic energy authority)")."""
    asked = _without_spelled_out(question)
    return [w for w in re.findall(r"[A-Za-z]+", asked) if w.lower() in PLACES] + _YEAR.findall(asked)


def _names_places(passage: Passage, text: str, places: list[str], codes: tuple[str, ...] = ()) -> bool:
    """Whether a quote, with its title and headings, names every place of `places` (or another name of it) and every
    short form of `codes` as a word."""
    where = f"{passage.article.title} {' '.join(passage.context)} {passage.heading} {text}"
    lower = where.lower()
    # A short form spelled out counts ("The Bureau of Labor Statistics reports ... $16.29" for the BLS's figure, a
    # tester's: "None of the figures quoted here is said to be for “BLS”" over a high school teacher's salary).
    spelled = _CAPITALISED_RUN.findall(where) if codes else []
    return all(any(n in lower for n in (w.lower(), *PLACE_NAMES.get(w.lower(), ()))) for w in places) and all(
        re.search(rf"\b{re.escape(code)}s?\b", where) or spelled_out(code, spelled) for code in codes)


def _names(passage: Passage, text: str) -> set[str]:
    """The stems a quote names: its own words; a figure alone ("$100,000 - $150,000") names what its title and heading
    do ("Security Engineer › Average Salary", a tester's role pages). Not any figure's: a heading naming "M5" over
    "six to twelve month time horizons" led "how many years from M4 to M5?" (near-topic honest 71 -> 67 of 120)."""
    alone = excerpts.figure_alone(text) or excerpts.figure_label(text)  # "Salary: £30,000–£35,000 per annum ..." too
    # ... and any under a short heading naming a sum ("#### Cost" in a review of Udacity's Data Analyst Nanodegree: "The
    # first term costs $499 USD." was left out and the answer said the guides give no figure, a tester's).
    names = stems(text) | (stems(f"{passage.article.title} {' '.join(passage.context)} {passage.heading}")
                           if alone or _priced_heading(passage) else set())
    return names | _doers(names)


_VOWELS = frozenset("aeiou")


def _work_of(doer: str) -> set[str]:
    """The words naming what `doer` does, as a heading writes it: "walking" and "walk" of "walker", "writing" of
    "writer", "sitting" of "sitter"; none for a word not ending in "er"."""
    if len(doer) < 5 or not doer.endswith("er"):
        return set()
    roots = {doer[:-2], doer[:-1]} | ({doer[:-3]} if doer[-3] == doer[-4] else set())  # walk, write, sit
    return roots | {f"{r[:-1]}ing" if r.endswith("e") else f"{r}ing" for r in roots} | {f"{r}{r[-1]}ing" for r in roots}


def _doers(names: set[str]) -> set[str]:
    """Who does what `names` names, as the stemmer writes a doer: "walker" of "walk" (a tester's pet care library was
    told "no figure" for what dog walkers get paid, over "Revenue potential: £15-£30 per walk" under "Dog Walking"),
    "writer" of "write", "sitter" of "sit"."""
    out = set()
    for s in names:
        if len(s) < 3 or not s.isalpha():
            continue
        out.add(f"{s}r" if s.endswith("e") else f"{s}er")
        if s[-1] not in _VOWELS and s[-1] not in "wxy" and s[-2] in _VOWELS and s[-3] not in _VOWELS:
            out.add(f"{s}{s[-1]}er")  # "sit" -> "sitter", "run" -> "runner"
    return out


_FIGURE_FIRST = re.compile(r"\s*[~≈]?[$£€¥]?\d")


def _priced_heading(passage: Passage) -> bool:
    """Whether a passage stands under a short heading naming a sum ("#### Cost", "Base Salary Range")."""
    return len(passage.heading.split()) <= 4 and any(asks_money(w) for w in stems(passage.heading))


def _widen(c: _Excerpt, passages, roles) -> None:
    """An excerpt quoted as its whole paragraph (up to KNOBS.max_run sentences): nothing cut out of a run."""
    r = roles[c.rank]
    if any(r.item[k] for k in c.members):
        # Items are quoted as chosen; a paragraph of its own between two quoted ones stays in (a quoted example's
        # "*Software Engineer - 07/2015 to Present*" line between its organisation and its duties).
        sents, members = passages[c.rank].sentences, set(c.members)
        c.members = tuple(k for k in range(c.a, c.b) if k in members or (
            r.paragraph_start[k] and not r.item[k] and (k + 1 == len(r.item) or r.paragraph_start[k + 1])
            and not excerpts.has_hole(sents[k].text) and not (r.code and r.code[k])))
        return
    first, a, b = c.a, c.a, c.b
    n = len(r.item)
    # ... from its start, when that is the figure asked for, found elsewhere (the sentences before it in its paragraph
    # buried it: a certification's test fees before "specialized welders (pipeline, ...) earning $80,000-$150,000+").
    while not c.leads and a > 0 and not r.paragraph_start[a] and r.content[a - 1] and not r.item[a - 1] and b - a < KNOBS.max_run:
        a -= 1
    while a < first and r.leaning[a]:  # a run must not open on a sentence leaning on one left out
        a += 1
    sents = passages[c.rank].sentences
    if a > 0 and not r.paragraph_start[a] and r.question[a - 1] and _REPLY.match(sents[a].text):
        # A reply means what it means only beside the question it answers, in its paragraph ("Do diesel mechanics make
        # more than auto mechanics? Yes, diesel mechanics make an average of $47,350 ..."): quoted alone, a tester's
        # "Yes" read as the answer to whether most are paid flat rate.
        a -= 1
    if a > 0 and r.paragraph_start[a] and excerpts.figure_label(sents[a].text) and _subject_line(r, sents, a - 1):
        # A labelled figure under the short line saying whose it is ("GIS Manager" over "Median Annual Salary: $92,400",
        # a page with no headings of its own): quoted alone, a tester's was read as a GIS analyst's pay.
        a -= 1
    while b < n and not r.paragraph_start[b] and not r.item[b] and r.content[b] and b - a < KNOBS.max_run:
        b += 1
    passage = passages[c.rank]
    if passage.outline and b == passage.outline_at and not r.paragraph_start[b]:
        # ... and on with the sentence that points at the subsections it introduces ("Use these strategies to increase
        # your chances:"), which shows their headings (`_outline`): a tester's answer was the paragraph's first
        # sentence alone, "Finding a sponsor is the most challenging step for many apprentices."
        b += 1
    if b < n and r.item[b] and sents[b - 1].text.rstrip().endswith(":"):
        # A run ending on a lead-in ("At this level, you'll be expected to:") goes on with the list it announces:
        # quoted without it, the answer stops on a colon.
        while b < n and (r.item[b] or not r.paragraph_start[b]):
            b += 1
    c.members = tuple(k for k in range(a, b) if not excerpts.has_hole(sents[k].text))  # a value the text lacks


# ---- scoring -----------------------------------------------------------------------------------


def _candidates(evidence: Evidence, rank: int, r: excerpts.Roles, vector: np.ndarray) -> list[_Excerpt]:
    """Every excerpt of one passage that could be quoted, scored."""
    passage, vectors = evidence.passages[rank], evidence.sentence_vectors[rank]
    sents = passage.sentences
    if not sents:
        return []
    scores = [float(x) for x in sentence_scores(sentence_features(evidence, rank, r, vector), WEIGHTS)]
    chunk_match = float(evidence.chunk_vectors[rank] @ vector) - WEIGHTS.rank * rank
    found: dict[tuple[int, ...], _Excerpt] = {}
    bonuses: dict[tuple[int, ...], float] = {}
    whole_lists = evidence.question.type in ("list", "steps")
    for k in range(len(sents)):
        span = excerpts.span_for(k, r)
        if span is None:
            continue
        a, b = span
        members = list(range(a, b))
        quoted = bool(r.quote and r.quote[k])  # someone's words, with their credit: up to a whole paragraph
        if b - a > (KNOBS.max_run if quoted else KNOBS.max_sentences) and not any(r.item[a:b]):
            continue
        lead = next((i for i in range(a, b) if r.lead[i]), None)
        # ... with its list in the span: a paragraph's last sentence may end in ":" before a list the span stops short
        # of ("The duties fall in two categories — at-sea watch and in-port watch:", a tester's: every question that
        # found it ended in a traceback).
        if lead is not None and lead + 1 < b:
            # A list: both the lead-in and the list must match. A lead-in leans on its section ("Here are the
            # 4 steps:"), so the whole chunk's match counts for it, not only its own words.
            items = list(range(lead + 1, b))
            top = max(scores[i] for i in items)
            score = (max(scores[lead], chunk_match) + top) / 2
            named = [i for i in items if stems(sents[i].text) & (evidence.terms - evidence.background)]
            if not whole_lists and named:
                # Asked about one thing a list names ("what's a human-centered designer?"): the lead-in and
                # the items that name it, not the whole list. A list the question does not name is quoted
                # whole: one step of seven misrepresents the sequence.
                keep = [i for i in named if scores[i] >= top - KNOBS.item_near][:3] or named[:1]
                members = list(range(a, lead + 1)) + keep
                score = (max(scores[lead], chunk_match) + 2 * max(scores[i] for i in keep)) / 3
        else:
            score = scores[k]
            # The sentence after, in the same paragraph, joins when it matches nearly as well: the answer to
            # "how do engineers deal with it?" follows the sentence that names "it".
            while (b < len(sents) and b - a < KNOBS.max_sentences and not r.paragraph_start[b] and not r.item[b]
                   and r.content[b] and scores[b] >= scores[k] - KNOBS.forward):
                b += 1
            members = list(range(a, b))
        key = tuple(members)
        if key not in bonuses:  # the sentences of one list share their span: judged once
            bonuses[key] = _delivers(evidence, [sents[i] for i in members], r, members)
        bonus = bonuses[key]
        score += bonus
        if key not in found or found[key].score < score:
            # The excerpt's direction: its sentences' summed vectors, normalized (a lone sentence's own vector).
            v = vectors[members[0]] if len(members) == 1 else vectors[members].sum(axis=0)
            typed = evidence.question.type in TYPED and bonus >= KNOBS.delivers
            found[key] = _Excerpt(rank, key, score, v / (float(np.sqrt(v @ v)) or 1.0), typed)
    return list(found.values())


def sentence_features(evidence: Evidence, rank: int, r: excerpts.Roles, vector: np.ndarray) -> dict[str, np.ndarray]:
    """What is known about each sentence of passage `rank`, for its score: its cosine to the question, the
    previous sentence's when it continues that one's paragraph (else -1), the share of the question's terms
    it holds, its chunk's cosine, the share of the question's terms its heading holds, the passage's rank."""
    passage, vectors = evidence.passages[rank], evidence.sentence_vectors[rank]
    n = len(passage.sentences)
    own = vectors @ vector
    continues = np.array([k > 0 and not r.paragraph_start[k] and not r.item[k] for k in range(n)])
    previous = np.where(continues, np.concatenate([[-1.0], own[:-1]]), -1.0)
    heading = _overlap(passage.heading, evidence)
    return {"own": own.astype(np.float64), "previous": previous, "chunk": np.full(n, float(evidence.chunk_vectors[rank] @ vector)),
            "overlap": np.array([_overlap(s.text, evidence) for s in passage.sentences]), "heading": np.full(n, heading),
            "rank": np.full(n, float(rank))}


def sentence_scores(f: dict[str, np.ndarray], w: SentenceWeights) -> np.ndarray:
    """A sentence's score: its cosine (or a share of the previous sentence's, whose paragraph it continues:
    the specifics often follow the sentence naming the topic), plus weighted lexical, chunk and heading
    evidence, minus a little per rank of its passage. The weights are fitted across libraries (config.py)."""
    similarity = np.maximum(f["own"], w.continuation * f["previous"])
    return (similarity + w.lexical * f["overlap"] + w.chunk * f["chunk"] + w.heading * f["heading"]
            - w.rank * f["rank"])


def _demote_restatements(candidates: list[_Excerpt]) -> None:
    """When the question asks for something specific (a figure, items, steps, both sides, a definition) and some
    excerpt near the top delivers it, excerpts that only talk about the topic become context at most:
    "A well-crafted portfolio speaks volumes" is on topic, the list of project ideas answers."""
    delivering = [c for c in candidates if c.delivers]
    if not delivering:
        return
    best = max(c.score for c in candidates)
    if max(c.score for c in delivering) < best - KNOBS.restatement_reach:
        return
    for c in candidates:
        if not c.delivers:
            c.score -= KNOBS.restatement


def _delivers(evidence: Evidence, sents, r: excerpts.Roles, members) -> float:
    """What an excerpt is worth for the kind of answer asked: a figure for "how much", items for "what skills"..."""
    kind = evidence.question.type
    text = " ".join(s.text for s in sents)
    is_list = any(r.item[k] for k in members)
    if kind == "amount":
        figure = _FIGURE.search(text) or (_SHARE_QUESTION.search(evidence.question.text) and _SHARE.search(text))
        return KNOBS.delivers if figure else -KNOBS.delivers / 2
    if kind == "list":
        return KNOBS.delivers if is_list or _ENUMERATION.search(text) else 0.0
    if kind == "steps":
        return KNOBS.delivers if is_list or len(_SEQUENCE.findall(text)) >= 2 else (KNOBS.delivers / 2 if _SEQUENCE.search(text) else 0.0)
    if kind == "definition":
        return KNOBS.delivers if _DEFINES.search(sents[-1].text) or _DEFINES.search(sents[0].text) else 0.0
    if kind == "comparison":
        # Both sides named with a contrast between them answer "A or B?"; naming both in one breath
        # ("A, B and C are popular") does not.
        named = sum(_mentions(text, side, evidence) for side in evidence.question.sides)
        if named == 2 and _CONTRAST.search(text):
            return KNOBS.delivers
        return KNOBS.delivers / 3 if named else 0.0
    if kind == "advice":
        return KNOBS.delivers / 2 if _ADVISES.search(text) or is_list else 0.0
    if kind == "yes_no" and evidence.question.asks_requirement:
        return KNOBS.delivers / 2 if stance(text) else 0.0
    return 0.0


def _overlap(text: str, evidence: Evidence) -> float:
    terms = evidence.terms
    if not terms:
        return 0.0
    return len(stems(text) & terms) / len(terms)


_HYPHENATED = re.compile(r"\b[A-Za-z]{1,20}(?:-[A-Za-z]{1,20})+\b")


def _mentions(text: str, phrase: str, evidence: Evidence) -> bool:
    """Whether `text` names `phrase` (any of its content words, stemmed; "tech giants" names "big tech companies")."""
    # A side made only of the library's own subject ("machine learning engineer") is named by those words.
    wanted = side_terms(phrase, evidence.background)
    if not wanted:
        return False
    # ... as does a hyphenated word typed as one ("onpage" of "On-Page SEO"), and two words typed as one ("bootcamp" of
    # "boot camp": a tester's "bootcamp or college degree?" was told the guides never compare them, over the comparison).
    words = re.findall(r"[A-Za-z]+", text)
    have = stems(text) | stems(" ".join(m.replace("-", "") for m in _HYPHENATED.findall(text))) | stems(
        " ".join(a + b for a, b in zip(words, words[1:]) if len(a) + len(b) >= 6))
    # "data science" names "data scientist": stems that share their first five letters count.
    return bool(have & wanted) or any(len(w) >= 5 and any(h[:5] == w[:5] for h in have) for w in wanted)


# ---- choosing ------------------------------------------------------------------------------------


_MORE = re.compile(r"\b(?:more|less|higher|lower|better|worse|most|least|bigger|smaller)\b", re.I)


def _complete_comparison(chosen, candidates, evidence: Evidence, limits: Thresholds) -> str:
    """Adds to `chosen` an excerpt naming a compared side it lacks, if one is near the best; returns "" when the
    answer then names both sides (and what they are compared on), else the comparison the passages never make."""
    question = evidence.question
    a, b = question.sides
    aspect_words = [w for w in question.aspect if not stems(w) <= evidence.background]
    aspect = set().union(*(stems(w) for w in aspect_words)) - evidence.background if aspect_words else set()

    def text_of(c):
        # A side may be named only by the heading the excerpt stands under ("... by George Dinwiddie").
        return f"{evidence.passages[c.rank].heading}\n{c.text(evidence.passages)}"

    floor = candidates[0].score - 3 * limits.near_best
    spelled = dict(zip((a, b), evidence.spelled_sides or ("", "")))

    whole = dict(zip((a, b), whole_sides(question.sides, evidence.telling_sides) if evidence.telling_sides else ()))

    def names(text: str, side: str) -> bool:
        if side in whole:  # "a senior and a staff product designer": "staff product designer", not any designer
            return stems(whole[side]) <= stems(text)
        # An acronym typed ("DE") is named by its spelling in full ("data engineering"): every word of it, not any.
        return _mentions(text, side, evidence) or bool(spelled[side]) and stems(spelled[side]) <= stems(text)

    for side in (a, b):
        if not any(names(text_of(c), side) for c in chosen):
            # A side named in full was searched for by its name (evidence.with_each_side): its best excerpt answers.
            extra = next((c for c in candidates if (c.score >= floor or side in whole) and names(text_of(c), side)), None)
            if extra is None:
                # Named apart and never together: a gap only if the question asked to choose or compare.
                return "" if evidence.sides_together or not question.chooses else f"{a} versus {b}"
            if not any(x.overlaps(extra) for x in chosen):
                chosen.append(_Excerpt(extra.rank, extra.members, extra.score, extra.vector))
    if aspect:
        # "Do engineers earn more at startups or at big tech companies?": a sentence naming both but not pay
        # is no comparison of pay.
        sides_text = [text_of(c) for c in chosen if names(text_of(c), a) or names(text_of(c), b)]
        # ... but sums beside both are what "pays more" or "lets me borrow more" compares: "Agronomist—median annual
        # salary of $58,600 ... Plant breeder—median annual salary of $76,150" was quoted under "The guides don't
        # compare “plant breeder” with “agronomist” on “pays”" (a tester's agriculture library, four questions).
        summed = _MORE.search(question.text) and all(any(names(t, side) and holds_figure("money", t) for t in sides_text)
                                                     for side in (a, b))
        if not summed and not any(stems(t) & aspect for t in sides_text) and not evidence.aspect_together:
            return f"{a} versus {b} ({', '.join(aspect_words)})"
    return ""


def _add_counterpoint(chosen, candidates, evidence: Evidence, roles, passages, vector, limits, focus=None) -> bool:
    """When what answers states a firm requirement, add the best opposite view from another guide, if any. In a
    passage quoted whole, what answers is its best excerpt (`focus`), not every sentence shown around it."""
    def text_of(c):
        return c.text(passages)

    def stated(c):  # a question the passage lists ("Is being a PI a requirement for tenure?") states nothing
        return " ".join(s.text for s in c.sentences(passages) if not s.text.rstrip().endswith("?"))

    # A passage shown whole says much that is not the answer: "compliance requirements" in a list of skills is no
    # requirement the question asked about ("do platform engineers have to be on call?"; an 18F profile, read blind).
    focus = focus or {}
    firm = [focus.get(c.rank, c) for c in chosen if stance(stated(focus.get(c.rank, c))) == "firm"]
    if not firm:
        return False
    firm_articles = {passages[c.rank].article.id for c in firm}
    # What is required is said in the firm sentences themselves: "programming languages" of the sentence after "a
    # strong mathematical foundation is essential" is no requirement that "not mandatory, languages like R and
    # Java ..." answers.
    firm_text = " ".join(s.text for c in firm for s in c.sentences(passages)
                         if not s.text.rstrip().endswith("?") and stance(s.text) == "firm")
    # The other side must be about what the firm statement is about (a degree, not communication skills).
    topic = np.mean([c.vector for c in firm], axis=0)
    topic = topic / (np.linalg.norm(topic) or 1.0)

    def opposes(text: str) -> bool:  # an alternative to what the firm statement requires, and no one's own story
        return answers(text, firm_text, evidence.background) and not _first_person(text)

    # ... and about the career the question names, when it names one: "a bachelor's degree is not necessary to become
    # one" of real estate appraisers is no other view on whether electricians need a degree (a tester's trades
    # library: "The guides don't all agree on this" over it).
    # ... or about what it asks to get into, by every word of its name: the IB overview's "The most viable pathways are
    # the first three: at the undergraduate level, ..." is no other view on whether "to enroll in the CFA program"
    # takes a bachelor's degree (a tester's finance library).
    asked = " ".join(_without_spelled_out(evidence.question.text).split())
    career, entered = _CAREER_ASKED.search(asked), _ENTERED.search(asked)
    career_terms = set(tokenize_one(career[1].split()[-1])) - evidence.background if career else set()
    career_terms |= set(tokenize_one(entered[1])) - evidence.background if entered else set()

    # ... and about the place it names: "property managers normally are not required to have ... credentials" is no
    # other view on whether Florida's need a broker licence, nor military pathways in four other states on Ohio's
    # licence (two testers' libraries: "The guides don't all agree on this" over each).
    places = {w.lower() for w in re.findall(r"[A-Za-z]+", evidence.question.text) if w.lower() in PLACES}

    def same_subject(passage: Passage) -> bool:
        words = f"{passage.article.title} {' '.join(passage.context)} {passage.heading} {passage.text}"
        return (not career_terms or career_terms <= set(tokenize_one(words))) and (
            not places or places <= {w.lower() for w in re.findall(r"[A-Za-z]+", words)})

    def other_side(c: _Excerpt) -> bool:
        return (any(opposes(s.text) for s in c.sentences(passages)) and passages[c.rank].article.id not in firm_articles
                and same_subject(passages[c.rank])
                and float(c.vector @ topic) >= limits.counterpoint_min
                and float(c.vector @ vector) >= limits.counterpoint_question and not _first_person(text_of(c)))

    if any(other_side(c) for c in chosen):
        return True  # both sides are already in the answer
    best = candidates[0].score
    for c in candidates:
        if c.score >= best - 2 * limits.near_best and other_side(c) and not any(x.overlaps(c) for x in chosen):
            chosen.append(_Excerpt(c.rank, c.members, c.score, c.vector))
            return True
    found = []
    for passage, k, v in evidence.alternatives:
        if passage.article.id in firm_articles or not same_subject(passage):
            continue
        cos, asked = float(v @ topic), float(v @ vector)
        if cos >= limits.counterpoint_min and asked >= limits.counterpoint_question and opposes(passage.sentences[k].text):
            found.append((cos + asked + KNOBS.cue_weight * min(soft_cues(passage.sentences[k].text), 3), cos, passage, k))
    for _, cos, passage, k in sorted(found, key=lambda f: -f[0]):
        r = excerpts.roles(passage)
        span = excerpts.span_for(k, r, passage.sentences)
        if span is None:
            continue
        passages.append(passage)
        roles.append(r)
        chosen.append(_Excerpt(len(passages) - 1, tuple(range(span[0], span[1])), cos, topic))
        return True
    return False


# The career a requirement question is about: "do I need a license to be a plumber?", "... to become an electrician".
_CAREER_ASKED = re.compile(r"\bto (?:be|become|work as) (?:an?|the) ([\w'’-]+(?: [\w'’-]+){0,2}?)\s*(?:[?.!,]|$)", re.I)
# What a requirement question asks to get into: "... to enroll in the CFA program?", "... to get into a PhD programme".
_ENTERED = re.compile(r"\bto (?:enrol(?:l)?(?: in| on)?|get into|be admitted to|apply (?:to|for)|sit|take|join) (?:an?|the) "
                      r"([\w'’-]+(?: [\w'’-]+){0,3}?)\s*(?:[?.!,]|$)", re.I)


# A person's own account ("I fumbled it ... I wish I had said 'I don't have time for this'", a maintainer's pull
# quote) is no guide's view on the question, however soft its words: it is not offered as the other side.
_FIRST_PERSON = re.compile(r"(?:^|[\s“\"(])I(?:'m|’m|'ve|’ve|'d|’d)?\s", re.M)


def _first_person(text: str) -> bool:
    return bool(_FIRST_PERSON.search(text))


def _outline(passage: Passage, last: int) -> str:
    """The headings of the subsections a quote's last sentence (`last`) points at ("here are some steps ..."), as
    the list it promises, in the author's words and order; "" when it points at none (evidence.with_outline)."""
    if not passage.outline or last not in (passage.outline_at, passage.outline_at - 1):
        return ""
    pointer = passage.sentences[passage.outline_at].text.strip()
    if last == passage.outline_at - 1:
        # ... or the passage's own question just after it, which the headings answer, quoted over them: "So what do you
        # need to do to make it stronger?" over "1 | Understand Your Attorney's Work Style", ... (a tester's law blog:
        # the answer was the introduction alone, no tip of its seven).
        if not (counts_next(passage.sentences[last].text, passage.outline) or pointer.endswith("?")):
            return ""
        pointer = pointer if pointer.endswith("?") else ""
    else:
        pointer = ""
    return "\n" + (f"\n{pointer}\n" if pointer else "") + "\n".join(h if _NUMBERED.match(h) else f"- {h}" for h in passage.outline)


_NUMBERED = re.compile(r"(?:\d{1,2}|[A-Za-z])[.)][ \t]")  # a heading that carries its own number ("1. Get a ...")


# ---- rendering -----------------------------------------------------------------------------------


def _lead_with_definition(chosen: list[_Excerpt], candidates: list[_Excerpt], passages, question: str) -> None:
    """For "what is X?" / "what does X mean?", when what is quoted never says what X is and another excerpt of the
    passages does in so many words ("DITA stands for Darwin Information Typing Architecture.", "The idea behind docs
    as code is that ..."), that excerpt leads: a tester's "What is DITA?" was answered "MadCap Flare ... has a lot of
    the important concepts of DITA, but is technically not DITA.", the definition ranked second."""
    asked = _DEFINED.match(question.strip())
    if asked is None:
        return
    term = re.escape(" ".join(asked["term"].split()))
    defines = re.compile(rf"^(?:the (?:idea|concept|term|point) (?:behind|of) )?(?:an? |the )?{term}\b[^.;:]{{0,30}}?"
                         rf"\b(?:(?:is|are) (?:an?|the|one|that|when|where|how)\b|stands for|means|refers to|describes)", re.I)
    if any(defines.match(passages[c.rank].sentences[k].text.strip()) for c in chosen for k in c.members):
        return
    found = next((c for c in candidates if defines.match(passages[c.rank].sentences[c.members[0]].text.strip())), None)
    if found is not None:
        chosen.insert(0, _Excerpt(found.rank, found.members, found.score, found.vector, leads=True))


def _lead_with_verdict(chosen: list[_Excerpt], candidates: list[_Excerpt], passages, evidence: Evidence) -> None:
    """For "do I need X?", when what is quoted first says nothing of whether X is needed and another excerpt of the
    passages does, of what the question names ("Generally, home and building inspectors in California are not expected
    to obtain a license or become certified."), that excerpt leads: a tester's answer was the state's list of steps, the
    verdict under "See also"."""
    terms = set(evidence.terms - evidence.background) - QUESTION_STEMS
    places = {w.lower() for w in re.findall(r"[A-Za-z]+", evidence.question.text) if w.lower() in PLACES}
    # What is asked to be needed, every word of it: "a license" of "do I need a license to be a home inspector ...".
    needed = _NEEDED.search(evidence.question.text)
    wanted = set(tokenize_one(needed[1])) - QUESTION_STEMS if needed else set()
    if not terms or not wanted:
        return

    def verdict(c: _Excerpt) -> bool:
        p = passages[c.rank]
        said = p.sentences[c.members[0]].text
        where = f"{p.article.title} {' '.join(p.context)} {p.heading} {said}".lower()
        return bool(_VERDICT.search(said)) and all(place in where for place in places) and wanted <= stems(said) and \
            len(terms & stems(said)) >= min(KNOBS.verdict_terms, len(terms))

    if not chosen or verdict(chosen[0]):
        return
    found = next((c for c in candidates if verdict(c)), None)
    if found is not None:
        chosen.insert(0, _Excerpt(found.rank, found.members, found.score, found.vector, leads=True))


_NEEDED = re.compile(r"\b(?:need|needs|require|requires|required|have to|has to|must have|must get)\s+(?:to\s+(?:have|get|hold|obtain)\s+)?"
                     r"([^?,.;]*?)(?=\s+(?:to|for|in|if|at|as|when|before|after|or|and)\b|[?,.;]|$)", re.I)
# Whether a sentence says if something is needed: "are not expected to obtain a license", "is required", "must hold".
_VERDICT = re.compile(r"\b(?:not|n['’]t|never|no longer)\s+(?:\w+\s+){0,2}?(?:expected|required|necessary|needed|mandatory|"
                      r"need|have to|obliged)\b|\b(?:is|are)\s+(?:not\s+)?(?:required|mandatory|necessary|optional|essential)\b|"
                      r"\b(?:is|are)\s+(?:not\s+)?(?:expected|required|obliged)\s+to\b|"
                      r"\brequires?\b|\bmust (?:have|hold|obtain|be|pass|complete|register)\b", re.I)


# "What is DITA?", "what's a T level", "What does docs as code mean?": the term asked about.
_DEFINED = re.compile(r"^(?:so\s+|and\s+)?what(?:'s|’s|s| is| are| does)\s+(?:an?\s+|the\s+)?(?P<term>[^?]{1,60}?)"
                      r"(?:\s+(?:mean|stand for))?\s*(?:exactly|actually)?\s*\??$", re.I)


def _figure_in_heading(question: str, passage: Passage, wanted: frozenset[str]) -> bool:
    """Whether a passage's own heading (not its article's title) gives the figure `question` asks for, and its title
    and headings name every word of who it asks of."""
    heading = passage.heading if passage.heading != passage.article.title else ""
    return bool(heading) and gives_figure(question, heading) and _names_all(wanted, stems(
        f"{passage.article.title} {' '.join(passage.context)} {heading}"), passage, "")


def _by_citation(chosen: list[_Excerpt], passages) -> list[list[_Excerpt]]:
    """The excerpts grouped by the citation they make (`_same_citation`), groups in the order of their first excerpt."""
    groups: list[list[_Excerpt]] = []
    for c in chosen:
        group = next((g for g in groups if _same_citation(passages[g[0].rank], passages[c.rank])), None)
        if group is None:
            groups.append([c])
        else:
            group.append(c)
    return groups


def _render(evidence: Evidence, passages: list[Passage], roles, chosen: list[_Excerpt], disagreement: bool, gaps,
            no_figure: bool = False, focus: dict | None = None, priced: frozenset[int] = frozenset()) -> Answer:
    # One citation per passage, numbered by first use (best excerpt first); a passage's excerpts in source order.
    # A passage quoted whole has the sentences that answer best (`focus`) marked, not all of it.
    focus = focus or {}
    groups = _by_citation(chosen, passages)
    if disagreement:
        disagreement = len({passages[g[0].rank].article.id for g in groups}) > 1
    citations, parts = [], []
    headed = False
    for n, group in enumerate(groups, 1):
        group.sort(key=lambda c: (passages[c.rank].start, c.a))
        group, joiners = _without_repeats(group, passages, roles)
        ranks = sorted({c.rank for c in group}, key=lambda rk: passages[rk].start)
        text = "\n\n".join(passages[rk].text for rk in ranks)
        base = {rk: _offset_in_joined(passages, ranks, rk) for rk in ranks}
        used = [(s, base[c.rank] - passages[c.rank].start) for c in group for s in c.sentences(passages)]
        marked = [(s, base[c.rank] - passages[c.rank].start) for c in group
                  for s in (focus[c.rank] if c.rank in focus else c).sentences(passages)]
        quoted = [excerpts.render(passages[c.rank].sentences, roles[c.rank], c.members) for c in group]
        first = passages[ranks[0]]
        citations.append(
            Citation(
                n=n, text=text, article=first.article, chunk_id=first.chunk_id,
                similarity=max(passages[rk].similarity for rk in ranks), heading=first.heading, context=first.context,
                sentences=tuple(text[a:b] for a, b in _runs(used, text)),
                highlights=_runs(marked, text),
            )
        )
        body = quoted[0] + "".join(j + q for j, q in zip(joiners, quoted[1:]))
        body += _outline(passages[group[-1].rank], group[-1].members[-1])
        heading = " ".join(first.heading.split())
        if first.label:  # "Robotics Software Engineer › Skills needed", not one role's "Skills needed" read as another's
            heading = f"{' '.join(first.context[-1].split())} › {heading}"
        opens = roles[ranks[0]].on_heading and any(c.rank == ranks[0] and c.a == 0 for c in group)
        # A quote that opens on a list item or a quoted block has no lead-in of its own: it is shown under its
        # heading, or one level's bullets read as another's and an example as advice ("M5 Senior Engineering
        # Manager:", "Example Resume Excerpt:"). Read blind: docs/evaluation.md.
        r_first, k_first = roles[group[0].rank], group[0].members[0]
        framed = bool(heading) and (r_first.item[k_first] or r_first.blockquote[k_first] or first.label
                                    or excerpts.figure_alone(passages[group[0].rank].sentences[k_first].text))
        # ... and a section's answer from its start under its question: "When is a graduate degree worth considering?"
        # over "For most degree-holders, the priority should be ... work history" (a tester's cybersecurity library:
        # without it, advice on any degree).
        # Only where the question names what the quote does not ("What is an apprenticeship?" over "An apprenticeship
        # is a real job ..." says nothing more).
        starts = any(c.rank == ranks[0] and c.a == 0 for c in group)
        scope = set(tokenize_one(heading)) - set(tokenize_one(body)) - QUESTION_STEMS - evidence.background
        asks = heading.rstrip("\"'”’").endswith("?")  # quoted too: '"When is a graduate degree worth considering?"'
        replies = asks and (bool(_REPLY.match(body)) or (starts and bool(scope)))
        # A compared side named only by the heading ("Staff product designer" over "You're confident in leading a
        # project ..."): without it the reader cannot tell which side the quote is about.
        side = any(w in stems(heading) and w not in stems(body) for w in evidence.telling_sides)
        # ... in a disagreement too, an item under it ("Common Misconceptions" over a myth, a tester's)
        if (replies or opens or framed or side or ranks[0] in priced) and (not disagreement or framed) and not body.startswith(heading):
            # A reply ("Yes. You can apply ...", under an FAQ's question) means what it means in its source only
            # beside the question it answers; a section's first sentence that points at its heading ("This is the
            # highest grade ...", under "Promotion Potential") only beside that heading. Each is quoted first.
            body = f"{heading}\n{body}" if heading.endswith(_CLOSED) else f"{heading}:\n{body}"
            headed = True
        if disagreement and (n == 1 or groups[n - 2] and passages[groups[n - 2][0].rank].article.id != first.article.id):
            body = f"{_source_name(first)} says: {body}"
        parts.append(f"{body} [{n}]")
    # Two sentences from two passages read as one paragraph; a part of several paragraphs is a block of its own
    # (the next source's sentence was glued to the end of its last paragraph).
    block = any("\n" in p for p in parts) or disagreement or len(parts) > 2 or headed
    text = ("\n\n" if block else " ").join(parts)
    if disagreement:
        text = "The guides don't all agree on this.\n\n" + text
    if gaps:
        text = f"{gap_sentence(gaps)} What they do say in general:\n\n" + text
    elif no_figure:
        text = f"{NO_FIGURE}\n\n" + text
        gaps = ("a figure",)
    return Answer(text, citations, evidence.searched_for, "answer", disagreement=disagreement, gaps=tuple(gaps))


def _without_repeats(group: list[_Excerpt], passages, roles) -> tuple[list[_Excerpt], list[str]]:
    """One source's excerpts (in source order) with no sentence quoted twice, and what joins each to the one
    before: neighbouring chunks overlap, so the next chunk's excerpt may repeat the end of the last one. An
    excerpt that goes on where the last one stopped is joined as the source lays it out, any other by " … "."""
    kept, joiners, end = [], [], -1
    for c in group:
        sents = passages[c.rank].sentences
        members = tuple(k for k in c.members if sents[k].start >= end)
        if not members:
            continue
        if kept:
            first, r = members[0], roles[c.rank]
            goes_on = (first > 0 and sents[first - 1].start < end and sents[first - 1].end >= end - 1) or (
                0 <= sents[first].start - end <= 3)  # the next passage's first sentence, a line break on
            if not goes_on and _asked_between(sents, r, end, first):
                # What follows another question of the source answers that one: an interview's "Usually, no." (to
                # "Should candidate say 'I am open to opportunities'?") joined by " … " to the answer on telling a
                # recruiter about an offer read as that answer's reverse (a tester's HR library).
                continue
            # ... a list item after the gap on a line of its own: "... winds etc. … - Level 4 Diploma in Wine: ..." read as
            # one line with a marker inside it (a tester's).
            joiners.append((("\n" if r.item[first] else "\n\n") if r.item[first] or r.paragraph_start[first] else " ")
                           if goes_on else " …\n" if r.item[first] else " … ")
        c.members = members
        kept.append(c)
        end = max(end, sents[members[-1]].end)
    return kept, joiners


def _asked_between(sents, r, end: int, first: int) -> bool:
    """Whether a question standing as a paragraph of its own lies between offset `end` and sentence `first`."""
    return any(sents[k].start >= end and sents[k].text.rstrip(" \t>*_\"'”’").endswith("?") and r.paragraph_start[k]
               and (k + 1 >= len(sents) or r.paragraph_start[k + 1]) for k in range(first))


FRAGMENT_WORDS = 4  # a "sentence" shorter than this ("$89,518.", "per year.") is a piece of its line, quoted with it


def _runs(sentences, text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets in `text` of `sentences` ((sentence, shift) pairs), each on its own, but a fragment
    of a line (a table row "Honolulu, HI. 13 salaries reported. $89,518. per year." read as four sentences) joined
    with the sentences used beside it on that line: one quote of the source's text, not four pieces."""
    spans: list[tuple[int, int]] = []
    for s, shift in sentences:
        start, end = s.start + shift, s.end + shift
        if spans and 0 <= start - spans[-1][1] and "\n" not in text[spans[-1][1]:start] and min(
                len(text[spans[-1][0]:spans[-1][1]].split()), len(s.text.split())) < FRAGMENT_WORDS:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def _same_citation(p: Passage, q: Passage) -> bool:
    """Neighbouring chunks of one section of one article are one source to a reader."""
    return p.section == q.section and abs(p.row - q.row) <= 1


def _offset_in_joined(passages, ranks, rank) -> int:
    """Where passage `rank`'s text starts in the joined citation text."""
    at = 0
    for rk in ranks:
        if rk == rank:
            return at
        at += len(passages[rk].text) + 2
    return at


_CLOSED = ("?", ".", "!", ":", "”", '"', "’")  # a heading that ends as a sentence does: no ":" after it


def _source_name(p: Passage) -> str:
    return p.article.site or f"“{p.article.title}”"


def gap_sentence(gaps, refused: bool = False) -> str:
    """What an answer lacks, said only as far as it is known: words the library never uses are never mentioned
    ("tick" may be covered as "check off"; "don't cover" would claim more), and a comparison its passages never
    make is not made ("don't compare “A” with “B”"). A refusal (`refused`) says the words are not covered: the
    rest of the question was too little to answer."""
    words = [g for g in gaps if " versus " not in g]
    verb = "don't cover" if refused else "never mention"
    said = [f"The guides {verb} {_join(words)}."] if words else []
    named = {w.lower() for w in words}
    for gap in gaps:
        if " versus " in gap:
            sides, _, aspect = gap.partition(" (")
            a, b = sides.split(" versus ", 1)
            if {a.strip().lower(), b.strip().lower()} & named:
                continue  # "never mention “Coursera”" says it: "They don't compare “Coursera” with ..." said it twice
            on = f" on “{_shown(aspect.rstrip(')'))}”" if aspect else ""
            said.append(f"{'They' if said else 'The guides'} don't compare “{_shown(a)}” with “{_shown(b)}”{on}.")
    return " ".join(said)


GAP_SHOWN_CHARS = 40  # a gap named longer than this (a pasted run of nonsense) is shown cut, not echoed whole


def _shown(phrase: str) -> str:
    return phrase if len(phrase) <= GAP_SHOWN_CHARS else phrase[: GAP_SHOWN_CHARS - 1].rstrip() + "…"


def _join(phrases) -> str:
    phrases = [f"“{_shown(p)}”" for p in phrases]
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " or " + phrases[-1]
