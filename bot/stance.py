"""Whether a sentence states a firm requirement or offers an alternative: the two sides of a disagreement.

A small lexicon of general English ("required", "only ... at least", "a viable alternative", "not always
necessary"), not a classifier and nothing about one field. Used to show both sides when guides differ on
what is needed; never to hide a sentence.
"""

import re

from .config import KNOBS
from .question import is_content
from .text import stems

FIRM = re.compile(
    r"\b(requires?|required|requirements?|must (?:have|hold|possess|obtain|earn|pass|complete)|"
    r"only (?:employ|hire|consider|accept)|at least an? |mandatory|compulsory|"
    # ... not "prerequisite courses", courses by their name ("register for prerequisite courses through Northeastern")
    r"prerequisites?(?![ \t]+(?:courses?|classes|coursework|modules?|subjects?|units?))|"
    r"typically require|is (?:crucial|essential|necessary|a must) for)\b",
    re.I,
)
# A requirement said not to hold ("it does not necessarily require one to become a Tech Lead") is no firm side:
# it is itself the softer view.
# ... written with a contraction too, either apostrophe: "attending a culinary school isn’t required for chefs" was a
# firm side, and "The guides don't all agree" opened a tester's "do i need to go to culinary school?".
# ... up to four words before it: "College degrees are not part of the mandatory requirements" (a tester's trades library).
# ... and "no" before it: "No Degree Required: Train crew from high school" was the firm side of a tester's "do i need a
# college degree to be a train conductor" ("The guides don't all agree on this"), as "there are no legal requirements".
_NEGATED = re.compile(r"(?:\bnot|n['’]t|\bnever|\bno(?: longer)?)\s+(?:\w+\s+){0,4}$", re.I)
# An alternative route into something, a view of its own whatever it is set against. "Alternative" alone is no route:
# "alternative energy systems", "alternative data gathering techniques", "considering all alternatives and their
# trade-offs", "a popular alternative to going back to work" were each offered as the other side of a requirement, and
# "viable" alone ("the industry struggles to remain viable"): four of five "The guides don't all agree" over 1,128
# answers in sixteen testers' libraries, every one of them false.
ROUTE = re.compile(
    r"\b(viable (?:alternatives?|options?|routes?|paths?|pathways?)|"
    r"alternatives? (?:routes?|paths?|pathways?|ways?|options?|entry|qualifications?|credentials?|programs?|programmes?|such as)|"
    r"an alternative to (?:an? |the )?(?:formal |traditional |four-year )?"
    r"(?:degrees?|diplomas?|qualifications?|university|college|school|education|routes?|paths?)|"
    r"without (?:a |an |any |formal )?(?:\w+ )?(?:degree|diploma|qualification)s?|"
    r"other routes?|other paths?|another route|no longer the only|not the only (?:way|route|path))\b",
    re.I,
)
# Something said to be not needed: the other side only of a requirement that names the same thing. "While not
# mandatory, languages like R and Java are also valuable" is no answer to "soft skills are crucial". ("Instead of"
# and "rather than" choose between two things; they say nothing is optional: "the funds must be given to an
# individual contractor rather than an organization" was offered against "an open source license requires ...".)
RELAXED = re.compile(
    r"\b((?:not|(?:is|are|was|were)n['’]t) (?:always |strictly |necessarily )?(?:necessary|required|mandatory|essential|needed)|optional|"
    r"no longer required|(?:do|does)(?: not|n[’']t) (?:always |necessarily )?need to be|not a (?:legal )?(?:necessity|requirement))\b",
    re.I,
)


SOFT = re.compile(f"{ROUTE.pattern}|{RELAXED.pattern}", re.I)  # either: what the index flags (segments.py)


def stance(text: str) -> str:
    """'soft' if the sentence offers an alternative, 'firm' if it states a requirement, else ''."""
    if SOFT.search(text):
        return "soft"
    if any(not _NEGATED.search(text[: m.start()]) for m in FIRM.finditer(text)):
        return "firm"
    return ""


def answers(soft: str, firm: str, background: frozenset[str] = frozenset()) -> bool:
    """Whether the soft sentence is the other side of the firm one: an alternative route, or what it relaxes is
    named in the firm statement (a content word of both, not the library's `background` subject)."""
    route = ROUTE.search(soft)
    if route:
        # ... a route to what is required: past a credential the firm statement names, or to a word of what it
        # requires; and one said to be there ("Alternative paths are scarce" is none). "Few options beyond traditional
        # ATC roles" is no route to "a specific combination of skills and temperament", nor "a job ... without a
        # degree" to a 9-5 schedule (two testers' answers opened "The guides don't all agree on this" over them).
        if _SCARCE.match(soft, route.end()):
            return False
        # A credential of what is required, not any the sentence names: "many schools require fingerprinting" requires
        # no school, and "18% of teachers who entered through alternative routes left" was set against it (a tester's).
        # ... and one word of it shared is no route to it: "state" of "a federal and state criminal background check"
        # and of "state-specific programs" (KNOBS.route_shared_words).
        required = _required(firm)
        # ... a route past a credential it names, that credential: "a reactor operator trainee role without a degree" is
        # no other side of "CDL (Commercial Driver's License): Required for many field positions" (a tester's).
        past = _kinds(_content_stems(route[0]) & _CREDENTIALS)
        credentials = _kinds(_required(firm, _SENTENCE_END) & _CREDENTIALS)
        if past and credentials and not past & credentials:
            return False
        return bool(credentials) or len((required - background) & _content_stems(soft)) >= KNOBS.route_shared_words
    cue = RELAXED.search(soft)
    if not cue:
        return False
    # What is relaxed is named in the clause that says so: in "Some things are more optional than others, but
    # you've got to have a plan or you'll find yourself spamming your resume", nothing is said of a resume being
    # optional (an Odin Project lesson was offered against "Some positions require you to also submit cover
    # letters" for its "resume").
    clause = _CLAUSE.split(soft[: cue.start()])[-1] + _CLAUSE.split(soft[cue.start():])[0]
    relaxed, required = _content_stems(RELAXED.sub(" ", clause)) - background, _required(firm) - background
    # ... a word of it run into one ("Teamwork" of "work in teams") too; or both a credential ("not required to have ...
    # credentials" against "required to have a real estate broker license").
    # A credential relaxed is the other side of one required of its kind, or of any credential where either says only
    # "credentials": a solar consultant's "optional business degree" is no other view on "Some states require a
    # license for PV installers" (a tester's: "The guides don't all agree on this" over it).
    # ... and a degree of another level is none: "Master's Degree (Optional)" is no other view on "at least a Bachelor's
    # degree" (a tester's financial planners: "The guides don't all agree on this" where both said a bachelor's).
    if relaxed & _LEVELS and required & _LEVELS and not relaxed & required & _LEVELS:
        return False
    rel_kinds, req_kinds = _kinds(relaxed & _CREDENTIALS), _kinds(required & _CREDENTIALS)
    if rel_kinds & req_kinds or rel_kinds and req_kinds and (relaxed | required) & _ANY_CREDENTIAL:
        return True
    # Other words: as many shared as a route needs. One is a word of the trade both name: "It is not required for you
    # to hire customs brokers" was set against a licence's "conduct of customs business" and a broker's continuing
    # education (a tester's customs library, both opened "The guides don't all agree on this").
    # ... of what a cue says is required, not of a whole sentence naming "this requirement" (a rule's summary "requiring
    # continuing education for ... customs broker license holders ... this requirement" shared "customs brokers").
    if len((relaxed & _required(firm, whole=False)) - background - _CREDENTIALS) >= KNOBS.route_shared_words:
        return True
    return any(len(r) >= 4 and len(w) > len(r) + 2 and (w.startswith(r) or w.endswith(r)) for w in relaxed for r in required)


_SCARCE = re.compile(r"\s+(?:are|is)\s+(?:scarce|limited|rare|few|hard to find|unavailable|not available)\b", re.I)
# What a route leads to in place of: the stems of the credentials a requirement names (general English, no field's).
_CREDENTIALS = frozenset(stems("degree degrees diploma qualification licence license certificate certification credential "
                               "education school college university bachelor master masters phd doctorate apprenticeship "
                               "training course program programme exam"))


# Credentials that are one kind: a degree of any level, a licence as either spelling has it.
_KIND = {stem: kind for kind, words in (("degree", "degree bachelor master masters phd doctorate"), ("licence", "licence license"),
                                        ("certificate", "certificate certification credential"))
         for stem in stems(words)}


_LEVELS = frozenset(stems("associate associates bachelor bachelors master masters phd doctorate"))  # a degree's levels
_ANY_CREDENTIAL = frozenset(stems("credential qualification"))  # a credential of any kind


def _kinds(credentials: set[str]) -> set[str]:
    return {_KIND.get(c, c) for c in credentials}


def _required(firm: str, before_end=None, whole: bool = True) -> set[str]:
    """The stems of what `firm` says is required: the words after "require(s)", "must have", "at least a" up to the
    clause's end, or before "is required", "mandatory" back to its start. Not the rest of the sentence: "most
    locations require a business license" requires no location, and "a second photographer is recommended for ...
    multiple locations", while not mandatory, was set against it (a tester's "do I need a business license").
    (A sentence no cue finds a side in: all its words, as before.)"""
    out: set[str] = set()
    for m in FIRM.finditer(firm):
        # ... but "teachers are required to submit to ... fingerprinting" requires what follows, not teachers.
        if _BEFORE_CUE.match(m[1]) and not _TO_DO.match(firm, m.end()):
            # (`before_end`: where what comes before the cue starts, when not at its clause: the credential of "A
            # bachelor's degree in a core field like computer science, mathematics, or data science is crucial".)
            out |= _content_stems((before_end or _CLAUSE_END).split(firm[: m.start()])[-1])
        else:
            out |= _content_stems(_CLAUSE_END.split(firm[m.end():])[0])
    return out or (_content_stems(FIRM.sub(" ", firm)) if whole else set())


_SENTENCE_END = re.compile(r"[.;:!?]\s")
_TO_DO = re.compile(r"\s+to\s+(?!be\b)\w", re.I)  # "required to submit", not "required to be ..."
_BEFORE_CUE = re.compile(r"required|mandatory|compulsory|is ", re.I)  # "a degree is required": what is required comes first
_CLAUSE_END = re.compile(r"[,.;:!?()]|\s[—–-]\s|\b(?:even|for|because|if|when|which|to become|in order|before|after|until|while)\b", re.I)


# Where one clause of a sentence ends and another begins: a semicolon, a colon, a dash, or a comma before "but",
# "yet", "though", "however" or "so".
_CLAUSE = re.compile(r"\s*(?:[;:]|\s[—–-]\s|,\s*(?:but|yet|though|however|so)\b)\s*", re.I)


def _content_stems(text: str) -> set[str]:
    return {s for w in re.findall(r"[\w'’-]+", text) if is_content(w) for s in stems(w)}


def soft_cues(text: str) -> int:
    """How many distinct alternative-view cues a sentence has: more cues, a clearer opposite view."""
    return len({m.group(0).lower() for m in SOFT.finditer(text)})
