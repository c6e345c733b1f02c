"""`CareerBot`: load an index, answer questions with history, follow-ups and small talk; add/remove articles.

The one object the CLI, the UI and Python callers use. Answers come from `answer.compose`; this
module decides *what* to search (rewriting follow-ups) and when not to search at all (small talk).
Index updates build a new store and swap it in whole, so a question in flight keeps a consistent view.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from . import excerpts
from .answer import NOT_COVERED, Answer, compose, not_covered
from .config import KNOBS, Settings
from .embedding import Embedder, embedder_for
from .errors import BotError, QuestionError
from .evidence import Evidence, corrected, gather, not_yet_shown, only, respelled, unreadable
from .index import update
from .index.search import Search
from .index.store import ArticleRecord, IndexStore
from .library import Library
from .profile import Profile
from .question import analyse, gives_figure, is_content, without_asides, words_of
from .retrieval import Passage, Retriever
from .text import QUESTION_STEMS, QUESTION_WORDS, clips, stem, tokenize_one, zipf

# Small talk: a message that opens with a greeting, thanks, a farewell, a reaction or a question about the bot,
# and says nothing else ("thanks, that really helped!", "lol ok", "you're useless"). General English chat, not
# about any library: a message with a word of substance after the opener is a question and is searched.
SMALL_TALK = re.compile(
    r"^\W*(?:hi+|hel+o+|he+y+|hiya|howdy|yo+|sup|good (?:morning|afternoon|evening)|thanks?|thank you|thx|ty|tysm|"
    r"cheers|bye|goodbye|see (?:you|ya)|ok(?:ay)?|k|cool|great|nice|awesome|perfect|lol|lmao|haha+|hah|wow|oops|"
    r"got it|makes sense|that makes sense|sounds good|all good|no worries|appreciate(?:d)?|much appreciated|help|"
    r"who (?:are|r) (?:you|u)|what (?:are|r) (?:you|u)|"
    r"what (?:can|do) (?:you|u) (?:do|help(?: me)? with)|how does this work|how do i use (?:this|you)|"
    r"who (?:made|built|created|wrote|programmed|owns|runs) (?:you|u|this)|are (?:you|u) (?:an? )?(?:bot|robot|human|"
    r"real|person|ai|chatbot|machine)|"
    r"how(?:'|’| i)?s it going|how (?:are|r) (?:you|u|things)|how(?:'|’)?s (?:you|u|things|life)|how do you do|"
    r"what(?:'|’)?s up|whats up|wh?at'?s good|wassup|"
    r"(?:you|u)(?:'|’| a)?re|you are|ur|youre|(?:are )?(?:you|u) ok(?:ay)?|this is|that(?:'|’)?s|that was|not helpful|useless)(?![\w'’])",
    re.I,
)
# What may follow the opener in small talk: reactions and fillers, never a topic.
CHAT_WORDS = frozenset(
    """a an the so very really much lot lots alot too that this it its was is are were you your u ur youre bot there again
    all just quite pretty super totally kinda sorta mate man dude buddy friend guys everyone folks for help helped
    helps helping helpful useful useless great good nice cool awesome amazing perfect brilliant excellent fine ok okay best
    alright sure yes yeah yep no nope lol lmao haha thanks thank thx ty cheers bye now later soon then and but or
    stupid dumb bad terrible wrong rubbish garbage not what huh hmm wow oh ah got it makes sense answer answers
    doing today how morning afternoon evening hello hi hey day of me i see clear clears cleared up whatever anyway
    anyways appreciate appreciated understood understand kk can do makes sense sounds thank stuff going hows whats
    been things life ya yall r actually definitely truly honestly seriously literally indeed thats everything exactly
    need needed want wanted know knew info to with about tell ask asking questions question anything something
    person human real robot""".split()  # "are you a real person?": the opener names only "real"
)
_RUDE = re.compile(r"\b(?:useless|stupid|dumb|bad|terrible|rubbish|garbage|wrong|not helpful)\b", re.I)


def is_small_talk(message: str) -> bool:
    m = SMALL_TALK.match(message)
    if not m:
        return False
    # Words with their digits ("M4" is a topic); "that's", "you're" read as "that", "you".
    rest = re.findall(r"[a-z0-9]+", re.sub(r"'(?:s|re|m|ll|ve|d)\b", "", message[m.end():].lower().replace("’", "'")))
    # ... or two of them ("hello! who are you?": a tester's library answered as its doula's "Hello! I'm Rebecah ...").
    return all(w in CHAT_WORDS for w in rest) or bool(rest) and m.end() > 0 and is_small_talk(message[m.end():])


# A message that leans on the previous turn: a pronoun with nothing it could refer to in the message,
# or an elliptical "what about ...", "and ...".
# ... "why not faster?" too, a word after "why not" (a tester's, after the outlook's "grow 4 percent": refused)
ELLIPSIS = re.compile(r"^\s*(what|how) about\b|^\s*and\b|^\s*(also|then|so)\b.{0,40}\?$|^\s*(why|how)( not)?\s*\??\s*$|"
                      r"^\s*why not \w+\s*\??\s*$", re.I)
# "the field", "the industry": the one the conversation is about ("is the field growing?" after a question on funeral
# directors' pay was refused, a tester's web chat; asked alone, "is the funeral service field growing?" was answered).
PRONOUN = re.compile(
    r"\b(it|its|they|them|their|theirs|that|this|those|these|there|he|she|his|her|one|ones|either|neither|both|"
    r"the (?:two|three|former|latter|first|second|third|last|other|same)|the (?:whole )?(?:thing|process)|"
    r"the (?:field|industry|profession|trade|occupation))\b",
    re.I,
)


@dataclass(frozen=True)
class Loaded:
    """One index as it is answered from: its ranking and what it is about, made together and swapped together."""

    retriever: Retriever
    profile: Profile

    @classmethod
    def of(cls, store: IndexStore, embedder: Embedder) -> "Loaded":
        index = Search(store)
        profile = Profile(store, index, embedder)
        store.settle()  # the profile is made while an IVF is still being read (IndexStore.load without wait)
        store.verify_in_background()  # after the profile: it reads none of the files being hashed
        return cls(Retriever(store, embedder, index, profile.background), profile)


class CareerBot:
    """Answers career questions from the indexed guides, citing the passages it uses."""

    def __init__(self, store: IndexStore, settings: Settings, embedder: Embedder | None = None):
        """`embedder` defaults to the one `settings` names; pass one to query an index built with another."""
        self.settings = settings
        self.embedder = embedder or embedder_for(settings)
        self._lock = threading.Lock()  # one index update at a time; readers never wait
        self._loaded = Loaded.of(store, self.embedder)
        self._manifest = _signature(settings.index_dir)  # what is on disk now, to notice another process's change
        self._checked = time.monotonic()

    @classmethod
    def load(cls, index_dir=None, model: str | None = None, settings: Settings | None = None) -> "CareerBot":
        """Open a built index (index/ by default). Raises a BotError saying what to run when it is missing or mismatched."""
        settings = settings or Settings.from_env(index_dir=index_dir, model=model)
        embedder = embedder_for(settings)
        store = IndexStore.load(settings.index_dir, embedder.name, embedder.dimension, wait=False)
        if store.chunking != update.chunking_params(settings):
            # An index made by an older version (how articles are read and split has changed since) still answers;
            # `index add` refuses it and `index build` rebuilds it whole.
            corpus = update.corpus_dir_of(store, settings)
            print(f"note: {settings.index_dir} was built with other chunking parameters than this version's; it answers "
                  f"as it is; run `python -m bot index build --index {settings.index_dir} --corpus {corpus}` to rebuild it",
                  file=sys.stderr)
        return cls(store, settings)

    @property
    def store(self) -> IndexStore:
        return self._loaded.retriever.store

    @property
    def retriever(self) -> Retriever:
        """The ranking over the current index, for measurement (`bench`, `eval`); answering goes through `ask`."""
        return self._loaded.retriever

    @property
    def profile(self) -> Profile:
        """What the current index is about (its background, vocabulary, subject), for measurement and tests."""
        return self._loaded.profile

    def _current(self) -> Loaded:
        """The retriever to answer with, swapped for a new one when another process (`index add` from the command
        line, another app on the same folder) has changed the index since: checked at most every WATCH_SECONDS,
        by the manifest's size and modification time. Questions in flight keep the retriever they started with."""
        now = time.monotonic()
        if now - self._checked < WATCH_SECONDS:
            return self._loaded
        self._checked = now
        seen = _signature(self.settings.index_dir)
        if seen == self._manifest or seen is None or not self._lock.acquire(blocking=False):
            return self._loaded  # unchanged, gone, or this process is changing it right now
        try:
            store = IndexStore.load(self.settings.index_dir, self.embedder.name, self.embedder.dimension, reuse=self.store)
            if store.segments != self.store.segments:
                self._loaded = Loaded.of(store, self.embedder)
            self._manifest = seen
        except BotError as e:  # a half-written or damaged index: keep answering from the one we have
            print(f"note: keeping the loaded index: {e}", file=sys.stderr)
        finally:
            self._lock.release()
        return self._loaded

    @property
    def articles(self) -> list[ArticleRecord]:
        return sorted(self.store.articles.values(), key=lambda a: a.title.lower())

    # ---- asking -------------------------------------------------------------------------------

    def retrieve(self, query: str, k: int = 5) -> list[Passage]:
        """The `k` best passages for `query`, best first (no answer, no refusal)."""
        loaded = self._current()
        text = loaded.profile.library.expand(_check_question(query, self.settings))
        # as `ask` searches: the lexical ranking with the library's spelling, the vector with the words meant
        return loaded.retriever.search(corrected(loaded.profile, text), _check_k(k), self.embedder.embed_query(respelled(loaded.profile, text)))

    @property
    def library(self) -> Library:
        """What the indexed library is about: its subject, example questions and abbreviations."""
        return self._loaded.profile.library

    def ask(self, question: str, history: list[dict] | None = None) -> Answer:
        """Answer `question`; `history` is [{"role": "user"|"assistant", "content": str}, ...], oldest first."""
        question = _check_question(question, self.settings)
        loaded = self._current()  # one consistent snapshot for this question
        return _told_apart(self._answer(loaded, question, history), loaded.profile.shared_titles)

    def _answer(self, loaded: Loaded, question: str, history: list[dict] | None) -> Answer:
        if is_small_talk(question):
            return small_talk(question, loaded.profile.library)
        if unreadable(loaded.profile, question):
            return Answer(UNREADABLE, kind="not_covered", searched_for=question)
        cannot = CANNOT_CODE if WRITE_CODE.match(question) else CANNOT_CREATE if WRITE_VERSE.match(question) else ""
        if cannot:  # "write me a python script to scan ports", "write me a poem about blood": no article answers that
            refused = not_covered(question, loaded.profile.suggestions(loaded.retriever.embedder.embed_query(question)))
            return replace(refused, text=refused.text.replace(NOT_COVERED, cannot, 1))
        task = WRITE_FOR_ME.match(question)
        if task:  # "can you write me a cover letter ...": what the guides say about one, said to be only that
            answer = self.ask(task[1], history)
            said = CANNOT_WRITE + (" What they say:" if answer.citations else "")
            return replace(answer, text=f"{said}\n\n{answer.text}")
        evidence = self._gather(loaded, question, history)
        if not evidence.passages and evidence.covered:  # "tell me more" when every passage found was quoted
            return Answer(ALL_SAID, kind="not_covered", searched_for=evidence.searched_for)
        answer = compose(evidence)
        alone = loaded.profile.library.expand(question)
        if history and answer.citations and not asks_for_more(question):
            answer = _not_again(loaded, question, history, evidence, answer,
                                lambda k: self._gather(loaded, question, history, k),
                                lambda: gather(loaded.retriever, loaded.profile, alone, alone, FOLLOW_UP_DEPTH, opening=False))
        if answer.kind == "not_covered" and history and not answer.gaps and not evidence.unknown:
            # A follow-up asked of what the conversation is reading ("how many went to the conference?" after a news
            # post on one, "any final advice?" after a page of it): from the articles the last answer quoted, where one
            # of their passages names what the message names. Refused there, the library-wide bars had judged it alone
            # (four of a tester's 24 follow-up turns: "The guides don't cover that" over what the turn before showed).
            there = self._of_the_same_articles(loaded, alone, alone, history, _own_words(loaded, question))
            answer = compose(there) if there is not None else answer
        if answer.kind == "not_covered":
            return not_covered(evidence.searched_for, loaded.profile.suggestions(evidence.vector), answer.gaps)
        return answer

    def evidence(self, question: str, history: list[dict] | None = None) -> Evidence:
        """What `ask` composes its answer from (for measurement: `python -m bot.measure.fit`)."""
        return self._gather(self._current(), _check_question(question, self.settings), history)

    def _gather(self, loaded: Loaded, question: str, history, k: int = 5) -> Evidence:
        library = loaded.profile.library
        history = check_history(history, self.settings)
        question = without_asides(resolve_ordinal(question, history, loaded.profile.numbered_names))
        query = library.expand(self.rewrite(question, history, loaded.profile.siblings))
        together = query
        if query != library.expand(question) and not strongly_depends(question) and not _leans_back(loaded, question, query, history):
            query = library.expand(question)
        if not asks_for_more(question):
            evidence = gather(loaded.retriever, loaded.profile, query, library.expand(question), k, own_weight=KNOBS.own_weight,
                              opening=not history)
            if together != query and not evidence.covered and not evidence.unknown:
                # Searched alone, a message tied to the turn before by a pronoun and naming nothing the library does
                # not know is no question of its own: "how do i keep it once i have it?" after the CCM certification
                # (a tester's: "The guides don't cover that", over a section on keeping it). One naming what the
                # library never says ("is it going to snow in chicago?") is still refused.
                again = gather(loaded.retriever, loaded.profile, together, library.expand(question), k,
                               own_weight=KNOBS.own_weight, opening=False)
                return again if again.covered else evidence
            if together == query != library.expand(question) and _PERSON.search(question):
                # "what does he advise beginners?" after "how did Matthew Roselli get into translation?": he is the
                # one the answer before quoted; another author's advice to beginners matched better (a tester's).
                return self._of_the_same_articles(loaded, query, library.expand(question), history) or evidence
            return evidence
        # "Tell me more": the question asked before, answered from the passages the answers since have not quoted.
        evidence = not_yet_shown(gather(loaded.retriever, loaded.profile, query), [h["content"] for h in history if h.get("role") == "assistant"])
        # ... asked for more on it, not for its figure again: the answer before gave it or said there is none (a
        # tester's "tell me more" after "how long does it take?" opened "The guides give no figure for that").
        return replace(evidence, question=replace(evidence.question, type="other")) if evidence.question.type == "amount" else evidence

    def _of_the_same_articles(self, loaded: Loaded, query: str, own: str, history, naming: frozenset[str] = frozenset()) -> Evidence | None:
        """The evidence for `query`, searched FOLLOW_UP_DEPTH deep, from the articles the last answer quoted, when
        they answer it (or, given `naming`, when their first passage names one of those terms: covered then)."""
        last = next((h.get("content") or "" for h in reversed(history) if h.get("role") == "assistant"), "")
        deep = gather(loaded.retriever, loaded.profile, query, own, FOLLOW_UP_DEPTH, own_weight=KNOBS.own_weight, opening=False)
        fresh = {p.chunk_id for p in not_yet_shown(deep, [last]).passages}
        quoted = {p.article.id for p in deep.passages if p.chunk_id not in fresh}
        if not quoted:
            return None
        kept = only(deep, lambda p: p.article.id in quoted)
        if naming and kept.passages and not kept.covered and naming & set(tokenize_one(f"{kept.passages[0].heading} {kept.passages[0].text}")):
            kept = replace(kept, covered=True)
        return kept if kept.covered and kept.passages else None

    def rewrite(self, message: str, history: list[dict], siblings: dict | None = None) -> str:
        """The query to search: the message itself, or, when it depends on the previous turn, both together, the
        earlier question asked of what the message names in place of one of its words ("and for staff?" after
        "what does a senior PM do?": what a staff PM does). `siblings`: Profile.siblings."""
        previous = _asked(history)
        if not previous or not depends_on_context(message):
            return message
        # Asks for more, in turn after turn ("tell me more", "go on"): the last question that named something.
        asked = [p for p in previous if not asks_for_more(p)]
        if asks_for_more(message):
            return self.rewrite(asked[-1], history[: _turn_of(history, asked[-1])], siblings) if asked else message
        # The turns back to the last that named its subject: "how do i become a paramedic?", "how long does it take?",
        # "and how much does it cost?", then "what do they make after?" (a tester's: two turns back, "paramedic" was lost).
        chain = previous[-1:]
        while len(chain) < min(len(previous), FOLLOW_UP_CHAIN) and depends_on_context(chain[0]):
            chain.insert(0, previous[-len(chain) - 1])
        before = " ".join(chain)
        before = in_place_of(before, message, siblings or {})
        about = re.match(r"^\s*(?:what|how) about\s+(.*)$", _ACKNOWLEDGED.sub("", message), re.I)
        if about:
            # "What about a PhD?" after "Do I need a master's?": the new subject, in the old question's frame.
            return f"{about.group(1).rstrip('?. ')} - {before}"
        return f"{before} {message}"

    # ---- changing the library ----------------------------------------------------------------

    def add(self, *paths, progress: bool = False) -> update.Report:
        """Copy article files into the corpus and index them; the new index is live when this returns."""
        with self._lock:
            store, report = update.add(paths, self.settings, self.embedder, self.store, progress)
            self._loaded = Loaded.of(store, self.embedder)
            self._manifest = _signature(self.settings.index_dir)
        return report

    def remove(self, article_id: str, keep: bool = False) -> update.Report:
        """Remove an article; with `keep` its file is kept in corpus/.removed/ for `restore`, for an hour
        (update.KEEP_REMOVED_SECONDS): files kept longer than that go at the next such removal."""
        with self._lock:
            store, report = update.remove(article_id, self.settings, self.store, keep)
            self._loaded = Loaded.of(store, self.embedder)
            self._manifest = _signature(self.settings.index_dir)
        if keep:
            update.prune_removed(update.corpus_dir_of(store, self.settings))
        return report

    def restore(self, source: str) -> update.Report:
        """Undo a `remove(..., keep=True)`: add the kept file back, then forget the kept copy."""
        kept = update.corpus_dir_of(self.store, self.settings) / update.REMOVED / Path(source).name
        report = self.add(kept)
        kept.unlink(missing_ok=True)
        return report

    def as_retriever(self, k: int = 4):
        """A LangChain `BaseRetriever` over this bot's index, returning `Document`s."""
        from .apps.langchain import CareerRetriever

        return CareerRetriever(bot=self, k=_check_k(k))


_ORDINAL = re.compile(
    r"\bthe (?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|[4-9]th|10th)"
    r"(?: (?:one|step|item|point|option)\b| (?P<noun>[a-z][a-z'’-]{2,30}))?\b"
    r"|\b(?:(?P<pointer>step|item|point|option|number)|no\.|#) ?(?P<digits>\d{1,2})\b|#(?P<hash>\d{1,2})\b",
    re.I,
)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "sixth": 5, "seventh": 6, "eighth": 7,
             "ninth": 8, "tenth": 9, "last": -1}
_LIST_LINE = re.compile(r"^(?:- |(\d{1,2})[.)] )(.*)$")


def resolve_ordinal(message: str, history: list[dict], names: frozenset[str] = frozenset()) -> str:
    """"Tell me more about the second one", "what does step 5 mean?" after an answer with a list: that item's
    words in its place. A numbered list's item is found by its number, any other by its place. "step 1" is no
    pointer where it is a name: one of `names` (lowercased, as a library's headings write them: "USMLE Step 1") or
    written capitalized inside the last answer's text ("... before Step 3.")."""
    m = _ORDINAL.search(message)
    answers = [h.get("content", "") for h in history if h.get("role") == "assistant" and isinstance(h.get("content"), str)]
    if not m or not answers:
        return message
    if m["digits"] and m["pointer"] and (f"{m['pointer'].lower()} {m['digits']}" in names or re.search(
            rf"(?<=[^\s.)-] ){m['pointer'].capitalize()} {m['digits']}\b", answers[-1])):
        # A medical library's "USMLE Step 1": "what step 1 score do i need?" asked of its first bullet lost the score.
        return message
    lines = [_LIST_LINE.match(line) for line in answers[-1].splitlines()]
    items = [(found[1], re.sub(r"\s*\[\d+\]$", "", found[2]).strip()) for found in lines if found]
    word, digits = m["word"], m["digits"] or m["hash"]
    if m["noun"]:
        # "whats the first exam?" after a list of steps: the first item that names an exam, not the first item; with
        # none naming it, the words are the question's own ("the first year").
        named = [item for item in items if stem(m["noun"].lower()) in {stem(w.lower()) for w in words_of(item[1])}]
        if not named:
            return message
        items = named
    if word:
        index = _ORDINALS.get(word.lower(), int(re.sub(r"\D", "", word) or 0) - 1)
    else:
        numbered = [k for k, (number, _) in enumerate(items) if number == digits]
        index = numbered[0] if numbered else int(digits) - 1
    if not items or not -len(items) <= index < len(items):
        return message
    return message[: m.start()] + f"“{items[index][1]}”" + message[m.end() :]


def in_place_of(before: str, message: str, siblings: dict[str, frozenset[str]]) -> str:
    """`before` with each word the message names an alternative of (Profile.siblings: words the library's headings
    use in each other's place) replaced by the message's word: "how many engagements should a senior engagement
    manager have overseen?" + "and for staff?" -> "... a staff engagement manager ...". Unchanged otherwise. Every
    alternative `before` writes is replaced: it holds each earlier turn of a chain ("how much do cnc machinists make in
    texas? what about washington?" + "and massachusetts?": Washington was said never to be mentioned over Massachusetts'
    pay, a tester's)."""
    named = {stem(w.lower()): w for w in words_of(message) if is_content(w)}
    held = {stem(w.lower()) for w in words_of(before)}
    named = {k: w for k, w in named.items() if k not in held}

    def swap(m: re.Match) -> str:
        alternatives = siblings.get(stem(m[0].lower()), frozenset())
        hit = next((k for k in named if k in alternatives), None)
        return named[hit] if hit else m[0]

    return re.sub(r"[A-Za-z0-9][\w'’+#.-]*[\w+#]|[A-Za-z0-9]", swap, before) if named else before


FOLLOW_UP_CHAIN = 4  # earlier questions a follow-up is read with, at most, back to the one that named its subject


def _turn_of(history: list[dict], message: str) -> int:
    """The position in `history` of the last user turn that is `message`."""
    return max(i for i, h in enumerate(history) if h.get("role") == "user" and h.get("content") == message)


def _asked(history: list[dict]) -> list[str]:
    """The user's messages in `history` that ask something, oldest first: not small talk ("hello" was searched as
    part of the next follow-up: "hello How long does it take ... how much does that cost?")."""
    return [h["content"] for h in history if h.get("role") == "user" and str(h.get("content", "")).strip()
            and not is_small_talk(str(h["content"]))]


# How a request opens: a greeting, "can you", "please" ("hey can u pls write ...").
_ASKING_FOR = r"^\W*(?:(?:hi|hey|hello|ok|okay|so|please|pls)\W+)*(?:(?:can|could|would|will) (?:you|u) (?:please |pls )?|please |pls )?"
# A request to write or check a document ("can you write me a cover letter for a social work job?"): the bot
# writes nothing, and said so; what the guides say about such a document is still found (its words after the verb).
WRITE_FOR_ME = re.compile(
    _ASKING_FOR + r"(?:write|draft|compose|rewrite|proofread|edit|review|check|fix|improve|generate) (?:me |up )?((?:an?|my|the) "
    r"(?:[\w'’-]+ ){0,2}?(?:cover letter|letter|resume|résumé|cv|e-?mail|essay|personal statement|statement|bio|"
    r"linkedin(?: profile)?|profile|application|reply|message|post)\b.*)$", re.I)
CANNOT_WRITE = "I can't write or check that for you: I only quote the articles."
# A request for code ("write me a python script to scan ports", a tester's cybersecurity library): it was answered with
# the nearest passages (a note-taking post's). The bot writes none, and the articles are no code to run.
WRITE_CODE = re.compile(
    _ASKING_FOR + r"(?:write|code|generate|make|create|give) (?:me |us )?(?:an?|some|the|my)? ?(?:(?:python|bash|shell|powershell|"
    r"javascript|js|typescript|java|c\+\+|c#|go|golang|ruby|perl|php|sql|rust|kotlin|swift) (?:[\w-]+ )?"
    r"(?:script|program|code|function|query|class)|(?:[\w-]+ )?(?:code|function|snippet|regex|macro))s?\b", re.I)
CANNOT_CODE = "I can't write code: I only quote the articles, and they don't answer that."
# ... and for verse or a story ("can you write me a poem about blood", a tester's phlebotomy library: "The guides never
# mention “poem”. What they do say in general:" over a phlebotomist's duties).
WRITE_VERSE = re.compile(
    _ASKING_FOR + r"(?:(?:write|compose|make up|give) (?:me |us )?(?:an?|some|the)? ?(?:(?:short|little|quick|funny|silly|sad|cute|rhyming|"
    r"bedtime) ){0,3}(?:poem|song|haiku|limerick|story|stories|rap|lyrics|joke|riddle|sonnet)|"
    r"tell (?:me |us )?(?:an?|some)? ?(?:(?:good|funny|silly|bad|dad) ){0,2}(?:joke|riddle))s?\b", re.I)
CANNOT_CREATE = "I can't write poems, stories or jokes: I only quote the articles, and they don't answer that."


# What people put before a follow-up without changing it: "ok and for an M4?" is "and for an M4?".
_ACKNOWLEDGED = re.compile(r"^\s*(?:(?:ok(?:ay)?|right|cool|alright|hmm+|great|thanks|thank you|thx|yeah|yep|sure|"
                           r"got it|nice|i see)(?:[\s,.!]+|$))+", re.I)


def strongly_depends(message: str) -> bool:
    """Whether `message` depends on the turn before by its form, not only by a pronoun: "and for staff?", "what
    about a PhD?", two words, "tell me more"."""
    message = _ACKNOWLEDGED.sub("", message)
    # Numbers count as words: "what's 17 times 23?" is a question of its own.
    return bool(ELLIPSIS.search(message) or len(re.findall(r"[\w']+", message)) <= 2 or asks_for_more(message)
                or _points_back(message) or _OF_THEM.search(message) or _ONE_BACK.search(message) or _names_nothing(message)
                or _THEY_PAID.search(message))


# Who is paid, called "they" or "she": "how much do they make in emergency medicine?" after a question on PA specialties
# (a tester's was searched alone and answered with emergency nurses' pay). Not "you", which is anyone.
_THEY_PAID = re.compile(r"\b(?:do|does|did|will|would|can|could)\s+(?:they|he|she)\s+(?:usually\s+|typically\s+|really\s+|"
                        r"actually\s+)?(?:make|earn|get paid|take home|charge)\b|"
                        # ... or "their median pay" ("what's their median pay?" after "what is a physical therapist assistant?")
                        r"\b(?:their|his|her)\s+(?:\w+\s+){0,2}?(?:pay|salary|salaries|wages?|earnings|income)\b", re.I)


# What a message may say of someone or something it only calls "they" or "it" and still name nothing of its own:
# "how much do they make?", "is it hard?", "is it worth it?", "what do they do all day?" ask about what the turn
# before named (a tester's "how much do they make?" after questions on nurse practitioners got a travel agency's
# referral bonus). "what do they ask at interviews?" names interviews, and "is it going to rain?" rain.
_SAID_OF_ANYTHING = frozenset(
    """make makes earn earns pay paid cost costs take takes last lasts need needs require requires mean means
    hard easy difficult tough worth good bad better best well long much many often usually typically really
    actually generally day all get gets like""".split())
_PRONOUNS = frozenset({"they", "it", "them", "their", "its", "theirs"})


def _names_nothing(message: str) -> bool:
    """Whether `message` speaks of "they" or "it" and names nothing else (_SAID_OF_ANYTHING), or at most one word in
    a short message ("where do I put it?" after a question on portfolios, a tester's: refused as not covered)."""
    words = [w.lower().replace("’", "'") for w in re.findall(r"[A-Za-z'’]+", message)]
    named = [w for w in words if is_content(w) and w not in _PRONOUNS and w not in _SAID_OF_ANYTHING]
    done_with = len(named) == 1 and named[0] in _DONE_WITH_IT
    # ... or, in four words or fewer, only what one does with it: "who can apply?" after a question on a fellowship (a
    # tester's was searched alone and answered with a birth plan's support team).
    return bool(_PRONOUNS & set(words)) and (not named or done_with and len(words) <= SHORT_MESSAGE_WORDS) or (
        done_with and len(words) <= 4)


SHORT_MESSAGE_WORDS = 6
# What one does with a thing named before ("where do I put it?", "how do I prepare for it?"); a noun names a new one
# ("is a bootcamp worth it?").
_DONE_WITH_IT = frozenset("""put use host share publish send submit show list include add start learn study prepare practice
    apply build write pass fail finish store find pick choose join enrol enroll register qualify attend""".split())


# "one of them", "which of them", "every one of them": a part of a set named before, wherever it stands ("what if
# i'm missing one of them?" after a question on the GCSEs needed). "them" alone is often generic ("do they ask
# about them?"); a share of them never is.
# ... and "which of the two", "which of these" ("which of the two has more on-call?" after two nurses' pay was searched
# alone, a tester's).
_OF_THEM = re.compile(r"\b(?:one|any|all|some|none|each|both|either|neither|most|which)\s+of\s+(?:them|these|those|"
                      r"(?:the|these|those)\s+(?:two|three|2|3))\b", re.I)
# "how much does one cost?", "do I need one?": "one" standing for a thing named before ("whats a discovery flight"
# then "how much does one cost?" was searched alone and answered with a licence's costs). Not the generic "one" of
# "how does one become a pilot?" (a person, doing what people do).
_ONE_BACK = re.compile(r"\b(?:does|did|will|would|could|can|should|is|was)\s+(?:a\s+|the\s+)?one\s+(?:usually\s+|typically\s+)?"
                       r"(?:cost|costs|take|last|pay|require|involve|mean|look|run|work)\b|"
                       r"\b(?:get|need|buy|book|find|choose|pick|have|want|afford|recommend|join)\s+one\W*$", re.I)


# Words that point at someone or something named before, never generic: "it" and "they" often are ("is it worth
# it?", "what do they ask at interviews?").
_POINTING = frozenset({"that", "this", "those", "these", "she", "he", "her", "him", "his"})


def _points_back(message: str) -> bool:
    """Whether a pointing word comes before anything the message names: "why is that tho?", "is that figure for the
    United States?", "how did she get onto it?", "which one's meant for beginners?" point at the turn before ("is
    it going to rain?" names nothing, and "how do I fix a tap that drips?" names the tap first)."""
    words = re.findall(r"[A-Za-z'’]+", message)
    for i, word in enumerate(words):
        lower = word.lower().removesuffix("'s").removesuffix("’s")
        if lower in _POINTING or lower in ("one", "ones") and i and words[i - 1].lower() == "which":
            return True
        if is_content(word) and lower not in QUESTION_WORDS and not (i and words[i - 1].lower() == "how" and lower in _HOW):
            return False
    return False


_HOW = frozenset({"long", "much", "many", "often", "soon", "far", "big", "old"})  # "how long should that reply be?"


def _leans_back(loaded: Loaded, message: str, query: str, history: list[dict]) -> bool:
    """Whether a message whose only tie to the turn before is a pronoun leans on it: searched with that turn it
    finds passages that fit clearly better than on its own (KNOBS.context_gain), and it is nearer that turn than
    opposite it, and what it finds so fits the message itself at least KNOBS.context_fit ("is it going to snow this
    weekend?" after a question on a master's found the master's passages, which fit it 0.15). "is it worth it to do
    a postdoc?" or "what do they ask at interviews?" after a question on something else stand on their own; "how
    often do they meet up?" after one on a mentoring programme does not."""
    profile, retriever, embed = loaded.profile, loaded.retriever, loaded.retriever.embedder.embed_query
    previous = _asked(history)
    mine = embed(respelled(profile, message))
    alone = retriever.ranked(corrected(profile, message), 5, mine).best_similarity
    both = retriever.ranked(corrected(profile, query), 5, embed(respelled(profile, query)))
    return (both.best_similarity - alone > KNOBS.context_gain and float(mine @ embed(respelled(profile, previous[-1]))) > 0
            and _fits(retriever.store, both.passages, mine) >= KNOBS.context_fit)


def _fits(store, passages: list[Passage], vector) -> float:
    """The best cosine of `vector` to the chunks and sentences of `passages` (index-time vectors)."""
    best = -1.0
    for p in passages:
        if p.row >= 0:
            best = max(best, float(np.asarray(store.chunk_vectors[p.row], dtype=np.float32) @ vector))
        rows = store.sentence_vectors[p.sentence_rows.start : p.sentence_rows.stop].astype(np.float32)
        if len(rows):
            best = max(best, float((rows @ vector).max()))
    return best


def _told_apart(answer: Answer, shared: frozenset[str]) -> Answer:
    """`answer` with each source whose title another article shares named with its article's id too: "Introduction
    (devpill-getting-a-job-introduction)", as `index list` shows it (a tester's sources read "[1] Introduction" and
    "See also: - Introduction", two sites' pages)."""
    if not shared:
        return answer

    def told(source):  # a Citation or a Related; a heading saying its title says the new one, named once as before
        article = source.article
        if article.title.strip().lower() not in shared:
            return source
        title = f"{article.title} ({article.id})"
        heading = title if source.heading.strip().lower() == article.title.strip().lower() else source.heading
        return replace(source, article=replace(article, title=title), heading=heading)

    return replace(answer, citations=[told(c) for c in answer.citations], related=tuple(told(r) for r in answer.related))


def depends_on_context(message: str) -> bool:
    message = _ACKNOWLEDGED.sub("", message)
    words = re.findall(r"[A-Za-z']+", message)
    return bool(ELLIPSIS.search(message) or PRONOUN.search(message) or len(words) <= 2 or asks_for_more(message)
                or _names_nothing(message))


# "Tell me more", "go on", "what else?", "can you elaborate": more on the previous question, nothing new named.
_MORE = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|would you)\s+)?(?:tell me more|say more|more|go on|continue|keep going|"
    r"what else|anything else|elaborate|expand|more details?|more info(?:rmation)?|details)"
    r"(?:\s+(?:please|pls|on (?:that|this|it)|about (?:that|this|it)|than that))?\W*$", re.I)


def asks_for_more(message: str) -> bool:
    """Whether `message` only asks for more on the previous question ("tell me more", "what else?")."""
    return bool(_MORE.match(_ACKNOWLEDGED.sub("", message)))


ALL_SAID = "That is all the guides say about it. Ask about another side of it, or something else they cover."
UNREADABLE = ("Most words of that question are in none of the guides and are not English words. Please ask in the "
              "language the guides are written in.")
WATCH_SECONDS = 2.0  # how often a question checks whether another process changed the index


def _not_again(loaded: Loaded, message: str, history: list[dict], evidence: Evidence, answer: Answer, deeper, alone) -> Answer:
    """`answer` to a follow-up, unless it only says again what the answer before it said and names none of the
    message's own words ("and which one gets commission?" after "what's the difference between a CSM and an account
    manager?" was answered with the same introduction, turn after turn): then the answer from the passages not
    quoted yet, when one names them. When none does, the repeat stands ("how long does it last?" is often answered
    in words the question does not use), unless the message only names another thing in a few words ("what about
    amazon?"): that the guides don't cover. A repeat that names them is kept ("and for corporate jobs?" after
    nonprofit hiring times: "... 67 days—corporate averages 42 days"). An answer that is no repeat: _or_alone."""
    last = next((h.get("content") or "" for h in reversed(history) if h.get("role") == "assistant"), "")
    quoted = [s for c in answer.citations for s in c.sentences]
    if not quoted:
        return answer
    index = loaded.retriever.index
    own = _content_terms(message)
    new = set(_own_words(loaded, message))
    if not all(s.strip() in last for s in quoted):
        # What the message names that the turn before did not.
        asked = next((h.get("content") or "" for h in reversed(history) if h.get("role") == "user"), "")
        return _or_alone(message, answer, last, new - set(tokenize_one(f"{asked} {last}")), alone)
    another = _names_another(message)
    if another and own and not any(index.count(t) for t in own):
        # "and the downsides?" after the benefits of a bootcamp, in a library that never writes "downside": the
        # benefits again answered nothing.
        named = tuple(w for w in words_of(_NAMES_ANOTHER.match(message)[1]) if is_content(w))
        return Answer(NOT_COVERED, kind="not_covered", searched_for=evidence.searched_for, gaps=named)
    if not new:
        return _narrowed(loaded, message, evidence, answer, last)
    # The passages searched, then, for a message that only names another thing, further down the ranking (for
    # others that reached past a fifth passage answered "how long does it last?" from another program's page):
    # searched again only when the first five do not do.
    further = functools.cache(lambda: deeper(FOLLOW_UP_DEPTH))
    # ... and the message searched alone, in the articles the repeat quotes: "did he need a degree?" after two turns on
    # how one author became a sysadmin, whose earlier questions outweighed its own words in the search (a tester's;
    # "But, I didn't need a degree" is in the same post).
    cited = {c.article.id for c in answer.citations}
    same_articles = lambda: only(alone(), lambda p: p.article.id in cited)  # noqa: E731
    searches = (lambda: evidence, further) if another else (lambda: evidence, same_articles) if _tells(message, new) else (lambda: evidence,)
    if another and not _names(_headings(answer), new):
        # "what about the resume?" after cover letters asks for the section on resumes, not the cover letters'
        # passage again because it mentions one (a tester's: asked alone, the "Resumes" section was found).
        other = _first_answer(searches, last, lambda p: _names(_own_heading(p), new))
        if other is not None:
            return other
    if _names(_said(answer), new):
        return _narrowed(loaded, message, evidence, answer, last)
    # Those not quoted yet; for a message that names another thing, only those that name it in their text or their
    # own heading ("Cons:" over a list).
    other = _first_answer(searches, last, lambda p: not another or _names(f"{_own_heading(p)} {p.text}", new),
                          lambda a: _names(_said(a), new))
    if other is not None:
        return other
    if another:
        return Answer(NOT_COVERED, kind="not_covered", searched_for=evidence.searched_for)
    return _narrowed(loaded, message, evidence, answer, last)


def _narrowed(loaded: Loaded, message: str, evidence: Evidence, answer: Answer, last: str) -> Answer:
    """A follow-up's `answer` that only says again what the answer before it quoted, cut to the part of it that answers
    the message's own words best: the best sentence with the sentence it leans on and those after it in its paragraph
    that match nearly as well, or a list item (with its lead-in when it is no sentence). "how long does it last?" after a
    fellowship's whole paragraph is "Fellows serve a 12-month tour of duty ..."; the reader has the rest in the turn
    before. For a figure asked for, only a sentence giving one. `answer` when nothing shorter stands alone, or when it
    says a gap first (that stays said)."""
    if answer.gaps or answer.disagreement:
        return answer
    own = loaded.retriever.embedder.embed_query(respelled(loaded.profile, message))
    direction = loaded.profile.background_direction if loaded.profile.background_words(message) else None
    if direction is not None:  # as `gather` judges sentences: "engineers" names the library's subject, not the answer
        own = own - float(own @ direction) * direction
    figure = evidence.question.type == "amount"
    found = []
    for rank, p in enumerate(evidence.passages):
        cited = next((c for c in answer.citations if p.text in c.text), None)
        if cited is None:
            continue
        r = excerpts.roles(p)
        scores = evidence.sentence_vectors[rank] @ own
        for k, sentence in enumerate(p.sentences):
            t = sentence.text.strip()
            # A claim that may be quoted ("References: - “A Day in the Life ...”" is none: a tester's "how many hours a week
            # is that?" got it), a complete sentence or a list item, said before.
            if not (r.content[k] and (r.whole[k] or r.item[k])) or t not in last or not any(t in q for q in cited.sentences):
                continue
            if figure and not (gives_figure(message, t) and r.whole[k]):  # not a reference's "“A Day in the Life ...”"
                continue
            found.append((float(scores[k]), rank, k, cited, r, scores))
    found.sort(key=lambda f: -f[0])
    # Only a sentence that stands out: where two match the message about as well, which one it asks for is a guess.
    if not found or found[0][0] - (found[1][0] if len(found) > 1 else 0.0) < KNOBS.narrow_margin:
        return answer
    score, rank, k, cited, r, scores = found[0]
    p = evidence.passages[rank]
    members = _part_answering(r, k, scores, score)
    runs = _runs_of(p, r, members)
    if not members or sum(len(x) for x in runs) >= len(" ".join(cited.sentences)):
        return answer
    spans = tuple((at, at + len(x)) for x in runs if (at := cited.text.find(x)) >= 0)
    text = "\n".join(("- " if r.item[members[i]] and i else "") + x for i, x in enumerate(runs))
    return replace(answer, text=f"{text} [1]", citations=[replace(cited, n=1, sentences=tuple(runs), highlights=spans)])


def _part_answering(r, k: int, scores, score: float) -> list[int]:
    """The sentences of a passage quoted for its sentence `k` (`_narrowed`): a list item with its lead-in unless it is a
    sentence, or `k` with what it leans on and what follows it in its paragraph as closely matched; none when it would
    open on a sentence leaning on another."""
    n = len(r.item)
    if r.item[k]:
        # An item that is a sentence stands alone ("Senior tree surgeon consultancy roles can attract ...", under a list
        # it was run into in a tester's page); a fragment ("be 16 or over") only under its own list's lead-in.
        lead = next((j for j in range(k - 1, -1, -1) if not r.item[j]), -1)
        return [k] if r.whole[k] else [lead, k] if lead >= 0 and r.lead[lead] else []
    a, b = k, k + 1
    while a > 0 and r.leaning[a] and not r.paragraph_start[a] and k - a < KNOBS.max_sentences:
        a -= 1
    if r.leaning[a]:
        return []  # it leans on what it cannot be quoted with ("This is why ..." opening a paragraph)
    while (b < n and b - a < KNOBS.max_sentences and not r.paragraph_start[b] and not r.item[b] and r.content[b]
           and scores[b] >= score - KNOBS.forward):
        b += 1
    return list(range(a, b))


def _runs_of(p: Passage, r, members: list[int]) -> list[str]:
    """`members` of passage `p` as quoted: one run of sentences, or a lead-in and its items a line each."""
    sents = p.sentences
    if any(r.item[i] for i in members):
        return [sents[i].text.strip() for i in members]
    return [" ".join(sents[i].text.strip() for i in members)]


def _content_terms(message: str) -> set[str]:
    """The message's content terms, not a question's words."""
    return {t for w in words_of(message) if is_content(w) for t in tokenize_one(w) if t.isalpha()} - QUESTION_STEMS


def _own_words(loaded: Loaded, message: str) -> frozenset[str]:
    """The message's own content terms the library holds: not a question's words, not the library's background."""
    index = loaded.retriever.index
    return frozenset(t for t in _content_terms(message) if index.count(t)) - loaded.profile.background


def _or_alone(message: str, answer: Answer, last: str, fresh: set[str], alone) -> Answer:
    """A follow-up's `answer`, unless it names none of the uncommon words its message adds to the turn before
    (`fresh`; _tells) and the message searched alone is answered in them: "how many CE hours after that?" after
    the NAPLEX and the MPJE got the NAPLEX paragraph; "15-30 credit hours annually" is what it asks for (a
    tester's pharmacy library)."""
    said = _said(answer)
    if not fresh or not _tells(message, fresh) or _names(f"{_headings(answer)} {said}", fresh):
        return answer
    if analyse(message).type == "amount" and gives_figure(message, said):
        return answer  # "and how much does it cost?" is answered by the sum, not the word "cost"
    # Only in the articles the answer quotes: searched alone in the whole library, "is it legal tho?" after
    # kindergarten teaching in Taiwan found a visa checklist, "and references?" a list of data tools.
    cited = {c.article.id for c in answer.citations}
    return _first_answer((alone,), last, lambda p: p.article.id in cited, lambda a: _names(_said(a), fresh)) or answer


def _tells(message: str, terms: set[str]) -> bool:
    """Whether one of `message`'s words among `terms` (stemmed) says what is asked: less common in English than
    KNOBS.alone_max_zipf ("degree", not "long" or "take")."""
    return any(zipf(w.lower()) < KNOBS.alone_max_zipf for w in words_of(message) if set(tokenize_one(w)) & terms)


def _first_answer(searches, last: str, keep, holds=lambda a: True) -> Answer | None:
    """The first answer, search by search (each called when reached), from the passages not quoted in `last` that
    `keep` keeps, that `holds`."""
    for search in searches:
        rest = only(not_yet_shown(search(), [last]), keep)
        other = compose(rest) if rest.passages else None
        if other is not None and other.citations and holds(other):
            return other
    return None


def _own_heading(p: Passage) -> str:
    """A passage's own heading, not the article's title (which names all its sections: "Pros and cons of ...")."""
    return "" if p.heading == p.article.title else p.heading


def _headings(answer: Answer) -> str:
    return " ".join(c.heading for c in answer.citations if c.heading != c.article.title)


_PERSON = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)  # someone the turn before named
FOLLOW_UP_DEPTH = 12  # passages a follow-up's new words are looked for in, when the first five only repeat


# A follow-up that names another thing in a few words: "and for SNFs?", "what about the google ads one?".
_NAMES_ANOTHER = re.compile(r"^\W*(?:and|what about|how about|what of|same for)\b(?:\s+(?:for|in|at|with|about))?\s+(.+?)\W*$", re.I)
MAX_NAMED_WORDS = 4


def _names_another(message: str) -> bool:
    named = _NAMES_ANOTHER.match(message)
    words = words_of(named[1]) if named else []
    return 0 < len(words) <= MAX_NAMED_WORDS and not any(w.lower() in QUESTION_WORDS for w in words)


def _said(answer: Answer) -> str:
    """What an answer quotes, with the headings of its sections ("Cons:" over its list; not the article's title above
    them, which names all its sections: "Pros and cons of being a vet"). Not its own framing: "The sections quoted
    here never mention “UK”." names the word it says is missing."""
    return " ".join([s for c in answer.citations for s in c.sentences] + [_headings(answer)])


def _names(text: str, terms: set[str]) -> bool:
    """Whether `text` holds one of `terms` (stems), or a longer word they clip ("cert" of "certification")."""
    held = set(tokenize_one(text))
    return any(clips(t, h) for t in terms for h in held)


def _signature(index_dir) -> tuple | None:
    try:
        st = os.stat(os.path.join(index_dir, "manifest.json"))
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def without_surrogates(value: str) -> str:
    """`value` with lone surrogates (from broken terminals, browsers or JSON) replaced: text UTF-8 can hold."""
    return value.encode("utf-8", "replace").decode("utf-8") if _SURROGATE.search(value) else value


def _text(value: str) -> str:
    """Printable text: control characters as spaces, lone surrogates replaced."""
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", without_surrogates(value)).strip()


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_history(history, settings: Settings) -> list[dict]:
    """The turns that matter for a follow-up, checked and bounded: a list of {"role", "content"} with text
    content; only the last HISTORY_TURNS messages are read, each cut to the question limit (an earlier answer to
    HISTORY_ANSWER_CHARS). Raises QuestionError naming the first bad item."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise QuestionError(f"history must be a list of {{role, content}} messages, not {type(history).__name__}")
    out = []
    for i, turn in enumerate(history):
        if not isinstance(turn, dict) or turn.get("role") not in ("user", "assistant") or not isinstance(turn.get("content"), str):
            raise QuestionError(
                f"history item {i} must be {{\"role\": \"user\" or \"assistant\", \"content\": text}}, not {str(turn)[:60]!r}"
            )
    for turn in list(history)[-HISTORY_TURNS:]:
        limit = settings.max_question_chars if turn["role"] == "user" else HISTORY_ANSWER_CHARS
        out.append({"role": turn["role"], "content": _text(turn["content"][:limit])})
    return out


HISTORY_TURNS = 6  # messages read for a follow-up: the last three exchanges are all a rewrite can use
HISTORY_ANSWER_CHARS = 20_000  # an earlier answer is read for its list items ("the second one"), no further


def small_talk(message: str, library: Library) -> Answer:
    m = message.strip().lower()
    about = f" on “{library.subject}”" if library.subject else ""
    if _RUDE.search(m):
        text = (f"Sorry that didn't help. I can only quote what my articles{about} say; try asking it another way, "
                "or one of these:")
    elif re.search(r"\b(?:thank|thanks|thx|ty|tysm|cheers)\b", m):  # "ok cool ty, that's all I needed"
        text = f"You're welcome! Ask me anything else{about}."
    elif re.search(r"\b(?:bye|goodbye|see (?:you|ya))\b", m):  # "ok bye"
        text = "Good luck! Come back any time."
    elif m.startswith(("hi", "hello", "hey", "yo", "sup", "good ", "help", "who ", "what ", "how ", "are ")):
        text = library.greeting()
    else:
        text = f"Ask me anything{about}, for example:"
    if text.endswith(":") and library.examples:
        text += "\n" + "\n".join(f"- {q}" for q in library.examples)
    elif text.endswith(":"):
        text = text[:-1] + "."
    return Answer(text, [], "", "smalltalk", library.examples)


MAX_K = 100  # passages one retrieve() call may ask for


def _check_k(k) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise QuestionError(f"k is the number of passages to return: a whole number from 1 to {MAX_K}, not {k!r}")
    return k


_REPEATED_MARKS = re.compile(r"([?!])[?!]+")


def _check_question(question, settings: Settings) -> str:
    if not isinstance(question, str):
        raise QuestionError(f"a question must be text, not {type(question).__name__}")
    # "how long is the mcat??" is the question "how long is the mcat?" asks: a tester's got another passage, the
    # two marks moving its vector enough to turn a near tie in the ranking.
    question = _REPEATED_MARKS.sub(r"\1", _text(question))
    if not question:
        raise QuestionError("the question is empty: type a question about the articles in the library")
    if len(question) > settings.max_question_chars:
        raise QuestionError(
            f"the question is {len(question):,} characters long; please keep it to {settings.max_question_chars:,} at most"
        )
    return question

