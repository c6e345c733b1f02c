"""What one library is about: its subject, example questions and abbreviations, derived from its articles
at index time, or set by the user in `library.yaml` beside the articles (that file wins, key by key).

Nothing here knows a field: a library of nursing guides gets "nurse" as its subject and "RN" from
"registered nurse (RN)" the same way the machine learning guides get theirs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import KNOBS
from .ingest import YAMLAliasError, load_yaml
from .text import CHAT_SHORTHAND, FUNCTION_WORDS, INITIALISM_ZIPF, sentence_case, subsequence, zipf

_CHAT_SHORTHAND = re.compile(r"(?<![\w/])(?:" + "|".join(map(re.escape, CHAT_SHORTHAND)) + r")(?![\w/])", re.I)
DATA_FILE = "library.yaml"  # in the corpus folder; read at build time and stored in the index
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_DEFINED = re.compile(r"\b((?:[A-Za-z][\w’'-]*\s+){1,6}?)\(([A-Z][A-Za-z]{1,7}s?)\)")  # "machine learning (ML)"
_DEFINED_AFTER = re.compile(r"\b([A-Z][A-Za-z]{1,7})\s+\(((?:[A-Za-z][\w’'-]*\s*){2,6})\)")  # "MLOps (Machine Learning Operations)"


@dataclass(frozen=True)
class Library:
    subject: str = ""  # "machine learning engineer": named in greetings
    examples: tuple[str, ...] = ()  # questions offered in greetings and in the UI
    abbreviations: dict = field(default_factory=dict)  # lower-case short form -> long form
    background_phrase: str = ""  # the subject as derived from the articles, before library.yaml ("machine learning engineer")
    subject_stems: frozenset = frozenset()  # its words, stemmed
    keep: frozenset = frozenset()  # short forms the articles define and use: searched as "MLOps (machine learning operations)"
    # ... of which those the articles write more widely than their long form: searched as typed ("CPA", in every
    # chunk of an accounting library; "cpa (certified public accountant)" ranked the definition first for "whats the
    # passing score for the cpa exam").
    as_typed: frozenset = frozenset()

    def expand(self, text: str) -> str:
        """Short forms spelled out for searching: "an MLE" -> "a machine learning engineer" (whole words); chat's own
        (`text.CHAT_SHORTHAND`) where the library does not define them."""
        text = _CHAT_SHORTHAND.sub(lambda m: m[0] if m[0].lower() in self.abbreviations else CHAT_SHORTHAND[m[0].lower()], text)
        if not self.abbreviations:
            return text
        pattern = _pattern(tuple(sorted(self.abbreviations, key=len, reverse=True)))

        def spell(m: re.Match) -> str:
            short = m.group(2)
            if short.lower() in FUNCTION_WORDS and not short.isupper():
                return m.group(0)  # "what does it take": the pronoun, not IT (information technology)
            long = self.abbreviations[short.lower()]
            if m.group(3):
                # A plural typed ("CNAs", "lpns"; "how much do travel rts make" was told no figure is for “travel rts”,
                # over travel RTs' pay, a tester's), not a word of its own: "hrs", "pts", "ops" are hours, points, ...
                if not (short.isupper() or zipf(m.group(2) + m.group(3)) < INITIALISM_ZIPF) or long.endswith("s"):
                    return m.group(0)
                long = _plural(long)
            if len(short) >= 3 and short[:-1].isupper() and short.endswith("s") and not long.endswith("s"):
                return m.group(0)  # "HCAs": healthcare assistants, more than one HCA, not HCAS (a high cost area supplement)
            if short.lower() in self.as_typed:
                return m.group(0)
            if m.group(2).lower() in self.keep:
                return f"{m.group(0)} ({long})"
            if not m.group(1):
                return long
            article = "an" if long[:1].lower() in "aeiou" else "a"
            return f"{article.capitalize() if m.group(1)[0].isupper() else article} {long}"

        return pattern.sub(spell, text)

    def greeting(self) -> str:
        about = f" on “{self.subject}”" if self.subject else ""
        text = (f"Hi! I answer questions from my library of articles{about}, quoting the passages I rely on "
                "and citing each one so you can check it.")
        if self.examples:
            text += " Try:\n" + "\n".join(f"- {q}" for q in self.examples)
        return text


_PATTERNS: dict = {}


def _pattern(keys: tuple[str, ...]) -> re.Pattern:
    # Whole words, not a part of a name with dots ("fast.ai", "ML.NET"): those are names, spelled as they are.
    if keys not in _PATTERNS:
        # Nor the end of a hyphened one: "R-ATP" (a restricted ATP) was searched as "R-ATP (airline transport pilot)".
        _PATTERNS[keys] = re.compile(r"(?<![.\w-])(?:(an?)\s+)?(" + "|".join(re.escape(k) for k in keys) + r")(s?)\b(?!\.\w)", re.I)
    return _PATTERNS[keys]


def _plural(name: str) -> str:
    """"respiratory therapists" of "respiratory therapist", "agencies" of "agency": the last word's English plural."""
    if re.search(r"[^aeiou]y$", name):
        return name[:-1] + "ies"
    return name + ("es" if re.search(r"(?:s|x|z|ch|sh)$", name) else "s")


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations an article defines: "artificial intelligence (AI)", "MLOps (Machine Learning Operations)".
    A short form counts only when its letters start the long form's words in order (Schwartz and Hearst's test), and
    only when the article gives it one long form: a tester's pharmacy guide wrote both "Bureau of Labor Statistics
    (BLS)" and "Basic Life Support (BLS)", and every question on what the BLS says was searched as life support."""
    found: dict[str, str] = {}
    twice: set[str] = set()
    for m in _DEFINED.finditer(text):
        short, words = m.group(2), m.group(1).split()
        if len(short) > 4 and short[1:].islower():
            continue  # a word in brackets ("The E-2 (Teaching) Visa"), no short form: "teaching" was read as "the E-2"
        _define(found, twice, short, _matching_tail(short, words))
    for m in _DEFINED_AFTER.finditer(text):
        short, words = m.group(1), m.group(2).split()
        # A gloss in brackets after a name is no long form unless it spells every letter: "BCIT (Burnaby Campus)" says
        # where, and every "BCIT" of a tester's trades library was searched as "burnaby campus".
        long = _matching_tail(short, words)
        if long and _spelled_by(short.rstrip("s").lower() if len(short) > 2 and short.endswith("s") else short.lower(), long.lower().split()):
            _define(found, twice, short, long)
    return {short: long for short, long in found.items() if short not in twice}


def _define(found: dict[str, str], twice: set[str], short: str, long: str) -> None:
    """`long` as `short`'s long form in `found`; `short` into `twice` when `found` gives it another."""
    if long:
        if found.setdefault(short.lower(), long).lower() != long.lower():
            twice.add(short.lower())


def _matching_tail(short: str, words: list[str]) -> str:
    """The run of `words` ending the list that `short` abbreviates: the shortest whose initials spell it ("Technology
    Transformation Services" for TTS, "Office of Personnel Management" for OPM), else the longest that holds its
    letters in order ("Database Administrators" for DBAs, "Large Language Models" for LLMs). Never a run that
    starts with a function word in lower case ("of Personnel Management")."""
    letters = short.rstrip("s").lower() if len(short) > 2 and short.endswith("s") else short.lower()
    words = words[:-1] + [words[-1].rstrip("’'")] if words else words  # "Transformation Services’ (TTS)"
    # A word shouted after itself ("Everyone (EVERYONE) uses study aids") is emphasis, no abbreviation.
    tails = [words[-n:] for n in range(1, len(words) + 1) if not _minor(words[-n]) and [w.lower() for w in words[-n:]] != [short.lower()]]
    tail = next((t for t in tails if letters in _spellings(t)), None)
    if tail is None:
        # Its words' initials must be half its letters at least: "GEPIK (Gyeonggi Province)" names where the
        # programme runs, not what GEPIK stands for (a tester's TEFL library searched every "province" as GEPIK).
        tail = next((t for t in reversed(tails) if len(t) >= max(2, len(letters) / 2) and _initials_in(letters, t)), None)
    return " ".join(w.lower() if not w.isupper() else w for w in tail) if tail else ""


def _spelled_by(letters: str, words: list[str]) -> bool:
    """Whether `words` spell `letters` in order, each word its initial and then any of its letters ("mlops":
    "machine learning operations"; not "bcit": "burnaby campus")."""
    if not words:
        return not letters
    word = re.sub(r"[^a-z0-9]", "", words[0])
    if not letters or not word or letters[0] != word[0]:
        return False
    rest, inside = letters[1:], word[1:]
    for taken in range(len(rest), -1, -1):  # the most letters this word can give first
        if subsequence(rest[:taken], inside) and _spelled_by(rest[taken:], words[1:]):
            return True
    return False


def _spellings(words: list[str]) -> set[str]:
    """What a run of words abbreviates to, with and without its function words: each part's initial ("entity-
    relationship": "er"), a capital inside a word ("ScrumMaster": "sm"), a short word in capitals whole ("UK")."""
    def initials(w: str) -> str:
        return "".join(p.lower() if p.isupper() and len(p) <= 4 else p[0].lower() + "".join(c.lower() for c in p[1:] if c.isupper())
                       for p in re.split(r"[-/]", w) if p)
    return {"".join(initials(w) for w in words), "".join(initials(w) for w in words if not _minor(w))}


def _minor(word: str) -> bool:
    """A function word in lower case ("of", "the"): left out of initials; "Better" of a name is not."""
    return word in FUNCTION_WORDS


def _initials_in(letters: str, words: list[str]) -> bool:
    """"MLOps" from "Machine Learning Operations": every word's initial, in order, is in the short form."""
    it = iter(letters)
    return all(w[0].lower() in it for w in words) and letters[0] == words[0][0].lower()


def derive(titles: list[str], headings: dict[str, int], article_abbreviations: list[dict], background: frozenset[str],
           stem, overrides: dict | None = None, centrality=None, spread=None) -> Library:
    """A library's profile from its articles' titles and section headings (each with how many sections it
    names); `overrides` (from library.yaml) win key by key. `centrality(text)` (optional) says how much of the
    library a heading's words run through: the examples offered are its most central questions. `spread(phrase)`
    (optional): the share of the library's chunks that hold its least common word."""
    overrides = overrides or {}
    if not background and len(titles) >= 2:
        # Too few chunks to tell the library's background from its text: the words most titles share will do.
        counts = Counter(st for t in titles for st in {stem(w.lower()) for w in _WORD.findall(t) if w.lower() not in TITLE_FORMAT})
        background = frozenset(st for st, n in counts.items() if n >= max(2, 0.6 * len(titles)) and len(st) > 3)
    texts = Counter(titles)
    texts.update(headings)  # not Counter + Counter: that copies both again (0.14 s at 100,000 articles)
    subject = background_phrase = _subject(texts, background, stem)
    initials = subject if len(subject.split()) >= 2 else ""
    if not initials:
        # No run of background words, or one word ("project"): the words most titles share say it better when
        # there are some ("data engineering", "teacher training", "open source"). Not spelled out from their
        # initials: "OS" is an operating system more often than open source.
        # A phrase the titles share but the text rarely uses is their format, not the subject ("interview" of
        # "Interview with Alex Ball" in a library on technical writing: 0.22 of its chunks): see SUBJECT_MIN_SPREAD.
        spread_enough = (lambda phrase: spread(phrase) >= SUBJECT_MIN_SPREAD) if spread else (lambda phrase: True)
        subject = next((s for s in (_title_subject(titles), subject, _title_word(titles))
                        if s and spread_enough(s)), "")
    if len(subject.split()) == 1 and not subject.isupper():
        subject = _with_its_modifier(subject, texts)
    if len(subject.split()) == 1 and not subject.isupper():
        subject = _with_its_head(subject, texts)
    subject = _as_written(subject, texts)
    # A short form the articles spell out in different ways means what most of them say: "PE" is "professional
    # engineer" in two articles of a tester's engineering library and "practice of engineering" in a third (its
    # "Principles and Practice of Engineering (PE)"), which, read first, rewrote every question on the PE exam.
    # A tie means neither (`_without_contested`).
    votes = Counter((short, long.lower()) for found in article_abbreviations for short, long in found.items())
    abbreviations: dict[str, str] = {}
    for found in article_abbreviations:
        for short, long in found.items():
            if short not in abbreviations or votes[short, long.lower()] > votes[short, abbreviations[short].lower()]:
                abbreviations[short] = long
    _plurals_as_singulars(abbreviations, votes, stem)
    _without_contested(abbreviations, votes, stem)
    defined = frozenset(abbreviations)
    if initials:
        # What people type for the subject: its initials ("MLE"), and those of its first words ("ML").
        words = initials.split()
        for n in range(2, len(words) + 1):
            short, long = "".join(w[0] for w in words[:n]).lower(), " ".join(words[:n])
            abbreviations.setdefault(short, long)
        abbreviations.setdefault(short + "s", long + "s")  # "MLEs"
    abbreviations.update({str(k).lower(): str(v) for k, v in (overrides.get("abbreviations") or {}).items()})
    keep = frozenset(defined - set(overrides.get("abbreviations") or {}))
    as_typed = frozenset(short for short in keep if spread and spread(short) > KNOBS.as_typed_spread * spread(abbreviations[short]))
    stems = frozenset(stem(w.lower()) for w in _WORD.findall(subject))
    examples = tuple(str(q) for q in overrides.get("examples") or ()) or _examples(
        headings, centrality=centrality, topic=lambda text: {stem(w.lower()) for w in _WORD.findall(text)
                                                             if w.lower() not in FUNCTION_WORDS} - background - stems)
    return Library(str(overrides.get("subject") or subject), examples, abbreviations, background_phrase, stems, keep, as_typed)


def _with_its_modifier(word: str, texts: Counter) -> str:
    """A one-word subject with the word before it, where titles and headings nearly always write the two together
    ("product manager" in a tester's PM library greeted as on “manager”: 26 of its 26 uses); else `word`."""
    uses, before = 0, Counter()
    for text, times in texts.items():
        words = _WORD.findall(text.lower())
        for i, w in enumerate(words):
            if _singular(w) == word:
                uses += times
                if i and words[i - 1] not in FUNCTION_WORDS:
                    before[words[i - 1]] += times
    if not before:
        return word
    modifier, n = before.most_common(1)[0]
    return f"{modifier} {word}" if n >= SUBJECT_MODIFIER_SHARE * uses else word


def _with_its_head(word: str, texts: Counter) -> str:
    """A one-word subject with the word after it, where titles and headings nearly always write one of a family of
    words after it ("technical" of a tester's library on technical writing, greeted as on “technical”: followed by
    "writer", "writers" or "writing" in 30 of its 40 uses), the family's commonest; else `word`."""
    uses, after = 0, Counter()
    for text, times in texts.items():
        words = _WORD.findall(text.lower())
        for i, w in enumerate(words):
            if w == word:
                uses += times
                if i + 1 < len(words) and len(words[i + 1]) > 3 and words[i + 1] not in FUNCTION_WORDS:
                    after[_singular(words[i + 1])] += times
    families: Counter = Counter()
    for w, n in after.items():
        families[w[:4]] += n
    if not families:
        return word
    family, n = families.most_common(1)[0]
    head = max((w for w in after if w[:4] == family), key=lambda w: after[w])
    return f"{word} {head}" if n >= SUBJECT_MODIFIER_SHARE * uses else word


def _as_written(subject: str, texts: Counter) -> str:
    """`subject` in the plural when the titles and headings write its last word only so: a library on "sales" is
    not on "sale" (a tester's was greeted as on “sale”)."""
    last = subject.split()[-1] if subject else ""
    if not last or last.isupper() or last.endswith("s"):
        return subject
    plural = False
    for text in texts:
        words = {_bare(w) for w in _WORD.findall(text.lower())}
        if last in words:
            return subject
        plural = plural or last + "s" in words
    return subject + "s" if plural else subject


# Twenty-four libraries (fifteen benchmark, eight testers', the bundled guides), 2026-12-05: only the PM library's
# "manager" is so written (26 of 26, "product"); next are "statistics" (13 of 34, "bio") and "game" (33 of 93, "video").
SUBJECT_MODIFIER_SHARE = 0.6


# A subject taken from the titles must be in at least this share of the chunks (its least common word). Fifteen
# libraries (2026-12-05), the title-derived subjects: "statistics" 0.52, "TTS" 0.44, "developer" 0.30, "data
# engineering" 0.28 (engineering); not kept, "interview" 0.22 (technical writing: its interviews' titles) and
# "career development framework" 0.22 (tech sales: its framework pages' titles).
SUBJECT_MIN_SPREAD = 0.25


def _subject(texts: Counter, background: frozenset[str], stem) -> str:
    """The most frequent run of background words in titles and headings (each text counted as often as it
    occurs), as written ("machine learning engineer")."""
    if not background:
        return ""
    runs: Counter = Counter()

    @lru_cache(maxsize=None)  # a large library's titles and headings repeat the same few thousand words
    def of_subject(word: str) -> bool:
        # "you" is in nearly every chunk of a guide written to its reader, but it is no subject.
        return stem(word) in background and word not in FUNCTION_WORDS

    for text, times in texts.items():
        run: list[str] = []
        for word in _WORD.findall(text.lower()) + [""]:
            if word and of_subject(word):
                run.append(word)
                continue
            if run:
                runs[" ".join(run)] += times
            run = []
    if not runs:
        return ""
    # Prefer the longest of the frequent runs: "machine learning engineer" over "machine learning".
    top = runs.most_common(1)[0][1]
    frequent = [r for r, c in runs.items() if c >= top / 2]
    best = max(frequent, key=lambda r: (len(r.split()), runs[r]))
    return _singular(best)


# Words of a title's format, not its subject ("OSHA 30-Hour Certification for Veterans: Complete Guide", eight of a
# tester's thirteen titles: the greeting called the library one about "complete guide").
TITLE_FORMAT = frozenset("guide guides complete ultimate definitive comprehensive essential essentials handbook overview "
                         "introduction roadmap tips steps everything beginner beginners".split())


def _title_subject(titles: list[str]) -> str:
    """The most frequent run of two to four words, none a function word, shared by at least three titles and a
    third of them ("data engineering" in "Advanced Data Engineering Skills", "Data Engineering Course: ...",
    "1001 Data Engineering Interview Questions"), as written in lower case; else ""."""
    runs: Counter = Counter()
    for title in titles:
        words = [_bare(w) for w in _WORD.findall(title.lower())]
        runs.update({" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, min(len(words), i + 4) + 1)
                     if all(w not in FUNCTION_WORDS and w not in TITLE_FORMAT and len(w) > 2 and not w.isdigit() for w in words[i:j])})
    shared = [(n, len(r.split()), r) for r, n in runs.items() if n >= max(3, len(titles) / 3)]
    return max(shared)[2] if shared else ""


def _title_word(titles: list[str]) -> str:
    """The word most titles share, when at least three titles and a third of them do ("statistics" in
    "A Short Guide for Students Interested in a Statistics PhD Program", "Navigating Big Data Careers with a
    Statistics PhD", ...; "TTS"), in its most common spelling, singular; else "". A library of role pages ("Content
    designer", "Product designer", "Service designer", "Product manager", ...) shares no word that often."""
    spellings: dict[str, Counter] = {}
    heads: Counter = Counter()  # titles where the word ends its phrase: "Blogging for Developers", not "Field Job"
    for title in titles:
        seen: dict[str, str] = {}
        found = list(_WORD.finditer(title))
        for i, m in enumerate(found):
            w = _bare(m[0])
            if (len(w) > 3 or (len(w) > 1 and w.isupper())) and w.lower() not in FUNCTION_WORDS and w.lower() not in TITLE_FORMAT:
                # By the word, not its stem: "design" is not "designer".
                key = w if w.isupper() else _singular(w.lower())
                seen.setdefault(key, w)
                after = found[i + 1] if i + 1 < len(found) else None
                if not (after and not title[m.end():after.start()].strip() and after[0].lower() not in FUNCTION_WORDS):
                    heads[key] += 1
        for key, w in seen.items():
            spellings.setdefault(key, Counter())[w] += 1
    # A word no title ends a phrase with only ever describes something else ("field" of "Field Job", "field
    # ecologist", "STEM Field Career" in a library on ecology careers): no subject. "statistics" is one: "(bio)statistics
    # - do a postdoc!", though "Statistics PhD" has it as a modifier twice.
    shared = [(sum(c.values()), st) for st, c in spellings.items()
              if sum(c.values()) >= max(3, len(titles) / 3) and heads[st]]
    if not shared:
        return ""
    word = spellings[max(shared)[1]].most_common()
    # As most titles spell it, in lower case unless it is an acronym ("TTS"); title case is only the title's style.
    written = max(word, key=lambda x: (x[1], x[0].islower()))[0]
    return written if written.isupper() else _singular(written.lower())


def _bare(word: str) -> str:
    """A word without its possessive ending: "designer’s" of "A freelance graphic designer’s survival guide" is the
    "designer" of the titles beside it."""
    return re.sub(r"['’]s$", "", word, flags=re.I)


def _singular(phrase: str) -> str:
    words = phrase.split()
    last = words[-1]
    if last.endswith(("ing", "ics")) or len(last) < 4:  # "statistics", "analytics": no plural
        return phrase
    if last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-1]
    return " ".join(words)


_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_NUMBERING = re.compile(r"^(?:(?:step|part|chapter|section)\s+)?(?:\d{1,3}|[ivx]{1,4})[.):]\s+|^\d{1,3}\s+-\s+", re.I)


_SO = re.compile(r"^(?:so|but|and)\b[\s.,…]+(?=\w)", re.I)  # "But what does a data science freelancer do?" too


def readable_heading(heading: str) -> str:
    """A heading as a topic to offer, or "": without invisible characters or its number ("3. Build a portfolio");
    a label ("Before you start:") or a metadata line ("Publication date: May 28, 2026") is no topic. Pure."""
    text = " ".join(_INVISIBLE.sub("", heading).split())
    # A space a page set before its mark ("I have not yet passed my MPharm/OSPAP ?", a tester's FAQ) is not offered.
    text = _NUMBERING.sub("", re.sub(r"\s+([?!.])$", r"\1", text)).strip()
    # "So... How Can I Get a Job?", "So what is a research software engineer?"; not a title's own "So, You Want to be a
    # Founder…" (a tester's suggestion read "You Want to be a Founder…").
    spoken = _SO.sub("", text) if text.endswith("?") else text
    if spoken != text and spoken:
        text = spoken[0].upper() + spoken[1:]
    text = sentence_case(text)
    return "" if ":" in text or _NO_TOPIC.match(text) or _CUT.search(text) else text


# A heading that stops mid-clause is a sentence cut where a page's link or markup broke it ("Your first step, if you are
# interested in this academy,": a tester's refusal offered it as a topic), not a topic.
_CUT = re.compile(r"(?:[,;(\[–—-]|\b(?:and|or|but|the|a|an|if))\s*$", re.I)  # "What to look out for" ends on a word


# Headings any article may have that name no topic of its own: "Final Thoughts", "Additional Resources".
_NO_TOPIC = re.compile(
    r"^(?:(?:some |my |a few |our )?(?:final|closing|end|concluding|last|parting) (?:thoughts?|words?|notes?|remarks?)|"
    r"conclusions?|in conclusion|(?:in )?summary|to sum up|wrapping up|wrap-?up|introduction|intro|overview|"
    r"(?:key )?takeaways?|tl;? ?dr|references|(?:further|future|additional|suggested|recommended) reading(?: links| list)?|"
    r"(?:additional |more |other |useful )?(?:learning |reading )?(?:resources|links)|"
    r"see also|related (?:posts|articles|reading|links)|acknowledge?ments?|about the authors?|(?:table of )?contents|"
    # ... and a blog's sidebar, printed with the page ("Recent Posts": offered with every refusal of a tester's vet library)
    r"(?:recent|latest|popular|more|older|newer) (?:posts|articles|entries)|categories|archives?|tags|search|share this)[.!]?$",
    re.I)


def names_no_topic(heading: str) -> bool:
    """Whether a heading is one any article may have ("Conclusion", "Final Thoughts", "References")."""
    return bool(_NO_TOPIC.match(heading.strip()))


# A heading question that leans on its page ("Why have one?", "What is it?", "What else do you want to learn?": an
# article's closing line, offered on a tester's first screen) asks nothing on its own.
_LEANS = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|one|ones|he|she|here|else)\b", re.I)


# The writer's own story ("How did I find work?", a data-science consultant's post): offered to a reader, it asks
# about nobody they know (a tester's freelancing library offered it with every greeting and refusal).
_OWN_STORY = re.compile(r"\b(?:did|was|were|had) (?:I|we)\b|\bI (?:did|was|had|got|found|learned|went|made)\b", re.I)
# "What about other roles?": a follow-up's form, asking about something beside what the page spoke of before.
_WHAT_ABOUT = re.compile(r"^\W*(?:what|how) about\b", re.I)
# "Do you like helping people?", "Are you ready?": the page quizzing its reader, no question a reader asks it.
_QUIZ = re.compile(r"^(?:do|are|have|would|did|were) you\b(?!.*\b(?:need|have to|must|should|require)\b)", re.I)
# "What are the responsibilities?": only a noun the page is about, with no word of what it belongs to.
_BARE_THE = re.compile(r"^(?:what|which|who|where)(?:['’]s| (?:\w+ )?(?:is|are)) the (?:\w+ )?\w+\?$", re.I)
# A question word, a verb that opens a question, or "or" ("A masters or a PhD?"), anywhere ("I applied for a role,
# what happens next?").
_ASKING = re.compile(r"\b(?:what|how|why|when|where|which|who|whom|whose|is|are|am|was|were|do|does|did|can|could|"
                     r"should|would|will|shall|may|might|must|has|have|had|or)\b", re.I)


def stands_alone(question: str) -> bool:
    """Whether a heading written as a question asks something without its page: four words or more, no pronoun
    leaning on the page ("What discipline?", "Why have one?" do not), not the page quizzing its reader ("Do you like
    helping people?"), not a bare "What are the responsibilities?" or "What's the Real Answer?", and asking with a
    question word, a verb or a choice (a flight school's call to action "Ready to Take Off?" asks nothing), and not a
    follow-up's "What about other roles?", nor the writer's own story ("How did I find work?")."""
    return (len(question.split()) >= 4 and not _LEANS.search(question) and not tells_own_story(question)
            and not _QUIZ.search(question)
            and not _WHAT_ABOUT.search(question)
            and not _BARE_THE.search(question) and bool(_ASKING.search(question)))


def tells_own_story(question: str) -> bool:
    """Whether a heading written as a question asks about its writer's own past ("How did I find work?")."""
    return bool(_OWN_STORY.search(question))


QUOTES = "\"'“”‘’ "


PLAIN_MAX_WORDS = 4


def about(heading: str, title: str = "") -> str:
    """A question asking what the guides say about a section: "What do the guides say about adult learners?" for a
    heading in sentence case ("Adult learners"); a heading in title case or with other marks is quoted as written
    ("... about “Research & Design”?"), as is the article a heading several share is named by (`title`)."""
    asked = heading.strip().rstrip(".:") + "?"
    if _ASKS.match(heading) and not title and stands_alone(asked):
        return asked[0].upper() + asked[1:]  # "What to Write About as a Developer" asks already; "What to do with it" leans on its page
    words = heading.split()
    # A longer heading is a phrase of its own ("Make AI fluency a visible strength", "Why I chose to be a field
    # ecologist"): quoted, not run into the sentence ("... say about make AI fluency a visible strength?").
    # One that opens on a pronoun is a clause ("You design for people"): quoted too, not "... say about you design ...".
    plain = (re.fullmatch(r"[A-Za-z][A-Za-z' -]*", heading) and all(w.islower() or w.isupper() for w in words[1:])
             and len(words) <= PLAIN_MAX_WORDS and words[0].lower() not in _SUBJECT_PRONOUNS)
    first = words[0] if words and (words[0].isupper() or len(words[0]) == 1) else (words[0].lower() if words else "")
    if plain and first == "about" and len(words) > 1:  # "About the exam": "... say about the exam?", not "about about"
        first, words = words[1], words[1:]
    named = " ".join([first, *words[1:]]) if plain else f"“{_quoted_within(heading)}”"
    return f"What do the guides say about {named} in “{title}”?" if title else f"What do the guides say about {named}?"


_SUBJECT_PRONOUNS = frozenset("i you we they he she it".split())
# A heading worded as a question without its mark: "How to choose a mentor", "What to Write About as a Developer".
_ASKS = re.compile(r"^(?:how|what|where|when|why|which|who)\s+(?:to|is|are|do|does|can|should)\s+\w", re.I)


def _quoted_within(heading: str) -> str:
    """A heading to set inside “...”: without quotes around the whole ("“Anyone can write”", not "““Anyone can
    write””"), and a title it quotes in single quotes (‘On Being a Senior Engineer’ - Level Up Your Core Skills,
    not a lone " left where the heading's first quote was taken off)."""
    text = heading.strip()
    if len(text) > 1 and text[0] in QUOTES and text[-1] in QUOTES:
        text = text[1:-1].strip()
    return re.sub(r"[\"“]([^\"“”]+)[\"”]", r"‘\1’", text)


def _examples(headings: dict[str, int], n: int = 3, centrality=None, topic=None) -> tuple[str, ...]:
    """Questions from the articles' own headings, the most central first (`centrality`; else the most common):
    those written as questions that stand on their own (four words or more, no pronoun leaning on the page), then
    topics ("What do the guides say about “Incident Commander Training”?") when there are too few. A data
    engineering book offered "Why Is Agile So Important?" and "Which Protocol Lives on Which Layer?" (the first
    headings of its chapter of basics) before "Should you do stream or batch processing?"."""
    counts: Counter = Counter()
    written: dict[str, str] = {}  # one heading written two ways ("What is Technical Writing?", "What is technical
    for h, times in headings.items():  # writing?", two articles') is one example (a tester was offered both)
        h = readable_heading(h)
        if h:
            key = " ".join(h.casefold().split())
            written.setdefault(key, h)
            counts[key] += times
    ranked = [written[k] for k, _ in counts.most_common() if 12 <= len(written[k]) <= 90]
    questions = [h for h in ranked if h.endswith("?") and stands_alone(h)][:EXAMPLES_WEIGHED]
    topics = [h for h in ranked if not h.endswith("?") and len(h.split()) >= 3][:EXAMPLES_WEIGHED]
    if centrality is not None:  # stable: equally central headings keep the more common first
        questions.sort(key=centrality, reverse=True)
        topics.sort(key=centrality, reverse=True)
    offered = questions + [about(h) for h in topics]
    if topic is None:
        return tuple(offered[:n])
    # Three questions on three topics: one that shares a topic word (`topic`: not the library's subject) with one
    # already chosen waits ("Why blog as a developer?", then not "What to Write About as a Developer" if "blog" is
    # in it), unless too few others are left.
    chosen: list[str] = []
    said: set[str] = set()
    for q in offered:
        if len(chosen) == n:
            break
        words = topic(q)
        if not words & said:
            chosen.append(q)
            said |= words
    return tuple(chosen + [q for q in offered if q not in chosen][: n - len(chosen)])


EXAMPLES_WEIGHED = 200  # the most common candidates weighed for centrality: a large library has 100,000s of headings


def read_overrides(corpus_dir: Path) -> dict:
    """The user's library.yaml (subject, examples, abbreviations), checked, or {}. Raises ValueError with one line
    naming the file, the key and what it must be; YAML that does not parse raises what load_yaml raises."""
    path = Path(corpus_dir) / DATA_FILE
    if not path.is_file():
        return {}
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    except YAMLAliasError as e:
        raise ValueError(f"{path} {e}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path} must be a mapping with subject, examples and abbreviations")
    allowed = {"subject", "examples", "abbreviations"}
    if set(data) - allowed:
        raise ValueError(f"{path}: unknown keys {sorted(set(data) - allowed, key=str)}; use {sorted(allowed)}")
    problem = _subject_problem(data.get("subject")) or _examples_problem(data.get("examples"))
    problem = problem or _abbreviations_problem(data.get("abbreviations"))
    if problem:
        raise ValueError(f"{path}: {problem}")
    return data


MAX_SUBJECT_CHARS = 100
MAX_EXAMPLE_CHARS = 300  # an example is offered as a question to click; questions may be 2,000 but these are short
MAX_LONG_FORM_CHARS = 100


def _line(value, limit: int) -> bool:
    """True for one non-blank line of text of at most `limit` characters (not a number, list or mapping)."""
    return isinstance(value, str) and bool(value.strip()) and len(value) <= limit and len(value.splitlines()) == 1


def _subject_problem(subject) -> str:
    if subject is None or subject == "" or _line(subject, MAX_SUBJECT_CHARS):
        return ""
    return f"subject must be one line of text of up to {MAX_SUBJECT_CHARS} characters, e.g. 'subject: becoming a nurse'"


def _examples_problem(examples) -> str:
    if examples is None:
        return ""
    if not isinstance(examples, list):
        return "examples must be a list of questions, one per line starting with '- '"
    for i, question in enumerate(examples, 1):
        if not _line(question, MAX_EXAMPLE_CHARS):
            return (f"example {i} ({str(question)[:40]!r}) must be a question: one line of up to "
                    f"{MAX_EXAMPLE_CHARS} characters")
    return ""


def _without_contested(abbreviations: dict[str, str], votes: Counter, stem) -> None:
    """Drop, in place, a short form the articles spell out two ways, neither in more articles than the others together:
    "Bureau of Labor Statistics (BLS)" in one, "BLS (Basic Life Support)" in another (a tester's pharmacy library searched
    "what does the BLS say pharmacy techs earn?" as life support, and said the guides give no figure)."""
    for short in list(abbreviations):
        groups: Counter = Counter()
        for (s, long), n in votes.items():
            if s == short:
                groups[frozenset(stem(w) for w in long.split())] += n
        if len(groups) > 1 and groups.most_common(1)[0][1] <= sum(groups.values()) - groups.most_common(1)[0][1]:
            del abbreviations[short]


def _plurals_as_singulars(abbreviations: dict[str, str], votes: Counter, stem) -> None:
    """Drop, in place, a plural short form spelled out otherwise than its singular by no more articles: "physician
    associates (PAs)" in one UK news post rewrote every "PAs" of a tester's library on physician assistants ("Physician
    Assistant (PA)" in two guides), and US questions got the NHS's rules."""
    def articles(short: str) -> int:
        return sum(n for (s, _), n in votes.items() if s == short)

    for short in [s for s in abbreviations if s.endswith("s") and s[:-1] in abbreviations]:
        one, many = abbreviations[short[:-1]], abbreviations[short]
        if {stem(w.lower()) for w in one.split()} != {stem(w.lower()) for w in many.split()} and articles(short) <= articles(short[:-1]):
            del abbreviations[short]


def _abbreviations_problem(abbreviations) -> str:
    if abbreviations is None:
        return ""
    if not isinstance(abbreviations, dict):
        return ("abbreviations must be a mapping of short forms to what they stand for, "
                "e.g. 'nlp: natural language processing'")
    for short, long in abbreviations.items():
        problem = _short_form_problem(short)
        if problem:
            return f"abbreviation {short!r} {problem}"
        if not _line(long, MAX_LONG_FORM_CHARS):
            return (f"abbreviation {short!r} must stand for one line of text of up to {MAX_LONG_FORM_CHARS} characters, "
                    f"e.g. '{short}: natural language processing'")
    return ""


def _short_form_problem(short) -> str:
    """What is wrong with a short form as a key, or "". Every match of it in a question is replaced by its long
    form, so "" would glue words together and "a" would rewrite "Is a degree needed?"."""
    if not isinstance(short, str):
        return f"must be text: YAML reads it as {type(short).__name__} (quote it)"
    if not 2 <= len(short) <= 15:
        return "must be 2 to 15 characters long"
    if not short[0].isalpha() or not all(c.isalnum() or c in "&+.-" for c in short):
        return "must be letters and digits (and & + . -), starting with a letter"
    if short.lower() in FUNCTION_WORDS:
        return "is an everyday word, which questions use for itself; use a short form people type for a longer one"
    return ""
