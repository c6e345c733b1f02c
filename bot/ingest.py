"""Read one article file (.md or .mdx, .txt, .html, .rst, .pdf) into an `Article`: clean text plus metadata.

The text keeps the article's sentences verbatim (citations quote it); only markup is removed.
Does not chunk or embed; a file that cannot be read raises `ArticleError` naming the file and the reason.
"""

from __future__ import annotations

import bisect
import datetime
import hashlib
import html
import itertools
import logging
import re
import unicodedata
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import pdf_text, tables
from .errors import ArticleError
from .text import ITEM_START, LIST_MARKER, MAX_HEADING_CHARS, PLACEHOLDER, sentence_case, stems

MIN_WORDS = 4  # an article holds at least one sentence this long
MIN_LIST_LINES = 3  # ... or this many lines of as many words: a list
# .mdx: Docusaurus and other MDX sites; their imports, components and admonitions are cleaned as Markdown dialects.
# .cshtml: ASP.NET Razor views, read as HTML without their C# (without_razor).
# .rst: reStructuredText (Sphinx and Read the Docs sites), rendered by docutils and read as HTML (_read_rst).
SUPPORTED = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".txt": "text", ".html": "html", ".htm": "html",
             ".cshtml": "html", ".rst": "rst", ".pdf": "pdf"}
KINDS_NAMED = ", ".join(list(SUPPORTED)[:-1]) + f" or {list(SUPPORTED)[-1]}"  # every one, as messages name them
# An article's text once markup is removed. 200,000 characters are about 30,000 words (an 80-page report), four
# times the longest bundled guide (49,156), and about 320 chunks at the default chunk size: ~35 s to embed on a
# 2-core machine, where a 40 KB PDF of 875 chunks took 90 s. Longer is refused, not cut (no quote may come from
# a part silently dropped): a book belongs in the library as its chapters.
MAX_ARTICLE_CHARS = 200_000
# What is read before markup is removed (Markdown with inline base64 images is mostly markup); beyond this the
# file is not cleaned at all. Cleaning costs at most ~5 microseconds a character.
MAX_SOURCE_CHARS = 5 * MAX_ARTICLE_CHARS
# HTML is mostly markup, and trafilatura takes up to ~12 ms a KB of it (100,000 short paragraphs): larger pages
# are refused before extraction, which keeps one under a minute.
MAX_HTML_CHARS = 5 * MAX_SOURCE_CHARS
MAX_PDF_PAGES = 500  # counted before any page is read: 200,000 characters fill about 80 pages of text
# Operators and operands pypdf may interpret for one PDF, and for one content stream. A page of text has a few
# thousand; 20 pages repeating a drawing of 100,000 lines (4 KB of PDF) took 85 s. Reading stops within ~20 s.
MAX_PDF_WORK = 2_000_000
MAX_FRONT_MATTER_CHARS = 16_000  # front matter is a few fields: a larger block is refused, not parsed
# Metadata is shown in one line under each answer and stored in the manifest: it is kept short.
MAX_META_CHARS = 300
MAX_URL_CHARS = 2_000


@dataclass(frozen=True)
class Article:
    """A cleaned article. `text` is Markdown-ish: `#` headings, `-` list items, plain sentences."""

    id: str
    title: str
    text: str
    sha256: str  # of the file's bytes: an unchanged file is never re-embedded
    source: str  # the file name it came from
    site: str = ""
    url: str = ""
    date: str = ""


def article_id(path: Path) -> str:
    """A stable, URL-safe id from the file name: `My Guide (2).md` -> `my-guide-2`."""
    return _slug(path.stem) or "article"


def load_article(path, max_bytes: int = 20 * 1024 * 1024) -> Article:  # as config.Settings.max_file_bytes
    """Read, check and clean one article file. Raises ArticleError (one line: the file and what to do) for a
    file that is not a readable article; never returns one without a sentence of MIN_WORDS words."""
    path = Path(path)
    _check_name(path)
    kind = SUPPORTED.get(path.suffix.lower())
    if kind is None and path.is_dir():
        raise ArticleError(path, "it is a folder: give the article files in it (or build an index of the whole folder "
                                 "with index build --corpus FOLDER)")
    if kind is None and not path.exists() and not path.is_symlink():
        raise ArticleError(path, "no such file or folder")
    if kind is None:
        raise ArticleError(path, f"unsupported file type {path.suffix or '(none)'!r}; use {KINDS_NAMED}")
    data = _read_bytes(path, max_bytes)
    if kind == "text" and _HTML_PAGE.match(data[:MAX_SNIFF_BYTES]):
        kind = "html"  # a page saved as .txt ("<!DOCTYPE html>" ...): a tester's title was the doctype, its text kept its tags
    try:
        text, meta = _extract(path, kind, data)
    except ArticleError:
        raise
    except Exception as e:  # a file shaped as no rule here foresaw: one line naming it, not a traceback
        reason = " ".join(str(e).split())[:200]
        raise ArticleError(path, f"it could not be read ({type(e).__name__}: {reason}); save it again in another program, "
                                 "or move it out of the folder") from None
    text = _with_summary(text, meta) if kind == "markdown" else text
    if kind in ("markdown", "text"):
        text, meta = _with_address_line(text, meta)
    if kind == "text" and _DOKUWIKI_HEADING.search(text):
        text, kind = _from_dokuwiki(text), "markdown"
    elif kind == "text" and len(_MARKDOWN_HEADINGS.findall(text, 0, MAX_SNIFF_CHARS)) >= 2:
        # A Markdown post saved as .txt ("## Overview" ... "## Transition from analyst to engineer"): a tester's
        # article was titled "## Overview" and kept its markup.
        kind = "markdown"
    if len(text) > MAX_SOURCE_CHARS:
        markup = "" if kind == "text" else " with its markup"
        raise ArticleError(path, f"it holds too much text ({len(text):,} characters{markup}; the limit is "
                           f"{MAX_SOURCE_CHARS:,}): split it into several articles")
    text = clean_text(_unwrapped(text) if kind == "text" else text, markdown=kind == "markdown")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(path, f"its text is too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}): "
                           "split it into several articles")
    if not re.search(r"\w", text):
        raise ArticleError(path, "no readable article text was found in it")
    if not _has_sentence(text):
        # Navigation-only HTML ("Home About Contact Blog") or an empty template is no article.
        raise ArticleError(path, f"too little article text in it (not one sentence of {MIN_WORDS} or more words ending in . ! or ?, "
                           f"nor {MIN_LIST_LINES} lines of as many words)")
    heading = _first_heading(text, path.stem)[:MAX_META_CHARS].strip()
    # A title's inline tags ("What does a Scrum master <i>really</i> do?") are markup, as in the text.
    title = (_said_more(html.unescape(_HTML_TAG.sub("", _TITLE_BREAK.sub(" ", _meta_text(_front_title(meta))))).strip(), heading) or heading
             or (_title_line(text, path.stem) if kind == "text" else ""))
    site = html.unescape(next(filter(None, (_meta_text(meta.get(k)) for k in ("site", "sitename", "publisher"))), ""))
    title = _without_decoration(_without_site(title, site))
    key, url = next(((k, u) for k in URL_KEYS if (u := _meta_text(meta.get(k), MAX_URL_CHARS + 1))), ("", ""))
    url = url or _nested_url(meta)
    if key == "link" and not _PAGE_URL.match(url):
        url = ""  # a theme's "link" left at a placeholder ("http://google.com"): a site's front page is no article's address
    url = url.strip()  # a folded YAML value ("link: >") ends on its line break
    url = "" if _LOCAL_URL.match(url) else url  # a page saved from its author's preview server links there
    date = _date_of(meta, path.name) or _dated_line(text)
    return Article(
        id=article_id(path),
        title=title or _file_title(path),
        # Once the page's date is read, a line of dates alone is no text: "Last Updated: December 2024 | Next Review:
        # March 2025", a guide's footer, was the whole answer to a tester's "Which degrees pay the most for DBAs?".
        text=_DATES_ALONE.sub("", text),
        sha256=hashlib.sha256(data).hexdigest(),
        source=path.name,
        site=site,
        url=url if len(url) <= MAX_URL_CHARS else "",  # a link cut short leads nowhere: none is better
        date=date,
    )


_TITLE_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.I)  # "<small>ASL3310</small><br> Introduction to ...", a tester's title
_DATE_LABEL = r"(?:last[ \t]+)?(?:updated|reviewed|modified|revised)|next[ \t]+(?:review|update)|published|posted|created|date"
_DATE_PAIR = rf"[*_]*(?:{_DATE_LABEL})[ \t]*:[*_]*[ \t]*[^|\n]{{0,30}}\d[^|\n]{{0,12}}?[*_]*"
_DATES_ALONE = re.compile(rf"^[ \t]*{_DATE_PAIR}(?:[ \t]*\|[ \t]*{_DATE_PAIR})+[ \t]*\n?|"  # two or more
                          # ... or on lines of their own ("**Last Updated:** November 2024" over "**Next Update:** March 2025
                          # (post-campus placement season)", a guide's footer quoted in a tester's answer)
                          rf"^[ \t]*{_DATE_PAIR}[^\n]{{0,60}}\n(?:[ \t]*{_DATE_PAIR}[^\n]{{0,60}}(?:\n|$))+", re.I | re.M)


def _dated_line(text: str) -> str:
    """The ISO date of a line near the top of `text` that gives the page's date ("Last Updated: Feb 14th, 2022", under a
    tester's HTML page's title: the most cited article of the library showed none); "" when none is one."""
    line = _DATED_LINE.search(text[:DATED_LINE_CHARS])
    if line is None:
        return _date_under_title(text)
    date = _iso_date(_ORDINAL_DAY.sub(r"\1", line[1].strip()))
    return date if _TIMESTAMP.fullmatch(date) else ""


def _date_under_title(text: str) -> str:
    """The ISO date of a line that is only a date, straight under the page's title ("# What's an APM?" over "5.30.2020",
    a tester's: the post showed no date, and "5.30.2020" was quoted as an answer's sentence); a day and month that
    could be either way round ("5.6.2020") are none."""
    m = _DATE_UNDER_TITLE.match(text)
    if m is None:
        return ""
    if m["year"]:
        first, second = int(m["first"]), int(m["second"])
        month, day = (first, second) if second > 12 else (second, first) if first > 12 else (0, 0)
        try:
            return datetime.date(int(m["year"]), month, day).isoformat()
        except ValueError:
            return ""
    date = _iso_date(_ORDINAL_DAY.sub(r"\1", m["written"].strip()))
    return date if _TIMESTAMP.fullmatch(date) else ""


_DATE_UNDER_TITLE = re.compile(r"\s*#[ \t][^\n]{1,200}\n\s*[*_]*(?:(?P<first>\d{1,2})[./](?P<second>\d{1,2})[./](?P<year>\d{4})|"
                               r"(?P<written>\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}))[*_]*[ \t]*(?:\n|\Z)")


DATED_LINE_CHARS = 600  # how far into a page its date line is looked for: under its title, above its text
_DATED_LINE = re.compile(r"^[ \t#*_]*(?:publication date|published|posted|last updated|updated|date)(?: on)?[ \t]*:[ \t*_]*"
                         r"([^\n*_]{6,40}?)[ \t*_]*$", re.I | re.M)
_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


_HTML_PAGE = re.compile(rb"(?:\xef\xbb\xbf)?\s{0,200}(?:<!--.{0,300}?-->\s{0,200})?<(?:!doctype\s+html|html)\b", re.I | re.S)
MAX_SNIFF_BYTES = 1000  # how far into a .txt file an HTML page's opening is looked for
_MARKDOWN_HEADINGS = re.compile(r"^#{1,6}[ \t]+\S[^\n]{0,200}$", re.M)
MAX_SNIFF_CHARS = 20_000  # how far into a .txt file Markdown headings are looked for


# A DokuWiki page (its .txt source): "====== Title ======" (six signs: the top level) ... "== Minor ==".
_DOKUWIKI_HEADING = re.compile(r"^[ \t]*(={2,6})([^=\n]*[^=\s][^=\n]*)\1[ \t]*$", re.M)
_DOKUWIKI_LINK = re.compile(r"\[\[([^\]|\n]*)(?:\|([^\]\n]*))?\]\]")


def _from_dokuwiki(text: str) -> str:
    """A DokuWiki page's source as Markdown: its headings as "#" headings, its links as their labels (a page link
    without one as its name): a tester's page was titled "====== Research Assistant ======" and quoted
    "[[http://online.onetcenter.org/...|O*NET:]]"."""
    text = _DOKUWIKI_HEADING.sub(lambda m: "#" * (7 - len(m[1])) + " " + m[2].strip(), text)
    def label(m: re.Match) -> str:
        if m[2] is not None:
            return m[2].strip()
        return m[1].strip() if "://" in m[1] else m[1].rsplit(":", 1)[-1].strip()  # "career:salaries": a page's name

    return _DOKUWIKI_LINK.sub(label, text)


# Where metadata keeps an article's address: its own, or the original of a copy (freeCodeCamp "originalURL",
# a blog's "canonical_url"), read under lowercase names.
def _with_summary(text: str, meta: dict) -> str:
    """`text` opening on its front matter's summary when that holds a sentence the text does not: a state's licensing
    pages keep their key sentence there ("summaryDescriptionMd: If you practice mortuary science, embalming, or funeral
    directing, you need a mortuary practitioner license."), and three testers' questions on whether one is needed found
    only the lists below it. Under the page's own `#` title, if it opens on one, and only where the page opens on a
    section. Not a "description": a site's pages hold a line for search engines there ("Find out what a security
    engineer does ...")."""
    summary = next((v.strip() for k, v in meta.items() if "summary" in str(k) and isinstance(v, str) and _has_sentence(v)), "")
    title = re.match(r"[ \t]*# [^\n]*\n", text)
    at = title.end() if title else 0
    # Only over a page that opens on a section: a post's own opening paragraph says what its summary does (a Pelican
    # header's 330-character "Summary:", a teaser, was quoted as text once).
    if not summary or not text[at:].lstrip().startswith("#") or " ".join(summary.split())[:80] in " ".join(text.split()):
        return text
    return f"{text[:at]}\n{summary}\n\n{text[at:]}"


def _with_address_line(text: str, meta: dict) -> tuple[str, dict]:
    """`text` and `meta` with the page's address taken from a line of the text that gives it, when no field does."""
    page = _ADDRESS_FIRST.match(text)
    if page and not any(meta.get(k) for k in URL_KEYS):
        # A page saved with its address as its first line (a tester's university pages, "https://www.fordham.edu/..."
        # over "# M.S. in Health Administration ..."): the page's address, not a passage (it ranked first, alone).
        text, meta = text[page.end():], {**meta, "url": page[1]}
    original = _ORIGINAL_LINE.match(text)
    if original and not any(meta.get(k) for k in URL_KEYS):
        # ... or a copy's line naming its original under its title ("(original article: https://blog.ndepend.com/...)",
        # a tester's: four copied posts had no address, and the line was a passage's first sentence)
        text, meta = text[: original.start("line")] + text[original.end():], {**meta, "url": original["url"]}
    return text, meta


_ADDRESS_FIRST = re.compile(r"\A\s*<?(https?://[^\s<>]{4,})>?[ \t]*\n[ \t]*\n")
_ORIGINAL_LINE = re.compile(r"\A(?:[ \t]*#[^\n]*\n)?\s*(?P<line>\(?(?:original(?:ly)?(?:[ \t]+(?:article|post|published|posted))?"
                            r"(?:[ \t]+(?:at|on|in))?|source)[ \t]*:?[ \t]*<?(?P<url>https?://[^\s<>()]{4,})>?\)?[ \t]*(?:\n|\Z))", re.I)


def _nested_url(meta: dict) -> str:
    """An address front matter keeps one level down ("metadata: canonical: https://...", a tester's agency posts had
    none), or ""."""
    for group in ("metadata", "seo", "meta"):
        values = meta.get(group)
        if isinstance(values, dict):
            url = next(filter(None, (_meta_text(values.get(k), MAX_URL_CHARS + 1) for k in ("canonical", *URL_KEYS))), "")
            if url:
                return url
    return ""
URL_KEYS = ("url", "canonical_url", "canonicalurl", "originalurl", "original_url", "source-url", "source_url", "link")  # "link": Memsource's blog
_PAGE_URL = re.compile(r"https?://[^/\s]+/[^\s]*[^/\s]", re.I)  # an address with a path: a page, not a site's front


# Where front matter keeps an article's publication date: Jekyll, Hugo and Docusaurus "date", Astro "pubDate",
# Hugo "publishDate", schema.org "datePublished". A date of last change ("lastmod", "updated") is not its date.
DATE_KEYS = ("date", "pubDate", "publishDate", "published", "pub_date", "publish_date", "datePublished", "pubdatetime",
             "publicationdate", "publication_date",
             "datetime", "timestamp", "post_date",  # "post_date": a WordPress export's
             "created",  # a Drupal post moved to Jekyll ("created: 1146593508", seconds since 1970: a tester's journalism notes)
             "postdate", "date_created", "created_at", "date_published",  # a Hugo theme's, Docusaurus sites' (a tester's)
             "publishedat", "published_at")  # a headless CMS's ("publishedAt: '2024-10-28T22:59:38.791Z'", a tester's)


# Dates as front matter writes them ("October 15, 2025", "Jan 23, 2024", "15 Oct 2025"), read as ISO dates so that
# every source shows its date one way (a tester's library showed three ways side by side).
_WRITTEN_DATES = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%Y.%m.%d",
                  "%d %B, %Y")


def _without_decoration(title: str) -> str:
    """`title` without the emoji or symbols set before or after it ("🔍 SEO Specialist Career Profile", "Hired! 🎉"):
    a list of sources shows the words. A title that is only symbols stays."""
    def decoration(c: str) -> bool:
        # Other symbols and modifiers (emoji, skin tones), not math or currency signs: "Learn C++" keeps its "++".
        return unicodedata.category(c) in ("So", "Sk") or c in "\u200d\ufe0f" or c.isspace()

    start, end = 0, len(title)
    while start < end and decoration(title[start]):
        start += 1
    while end > start and decoration(title[end - 1]):
        end -= 1
    title = title[start:end] if start < end else title
    # A post's id a blog export ends its title with ("Career in Field Investigation  A Comprehensive Guide 74bee1a348c1",
    # Medium's, a tester's citations all read so): no words of it.
    title = " ".join(_POST_ID_END.sub("", title).split()) or title
    # A part number in brackets ("Android Development Questions [1]") reads as a citation in an answer: in parentheses.
    return _BRACKETED_NUMBER.sub(r"(\1)", title)


_POST_ID_END = re.compile(r"(?<=\w)\s+(?=[0-9a-f]{0,15}[0-9])(?=[0-9a-f]{0,15}[a-f])[0-9a-f]{10,16}$")

_BRACKETED_NUMBER = re.compile(r"\[(\d{1,3})\](?=\W*$)")


def _said_more(title: str, heading: str) -> str:
    """`title`, or the page's own heading where the title is a word or three it says more of: a Docusaurus page's
    front matter names it as its sidebar does ("Overview", "Presentations") over "# Design Exercise Overview", "# UX
    Presentations". A longer title is the page's own ("33. Intersections and Common Career Transitions" stays)."""
    words, more = set(_WORDS(title.lower())), _WORDS(heading.lower())
    return heading if title and 0 < len(words) <= SIDEBAR_TITLE_WORDS and words <= set(more) and len(more) > len(words) else title


SIDEBAR_TITLE_WORDS = 3


_WORDS = re.compile(r"\w+").findall


def _date_of(meta: dict, name: str) -> str:
    """The article's date as an ISO date where it is one: written in its metadata, else its file name's (a post's)."""
    written = next((d for d in (_meta_text(meta.get(k)).strip() for k in DATE_KEYS) if re.search(r"\d", d)), "")
    return _iso_date(written) if written else file_date(name)


def file_date(name: str) -> str:
    """The date a post's file name opens on, as an ISO date ("2022-10-18-modernization-....md"), else ""."""
    post = _POST_DATE.match(name)
    return _iso_date(f"{post[1]}-{post[3]}-{post[4]}") if post else ""


# A Jekyll post's file name starts with its date ("2020-09-10-post-oscp-jobs.md"): its date when none is written.
# Month and day may be written without their zero ("2022-2-17-How-to-learn-welding-on-your-own.md", a tester's).
# ... or underscores ("2022_04_19_from-poacher-to-gamekeeper.md", a tester's Salesforce post showed no date).
_POST_DATE = re.compile(r"(\d{4})([-_])([01]?\d)\2([0-3]?\d)\2")
# A timestamp ("2025-11-29 23:25:31+03:00", "2020-02-03 +0800", "2024-05-01T09:00:00Z"): its date, as written.
# Month and day may be written without their zero ("2017-12-5 12:01", a Jekyll post's front matter).
# A zone by name too ("2018-01-04 16:05 UTC", a Middleman post; shown as written beside "23 Jul 2020").
# ... and Go's, as Hugo writes it, an offset then the zone's abbreviation ("2010-11-01 00:00:00 +0700 +07", a tester's).
_TIMESTAMP = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[+-]?(?:UTC|GMT))?"
                        r"(?:[ \t]+(?:[+-]\d{2}|[A-Z]{3,5}))?")


# JavaScript's Date as a string, as Hashnode writes it ("Sun Dec 03 2023 11:00:00 GMT+0000 (Coordinated Universal Time)").
# ... and C's ctime with a zone before the year ("Fri Nov 14 16:15:45 -0800 2008", an old blog engine's @pubDate).
_JS_DATE = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)\w* ([a-z]{3}) (\d{1,2}) (?:\d{1,2}:\d{2}:\d{2} (?:[+-]\d{4}|[a-z]{3,4}) )?(\d{4})\b",
                      re.I)  # ... or a zone's name ("Sun Aug 12 17:00:31 MDT 2018", `date`'s, a tester's grant-writing post)


def _iso_date(text: str) -> str:
    """`text` as an ISO date when it is a date written one of the usual ways; else as it is."""
    # A day written as an ordinal ("8th July 2018", "April 19th, 2022": two testers' posts showed them as written).
    plain = _ORDINAL_DAY.sub(r"\1", text.strip())
    if plain != text.strip():
        iso = _iso_date(plain)
        return iso if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso) else text
    if _EPOCH_SECONDS.fullmatch(text.strip()):
        return datetime.datetime.fromtimestamp(int(text), datetime.timezone.utc).date().isoformat()
    if re.fullmatch(r"\d{5,}", text.strip()):
        return ""  # a timestamp cut short ("date: 159919920", a tester's post showed it as its date): none
    # ... and a zone in brackets after the time, as Obsidian's web clipper writes it ("2021-02-28T11:55:18 (UTC +11:00)",
    # shown whole as a tester's article's date)
    text = re.sub(r"(?<=\d)\s*\((?:UTC|GMT)[ \t]*[+-]?[\d:]{0,5}\)\s*$", "", text.strip())
    stamp = _TIMESTAMP.fullmatch(text.strip())
    if stamp:
        try:
            return datetime.date(int(stamp[1]), int(stamp[2]), int(stamp[3])).isoformat()
        except ValueError:
            return text  # "2024-13-45" is no date
    spoken = _JS_DATE.match(text.strip())  # JavaScript's Date string: its day, month and year
    if spoken:
        text = f"{spoken[1]} {spoken[2]} {spoken[3]}"
    for form in _WRITTEN_DATES:
        try:
            return datetime.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    # A day and month in numbers before the year ("01-21-2025", a tester's medical post): read where only one order
    # makes a date; "03-04-2025" is left as written (the 3rd of April or March the 4th).
    numbers = _NUMERIC_DATE.fullmatch(text.strip())
    if numbers:
        first, second, year = (int(n) for n in numbers.groups())
        month, day = (first, second) if second > 12 >= first else (second, first) if first > 12 >= second else (0, 0)
        try:
            return datetime.date(year, month, day).isoformat()
        except ValueError:
            return text
    return text


_ORDINAL_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)\b(?=,?[ \t]+[A-Za-z]|[ \t]+\d{4}|,[ \t]*\d{4})", re.I)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")  # a time after it goes
# Seconds since 1970 as a Unix timestamp writes them: from 2001-09-09 (1,000,000,000) to 2286; a shorter number is a year
# or a count, no date.
_EPOCH_SECONDS = re.compile(r"[1-9]\d{9}")


# ... or a site template's placeholder left in (a tester's handbook page cited "https://your-docusaurus-site.example.com/
# docs/chapter-01", Docusaurus's default; "yourdomain.com").
_LOCAL_URL = re.compile(r"^\s*(?:https?:)?//(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1\]|"
                        r"(?:[\w-]+\.)?your[-_]?(?:[\w-]*[-_])?(?:site|domain|website|blog|project|org)\.[\w.-]+)(?:[:/?#]|$)", re.I)


def _without_site(title: str, site: str) -> str:
    """A page title without the site's name it carries ("Finding field jobs · I'm a Chordata!" of the site "I'm a
    Chordata!"): the name is shown beside the title already. A title that is only the site's name stays."""
    if not site.strip() or not title:
        return title
    name = re.escape(site.strip())
    short = re.sub(rf"^\s*{name}\s*[|·•:–—-]+\s*|\s*[|·•:–—-]+\s*{name}\s*$", "", title, flags=re.I)
    return short if short.strip() else title


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, once it is known to be a regular file (not a link), not empty and not too large."""
    if path.is_symlink():
        raise ArticleError(path, "it is a symbolic link; copy the article itself instead")
    if not path.exists():
        raise ArticleError(path, "no such file")
    if not path.is_file():
        raise ArticleError(path, "it is not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise ArticleError(path, "the file is empty")
    if size > max_bytes:
        raise ArticleError(path, f"the file is too large ({size:,} bytes; the limit is {max_bytes:,})")
    return path.read_bytes()


# A whole Markdown file inside one fence marked as Markdown ("```markdown", front matter and all): a page copied
# with the fence of the chat or the docs it came from (a tester's adjuster licensing reference quoted "### Reciprocal
# Agreements" as text); or its text, with a line or two above the fence (a transcript's "From: ..." under its front
# matter, whose headings were quoted as "## Facing ..."). Not a fence showing Markdown as an example inside a page.
_WHOLE_FENCE = re.compile(r"\A((?:[^\n]*\n){0,8}?)[ \t]*(`{3,}|~{3,})[ \t]*(?:markdown|md|mdx)[ \t]*\n(.*)\n[ \t]*\2\s*\Z",
                          re.S | re.I)
UNFENCED_LINES_BEFORE = 3  # lines of text above the fence, at most: then the fence holds the page


def _unfenced(raw: str) -> str:
    m = _WHOLE_FENCE.match(raw)
    if not m or re.search(rf"^[ \t]*{re.escape(m[2])}[ \t]*$", m[3], re.M):
        return _markdown_fences_unfenced(raw)  # not one fence around the whole file: a closing fence inside it ends it earlier
    if sum(1 for line in m[1].split("\n") if line.strip()) > UNFENCED_LINES_BEFORE:
        return raw
    return m[1] + m[3] + "\n"


_MARKDOWN_FENCE_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,})[ \t]*(?:markdown|md)[ \t]*", re.I)


def _markdown_fences_unfenced(raw: str) -> str:
    """`raw` with its fences marked as Markdown read as their text, where they hold most of the page ("```markdown" around
    each section of a tester's experience guide, twenty of them: its answers were refused as code); a few examples of
    Markdown in a page about writing it stay code. A line at a time: linear."""
    if "```" not in raw and "~~~" not in raw:
        return raw
    lines, out, inside, opened = raw.split("\n"), [], 0, None
    for line in lines:
        if opened is None and (m := _MARKDOWN_FENCE_OPEN.fullmatch(line)):
            opened = (m[1], len(out))
            continue
        if opened is not None and line.strip().startswith(opened[0][0] * 3) and set(line.strip()) == {opened[0][0]} \
                and len(line.strip()) >= len(opened[0]):
            opened = None
            continue
        inside += opened is not None and bool(line.strip())
        out.append(line)
    if opened is not None:  # an unclosed fence runs to the end, as Markdown reads it: left as it was
        return raw
    return "\n".join(out) if inside * 2 >= sum(1 for line in lines if line.strip()) else raw


def _extract(path: Path, kind: str, data: bytes) -> tuple[str, dict]:
    """The text of a file of `kind`, markup still in it, and the metadata its format carries."""
    if kind == "pdf":
        return _read_pdf(path, data)
    raw = _decode(path, data, html=kind == "html")
    if kind == "markdown":
        raw = _unfenced(raw)
    header = _AT_HEADER.match(raw) if kind in ("html", "markdown", "text") else None
    if header:
        # A blog engine's header lines ("@title Advice for indies", "@pubDate Fri Nov 14 16:15:45 -0800 2008"): its
        # metadata, not text (a tester's saved posts quoted "@dbid 3564 @title Can you make money?").
        fields = {k.lower(): v.strip() for k, v in _AT_LINE.findall(header[0])}
        raw = raw[header.end():]
        if kind == "html":
            return _read_html(path, raw, {"title": fields.get("title", ""), "date": fields.get("pubdate") or fields.get("date", "")})
    if kind == "html":
        return _read_html(path, raw)
    if kind == "rst":
        return _read_rst(path, raw)
    # A template's import line above the front matter ("{% from 'quote.j2' import quotesource %}", a Pelican post)
    # renders nothing: left there, the front matter was read as text and the title and date were lost.
    raw = _TEMPLATE_PREAMBLE.sub("", raw, count=1)
    text, meta = _read_markdown(path, raw) if kind == "markdown" or raw.startswith("---") else (raw, {})
    if not text.strip():
        # A CMS that keeps a post's body in its front matter ("content: >-", Netlify CMS's): a tester's theatre post
        # was refused as holding no article text.
        text = next((v.strip() for k in ("content", "body") if isinstance(v := meta.get(k), str) and v.strip()), text) \
            or ("" if _front_matter_answers(meta) else _front_matter_prose(meta))
    faq = "\n\n".join(filter(None, (_front_matter_answers(meta), _front_matter_facts(meta))))
    if faq:
        text = f"{text.rstrip()}\n\n{faq}" if text.strip() else faq
    if header and not meta:
        meta = {"title": fields.get("title", ""), "date": fields.get("pubdate") or fields.get("date", "")}
    # (Not a reader service's header, "Title:" over "URL Source:", read whole by _reader_copy: a tester's saved pages
    # quoted "URL Source: ..." and "Markdown Content:" as their text.)
    header = _METADATA_HEADER.match(text) if not meta and not _READER_HEADER.match(text.lstrip()) else None
    if header and re.search(r"^[ \t]*(?:title|date)[ \t]*:", header[0], re.I | re.M):
        # Pelican's and MultiMarkdown's metadata lines, no fences ("title: PhD Grad School Advice", "category:
        # resources", a blank line): a tester's .txt article read them as its first sentence and lost its title.
        meta = {k.lower(): v.strip() for k, v in _METADATA_LINE.findall(header[0])}
        text = text[header.end():]
    return _reader_copy(text, meta)


def _front_matter_prose(meta: dict) -> str:
    """The prose a page's template keeps in its front matter, in order, each field a paragraph under the heading field
    before it ("aboutTitle: About B.Sc. Forensic Science" over "aboutDescription: Because of the expanding reach ...": a
    tester's university pages were refused as holding no text); "" when no field holds a sentence."""
    out: list[str] = []
    title = " ".join(str(meta.get("title") or "").split()).lower()
    for key, value in meta.items():
        if not isinstance(value, str) or key in DATE_KEYS or key != key.lower() and key.lower() in meta:
            continue  # (a key written in capitals is read once, as its lower-case copy)
        words = " ".join(value.split())
        if len(words.split()) >= MIN_PROSE_WORDS and words[-1:] in ".!?":
            out.append(words)
        elif key.endswith(("title", "heading")) and key != "title" and 0 < len(words.split()) <= 12 and words.lower() != title:
            if out and out[-1].startswith("## "):
                out.pop()  # a heading over no prose
            out.append(f"## {words}")
    while out and out[-1].startswith("## "):
        out.pop()
    return "\n\n".join(out) if any(not p.startswith("## ") for p in out) else ""


MIN_PROSE_WORDS = 8  # a front matter field this long, ending a sentence, is prose (hand-set: a description, not a label)


def _front_matter_answers(meta: dict) -> str:
    """The questions and answers a page keeps in its front matter, as sections: a pair at the top ("question:",
    "answer:", a Q&A site's pages, refused as having no text) or a list of them ("faq: - question: ... answer: ...",
    shown on the page as its FAQ; a tester's wedding prices were never found). "" when it keeps none."""
    pairs = [meta] + [item for value in meta.values() if isinstance(value, list) for item in value[:MAX_FRONT_ANSWERS]]
    out = []
    for item in pairs:
        if isinstance(item, dict):
            asked, said = item.get("question") or item.get("q"), item.get("answer") or item.get("a")
            if isinstance(asked, str) and isinstance(said, str) and asked.strip() and said.strip():
                # A folded scalar keeps "\n" as written: the page's own line breaks.
                out.append(f"## {' '.join(asked.split())}\n\n{said.strip().replace(chr(92) + 'n', chr(10))}")
    return "\n\n".join(out)


MAX_FRONT_ANSWERS = 50  # questions read from one front-matter list


def _front_matter_facts(meta: dict) -> str:
    """The facts a job board keeps in a posting's fields and shows on its page ("salary = "$99,000 - $107,800 ...",
    "location", "closing_date", "b_benefits", "aa_degrees_required"), as a section of labelled items, when there are
    two or more; "" otherwise. Two testers' postings were answered with other jobs' pay: the fields were never read."""
    items = []
    for key, value in meta.items():
        words = [w for w in re.split(r"[\W_]+", str(key).lower()) if len(w) > 2]
        if not set(words) & _FACT_WORDS or set(words) & _NOT_FACT_WORDS or key != key.lower() and key.lower() in meta:
            continue
        if isinstance(value, list):
            value = ", ".join(str(v).strip() for v in value if isinstance(v, (str, int, float)) and str(v).strip())
        value = " ".join(str(value).replace("\u200b", "").split()) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
        if value and value.lower() not in ("none", "null", "n/a") and "://" not in value and len(value) <= MAX_FACT_CHARS:
            items.append(f"- {' '.join(words).capitalize()}: {value}")
    return "## Details\n\n" + "\n".join(items) if len(items) >= 2 else ""


# The words of a field's name that say it holds a fact a job seeker asks about (general English, no one board's).
_FACT_WORDS = frozenset("salary pay wage wages compensation rate location benefits deadline closing hours schedule degree degrees "
                        "education experience requirements qualifications organization employer company job".split())
_NOT_FACT_WORDS = frozenset("url link image thumbnail slug path layout template feedback sort".split())
MAX_FACT_CHARS = 500


_AT_HEADER = re.compile(r"\A\s*(?:@[A-Za-z]\w{0,30}[ \t]+[^\n]{0,300}\n){2,12}")
_AT_LINE = re.compile(r"^\s*@([A-Za-z]\w{0,30})[ \t]+([^\n]*)", re.M)
# Any key a post gives itself ("description:", "thumbnail:", a tester's Pelican post whose header was quoted as text),
# where a title or a date is among them (checked where it is read).
_METADATA_KEYS = r"(?:[A-Za-z][\w-]{0,30})"
# A line of up to 2,000 characters: a Pelican "Summary:" runs long (a tester's, of 330, left the whole header as text).
_METADATA_HEADER = re.compile(rf"\A\s*(?:{_METADATA_KEYS}[ \t]*:[^\n]{{0,2000}}\n){{1,12}}[ \t]*\n", re.I)
_METADATA_LINE = re.compile(rf"^[ \t]*({_METADATA_KEYS})[ \t]*:([^\n]*)", re.I | re.M)


# A page saved by a reader service (r.jina.ai): "Title: ...", "URL Source: ...", maybe "Published Time: ...", then
# "Markdown Content:" and the page. A tester's crawl held it under its own heading ("# Original Content"), twice.
_READER_HEADER = re.compile(r"^Title:[ \t]*(\S[^\n]{0,300})\n\s*URL Source:[ \t]*(\S{1,2000})[ \t]*\n\s*"
                            r"(?:Published Time:[ \t]*(\S[^\n]{0,100})\n\s*)?Markdown Content:[ \t]*\n", re.M)


def _reader_copy(text: str, meta: dict) -> tuple[str, dict]:
    """`text` and `meta` of a page a reader service saved: its header lines are the page's title, address and date
    (the file's own front matter wins), not its text; what comes before them is no more than a heading, and a second
    copy of the page after the first goes. Anything else is returned as it is."""
    first = _READER_HEADER.search(text)
    if first is None or re.search(r"[^\s#]", re.sub(r"^#{1,6}[ \t][^\n]*$", "", text[: first.start()], flags=re.M)):
        return text, meta
    again = _READER_HEADER.search(text, first.end())
    body = text[first.end(): again.start() if again and again[1] == first[1] else len(text)]
    found = {"title": first[1].strip(), "url": first[2], "date": (first[3] or "").strip()}
    return body.strip(), {**{k: v for k, v in found.items() if v}, **{k: v for k, v in meta.items() if v}}


_TEMPLATE_PREAMBLE = re.compile(r"\A(?:[ \t]*\{[%#][^{}\n]{0,300}[%#]\}[ \t]*\n){1,20}(?=-{3,}[ \t]*\n)")


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")


_NUMBERED_KEY = re.compile(r"(?:episode|ep|chapter|part|lesson)[ \t]*#?[ \t]*\d{1,4}", re.I)


_PART_TITLES = ("lesson_title", "page_title", "article_title", "episode_title", "topic_title", "unit_title", "chapter_title",
                "section_title")
_PLACEHOLDER_TITLE = re.compile(r"(?:test(?:ing)?|untitled|draft|title|new post|my post|placeholder|lorem ipsum|todo|tbd|asdf)"
                                r"(?:[ \t_-]?\d{1,3})?", re.I)


def _front_title(meta: dict):
    """The front matter's title: its own field, or one a site generator nests a level down ("meta: title: Burnout")."""
    title = meta.get("title")
    if isinstance(title, str) and _SLUG.fullmatch(title) and isinstance(meta.get("heading"), str):
        return meta["heading"]  # a theme's shown title beside a slug ("title: surviving-the-pre-tenure-years")
    if isinstance(title, str) and _PLACEHOLDER_TITLE.fullmatch(title.strip()):
        return ""  # a template's title left in ('title: "test"', a tester's post: "[1] test" in every source line)
    if title is not None:
        return title
    if isinstance(meta.get("post_title"), str):
        return meta["post_title"]  # a WordPress export's ("post_title: How I became a Technical Evangelist")
    # ... an episode's, its number the key ("EPISODE #079: Navy Nuclear Engineer to Civilian Power Plant - ...": a
    # tester's podcast script was titled by its file's name)
    numbered = next((v for k, v in meta.items() if isinstance(v, str) and v.strip() and _NUMBERED_KEY.fullmatch(str(k).strip())), None)
    if numbered is not None:
        return numbered
    # ... or its most particular part's ("lesson_title: Fitness Industry Employment Landscape" beside "chapter_title" and
    # "section_title", a course's pages: a tester's were titled "Content" and by their files' names)
    part = next((meta[k] for k in _PART_TITLES if isinstance(meta.get(k), str) and meta[k].strip()), None)
    if part is not None:
        return part
    nested = next((v["title"] for v in meta.values() if isinstance(v, dict) and isinstance(v.get("title"), str)), None)
    # ... or a page's "name" of four words or more, never a person's ("name: Apply for Your Mortuary Practitioner License,
    # if Applicable": two testers' state licensing pages were titled by their file names)
    name = meta.get("name")
    return nested if nested is not None or not isinstance(name, str) or len(name.split()) < 4 else name


def _meta_text(value, limit: int = MAX_META_CHARS) -> str:
    """A metadata value (front matter, HTML or PDF fields) as text cut to `limit`; "" for a list, a mapping,
    bytes or nothing. Does not check what the text says."""
    if not value or not isinstance(value, (str, int, float, datetime.date)) or isinstance(value, bool):
        return ""  # a flag ("published: true", Jekyll's) is no title, site or date
    return str(value)[:limit]


# A line's first MIN_WORDS - 1 words, each with the character after it: a sentence stop after that on the same
# line makes a sentence. Anchored at line starts and unambiguous (\w+ and [^\w\n]+ never overlap), so each line
# is read once; "(?:\w+\W+){3}\w*[^\n]*[.!?]" searched a stop-less line from
# every word and took 48 s on 40 KB of "word word ...".
_SENTENCE_START = re.compile(r"^[^\w\n]*(?:\w+[^\w\n]+){%d}\w+[^\w\n]" % (MIN_WORDS - 2), re.M)


def _has_sentence(text: str) -> bool:
    """True when a line holds MIN_WORDS - 1 words, each followed by a space or punctuation, and after them a
    . ! or ? ("Four words here." or "One two three ."), as the one regex used to decide; or when MIN_LIST_LINES lines
    hold MIN_WORDS words or more without one: a page that is a list ("- A minimum of three years of full-time work
    experience", a licence's requirements; "Willingness to think beyond the box", an architect's qualities) is an
    article. Two testers' builds were refused whole for one such page. A menu's short lines ("About us") are not."""
    long_lines = 0
    for m in _SENTENCE_START.finditer(text):
        end = text.find("\n", m.end())
        line_rest = text[m.end() : end if end >= 0 else len(text)]
        if "." in line_rest or "!" in line_rest or "?" in line_rest:
            return True
        long_lines += bool(re.search(r"\w", line_rest))
    return long_lines >= MIN_LIST_LINES


# Characters that change how a name is shown or read: bidirectional controls (after U+202E, "notes" + "dm.txt"
# shows as "notestxt.md"), and control characters and line separators (a line break splits error lines).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(ch: str) -> bool:
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def _shown(path: Path) -> str:
    """The path with unsafe characters written as \\uXXXX, so an error about it stays one honest line."""
    return "".join(f"\\u{ord(c):04x}" if _unsafe(c) else c for c in str(path))


def _check_name(path: Path) -> None:
    """Refuse a file name that is not UTF-8, hides or reorders characters, or reads as a command-line option.
    Does not look at the file."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise ArticleError(path.name.encode("utf-8", "replace").decode(), "its file name is not valid UTF-8; rename it") from None
    bad = next((c for c in path.name if _unsafe(c)), None)
    if bad is not None:
        reason = f"its file name contains the invisible control character U+{ord(bad):04X}; rename the file"
        raise ArticleError(_shown(path), reason)
    if path.name.startswith("-"):
        # In corpus/, "rm *" or "ls *" would take "-rf.md" for options.
        raise ArticleError(path, "its file name starts with '-', which commands read as an option; rename the file")


def _decode(path: Path, data: bytes, html: bool = False) -> str:
    """The file's text: UTF-8 (or UTF-16 with its mark). A web page that is not UTF-8 is read as a browser reads it: in
    the charset it declares, else Windows-1252 (the HTML standard's fallback for pages in Western languages; a tester's
    fire district FAQ was refused and stopped a whole build)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Windows Notepad's "Unicode")
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(path, "it starts as UTF-16 text but is not valid UTF-16; save it as UTF-8") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "it looks like a binary file, not text")
    try:
        return _unmangled(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        if html:
            declared = _CHARSET.search(data[:4096])
            try:
                return data.decode(declared[1].decode("ascii") if declared else "cp1252", errors="replace")
            except LookupError:  # a charset Python does not know: the fallback
                return data.decode("cp1252", errors="replace")
        raise ArticleError(path, f"it is not UTF-8 text (bad byte at position {e.start}); save it as UTF-8") from None


def _unmangled(text: str) -> str:
    """`text` with what was decoded twice over repaired: "isnâ€™t" for "isn’t", UTF-8 read as Windows-1252 and saved
    again (a tester's nutrition post quoted it so). Only that: quotes, dashes and line breaks stay as written."""
    if not _MANGLED.search(text):
        return text
    import ftfy

    return ftfy.fix_text(text, unescape_html=False, fix_line_breaks=False, uncurl_quotes=False, fix_latin_ligatures=False,
                         fix_character_width=False, normalization=None, explain=False)


# ... and that again read as the DOS code page ("can├óΓé¼Γäót" for "can’t", a tester's 2007 blog post).
_MANGLED = re.compile("[ÂÃâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|├[óéâ]Γ|Γ[Çéä]")


_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset=[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)


class YAMLAliasError(ValueError):
    """YAML that uses an alias (*name), which load_yaml refuses."""


class _NoAliasLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses aliases. safe_load expands every `*name` into a copy of its anchored node, so a
    few nested aliases make gigabytes (a 389-byte front matter took 3 GB); no metadata needs them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            where = f"*{event.anchor}, line {event.start_mark.line + 1}"
            raise YAMLAliasError(f"uses a YAML alias ({where}); write the value out instead")
        return super().compose_node(parent, index)


class _TextDateLoader(_NoAliasLoader):
    """_NoAliasLoader that leaves timestamps as the text they are written as."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _NoAliasLoader.yaml_implicit_resolvers.items()}


def load_yaml(text: str):
    """One YAML document as plain data: yaml.safe_load, but an alias raises YAMLAliasError. A timestamp YAML cannot
    read (a "+42:00" offset, a 30 February) is kept as its text, as a quoted one is. Text that is not YAML raises
    yaml.YAMLError, or ValueError or RecursionError (thousands of nested brackets)."""
    for kind in (_NoAliasLoader, _TextDateLoader):
        loader = kind(text)
        try:
            return loader.get_single_data()
        except ValueError as e:
            # A bad date refused the whole page (and the whole build) as "not valid YAML" naming another cause.
            if isinstance(e, YAMLAliasError) or kind is _TextDateLoader:
                raise
        finally:
            loader.dispose()


# Front matter is a first line of ---, YAML, and a line of --- (python-frontmatter's boundary, so files split
# as they always have).
_FRONT_MATTER = re.compile(r"^-{3,}\s*$", re.M)
_GLUED_CLOSING = re.compile(r"-{3,}[ \t]*\n(?:(?!-{3})[^\n]*\n){0,200}?(-{3,})(?=#)")
_MARKDOWN_COMMENT_LINE = re.compile(r"^\[//\]:[ \t]*#[^\n]*\n?", re.M)
_TOML_FRONT_MATTER = re.compile(r"^\+{3}\s*$", re.M)  # Hugo's other kind: TOML between +++ lines
_TOML_OPENING_GLUED = re.compile(r"\A\+{3}[ \t]+(?=[\w\"]+[ \t]*=[^\n]*\n(?:[^\n]*\n)*?\+{3}[ \t]*$)", re.M)
_PROPERTY = re.compile(r"^([\w-]{1,60})::[ \t]*([^\n]*?)[ \t]*$", re.M)
_PROPERTY_BLOCK = re.compile(r"(?:[ \t]*(?:[\w-]{1,60}::[^\n]*)?\n)*[ \t]*[\w-]{1,60}::[^\n]*")


def _read_markdown(path: Path, raw: str) -> tuple[str, dict]:
    """Markdown's text and its front matter's fields; text without front matter is returned stripped."""
    text = raw.strip()
    # A closing fence with the text run onto it ("---# Combat Medic to PA School"): the front matter ends there, not
    # at a rule hundreds of lines on (a tester's article was refused as 32,062 characters of front matter).
    glued = _GLUED_CLOSING.match(text)
    if glued:
        text = f"{text[:glued.end(1)]}\n{text[glued.end(1):]}"
    # ... and an opening TOML fence with its first field run onto it ("+++ date = 2023-08-03T07:00:00Z", a tester's job ads
    # were titled by their file names and their fields read as text).
    text = _TOML_OPENING_GLUED.sub("+++\n", text, count=1)
    # Blank lines before the opening fence are no text (a tester's Hugo post opened on one: its TOML was indexed).
    fence = next((f for f in (_FRONT_MATTER, _TOML_FRONT_MATTER) if f.match(text)), None)
    parts = fence.split(text, 2) if fence else []
    if not fence and _FIELD_FIRST.match(text):
        parts = _without_opening_fence(text)
    if len(parts) < 3:  # no closing ---: the whole file is text
        return text, {}
    _, block, body = parts
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise ArticleError(path, f"its front matter is too long ({len(block):,} characters; the limit is "
                           f"{MAX_FRONT_MATTER_CHARS:,}): keep title, site, url and date there")
    if fence is _TOML_FRONT_MATTER:
        import tomllib

        try:
            data = tomllib.loads(block)
        except tomllib.TOMLDecodeError:
            raise ArticleError(path, "its front matter (between +++ lines) is not valid TOML") from None
        return body.strip(), _with_lowercase_keys(data)
    if _PROPERTY_BLOCK.fullmatch(block.strip("\n")):
        # Logseq/Dataview properties ("title:: SEO Career Paths: From Coordinator to VP"): no YAML, whose reader
        # refused every such file with a colon in a value, and read "title:" as the key of the others.
        return body.strip(), _with_lowercase_keys(dict(m.groups() for m in _PROPERTY.finditer(block)))
    # A Markdown comment among the fields ("[//]: # every post needs a category ...", a Jekyll theme's template): no
    # YAML, and a tester's post was refused for it.
    block = _MARKDOWN_COMMENT_LINE.sub("", block)
    try:
        data = load_yaml(block)
    except YAMLAliasError as e:
        raise ArticleError(path, f"its front matter {e}") from None
    except Exception as e:  # malformed YAML comes in several types: name the file, do not guess
        # ... but a tab indenting a value is what an editor typed for spaces (a tester's "description: |" over a tabbed
        # line stopped the whole build, told to quote a value holding ': ')
        data = _tabs_as_spaces(block) if "\t" in block else None
        if data is not None:
            return _PAGE_VALUE.sub(lambda m: _page_value(m, data), body.strip()), data
        # ... unless every line is a plain "key: value" (a blog engine's "title: Going Pro: A Year Later", a colon in
        # the value: YAML refuses it, the engine did not; a tester's build stopped at it).
        data = _plain_fields(block)
        if data is None:
            raise ArticleError(path, f"its front matter is not valid YAML ({type(e).__name__}): put a value holding "
                               "': ' in quotes") from None
    data = _with_lowercase_keys(data) if isinstance(data, dict) else {}
    return _PAGE_VALUE.sub(lambda m: _page_value(m, data), body.strip()), data


# Front matter without its opening fence, "title:" or "date:" first and a rule of dashes after it (a tester's Hexo posts:
# "title: Tips to ...", "date: 2016-06-10 18:35:14", "tags:" ... "----------"; its fields opened an answer, its date lost).
_FIELD_FIRST = re.compile(r"(?:title|date)[ \t]*:[ \t]*\S", re.I)


def _without_opening_fence(text: str) -> list[str]:
    """["", block, body] when `text` opens on front matter whose opening fence is left out, else []: the block up to
    the first rule of dashes, read only when it is YAML whose fields name its title or date."""
    closing = _FRONT_MATTER.search(text, 0, MAX_FRONT_MATTER_CHARS)
    if not closing:
        return []
    try:
        data = load_yaml(text[: closing.start()])
    except Exception:
        return []
    if not isinstance(data, dict) or not {"title", "date"} & {str(k).lower() for k in data}:
        return []
    return ["", text[: closing.start()], text[closing.end():]]


# A heading that is a Liquid output tag reading the page's own front matter ("<h1>{{page.slide_title}}</h1>", a Jekyll
# slide deck a tester's library listed and cited as "{{page.slide_title}}"): rendered with that value, as Jekyll does.
# Elsewhere such a tag is a label's value ("Updated: {{ page.updated_date }}"), which goes with its label.
_PAGE_TAG = r"\{\{-?[ \t]*page\.([A-Za-z_][\w-]{0,60})[ \t]*(?:\|[^{}\n]{0,100})?-?\}\}"
_PAGE_VALUE = re.compile(rf"(?<=<h[1-6]>){_PAGE_TAG}(?=</h[1-6]>)|(?<=^# ){_PAGE_TAG}[ \t]*$", re.M | re.I)


def _page_value(m: re.Match, data: dict) -> str:
    value = data.get(m[1] or m[2])
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else m[0]


def _tabs_as_spaces(block: str) -> dict | None:
    """Front matter's fields read with each tab that indents a line as four spaces, or None when that reads as no
    mapping either."""
    try:
        data = load_yaml(re.sub(r"(?m)^[ \t]+", lambda m: m[0].replace("\t", "    "), block))
    except Exception:
        return None
    return _with_lowercase_keys(data) if isinstance(data, dict) else None


# A key may hold spaces and a "#" ("TARGET LENGTH: 16-18 minutes", "EPISODE #080: Air Force Pararescue to ...": YAML
# reads " #080..." as a comment, and a tester's whole build stopped at that podcast script).
_PLAIN_FIELD = re.compile(r"([A-Za-z_][\w #.-]{0,60}?)[ \t]*:(?:[ \t]+(.*))?")


def _plain_fields(block: str) -> dict | None:
    """Front matter of "key: value" lines, each value the text after the first colon (quotes around it dropped); a
    line without a key after one goes on its value. None when the first line is no field, or YAML's own syntax that
    does not parse ("title: [unclosed")."""
    data, last = {}, None
    for line in block.splitlines():
        if not line.strip():
            continue
        m = _PLAIN_FIELD.fullmatch(line.rstrip())
        if not m and last is not None and isinstance(data[last], str):
            # A value wrapped onto an unindented line (a web clipper's "author: By" over "Will Kenton"): YAML refuses
            # it and a tester's article was left out, its build told to quote a value holding ': '.
            data[last] = f"{data[last]} {line.strip()}".strip()
            continue
        if not m:
            return None
        last = m[1]
        value = (m[2] or "").strip()
        if value[:1] in tuple("[{&*!|>%@`"):
            try:
                load_yaml(line)
            except Exception:
                return None
        data[m[1]] = value.strip("\"'")
    return data or None


def _with_lowercase_keys(data: dict) -> dict:
    """Front matter with each key also under its lowercase name: Pelican writes "Title:" and "Date:", freeCodeCamp
    "originalURL:"; the names as written stay (a key written in both cases keeps its lowercase value)."""
    return {**{k.lower(): v for k, v in data.items() if isinstance(k, str)}, **data}


# A list after loose text that ends in ":" has its first item run onto that line ("... the following components: - General
# Chairside", then "- Radiation Health and Safety" on a line of its own): the item opens its own line.
_GLUED_FIRST_ITEM = re.compile(r":[ \t]+- (?=[^\n]{1,300}\n- )")
# A step's label set above its heading ("<div>Step 2</div><h5>Complete an externship</h5>") is part of the heading:
# alone, it ended the section before as a line of its own ("Step 2", a chunk of one line in a tester's dental page).
_LABELLED_HEADING = re.compile(r"^((?:Step|Part|Phase|Stage|Module|Week|Day|Tip)[ \t]+\d{1,3})[ \t]*\n(\n?)(#{1,6})[ \t]+([^\n]+)$",
                               re.M)
_LINK_PARAGRAPH = re.compile(r"(<p\b[^<>]{0,300}>\s*)<a\b[^<>]{0,2000}>([^<>]{1,300})</a>(\s*</p>)", re.I)
# ... and a list whose every item is one link, after a lead-in that announces it ("Teagasc offers 4 different
# apprenticeship programmes:" over "Farm manager", "Farm technician", ...): the list is the article's, not a menu
# (trafilatura dropped two testers' as link-dense, and the lead-in was quoted ending on its colon).
_LINKED_LIST = re.compile(r"(?<=:)(\s*(?:</(?:p|li|div|span|strong|b)>\s*)?<(ul|ol)\b[^<>]{0,300}>)((?:\s*<li\b"
                          r"[^<>]{0,300}>\s*<a\b[^<>]{0,2000}>[^<>]{1,300}</a>\s*</li>){1,50}\s*</\2>)", re.I)
# A heading given twice over nothing (a wiki's heading, found in the page and in trafilatura's text): once.
_REPEATED_HEADING = re.compile(r"^(#{1,6}[ \t][^\n]{1,300})\n+\1$", re.M)
_ANCHOR_TAG = re.compile(r"</?a\b[^<>]{0,2000}>", re.I)
_LISTS_NO_TEXT = re.compile(r"\b(?:tags?|categories|category|filed under|topics|labels|share(?: this)?|follow us)\s*(?:<[^<>]{0,100}>\s*)?:$",
                            re.I)  # the page's furniture ("Tags:" over its tag links), not the article's

# Text that no block holds, between a block and a list ("</ul> Recommended Questions to Ask: <ul>", "<b>Design</b>
# <ul>" after a list inside a <p>, which a browser closes): trafilatura dropped it, and a tester's questions to ask an
# interviewer read as questions to answer, every job title as one under "Administration". It is a paragraph.
_LOOSE_LEAD_IN = re.compile(r"(</(?:ul|ol|p|div|table)>)([ \t\n]*)((?:<(?:b|strong)>)?[^<>\s][^<>]{0,199}?(?:</(?:b|strong)>)?)"
                            r"(?=[ \t\n]*<(?:ul|ol)\b)", re.I)
# ... and so, once that is one, is the text after a list that closes the block ("</ul> These are discussed below.
# </div>"), which trafilatura then dropped.
_LOOSE_TAIL = re.compile(r"(</(?:ul|ol)>)([ \t\n]*)([^<>\s][^<>]{0,299}?)(?=[ \t\n]*</(?:div|section|article)>)", re.I)
_OVERLONG_HEADING = re.compile(rf"^#{{1,6}}[ \t]+(?=[^\n]{{{MAX_HEADING_CHARS - 1}}})([^\n]*)$", re.M)


def _read_html(path: Path, raw: str, front: dict | None = None, quotes: bool = True) -> tuple[str, dict]:
    import trafilatura

    if len(raw) > MAX_HTML_CHARS:
        raise ArticleError(path, f"the page is too large to read ({len(raw):,} characters of HTML; the limit is "
                           f"{MAX_HTML_CHARS:,}): save the article's text as .md or .txt and add that")
    # A Jekyll page may be HTML under front matter: its title and date are the page's ("Parth's FAQs", not the
    # first section's heading "My Background").
    front = {k: v for k, v in (front or {}).items() if v}
    if _FRONT_MATTER.match(raw.lstrip()):
        raw, front = _read_markdown(path, raw)
    # A paragraph that is one link is text (a certification's name over what is said of it: trafilatura dropped
    # "(ISC)2 SSCP", and its paragraph read as the one before's); a menu's links are list items, left as they are.
    # A server page's tags ("<%@ page contentType=... %>", JSP's, ASP's, ERB's) render no words (a tester's saved .jsp).
    # ... and a title the server writes is none ("<title><?php echo ...; ?> @ <?php ...; ?> Blogs</title>" titled a
    # tester's page "@ Blogs").
    raw = _SERVER_TITLE.sub("", raw)
    page = _LINK_PARAGRAPH.sub(r"\1\2\3", _PERMALINK.sub("", _ERB_TAG.sub("", _PHP_BLOCK.sub("", without_razor(raw)))))
    page = _HTML_HEADING_BLOCK.sub(_without_popup_link, page)
    if len(_CONTENT_CLASS.findall(page)) > 1:
        # Blocks each classed "content" (an FAQ accordion's answers, each under its question): trafilatura takes the
        # first such block for the page's text, and a tester's CDL school FAQ kept one answer of eight.
        page = _CONTENT_CLASS.sub(r"\1part\1", page)
    page = _QUESTION_BLOCK.sub(r"<h4>\2</h4>", _MESSAGE_CLASS.sub(r"\1note-box\1", page))
    page = _HTML_NOTE_BACK.sub("", _HTML_NOTE_MARK.sub("", page))
    page = _LINKED_LIST.sub(lambda m: m[0] if _LISTS_NO_TEXT.search(m.string, max(0, m.start() - 40), m.start())
                            else m[1] + _ANCHOR_TAG.sub("", m[3]), page)
    page = _quoted_blocks(page) if quotes else page
    page = _headed_items(_ITEM_NUMBER_SPAN.sub(r"\1", page))
    page = _LOOSE_TAIL.sub(r"\1\2<p>\3</p>", _LOOSE_LEAD_IN.sub(r"\1\2<p>\3</p>", page))
    if not re.search(r"<body\b", page, re.I):
        # A fragment (a template's view, a snippet saved from a page): trafilatura finds no text outside a <body>, nor
        # the text a fragment opens with before its first tag, unless a block holds it (a Blogger post's first
        # paragraph, "Trying to switch careers ...<br />", was lost).
        # A template's directive on a line of its own ("@extends('layout.master')", Blade's) renders no words.
        page = f"<html><body><div>{_TEMPLATE_DIRECTIVE.sub('', page)}</div></body></html>"
    html = tables.html_tables(_collapse_whitespace(_loose_text_held(page)))
    try:
        doc = trafilatura.bare_extraction(
            html, include_formatting=True, with_metadata=True, output_format="python", favor_recall=True,
            prune_xpath=[_NOT_SHOWN, _COOKIE_NOTICE],
            # A date only where the page gives one (its metadata, a <time> element): searched for in the text, it
            # was a footer's "Copyright 2024" read as 2024-01-01.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if doc is None or not _has_sentence(doc.text or ""):
            # A page whose text sits in collapsed panels ("display: none" until clicked: an agency's FAQ accordion)
            # is read with them: without, a tester's FAQ was refused as holding no sentence.
            doc = trafilatura.bare_extraction(
                html, include_formatting=True, with_metadata=True, output_format="python", favor_recall=True,
                prune_xpath=[_COOKIE_NOTICE], date_extraction_params={"extensive_search": False, "original_date": True})
        panels = _tab_panels(html)
        if doc is not None and panels:
            # Each tab read on its own: the page's extractor keeps one block of text, one tab of nine.
            read = [trafilatura.bare_extraction(p, include_formatting=True, output_format="python", favor_recall=True,
                                                prune_xpath=[_NOT_SHOWN, _COOKIE_NOTICE]) for p in panels]
            doc.text = "\n\n".join(r.text for r in read if r is not None and (r.text or "").strip()) or doc.text
    except Exception as e:
        raise ArticleError(path, f"the HTML could not be parsed ({type(e).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise ArticleError(path, "no article text was found in the HTML")
    shown = _drop_comments(raw)  # a heading left in a comment ("<!-- <h1>RESPONSIVE HEADER</h1> -->") titles nothing
    title = _razor_title(raw) or _page_title(shown, doc.title or "", doc.text)
    own, site = _site_part(next(iter(_headings(_TITLE, shown)), (0, ""))[1], shown)
    title = own if site else title
    title = "" if _APP_SCREEN.fullmatch(title.strip()) else title  # the file's name says more than "Admin Panel - Dashboard"
    meta = {"title": title, "sitename": _sitename(doc.sitename or "", raw, title, site) or site, "url": doc.url, "date": _declared(doc.date, raw)}
    front_title = _meta_text(_front_title(front)).strip()
    # A front matter title of a word or three gives way to the page's <h1> that says more ("Facebook RPM").
    meta = {**meta, **{k: v for k, v in front.items() if v}, "title": _said_more(front_title, title) if front_title else title}
    text = _with_items_whole(_with_headings(page, doc.text))
    text = _LABELLED_HEADING.sub(r"\3 \1: \4", _GLUED_FIRST_ITEM.sub(":\n- ", text))
    # A personal site's header kept above the page's <h1> ("## Austin Z. Henley", "I build tools for people", "Home |
    # Publications | Teaching | Blog"): short lines that read as no text, as a printed page's menu (_without_menu).
    bare, _ = _without_menu(text, meta["title"] or "", fewest=2)
    return (bare if bare.startswith("# ") else text), meta


def _declared(date: str | None, raw: str) -> str | None:
    """`date`, unless it is only a date the text writes as it: "As of this writing (2015-02-18), the average total cost
    ..." dated a tester's FAQ page (htmldate reads an ISO date anywhere). A date the page declares, in its head or in
    a tag's attribute, stands, and so does one written otherwise (it cannot be told where it came from)."""
    if not date or date not in raw:
        return date
    head_end = raw.lower().find("</head>")
    declared = date in raw[: max(head_end, 0)] or re.search(rf"""=\s*["'][^"'<>]*{re.escape(date)}|<time\b[^<>]*>\s*{re.escape(date)}""",
                                                            raw, re.I)
    return date if declared else None


# A web application's screen named as a page's title: a tester's hotel article, pasted into an admin template, was
# "Admin Panel - Dashboard" in every citation; an accounting page was "Register", after its sign-up pop-up.
_SCREEN = (r"(?:admin(?:istration)?(?:[ \t]+(?:panel|area|page|dashboard))?|dashboard|log[ \t]?in|sign[ \t]?(?:in|up)|register|"
           r"registration|home(?:[ \t]?page)?|index|untitled(?:[ \t]+document)?|new[ \t]+page|welcome)")
_APP_SCREEN = re.compile(rf"{_SCREEN}(?:[ \t]*[-|–:][ \t]*{_SCREEN}){{0,3}}", re.I)
_TWITTER_HANDLE = re.compile(r"<meta\b[^<>]{0,200}?\bcontent=[\"']@(\w{1,50})[\"']", re.I)
MAX_HEAD_CHARS = 100_000  # how far into a page its <meta> tags are looked for
_TEMPLATE_DIRECTIVE = re.compile(r"^[ \t]*@[A-Za-z]{2,30}(?:\([^()\n]{0,300}\))?[ \t]*$", re.M)


def _sitename(name: str, raw: str, title: str, site: str) -> str:
    """The site's name trafilatura read, unless it is none the site gives itself: its Twitter handle ("@aarondgilmore"
    as "Aarondgilmore"), or the page's own title where the <title> names the site beside it (`site`: "1. Overview of
    Field of Work | The Front End Developer/Engineer Handbook 2024", a tester's citations read "1. Overview of Field of
    Work (1. Overview of Field of Work, ...)")."""
    handles = {h.lower() for h in _TWITTER_HANDLE.findall(raw[:MAX_HEAD_CHARS])}
    if name.lstrip("@").lower() in handles or site and name.strip().lower() == title.strip().lower():
        return ""
    return name


def _with_items_whole(text: str) -> str:
    """trafilatura's text with each list item on one line: a line break inside an item (a `<br>` in an `<li>`) left
    its rest on a line of its own, read as a paragraph ("... Patterns for Building and" / "Maintaining Effective
    Software Projects"). trafilatura sets blocks a blank line apart, so a line right under an item continues it."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced  # code under an item ("Optimize this code ...:" and its listing) stays code
        elif (not fenced and out and line.strip() and ITEM_START.match(out[-1]) and not ITEM_START.match(line)
                and not line.lstrip().startswith(("#", "|"))):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
            continue
        out.append(line)
    return "\n".join(out)


def _site_part(title: str, raw: str) -> tuple[str, str]:
    """(title, site) of a <title> that is the page's own <h1> and the site's name ("Terminology and slang | LSData",
    "Swipe to Unlock - Interview Tips"); (title, "") when no part of it is an <h1> of the page."""
    top = {h.lower(): at for at, h in _headings(_H1, raw)}
    # ... or an <h2> just under an <h1>, where the <h1> is the site's banner ("game, game. repeat." over "Animator
    # Networking", a tester's animation blog: "game, game. repeat. | Animator Networking").
    under = {h.lower(): at for at, h in _headings(_H2, raw) if any(0 < at - a <= TITLE_NAMED_WITHIN for a in top.values())}
    return _title_and_site(title, {**under, **top})


_TITLE_PARTS = re.compile(r"\s+[|·•–—-]\s+")  # "page | site", "site - page"


def _title_and_site(title: str, found: dict[str, int]) -> tuple[str, str]:
    """(title, site) of a "page | site" title where one part is a heading of the page (`found`: lower-cased heading
    text to its place); (title, "") otherwise."""
    parts = _TITLE_PARTS.split(title)
    if len(parts) != 2:
        return title, ""
    # Where both parts are <h1>s, the site's banner comes first ("Lazy Foo' Productions" over the page's heading).
    own = max((i for i, part in enumerate(parts) if part.strip().lower() in found),
              key=lambda i: found[parts[i].strip().lower()], default=None)
    return (parts[own].strip(), parts[1 - own].strip()) if own is not None else (title, "")


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _owner(node):
    """The element a text node stands in: a tail ("<h3>Q</h3>bare words") stands in its element's parent, not in it."""
    return node.getparent().getparent() if node.is_tail else node.getparent()


def _heading_line(text: str, at: int, heading, inner):
    """(where, from `at`, `text` has the line of the heading `inner` stands in, that heading) when it is of a level
    below `heading`'s; (None, that heading) when `text` lacks its line; (None, None) otherwise."""
    sub = inner if inner.tag in _HEADING_TAGS else next((e for e in inner.iterancestors() if e.tag in _HEADING_TAGS), None)
    if sub is None or sub.tag <= heading.tag:
        return None, None
    words = " ".join(sub.text_content().split())
    found = re.compile(r"^#{1,6}[ \t]+" + re.escape(words) + r"[ \t]*$", re.M).search(text, at) if words else None
    return (found.start(), sub) if found else (None, sub)


def _in_heading(element) -> bool:
    return element is not None and (element.tag in _HEADING_TAGS or any(e.tag in _HEADING_TAGS for e in element.iterancestors()))


MAX_HEADING_MISSES = 50
# A list item that opens on a heading ("<li><div class="faq-item"><h4>How long does the hiring process take?</h4>"): an
# FAQ laid out as a list, each question heading its answer.
_HEADED_ITEM = re.compile(r"<li\b[^>]*>\s*(?:<(?:div|span|article|section)\b[^>]*>\s*)*<h[1-6]\b", re.I)


def _headed_items(page: str) -> str:
    """`page` with list items that open on a heading read as sections: the extractor made each "- #### How often does
    Hamilton County 9-1-1 hire ...? Hamilton County 9-1-1 generally hires ..." (a tester's FAQ page), a list item with
    its question's marks in its text and no section of its own. A page without such items is returned as it is."""
    import lxml.etree
    import lxml.html

    if not _HEADED_ITEM.search(page):
        return page
    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return page
    for item in tree.iter("li"):
        first = item
        while len(first) and not (first.text or "").strip() and first[0].tag in ("div", "span", "article", "section"):
            first = first[0]
        if len(first) and not (first.text or "").strip() and first[0].tag in _HEADING_TAGS[1:]:
            item.tag = "div"
    for listing in tree.iter("ul", "ol"):
        if len(listing) and all(child.tag == "div" for child in listing):
            listing.tag = "div"
    return lxml.html.tostring(tree, encoding="unicode")


# Where loose text is read: the blocks that hold paragraphs, and the tags a run of text may hold (any other, a list
# item outside a list too, starts a block).
_LOOSE_HOLDERS = ("body", "div", "section", "article", "main", "center", "blockquote", "td")
_INLINE_TAGS = frozenset("""a abbr b bdi bdo br cite code data dfn em font i img kbd mark q s samp small span strong sub sup
time tt u var wbr label""".split())


def _loose_text_held(page: str) -> str:
    """`page` with each run of text that sits bare between a block's paragraphs, lists and headings (with the inline
    tags in it: a link, `<u>`, `<br>`) held in a paragraph of its own. trafilatura reads only text inside a block: a
    tester's rail guide lost "The first step is to get a Rail Sentinel Sponsorship." (a bare line under its step's
    `<p>`), an Indian Railways page "he can be sent maximum upto 3 attempts" and its `<u>` labels. A page without such
    runs is returned as it is."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return page
    changed = False
    for holder in tree.iter(*_LOOSE_HOLDERS):
        if any(_starts_block(child) for child in holder):
            changed = _runs_held(holder) or changed
        elif holder.tag == "div" and len(holder) and _SENTENCE_BEFORE_TAG.match(holder.text or ""):
            # A paragraph written straight into a <div>, a word of it in bold: trafilatura kept the bold word on, without
            # the words before it ("Bug hunting provides me the <b>flexibility</b> I need ..." read "flexibilityI need",
            # a tester's bug bounty page).
            changed = _runs_held(holder) or changed
    return lxml.html.tostring(tree, encoding="unicode") if changed else page


_SENTENCE_BEFORE_TAG = re.compile(r"\s*[A-Z][^\s<>]*(?:\s+[^\s<>]+){2,}\s*$")  # three words or more, opening a sentence


def _starts_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag not in _INLINE_TAGS  # a comment's tag is a function


def _runs_held(holder) -> bool:
    """Whether `holder` had a run of words between its blocks, each such run now a `<p>` in its place."""
    import lxml.etree
    import lxml.html

    kept, run, lead, held = [], [], holder.text, False
    holder.text = None

    def close(before=None):
        nonlocal held
        words = (lead or "") + "".join(lxml.etree.tostring(e, method="text", encoding="unicode", with_tail=True)
                                       for e in run if isinstance(e.tag, str))
        # Words, not a breadcrumb ("| Undergraduate | How to Find ..."): held, a tester's ChE page read its lists run on.
        # Nor a list's lead-in: read with its items as it is ("guiding principles:" over them, one block).
        lead_in = before is not None and before.tag in ("ul", "ol")
        if re.search(r"\w", words) and not re.search(r"[|»›]", words) and not lead_in:
            paragraph = lxml.html.Element("p")
            paragraph.text = lead
            paragraph.extend(run)
            kept.append(paragraph)
            held = True
        elif kept:
            kept[-1].tail = lead
            kept.extend(run)
        else:
            holder.text = lead
            kept.extend(run)

    for child in list(holder):
        if _starts_block(child):
            close(child)
            lead, run = child.tail, []
            child.tail = None
            kept.append(child)
        else:
            run.append(child)
    close()
    for child in list(holder):
        holder.remove(child)
    holder.extend(kept)
    return held


def _with_headings(page: str, text: str) -> str:
    """`text` with the page's section headings put back where trafilatura left them out. On a page with no
    <article> or <main> it reads paragraphs and lists but no heading: a tester's FAQ pages of `<h3>` questions lost
    every question, and their answers ran on as one section. Each missing heading goes before the line that opens
    with the words following it on the page; a heading whose words do not open a line stays out (a menu's)."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return text
    for hidden in tree.xpath(_NOT_SHOWN):  # a heading's screen-reader text ("Link to heading") is not shown
        hidden.drop_tree()
    at, misses, inserts, above = 0, 0, [], {}
    kept = {_key(m[1].strip("*_")) for m in _HEADING_TEXT.finditer(text)}
    # The first <h1> titles the page; any after it heads a section (an R Markdown or distill page's "<h1>Do ODIs
    # quit?</h1>": a tester's two pages lost every section heading, and part 2 ran on as one section).
    first_h1 = next(tree.iter("h1"), None)
    for h in tree.iter(*_HEADING_TAGS):
        heading = " ".join(h.text_content().split())
        if h is first_h1 or not heading or len(heading) > MAX_HEADING_CHARS or _key(heading) in kept:
            continue
        # Each search may read the rest of the text: a page of thousands of headings none of which opens a line
        # would take minutes. Past MAX_HEADING_MISSES such headings, the rest stay out.
        if misses >= MAX_HEADING_MISSES:
            break
        following = h.xpath("following::text()[normalize-space()][position() <= 8]")
        if not following:
            continue
        if _in_heading(_owner(following[0])):
            # A heading over a heading ("Blog" over the page's own): none of the text's, unless over one of a level
            # below it, kept ("## Frequently Asked Questions" over its "### What is the minimum education ...?": a
            # tester's guide had its FAQ filed under the section before it).
            sub, below = _heading_line(text, at, h, _owner(following[0]))
            if sub is not None:
                inserts.append((sub, sub, f"{'#' * int(h.tag[1])} {heading}\n\n"))
                at = sub
            elif below is not None:  # ... or goes in with it, when that one is put back too
                above[below] = f"{'#' * int(h.tag[1])} {heading}\n\n"
            continue
        # The words up to the next heading: a short section's text runs on into its subsection's heading on the page,
        # which trafilatura's text may lack ("Senior Engineer" over "Management Equivalent: n/a" and "### Domain
        # Knowledge": a tester's ladder lost every level's name).
        words = re.findall(r"\w+", " ".join(itertools.takewhile(lambda t: not _in_heading(_owner(t)), following)))[:6]
        if len(words) < 3:  # a heading straight over its first subsection's: that heading's words, as before
            words = re.findall(r"\w+", " ".join(following))[:6]
        # ... after a numbered list's marker, which the page's <ol> shows but its text lacks ("## How to Apply" over "1.
        # Check the employer's own site", a tester's).
        found = re.compile(r"^(?![ \t]*#)[^\w\n]*(?:\d{1,3}[.)][ \t]+[^\w\n]*)?" + r"[\W_]+".join(map(re.escape, words)),
                           re.M).search(text, at) if len(words) >= 3 else None
        if found is None:
            misses += 1
            continue
        start = end = found.start()
        line = above.pop(h, "") + f"{'#' * int(h.tag[1])} {heading}\n\n"
        while end > at and text[end - 1] in " \t\n":
            end -= 1
        cut = end - len(heading)
        if not (cut >= at and text[cut:end] == heading and (cut == 0 or text[cut - 1] == "\n")):
            cut = start  # unless kept as a paragraph of its own: that is made its heading
        inserts.append((cut, start, line))
        at = start
    pieces, done = [], 0
    for cut, start, line in inserts:  # put together once: a page of thousands of headings is not copied each time
        before = text[done:cut].rstrip()
        pieces += [before + "\n\n" if before else "", line]
        done = start
    return "".join(pieces) + text[done:]


# A Sphinx role (":doc:`Portfolios <portfolios>`", ":ref:`jobs`", ":py:func:`open`"): plain docutils knows none of
# them and would show the markup; read as its text, or its target when it has no text of its own.
_RST_ROLE = re.compile(r":(?:[\w-]+:)?[\w+.-]+:`(?:([^`<]*?)\s*<[^`>]*>|([^`]*))`")
# docutils as a reader of untrusted files: no directive reads a file or a URL (include, raw, csv-table's file) or
# passes markup through (raw), no docutils.conf of the working folder is read, and nothing is reported: a
# directive it does not know (Sphinx's toctree, a blog's post) is dropped with its block.
_RST_SETTINGS = {"file_insertion_enabled": False, "raw_enabled": False, "_disable_config": True, "report_level": 5,
                 "halt_level": 5, "warning_stream": False, "input_encoding": "unicode", "embed_stylesheet": False,
                 "syntax_highlight": "none", "math_output": "HTML", "traceback": True}


def _read_rst(path: Path, raw: str) -> tuple[str, dict]:
    """reStructuredText rendered to HTML by docutils and read as a page (headings, lists, tables as `_read_html`
    reads them); the document's title is its title."""
    from docutils.core import publish_parts

    try:
        parts = publish_parts(_RST_ROLE.sub(lambda m: m[1] if m[1] is not None else m[2], raw), writer="html5",
                              settings_overrides=_RST_SETTINGS)
    except Exception as e:  # docutils raises its own errors and, on pathological nesting, RecursionError
        raise ArticleError(path, f"the reStructuredText could not be read ({type(e).__name__})") from None
    # The body without its docinfo (a field list opening the file: ":og:description: ...", ":orphan:" is metadata);
    # an admonition ("Note: ...") as a block of text: as docutils' <aside> it was pruned as a page's sidebar.
    body = _RST_ASIDE.sub(r"<\1div", parts["body"])
    page = f"<html><head><title>{parts['title']}</title></head><body><main>{parts['html_title']}{body}</main></body></html>"
    # An indented paragraph is a block quote to docutils, and an interview's answers are set so: the author's text,
    # not a quotation (the tech-writing interviews of the held-out libraries).
    text, meta = _read_html(path, page, quotes=False)
    # A date only where the file gives one (":date: 2024-05-01"): guessed from the text, it was a year the text names.
    # Nikola writes a post's metadata as comments above it (".. title: Five fundraising tips", ".. date: 2009-05-16
    # 18:24:20"): docutils shows none of it, and a tester's post was titled by its first section, "1. Document yourselves".
    fields = {k.lower(): v.strip() for k, v in _NIKOLA_FIELD.findall(_comment_head(raw)) if v.strip()}
    date = _RST_DATE.search(raw)
    title = {"title": fields["title"]} if "title" in fields else {}
    return text, {**meta, **title, "date": date[1].strip() if date else fields.get("date", "")}


def _comment_head(raw: str) -> str:
    """The comment lines (".. ...") and blank lines a reStructuredText file opens with."""
    lines = []
    for line in raw.splitlines()[:100]:
        if line.strip() and not line.startswith(".. "):
            break
        lines.append(line)
    return "\n".join(lines)


_RST_ASIDE = re.compile(r"<(/?)aside\b", re.I)
_RST_DATE = re.compile(r"^:date:[ \t]*(\S[^\n]{0,60})$", re.M)
_NIKOLA_FIELD = re.compile(r"^\.\.[ \t]+(title|date)[ \t]*:[ \t]*([^\n]{0,300})$", re.M | re.I)


_PRE = re.compile(r"(<pre\b.*?</pre\s*>)", re.I | re.S)

# ASP.NET Razor views (.cshtml) saved as pages: C# between the HTML, which a browser never shows. A page is read as
# Razor only when a line opens with a Razor directive or block; then its comments, directives and code blocks go,
# a section's or a control block's markup stays without its braces, and an inline expression ("@Model.Title",
# "@await Component.InvokeAsync(...)") goes. Kept, they were quoted in answers ("@section HeroHeading { @await ...").
_RAZOR_PAGE = re.compile(r"^[ \t\ufeff]*@(?:using|model|inject|page|inherits|addTagHelper|section|functions|code)\b|^[ \t\ufeff]*@[{*]", re.M)
_RAZOR_COMMENT = re.compile(r"@\*.*?\*@", re.S)
_RAZOR_DIRECTIVE = re.compile(r"^[ \t\ufeff]*@(?:using|model|inject|page|inherits|layout|namespace|implements|attribute|"
                              r"addTagHelper|removeTagHelper|tagHelperPrefix)\b[^\n]*$", re.M)
_RAZOR_CODE = re.compile(r"@(?:\{|(?:functions|code)\s*\{)")  # a block of C#: dropped whole
_RAZOR_WRAPPER = re.compile(r"@(?:section\s+\w+|(?:if|foreach|for|while|using|lock|switch)\s*\([^{}\n]*\))\s*\{")  # markup inside: kept
_RAZOR_ELSE = re.compile(r"\s*else(?:\s+if\s*\([^{}\n]*\))?\s*\{")  # right after an @if's block: kept the same way
_RAZOR_EXPRESSION = re.compile(r"(?<![\w@.])@(?:await\s+)?(?:[A-Za-z_][\w.]*|(?=\())")


def _closing(text: str, opening: int, code: bool = True) -> int:
    """Where the brace (or parenthesis) at `opening` closes; the text's end if it never does. In C# (`code`) a brace
    inside a string does not count; in markup a quote is only text ("you're")."""
    close = "}" if text[opening] == "{" else ")"
    depth, quote, i = 0, "", opening
    while i < len(text):
        ch = text[i]
        if quote:
            i += 2 if ch == "\\" else 1
            quote = "" if ch == quote else quote
            continue
        if code and ch in "\"'":
            quote = ch
        elif ch == text[opening]:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text) - 1


# A Razor view's <title> is in its layout; the view sets it: ViewBag.Title = "...", or ViewData["Title"] = "...".
_RAZOR_TITLE = re.compile(r"""\bView(?:Bag\.Title|Data\[\s*"Title"\s*\])\s*=\s*"([^"\n]{1,300})"\s*;""")


def _razor_title(raw: str) -> str:
    """The title a Razor view gives its page, or "" (not a Razor view, or no title set)."""
    found = _RAZOR_TITLE.search(raw) if _RAZOR_PAGE.search(raw) else None
    return html.unescape(found[1]).strip() if found else ""


def _quoted_blocks(page: str) -> str:
    """`page` with each paragraph of a <blockquote> opening "> ", as Markdown writes a quote: the page reader keeps no
    mark of one, and a blog's quoted replies read as its author's own view (a tester's sysadmin pay post, whose author
    argues against the "$20/hr" replies it quotes). Nested quotes are read as one."""
    out, at = [], 0
    for m in _BLOCKQUOTE_OPEN.finditer(page):
        if m.start() < at:
            continue  # inside the quote before
        end = page.lower().find("</blockquote", m.end())
        end = len(page) if end < 0 else end
        inner = _QUOTED_PARAGRAPH.sub(lambda p: f"{p[0]}&gt; ", page[m.end():end])
        if not re.match(r"\s*<(?:p|li|div|h[1-6])\b", inner, re.I):
            inner = "&gt; " + inner.lstrip()  # a quote's text set in no paragraph of its own
        out += [page[at:m.end()], inner]
        at = end
    return "".join(out) + page[at:] if out else page


# A heading's permalink (MkDocs' and Sphinx's "<a class=headerlink ...>&para;</a>"): a mark, no words ("Data Engineer ¶" was
# a tester's title and every heading).
_PERMALINK = re.compile(r"<a\b[^<>]{0,300}?\bclass=[\"']?[^<>\"']{0,100}?\b(?:headerlink|anchor-link|hash-link|header-anchor)\b"
                        r"[^<>]{0,300}>[^<>]{0,20}</a\s*>", re.I)
_BLOCKQUOTE_OPEN = re.compile(r"<blockquote\b[^<>]{0,500}>", re.I)
_QUOTED_PARAGRAPH = re.compile(r"<(?:p|div)\b[^<>]{0,500}>(?=\s*[^\s<])", re.I)


def without_razor(raw: str) -> str:
    """`raw` without its Razor code, if it is a Razor view; any other page as it is."""
    if not _RAZOR_PAGE.search(raw):
        return raw
    text = _RAZOR_DIRECTIVE.sub("", _RAZOR_COMMENT.sub("", raw))
    while m := _RAZOR_CODE.search(text):
        text = text[: m.start()] + text[_closing(text, m.end() - 1) + 1:]
    while m := _RAZOR_WRAPPER.search(text):
        start, opening = m.start(), m.end() - 1
        while True:  # the block, then each else after it
            end = _closing(text, opening, code=False)
            text = text[:start] + text[opening + 1: end] + text[end + 1:]
            start = end - (opening + 1 - start)  # where the block's markup now ends
            after = _RAZOR_ELSE.match(text, start)
            if after is None:
                break
            opening = after.end() - 1
    while m := _RAZOR_EXPRESSION.search(text):
        end = m.end()
        if end < len(text) and text[end] == "(":  # a call or an explicit expression: its arguments go with it
            end = _closing(text, end) + 1
        text = text[: m.start()] + text[end:]
    return text.lstrip("\ufeff")


def _collapse_whitespace(raw: str) -> str:
    """The page's whitespace as a browser shows it: a line break in the source, with the indentation after it, is a
    space (outside <pre>). trafilatura kept it inside a paragraph that holds a link, so a sentence was quoted
    broken over two paragraphs ("... of your apprenticeship," | "you are entitled to the national minimum wage")."""
    parts = _PRE.split(raw)
    return "".join(part if i % 2 else _SOURCE_BREAK.sub(" ", part) for i, part in enumerate(parts))


# A line break in a page's source, unless a block opens after it: text not in a paragraph, then a list ("... a couple of
# overall guiding principles:" | "<ul>"), was read as one line with the list's first item ("principles: - There is ...").
_SOURCE_BREAK = re.compile(r"[ \t]*\n\s*(?!<(?:ul|ol|dl|table|h[1-6]|blockquote|pre)\b)", re.I)


# Text a page never shows: screen-reader-only spans (GOV.UK's "visually-hidden" " (Opens in a new window)" after
# every outside link, Bootstrap's "sr-only", WordPress's "screen-reader-text") and hidden elements. Kept, they were
# quoted inside sentences ("the national minimum wage (Opens in a new window) for your age").
_HIDDEN_CLASSES = ("visually-hidden", "visuallyhidden", "govuk-visually-hidden", "sr-only", "usa-sr-only",
                   "screen-reader-text", "screenreader-only", "element-invisible",
                   # ... and Bootstrap 3's "invisible" (the BLS's "<h3><span class="invisible">empty heading</span></h3>",
                   # a tester's refusal suggested "What do the guides say about empty heading?")
                   "invisible")
# ... but a tab's panel, hidden until its tab is chosen, is the page's text (the BLS Occupational Outlook pages keep
# "What They Do", "Pay" and six more tabs so: a tester's library read only the summary, 2,000 of 30,000 characters).
_TAB_PANEL = ("@role='tabpanel' or starts-with(@id, 'tab-') or starts-with(@id, 'tabs-') or starts-with(@id, 'tab_')"
              " or contains(concat(' ', normalize-space(@class), ' '), ' tab-pane ')"
              " or contains(concat(' ', normalize-space(@class), ' '), ' tabcontent ')")
MAX_TAB_PANELS = 20


def _tab_panels(html: str) -> list[str]:
    """The page's tab panels, each as a page of its own, when it has two or more side by side (else none)."""
    import lxml.etree
    import lxml.html

    if "tab" not in html:
        return []
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = tree.xpath("//*[" + _TAB_PANEL + "]")
    by_parent: dict = {}
    for panel in found:
        by_parent.setdefault(panel.getparent(), []).append(panel)
    panels = max(by_parent.values(), key=len, default=[])
    if not 2 <= len(panels) <= MAX_TAB_PANELS:
        return []
    return [f"<html><body><article>{lxml.html.tostring(p, encoding='unicode')}</article></body></html>" for p in panels]


_NOT_SHOWN = ("//*[(@hidden or contains(translate(@style, ' ', ''), 'display:none')) and not(" + _TAB_PANEL + ") or "
              + " or ".join(f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in _HIDDEN_CLASSES) + "]")
# A cookie notice ("We use cookies to improve your experience ...", in an element named for it: "cookie-banner",
# "cookie-consent", Cookiebot's): the site's, never the article's; a page of nothing else was added as an article.
_COOKIE_NOTICE = ("//*[contains(translate(@id, 'COKIE', 'cokie'), 'cookie') or contains(translate(@class, 'COKIE', 'cokie'), 'cookie')"
                  # ... and a wiki's "[edit]" beside each heading ("History of mining engineering[edit]", a tester's).
                  " or contains(concat(' ', normalize-space(@class), ' '), ' mw-editsection ')]")
_H1 = re.compile(r"<h1\b[^<>]{0,2000}>(.{1,2000}?)</h1>", re.I | re.S)
_H2 = re.compile(r"<h2\b[^<>]{0,2000}>(.{1,2000}?)</h2>", re.I | re.S)
_TITLE = re.compile(r"<title\b[^<>]{0,2000}>(.{1,2000}?)</title>", re.I | re.S)


def _headings(pattern: re.Pattern, raw: str) -> list[tuple[int, str]]:
    # An inline tag inside a word is no space ("<a href='/'>g</a>ame": a site's banner was "g ame, g a me. repea t .").
    found = [(m.start(), " ".join(re.sub(r"<[^<>]{0,500}>", " ", _INLINE_TAG.sub("", html.unescape(m[1]))).split()))
             for m in pattern.finditer(raw)]
    return [(at, h) for at, h in found if h]


_INLINE_TAG = re.compile(r"</?(?:a|span|b|i|em|strong|small|sup|sub|code|mark|u|font|abbr)\b[^<>]{0,500}>", re.I)


TITLE_NAMED_WITHIN = 1000  # characters: a page's own title is named in its opening, a site's name in its footer


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.findall(r"\w+", text))


def _named_in(title: str, text: str) -> bool:
    """Whether any word of `title` (of four letters or more) is in `text`."""
    words = {w.lower() for w in re.findall(r"\w{4,}", title)}
    return bool(words & {w.lower() for w in re.findall(r"\w{4,}", text)})


_SITE_SECTION = re.compile(r"(?:the )?(?:blog|news|home|articles?|posts?|stories|insights|resources|latest(?: news)?|menu)", re.I)


def _page_title(raw: str, title: str, text: str) -> str:
    """The page's own title: the <title> when a top heading says the same, else the last <h1> before the
    article's first sentence (a site's menu may hold h1s too; the page's heading comes after it, just before
    its text), else the <title>. A site giving every page the site's name as <title> still gets each page's."""
    if _SITE_SECTION.fullmatch(title.strip()):  # the extractor's title was the banner: the <title> element's, if any
        title = next((t for _, t in _headings(_TITLE, raw) if t.strip() and not _SITE_SECTION.fullmatch(t.strip())), title)
    found = _headings(_H1, raw)
    # A <title> element the page's own <h1> or <h2> says word for word is its title, whatever else names it: a
    # leftover <meta name="title"> ("What are actuarial exams | Dash-Intel" on a page headed "Tips for getting an
    # Actuary Job?"), a blog's banner as its only <h1> ("Infinity & Beyond!" over "## My journey so far ...").
    said = {_words_of(h) for _, h in found + _headings(_H2, raw)}
    own = next((t for _, t in _headings(_TITLE, raw) if _words_of(t) in said and _words_of(t)), "")
    if own:
        return own[:300]
    h2s = _headings(_H2, raw)
    opening = re.search(r"<p\b[^>]*>\s*(?:<[^>]+>\s*)*\w", raw)
    if not found and title.strip() and not _headings(_TITLE, raw) and h2s and title.strip() == h2s[0][1].strip() \
            and opening is not None and opening.start() < h2s[0][0]:
        # No <title> and no <h1>, and a page that opens on a paragraph: the extractor's title is its first section's
        # <h2> ("What Does an Emergency Dispatcher Do?" for a tester's saved guide, cited so for its pay and its FAQ).
        # The file's name says more.
        return ""
    if not found and title.strip() and not _named_in(title, text[:TITLE_NAMED_WITHIN]):
        # No <h1>, and a <title> the text's opening never names (the site's name on every page, "Healing Angles
        # Academia" on three of a tester's nursing pages, named in the footer): the page's heading is the <h2> its
        # text opens with.
        opening = re.match(r"\s*#{1,6}\s+([^\n]+)", text)
        if opening and any(h.lower() == opening[1].strip().lower() for _, h in _headings(_H2, raw)):
            return sentence_case(opening[1].strip()[:300])
    if not found or any(title.strip() and (title.strip() in h or h in title) for _, h in found):
        return title
    # A banner naming the site's section ("<h1>Blog</h1>" over a post: a tester's journalism library cited "Blog" for
    # a page titled "To be or Not to be a TV Journalist Anchor – IVS Solutions") is no page's title.
    found = [(at, h) for at, h in found if not _SITE_SECTION.fullmatch(h.strip())] if title.strip() else found
    if not found:
        return title
    first = next((line.strip() for line in text.splitlines() if len(line.split()) >= 6), "")
    words = re.findall(r"\w+", first)[:4]
    anchor = re.search(r"\W+".join(map(re.escape, words)), raw) if words else None
    before = [h for at, h in found if anchor is None or at < anchor.start()]
    return (before or [h for _, h in found])[-1][:300]


def _pdf_field(info, key: str) -> str:
    """A text field of a PDF's metadata, "" when it is anything else: a reference another object holds (a tester's
    visa guide, exported from Apple software, gave its title so and the build stopped on a traceback) is followed."""
    value = info.get(key)
    value = value.get_object() if hasattr(value, "get_object") else value
    return str(value) if isinstance(value, str) else ""


def _read_pdf(path: Path, data: bytes) -> tuple[str, dict]:
    """A PDF's text, pages joined, with its title and author. Reading stops as soon as the text or the work to
    find it passes its limit, and pypdf's warnings about damaged files are dropped (a refusal is one line)."""
    import io

    from pypdf import PdfReader, apply_configuration

    with _quiet_pypdf(), apply_configuration(stream_parsing_work_maximum_count=MAX_PDF_WORK // 2):
        try:
            reader = PdfReader(io.BytesIO(data))
            pages = _pdf_pages(reader)
            info = reader.metadata or {}
            # A page a browser saved as PDF names its address only in the margin (the page furniture left out).
            meta = {"title": _document_name(_pdf_field(info, "/Title")), "site": _pdf_field(info, "/Author"),
                    "url": pdf_text.printed_url(pages)}
        except _StopReading as e:
            raise ArticleError(path, str(e)) from None
        except Exception as e:  # pypdf raises many types for damaged files
            reason = " ".join(str(e).split())[:200]  # one line, whatever the file put in the message
            raise ArticleError(path, f"the PDF could not be read ({type(e).__name__}: {reason})") from None
    # Lines regrouped by where they were drawn: headings, paragraphs and list items as Markdown (pdf_text.py).
    # A PDF keeps no date of its own but the one a page prints under its title ("June 5, 2025" on a line alone).
    top = sorted(pages[0], key=lambda line: -line.y)[:PDF_DATE_LINES] if pages else []
    # ... set as a list item too ("•  January 19, 2021").
    meta["date"] = _date_in(line.text for line in top)
    # A docs page's heading prints its anchor link ("0L#", "Splitter¶"); "C#" alone is a name.
    text, menu = _without_menu(_DRAWN_TWICE.sub(r"\1\2", _PRINTED_ANCHOR.sub(r"\1", pdf_text.to_markdown(pages))),
                               meta["title"] or "")
    # ... or on a line of its own in the site's menu above the title ("04 Mar 2021" under a blog's menu).
    meta["date"] = meta["date"] or _date_in(menu)
    text = _date_apart(text, meta["date"]) if meta["date"] else text
    # A browser names the PDF by the page's <title>: "Terminology and slang | LSData" over "## Terminology and slang".
    title, site = _title_and_site(meta["title"] or "", {_key(m[1]): m.start() for m in _HEADING_TEXT.finditer(text)})
    if not site and menu:
        # ... or "page - site" where the site's name heads the menu that went ("Ryan Womack, Data Librarian").
        site, title = _title_and_site(meta["title"] or "", {_key(line): at for at, line in enumerate(menu)})
        if not title:
            site, title = "", meta["title"] or ""
    return text, {**meta, "title": title, "site": meta["site"] or site} if site else meta


def _date_apart(text: str, date: str) -> str:
    """`text` with the page's printed date (`date`, ISO) on a line of its own where the paragraph under the title
    opens with it: "20 August 2025 According to new developments, ..." (a tester's printed news page) was one sentence."""
    for m in itertools.islice(re.finditer(r"^(?!#)([^\n]{6,30}?)[ \t]+(?=[A-Z])", text, re.M), 3):
        if _iso_date(m[1].strip()) == date:
            return f"{text[:m.end(1)]}\n\n{text[m.end():]}"
    return text


def _date_in(lines) -> str:
    """The first of `lines` that is a date alone, as an ISO date ("June 5, 2025"; set as a list item too, "•  January
    19, 2021"); "" when none is."""
    return next((d for line in lines if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d := _iso_date(line.strip(" \t•·|-–—")))), "")


def _without_menu(text: str, title: str = "", fewest: int = 5) -> tuple[str, list[str]]:
    """A printed web page's text without the site's menu above its first heading, and the menu's lines: five or more
    short lines (six words at most, no sentence among them), as a docs site's sidebar prints ("Docs", "Blog",
    "Applying to law school", ...). Above a heading that is the document's title (`title`, or a part of a "page |
    site" title), the lines may be longer and headings: a site's name as a heading, a skip link and a search box
    ("Skip to main content Back to top Search this book... Ctrl+K"). Text above the heading that reads as text stays."""
    named = {_key(part) for part in (title, *_TITLE_PARTS.split(title)) if part.strip()}
    found = [m for m in itertools.islice((m for m in _HEADING_TEXT.finditer(text, 0, MAX_MENU_CHARS) if _key(m[1]) in named), 2)]
    # The site's name set as a heading over the page's ("## Austin Z. Henley", its menu, "## Lessons from my PhD" of
    # "Lessons from my PhD - Austin Z. Henley"): the menu ends at the page's.
    first = found[-1] if len(found) == 2 and _key(found[0][1]) != _key(found[1][1]) else next(iter(found), None)
    words = MAX_MENU_WORDS if first else 6
    # With no heading (a blog post printed with its title outside the text), the first paragraph that reads as text.
    if first is None:
        first = min(filter(None, (_HEADING_LINE.search(text), _FIRST_PROSE.search(text, 0, MAX_MENU_CHARS))),
                    key=lambda m: m.start(), default=None)
    lines = [line.strip() for line in text[:first.start()].splitlines() if line.strip()] if first else []
    if len(lines) < fewest or any(len(_WORDS(line)) > words or line.rstrip().endswith((".", "!", "?")) for line in lines):
        return text, []
    return text[first.start():], lines


_FIRST_PROSE = re.compile(r"^(?=[^\n]*[a-z])(?:[^\s\n]+[ \t]+){7}[^\n]*[.!?][ \t]*$", re.M)  # eight words or more, a stop at its end
MAX_MENU_CHARS = 20_000  # how far down a printed page the title's heading is looked for under the site's menu
MAX_MENU_WORDS = 15


# A heading drawn twice, as a cover's shadowed lettering is ("CaseBookCaseBook", a tester's casebook's title): once.
_DRAWN_TWICE = re.compile(r"^(#{1,6}[ \t]+)(\S[^\n]{2,59}?)\2[ \t]*$", re.M)
_PRINTED_ANCHOR = re.compile(r"^(#{1,6}[ \t]+[^\n]*?\S\S)[ \t]*[#¶][ \t]*$", re.M)
PDF_DATE_LINES = 6  # lines from the first page's top where it prints its date (a browser's stamp, the title, a byline)


def _document_name(title):
    """A PDF's title as a reader would write it: an editor's document name keeps its file name's underscores
    ("Outreach_TechToGov__TTS Product performance profile", Google Docs)."""
    if isinstance(title, str) and (_FILE_NAME.fullmatch(title.strip()) or _OFFICE_NAME.match(title)):
        # A page with no <title> is printed under its file's name ("answering-your-freelancing-questions.html"); a
        # document printed from Word under its window's ("Microsoft Word - LAW STUDY 11-24-2020 ed.", a tester's law
        # guides, cited so in every answer): the first page's heading titles it.
        return ""
    return " ".join(title.replace("_", " ").split()) if isinstance(title, str) else title


# ... and a layout program's ("17E-AUG1.QXD", QuarkXPress: a tester's newspaper page was cited so).
_FILE_NAME = re.compile(r"[^\s/\\]+\.(?:html?|php|aspx?|jsp|md|mdx|txt|pdf|docx?|odt|rtf|pptx?|qxd|qxp|indd|p65|pub)", re.I)
_OFFICE_NAME = re.compile(r"\s*Microsoft (?:Word|PowerPoint|Excel) - ")


class _StopReading(BaseException):
    """Stops pypdf mid-page with the reason as its message. A BaseException: pypdf catches Exception around each
    form XObject and would carry on with the next."""


def _pdf_pages(reader) -> list[list[pdf_text.Line]]:
    """Each page's lines, read page by page within MAX_PDF_PAGES, MAX_ARTICLE_CHARS and MAX_PDF_WORK."""
    if len(reader.pages) > MAX_PDF_PAGES:
        raise _StopReading(f"it has {len(reader.pages):,} pages; the limit is {MAX_PDF_PAGES:,}: "
                           "split it into several articles")
    chars = work = 0
    number = 0

    lines = pdf_text.PageLines()

    def on_text(text, *where):
        nonlocal chars
        chars += len(text)
        if where:
            lines(text, *where)
        if chars > MAX_ARTICLE_CHARS:
            raise _StopReading(f"its text is too long (over {MAX_ARTICLE_CHARS:,} characters by page {number}): "
                               "split it into several articles")

    def on_operator(operator, operands, *_):
        nonlocal work
        work += 1 + _pdf_size(operands)
        if work > MAX_PDF_WORK:
            raise _StopReading(f"it is too costly to read (over {MAX_PDF_WORK:,} drawing operations by page {number}): "
                               "save its text as .txt or .md and add that")

    pages, kept = [], 0
    for number, page in enumerate(reader.pages, 1):  # noqa: B007 (on_text and on_operator name the page by it)
        page.extract_text(visitor_text=on_text, visitor_operand_before=on_operator)
        pages.append(lines.take())
        kept += sum(len(line.text) + 1 for line in pages[-1])
        chars = kept  # what was kept, whatever the callbacks were told
        on_text("")
    return pages


def _pdf_size(operands) -> int:
    """How many values an operator's operands hold, arrays and dictionaries counted through."""
    n, stack = 0, [operands]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            n += len(value)
            stack.extend(value)
    return n


@contextmanager
def _quiet_pypdf():
    """pypdf logs each repair it makes to a damaged file (to stderr when logging is not set up) and warns of
    deprecations: both are dropped while reading, so a refusal is one line and an accepted file prints nothing."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# Markdown inside `code` and after a backslash is literal text: such characters are swapped for
# private-use stand-ins before the markup rules run, and swapped back at the end.
# Every pattern below runs in time linear in the text: a span's inside cannot hold its own opening character
# (an unclosed "[" or "<sup>" is then passed over once, not rescanned from each later one), a run of spaces is
# matched from its start only, and what is left open to the end of a line is bounded.
_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")  # ASCII punctuation
_STANDIN = re.compile("[\U000f0021-\U000f007e]")
_TICKS = re.compile(r"`+")
_ESCAPE = re.compile(r"\\(" + _PUNCT.pattern + ")")
# A heading marker inside a list item ("  * ##### share", a page converter's cards of related stories) is the item's
# emphasis, not a heading of the article: the marker goes, the item stays (it was quoted as "* ##### share").
_HEADING_IN_ITEM = re.compile(rf"^([ \t]*{LIST_MARKER}[ \t]+)#{{1,6}}[ \t]+", re.M)
# A list marker the writer escaped ("\\* As of late 2023 there are only ...", a note under a table) opens no list: the
# space after it becomes a no-break space, which no list rule reads as a marker's (a tester's answers showed the note
# as a bullet of the list before it).
_ESCAPED_MARKER = re.compile(r"\\([*+-])[ \t]")
# Link reference definitions are whole lines of URLs, not article prose; a footnote's definition is its text, kept as
# a paragraph where it is written when it holds a sentence (`_footnote`), else it goes too.
# A link definition must point somewhere (/, # or scheme:), so a line like "[Update]: Hired." stays.
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:.*(?:\n[ \t]+\S.*)*\n?", re.M)
_LINK_DEF = re.compile(
    # The look-ahead checks the url has a / # or : once; "[^\s<>]*[/#:][^\s<>]*" retried every split of the url.
    r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?(?=[^\s<>]*[/#:])[^\s<>]*>?"  # [label]: url
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$\n?""",  # optional "title", 'title' or (title)
    re.M,
)
_FOOTNOTE_REF = re.compile(r"(?<![ \t])[ \t]*\[\^[^\[\]\s]+\]")  # with the space before it: "word [^1]." -> "word."
_TARGET = r"(?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])"  # (url "title"), allowing one (...) inside; or [ref]
# Image text is not content; a linked image leaves "[](url)". Its text may hold one level of brackets, and pandoc
# attributes may follow ("![Trending Now[]{label="fig:1"}](/images/x.jpg){#fig:1 width="90%"}").
_IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]\n]*\])*\]" + _TARGET + r"(?:\{[^{}]{0,200}\})?")
# An <img> with its caption in brackets right after it (bssw.io's hero images: "[A false color image of the
# 'Beavertail' rock ... Credit: NASA/JPL/...]") goes whole, like a Markdown image's text.
_IMG_CAPTION = re.compile(r"<img\b[^<>]*>[ \t]*\[[^\[\]\n]*\](?!\()", re.I)
# ... one level of brackets inside its text too, not another link's ('Search ["[Your City] + flight school"](https://
# www.google.com/...)', a tester's aviation guide kept the address in its text).
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]\n]*\](?![(\[]))*)\]" + _TARGET)  # keeps the link text; an empty one (that linked image) goes
# A link whose text is a mark in brackets ("$235,827 [[link]](https://educationdata.org/...)", "[[1]](url)") cites its
# source: a note's mark, gone with the space before it, as a footnote's ("[link]" stood in a tester's answer).
# A link right after another ("[American Alliance of Museums](...)[Museum Association of New York](...)", a list whose
# breaks a converter lost): a space between their words (a tester's answer read "MuseumsMuseum Association").
_ADJACENT_LINK = re.compile(r"(?<=\))\[(?=[^\[\]\n]{1,300}\]\()")
_BRACKETED_LINK = re.compile(r"(?<![ \t])[ \t]*\[\[[^\[\]\n]{1,20}\]\]" + _TARGET)
# A link whose whole text is a call to action or a pointer says nothing without its target ("Check out this course in
# my Academy: [Learn More](url)", "[Watch on YouTube](url) \\ [Listen on Anchor](url)", a quote's "[Source](url)"): it
# goes, and the line that leads to it is left ending in its colon, which is never quoted as content.
# ... in bold too, and "Visit ... here!" ("[**Visit USAjobs website here!**](https://www.usajobs.gov/)", a tester's whole
# answer to which keywords to search there).
_CTA_LINK = (r"\[\s*(?:\*\*|__)?\s*(?:learn more|read more|see more|find out more|more info(?:rmation)?|click here|here|link|source|"
             r"download(?: now)?|sign up(?: now| here)?|register(?: now| here)?|subscribe(?: now| here)?|enrol(?:l)?(?: now| here)?|"
             r"buy now|get started|apply now|(?:watch|listen)(?: it| now)?(?: on| to)? (?:the )?(?:\w+|video|podcast|episode)|"
             r"visit (?:[\w.'’-]+ ){0,4}here)\s*[.!]?\s*(?:\*\*|__)?\s*\]" + _TARGET)
# Only where it stands alone: at the start of a line or a table cell or after a colon, up to the line's or cell's end; one
# inside a sentence ("express interest [here](url).") is part of it.
# A link that shares the page ("<a href="https://twitter.com/intent/tweet?text=...">Click To Tweet</a>", a tester's gaming
# posts): its words are the site's button, not the article's.
_SHARE_INTENT = re.compile(r"""<a\b[^<>]{0,300}?href=["']https?://(?:www\.)?(?:twitter\.com/intent|x\.com/intent|facebook\.com/sharer|"""
                           r"""linkedin\.com/share)[^"'<>]{0,2000}["'][^<>]{0,500}>[^<]{0,60}</a>|"""
                           r"""\[[^\]\n]{0,60}\]\(https?://(?:www\.)?(?:twitter\.com/intent|x\.com/intent|facebook\.com/sharer|"""
                           r"""linkedin\.com/share)[^)\s]{0,2000}\)""", re.I)
def _share_link(m: re.Match) -> str:
    """Nothing for a link that shares the page, or its words where a sentence reads on through them ("... later in life,
    [jump in and share your story](https://twitter.com/intent/tweet?...)": a tester's answer quoted "later in life, .")."""
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    words = re.sub(r"<[^<>]*>|^\[|\]\(.*$", "", m[0], flags=re.S)
    return words if re.search(r"[\w,]\s*$", line) and not re.search(r"[:|]\s*$", line) else ""


_CALL_TO_ACTION = re.compile(rf"(?:^|(?<=:)|(?<=:\*\*)|(?<=:__)|(?<=\|))[ \t]*{_CTA_LINK}"
                             rf"(?:[ \t]*[\\/|•·][ \t]*{_CTA_LINK})*[ \t]*(?=$|\|)", re.I | re.M)
# A line pointing at other pages, all links ("Learn more:[What Does a Data Analyst Do? A Career Guide](./x.md)",
# "**Related:** [A](a), [B](b)"): their titles are no text of this article (one ended the section that leads into
# its steps, and was quoted as a sentence of it).
_POINTER_LINE = re.compile(r"^[ \t]*(?:\*\*|__)?(?:learn more|read more|read next|see also|further reading|recommended(?: reading)?|"
                           r"related(?: reading| articles?| posts?| content)?)[ \t]*(?:\*\*|__)?:(?:\*\*|__)?"
                           r"(?:[ \t,;|•]*\[[^\[\]\n]{0,300}\]" + _TARGET + r")+[ \t]*$\n?", re.I | re.M)
# ... and a section that only points at other pages: a heading that says so ("### Want to read more?", "## Further
# reading"), a lead-in at most ("Take a look at:"), then a list of links, each item opening on one (a few words may
# come first: "From [Consulting to Private Equity](url)"). A tester's finance library answered three questions on
# private equity with "Want to read more? Take a look at: - Private Equity Value Creation ..." (every title says
# "Private Equity"). A list of resources under any other heading stays: it may be what is asked for.
_POINTER_SECTION = re.compile(
    r"^#{1,6}[ \t]+(?:want to (?:read|learn|know) more|(?:read|learn) more|read next|see also|further reading|"
    r"related(?: reading| articles?| posts?| content| guides?)?|you (?:may|might) also (?:like|enjoy)|more (?:articles|posts|reading))"
    r"[ \t]*[?:.!]?[ \t]*\n(?:[ \t]*\n){0,3}(?:[^\n#\[*+\-\s][^\n]{0,200}:[ \t]*\n(?:[ \t]*\n){0,3})?"
    r"(?:[ \t]*[-*+][ \t]+(?:[\w'’]+[ \t]+){0,3}\[[^\[\]\n]{1,300}\]" + _TARGET + r"[^\n]{0,300}(?:\n|$)(?:[ \t]*\n){0,2})+",
    re.I | re.M)
# ... and such a section of cards, each a linked title over its date and teaser ("## Related Articles" over "### [6
# Common Prerequisites for Speech Pathology Graduate Programs](https://...)", a tester's university pages: the cards
# were quoted as answers, their dates as the page's, and one title offered as an example question).
_RELATED_HEADING = re.compile(
    r"^(#{1,6})[ \t]+(?:related(?: reading| articles?| posts?| content| guides?| stories| resources)?|you (?:may|might) also "
    r"(?:like|enjoy)|more (?:articles|posts|reading|stories)|(?:read|learn) more|read next|recommended(?: reading| articles?| posts?)?)"
    r"[ \t]*[?:.!]?[ \t]*$", re.I | re.M)


def _without_related_cards(text: str) -> str:
    """`text` without a related-articles section whose subsections are each headed by a link."""
    for m in reversed(list(_RELATED_HEADING.finditer(text))):
        level = len(m[1])
        end = next((h.start() for h in _ATX_LEVEL.finditer(text, m.end()) if len(h[1]) <= level), len(text))
        inner = [h for h in _ATX_LEVEL.finditer(text, m.end(), end)]
        if inner and all(h[2].lstrip().startswith("[") for h in inner):
            text = text[: m.start()] + text[end:]
    return text


# ... and a paragraph that is only a link to another page ("[Sous Chef job description template](https://...)" between
# a chef hierarchy's sections, a tester's culinary library: quoted as lines of the answer). A link in a list or in a
# sentence stays, and so does one a heading stands over: it is what the section names ("#### Python" over "[Learning
# Python, 5th Edition](...)", a cookbook's reading list), or a sentence goes on from.
_LINK_ONLY_PARAGRAPH = re.compile(r"(?<=\n\n)[ \t]*\[[^\[\]\n]{1,200}\]\((?:https?:)?//[^()\s]{1,500}\)[ \t]*\n(?=[ \t]*\n|$)")
_LINE_BEFORE = re.compile(r"([^\n]*)\n[ \t]*\n[ \t]*$")


def _without_link_paragraphs(text: str) -> str:
    def drop(m: re.Match) -> str:
        found = _LINE_BEFORE.search(text, max(0, m.start() - 400), m.start())
        before, after = (found[1].strip() if found else ""), _NEXT_LINE.match(text, m.end())[1]
        if before.startswith("#"):
            return m[0]
        # ... nor one inside a sentence a page saved line by line cut at the link ("The Guardian is publishing an
        # interesting series called" | "[Voices of Finance](...)" | ". Here's a quote from a").
        cut = before and not before.endswith((".", "!", "?", ":", "”", '"', ")", "*")) or after[:1] and not (
            after[0].isupper() or after[0].isdigit() or after[0] in "#-*+>|[")
        return m[0] if cut else ""

    return _LINK_ONLY_PARAGRAPH.sub(drop, text)
_NUMBERED_REF = re.compile(r"(?<![ \t])[ \t]*\[\d{1,3}\](?:[ \t]*,[ \t]*\[\d{1,3}\]){0,20}(?![(\[])")  # "[1]", "[3],[4],[5]"
# ... and a mark glued to a sentence's stop with no note to go to, as text copied from Wikipedia keeps its ("... and
# government agencies.[1][2] Depending on the jurisdiction": a tester's answers showed "[3]" beside their own "[1]").
_GLUED_NOTE = re.compile(r"(?<=[.,;:!?\"”’)])(?:\\?\[\d{1,3}\\?\])+(?=[ \t\n\"”’)]|$)")  # escaped as an extractor writes it
# ... and two or more glued to a word before its stop ("internships at auction houses[2][18].", a research tool's export:
# read as a reference link, an answer quoted "auction houses2."); one alone may be an index ("a[1]"), and stays.
_NOTES_AFTER_WORD = re.compile(r"(?<=[A-Za-z])(?:\\?\[\d{1,3}\\?\]){2,}(?=[.,;:!?)\s]|$)"
                               # ... or one after a word of three letters or more, before its stop ("yet[20].", a tester's
                               # answer read as citing a source [20] that it does not have)
                               r"|(?<=[A-Za-z]{3})\\?\[\d{1,3}\\?\](?=[.,;:!?])"
                               # ... or a note's number glued after a sentence's stop ("highly trained workers.1 These
                               # environments ...", "career switchers.19", a word processor's export: in a tester's answers)
                               r"|(?<=[a-z]{2}[.!?])\d{1,2}(?=[ \t]+[A-Z“\"]|[ \t]*$)", re.M)
# A link at a line's end whose text is a mark, no word, to a place on the same page ("### Junior Biostatistician
# (Year 3-5) [&#8593;](#TableOfContents)"): the way back to the contents, not part of the heading (a tester's greeting
# offered "Junior Biostatistician (Year 3-5) ↑").
_BACK_TO_TOP = re.compile(r"(?<![ \t])[ \t]*\[(?:[^\w\s\[\]]{1,3}|&#?\w{2,8};)\]\(#[^()\s]*\)(?=[ \t]*$)", re.M)
# ... and a link in words after a heading's own text, to a place on the same page: a pop-up's "About this section"
# ("## Pay [About this section](#TB_inline?height=325&inlineId=about-pay)", the BLS's pages saved as Markdown: a
# tester's answers opened "Pay About this section › ...").
_HEADING_PAGE_LINK = re.compile(r"^(#{1,6}[ \t][^\n\[]*?\w[^\n\[]*?)(?<![ \t])[ \t]+\[[^\[\]\n]{1,40}\]\(#[^()\s]{0,300}\)[ \t]*$", re.M)
# ... and so in a page's HTML: "<h2>Pay <a href="#TB_inline?...">About this section</a></h2>" (a tester's saved BLS page:
# "Pay About this section" headed every passage of its tab).
_HTML_HEADING_BLOCK = re.compile(r"<h[1-6]\b[^<>]{0,300}>(?:(?!</h[1-6]).){1,2000}?</h[1-6]\s*>", re.I | re.S)
_HEADING_POPUP = re.compile(r"\s*<a\b[^<>]{0,300}?href=[\"']#[^\"'<>]{0,300}[\"'][^<>]{0,300}>[^<>]{1,40}</a>", re.I)


_CONTENT_CLASS = re.compile(r"""(?<=\sclass=)(["'])content\1""", re.I)
# A block classed "message" alone: a Jekyll theme's note box (Poole's, Lanyon's, Hyde's "<p class="message">PLEASE
# NOTE: Provider shadowing generally does not qualify ..."), which trafilatura drops as a site's message (a tester's PA
# admissions pages lost all six of their notes). Not "flash-message" or "message-container": chrome.
# A footnote's mark and its way back (kramdown's and most generators': "<sup id="fnref:1"><a href="#fn:1">1</a></sup>",
# "<a href="#fnref:1" class="reversefootnote">↩</a>"): the mark was glued to its word ("Human Anatomy w lab2", a
# tester's), the arrow kept in the note.
_HTML_NOTE_MARK = re.compile(r"""<sup\b[^<>]{0,200}>\s*<a\b[^<>]{0,200}href=["']#fn[^"'<>]{0,100}["'][^<>]{0,200}>[^<]{1,8}</a>\s*</sup>""", re.I)
_HTML_NOTE_BACK = re.compile(r"""<a\b[^<>]{0,200}href=["']#fnref[^"'<>]{0,100}["'][^<>]{0,200}>[^<]{0,12}</a>""", re.I)
# An FAQ's question in a block of its own, classed as one ("<div class="faq-question">Does the program offer a part-time
# option?</div>" over "<div class="faq-answer-grey">No. ..."): the extractor ran the two together ("... during the
# program?Don't do it!", a tester's), the question no section's heading. It heads its answer.
_QUESTION_BLOCK = re.compile(r"""<(div|p|dt|span)\b[^<>]{0,200}?\bclass=["'][^"'<>]{0,100}?\bquestion\b[^"'<>]{0,100}["'][^<>]{0,200}>"""
                             r"""\s*([^<>]{3,300}?\?)\s*</\1>""", re.I)
_MESSAGE_CLASS = re.compile(r"""(?<=\sclass=)(["'])message\1""", re.I)


def _without_popup_link(m: re.Match) -> str:
    """An HTML heading without a link in it to a place on the page, when the heading has words of its own, and with a
    line break in it a space ("Who's Looking<br>For You." read "Who's LookingFor You.", offered as a tester's
    suggestion)."""
    heading = _TITLE_BREAK.sub(" ", m[0])
    stripped = _HEADING_POPUP.sub("", heading)
    return stripped if stripped != heading and _TAG.sub("", stripped).strip() else heading



_TAG = re.compile(r"<[^<>]{0,2000}>")
# A wiki's link to edit a section, printed after its heading ("## Education[edit]", Wikipedia's pages saved or printed:
# a tester's greeting offered "Petroleum engineering salaries[edit]").
_EDIT_LINK = re.compile(r"^(#{1,6}[ \t][^\n]*?)(?<![ \t])[ \t]*\[[ \t]*edit(?:[ \t]+source)?[ \t]*\](?:\([^()\s]*\))?[ \t]*$", re.M)
_NOTE_LINE = re.compile(r"^\[(\d{1,3})\][ \t]+\S", re.M)
_SPACED_NOTE_MARK = re.compile(r"(?<=[\w)”\"’'%])[ \t]\[\d{1,3}\](?=[.,;:!?]|[ \t][—–-][ \t]|[ \t]*$)", re.M)
_NOTE_MARK = re.compile(r"(?<=\S)[ \t]*\[(\d{1,3}(?:[ \t]*[,–-][ \t]*\d{1,3}){0,9})\](?![(\[])")  # "[1]", "[1,2]", "[3-5]"
# A mark a sentence names as its source is a word of it: "According to [1], recommended skills include:" (a tester's
# library quoted "According to, recommended ..." once the mark went).
_NAMES_ITS_NOTE = re.compile(r"\b(?:to|in|see|from|by|per|cf\.?|and|of|with|as|reference|source)$", re.I)
_SHORTCUT = re.compile(r"\[([^\[\]\n]+)\]")  # "[Google]" is a link only when a "[google]: url" line defined it
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>")
# A note marker in <sup> (a number or one letter, maybe in its own <a>) goes; "19<sup>th</sup>" keeps "th".
_SUP_TAG = r"(?:\s|<(?!/?sup\b)[^<>]+>)*"  # spaces and other tags around the marker (another <sup> ends the search)
_SUP_NOTE = re.compile(
    r"(?<![ \t])[ \t]*<sup\b[^<>]*>" + _SUP_TAG + r"(?:\[\[?(?:\d+|[A-Za-z])\]?\]\(#[^()\s]*\)|\[?(?:\d+|[A-Za-z])\]?)" + _SUP_TAG
    + "</sup>", re.I
)  # ... or a Markdown link to the note ("<sup>[[1]](#1-the-applications)</sup>": its "[1]" read as a citation's)
# An HTML heading in Markdown ("<h2>Caregiver Burnout</h2>" over a paragraph with no blank line between, or inside a
# page's blocks on one line: '<div class="pageblock"><h3>Social Work in a Nutshell</h3><div ...><p>...'): a heading on a
# line of its own, as a browser shows it, not words run into a paragraph's first sentence.
# Its text may run over lines ("<h3 class="panel-title">\n  <a ...>Teacher</a>\n</h3>", an accordion's panels: a tester's
# dental-faculty page ran every panel's title into its first sentence), never over a blank one.
_HTML_HEADING = re.compile(r"(?<![ \t])[ \t]*<h([1-6])\b[^<>\n]{0,500}>((?:[^\n]|\n(?![ \t]*\n)){1,300}?)</h\1\s*>[ \t]*", re.I)
# HTML paragraphs in Markdown, one per line or several on one ("<p>Sorry, that's only $30/hour </p>\n<p>Remember, ..."):
# a closed one ends its paragraph, as a browser shows it, not a line of one Markdown paragraph whose sentences run
# together ("Sorry, that's only $30/hour Remember, as a freelancer, ...": a tester's freelancing library). A pull
# quote's credit opening after its bare text ("... quiet users." / "<p class="pquote-credit">— @thisisnic") stays with it.
# An accordion's button holds its question: the answer under it is a paragraph of its own (a tester's FAQ read "How do
# I get my first internship or job? ▼ Start with ..." as one sentence).
_BUTTON_END = re.compile(r"</button\s*>", re.I)
# What a page's widgets say to the hand, not the reader: a card's "Click to explore →" and "← Click to flip back", a
# carousel's "1 of 7" and its lone "›", an accordion's "▼" (a tester's biotech pages quoted them inside answers).
_WIDGET_TEXT = re.compile(
    r"(?<![ \t])[ \t]*(?:[←‹«][ \t]*)?\b(?:click|tap|hover|swipe)(?:[ \t]+(?:here|me))?(?:[ \t]+to[ \t]+[a-z]+(?:[ \t]+[a-z]+){0,3})?"
    r"[ \t]*[→›»](?=[ \t]|$)|(?<![ \t])[ \t]*[←‹«][ \t]*\b(?:click|tap|hover|swipe)(?:[ \t]+(?:here|me))?(?:[ \t]+to[ \t]+[a-z]+"
    r"(?:[ \t]+[a-z]+){0,3})?(?=[ \t]|$)|^[ \t]*\d{1,2}[ \t]+of[ \t]+\d{1,2}[ \t]*$|^[ \t]*[›‹»«<>▼▲▶◀][ \t]*$|"
    r"(?<![ \t])[ \t]*[▼▲▶◀⌄⌃](?=[ \t]*$)", re.I | re.M)  # from a run of spaces' start only: linear
_HTML_PARAGRAPH_END = re.compile(r"</p\s*>[ \t]*(?:\n|(?=<p[\s>]))", re.I)
# ... and a quote's: "<blockquote>... Cool Species B</blockquote>" over "Some are obvious, ..." read as one sentence, the
# whole answer to a tester's question on unpaid internships.
_HTML_QUOTE_END = re.compile(r"(</blockquote\s*>)[ \t]*\n", re.I)
# Only known HTML tags: "List<String>" or "<name>" in prose is text. A line break still separates words.
_HTML_BREAK = re.compile(r"<(?:/?br|/?p|/?div|/?aside|/?section|/?article|/?figure|/?figcaption|/?header|/?footer|"
                         r"/?blockquote|/?details|/?summary|/?nav|/?main|/?h[1-6]|/?iframe|/?table|/?thead|/?tbody|/?tfoot|"
                         r"/?tr|/?td|/?th|/?dl|/?dt|/?dd|/?form|/?fieldset)\b[^<>]*>", re.I)
# A page's own frame pasted into Markdown ("<!-- wp:html --> <!DOCTYPE html> <html lang="en"> <body>", a tester's exam
# page) frames nothing there.
# A tag never runs across a blank line: "</a" whose ">" was read away ran to the ">" of a quote two sections on, and
# took them with it (a tester's trades page lost "3. Master Electrician Salary" whole).
_HTML_TAG = re.compile(
    r"<!doctype\s[^<>]*>|</?(?:a|abbr|b|big|button|caption|center|cite|code|del|em|font|hr|i|img|input|ins|kbd|label|mark|"
    r"picture|q|s|samp|small|source|span|strong|sub|sup|time|track|u|var|video|audio|wbr|meta|link|base|html|head|body|"
    r"embed|iframe|object|param)\b(?:[^<>\n]|\n(?![ \t]*\n))*>",
    re.I,
)
# A web component or Vue one, named in lowercase with a hyphen, given attributes ("<captioned-image alt="..."
# imgFile="..." :blog="true"/>", a tester's Gridsome blog showed it whole in two answers), or closed: markup. Not a
# placeholder in brackets ("<your-name>").
_CUSTOM_ELEMENT = re.compile(r"</[a-z][a-z0-9]*(?:-[a-z0-9]+)+>|<[a-z][a-z0-9]*(?:-[a-z0-9]+)+\s[^<>]{0,2000}?=[^<>]{0,2000}>")
# Spans are at most 300 characters: an unclosed marker then costs a short look ahead, not the rest of the line.
_STRIKE = re.compile(r"~~(?=\S)(.{1,300}?)(?<=\S)~~")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
# Single * or _ only around text and not inside a word: snake_case, 2 * 3, 2*3 and "* item" stay.
_EMPHASIS_1 = re.compile(r"(?<![\w*])([*_])(?![\s*_])(.{1,300}?)(?<![\s*_])\1(?![\w*])")
# Emphasis markers left over where a writer nested or unbalanced them ("> ***Software Engineer** - Hours: 40***"): stars
# touching a line's first word (a list marker has a space after it) or ending a line after a word.
_STRAY_STARS_OPENING = re.compile(r"^((?:[ \t]*>)*[ \t]*)\*+(?=[^\s*])", re.M)
_STRAY_STARS_CLOSING = re.compile(r"(?<=[^\s*])\*{2,}(?=[ \t]*$)", re.M)
# Bold closed after a space ("**CVE **stands for", "**Escape all data. **The other method"): Markdown shows the stars,
# the writer meant bold; a tester's answers quoted them. Also a lone closing "**" after a label ("Step 1:** Read").
_BOLD_CLOSED_LATE = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,300}?)[ \t]\*\*(?=[^\s*])")
_BOLD_LABEL_END = re.compile(r"(?<=[\w)]:)\*\*(?=[ \t])")


def _hide(text: str) -> str:
    return _PUNCT.sub(lambda m: chr(0xF0000 + ord(m[0])), text)


def _hide_code(text: str) -> str:
    """Each `code` span's inside made literal (see _hide), its backticks dropped; other text is unchanged."""
    if "`" not in text:
        return text
    return "\n".join(_hide_code_line(line) if "`" in line else line for line in text.split("\n"))


def _hide_code_line(line: str) -> str:
    """A span opens at a backtick run not after a backslash (\\` is an escaped backtick) and closes at the next
    run of the same length on its line. Not a regex: "(`+).+?\\1" rescans the rest of the line from every run
    that never closes, which is quadratic in a line of backticks."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    closer: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):  # right to left: the next run of each length
        closer[i] = later.get(runs[i][1] - runs[i][0])
        later[runs[i][1] - runs[i][0]] = i
    out, at, i = [], 0, 0
    while i < len(runs):
        start, end = runs[i]
        j = closer[i]
        if j is None or line[start - 1 : start] == "\\":
            i += 1
            continue
        out += [line[at:start], _hide(line[end : runs[j][0]].strip())]
        at, i = runs[j][1], j + 1
    out.append(line[at:])
    return "".join(out)


def _drop_comments(text: str) -> str:
    """Text without its <!-- HTML comments -->. An unclosed one, and all after it, is left as it is: no comment
    can close after it either (a non-greedy regex would search the rest of the text from each `<!--`)."""
    out, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[at:start])
        at = end + 3
    out.append(text[at:])
    return "".join(out)


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _drop_blocks(text: str, tag: str) -> str:
    """Text without its <tag>...</tag> blocks (a page's <head>, <script>, <style> written into Markdown): found
    by scanning, case-insensitively; an unclosed one and all after it is left as it is, like a comment."""
    lower, out, at = text.lower(), [], 0
    while (start := lower.find(f"<{tag}", at)) >= 0:
        if lower[start + len(tag) + 1 : start + len(tag) + 2] not in (">", " ", "\n", "\t"):
            out.append(text[at : start + 1])
            at = start + 1
            continue
        end = lower.find(f"</{tag}>", start)
        if end < 0:
            break
        out.append(text[at:start])
        at = end + len(tag) + 3
    out.append(text[at:])
    return "".join(out)


# Markdown dialects (MDX/Docusaurus, MkDocs, kramdown): their syntax is markup, never article text. Each rule
# reads one line or a bounded span, so the whole pass stays linear.
_MDX_IMPORT = re.compile(r"""^[ \t]*(?:import\s+(?:[\w*{}\s,]{1,300}\s+from\s+)?["'][^"'\n]{1,300}["'];?|"""
                         r"""export\s+(?:const|default|function|let|var)\b[^\n]*)[ \t]*$\n?""", re.M)
# <Tabs>, </TabItem>, <InDocAd />, "text</Link>"; not the type in "List<String>" (an opening tag after a word).
# A component is named in PascalCase (<InDocAd />, <Tabs>); a name in capitals is a writer's placeholder ("<USER_A> is
# proceeding with restart"), kept as written: dropped, the sentence lost its subject.
# Nor words in brackets ("Why did you choose <Insert University here>?", a tester's interview questions): no props.
_JSX_TAG = re.compile(r"(?:(?<![\w<])<|</)(?![A-Z][A-Z0-9_]*>)(?![A-Z][\w.]{0,60}(?:[ \t]+[A-Za-z][\w’']*){1,8}>)"
                      r"[A-Z][\w.]{0,60}(?:\s[^<>\n]{0,500})?/?>")
# ... but a component that shows the text it is given ("<Question question='What inspires you?' />", a Docusaurus
# handbook's list of interview questions) is that text: dropped, a tester's page kept only its "work in progress" note.
# Its props may run over several lines ("<ImageCard\n  title="Climate Solutions"\n  description="An overview of ..."
# />", a tester's climate handbook): the text ones are read, a title before its description.
_JSX_SELF_CLOSING = re.compile(r"""<[A-Z][\w.]{0,60}((?:\s+[\w-]{1,40}(?:=(?:"[^"<>\n]{0,500}"|'[^'<>\n]{0,500}'|"""
                               r"""\{[^{}<>\n]{0,300}\}))?){1,20})\s*/>""")
_AD_COMPONENT = re.compile(r"<[\w.]*?(?:Ads?|Advert\w*|Promo\w*|Sponsor\w*|Newsletter\w*|Subscribe\w*)\b")
_JSX_PROP = re.compile(r"""([\w-]{1,40})=(["'])([^"'<>\n]*(?:(?!\2)["'][^"'<>\n]*)*)\2""")
# ... and one given its items as data ("<StatHighlight stats={[ { value: "$5K–$15K", label: "Independent Startup Cost" },
# ... ]} />", "<ActionSteps steps={[ { title: "...", description: "..." } ]} />", a tester's fitness site): each object is
# an item, its name ("label", "title") before the rest of its text. Left as code, the last object of each list went
# as an expression line and the rest was quoted braces and all.
_JSX_DATA_COMPONENT = re.compile(r"<[A-Z][\w.]{0,60}\s[^<>]{0,20000}?=\{\[[^<>]{0,20000}?\]\}[^<>]{0,2000}?/>")
_SEARCH_DATA = re.compile(r"<[\w.]*(?:Schema|JsonLd|JsonLD|StructuredData|SEO|Seo)\b")
_JS_OBJECT = re.compile(r"\{([^{}]{1,3000})\}")
_JS_TEXT_FIELD = re.compile(r"""(\w{1,40})\s*:\s*(["'`])((?:(?!\2)[^\\\n]|\\.){0,2000})\2""")
_NAME_FIELDS = ("title", "label", "name", "heading", "question")
_NO_TEXT_FIELDS = ("href", "url", "link", "icon", "image", "img", "src", "id", "slug", "color", "variant", "type", "key")
_TEXT_PROPS = ("question", "title", "heading", "label", "text", "description", "subtitle", "summary")  # a caption is a picture's
_JSX_EXPRESSION_LINE = re.compile(r"^[ \t]*\{[^{}\n]{0,300}\}[ \t]*$\n?", re.M)  # {false}, {/* note */}
_JSX_COMMENT = re.compile(r"\{/\*[^\n]{0,300}?\*/\}")
_JSX_STRING = re.compile(r"""\{(['"])([^'"\n]{0,20}?)\1\}""")  # MDX's escape for a literal brace: {'{'}
_SPACED_BOLD = re.compile(r"^(#{1,6}[ \t]+|[ \t]*)(\*\*|__)(?=[ \t]|[^\n]*?[ \t]\2[ \t]*$)[ \t]*([^*_\n]{1,200}?)[ \t]*\2[ \t]*$", re.M)
# A line of bold labels each glued to its value ("**Program:**Master of Science ...**Credit Hours:**30 credits**Duration:**
# 1.5-2 years", a tester's program page): read without the stars, its labels ran into the values before them ("(MSHS)
# Credit Hours:30 creditsDuration:..."). Each bold part is an item of its own, a label's with its value.
_GLUED_LABEL = re.compile(r"\*\*[^*\n]{1,60}:\*\*(?=[^\s*])")
_BOLD_PART = re.compile(r"\*\*([^*\n]{1,80}?)\*\*")


def _unglued_labels(text: str) -> str:
    """`text` with each line holding two glued labels or more as a list of its bold parts (a line at a time: linear)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if ":**" in line and len(_GLUED_LABEL.findall(line)) >= 2:
            parts = _BOLD_PART.split(line)
            out = [parts[0].strip()] if parts[0].strip() else []
            for bold, after in zip(parts[1::2], parts[2::2]):
                label, after = bold.strip(), after.strip()
                out += [f"- {label} {after}".rstrip()] if label.endswith(":") else [f"- {label}"] + ([f"- {after}"] if after else [])
            lines[i] = "\n" + "\n".join(out) + "\n"
    return "\n".join(lines)


_HIGHLIGHT = re.compile(r"(?<![=\w])==(?=[^\s=])([^=\n]{1,1000}?)(?<=[^\s=])==(?![=\w])")
# An Obsidian or wiki link, "[[page]]" or "[[page | words]]"; not "[[1]](#notes)", a note's Markdown link.
_WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]|\n]{1,200}))?\]\](?!\()")
# An admonition's opening line with its title, or a remark directive's with its label and attributes
# (":::largeCallout{ showHeader="true" }", ":::note[Heads up]"): markup.
_ADMONITION = re.compile(r"^[ \t]*(?::{3,}|!{3}|\?{3}\+?)[ \t]*(?:[\w-]{1,30})?(?:\[([^\]\n]{0,200})\])?(?:[ \t]*(\{[^{}\n]{0,300}\}))?"
                         r"(?:[ \t]+\"?([^\"\n]{0,200})\"?)?[ \t]*$", re.M)
# ... its title given as an attribute (':::largeCallout{ showHeader="true" headerText="What if I don't get this license?" }',
# a tester's state licensing pages: the callout's text read as one more item of the list above it).
_ADMONITION_TITLE = re.compile(r"\b(?:headerText|header|title|label)[ \t]*=[ \t]*\"([^\"\n]+)\"", re.I)
# Pandoc's empty anchor span, as a word processor's bookmarks convert ("# []{#anchor}[]{#anchor-2}No work experience?",
# "1. []{#anchor-7}typography: ...": a tester's UX library quoted them).
_PANDOC_ANCHOR = re.compile(r"\[\]\{#[\w.:-]{1,100}\}")
_HEADING_ID = re.compile(r"(?<![ \t])[ \t]*\{#[\w.:-]{1,100}\}[ \t]*$", re.M)  # "## Salaries {#pay}"
# ... or after its section's number ("###### 5.1.3. {#5_1_3} Qualification and Requirements.", a regulation converted
# to kramdown: a tester's answers and suggested questions showed it).
_NUMBERED_HEADING_ID = re.compile(r"^(#{1,6}[ \t]+\d{1,3}(?:\.\d{1,3}){0,5}\.?[ \t]+)\{#[\w.:-]{1,100}\}[ \t]*", re.M)
# Bold marks in a heading, which is bold already: one that opens on a space ("## Make Money Doing** What You Love**") is
# no emphasis and was shown ("Make Money Doing** What You Love", a tester's suggested question).
_HEADING_TEXT = re.compile(r"^#{1,6}[ \t][^\n]*", re.M)
# ... and Pandoc's, after a link or at a line's end with a class ("[an office](...){.u-underline}", "... the peace?
# {#whats-the-point .rich-link__title}", a Guardian page converted by Pandoc: both in a tester's answers).
_KRAMDOWN_ATTRS = re.compile(r"\{:[^{}\n]{0,300}\}|(?<=[)\]])\{[#.][^{}\n]{0,300}\}|"  # {:target="_blank"}, {: .note}
                             r"(?<![ \t])[ \t]*\{#[\w.:-]{1,100}(?:[ \t]+(?:\.[\w-]{1,60}|[\w-]{1,30}=(?:\"[^\"\n]{0,100}\"|[\w-]{1,60})))+\}[ \t]*$",
                             re.M)  # ... with a key's value too: '{#bcb8 .graf .graf--h3 name="bcb8"}' (a Medium export)
# Pandoc's bracketed span, its attributes after it ("- [Entry-Level: $30,000 --- $50,000 per year.]{#6791}", a Medium
# export a tester's answers quoted in brackets): its words; and a dash Pandoc writes as three hyphens between words.
_PANDOC_SPAN = re.compile(r"(?<![\]\\])\[([^\[\]]{1,1000})\]\{[#.][^{}\n]{0,300}\}")  # its words may wrap
# ... a word or a figure either side (an escaped "\\$" is its stand-in by now), not a table's "| --- |"
_PANDOC_DASH = re.compile("(?<=[\\w$%.)\U000f0000-\U000f007f])[ \u200a\u2009]---[ \u200a\u2009](?=[\\w$£€(\U000f0000-\U000f007f])")
# A note written in its tag's attribute ('<note content="AP, \'Afghanistan Promised $16bn ...\', The Guardian.">', a
# tester's essay): the tag goes, the note with it, as a footnote's mark does.
_NOTE_TAG = re.compile(r"</?(?:note|footnote|sidenote|marginnote)\b[^<>]{0,3000}>", re.I)
# A site's link to its glossary written in code, its words then the entry's slug ("`registered agent|registered-agent`",
# two testers' state licensing pages): the words.
_CONTEXT_LINK = re.compile(r"`([^`|\n]{2,80})\|([a-z0-9]+(?:-[a-z0-9]+)*)`")
# kramdown's table of contents: "* TOC" over "{:toc}" is replaced by the page's headings when rendered; left, it was
# a list item "TOC" (a tester's Jekyll review; another's "* toc placeholder -- gets replaced automagically").
_KRAMDOWN_TOC = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}\.)[ \t]+[^\n]{1,100}\n[ \t]*\{:[ \t]*(?:\.no_toc[ \t]*)?toc[ \t]*\}[ \t]*$", re.M | re.I)
# ... on a line of its own it styles the block above and ends it (kramdown): "[User researcher](...)" | "{: .font-lg }" |
# "[Product designer](...)" are two paragraphs, not "User researcher Product designer".
_KRAMDOWN_BLOCK_ATTRS = re.compile(r"^[ \t]*\{:[^{}\n]{0,300}\}[ \t]*$", re.M)
# ... one styling the line above as a picture's caption ("Inyo National Forest in Bishop, California. (Photo: Mike
# Schmidt)" over "{: .photo-tag}"): the caption goes with it (a tester's answers ended on such lines).
_STYLED_CAPTION = re.compile(r"^[^\n]{1,300}\n[ \t]*\{:[ \t]*\.(?:photo|caption|image|img|figure|picture)[\w-]*[^{}\n]{0,200}\}[ \t]*$",
                             re.M | re.I)
# HTML lists inside Markdown (CommonMark passes HTML blocks through): each <li> an item line, as "- " makes one,
# the list's lead-in and items then read as any list. Runs of spaces are bounded, so cleaning stays linear.
_HTML_ITEM = re.compile(r"\n?[ \t]{0,40}<li\b[^<>]{0,200}>[ \t]*", re.I)
_HTML_ITEM_END = re.compile(r"[ \t]{0,40}</li\s{0,40}>[ \t]{0,40}", re.I)
_HTML_LIST = re.compile(r"[ \t]{0,40}</?(?:ul|ol)\b[^<>]{0,200}>[ \t]{0,40}", re.I)
# A form's checkbox labels in a Markdown page ("<input type="checkbox"> <label ...>Have participated as an RA ...
# </label>", a tester's lab page: its eligibility list ran on as one paragraph): each an item of a list.
_HTML_LABEL = re.compile(r"<label\b[^<>]{0,300}>\s{0,40}([^<]{1,1000}?)\s{0,40}</label\s{0,40}>", re.I)
# A line that is all bold, short and not a sentence is a heading written as bold text ("**Scope**").
# Template tags of static-site generators (Jekyll/Liquid, Jinja, Hugo): a logic tag ("{% include nav.html %}",
# "{% link pages/resume.md %}" inside a link) renders no words, nor does an output tag standing at a line's start
# or end ("{{ sidenav }}", a menu). One inside a sentence stands for a value the text does not hold: left as it is.
_TEMPLATE_LOGIC = re.compile(r"\{%[^{}]{0,2000}?%\}")  # an include's parameters may run over several lines (a caption's HTML)
# ... but an include given the author's words to set ("{% include "type/p_large.html", content: "On average, I launched
# a new client project every 36 days." %}", Eleventy) renders them: they stay, a paragraph of their own.
_INCLUDED_WORDS = re.compile(r"""^\{%-?\s*include\b[^{}"']{0,200}(?:"[^"{}]{0,200}"|'[^'{}]{0,200}')?[^{}"']{0,200}?"""
                             r"""\b(?:content|text|quote|body)\s*[:=]\s*(?:"([^"{}]{1,500})"|'([^'{}]{1,500})')""")


def _liquid(text: str) -> str:
    """Jekyll's Liquid as a page renders it, where it is plain: a comment says nothing; a captured value ("{% capture
    pass %}<span ...>Pass</span>{% endcapture %}") shows where it is output ("| {{pass}} |": a tester's results table
    read "{{pass}}" in every cell); a link to a post ("[case]: {% post_url 2021-01-18-case %}") is a link."""
    if "{%" not in text:
        return text
    text = _LIQUID_COMMENT.sub("", text)
    # Only a value output as "{{name}}" moves there; one handed to an include ("{% include quote.html content=quote %}"
    # over the author's quotation, a tester's academic pages) stays where it is written, as its tags go.
    output = set(_LIQUID_OUTPUT.findall(text))
    captured = {m[1]: " ".join(m[2].split()) for m in _LIQUID_CAPTURE.finditer(text) if m[1] in output}
    text = _LIQUID_CAPTURE.sub(lambda m: "" if m[1] in captured else m[0], text) if captured else text
    text = _LIQUID_URL.sub(r"/\1", text)
    return _LIQUID_OUTPUT.sub(lambda m: captured.get(m[1], m[0]), text) if captured else text


_LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.{0,3000}?\{%-?\s*endcomment\s*-?%\}", re.S)
_LIQUID_CAPTURE = re.compile(r"\{%-?\s*capture\s+(\w{1,50})\s*-?%\}(.{0,3000}?)\{%-?\s*endcapture\s*-?%\}", re.S)
_LIQUID_URL = re.compile(r"\{%-?\s*(?:post_url|link)\s+([^\s{}%]{1,200})\s*-?%\}")
_LIQUID_OUTPUT = re.compile(r"\{\{-?\s*(\w{1,50})\s*-?\}\}")


def _included_words(m: re.Match) -> str:
    words = _INCLUDED_WORDS.match(m[0])
    return f"\n\n{words[1] or words[2]}\n\n" if words else m[0]
# A label whose value is a template's output ("Updated: {{ page.updated_date }}") says nothing without it.
_TEMPLATE_VALUE_LINE = re.compile(r"^[ \t]*[^\s{}:][^\n{}:]{0,40}:[ \t]*\{\{[^{}\n]{0,300}\}\}[ \t]*$\n?", re.M)
# Hugo shortcodes ("{{< figure src=... >}}", "{{% notice tip %}} ... {{% /notice %}}") render a figure or a box:
# the tags go, the text between a pair stays.
# A heading written without its space ("##SongSheet or bust", as older Markdown readers took it): a heading.
# ... or over the tags it opens with ("###<span ...><strong>4) Can you work mostly independently?</strong></span>", a
# WordPress export: a tester's answer showed "###4)").
# ... a link's words too ("##[5. Service Dog Trainer](https://...)": two testers' answers showed "##5." run into the
# paragraph below it)
_UNSPACED_HEADING = re.compile(r"^(#{2,6})((?:<[A-Za-z][^<>\n]{0,200}>)*\[?[A-Za-z0-9][^\n#]{0,200})$", re.M)  # "##1. Cons" too
# A WordPress shortcode on a line of its own ("[visualizer id=\"7997\"]", "[/caption]"): a chart or a box, no words.
# An attribute or a closing slash says it is one: "[wsl2]" in a config file's code is no shortcode.
_WP_ATTRIBUTE = r"""[ \t]+[\w-]{1,30}=(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s\]]{1,100})"""
_WP_SHORTCODE_LINE = re.compile(rf"^[ \t]*\[(?:/[a-z][\w-]{{1,30}}|[a-z][\w-]{{1,30}}(?:{_WP_ATTRIBUTE})+)[ \t]*\][ \t]*$\n?", re.M)
_SHORTCODE = re.compile(r"\{\{[<%][^{}\n]{0,300}?[>%]\}\}")
# A WordPress shortcode the text closes ("[redbox] ... [/redbox]", "[small]...[/small]"): its tags go wherever they
# are, the text between them stays. A heading alone in one ("[number]\n### three\n[/number]" over "**The number of
# films** Spielberg has made without John Williams", a tester's: "three" was a section's heading) is a figure, read
# with the paragraph after it.
_WP_CLOSING = re.compile(r"\[/([a-z][\w-]{0,30})\]")
# ... but a picture's caption box goes whole, picture and caption ("[caption id=...] ... Click to Enlarge[/caption]": a
# tester's Salesforce post showed "Click to Enlarge" as a list item in three answers), with the list marker before it.
_WP_CAPTION = re.compile(r"(?:^[ \t]*[-*+][ \t]+)?\[caption\b[^\]\n]{0,300}\][\s\S]{0,600}?\[/caption\][ \t]*(?:\n(?=[ \t]*\n))?", re.I | re.M)
_WP_BOXED_HEADING = re.compile(r"^[ \t]*\[([a-z][\w-]{0,30})\][ \t]*\n[ \t]*#{1,6}[ \t]+([^\n#]{1,60})\n[ \t]*\[/\1\][ \t]*\n(?:[ \t]*\n)*",
                               re.M)


# A Hugo shortcode whose attributes hold the page's words ('{{< content-modules/section-header title="Educational
# Requirements" level="2" >}}', '{{< content-modules/faq-item question="Can I ...?" >}}', '{{< interactive-modules/
# checklist-item label="Volunteer at a local auction house" />}}': a tester's appraiser guides lost their headings, FAQ
# questions and checklists, and answers ran under the wrong sections).
_WORDED_SHORTCODE = re.compile(r'\{\{<[ \t]*(?P<name>[\w/-]{1,80})(?P<attrs>(?:[ \t]+[\w-]{1,30}="[^"\n]{0,300}")+)[ \t/]*>\}\}')
_SHORTCODE_ATTR = re.compile(r'([\w-]{1,30})="([^"\n]{0,300})"')


def _without_reasoning(text: str) -> str:
    """`text` without a language model's reasoning left in a page it wrote ("<think> Okay, I need to help the user by
    creating a comprehensive guide ...</think>", a tester's answer quoted it as advice): each such block, found by plain
    search (a regex would rescan from every unclosed "<think>")."""
    out, at = [], 0
    while (start := text.find("<think>", at)) >= 0 and (end := text.find("</think>", start)) >= 0:
        out.append(text[at:start])
        at = end + len("</think>")
    return "".join(out) + text[at:]


def _shortcode_words(m: re.Match) -> str:
    """The words a shortcode's attributes hold, laid out as the page shows them: a title with a level as a heading, a
    question as a heading over its answer, a label or a card's title as a list item; none for any other."""
    attrs = {k.lower(): v.strip() for k, v in _SHORTCODE_ATTR.findall(m["attrs"])}
    level = attrs.get("level", "")
    if attrs.get("question"):
        return f"\n#### {attrs['question']}\n"
    if attrs.get("title") and (level.isdigit() or m["name"].endswith("header")):
        return f"\n{'#' * min(6, max(2, int(level) if level.isdigit() else 2))} {attrs['title']}\n"
    if attrs.get("label"):
        return f"- {attrs['label']}"
    if attrs.get("title") and m["name"].endswith(("card", "item")):
        return f"- {attrs['title']}"
    return ""


def _paired_shortcodes(text: str) -> str:
    names = set(_WP_CLOSING.findall(text))
    if not names:
        return text
    text = _WP_BOXED_HEADING.sub(lambda m: f"{m[2].strip()}: " if m[1] in names else m[0], text)
    tags = re.compile(rf"\[/?(?:{'|'.join(map(re.escape, sorted(names)))})(?:{_WP_ATTRIBUTE})*\](?!\()")
    return tags.sub("", text)
# A task list's box ("- [x] Register with the NMC"), an abbreviation's definition line ("*[NMC]: Nursing and ..."),
# an emoji's shortcode (":rocket:"). A content tab's marker (MkDocs: '=== "NHS"') heads its text (_admonitions).
_TASK_BOX = re.compile(rf"^([ \t]*{LIST_MARKER}[ \t]+)\[[ xX]\](?:[ \t]+|(?=[A-Z]))", re.M)  # "- [x]Must be ...", a job ad's
# A quiz: a question over boxes, some ticked ("### Which of the following ...?" over "- [ ] Increased manual bookkeeping"
# and "- [x] Rapid digital transformation ..."). Its unticked options are wrong answers: a tester's answer listed them as
# the benefits of joining ISACA.
_QUIZ = re.compile(rf"(?<=\?)([ \t*_]*\n)((?:[ \t]*{LIST_MARKER}[ \t]+\[[ xX]\][^\n]*\n?){{2,}})")
_UNTICKED = re.compile(rf"^[ \t]*{LIST_MARKER}[ \t]+\[ \][^\n]*\n?", re.M)


def _quiz_answer(m: re.Match) -> str:
    """A quiz's question with its ticked options only, when some are ticked and some are not; else as written."""
    options = m[2]
    ticked = re.search(r"\[[xX]\]", options)
    return m[1] + _UNTICKED.sub("", options) if ticked and _UNTICKED.search(options) else m[0]


_ABBREVIATION = re.compile(r"^\*\[[^\]\n]{1,100}\]:[^\n]*\n?", re.M)
_EMOJI = re.compile(r"[ \t]?(?<![\w:/]):[a-z][a-z0-9_+-]{1,40}:(?![\w:/])")
_CONTENT_TAB = re.compile(r'^[ \t]*===[+!]?[ \t]+"([^"\n]{1,200})"[ \t]*$', re.M)
# A GitHub or Obsidian alert's marker ("> [!NOTE]", "> [!tip] Title") styles the quote it opens as the author's own
# callout: its text stays, as the author's words, without the quote's markers (_unquoted_alerts).
_ALERT = re.compile(r"^[ \t]*>[ \t]*\[![a-z]{2,12}\][+-]?[ \t]*", re.I)
_QUOTE_LEVEL = re.compile(r"^[ \t]*>[ \t]?")
# An aside's marker in Mmark and Leanpub's Markua ("A> **Assertion: ...**", "T> tip", "W> warning"): the author's own
# callout, its text kept without the marker (a tester's answers read "A> Assertion ...").
_ASIDE_MARKER = re.compile(r"^([ \t]*)[AWTIEQDXB]>[ \t]+", re.M)
_CUT_PUNCTUATION = {0x13: "–", 0x14: "—", 0x18: "‘", 0x19: "’", 0x1C: "“", 0x1D: "”"}
# Characters of no width: a page's zero-width spaces and word joiners, and joiners beside plain text (a tester's
# Webflow page put U+200D before its headings' numbers, "‍3. Learn Yul and Huff ‍", and in 12 chunks' text). A joiner
# between two emoji or in a script that needs it (Persian's non-joiner) stays.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]|(?<=[\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?=[\x00-\x7f]|$)|^[\u200c\u200d]", re.M)
# Ruby's ERB tags ("<%= image_tag "blog/canvassing.png" %>", a Rails blog's Markdown) are the template's, not text.
_ERB_TAG = re.compile(r"<%[^%]{0,600}%>")
# A PHP page's code ("<? require "include/footerlinks.php"; ?>", "<?php ... ?>"): it renders no words, and its "->" and
# ">>>>>" ended the tags around it early (a tester's pages opened ">>>> ?> THE SILENT TIMER").
# A list item's own number set in a span before its heading ('<li class="step"><span class="step-num">1</span><div>
# <h3>Free intro call</h3>', a tester's: "1. 1 ### Free intro call" in an answer): the list numbers it.
_ITEM_NUMBER_SPAN = re.compile(r"(<li\b[^>]*>\s*)<span\b[^>]*>\s*\d{1,3}[.)]?\s*</span>", re.I)
_SERVER_TITLE = re.compile(r"<title\b[^>]*>[^<]{0,300}<(?:\?(?!xml\b)|%)[^\n]{0,1000}?</title>", re.I)
_PHP_BLOCK = re.compile(r"<\?(?!xml\b)(?:[^?]|\?(?!>)){0,20000}\?>")
_TEMPLATE_OUTPUT = re.compile(r"^[ \t]*\{\{[^{}\n]{0,300}\}\}[ \t]*|(?<![ \t])[ \t]*\{\{[^{}\n]{0,300}\}\}[ \t]*$", re.M)
# A byline or a date set as a heading ("#### Publication date: May 28, 2026", "#### Contributed by ...") names no
# section: the text under it belongs to the section before (the title), and the line stays as a line of text. "by" in
# lower case before a name too ("<h6>by Kim Desmond, cofounder of CodingNomads</h6>", a tester's: a section in See also).
_BYLINE_HEADING = re.compile(r"^([ \t]*)#{1,6}[ \t]+(?=(?:(?:publication date|published|posted|last updated|updated|date)"
                             r"(?: on)?[ \t]*:|(?:contributed|written|posted) by\b|(?-i:by[ \t]+[A-Z])))", re.I | re.M)
# A post's reading time, a heading or a line of its own ("##### Read Time (6 minutes)", "5 min read": a tester's answers
# were labelled by it).
_READ_TIME_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?[*_]*(?:(?:estimated[ \t]+)?read(?:ing)?[ \t]+time\b[^\n]{0,30}|"
                            r"\d{1,3}[ \t]*(?:-[ \t]*)?min(?:ute)?s?\.?[ \t]+read)[*_]*[ \t]*$\n?", re.I | re.M)
# A writer's SEO notes, a line of their own ("**Target Keyword:** what does a home health aide do", "**Word Count Target:**
# 1,800-2,200" over a tester's agency post: they matched questions word for word and opened ten answers): no text of it.
_SEO_LINE = re.compile(r"^[ \t]*(?:[-*][ \t]+)?[*_]*(?:meta[ \t]+(?:title|description|keywords?)|(?:target|focus|primary|"
                       r"secondary)[ \t]+key(?:[ \t]?words?|[ \t]+phrases?)|seo[ \t]+(?:title|description)|(?:url[ \t]+)?slug|"
                       r"word[ \t]+count(?:[ \t]+target)?)[*_]*[ \t]*:[^\n]{0,400}$\n?", re.I | re.M)
# A content placeholder on a line of its own ("$check-your-qualifications$", GOV.UK's components) renders a box the
# text does not hold.
_PLACEHOLDER_LINE = re.compile(rf"^[ \t]*{PLACEHOLDER}[ \t]*$", re.M | re.I)
# Middleman's summary separator, a line of its own ("READMORE"), as Jekyll's "<!--more-->" is a comment.
_READ_MORE_LINE = re.compile(r"^[ \t]*READMORE[ \t]*$\n?", re.M)
# A page's licence on a line of its own ("All content is licensed under the CC BY-SA 3.0 license.", a Stack Exchange
# archive's footer a tester's answer quoted as advice): the site's terms, not the article's words.
_LICENCE_LINE = re.compile(r"^[ \t]*(?:all (?:content|text|posts?)|this (?:article|post|work|page|content|blog)|content|text)"
                           r"(?: on this (?:site|page|blog))? (?:is|are) (?:licensed|published|available|released|shared) under "
                           r"(?:the |a )?(?:terms of the )?(?:CC\b|creative commons)[^\n]{0,120}$", re.I | re.M)
# A WordPress "Also Read" box, a line of its own pointing at another post ("<strong>Also Read : <a href=...>Guides On How
# to Land A Clerical Job</a></strong>", two testers' answers ended on one).
_ALSO_READ = re.compile(r"^[ \t]*(?:<[A-Za-z][^<>\n]{0,40}>[ \t]*)*(?:\*\*|__)?(?:also read|read also)[ \t]*:[^\n]{0,400}$", re.I | re.M)
# A closing call to action: a bold question a promotion opens on, and a link in its line ("**Planning your Deck Officer
# career?** [Chat with SailorGPT](...) - Get personalized guidance ...", "**Ready to launch your maritime career?** Use
# the [Military Transition Toolkit](...)": a tester's answers quoted them as advice).
_PROMO_LINE = re.compile(r"^[ \t]*(?:\*\*|__)(?:ready to|planning (?:your|a|to)|need (?:personalized |personalised |more |expert )?"
                         r"(?:help|guidance|advice|support|career guidance)|(?:have (?:more )?|got )?questions|want (?:personalized|personalised|"
                         r"expert|more help|help)|looking for (?:help|guidance|advice))[^*_\n]{0,150}\?(?:\*\*|__)"
                         r"(?=[^\n]*\]\()[^\n]{0,600}$", re.I | re.M)
# An author's note to self left in a draft ("<<insert nanaimo pics>>", a tester's accounting blog): no words of the page.
_AUTHOR_NOTE = re.compile(r"<<[A-Za-z][^<>\n]{0,80}>>")
# A theme's contents placeholder ("<h2>TOC</h2>" over a post's whole text, a tester's saved Hugo page: every passage's
# section was "TOC"): a heading naming a table of contents with no list under it heads nothing.
_CONTENTS_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?:toc|table of contents|contents|on this page|in this (?:article|post))"
                               r"[ \t]*:?[ \t]*\n(?![ \t\n]*(?:[-*+]|\d{1,3}[.)])[ \t])", re.I | re.M)
_EMPTY_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*(?:[-*_=][ \t]*){0,40}$", re.M)  # "####" alone, or over a rule ("### ---")
# A WordPress page's sharing widget ("### Like this:", "Like Loading...", a tester's sales posts ended on it) and its
# line of tag links ("Tags: [How\+to\+sell](http://technorati.com/tag/How+to+sell), ..."): the site's, not the article's.
_WP_WIDGET = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?:Like|Share) this:[ \t]*\n(?:[ \t]*\n)*(?:Like Loading\.\.\.[ \t]*$)?|"
                        r"^Tags:[ \t]*(?:\[[^\]\n]{1,100}\]\([^)\s]{1,300}\)(?:,[ \t]*|[ \t]*$))+", re.M)
# A picture's credit on a line of its own ("Image credits: Blorange photo by [davisuko](...) on Unsplash.", "Photo by
# Katt Yukawa on Unsplash", "### Image Credit: Wikimedia Commons"): the page's, not the article's (a tester's answer
# quoted one).
_PHOTO_CREDIT = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)?(?:<(?:sub|small|em|i|span)\b[^<>\n]{0,80}>)?[*_(]{0,3}"
                           r"(?:(?:header|cover|featured?|hero|top|title)[ \t]+)?"
                           r"(?:image|photo|photograph|picture|illustration|graphic)s?[ \t]+(?:credits?[ \t]*:|by[ \t]|courtesy[ \t]+of[ \t])"
                           r"[^\n]{0,1000}$\n?", re.M | re.I)  # its links' addresses may be long (Pexels' ~400 characters)
# ... and a caption that ends on its credit, a line of its own ("Conservator Jena Hirschbein treating Tudor-period oak
# panels from ... (ca. 1520–1530). Photo by Jane Williams", a museum's page: quoted in five of a tester's answers).
# A caption saying where its picture stands, in italics on a line of its own ("_At left: One of the more fun units._", a
# tester's wine course post: that line was a whole answer).
_PLACED_CAPTION = re.compile(r"^[ \t]*([*_])(?:at (?:left|right)|(?:on the |at the )?(?:left|right|top|bottom|above|below)|"
                             r"pictured(?: above| below| here)?|above|below)[ \t]*:[^\n]{1,200}\1[ \t]*$\n?", re.M | re.I)
# ... or a line asking to enlarge its picture ("This flowchart is based on eight semesters (Click to enlarge)", a tester's
# FAQ page: quoted in two answers, with no picture).
_ENLARGE_CAPTION = re.compile(r"^[^\n]{0,300}[(\[][ \t]*(?:click|tap)[ \t]+(?:here[ \t]+)?(?:to[ \t]+)?(?:enlarge|zoom|"
                             r"see (?:it )?(?:larger|full[ -]size)|view (?:it )?(?:larger|full[ -]size))[ \t]*[)\]][ \t]*$\n?", re.M | re.I)
# ... its credit a source too, the caption in italics ("*Daniel Scarpati transitioning from PA to camera operator. Image
# source: Daniel Scarpati*", a tester's film post: quoted as the author's words)
_CREDITED_CAPTION = re.compile(r"^[^\n]{1,400}?(?<=[.)\]\w])[ \t]+(?:Photo(?:graph)?|Image|Picture)s?[ \t]+"
                               r"(?:by|courtesy of|[Ss]ource:|[Cc]redit:)[ \t]+"
                               r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}[*_]{0,3}[ \t]*$\n?", re.M)
# A blockquote (an example, a tip, a case study) keeps its marker ("> "): what it quotes may be an utterance
# ("> This is [NAME], the Incident Commander") that is no sentence of the author's. Its empty lines are paragraph
# breaks, a heading in it is a heading, and its wrapped lines are joined (_join_soft_breaks).
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]*)+")  # indented too: a quote inside a list item
_QUOTE_EMPTY = re.compile(r"^[ \t]*(?:>[ \t]*)+$", re.M)
_QUOTE_HEADING = re.compile(r"^[ \t]*(?:>[ \t]*)+(?=#{1,6}[ \t])", re.M)
# A paragraph or list item emphasized whole ("*The mission is to lead ... people.*"), too long for _EMPHASIS_1.
_EMPHASIS_LINE = re.compile(r"^([ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?)(\*{1,3}|_{1,3})(?=[^\s*_])([^*_\n]{1,20000}?)(?<=[^\s*_])\2[ \t]*$", re.M)
# A numbered one may be longer: a survey's findings ("**4. New York and DC own the market, but they pair high salaries
# with ...**", 101 characters) were items under the one before that fitted ("3. The newsroom pay gap is real:").
# Lower case on both sides, after a word that is no abbreviation: not "No. 1", "U.S. Army", "Dr. Smith", "e.g. this",
# "Freelance vs. in-house trade-offs".
_SENTENCE_INSIDE = re.compile(r"\b(?!(?:vs|etc|approx|incl|esp|dept|est|misc|ca|cf|ie|eg)\.)[a-z]{2,}[.!?][ \t]+[a-z]")
_BOLD_HEADING = re.compile(r"^[ \t]*(\*\*|__)((?=\d{1,2}[.)][ \t])[^*_\n]{1,200}?|[^*_\n]{1,80}?)\1[ \t]*:?[ \t]*$", re.M)


def _footnote(m: re.Match) -> str:
    """A footnote's definition ("[^4]: Unlike academia, ... you don't need a PhD to go from research associate to
    Scientist.") as a paragraph of its text when it holds a sentence; a note that only points somewhere goes."""
    body = " ".join(m[0].split("]:", 1)[1].split())
    return f"\n{body}\n\n" if _has_sentence(_LINK.sub(r"\1", body)) else ""


def _admonitions(text: str) -> str:
    """Admonitions ("!!! warning "Title"", ":::tip Title") as their title, a paragraph of its own (joined to the text
    below, it ran into it: "High Priority Alerts Anything that wakes ..."), and their text; an MkDocs admonition's
    text is indented four spaces by its syntax, and loses that indent."""
    if "!!!" not in text and "???" not in text and ":::" not in text and '=== "' not in text:
        return text
    out, body, tabbed = [], False, False
    for line in text.split("\n"):
        tab = _CONTENT_TAB.match(line)
        if tab:
            # An MkDocs content tab ('=== "From Data Analyst"' over its indented text): its label heads its text, and
            # a label in bold inside it ("**You already have:**") a level below, or one path's timeline runs into
            # the next's and its labels read as another's (a tester's data-engineering guide).
            out += [f"#### {tab[1].strip()}", ""]
            body = tabbed = True
            continue
        if tabbed and line.startswith(("    ", "\t")) and (bold := _BOLD_HEADING.fullmatch(line)) \
                and not _without_symbols_at_end(bold[2]).endswith((".", "!", "?")):
            out.append(f"##### {bold[2].strip()}")
            continue
        m = _ADMONITION.match(line)
        if m:
            titled = _ADMONITION_TITLE.search(m[2] or "")
            # a label, then any text after it
            out += [part for said in (m[1], titled and titled[1], m[3]) if said for part in (said, "")] or [""]
            body = line.lstrip().startswith(("!!!", "???"))
            continue
        if body and line.startswith(("    ", "\t")):
            line = line[4:] if line.startswith("    ") else line[1:]
        elif line.strip():
            body = tabbed = False
        out.append(line)
    return "\n".join(out)


# A docs site's component written as a fence ("```tabs", "```accordion", "```callout type=\"tip\""): its inside is the
# page's text (a tester's coding-certification page kept its FAQ's "## Can I take the CPC exam ..." as literal lines).
_COMPONENT_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*(?:tabs?|accordion|callout|details|collapse|note|tip|info|"
                              r"warning|caution|important|danger|hint|admonition|faq|steps)\b[^`\n]{0,200}", re.I)
def _component_fences(text: str) -> str:
    """`text` without the fence lines of component blocks (`_COMPONENT_FENCE`), their insides kept."""
    if "``" not in text and "~~" not in text:
        return text
    out, closing = [], None
    for line in text.split("\n"):
        if closing is None and (m := _COMPONENT_FENCE.fullmatch(line)):
            closing = m[1]
            continue
        if closing is not None and line.strip().startswith(closing) and not line.strip().strip(closing[0]):
            closing = None
            continue
        out.append(line)
    return "\n".join(out)


_FENCE_OPEN = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[^`\n]*")
_BOX_FRAME = "│┃║"  # the side of a box drawn in text (not "|": a table kept as code)
_BOX_BORDER = re.compile(r"[ \t]*[┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬┏┓┗┛\-+]+[ \t]*")
_BOX_BULLET = re.compile(r"^[•●▪◦]\s*")


def _boxed_fences(text: str) -> str:
    """`text` with each fenced block that is a box drawn in text (a program page's "┌───┐", "│  Exam Cost: $650  │",
    "│  • 4 hours  │", "└───┘": a tester's healthcare library ranked the box first and never quoted it, code being no
    text) as the text in the box: its lines without the frame, its bullets as a list's items, a blank framed line a
    paragraph break. A fence with other text in it stays code. One pass over the lines."""
    if "│" not in text and "║" not in text and "┃" not in text:
        return text
    out: list[str] = []
    fence, inside = None, []
    for line in text.split("\n"):
        if fence is None:
            m = _FENCE_OPEN.fullmatch(line)
            if m:
                fence, inside = m[1], [line]
            else:
                out.append(line)
            continue
        if line.strip() != fence:
            inside.append(line)
            continue
        body = inside[1:]
        boxed = bool(body) and all(_BOX_BORDER.fullmatch(x) or x.strip()[:1] in _BOX_FRAME and x.strip()[-1:] in _BOX_FRAME
                                   for x in body if x.strip())
        out += [*_unboxed(body), ""] if boxed else [*inside, line]
        fence = None
    return "\n".join(out + inside if fence is not None else out)


def _unboxed(lines: list[str]) -> list[str]:
    out = []
    for x in lines:
        if x.strip() and not _BOX_BORDER.fullmatch(x):
            body = x.strip()[1:-1].strip()
            out.append(f"- {_BOX_BULLET.sub('', body)}" if _BOX_BULLET.match(body) else body)
    return out


def _component_text(m: re.Match) -> str:
    """What a self-closing component shows of its props: its text props, in `_TEXT_PROPS` order, joined "title:
    description"; nothing for a component with none (<InDocAd />)."""
    if _AD_COMPONENT.match(m[0]):
        return ""  # <NativeAds title="Fear pricing ...?" offer="Use Promo code ..." />: an advert's words (a tester's PM library)
    props = {k.lower(): " ".join(v.split()) for k, _, v in _JSX_PROP.findall(m[1])}
    shown = [props[k] for k in _TEXT_PROPS if props.get(k)]
    return ": ".join(shown[:2]) if len(shown) > 1 and not shown[0].endswith((".", "?", "!", ":")) else " ".join(shown)


def _data_component(m: re.Match) -> str:
    """A component given its items as data, as a list of them (`_JSX_DATA_COMPONENT`), after its own text props. One
    that writes structured data for search engines (<FAQSchema faqs={[...]} />, <JsonLd ...>) shows nothing: its FAQ
    is the page's own, shown again (a blind reader found answers made of the pile)."""
    if _SEARCH_DATA.match(m[0]):
        return "\n\n"
    items = []
    for obj in _JS_OBJECT.finditer(m[0]):
        fields = [(k.lower(), " ".join(v.replace("\\", "").split())) for k, _, v in _JS_TEXT_FIELD.findall(obj[1])]
        name = next((v for k, v in fields if k in _NAME_FIELDS and v), "")
        rest = [v for k, v in fields if v and v != name and k not in _NO_TEXT_FIELDS and k not in _NAME_FIELDS]
        if name or rest:
            items.append(f"- {name}: {', '.join(rest)}" if name and rest else f"- {name or ', '.join(rest)}")
    props = _JSX_SELF_CLOSING.match(re.sub(r"=\{\[.*\]\}", "", m[0], flags=re.S))
    own = _component_text(props) if props else ""  # props it cannot read ("style={{a: 1}}") show nothing
    return "\n\n" + "\n\n".join(filter(None, (own, "\n".join(items)))) + "\n\n"


def _dialects(text: str) -> str:
    for tag in ("head", "script", "style", "svg"):  # an <svg> is a picture: its <title> and paths are no text
        text = _drop_blocks(text, tag)
    text = _component_fences(_TEMPLATE_LOGIC.sub(_included_words, _boxed_fences(_liquid(text))))  # before a "{...}" line is read as JSX
    text = _MDX_IMPORT.sub("", _KRAMDOWN_BLOCK_ATTRS.sub("", _KRAMDOWN_TOC.sub("", _STYLED_CAPTION.sub("", text))))
    text = _JSX_DATA_COMPONENT.sub(_data_component, text)  # before its objects are read as expression lines
    text = _JSX_COMMENT.sub("", text)
    text = _JSX_STRING.sub(r"\2", text)
    text = _JSX_EXPRESSION_LINE.sub("", text)
    text = _JSX_TAG.sub("", _JSX_SELF_CLOSING.sub(_component_text, text))
    text = _admonitions(text)
    text = _PANDOC_ANCHOR.sub("", _HEADING_ID.sub("", _NUMBERED_HEADING_ID.sub(r"\1", _PANDOC_SPAN.sub(r"\1", text))))
    text = _HEADING_TEXT.sub(lambda m: m[0].replace("**", ""), text)
    text = _NOTE_TAG.sub("", _KRAMDOWN_ATTRS.sub("", _PANDOC_DASH.sub(" — ", text)))
    text = _WP_SHORTCODE_LINE.sub("", _paired_shortcodes(_WP_CAPTION.sub("", text)))
    text = _TEMPLATE_VALUE_LINE.sub("", _TEMPLATE_LOGIC.sub("", _SHORTCODE.sub("", _WORDED_SHORTCODE.sub(_shortcode_words, text))))
    text = _without_reasoning(text)
    text = _PLACEHOLDER_LINE.sub("", _TEMPLATE_OUTPUT.sub("", _ERB_TAG.sub("", _READ_MORE_LINE.sub("", text))))
    text = _ASIDE_MARKER.sub(r"\1", _unquoted_alerts(text))
    text = _EMOJI.sub("", _ABBREVIATION.sub("", _TASK_BOX.sub(r"\1", _QUIZ.sub(_quiz_answer, text))))
    text = _PHOTO_CREDIT.sub("", _CREDITED_CAPTION.sub("", _PLACED_CAPTION.sub("", _ENLARGE_CAPTION.sub("", text))))
    text = _BYLINE_HEADING.sub(r"\1", _EMPTY_HEADING.sub("", _WP_WIDGET.sub("", _READ_TIME_LINE.sub("", _SEO_LINE.sub("", text)))))
    text = _CONTENTS_HEADING.sub("", _LICENCE_LINE.sub("", _AUTHOR_NOTE.sub("", _ALSO_READ.sub("", _PROMO_LINE.sub("", text)))))
    text = _QUOTE_HEADING.sub("", _QUOTE_EMPTY.sub("", text))
    text = _HTML_ITEM.sub("\n- ", _HTML_ITEM_END.sub("", _HTML_LIST.sub("\n", _HTML_LABEL.sub(r"\n- \1\n", text))))
    text = _POST_FACTS.sub(lambda m: "" if _POSTED_BY.search(m[0]) else m[0], _labelled_items(_without_asked_post(text)))
    # A sentence stop before emoji ("**CUE. THE. FREAKOUT! 🤩🎉**") still ends a sentence, not a heading.
    # ... and one holding a sentence's end is a remark, not a heading ("**kind of a brag thread. ignore if you wish**"
    # opened every answer from a tester's PM page).
    return _bold_headings(text)


def _bold_headings(text: str) -> str:
    """Lines all in bold as headings (`_bold_line`), each a level below the Markdown heading over it, "####" at least:
    "**Strategy**:" under "#### Path 4: Transition from SOC/Security Analyst" is Path 4's strategy (a tester's
    cybersecurity guide: at the same level it replaced the path, and Path 4's "Expected Salary" read as every path's)."""
    found = [(m.start(), len(m[1]), m[2]) for m in _ATX_LEVEL.finditer(text)]
    starts = [start for start, _, _ in found]
    # A label that comes back within one section ("**Nicholas Lambson:**" over each answer of an interview) is a
    # speaker's name, not a section's (no section has two of one name): a line. As headings, a tester's interview had
    # six sections all named "Nicholas Lambson:", each question cut off from its answer. One under each of several
    # headings ("**Salary ranges:**" under each job) heads its part of that section.
    def label(m: re.Match) -> tuple[int, str]:
        return bisect.bisect(starts, m.start()), " ".join(m[2].split()).rstrip(":").strip()

    # A link in a line all in bold is its words here: its address counted against a heading's length ("**[1994](http://
    # pubs.acs.org/doi/pdf/...) - You Get What You Give**", a tester's year-by-year jobs market: half its years were
    # lines of text, and 2002's 3.3% read as 1995's section).
    text = _BOLD_LINE_ANY.sub(lambda m: _LINK.sub(r"\1", m[0]) if "](" in m[0] else m[0], text)
    bold = list(_BOLD_HEADING.finditer(text))
    said = Counter(label(m) for m in bold)
    # A label under a name in bold, in one section ("**Registered Professional Reporter (RPR) from NCRA**" over
    # "**Requirements:**"), is the name's: a level below it (as siblings, a tester's RPR requirements and fees read as
    # the section's, and "$350" of the next certification's as the RPR's).
    named = [(m.start(), label(m)[0]) for m in bold if not _labels(m) and _heads_something(m)]

    def line(m: re.Match) -> str:
        if said[label(m)] > 1 and _labels(m):
            return m[0].replace(m[1], "").strip()
        # A summary's label over its list ("**TL;DR**" over each section's bullets) labels the list, not what follows
        # it: as a heading, a tester's post had its whole story under "TL;DR".
        if label(m)[1].lower() in _SUMMARY_LABELS and ITEM_START.match(text, m.end() + 1):
            return f"{label(m)[1]}:"
        at = bisect.bisect(starts, m.start())
        level = found[at - 1][1] if at else 0
        under = _labels(m) and any(section == at for start, section in named if start < m.start())
        # ... but a numbered one at the level of the heading numbered one before it ("**2\. The Landscape of
        # Opportunity**" after "### **1\. Introduction**", a Google Docs export: it was a section of the introduction's
        # last subsection, and its own "#### 2.1 ..." sections fell under the introduction).
        number = _SECTION_NUMBER.match(m[2])
        if number and int(number[1]) > 1:
            before = f"{int(number[1]) - 1}."
            sibling = next((lv for _, lv, name in reversed(found[:at]) if _unmarked(name).startswith(before)), 0)
            if sibling:
                return _bold_line(m, "#" * sibling)
        return _bold_line(m, "#" * min(6, max(4, level + 1) + under))

    return _BOLD_HEADING.sub(line, text)


_BOLD_LINE_ANY = re.compile(r"^[ \t]*(\*\*|__)[^\n]{1,1000}?\1[ \t]*:?[ \t]*$", re.M)
_SUMMARY_LABELS = frozenset({"tl;dr", "tldr", "tl dr", "summary", "in short", "in brief", "key takeaways", "takeaways",
                              "the short version", "at a glance"})


def _heads_something(m: re.Match) -> bool:
    """Whether a line all in bold becomes a heading (`_bold_line`): no sentence, and text under it."""
    if _without_symbols_at_end(m[2]).endswith((".", "!", "?")) or _SENTENCE_INSIDE.search(m[2]):
        return False
    following = _NEXT_LINE.match(m.string, m.end())[1]
    return bool(following) and not following.startswith("#") and not _only_bold(following, m)


def _labels(m: re.Match) -> bool:
    """Whether a line all in bold is a label ("**Requirements:**", "**Salary ranges**:")."""
    return m[0].replace(m[1], "").rstrip().endswith(":")


_ATX_LEVEL = re.compile(r"^(#{1,6})[ \t]+([^\n]{0,200})", re.M)
_SECTION_NUMBER = re.compile("[ \t]*(\\d{1,2})(?:\\.|\U000f002e)[ \t]")  # "2." or "2\\." (its escaped dot's stand-in)


def _unmarked(heading: str) -> str:
    """A heading's words without its emphasis marks and escapes' stand-ins ("**1\\. Introduction**": "1. Introduction")."""
    return _STANDIN.sub(lambda m: chr(ord(m[0]) - 0xF0000), heading.replace("**", "").replace("__", "")).strip()


def _bold_line(m: re.Match, marks: str = "####") -> str:
    """A line all in bold, as a heading (`marks`: "#### Scope") when it heads something; else as written."""
    following = _NEXT_LINE.match(m.string, m.end())[1]
    asked = _FAQ_QUESTION.fullmatch(m[2].strip())
    if asked and following and not following.startswith("#") and not _BOLD_HEADING.fullmatch(following):
        # An FAQ's question in bold, "Q:" before it ("**Q: Do carpenters make good money?**" over "A: Journeyman carpenters
        # average ..."): it heads its answer. As a line, ten such pairs were one passage of a tester's, and the first
        # answered every question on the page.
        return f"{marks} {asked[1]}"
    if (m[2].strip().endswith("?") and len(m[2].split()) <= MAX_QUESTION_HEADING_WORDS and not _SENTENCE_INSIDE.search(m[2])
            and ITEM_START.match(following)):
        # ... and one question alone over a list ("**What are the Details?**" over "- $20/hr Guarantee", a tester's job
        # post): it heads the list. As a line, the list had no lead-in and none of it was quoted ("no figure" over it).
        return f"{marks} {m[2].strip()}"
    if _without_symbols_at_end(m[2]).endswith((".", "!", "?")) or _SENTENCE_INSIDE.search(m[2]):
        return m[0]
    if _BYLINE_HEADING.match(f"# {m[2].strip()}"):
        return m[2].strip()  # a date or a byline in bold ("**Last Updated: Feb 14th, 2022**"): a line, as a heading's is
    if _LABELLED_FIGURE.search(m[2]):
        return m[2].strip()  # a figure after its label ("**Total Preparation cost: Php 1,060**", a tester's): a line
    # One with nothing under it before the next heading, bold line or the page's end is a line of text: "**Medium-High**"
    # under "## Stress Level" over "### Stress Factors:", a job ad's closing "**Wage: from $20.00/hour ...**" (two
    # testers' libraries lost them: an empty section is dropped).
    following = _NEXT_LINE.match(m.string, m.end())[1]
    if not following or following.startswith("#") or _only_bold(following, m):
        return m[2].strip()
    return f"{marks} {m[2].strip()}"


def _only_bold(following: str, m: re.Match) -> bool:
    """Whether the line after a bold one is all in bold too, and no label it names ("**Life as a Senior Reactor
    Operator**" over "**Typical Day:**" heads that part: as a line of text it closed the section before, and a tester's
    answers on an operator's day quoted the licence section over it)."""
    under = _BOLD_HEADING.fullmatch(following)
    # ... but a value the label under it explains is a line ("**Medium-High**" over "**Why Medium-High:**" under "### Stress
    # Level": as a heading, a tester's answers were told the guides never mention stress).
    explained = bool(under) and m[2].strip().lower() in under[2].lower()
    return bool(under) and (explained or not (_labels(under) and not _labels(m) and _names_a_part(m[2])))


def _names_a_part(line: str) -> bool:
    """Whether a bold line reads as a part's name, not a claim: a few words, no one doing anything ("You likely DON'T
    need a specific license" over "**You likely DO need:**" is a statement of the guide's)."""
    words = re.findall(r"[\w’'-]+", line.lower())
    return 0 < len(words) <= MAX_PART_NAME_WORDS and not _CLAIM_WORDS & set(words)


MAX_PART_NAME_WORDS = 6
_CLAIM_WORDS = frozenset("i you we they he she it you're we're they're it's i'm is are was were be will can should must "
                         "need needs don't doesn't".split())


_NEXT_LINE = re.compile(r"\s*([^\n]*)")
_LABELLED_FIGURE = re.compile(r":[ \t]*(?:[A-Za-z]{0,3}[ \t]?)?[$£€¥₱₹]?[ \t]?\d")
MAX_QUESTION_HEADING_WORDS = 12  # a question in bold over a list this short heads it; a longer one is a remark
_FAQ_QUESTION = re.compile(r"(?:Q|Question)[ \t]*\d{0,3}[ \t]*[:.)][ \t]+([^\n]{3,300}\?)", re.I)


# A question-and-answer site's post facts, as its archives in Markdown list them under each post ("- posted by: [Jack]
# (...) on 2011-09-01", "- tagged: `tax`", "- score: 1"): a tester's accounting library quoted "Answer 29559: - posted
# by: ... - score: 1" as an answer. A run of two or more such items, one of them who posted it.
_POST_FACTS = re.compile(r"^(?:[ \t]*[-*][ \t]+(?:posted by|tagged|score|asked|answered|viewed|views|votes|last activity|"
                         r"accepted)[ \t]*:[^\n]*\n){2,}", re.I | re.M)
_POSTED_BY = re.compile(r"posted by[ \t]*:", re.I)
# A question-and-answer archive's page: its question as the first heading, the post that asks it, then the answers,
# each a heading of the same level ("## Answer 2749"). The asker's post is no advice: a tester's founder library
# quoted "I will be quitting my job to run this startup ..." as the answer to its own question, above the answers.
_ASKED_POST = re.compile(r"\A(\s*(#{1,6})[ \t]+[^\n]+\n)((?:(?!#)[^\n]*\n)*?)(?=\2[ \t]+(?:accepted[ \t]+)?answer\b[^\n]*\n)", re.I)


def _without_asked_post(text: str) -> str:
    """A question-and-answer page without its question's post (the heading that asks it stays: the page's title)."""
    found = _ASKED_POST.match(text)
    if not found or not _POSTED_BY.search(found[3]):
        return text
    return found[1] + "\n" + text[found.end():]
# A list item that is only a bold label ("*   **Databases: Your Digital Filing Cabinet**") over its own indented
# paragraphs: a section written as a list, as a heading is.
_LABEL_ITEM = re.compile(rf"{LIST_MARKER}[ \t]+(\*\*|__)([^*_\n]{{1,80}}?)\1[ \t]*:?[ \t]*")
_ANY_ITEM = re.compile(rf"{LIST_MARKER}[ \t]")  # at the line's start: a list's own items, not those nested in one


def _labelled_items(text: str) -> str:
    """Lists whose every item is a bold label over indented paragraphs, as "####" sections (a bold label inside
    one a level below), their paragraphs unindented; a list with any other item is left as it is. Quoted as a
    list, one item's text ran into the next item's label and its paragraphs ("- Databases: Your Digital Filing
    Cabinet" ended an answer about APIs: a blind reader)."""
    if "**" not in text and "__" not in text:
        return text
    lines = text.split("\n")
    spans = _label_sections(lines)
    for start, end in reversed(spans):
        body = [line for line in lines[start + 1:end] if line.strip()]
        indent = min(len(line) - len(line.lstrip()) for line in body)
        out = ["", f"#### {_label(lines[start])}", ""]  # a tight list's label has no blank line around it
        for line in lines[start + 1:end]:
            line = line[indent:]
            bold = _BOLD_HEADING.fullmatch(line)
            labelled = bold and not _without_symbols_at_end(bold[2]).endswith((".", "!", "?"))
            out.append(f"##### {bold[2].strip()}" if labelled else line)
        lines[start:end] = out
    return "\n".join(lines)


def _label(line: str) -> str:
    return _LABEL_ITEM.fullmatch(line)[2].strip()


def _label_sections(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, end) of each labelled item in lists made only of such items, in order."""
    spans, run, k = [], [], 0
    while k < len(lines):
        line = lines[k]
        if _ANY_ITEM.match(line):
            end = next((j for j in range(k + 1, len(lines)) if lines[j].strip() and not lines[j][0].isspace()),
                       len(lines))
            body = [x for x in lines[k + 1:end] if x.strip()]
            labelled = _LABEL_ITEM.fullmatch(line) and body and not _ANY_ITEM.match(body[0].lstrip()) \
                and not _without_symbols_at_end(_label(line)).endswith((".", "!", "?"))
            run.append((k, end) if labelled else None)
            k = end
            continue
        if line.strip():  # the list ended: keep it only if every item was a label over its text
            spans += _sections(run, lines)
            run = []
        k += 1
    return spans + _sections(run, lines)


def _sections(run: list, lines: list[str]) -> list[tuple[int, int]]:
    # Items with one line each under their labels ("1. **Resume:**" over a prompt to paste) are a list's entries,
    # quoted together; a label over paragraphs of its own is a section.
    if len(run) < 2 or None in run:
        return []
    paragraphs = sum(len(re.findall(r"\n[ \t]*\n[ \t]*\S", "\n".join(lines[k:end]).strip("\n"))) for k, end in run)
    return run if paragraphs > len(run) else []


def _without_symbols_at_end(text: str) -> str:
    # Matched on the reversed text: "[^...]+$" searched from every position of a long run of symbols.
    return text[: len(text) - len(_SYMBOLS.match(text[::-1])[0])]


_SYMBOLS = re.compile(r"[^\w.!?:;,)\]'’\"”]*")


def _without_struck(text: str) -> str:
    """`text` without what it strikes through, a line at a time; a line struck whole keeps its words."""
    if "~~" not in text:
        return text

    def line(ln: str) -> str:
        if "~~" not in ln:
            return ln
        rest = _STRIKE.sub("", ln)
        return rest if re.search(r"\w", _LINE_OPENING.sub("", rest)) else _STRIKE.sub(r"\1", ln)

    return "\n".join(line(ln) for ln in text.split("\n"))


_LINE_OPENING = re.compile(rf"^[ \t>]*(?:{LIST_MARKER}[ \t]+)?")


# UTF-8 read as Latin-1 or Windows-1252 ("â\x80\x93" or "â€“" for "–", "Â·" for "·": a tester's saved Wikipedia page
# quoted them): a lead byte's letter, then its continuation bytes' characters, as they were written.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")  # "€", "’", "“", "–" ...: bytes 0x80-0x9f
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]{{1,3}}")


def _as_utf8(m: re.Match) -> str:
    try:  # each character as the byte it was read from: Windows-1252's where it has one, else Latin-1's
        return b"".join(c.encode("cp1252") if c in _CP1252_HIGH else c.encode("latin-1") for c in m[0]).decode("utf-8")
    except UnicodeError:
        return m[0]


def _plain_characters(text: str) -> str:
    """`text` with "\n" line ends, plain spaces, and no control or zero-width characters; UTF-8 read as Latin-1 read
    as written."""
    text = _MOJIBAKE.sub(_as_utf8, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # Typographic punctuation whose high byte a conversion dropped ("don\x19t" for "don’t": U+2019 kept as 0x19, in a
    # tester's article packs) reads as it was written; other control characters go.
    text = _ZERO_WIDTH.sub("", text.translate(_CUT_PUNCTUATION))
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\U000f0000-\U000f007f]", "", text)


def _line_markup(text: str) -> str:
    """A Markdown page's markup read line by line, before its escapes are: a converted page's wiki furniture and share
    lines, list markers the writer escaped, hard breaks, MDC's component lines and lines opening on a glued star."""
    text = _SHARE_LINE.sub("", _WIKI_FURNITURE.sub("", text))  # before a line break joins it to the next line
    # A list marker escaped as the writer typed it (a converter's escapes in a page's text are its own).
    text = _ESCAPED_MARKER.sub(lambda m: f"{_hide(m[1])}\u00a0", text)
    text = _HARD_BREAK.sub("", text)
    return _STARRED_RUN.sub(lambda m: _STARRED_LINE.sub("- ", _LINE_BREAK_TAG.sub("", m[0])), _MDC_LINE.sub("", text))


def clean_text(text: str, markdown: bool = False) -> str:
    """Drop Markdown and HTML markup and control characters; normalize line ends. Linear in the text's length.

    Words and sentences are left as they are, so a citation can quote the source faithfully.
    `#` headings and `-`, `*`, `1.` list markers stay: chunking uses them. In `markdown`, a line break inside a
    paragraph is a space, as a Markdown reader shows it.
    """
    text = _plain_characters(text)
    # before code is set aside; only where the slug has the words' own (no "`grep x|sort`")
    text = _CONTEXT_LINK.sub(lambda m: m[1] if set(m[2].split("-")) & set(_slug(m[1]).split("-")) else m[0], text) \
        if markdown and "|" in text else text
    text = _hide_code(_unfenced(text) if markdown else text)  # a fence under front matter: read once it is gone
    # A character written as JSON writes it ("naivet\\u00e9", a page copied out of a JSON field): the character (a
    # tester's answers showed the escape). Not half a surrogate pair, nor a control character.
    text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m[1], 16)), text) if "\\u" in text else text
    text = _CLOSING_TAG_WRAPPED.sub(r"</\1>", text)  # "</a\n   >", as a formatter wraps a tag: its ">" is no quote
    text = _SHARE_INTENT.sub(_share_link, text)
    text = _line_markup(text) if markdown else text
    text = _ESCAPE.sub(lambda m: _hide(m[1]), _GLUED_NOTE.sub("", _NOTES_AFTER_WORD.sub("", text)))
    text = _drop_comments(text)
    if markdown:
        text = _HTML_HEADING.sub(lambda m: f"\n\n{'#' * int(m[1])} {' '.join(m[2].split())}\n\n", _setext_headings(_TOC_LIST.sub("", text)))
        text = _UNSPACED_HEADING.sub(r"\1 \2", text)
        text = _HEADING_IN_ITEM.sub(r"\1", text)
        # A heading line too long to be one (chunking.py: a paragraph flattened into a line, or an interviewer's two
        # sentences, "### 1. I remember fondly ... What is THE game ...?") is read as text, without its marks: a
        # tester's answers quoted "### 3. Some people get to a point ...".
        text = _OVERLONG_HEADING.sub(r"\1", text)
    text = _dialects(text)
    if markdown:
        text = _markdown_marks(text)
    text = tables.html_in_markdown(text)
    if markdown:  # after the tables are read: a <p> inside a cell is the cell's; an accordion's button its question's
        text = _BUTTON_END.sub("\n\n", _HTML_PARAGRAPH_END.sub("</p>\n\n", _HTML_QUOTE_END.sub(r"\1\n\n", text)))
    text = _FOOTNOTE_DEF.sub(_footnote, text)
    labels = {m[1].lower() for m in _LINK_DEF.finditer(text)}
    text = _LINK_DEF.sub("", text)
    if markdown:  # after the definitions go: a run of them, one per line, is no paragraph to join
        text = _join_soft_breaks(tables.with_outer_pipes(text))
    text = _FOOTNOTE_REF.sub("", text)
    text = _IMAGE.sub("", text)
    text = _FIGCAPTION.sub(lambda m: m[0] if _TWO_SENTENCES.search(m[2]) and not _CREDIT.search(m[2]) else "",
                           _IMG_CAPTION.sub("", text))
    text = _CALL_TO_ACTION.sub("", _POINTER_LINE.sub("", _POINTER_SECTION.sub("", _without_link_paragraphs(_without_related_cards(text)))))
    text = _BRACKETED_LINK.sub("", _BACK_TO_TOP.sub("", _EDIT_LINK.sub(r"\1", _HEADING_PAGE_LINK.sub(r"\1", text))))
    text = _LINK.sub(r"\1", _ADJACENT_LINK.sub(" [", text))
    # A numbered reference ("degrees [1]." with "[1]: https://...") is a note's mark, not words: it goes with the space
    # before it, as a footnote's does ("degrees 1." read as a figure in a tester's dental library).
    text = _NUMBERED_REF.sub(lambda m: "" if set(re.findall(r"\d+", m[0])) <= labels else m[0], text)
    text = _SHORTCUT.sub(lambda m: m[1] if m[1].lower() in labels else m[0], text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SUP_NOTE.sub("", text)
    # A break tag separates words; at a line's start it leaves nothing (" Looking for ..." would be indented).
    text = _HTML_BREAK.sub(lambda m: "" if m.start() == 0 or m.string[m.start() - 1] == "\n" else " ", text)
    text = _HTML_TAG.sub("", _CUSTOM_ELEMENT.sub("", text))
    # Struck through is withdrawn ("~~This is probably the closest to the optiver test~~ EDIT: ...", a tester's prep
    # log): the author's text no longer says it, so neither does the answer. A line struck whole stays, as words: a
    # list of applications struck as they were turned down ("~~NYC May 2016~~") is still the list.
    text = _without_struck(text)
    text = _EMPHASIS_LINE.sub(r"\1\3", _DOUBLED_BOLD.sub(r"**\1**", text))
    text = _EMPHASIS.sub(r"\2", text)
    text = _EMPHASIS_1.sub(r"\2", text)
    text = _BOLD_LABEL_END.sub("", _BOLD_CLOSED_LATE.sub(r"\1 ", text))
    text = _STRAY_STARS_CLOSING.sub("", _STRAY_STARS_OPENING.sub(r"\1", text))  # unbalanced emphasis ("***Title** - x***")
    text = tables.markdown_tables(text)
    text = _WIDGET_TEXT.sub("", _ENTITY.sub(lambda m: html.unescape(m[0]), text))  # "don&#8217;t": "don’t" once tags are gone
    text = _STANDIN.sub(lambda m: chr(ord(m[0]) - 0xF0000), text)
    text = _without_note_marks(text)
    # ... and brackets a note's mark was escaped in, left empty ("astronomy \\[[^1]\\]." read "astronomy []." in a tester's answer)
    text = _EMPTY_BRACKETS.sub("", _without_contents_lists(_WEB_FURNITURE.sub("", _PAGE_STANDINS.sub("", text))))
    text = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", text)  # gaps left where markup was removed
    text = re.sub(r"(?<![ \t])[ \t]+\n", "\n", text)  # from a run's start only: not once per space of a long run
    if markdown:  # one space left at a line's start where tags were ("<div><p>Social work ..."): nothing in Markdown
        text = re.sub(r"^ (?=[^ \t\n])", "", text, flags=re.M)
    text = _REPEATED_HEADING.sub(r"\1", re.sub(r"\n{3,}", "\n\n", text))
    # A heading's emoji, as a title's, are decoration ("## 🎓 Recommended Certifications:" labelled a tester's answer).
    text = _DECORATED_HEADING.sub(lambda m: m[1] + _without_decoration(m[2]), text)
    return text.strip() + "\n"


# Bold marked twice over ("****Increased Flexibility****", a converted post: its asterisks were quoted) is bold.
_DOUBLED_BOLD = re.compile(r"(?<!\*)\*{4,}(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*{4,}")  # from a run's start only: linear
_EMPTY_BRACKETS = re.compile(r"(?<![ \t])[ \t]*\[[ \t]*\](?![(\[:])")  # from a run of spaces' start only: linear
_DECORATED_HEADING = re.compile(r"^(#{1,6}[ \t]+)([^\n]*[^\x00-\u2000][^\n]*)$", re.M)  # one with a symbol to look at


# ... and a wiki's marks saved with its text ("[edit]", "[citation_needed]": a tester's Wikipedia dump quoted them)
_WIKI_MARK = re.compile(r"(?<![ \t])[ \t]*\[(?:edit|citation[ _]needed|clarification[ _]needed|better[ _]source[ _]needed|"
                        r"who\?|when\?|which\?|according to whom\?|dubious)\]", re.I)
_SOURCE_TAG = re.compile(r"(?<![ \t])[ \t]*\[(?:sources?|via|ref(?:erence)?)[ \t]*:[^\[\]\n]{1,200}\](?![(\[])", re.I)
# ... and a video's time marks ("... design [00:01:53].", a tester's transcript page: beside the answer's [1] they read as
# citations, sixty of them in three answers)
_TIME_MARK = re.compile(r"(?<![ \t])[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\](?![(\[])")


def _without_note_marks(text: str) -> str:
    """`text` without the marks of notes that are lines of it ("... even if you're not profitable. [1] But ..." over "[1]
    Steep usage growth ...", an essay's notes): in an answer such a mark read as the bot's own citation. A source named
    in brackets ("... a subset of engineering or product. [Source: Amazon TPM Job Family 2025]", quoted as a sentence in
    a tester's answer) goes too, and a wiki's marks ("[edit]", "[citation_needed]") and a video's ("[00:01:53]")."""
    text = _TIME_MARK.sub("", _WIKI_MARK.sub("", _SOURCE_TAG.sub("", text)))
    notes = set(_NOTE_LINE.findall(text))
    if not notes:
        # ... and a mark set apart by a space before a stop or a dash where the page keeps no notes (a web page's opening
        # saved as text: "for this occupation [1] — a figure ...", "base wages [4]. [1]" in two testers' answers).
        return _SPACED_NOTE_MARK.sub("", text)
    return _NOTE_MARK.sub(lambda m: "" if set(re.findall(r"\d+", m[1])) <= notes and not _NAMES_ITS_NOTE.search(
        m.string, max(0, m.start() - 12), m.start()) else m[0], text)


def _markdown_marks(text: str) -> str:
    """Markdown dialects' marks, as the page shows them: an Obsidian or wiki link ("[[social_unrest | social unrest and
    police reform]]") as its words; a heading in bold with a space inside its marks ("#### **What is your best advice?
    **", Memsource's blog, shown with its asterisks as CommonMark reads it) without them, and a bold line of its own so
    ("**Benefits of being a front-end developer? **", a Hashnode post's: quoted with its opening stars dropped) as the
    bold line it was meant to be; Obsidian's highlight
    ("==For engineers in San Diego, ...==", its marks shown in a tester's answers) as its words; MathJax's minus written
    as a dash ("they're painfully visible $-$ the difference") as it renders."""
    text = _WIKI_LINK.sub(lambda m: (m[2] or m[1]).strip(), text)
    text = _HIGHLIGHT.sub(r"\1", _SPACED_BOLD.sub(lambda m: m[1] + m[3] if m[1].startswith("#") else f"{m[1]}{m[2]}{m[3]}{m[2]}", text))
    text = _unglued_labels(text) if ":**" in text else text
    text = _LEAD_IN_DASH.sub(":", _NESTED_QUOTE.sub(r"\1> ", _CREDIT_LINE.sub("", text)))
    text = _BOLD_BEFORE_BREAK.sub(lambda m: f"{m[1]}{m[2].rstrip(':')}:{m[3]} ", text)
    return text.replace("$-$", "\u2212")


# A bold label over its value on the next line, a break between ("**Who Should Apply** <br>" / "Young people aged
# 15-18."): a label and its value, read "Who Should Apply: Young people aged 15-18." (a tester's quotes ran them
# together, "Who Should Apply Young people aged 15-18.").
_BOLD_BEFORE_BREAK = re.compile(r"^[ \t]*(\*\*|__)([^*_\n]{2,60}?)(\*\*|__)[ \t]*<br\s*/?>[ \t]*(?:\n[ \t]*)?(?=\S)", re.M | re.I)


# A picture's credit line, a label and a link alone ("Image:  [Blockchain Council: Certified Solidity Developer
# Training](https://...)", the picture itself gone): a tester's answers quoted it as a sentence.
_CREDIT_LINE = re.compile(r"^[ \t]*(?:image|photo|picture|illustration|graphic|screenshot)(?:[ \t]+(?:credits?|source|via))?"
                          r"[ \t]*:[ \t]*\[[^\]\n]*\]\([^)\n]*\)[ \t]*$", re.I | re.M)
# A quote inside a quote (">> Once again, I am not advocating ..."), a blog's way of setting a note apart: one quote, its
# marks shown once (a tester's answers quoted ">> Greenfield projects are ...").
_NESTED_QUOTE = re.compile(r"^([ \t]*)>[ \t]*>(?![ \t]*>)[ \t]?", re.M)  # not ">>>", a Python prompt
# A lead-in's colon with a dash after it ("There are two types of Blockchain developers: –"): the dash adds nothing,
# and an answer showed the heading it was as "... developers: –:".
_LEAD_IN_DASH = re.compile(r":[ \t]+[–—-][ \t]*$", re.M)


# A picture's caption says what the picture shows, and the picture is not shown ("Michelle Meece conducts a survey."
# opened every answer from a tester's surveying article). One of two sentences or more is the author's say ("Our
# portfolios are like a builder's model home. If the model seems poorly built, would you hire them ...?"): kept.
# ... a link inside it too ("Figure: ABR Passing Rate from <a ...>The Medical Physicist Workforce Shortage</a>."), and one
# in an element classed as a caption ('<div class="caption">Students at Hobby-Eberly Telescope. Credit: ...</div>'): the
# first quoted sentence of a tester's answers.
_FIGCAPTION = re.compile(r"<(figcaption|(?:div|p|span)(?=[^<>]{0,200}?\bclass=[\"'][^\"'<>]{0,100}?\bcaption\b))\b[^<>]{0,300}>"
                         r"((?:[^<]|<(?!/?(?:figcaption|div|p|span)\b)[^<>]{0,300}>){0,1000})</\1>", re.I)
_CREDIT = re.compile(r"\b(?:credits?|photo(?:graph)?|image|source)\s*:", re.I)  # "Credit: Irina Marinova/McDonald Observatory"
_TWO_SENTENCES = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")
_CLOSING_TAG_WRAPPED = re.compile(r"</([A-Za-z][\w-]{0,30})[ \t]*\n[ \t]*>")
# A wiki page converted to Markdown (a tester's wikiHow article): its sections' edit links ("\[[Edit](...action=edit...)\]"
# before every heading, so "Tips" over its dashes was no heading), its note marks ("[\[6\]](#_note-6)", read as
# citations beside the answer's own [1]), a script's "<![CDATA[ ... ]]>" and its notes' back links ("1. [↑](#_ref-1) url").
_WIKI_FURNITURE = re.compile(
    r"\\?\[\[edit\]\([^()\s]{0,2000}action=edit[^()\n]{0,300}\)\\?\]|(?<=\S)\[edit\][ \t]*$"
    r"|(?<![ \t])[ \t]*\[\\?\[\d{1,3}\\?\]\]\(#[^()\s]{0,200}\)"  # from a run of spaces' start only: linear
    r"|<!\\?\[CDATA\\?\[[^\n]{0,500}?\\?\]\\?\]>"
    r"|^[ \t]*\d{1,3}\.[ \t]+\[↑\]\(#[^()\s]{0,200}\)[^\n]*$\n?", re.I | re.M)
# A web page's furniture on a line of its own, as a page printed or saved as text keeps it: the skip link, a docs
# site's pager ("Previous « Common questions while applying Next Frequently Asked Questions »"), a copyright line.
# An advert's label may say what to do ("Advertisement - scroll to continue reading"), and a page's style sheet
# saved as text is one line of rules ("a.supporter:hover {background:#EC4438!important;} @media ..."; a tester's
# press releases). The skip link as any site capitalises it ("Skip to Main Content"); a share button's "Share", which
# a page saved as Markdown runs onto its first paragraph ("Share Human resources management ...", a tester's).
# A hard line break written as a backslash at a line's end is the break alone ("focuses. \" over "\", a tester's FAQ:
# its backslashes were in every quoted passage).
_UNICODE_ESCAPE = re.compile(r"\\u((?!00[01]|d[89a-f])[0-9a-f]{4})", re.I)
_HARD_BREAK = re.compile(r"(?<!\\)\\[ \t]*$", re.M)
# Nuxt Content's MDC: a block component's fences ("::header-c" ... "::"), an inline one alone on its line
# (':img-c{name="thumbnail"}') and a slot's name ("#description" over its text): markup, and a tester's answer opened
# "#description In 2005, after working ...".
_MDC_LINE = re.compile(r"^[ \t]*(?:::[A-Za-z][\w-]{0,60}(?:\{[^{}\n]{0,300}\})?|::|:[A-Za-z][\w-]{0,60}\{[^{}\n]{0,300}\}|"
                       r"#[a-z][\w-]{0,30})[ \t]*$\n?", re.M)
# Two or more lines each opening on a star glued to its words ("*[Tech](https://...)<br>", "*Everywhere? In large
# companies ..."): a list as its writer meant it (shown as typed, a tester's answer ran four of them into one sentence).
_STARRED_RUN = re.compile(r"^(?:\*(?=[^\s*])[^*\n]*(?:\n|$)){2,}", re.M)
_STARRED_LINE = re.compile(r"^\*", re.M)
_LINE_BREAK_TAG = re.compile(r"[ \t]*<br\s*/?>[ \t]*$", re.M | re.I)
_SHARE_LINE = re.compile(r"^[ \t]*Share[ \t]*\n", re.M)
# What a page saved as text keeps in place of what it showed: a photo's alt text on a line of its own ("1. Image titled
# Become a School Administrator Step 1", a tester's wikiHow page, quoted in an answer) and a sentence giving an address
# the site hid from robots ("He can be reached at: [email protected].", Cloudflare's stand-in, quoted as advice).
_PAGE_STANDINS = re.compile(rf"^[ \t]*(?:{LIST_MARKER}[ \t]+)?Image[ \t]+titled[ \t][^\n]{{1,300}}$\n?|"
                            r"(?:(?<=[.!?])[ \t]+|^[ \t]*)[^.!?\n]{0,200}\[email[ \t]protected\][^.!?\n]{0,60}[.!?]?", re.M)
_WEB_FURNITURE = re.compile(r"^[ \t]*(?:(?i:Skip to (?:the )?(?:main )?content)|Skip to navigation|Share|"
                            r"(?:Advertisement|ADVERTISEMENT)(?::|[ \t]+[-–—][ \t]+(?i:scroll|continue)[^\n]{0,40})?|"
                            r"[\w.#:>*-]{1,80}[ \t]*\{[ \t]*[\w-]{1,40}[ \t]*:[^{}\n]{1,200}\}[^\n]{0,1000}\}|"
                            r"(?:Copyright[ \t]*)?©[ \t]*(?:\d{4}|Copyright)[^\n]{0,100}|"
                            # ... in capitals too ("COPYRIGHT 2022 BY CHANNEL 3000. ALL RIGHTS RESERVED. THIS MATERIAL MAY
                            # NOT BE PUBLISHED ...", a tester's news page quoted it in an answer)
                            r"(?i:copyright)[ \t]+\d{4}[^\n]{0,300}|"
                            # ... "(C)" for the sign ("Copyright (C) University of Wyoming 2021.", a tester's lecture)
                            r"Copyright[ \t]+\([Cc]\)[ \t]+[^\n]{0,80}\b\d{4}\b[^\n]{0,20})[ \t]*$|"
                            r"(?:(?<=\S)[ \t]+|^)Previous[ \t]*«[^\n«»]{0,300}»[ \t]*$|"
                            # An author card's calls to follow ("? Follow Me On Twitter", "✉️ Sign Up For My Newsletter",
                            # a post's footer quoted in a tester's answer), a list's items or lines of their own.
                            rf"^[ \t]*(?:{LIST_MARKER}[ \t]+)?[^\w\n]{{0,6}}(?i:(?:follow|subscribe[ \t]+to|sign[ \t]+up[ \t]+for|join|like)"
                            r"[ \t]+(?:me|us|my|our)(?:[ \t]+on)?(?:[ \t]+(?:my|our))?[ \t]+(?:twitter|x|youtube|linkedin|instagram|"
                            r"facebook|tiktok|mastodon|github|newsletter|channel|podcast|blog))[ \t]*[.!]?[ \t]*$", re.M)
# Greedy to the line's last mark, not lazy: "(.+?)[ \t]*$" tried the end from every character (a run of spaces).
_ITEM_TEXT = re.compile(rf"^[ \t]*{LIST_MARKER}[ \t]+(.*\S)[ \t]*$")
_HEADING_TEXT = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*\S)[ \t]*$", re.M)  # trafilatura's text may open " ## ..."


def _key(heading: str) -> str:
    return " ".join(heading.rstrip("#¶: ").split()).lower()


def _bare_key(heading: str) -> str:
    return re.sub(r"^(?:a|an|the) ", "", _key(heading.replace("*", "").replace("_", " ")))


def _without_contents_lists(text: str) -> str:
    """`text` without its tables of contents: three or more list items, nearly all (80%) the page's own headings and
    naming at least half of them, with no lead-in ending in ":" (a page's "Here are the 4 essential steps:" over
    its steps, each a section, is content). A contents list names every section, so it matched every broad question
    better than the section that answers (a tester's game-design page, its 19 links first for four questions)."""
    # An item may leave out its heading's article ("APM is a new grad" for "## An APM is a new grad", a tester's post,
    # whose list of its sections ranked first for "what is an APM exactly").
    headings = {_bare_key(m[1]) for m in _HEADING_TEXT.finditer(text)}
    if len(headings) < 3:
        return text
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and _ITEM_TEXT.match(lines[j]):
            j += 1
        items = {_bare_key(_ITEM_TEXT.match(line)[1]) for line in lines[i:j]}
        before = next((line.strip() for line in reversed(out) if line.strip()), "")
        if (j - i >= 3 and len(items & headings) >= 0.8 * (j - i) and len(items & headings) >= len(headings) / 2
                and not (before.endswith(":") and not before.startswith("#"))):
            i = j
            continue
        out.extend(lines[i:max(j, i + 1)])
        i = max(j, i + 1)
    return "\n".join(out)


# A line that starts a block of its own: a heading, a list item, a quote, a table row, a code fence, a rule.
_BLOCK_START = re.compile(rf"^[ \t]*(?:#{{1,6}}[ \t]|>|\||{LIST_MARKER}[ \t]|```|~~~|[-*_](?:[ \t]*[-*_]){{2,}}[ \t]*$)")
_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]", re.M)


def _unquoted_alerts(text: str) -> str:
    """Each alert's lines without its marker and one level of quote marker: a callout ("> [!WARNING]\\n> Military
    service comes with strings attached.") is the author's own words, not a quotation (a tester saw "> " open every
    sentence quoted from one)."""
    if "[!" not in text:
        return text
    out, alert = [], False
    for line in text.split("\n"):
        marker = _ALERT.match(line)
        if marker:
            alert, line = True, line[marker.end():]
        elif alert and _QUOTE_LEVEL.match(line):
            line = _QUOTE_LEVEL.sub("", line, count=1)
        else:
            alert = False
        out.append(line)
    return "\n".join(out)


_BARE_MARKER = re.compile(r"^([ \t]*(?:[A-Z]|\d{1,2})[.)])[ \t]*\n(?=[ \t]*[^\s\d])", re.M)


def _unwrapped(text: str) -> str:
    """A plain text file's hard-wrapped lines joined where a sentence runs on ("It takes about two years of training" /
    "for already fluent bilingual professionals", a tester's transcript, was quoted a line at a time and cut
    mid-sentence): a line that opens in lowercase after one that ends no sentence; in a file wrapped throughout (most
    lines inside its blocks end mid-sentence), any line after one that ends no sentence. A list item, a heading, a
    table row, fenced code and a blank line keep their breaks."""
    # An outline's marker on a line of its own ("A. " over "Ethical behavior") opens the line below it: joined to the
    # line above, a tester's exam outline read "Ethical behavior B." and lost its items.
    lines = _BARE_MARKER.sub(r"\1 ", text).split("\n")
    prose = _prose_lines(lines)
    inner = [a for k, a in enumerate(lines[:-1]) if prose[k] and prose[k + 1]]
    open_ends = sum(line.rstrip()[-1:] not in SENTENCE_ENDS for line in inner)
    wrapped = len(inner) >= WRAPPED_MIN_LINES and open_ends >= WRAPPED_SHARE * len(inner)
    # A wrapped line runs to about the width the file is wrapped at; a short one in title case is a heading or a
    # label ("Education" over "Official education transcripts must ...", a page saved as text: glued, the heading read
    # as the paragraph's first words).
    width = max((len(a.rstrip()) for a in inner), default=0)
    out = [lines[0]] if lines else []
    for k in range(1, len(lines)):
        before, line = out[-1].rstrip(), lines[k].lstrip()
        runs_on = line[:1].islower() or wrapped and not (
            len(lines[k - 1].rstrip()) < WRAPPED_WIDTH_SHARE * width and _title_cased(lines[k - 1]))
        if (prose[k - 1] and prose[k] and before[-1:] not in SENTENCE_ENDS
                and runs_on and not _LETTER_ITEM.match(line)):
            out[-1] = f"{before} {line}"
        else:
            out.append(lines[k])
    return "\n".join(out)


def _prose_lines(lines: list[str]) -> list[bool]:
    """Per line, whether it is a line of a paragraph: not blank, a list item, a heading, a table row or fenced code."""
    fenced, out = False, []
    for line in lines:
        fence = line.lstrip().startswith(("```", "~~~"))
        out.append(bool(line.strip()) and not fenced and not fence and not _NOT_PROSE.match(line))
        fenced = fenced != fence
    return out


_NOT_PROSE = re.compile(rf"[ \t]*(?:(?:{LIST_MARKER}|#{{1,6}})[ \t]|\|)")
_LETTER_ITEM = re.compile(r"[a-z][.)][ \t]|[A-Z][.)][ \t]+[A-Z]")  # "a) ...", an outline's "B. Professional boundaries"
SENTENCE_ENDS = ".!?:;\"”)"
WRAPPED_MIN_LINES = 10
WRAPPED_SHARE = 0.5
WRAPPED_WIDTH_SHARE = 0.6  # of the longest line: a line shorter than this ends where its author ended it


def _join_soft_breaks(text: str) -> str:
    """Lines of one paragraph joined by a space: a hard-wrapped source ("who share a concern\nand want to learn")
    is one sentence, quoted as one; so are the wrapped lines of one quoted paragraph ("> ..."). A line ending in
    two spaces or a backslash (a hard break), a heading, a table row and fenced code keep their line ends.
    Linear: each output line is kept as its pieces, joined once."""
    out: list[list[str]] = []
    joins: list[str] = []  # per output line: what may join it ("text", "quote" or "")
    fenced = False
    for line in text.split("\n"):
        quoted = _QUOTE.match(line)
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and out and joins[-1] and line.strip() and not out[-1][-1].endswith(("  ", "\\")):
            rest = line[quoted.end():] if quoted else line
            # An unmarked line after a quoted one continues the quote (Markdown's lazy continuation). Not a bold label
            # under another ("**Passing Score**: 70% minimum on each test" / "**Testing**: FAA-approved centers"): a
            # line each, as written (a tester's aviation guide quoted them as one run-on "sentence").
            # ... nor a plain one under another ("Pay: £30,000–£35,000 per annum" / "Bonuses: A share of the service
            # charge", a tester's job description quoted as one line).
            labels = _label_line(rest) and _label_line(out[-1][0])
            if (joins[-1] == "quote" or not quoted) and rest.strip() and not _BLOCK_START.match(rest) and not labels:
                out[-1][-1] = out[-1][-1].rstrip()
                out[-1].append(rest.strip())
                continue
        out.append([line])
        # A rule ("---") ends what is above it and opens nothing: "---\nThe Co-op program ..." was quoted "--- The Co-op".
        open_to = "" if (fenced or not line.strip() or _HEADING_LINE.match(line) or _RULE_LINE.match(line)
                         or line.lstrip().startswith(("|", "```", "~~~"))) else "text"
        joins.append("quote" if quoted and open_to else open_to)
    return "\n".join(" ".join(pieces) for pieces in out)


_BOLD_LABEL_LINE = re.compile(r"[ \t]*(\*\*|__)[^*_\n]{1,40}?(?::\1|\1[ \t]*:)")  # "**Testing**:", "**Testing:**"
_PLAIN_LABEL_LINE = re.compile(r"[ \t]*[A-Z][\w&/()'’ -]{0,30}:[ \t]+\S")  # "Bonuses: A share of ..."


def _label_line(line: str) -> bool:
    return bool(_BOLD_LABEL_LINE.match(line) or _PLAIN_LABEL_LINE.match(line))
# A table of contents: two or more list items, each nothing but a link to a heading of a page ("- [Buffer](#buffer)",
# "- [Books](09-Books.md#books)"). It repeats the headings that follow as a list of words: no content to quote.
# Links to another site's page ("https://help.github.com/...#where-does-the-license-live") are content.
_TOC_LIST = re.compile(r"(?:^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\[[^\[\]\n]+\]\((?![a-zA-Z][\w+.-]*:|//)[^()\s]*#[^()\s]*\)[ \t]*(?:\n|\Z)){2,}", re.M)
_RULE_LINE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # a thematic break, once setext headings are read
_SETEXT_BAR = re.compile(r"^ {0,3}(=+|-{2,})[ \t]*$")


def _setext_headings(text: str) -> str:
    """Headings underlined with === (level 1) or --- (level 2), as CommonMark reads them, written as `#` headings:
    "Introduction\n============" is the page's title, not a line of text and a rule. Only a paragraph's lines
    are underlined: a --- under a list item, a quote or a blank line is a rule."""
    out: list[str] = []
    start: int | None = None  # where the open paragraph's lines begin in `out`
    blocked = fenced = False  # inside a block that is no paragraph (a list, a quote, a table); inside ``` code
    for line in text.split("\n"):
        bar = None if fenced else _SETEXT_BAR.match(line)
        # A --- under a long or many-line paragraph, or under a sentence, is more likely meant as a rule by a writer
        # whose renderer is not CommonMark's: its words stay text.
        if bar and start is not None and bar[1][0] == "-" and (len(out) - start > 1 or len(out[start]) > 80
                                                                or out[start].rstrip().endswith(".")):
            bar = None
        if bar and start is not None:
            words = " ".join(x.strip() for x in out[start:])
            del out[start:]
            out.append(("# " if bar[1][0] == "=" else "## ") + words)
            start = None
            continue
        out.append(line)
        if line.lstrip().startswith(("```", "~~~")):
            fenced, start, blocked = not fenced, None, True
        elif fenced:
            continue
        elif not line.strip() or _HEADING_LINE.match(line):
            start, blocked = None, False
        elif start is None and (blocked or _BLOCK_START.match(line) or line.startswith("    ")):
            blocked = True
        elif start is None:
            start = len(out) - 1
    return "\n".join(out)


def _file_title(path: Path) -> str:
    """A title from the file's name, as a reader would write it: "handling_an_offer.md" -> "Handling an offer";
    a leading ordering number or date goes ("01-introduction.md" -> "Introduction")."""
    # A name written in CamelCase is words too: "DocumentationExercises.md" -> "Documentation exercises".
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", path.stem) if not re.search(r"[\s_-]", path.stem) else path.stem
    name = " ".join(stem.replace("_", " ").replace("-", " ").split())
    name = re.sub(r"^(?:\d+ )+(?=\D)", "", name)
    # A word of two or three letters with no vowel is initials, written so: "nj-appraiser-license.md" -> "NJ appraiser
    # license" (a tester's: "Nj appraiser license"), "hr", "cv", "pm".
    name = re.sub(r"\b[b-df-hj-np-tv-xz]{2,3}\b", lambda m: m[0].upper(), name, flags=re.I)
    return name[:1].upper() + name[1:]


def _title_line(text: str, name: str = "") -> str:
    """A plain text file's first line when it reads as a title: on its own before a blank line, at most
    MAX_TITLE_WORDS words, no sentence's end ("Working hours and shifts for electricians"; a question may be one:
    "LPN vs RN – What's The Difference?"); else ""."""
    # A page saved as text may open on its breadcrumb ("Back to BlogCareer Advice", a tester's HR library's title).
    text = _BACK_LINK.sub("", text, count=1)
    found = re.match(r"\s*([^\n]+)\n[ \t]*\n\s*\S", text)
    # ... or a line in title case straight over the first paragraph ("NCIDQ Examination Eligibility Paths", a page saved
    # as text with no blank lines; a tester's was titled by its file name).
    # The file's name says it is the page's title, not a section's heading or a site's category ("Education and
    # Training in Pharma" over "what-is-a-quality-control-analyst.txt").
    titled = re.match(r"\s*([^\n]+)\n[ \t]*[A-Z][^\n]{40,}", text)
    if not found and titled and _title_cased(titled[1]) and len(titled[1].split()) > 1 and stems(titled[1]) & stems(name):
        found = titled
    line = found[1].strip() if found else ""
    if not line:
        return ""
    return line if len(line.split()) <= MAX_TITLE_WORDS and not re.search(r"[.!:;,]$", line) else ""


def _title_cased(line: str) -> bool:
    """Whether `line` opens with a capital and every word of four letters or more in it does, no comma at its end."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    line = line.strip()
    return bool(words) and line[:1].isupper() and not line.endswith(",") and all(w[0].isupper() for w in words if len(w) >= 4)


MAX_TITLE_WORDS = 12
_BACK_LINK = re.compile(r"\A\s*(?:[←«<][ \t]*)?back to\b[^\n]{0,80}\n", re.I)


_SECTION_NAMES = frozenset("summary overview introduction intro contents about background abstract preface foreword "
                           "tl;dr tldr".split()) | {"table of contents"}


def _first_heading(text: str, name: str = "") -> str:
    """The article's own title heading: its first heading, when every other heading is a level below it. A first
    heading at a level others share ("### Introduction", then "### Lesson overview") opens a section, and titling
    every such article "Introduction" would leave a reader unable to tell its sources apart: the file name is
    the title then, unless the file is named after it (`name`: the file's stem)."""
    found = [(level, words) for level, words in re.findall(r"^(#{1,6})\s+(.+)$", text, re.M) if len(words) < MAX_HEADING_CHARS]
    if not found:
        return ""
    # A page that opens with a `#` heading is titled by it, whatever follows ("Basic Computer Science Skills", then
    # "## Contents", ..., "# Data Scientists and Machine Learning").
    first = text.lstrip().split("\n", 1)[0]
    opens = found[0][0] == "#" and first.startswith("# ") and len(first) <= MAX_HEADING_CHARS + 2
    # ... unless it names no subject but a part of one ("# Summary", then "# Baseline", "# Hard Skills": a role page's
    # sections; two of a tester's were both titled "Summary", their role named nowhere).
    flat = found[0][1].strip().lower().rstrip(":") in _SECTION_NAMES and any(level == "#" for level, _ in found[1:])
    # ... and a first heading the file is named after is the title at any level ("## What's a reasonable salary for a
    # CEO in a startup?" over "## Answer 2749", ... in "what-s-a-reasonable-salary-for-a-ceo-in-a-startup.md": a
    # tester's Q&A pages were titled "What s a reasonable salary for a ceo in a startup").
    named = bool(name) and _slug(found[0][1]) == _slug(_POST_DATE.sub("", name, count=1))
    # ... and a greeting is no title ("# Hi everyone! 👋" over a Citadel interview write-up, a tester's: "[1] Hi
    # everyone! - Final Words" in every source line): the file's name says more.
    if _GREETING.fullmatch(_without_decoration(found[0][1]).strip()):
        return ""
    if not named and (flat or not opens and any(len(level) <= len(found[0][0]) for level, _ in found[1:])):
        return ""
    return found[0][1].strip()


_GREETING = re.compile(r"(?:hi|hello|hey|hiya|welcome|greetings|howdy)(?:[ \t,]+(?:everyone|everybody|all|there|folks|friends|"
                       r"y['’]all|world|guys))?[ \t]*[!.]*", re.I)


def _slug(text: str) -> str:
    """`text`'s letters and digits, lower case, each run of anything else one hyphen: how a file is named after it."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
