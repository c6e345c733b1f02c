"""A passage's sentences as readable excerpts: what each sentence is (content, a list item, a heading-like
line, a question) and the contiguous run it must be quoted in so that it reads on its own.

A sentence that leans on the one before it ("This process involves ...", "However, ...") travels with it;
a list item travels with its lead-in and the rest of the list. Pure: offsets and text only, no scores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .config import KNOBS
from .retrieval import Passage
from .text import FUNCTION_WORDS, LIST_MARKER, MAX_HEADING_CHARS, PLACEHOLDER

# A sentence opening with one of these means something only after the sentence before it.
LEANING = re.compile(
    r"^(?:this|these|that|those|they|their|them|theirs|it|its|such|he|she|his|her|both|however|but|yet|"
    r"also|additionally|moreover|furthermore|likewise|similarly|therefore|thus|hence|consequently|otherwise|instead|"
    r"still|nevertheless|nonetheless|meanwhile|then|another|other|others|in addition(?! to)|as a result|"
    r"for (?:example|instance)|on the other hand|in contrast|by contrast|conversely|despite this|because of this|"
    r"in (?:this|that|these) (?:case|way|role|field)|as such|even so|that said|as mentioned|"
    r"and|or|because|not because|which|not only (?:that|this)|on top of (?:that|this)|besides (?:that|this)|"
    r"well(?=,))\b",
    re.I,
)
# The first sentence of a section that opens with one of these ("This is the highest possible GS grade ...",
# "These duties will likely be broad") points at its heading ("Promotion Potential"), shown with it.
_POINTS = re.compile(r"^(?:this|these|that|those|it|its|they|their|such)\b", re.I)
# "While you're working in one of these careers, ..." leans on what came before just the same, and so does a
# pointing subject after a short opening phrase ("At the moment, this takes the format of ...").
_LEANING_INSIDE = re.compile(r"^(?:(?:\S+\s+){0,6}?(?:of|in|for|with|from|on|at|by|like|to) (?:these|those|this|such)\b|"
                             r"[^,;:.]{1,30},\s+(?:this|these|those|they|such)\s)", re.I)
# "The deployment process also involves ..." adds to the sentence before it: that one comes along when it
# is in the passage (the specifics are often there), but the sentence stands without it.
_NAMES_LIST = re.compile(r"\bthe following\b|\bas follows\b|\bbelow\W*$|^(?:this|these|here) (?:is|are) the\b", re.I)
_OPEN_LEAD = re.compile(r"\b(?:including|include|includes|such as|like)[ \t]*$", re.I)  # ("the following": _NAMES_LIST)
_BARE_REPLY = re.compile(r"^(?:yes|no|yeah|yep|nope)\s*[.,!;:—–-]", re.I)
_ADDITIVE_INSIDE = re.compile(r"^(?:\S+\s+){1,5}?(?:also|additionally)\b", re.I)
# ... except a dummy "it" ("It's worth considering a master's degree", "It is important to ...").
_DUMMY_IT = re.compile(
    r"^it(?:['’]s| is| was| can be| may be)\s+(?:also\s+|often\s+|usually\s+|always\s+)?(?:\w+\s+)?"
    r"(?:worth|important|best|essential|crucial|possible|necessary|helpful|useful|common|vital|recommended|"
    r"advisable|wise|easy|hard|difficult|a good idea|no surprise|clear|likely)\b|"
    # and any one word said of what follows it ("It's also totally okay to use a brute force solution", "It is
    # normal that ..."): the "it" stands for the clause after, not for anything before.
    r"^it(?:['’]s| is| was| can be| may be)\s+(?:(?:also|often|usually|always|totally|perfectly|completely|really|"
    r"quite|very|generally|absolutely|still|even|not|more|much|so)\s+)*\w+\s+(?:to|that|if|when|whether)\s",
    re.I,
)
# Leaning only by a connective: the sentence's own claim is whole ("However, for those who do not take the
# traditional route, there are viable alternatives ..."); only its contrast or addition needs the sentence before.
CONNECTIVE = re.compile(r"^(?:however|but|yet|also|additionally|moreover|furthermore|in addition|still|nevertheless|nonetheless)\b", re.I)
# Sentences about the text itself: "this guide will equip you ...", "in this article", "below are the skills;".
# A page or a section says what it does ("this section covers", "in this section, ..."); a job posting's "Duties"
# section, under that heading, is the subject: "This section is found on the USAJOBS.gov application page."
_PRICED = re.compile(r"[$£€¥₹][ \t]?\d")
_ABOUT_THE_TEXT = re.compile(
    r"\b(?:this|our|the following) (?:guide|article|post|blog|piece|tutorial|lesson|course|chapter|module)s?\b|"
    # or a recording it points to ("you're in for a treat with this enlightening YouTube video")
    r"\b(?:this|our|the following) (?:\w+ ){0,2}(?:video|podcast|episode|webinar|live ?stream|recording)s?\b|"
    r"\b(?:this|our|the following) (?:page|section)s?\b,? (?:\w+ ){0,2}?"
    r"(?:covers?|contains?|explains?|describes?|details|lists?|outlines?|discuss(?:es)?|walks?|shows?|provides?|gives?|introduces?|"
    r"equips?|helps?|aims?|focus(?:es)?|looks?|offers?|is (?:about|for|intended|designed|meant|written)|"
    r"will (?:\w+ )?(?:cover|explain|describe|list|outline|discuss|walk|show|provide|give|introduce|equip|help|"
    r"look|teach|take|guide|answer|explore|focus))\b|"
    r"^(?:in|on|throughout|from) (?:this|our|the following) (?:page|section)\b|"
    r"\bwe(?:'|’)ll\b|\bwe will (?:answer|cover|look|explore|discuss)\b|^(?:below|here) (?:are|is)\b|\bas follows\b|"
    r"^in this (?:\w+ ){0,2}(?:video|stream|series|episode|podcast|webinar|talk)\b|"
    # a page's welcome to its reader ("So you want to be a Customer Liaison? You've come to the right place!")
    r"\byou(?:'|’)ve come to the right place\b|\byou(?:'|’)re in the right place\b|^welcome(?: back)?(?: to\b|[!.,])|"
    r"^thanks? (?:you )?for (?:reading|visiting|stopping by)\b|^happy (?:reading|learning|coding)\b|^stay tuned\b|"
    # what it leaves to another post ("The topic of how to get through a PM interview is a meaty one that I may tackle
    # in a future post :)": a tester's answer opened on it, after the interview's stages, which it cut)
    r"\b(?:in|for) (?:a|my|the|another) (?:future|later|separate|follow-up|next|upcoming) (?:blog )?(?:post|article|piece)\b|"
    # a pointer to another page, in place of what it says ("Read up on our Different Roles for Incidents to see ...")
    r"^(?:please )?(?:read up on|see|visit|refer to|check out) (?:our|the) [^.!?]{0,80}\b(?:page|guide|section|documentation|docs|"
    r"article|roles|handbook|website|site) (?:to|for)\b|^for more (?:information|details|info)\b|"
    # or a link's words with the link gone ("See guidance on promotions here.", "Click here to apply")
    r"^(?:please )?(?:see|read|find|view|click|check out|learn more|more)\b[^.!?]{0,80}\bhere\W*$|\bclick here\b", re.I)
# What a text is about to say, not what it says: "it's time to show you the differences", "After this you will know
# when ...", "You'll also understand why ...". Said last in a chunk, what it promises is in the next one.
ANNOUNCES = re.compile(
    r"\b(?:it(?:'|’)s (?:now )?time to|it is (?:now )?time to|let me|let(?:'|’)s|let us) "
    r"(?:show|explain|look|take a look|dive|talk|walk|go through)\b|"
    r"^(?:so,? )?after (?:this|reading this|that),? you(?:(?:'|’)ll| will)\b|"
    r"^you(?:(?:'|’)ll| will) (?:also )?(?:understand|learn|know|see|find out|discover) (?:why|how|when|what|which|whether)\b",
    re.I)
# A quotation's credit closing its paragraph ("— @jessfraz, "Blurred Lines"", "— Lance Waller, Emory University",
# "— open source maintainer"): the paragraph is someone's words, quoted whole with it, never as the guide's own. A
# dash before a clause ("... will work better — even if they aren't ...") is no credit.
_CREDIT = re.compile(r"(?:^|\s)(?:—|―|--)\s*([^\s—][^—\n]{0,150})$")
_ITEM_PREFIX = re.compile(rf"(?:^|\n)([ \t]*){LIST_MARKER}([ \t]+)$")
_NUMBER = re.compile(r"\d{1,3}[.)]")
_QUOTED_ITEM = re.compile(rf"^(?:>[ \t]?)+[ \t]*{LIST_MARKER}[ \t]")
# "Label: a statement of six words or more", or of three with a sum or a share ("Developmental (Training): $50-80k as
# you progress"); "Step 1: Take a Discovery Flight" and "Publication date: November 25, 2024" stay headings, and a
# link's address is no statement. The label is words: a talk's title and speaker ("'Am I a Data Scientist?': The
# Applied Statistics Student's Identity Crisis — Alyssa Frazee") is no statement either.
# ... or a list of three or more ("Attributes: resilient, communicative, open-minded", the only line answering a
# tester's "what personal attributes do you need to be an optometrist", never quoted).
_LABELLED = re.compile(r"^\w[\w ()&/,'’-]{0,39}:[ \t]+(?![^\n]*://)(?:(?:\S+[ \t]+){5,}\S+|(?=[^\n]*[$€£¥%])(?:\S+[ \t]+){2,}\S+|"
                       r"(?:[^,\n]{1,40},[ \t]*){2,}[^,\n]{1,40}$)")
_ENDS = tuple(".!?:;)\"”’")
# A paragraph that is only a figure ("$100,000 - $150,000", "6-12 months") under the heading that says what it
# is ("## Average Salary"): the section's statement, not a subtitle.
# ... a range of up to three figures: "$45K <= $69K <= $102K" (low, median, high: a tester's cybersecurity role pages).
_FIGURE_ALONE = re.compile(r"[~≈]?[$€£¥]?\d[\d,.]*[kKmM]?%?(?:[ \t]*(?:-|–|—|to|<=?|≤)[ \t]*[$€£¥]?\d[\d,.]*[kKmM]?%?){0,2}"
                           r"(?:[ \t]*/?[ \t]*[A-Za-z]{1,12}){0,3}")
# ... and one given under a label of its own ("Timeline: 6-12 months", from "**Timeline:** 6-12 months" under "Path 1:
# From Software Engineering → ML"): a tester's "how long does it take to switch?" was told the guides give no figure.
_LABELLED_FIGURE = re.compile(r"\w[\w ()&/'’-]{0,39}:[ \t]+(?!(?:19|20)\d\d[ \t]*$)" + _FIGURE_ALONE.pattern)  # no year
# ... and a label opening a sentence whose figure may run on ("Salary: £30,000–£35,000 per annum based on experience",
# a tester's culinary library: a job-description template's pay section).
_LABEL_BEFORE_FIGURE = re.compile(r"(?P<label>\w[\w ()&/'’-]{0,39}):[ \t]+(?=[~≈]?[$€£¥]?\d)")
_STOPS = (".", "!", "?", ":")
SHORT_REPLY_WORDS = 3  # "Think again.", "Not at all.", "Absolutely not!": a reply, not a claim of its own
# A value the text does not hold, left by a site's templates ("from $salaries_tlr_min$ to {{ max }}"): a sentence
# with one would be quoted with a hole in what it says.
_PLACEHOLDER = re.compile(rf"{PLACEHOLDER}|\{{\{{[^{{}}\n]{{1,300}}\}}\}}", re.I)


@dataclass(frozen=True)
class Roles:
    """Per sentence of a passage: how it sits in the text."""

    item: tuple[bool, ...]  # a list item
    lead: tuple[bool, ...]  # ends with ":" and a list follows
    paragraph_start: tuple[bool, ...]  # a line break before it (the first sentence of a chunk counts)
    content: tuple[bool, ...]  # a claim that may be quoted: not a question, heading-like line or dangling lead-in
    leaning: tuple[bool, ...]
    whole: tuple[bool, ...]  # a complete sentence: capitalized, at least six words, ending with a stop
    adds: tuple[bool, ...]  # adds to the sentence before it ("... also involves ...")
    on_heading: bool = False  # the first sentence points at the section's heading: quoted with it, it stands
    asks: tuple[bool, ...] = ()  # a question on a line of its own (an FAQ's): what the paragraph after it answers
    quote: tuple[tuple[int, int] | None, ...] = ()  # the credited quotation [a, b) a sentence belongs to
    question: tuple[bool, ...] = ()  # ends with a question mark
    depth: tuple[int, ...] = ()  # a list item's nesting level in the passage (0: outermost)
    introduces: tuple[bool, ...] = ()  # ends with ":" before a quoted line (">"): shown with the passage it opens
    blockquote: tuple[bool, ...] = ()  # in a quoted block (a paragraph opening with ">")
    hole: tuple[bool, ...] = ()  # holds a template's placeholder for a value the text lacks: never quoted
    number: tuple[str, ...] = ()  # a numbered item's marker as written ("2.", "3)"); "" for a bullet or no item
    code: tuple[bool, ...] = ()  # a line of fenced code: never quoted, not even in a passage shown whole
    replies: tuple[bool, ...] = ()  # opens on a bare yes or no ("No, it doesn't.")


def leans(text: str) -> bool:
    """Whether a sentence leans on the one before it by its first words ("This course ...", "In Boston, this amounts to
    around $300,000 per year": a tester's radiation oncologists' pay, said to be for no one named)."""
    return bool(LEANING.match(text) or _LEANING_INSIDE.match(text))


def has_hole(text: str) -> bool:
    """Whether `text` holds a template's placeholder for a value it does not give (never quoted)."""
    return bool(_PLACEHOLDER.search(text))


def roles(passage: Passage) -> Roles:
    """How each sentence of `passage` sits in its text (cached: the same passages come back question after question)."""
    return _roles(passage.chunk_id, passage.start, passage.text, passage.sentences, passage.opens_section and bool(passage.heading))


def figure_alone(text: str) -> bool:
    """Whether `text` is only a figure ("$100,000 - $150,000", "6-12 months"): read only under its heading."""
    return bool(_FIGURE_ALONE.fullmatch(text.strip()))


def figure_label(text: str) -> str:
    """The label a sentence gives its figure ("Salary" of "Salary: £30,000–£35,000 per annum based on experience"),
    or "" when it does not open on one; what follows the label is not checked."""
    m = _LABEL_BEFORE_FIGURE.match(text.strip())
    return m["label"] if m else ""


@lru_cache(maxsize=4096)
def _roles(chunk_id: str, base: int, text: str, sents: tuple, opens_section: bool = False) -> Roles:
    n = len(sents)
    markers = [_ITEM_PREFIX.search(text[: s.start - base]) for s in sents]
    # An item of a quoted list ("> - Led and managed backend web development") keeps its markers in its text.
    quoted_item = [bool(_QUOTED_ITEM.match(s.text)) for s in sents]
    item = [m is not None or q for m, q in zip(markers, quoted_item)]
    if n > 1 and item[1] and not item[0] and not text[: sents[0].start - base].strip() \
            and text[sents[0].end - base : sents[1].start - base].count("\n") == 1 \
            and not sents[0].text.rstrip().endswith(_STOPS) and not sents[1].text.rstrip().endswith(_STOPS):
        # A chunk that opens on a list item starts after its marker: its first line is an item too when it is
        # written like the item on the very next line, a clause without a full stop ("I drive the priorities
        # for the company"). A sentence before a list ("Yes, as long as your break is 3 days or less.") is not.
        item[0] = True
    para = [k == 0 or "\n" in text[sents[k - 1].end - base : s.start - base] for k, s in enumerate(sents)]
    # ... or ends as a clause its list completes ("... will depend on various factors, including" over "* How complex
    # the trade is": a tester's answer showed the list under its heading, the lead-in left out).
    # ... or names the list that follows it ("... if you are on the following lists.", "This is the information that you
    # should include for each position on your resume.": a tester's answers stopped there, their lists left out).
    lead = [(s.text.rstrip().endswith(":") or bool(_OPEN_LEAD.search(s.text) or _NAMES_LIST.search(s.text)))
            and k + 1 < n and item[k + 1] for k, s in enumerate(sents)]
    # A paragraph that leads in to a quoted example ("This is an example of what your resume might look like:"): not quoted alone
    # (it says nothing by itself), but kept where the passage is shown whole, or the example reads as advice.
    blockquote: list[bool] = []
    for k, s in enumerate(sents):
        blockquote.append(s.text.startswith(">") or (k > 0 and not para[k] and blockquote[k - 1]))
    introduces = [para[k] and s.text.rstrip().endswith(":") and k + 1 < n and sents[k + 1].text.startswith(">")
                  for k, s in enumerate(sents)]
    code = _in_code(text, [s.start - base for s in sents])
    content, leaning = [], []
    for k, s in enumerate(sents):
        t = s.text.strip()
        alone = para[k] and (k + 1 == n or para[k + 1]) and not item[k]
        # A subtitle or a heading written as a paragraph; not a label with its statement ("Trainee: Starting around
        # $40-50k depending on location", from "**Trainee:** ..."): a tester's pay question lost the line that answered.
        figure = alone and (k == 0 and opens_section and figure_alone(t) or bool(_LABELLED_FIGURE.fullmatch(t)))
        # ... but never a paragraph longer than any heading: an FAQ's answer whose author left off its full stop ("Yes!
        # tech lead responsibility can be assigned to engineers at any level, ... the available capacity of the
        # individual", a tester's: the answer quoted the question before it instead).
        heading_like = alone and not t.endswith(_ENDS) and not _LABELLED.match(t) and not figure and len(t) <= MAX_HEADING_CHARS
        # "(Employment is not guaranteed.)": a short sentence in brackets or quotes ends where its stop does.
        fragment = len(t.split()) < 5 and not t.rstrip(")]\"'”’").endswith((".", "!")) and not figure and not _LABELLED.match(t)
        dangling = t.endswith((":", ";")) and not lead[k]
        # ... but one pricing what it names is its claim ("This course can cost anything up to £18,000", the BPTC's, a
        # tester's law library: "this course" read as the page itself, and the cost was never quoted).
        meta = bool(_ABOUT_THE_TEXT.search(t) or ANNOUNCES.search(t)) and not lead[k] and not _PRICED.search(t)
        content.append(not (t.endswith("?") or heading_like or fragment or dangling or meta or has_hole(t) or code[k]))
        # ... and a short reply to the question before it in its paragraph ("Think you need a degree to join Merchant
        # Navy? Think again.": alone, "Think again." opened a tester's answer as a "no").
        replying = k > 0 and not para[k] and sents[k - 1].text.rstrip().endswith("?") and len(t.split()) <= SHORT_REPLY_WORDS
        leaning.append((bool(LEANING.match(t) or _LEANING_INSIDE.match(t)) and not _DUMMY_IT.match(t) or replying) and not item[k])
    whole = [s.text.strip()[:1].isupper() and len(s.text.split()) >= 6 and s.text.strip().endswith((".", "!")) for s in sents]
    adds = [bool(_ADDITIVE_INSIDE.match(s.text.strip())) for s in sents]
    first = sents[0].text.strip() if n else ""
    if n and not opens_section and _BARE_REPLY.match(first):
        # A passage opening on a reply whose question ends the chunk before it ("No, it doesn't." under "**That sounds
        # like a lot of work.**"): quoted, a tester's "do i really have to go to engineering school?" opened "No".
        leaning[0] = True
    on_heading = opens_section and bool(leaning) and leaning[0] and bool(_POINTS.match(first) or _LEANING_INSIDE.match(first))
    if on_heading:
        leaning[0] = False
    question = [s.text.strip().endswith("?") for s in sents]
    asks = [para[k] and k + 1 < n and para[k + 1] and not item[k] and question[k] for k in range(n)]
    quote = _quotations(sents, para, item)
    for k, q in enumerate(quote):
        if q and k == q[1] - 1:
            content[k] = True  # the credit is quoted wherever its quotation is
    # "  - Debugging JavaScript" under "- Debug your code ... sessions below:": quoted flat, the links read as steps.
    depth = _depths(markers, item, sents, para, opens_section)
    return Roles(tuple(item), tuple(lead), tuple(para), tuple(content), tuple(leaning), tuple(whole), tuple(adds), on_heading=on_heading,
                 asks=tuple(asks), quote=quote, question=tuple(question), depth=depth,
                 introduces=tuple(introduces), blockquote=tuple(blockquote), hole=tuple(has_hole(s.text) for s in sents),
                 number=_numbers(markers, item, depth), code=tuple(code),
                 replies=tuple(bool(_BARE_REPLY.match(s.text.strip())) for s in sents))


def _in_code(text: str, starts: list[int]) -> list[bool]:
    """Per sentence starting at each of `starts`, whether it is a line of fenced code ("where change_type in ('new',
    'changed')" answered a tester's "how do i debug a failing dbt model"). A chunk may open inside a fence: its first
    fence then closes one, a bare fence when their count is odd."""
    fences = list(_FENCE_LINE.finditer(text))
    if not fences:
        return [False] * len(starts)
    inside = len(fences) % 2 == 1 and not fences[0][2].strip()
    out = []
    for start in starts:
        before = sum(1 for m in fences if m.start() <= start)
        on_fence = any(m.start() <= start < m.end() for m in fences)
        out.append(on_fence or inside != (before % 2 == 1))
    return out


_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})([^\n]*)$", re.M)


def _numbers(markers, item, depth) -> tuple[str, ...]:
    """Each numbered item's marker as written ("2." of "\n2. Apply"), "" for a bullet or no item, and "" where
    the number tells nothing: a list numbered "1." throughout (Markdown counts it; the quote may start anywhere in
    it), or a lone "1." whose list is not in the passage."""
    found = [_NUMBER.search(m.group(0)) if m and item[k] else None for k, m in enumerate(markers)]
    written = [f.group(0) if f else "" for f in found]
    out = list(written)
    for level in set(depth):
        ks = [k for k in range(len(written)) if written[k] and depth[k] == level]
        for i, k in enumerate(ks):
            around = [written[j][:-1] for j in ks[max(0, i - 1) : i] + ks[i + 1 : i + 2]]
            if written[k][:-1] in around or (not around and written[k][:-1] == "1"):
                out[k] = ""
    return tuple(out)


def _credit(text: str) -> bool:
    m = _CREDIT.search(text)
    if not m or text.endswith((".", "!")):
        return False
    first = m.group(1).split()[0]
    return len(m.group(1).split()) <= 25 and (first[0] in "@“\"" or first[0].isupper() or first.lower() not in FUNCTION_WORDS)


def _quotations(sents, para, item) -> tuple[tuple[int, int] | None, ...]:
    """Per sentence, the paragraph [a, b) it sits in when that paragraph closes with a quotation's credit."""
    out: list[tuple[int, int] | None] = [None] * len(sents)
    starts = [k for k, p in enumerate(para) if p] + [len(sents)]
    for a, b in zip(starts, starts[1:]):
        if b - a > 1 and not any(item[a:b]) and _credit(sents[b - 1].text.strip()):
            out[a:b] = [(a, b)] * (b - a)
    return tuple(out)


def span_for(k: int, r: Roles, sentences=None) -> tuple[int, int] | None:
    """The sentences [a, b) to quote so that sentence k reads on its own, or None when it cannot be
    (a leaning sentence whose antecedent is not in this passage, or no content at all). With `sentences`
    given, a sentence leaning only by a connective ("However, ...") may stand alone: a counterpoint."""
    n = len(r.item)
    if r.item[k] or r.lead[k]:
        lead = k
        while lead > 0 and not r.lead[lead] and r.item[lead]:
            lead -= 1
        if not r.lead[lead]:
            # A list straight under a heading ("Quick facts"): nothing introduces its items, so an item that
            # is a whole sentence stands alone; a fragment ("Gain work experience") does not.
            return (k, k + 1) if r.whole[k] else None
        end = lead + 1
        while end < n and r.item[end] and end - lead <= KNOBS.max_list_items:
            end += 1
        if k >= end:
            return None
        a = lead
        if r.leaning[lead]:  # "These include:" leans on the sentence before the list
            back = _back(lead, r)
            if back is None:
                return None
            a = back
        return (a, end)
    if not r.content[k]:
        return None
    if sentences is not None and CONNECTIVE.match(sentences[k].text.strip()):
        return (k, k + 1)
    a = _back(k, r)
    if a is None:
        return None
    if a == k and r.adds[k] and k > 0 and r.content[k - 1] and not r.item[k - 1]:
        before = _back(k - 1, r)
        if before is not None:
            a = before
    if r.quote and r.quote[k]:
        return (min(a, r.quote[k][0]), r.quote[k][1])
    if a > 0 and r.paragraph_start[a] and r.asks and r.asks[a - 1]:
        a -= 1  # an FAQ's answer comes with the question it answers
    return (a, k + 1)


def _back(k: int, r: Roles) -> int | None:
    """The first sentence of the run ending at k that starts on solid ground, or None."""
    a = k
    while r.leaning[a]:
        if a > 0 and r.paragraph_start[a] and r.asks and r.asks[a - 1]:
            return a - 1  # an FAQ's answer ("This framework is not a checklist.") with the question it answers
        if a == 0 or k - a >= KNOBS.max_back or r.item[a - 1] or not r.content[a - 1]:
            return None
        a -= 1
    return a


def _depths(markers, item, sents, para, opens_section: bool = False) -> tuple[int, ...]:
    """Each list item's nesting level: 1 for the items indented under an earlier item of the passage ("* Describe
    our progress." then "    * _"We are aware of an incident..."_"), or under any item that introduces them (it
    ends with ":", "sessions below about debugging:"), else 0. The passage's first line is no parent by its
    indentation alone (a chunk that starts inside a list loses that line's indentation) unless the passage opens its
    section (then it is as written: "- OSWE ... - ₹1,15,000" over its indented points, a tester's, whose points read as
    more certifications), nor is an item joined from the next chunk."""
    out: list[int] = []
    parent = current = None  # the indentation of the item nested items sit under, and of the last outer item
    for k, m in enumerate(markers):
        ends_lead_in = sents[k].text.rstrip().endswith(":")
        if not item[k]:
            out.append(0)
            if para[k]:
                parent = current = None  # a paragraph ends the list
            elif current is not None and ends_lead_in and parent is None:
                parent = current  # "- Debug your code. You can watch these sessions:" introduces what follows
            continue
        # "-" and a run of spaces is where evidence.with_rest_of_list joined the next chunk's item: its indentation
        # is not known (the spaces stand for the article's line break, indentation and marker).
        w = len(m.group(1).expandtabs(4)) if m and not (m[0].lstrip("\n").startswith("-") and len(m.group(2)) > 1) else None
        if parent is not None and w is not None and w > parent:
            out.append(1)
            continue
        out.append(0)
        parent = w if w is not None and (ends_lead_in or k > 0 or opens_section) else None
        current = w
    return tuple(out)


def render(sentences, r: Roles, members) -> str:
    """Quoted text of some of a passage's sentences, laid out as in the passage: sentences of a paragraph joined
    by spaces, paragraphs by a blank line, list items as "- item" lines, a numbered item with its number ("2. item":
    the second step is the second step wherever the quote starts)."""
    out = ""
    previous = None
    for k in members:
        words = " ".join(sentences[k].text.split())
        if r.item[k] and (previous is None or r.paragraph_start[k] or previous != k - 1):
            number = r.number[k] if r.number else ""
            bullet = "" if _QUOTED_ITEM.match(words) else "  " * r.depth[k] + (f"{number} " if number else "- ")
            out += ("\n" if out else "") + bullet + words
        elif out and (r.paragraph_start[k] or previous is not None and any(r.paragraph_start[previous + 1 : k])):
            out += "\n\n" + words  # after a list item too: a line break alone continues the item (Markdown)
        else:
            # ... no space where the source has none and what follows is one token, or no sentence's start: a sentence
            # split inside it ("Salary." | "Com.", "?" | "hl=en" of an address: a tester's answers showed "Salary. Com"
            # and a broken link; "Aha!" | ", Roadmunk"). Sentences the source ran together ("stops.Next") are spaced:
            # read blind, the space was preferred.
            glued = previous == k - 1 and sentences[k].start == sentences[previous].end and (
                " " not in words or not words[:1].isupper())
            out += ("" if glued or not out else " ") + words
        previous = k
    return out
