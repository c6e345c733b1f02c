"""The sources view: an answer as HTML, its text with each [n] a link to source n, then what was searched (for a
rewritten follow-up), each source, opening to the cited passage with its best sentences marked, and the sections
offered under "See also". Pure."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from ...answer import Answer, section_of
from .markup import safe, safe_url


def render_answer(answer: Answer, question: str = "") -> str:
    return render_text(answer) + render_sources(answer, question)


def _anchor(answer: Answer) -> str:
    """A key for one answer's source anchors, the same every time the answer is rendered. Pure."""
    return hashlib.sha256((answer.searched_for + answer.text).encode("utf-8", "replace")).hexdigest()[:10]


def render_text(answer: Answer) -> str:
    """The answer text, safe; list items and paragraphs as line breaks; each [n] a link to its source. Pure."""
    cited = {c.n for c in answer.citations}
    key = _anchor(answer)

    def link(m: re.Match) -> str:
        n = int(m.group(1))
        return f'<a class="cite" href="#src-{key}-{n}">&#91;{n}&#93;</a>' if n in cited else m.group(0)

    text = answer.text
    if answer.suggestions:  # offered as buttons under the message: not listed in it as well
        shown = {f"- {q}" for q in answer.suggestions}
        text = "\n".join(line for line in text.split("\n") if line not in shown)
    return re.sub(r"&#91;(\d+)&#93;", link, _with_quotes(text))


_QUOTED = re.compile(r"^[ \t]*>[ \t]?")


def _with_quotes(text: str) -> str:
    """`text` safe, a run of quoted lines ("> Hey there.", someone's words an article quotes) shown as a quotation
    without its markers: on a phone a ">" opening every line of a quoted answer read as markup leaking. Pure."""
    out, run = [], []
    for line in text.split("\n") + [None]:
        if line is not None and _QUOTED.match(line):
            run.append(safe(_QUOTED.sub("", line, count=1)))
            continue
        if run:
            out.append('<blockquote class="quoted">' + "<br>".join(run) + "</blockquote>")
            run = []
        if line is not None:
            out.append(safe(line) + "<br>")
    # A quotation's own margins part it from the text around: the blank lines that did are left out.
    return re.sub(r"(?:<br>)+(<blockquote)", r"<br>\1", "".join(out)).replace("</blockquote><br>", "</blockquote>").removesuffix("<br>")


def render_sources(answer: Answer, question: str = "") -> str:
    """HTML under an answer: what was searched (when it differs from `question`: a follow-up rewritten with the
    conversation), then each source with its cited sentences marked, then "See also". Pure."""
    parts = []
    key = _anchor(answer)
    if question and answer.searched_for and answer.searched_for != question:
        parts.append(f'<p class="searched">Searched for: <em>{safe(answer.searched_for)}</em></p>')
    if not answer.citations:
        return "".join(parts)
    items = [_source(f"[{c.n}] ", c.article, section_of(c.article, c.heading, c.context), highlight(c.text, c.highlights),
                     f' id="src-{key}-{c.n}"')
             for c in answer.citations]
    parts.append('<div class="sources"><strong>Sources</strong>' + "".join(items) + "</div>")
    if answer.related:  # other sections that may answer it: opened the same way, nothing marked in them
        items = [_source("", r.article, section_of(r.article, r.heading, r.context), safe(r.text)) for r in answer.related]
        parts.append('<div class="sources related"><strong>See also</strong>' + "".join(items) + "</div>")
    return "".join(parts)


def _source(label: str, article, section: str, body: str, anchor: str = "") -> str:
    """One source that opens to its passage (`body`, already safe HTML). Pure."""
    meta = " · ".join(safe(x) for x in (article.site, format_date(article.date)) if x)
    # The section too: two passages of one article would otherwise carry the same label.
    where = f" › {safe(section)}" if section else ""
    summary = f"{label}{safe(article.title)}{where}" + (f" — {meta}" if meta else "")
    link = safe_url(article.url)
    link_html = f'<br><a href="{link}" target="_blank" rel="noopener noreferrer">{link}</a>' if link else ""
    return f"<details{anchor}><summary>{summary}</summary>{link_html}<blockquote>{body}</blockquote></details>"


def format_date(value: str) -> str:
    """A date as people write it ("16 Dec 2023"), from ISO text ("2023-12-16T14:59:43+01:00"); other text as is. Pure."""
    text = str(value or "").strip()
    for parse in (lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")).date(), date.fromisoformat):
        try:
            d = parse(text)
            return f"{d.day} {d:%b %Y}"
        except ValueError:
            continue
    return text


def highlight(text: str, spans) -> str:
    """`text`, safe, with each (start, end) span wrapped in <mark>. Pure."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(safe(text[at:start]))
        out.append(f"<mark>{safe(text[start:end])}</mark>")
        at = end
    out.append(safe(text[at:]))
    # A quoted line's "> " (someone's words the article quotes) as a bar, as the answer shows a quotation.
    return _QUOTE_MARK.sub(r'\1\2<span class="qbar"></span>', "".join(out))


_QUOTE_MARK = re.compile(r"(^|<br>)((?:</?mark>)?)(?:&gt;[ \t]?)+")
