"""Article -> chunks and sentences, each with a stable id and character offsets into `Article.text`.

Chunks never cut a sentence and never cross a section heading; each keeps its heading.
Pure: no I/O, no model. Sentence boundaries come from pysbd, run one paragraph or list item at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .ingest import Article
from .text import LIST_MARKER, MAX_HEADING_CHARS

_HEADING_START = re.compile(r"#{1,6}\s+")
_WORD = re.compile(r"\w")
# A list marker, or a "Label:" lead-in is kept: only the bullet itself is not part of the sentence.
_LIST_MARKER = re.compile(rf"^\s*{LIST_MARKER}\s+")
_MARKER_BEFORE = re.compile(rf"{LIST_MARKER}[ \t]+$")
_MARKER_OPENING = re.compile(rf"^[ \t]*{LIST_MARKER}[ \t]+")


@dataclass(frozen=True, slots=True)  # slots: a large index holds hundreds of thousands
class Sentence:
    id: str  # "<article_id>:s<n>", stable while the article and the chunking are unchanged
    article_id: str
    chunk_id: str
    start: int  # offsets into Article.text: text[start:end] == self.text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Chunk:
    id: str  # "<article_id>:c<n>"
    article_id: str
    heading: str  # the section heading this chunk sits under (the title before the first heading)
    start: int
    end: int
    text: str  # Article.text[start:end], verbatim
    sentence_ids: tuple[str, ...]
    # The headings above `heading`, outermost first, the title left out: ("Senior product manager", "Skills needed for
    # this level") above "Product strategy". A level's bullets mean that level's, and "Product strategy" under
    # each of six levels is six sections, not one.
    context: tuple[str, ...] = ()

    @property
    def embed_text(self) -> str:
        """What gets embedded and BM25-scored: the heading gives a chunk its topic."""
        return f"{self.heading}\n{self.sentences_text}" if self.heading else self.sentences_text

    @property
    def sentences_text(self) -> str:
        """Its text from its first sentence: without the indentation and list marker a chunk opening on an item holds."""
        return _MARKER_OPENING.sub("", self.text, count=1)


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


# Two sentences glued by a missing space in the source ("...to increase.As you develop ..."): pysbd keeps
# them as one. A lower-case word, a stop, then a capitalized word is a boundary ("e.g." and "U.S." are not).
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_CAMEL_BEFORE = re.compile(r"(?<![\w.])[A-Z]?[a-z]+[A-Z]\w*[.!?]$")  # "MyTattoo." just before a glued boundary


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in `text`, shifted by `offset`, whitespace trimmed.

    Offsets are found by searching forward from the previous sentence, so they are exact even where
    pysbd's own spans drift.
    """
    spans = []
    for w0, w1 in _windows(text):
        for start, end in _with_quoted_words(text, [(a + w0, b + w0) for a, b in _pysbd_spans(text[w0:w1])]):
            # ... not after a name written in two capitalised parts: "MyTattoo.Software" is a brand, not two sentences
            # (a tester's answer read "MyTattoo. Software").
            cuts = [m.start() for m in _GLUED.finditer(text, start, end)
                    if not _CAMEL_BEFORE.search(text, max(start, m.start() - 80), m.start())]
            for a, b in zip([start] + cuts, cuts + [end]):
                for x, y in _bounded(text, a, b):
                    spans.append((offset + x, offset + y))
    return spans


def _with_quoted_words(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """pysbd's spans with a quoted word or two that ends no sentence joined to the sentence it opens on its line
    ("\"All\" I need to do ... is generate 20 sales per day": a tester's answer opened "I need to do ..."), and the
    two halves of a word it cut."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        # ... and a word pysbd cut at a "!" or "?" inside it, nothing between ("ma!ny": a tester's quote read "ma! ny").
        inside_word = out and a == out[-1][1] and text[a - 1] in "!?" and text[a - 2 : a - 1].isalpha() and text[a].islower()
        # ... and an ellipsis it cut, nothing between ("the answer is..." | ".pretty big.": quoted "is.. .pretty big").
        inside_word = inside_word or out and a == out[-1][1] and text[a - 1] == "." and text[a] in ".…"
        # ... and a stop pysbd made a sentence of its own ("Was it… no.." as "no." and "."): the answer dropped it.
        marks_only = out and _STOPS_ONLY.fullmatch(text, a, b) and "\n" not in text[out[-1][1]:a]
        # ... and a list counted inside a sentence, on its line ("where they 1. LIVE, 2. WORK, and 3. PLAY.": a tester's
        # answer quoted "where they 3. PLAY.", its first two items dropped as fragments).
        counted = out and _INLINE_NUMBER.match(text, a) and text[out[-1][1] - 1] in _NO_STOP and "\n" not in text[out[-1][1]:a]
        if out and (inside_word or marks_only or counted or _QUOTED_WORDS.fullmatch(text, *out[-1]) and "\n" not in text[out[-1][1]:a]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_INLINE_NUMBER = re.compile(r"\d{1,2}[.)][ \t]+\S")  # "2. WORK": an item's number, where the span before it ends no sentence
_NO_STOP = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,;")
_STOPS_ONLY = re.compile(r"[.!?…]+")  # not "**", an emphasis mark left over: a sentence of nothing, and never quoted
_QUOTED_WORDS = re.compile(r"[\"“'‘][\w’'-]+(?: [\w’'-]+){0,2}[\"”'’]")


MAX_SENTENCE_CHARS = 1_000  # a longer "sentence" (a one-line page, a run-on list) is cut at a space
WINDOW_CHARS = 4_000  # pysbd is slower than linear on long paragraphs: it sees them a window at a time


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` of at most about WINDOW_CHARS, ending after a sentence stop where one is near."""
    out, at = [], 0
    while len(text) - at > WINDOW_CHARS:
        cut = max(text.rfind(". ", at, at + WINDOW_CHARS), text.rfind("? ", at, at + WINDOW_CHARS))
        if cut <= at:
            cut = text.rfind(" ", at, at + WINDOW_CHARS)
        cut = cut + 1 if cut > at else at + WINDOW_CHARS
        out.append((at, cut))
        at = cut
    out.append((at, len(text)))
    return out


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """[a, b) cut at spaces into pieces of at most MAX_SENTENCE_CHARS, whitespace trimmed."""
    out = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a + 1, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


_SPACES = re.compile(r"\s*")


def _pysbd_sentences(text: str) -> list[str]:
    """pysbd's sentences of `text` as `Segmenter.segment` returns them, each with the whitespace after it.

    Not segment() itself: it finds each sentence by listing every match of it from the paragraph's start, which
    is quadratic when a sentence repeats (2,000 lines of "_" took 0.9 s for 4 KB). Here each is found from just
    before where the previous one ended, with the same result: the first match ending after that point.
    """
    sentences = _segmenter().processor(text).process() if text else []
    out, prior = [], 0
    for sent in sentences:
        # The previous match ended before a non-space (its \s* ran to the end), so a match ending after it
        # starts at most len(sent) - 1 characters before it.
        at = text.find(sent, max(0, prior - len(sent) + 1) if prior else 0)
        while at >= 0:
            end = _SPACES.match(text, at + len(sent)).end()
            if end > prior:
                out.append(text[at:end])
                prior = end
                break
            at = text.find(sent, at + 1)  # only an empty sentence gets here
    return out


def _pysbd_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for piece in _pysbd_sentences(text):
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:  # pysbd changed the text; fall back to the rest of the paragraph
            at, piece = cursor, text[cursor:].strip()
            if not piece:
                break
            at = text.find(piece, cursor)
        if spans and spans[-1][1] == at and _ends_on_a_word_dot(text, at):
            spans[-1] = (spans[-1][0], at + len(piece))  # ".gov", ".NET": a dot that opens a word ends no sentence
        else:
            spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def _ends_on_a_word_dot(text: str, at: int) -> bool:
    """Whether `text[:at]` ends on a dot that opens a word: pysbd cut "The ." | "gov means it's official." and "end in
    ." | "gov or .", and the answer read "The . gov means ...". Only where the next piece follows with no space."""
    return at >= 1 and text[at - 1] == "." and (at == 1 or text[at - 2].isspace())


def _heading(line: str) -> str | None:
    """The text of a stripped `## Heading ##` line, closing #s dropped, or None for another line.

    Not one regex: "(.+?)\\s*#*\\s*$" tried the rest of the line from each character, quadratic in a line of #s.
    """
    m = _HEADING_START.match(line)
    if not m or len(line) > MAX_HEADING_CHARS:
        return None
    rest = line[m.end() :]
    return (rest.rstrip().rstrip("#").rstrip() or rest[0]).strip()


def _units(text: str):
    """Yield ("unit", start, end) for each paragraph or list item, and ("heading", text, level) markers.

    A unit is a run of non-blank lines, except that every list item is a unit of its own. Inside fenced code
    (``` or ~~~) no line is a heading or an item: "# install the stack" there is a shell comment.
    """
    pos = 0
    block_start = None
    fenced = False
    listed = False  # the last line at the margin opened a list item: an indented line may be its
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        line_start, pos = pos, pos + len(line)
        fence = stripped.startswith(("```", "~~~"))
        code = fenced or fence
        fenced = fenced != fence
        indented = line.startswith(("    ", "\t"))
        if stripped and not indented:
            listed = bool(_LIST_MARKER.match(line))
        # ... nor in an indented block outside a list: "    # setup color", a Python comment in an essay's code, headed
        # every later section of a tester's (CommonMark reads four spaces in as code).
        heading = None if code or indented and not listed else _heading(stripped)
        is_item = not code and bool(_LIST_MARKER.match(line))
        if not stripped or heading is not None or is_item:
            if block_start is not None:
                yield ("unit", block_start, line_start)
                block_start = None
        if heading is not None:
            yield ("heading", heading, len(stripped) - len(stripped.lstrip("#")))
        elif is_item:
            yield ("unit", line_start + _LIST_MARKER.match(line).end(), pos)
        elif stripped and block_start is None:
            block_start = line_start
    if block_start is not None:
        yield ("unit", block_start, pos)


def chunk_article(article: Article, chunk_chars: int = 700) -> tuple[list[Chunk], list[Sentence]]:
    """Split an article into chunks of whole sentences, at most `chunk_chars` long unless one sentence is longer."""
    text = article.text
    sections: list[tuple[str, tuple[str, ...], list[list[tuple[int, int]]]]] = [(article.title, (), [])]
    stack: list[tuple[int, str]] = []  # (level, text) of the headings open at this point
    title = article.title.strip().lower()
    for kind, a, b in _units(text):
        if kind == "heading":
            stack = [(level, name) for level, name in stack if level < b]
            sections.append((a, tuple(name for _, name in stack if name.strip().lower() != title), []))
            stack.append((b, a))
        else:
            # A unit without a word (a thematic break, "---") is no sentence: alone under a heading it made a
            # chunk that matched questions by its heading alone.
            spans = [(s, e) for s, e in split_sentences(text[a:b], a) if _WORD.search(text, s, e)]
            if spans:
                sections[-1][2].append(spans)

    chunks: list[Chunk] = []
    sentences: list[Sentence] = []

    def emit(heading: str, context: tuple[str, ...], spans: list[tuple[int, int]]) -> None:
        cid = f"{article.id}:c{len(chunks)}"
        ids = []
        for s, e in spans:
            sid = f"{article.id}:s{len(sentences)}"
            sentences.append(Sentence(sid, article.id, cid, s, e, text[s:e]))
            ids.append(sid)
        start, end = spans[0][0], spans[-1][1]
        # A chunk that opens on a list item opens on its line, marker and indentation: its first sentence reads
        # as an item, at its depth, as the others do (a level's first bullet under its heading had read as a
        # paragraph leading into the rest).
        marker = _MARKER_BEFORE.search(text, max(0, start - 8), start)
        line = text.rfind("\n", 0, start) + 1
        if marker is not None and not text[line : marker.start()].strip():
            start = line
        chunks.append(Chunk(cid, article.id, heading, start, end, text[start:end], tuple(ids), context))

    for heading, context, paragraphs in sections:
        current: list[tuple[int, int]] = []
        for paragraph in paragraphs:
            for span in paragraph:
                if current and span[1] - current[0][0] > chunk_chars:
                    emit(heading, context, current)
                    current = []
                current.append(span)
            # Prefer to end a chunk at a paragraph break once it is reasonably full, but keep a
            # lead-in ("... include:") with the list that follows it.
            lead_in = bool(current) and text[current[-1][0] : current[-1][1]].rstrip().endswith(":")
            if current and not lead_in and current[-1][1] - current[0][0] > chunk_chars * 0.6:
                emit(heading, context, current)
                current = []
        if current:
            emit(heading, context, current)
    return chunks, sentences


def contexts(article: Article, chunks: list[Chunk]) -> list[str]:
    """What each chunk is embedded with: the article's title and the headings above the chunk, outermost first
    ("M5 Senior Engineering Manager › Craft › Software design"), then its text. A bullet under "Scope" of one
    level's page then means that level's scope, as it does to a reader."""
    return [" › ".join([article.title, *section_path(article.title, c.context, c.heading)]) + "\n" + c.sentences_text
            for c in chunks]


def section_path(title: str, context: tuple[str, ...], heading: str) -> list[str]:
    """A section's headings, outermost first, without those named like the page ("" under "Intro" titled "Intro"),
    or nearly so: a page's own heading beside a front-matter title worded a little otherwise ("HVAC EPA 608
    Certification for Veterans: Your Complete Guide" titled "... Complete Guide with GI Bill") was named twice."""
    words = set(_WORDS(title.lower()))
    return [h for h in (*context, heading) if h and h.strip().lower() != title.strip().lower() and not (
        len(named := _WORDS(h.lower())) >= RESTATED_MIN_WORDS and sum(w in words for w in named) >= RESTATED_SHARE * len(named))]


_WORDS = re.compile(r"\w+").findall
RESTATED_MIN_WORDS = 4  # a short heading ("Pay", "Interview questions") may share its words with a title and be a section
RESTATED_SHARE = 0.8  # of a heading's words in the title: the title restated
