"""A PDF's lines -> the Markdown the rest of the pipeline reads: headings, paragraphs, list items, no page furniture.

pypdf's plain text of a page is its lines in drawing order with nothing between them, so a page read that way is
one run of text: headings glued to the sentences after them ("... annually. Primary and secondary teacher salary
If you have ..."), list items run together, and what a browser or word processor prints on every page (a date, a
URL, "Page 3 of 7") inside the quotes. Here each line keeps where it was drawn and in what size of type, and:
- a line in larger type than the body's is a heading (`## `);
- a paragraph ends at a vertical gap, or at a short line that ends a sentence;
- a line opening with a bullet glyph, or a run of indented blocks, is a list item (`- `);
- a line repeated at the top or bottom of most pages (digits aside) is page furniture, and is dropped;
- a paragraph running over a page break is one paragraph; ligatures ("ﬁ") are letters again.
Reads the positions pypdf's text visitor reports; does not open files (ingest.py does) or judge the text.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

# Layout cut-offs, in the document's own units (its body type size, line spacing and line length): set on PDFs
# printed by Chromium from four benchmark libraries' articles (docs/evaluation.md, "PDF articles").
HEADING_SCALE = 1.15  # a line in type at least this much larger than the body's is a heading
PARAGRAPH_GAP = 1.45  # a gap to the next line over this many body line steps ends a paragraph
SHORT_LINE = 0.7  # a line shorter than this share of a full line (in characters) may end its paragraph
VERY_SHORT_LINE = 0.5  # ... and in an indented run always ends its item
# Lines at each of a page's edges where its header or footer may be: three, as a paper's page number, author and
# short title stack ("Page 2 of 4" / "Hemlock, Catherine K." / "Nava, C.T.": the third was quoted as a passage).
EDGE_LINES = 3
INDENT = 0.5  # a line starting this many body type sizes right of the left margin is indented
MAX_INDENT = 8.0  # ... and no more than this: further right is a second column or a centred line, not a list
MAX_HEADING_CHARS = 200
MAX_LABEL_CHARS = 100  # a run of bold lines this short, not ending a sentence, is a heading in body type
BOLD_SHARE = 0.9  # a line with this share of its characters in a bold face is bold
FOOTNOTE_SCALE = 0.85  # digits in type this much smaller than their line's are footnote marks
SAME_BASELINE = 0.3  # pieces whose baselines differ by at most this share of their type size share a line

_FOOTNOTE_MARK = re.compile(r"[\d,\s*†‡–-]+")

_BOLD = re.compile(r"bold|black|heavy", re.I)  # in a font's name: "Arial-BoldMT", "LiberationSerif-Bold"
_CLOSES = re.compile(r"[,.;:!?)\]’”%]")  # no space before these where two pieces of a line meet
_BULLET = re.compile(r"^\s*[•●▪◦‣∙\uf0b7\uf0a7]\s*")  # \uf0b7, \uf0a7: Symbol/Wingdings bullets of Word exports
# ... and a dingbat font's bullet its text layer maps to a letter ("y Infant child care costs 117.7 percent ...",
# "F Montessori Credential": a tester's state plan quoted "- y Directors must have ..."): a lone letter opening two or
# more lines of a page before a capital or a figure (`_page_glyphs`).
_GLYPH_BULLET = re.compile(r"^\s*([ylnquvF§Øü])\s+(?=[A-Z0-9$£€“\"(])")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}|[a-z])[.)]\s")  # "1. ", "b) ": an item's number, written out
_PAGE_NUMBER = re.compile(r"(?:page\s*)?\d+(?:\s*(?:/|of)\s*\d+)?", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?:;)\"”’]$")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


@dataclass(frozen=True)
class Line:
    """One line of a page as drawn: its text, where it starts (PDF units, y up), its type size and weight."""

    text: str
    x: float
    y: float
    size: float
    bold: bool = False  # drawn in a bold face throughout


class PageLines:
    """A pypdf `visitor_text` that keeps each line's position, type size and weight; `take()` returns a page's
    lines. A line is pypdf's, except that pieces it breaks apart on one baseline are one line again."""

    def __init__(self):
        self._lines: list[Line] = []
        self._reset()

    def _reset(self) -> None:
        self._parts: list[tuple[str, float]] = []  # (text, type size)
        self._at: tuple[float, float] | None = None  # where the line starts
        self._last_x = 0.0  # where its last piece starts
        self._sizes: Counter = Counter()
        self._bold = 0  # characters in a bold face
        self._broken = False  # pypdf wrote a line break since the last piece

    def __call__(self, text: str, cm, tm, font, size) -> None:
        # The type as drawn: the font size scaled by the text matrix and the page's transform.
        drawn = round(size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]), 1)
        for i, part in enumerate(text.split("\n")):
            self._broken = self._broken or i > 0
            if not part.strip():
                if not self._broken:
                    self._parts.append((part, drawn))
                continue
            # Where this piece starts: the text matrix's origin through the page's transform.
            at = (cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5])
            if self._broken and self._at is not None and self._same_line(at, drawn):
                # pypdf breaks the line at every text object, and some writers (Google Docs) draw each word as
                # one: a piece further right on the same baseline goes on the line, after a space.
                if not _CLOSES.match(part) and not self._parts[-1][0].endswith((" ", "-", "/")):
                    self._parts.append((" ", drawn))
            elif self._broken:
                self._end_line()
            self._broken = False
            if self._at is None:
                self._at = at
            self._last_x = at[0]
            self._sizes[drawn] += len(part.strip())
            self._bold += len(part.strip()) if font is not None and _BOLD.search(str(font.get("/BaseFont", ""))) else 0
            self._parts.append((part, drawn))

    def _same_line(self, at: tuple[float, float], size: float) -> bool:
        return abs(at[1] - self._at[1]) <= SAME_BASELINE * size and at[0] > self._last_x

    def _end_line(self) -> None:
        if self._at is not None:
            size = self._sizes.most_common(1)[0][0]
            # Footnote marks ("... and ethics.9,10,11"): numbers in smaller type than their line's are no words of it.
            text = "".join(t for t, s in self._parts if not (s < FOOTNOTE_SCALE * size and _FOOTNOTE_MARK.fullmatch(t)))
            text = text.strip().translate(_LIGATURES)
            if text:
                bold = self._bold >= BOLD_SHARE * sum(self._sizes.values())
                self._lines.append(Line(text, self._at[0], self._at[1], size, bold))
        self._reset()

    def take(self) -> list[Line]:
        self._end_line()
        lines, self._lines = self._lines, []
        return lines


def to_markdown(pages: list[list[Line]]) -> str:
    """The pages' lines as Markdown: headings, paragraphs and list items, page furniture left out."""
    pages = _without_furniture(pages)
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    layout = _Layout.of(pages)
    blocks = _blocks(pages, layout)
    # The first heading, in larger type than every other, is the document's title: "# " over the "## " sections (a
    # browser's print of a page with no <title> named it by its file, and its title in 24 pt read as a section's).
    headings = [b for b in blocks if b.heading]
    title = headings[0] if headings and all(b.size < headings[0].size for b in headings[1:]) else None
    out: list[str] = []
    for i, b in enumerate(blocks):
        text = b.text()
        # An indented run of two or more blocks is a list drawn without bullet glyphs (a browser draws them as shapes).
        if b.indented and not b.bullet and sum(c.indented for c in blocks[max(0, i - 1): i + 2]) >= 2:
            text = "- " + text
        out.append(("# " if b is title else "## ") + text if b.heading else text)
    return "".join(("" if i == 0 else "\n" if t.startswith("- ") and out[i - 1].startswith("- ") else "\n\n") + t
                   for i, t in enumerate(out))


def _without_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without the lines repeated at a page's top or bottom on most pages, or page numbers alone."""
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text)

    def edges(page: list[Line]) -> set[str]:
        by_height = sorted(page, key=lambda line: line.y)
        n = EDGE_LINES if len(page) >= 4 * EDGE_LINES else 2  # a short page (a slide) is nearly all edge
        return {shape(line.text) for line in by_height[:n] + by_height[-n:]}

    seen = Counter(s for page in pages for s in edges(page))
    repeated = {s for s, n in seen.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2) and len(s) < MAX_HEADING_CHARS}
    # A site's fixed bar is printed on every page wherever the page breaks, over the text or on a line of its own
    # ("Samarth Bansal Writing Contact" on 8 of 12 pages of a tester's print, and run onto a sentence on the others):
    # a short line that is no sentence, alone on half the pages or more (three at least), anywhere on them, and run
    # onto another line somewhere. A table's header printed over each page's rows, or the page's title, never is.
    def bare(text: str) -> str:  # a line's shape without its spaces and control characters ("... Contact \\x00")
        return shape(" ".join(re.sub(r"[\x00-\x1f]", " ", text).split()))

    anywhere = Counter(s for page in pages for s in {bare(line.text) for line in page})
    alone = {s for s, n in anywhere.items() if len(pages) >= MIN_BAR_PAGES and n >= len(pages) / 2
             and len(s.split()) <= MAX_BAR_WORDS and not s.rstrip().endswith((".", "!", "?", ":")) and re.search(r"[^\W\d_]", s)}
    bars = {s for s in alone if "#" not in s and any(
        line.text.rstrip().endswith(" " + s) and line.text.strip() != s for page in pages for line in page)}
    out = []
    for page in pages:
        at_edges = edges(page)
        furniture = at_edges & repeated
        # What a browser prints in the margin (its date and the page's title; the address and "1/1") is furniture on a
        # one-page print too, where nothing repeats: a tester's answer quoted "12/5/26, 10:17 PM How to Become a CPA".
        printed = {shape(line.text) for line in page if shape(line.text) in at_edges and _printed(line.text)}
        kept = [line for line in page if shape(line.text) not in furniture | printed and bare(line.text) not in bars
                and not _PAGE_NUMBER.fullmatch(line.text)]
        out.append([_without_bar(line, bars) for line in kept] if bars else kept)
    return out


MIN_BAR_PAGES = 3
MAX_BAR_WORDS = 8


def _without_bar(line: Line, bars: set[str]) -> Line:
    """`line` without a site's bar run onto its end ("look for a new full-time job. Samarth Bansal Writing Contact")."""
    for bar in bars:
        if line.text.rstrip().endswith(" " + bar) and len(line.text.rstrip()) > len(bar) + 1:
            return replace(line, text=line.text.rstrip()[: -len(bar)].rstrip())
    return line


def _printed(text: str) -> bool:
    """Whether a line is what a browser prints in a page's margin: its date and time (and the page's title), or an
    address (with the page count)."""
    text = text.strip()
    return bool(_PRINT_STAMP.match(text) or _MARGIN_URL.fullmatch(text))


# Chromium's "12/5/26, 10:17 PM", Firefox's "05/12/2026, 22:17" before the page's title; the address, with its count.
_PRINT_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b", re.I)
_MARGIN_URL = re.compile(rf"(?:file|https?)://\S+(?:\s+{_PAGE_NUMBER.pattern})?", re.I)


def printed_url(pages: list[list[Line]]) -> str:
    """The address a browser printed in the first page's margin when the page was saved as PDF ("https://... 1/5",
    Chromium's footer; Firefox's "Page 1 of 5" too), or "". An address cut short there ("...") leads nowhere: ""."""
    if not pages or not pages[0]:
        return ""
    by_height = sorted(pages[0], key=lambda line: line.y)
    for line in by_height[:2] + by_height[-2:]:
        found = _PRINTED_URL.fullmatch(line.text.strip())
        if found and not found[1].endswith(("...", "…")):
            return found[1]
    return ""


_PRINTED_URL = re.compile(rf"(https?://\S+)(?:\s+{_PAGE_NUMBER.pattern})?", re.I)


@dataclass(frozen=True)
class _Layout:
    """The document's body type: its size, line step, left margin and full line length (in characters)."""

    size: float
    step: float
    left: float
    full: float

    @classmethod
    def of(cls, pages: list[list[Line]]) -> "_Layout":
        sizes = Counter()
        for page in pages:
            for line in page:
                sizes[line.size] += len(line.text)
        size = sizes.most_common(1)[0][0]
        body = [line for page in pages for line in page if line.size == size]
        steps = [abs(a.y - b.y) for page in pages for a, b in zip(page, page[1:])
                 if a.size == size == b.size and abs(a.y - b.y) > 0.1]
        xs = Counter(round(line.x) for line in body)
        # The left margin: the leftmost position a fair share of body lines start at (not one stray line's).
        left = min((x for x, n in xs.items() if n >= 0.05 * len(body)), default=0)
        lengths = sorted(len(line.text) for line in body)
        return cls(size, statistics.median(steps) if steps else size * 1.2, left,
                   lengths[int(0.75 * (len(lengths) - 1))] if lengths else 80)

    def indented(self, line: Line) -> bool:
        return INDENT * self.size < line.x - self.left <= MAX_INDENT * self.size


@dataclass
class _Block:
    heading: bool
    indented: bool
    bullet: bool
    lines: list[str]
    size: float = 0.0  # the type size of its first line

    def text(self) -> str:
        text = self.lines[0]
        for line in self.lines[1:]:
            text = _joined(text, line)
        return text


def _joined(text: str, line: str) -> str:
    """Two lines of a paragraph as one. A word broken at the line's end with a hyphen is one word again ("infor-" +
    "mation"); a compound keeps its hyphen ("self-" + "awareness", "CSWE-" + "accredited": the hyphen was the text's
    own, and a browser or word processor put the line break after it)."""
    if not re.search(r"\w-$", text) or not line[:1].isalnum():
        return text + " " + line
    if re.search(r"[a-z]-$", text) and line[:1].islower():
        from wordfreq import zipf_frequency

        head, tail = re.search(r"(\w+)-$", text)[1], re.match(r"\w+", line)[0]
        # As English writes it more often: "information" (5.4) over "infor-mation" (1.5); "self-awareness" (4.4)
        # over "selfawareness" (1.3), a misspelling wordfreq has seen on the web.
        if zipf_frequency(head + tail, "en") >= zipf_frequency(f"{head}-{tail}", "en"):
            return text[:-1] + line
    return text + line


def _page_glyphs(page: list[Line]) -> set[str]:
    """The letters dingbat bullets read as on this page ("y", a checkbox's "F"): each opening two or more lines."""
    counts: dict[str, int] = {}
    for line in page:
        m = _GLYPH_BULLET.match(line.text)
        if m:
            counts[m[1]] = counts.get(m[1], 0) + 1
    return {g for g, n in counts.items() if n >= 2}


def _blocks(pages: list[list[Line]], layout: _Layout) -> list[_Block]:
    """The lines grouped into headings, paragraphs and list items, in reading order (across page breaks)."""
    blocks: list[_Block] = []
    prev: Line | None = None
    was_heading = False
    for page in pages:
        headings = _headings(page, layout)
        glyphs = _page_glyphs(page)
        for n, line in enumerate(page):
            bullet = _BULLET.match(line.text) or glyphs and (m := _GLYPH_BULLET.match(line.text)) and m[1] in glyphs and m
            heading = headings[n]
            text = "- " + line.text[bullet.end():] if bullet else line.text
            if prev is None or bullet or _next_number(blocks[-1], line.text) or _breaks(prev, line, was_heading, heading,
                                                                                     n == 0, layout):
                blocks.append(_Block(heading, layout.indented(line) and not heading, bool(bullet), [text], line.size))
            else:
                blocks[-1].lines.append(text)
                if _first_line_indent(prev, line, layout):
                    blocks[-1].indented = False  # a paragraph's first-line indent, no indented block (list item)
            prev, was_heading = line, heading
    return blocks


def _next_number(block: _Block, text: str) -> bool:
    """Whether `text` opens the item numbered after the one `block` opens with ("3. Help communities ..." after "2.
    Counsel ... families, and groups", which ends no sentence and fills its line, so nothing else says it ended)."""
    this, last = (m[0].strip()[:-1] if m else "" for m in (_NUMBERED.match(text), _NUMBERED.match(block.lines[0])))
    return this.isdigit() and last.isdigit() and int(this) == int(last) + 1


def _headings(page: list[Line], layout: _Layout) -> list[bool]:
    """Which of a page's lines are headings: a line in larger type than the body's, or a short run of bold lines in
    body type that ends no sentence (a word processor's "Role Summary", a browser's h4)."""
    # A bulleted line is a list item whatever its type (a slide's agenda in large type, a bold item's label).
    flags = [line.size >= layout.size * HEADING_SCALE and len(line.text) <= MAX_HEADING_CHARS
             and not _BULLET.match(line.text) for line in page]
    n = 0
    while n < len(page):
        end = n
        while end < len(page) and page[end].bold and not flags[end] and page[end].size == page[n].size and (
                end == n or 0 < page[end - 1].y - page[end].y <= PARAGRAPH_GAP * layout.step):
            end += 1
        run = " ".join(line.text for line in page[n:end])
        if end > n and len(run) <= MAX_LABEL_CHARS and not _ENDS_SENTENCE.search(run) and not _BULLET.match(run):
            flags[n:end] = [True] * (end - n)
        n = max(end, n + 1)
    return flags


def _hangs_under(prev: Line, line: Line, layout: _Layout) -> bool:
    """Whether `line` is the second line of the numbered item `prev` opens, set under its text, right of its number
    ("1. Lead IT projects in the development, ..., maintenance," / "and modification of TTS software"): mid-sentence,
    in lower case. Read as its own indented block, it became a list item of its own ("- and modification ...")."""
    return (layout.indented(line) and not layout.indented(prev) and bool(_NUMBERED.match(prev.text))
            and line.text[:1].islower() and not _ENDS_SENTENCE.search(prev.text))


def _first_line_indent(prev: Line, line: Line, layout: _Layout) -> bool:
    """Whether `prev` is a paragraph's indented first line and `line` its next, at the margin: `prev` fills its line
    mid-sentence and `line` goes on in lower case ("... a growing variety of specializations, often" / "accompanied
    by increased pay ..."; a word processor's paragraphs, each split after its first line)."""
    return (layout.indented(prev) and not layout.indented(line) and line.text[:1].islower()
            and not _ENDS_SENTENCE.search(prev.text) and len(prev.text) >= SHORT_LINE * layout.full)


def _breaks(prev: Line, line: Line, was_heading: bool, heading: bool, page_start: bool, layout: _Layout) -> bool:
    """Whether `line` starts a new block after `prev`."""
    if heading != was_heading or (heading and line.size != prev.size):
        return True
    # A gap down the page ends a paragraph. A paragraph goes on over a jump to the next page or back up to the next
    # column only mid-sentence: where a sentence ended, the gap that would tell is not drawn.
    if page_start or line.y > prev.y:
        if _ENDS_SENTENCE.search(prev.text) and (line.text[:1].isupper() or line.text[:1].isdigit()):
            return True
    elif prev.y - line.y > PARAGRAPH_GAP * layout.step * line.size / layout.size:  # a heading's lines step in its size
        return True
    if layout.indented(line) != layout.indented(prev) and not _hangs_under(prev, line, layout) and not _first_line_indent(
            prev, line, layout):
        return True
    short = len(prev.text) < SHORT_LINE * layout.full
    opens = line.text[:1].isupper() or line.text[:1].isdigit()
    if layout.indented(line) and short and (opens or len(prev.text) < VERY_SHORT_LINE * layout.full):
        return True  # an item ends short: the next starts one
    return not heading and short and opens and bool(_ENDS_SENTENCE.search(prev.text))
