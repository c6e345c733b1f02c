"""Whether a sentence states a firm requirement or offers an alternative: the two sides of a disagreement.

A small lexicon of general English ("required", "only ... at least", "a viable alternative", "not always
necessary"), not a classifier and nothing about one field. Used to show both sides when guides differ on
what is needed; never to hide a sentence.
"""

import re

FIRM = re.compile(
    r"\b(requires?|required|requirements?|must (?:have|hold|possess|obtain|earn|pass|complete)|"
    r"only (?:employ|hire|consider|accept)|at least an? |mandatory|compulsory|prerequisites?|"
    r"typically require|is (?:crucial|essential|necessary|a must) for)\b",
    re.I,
)
SOFT = re.compile(
    r"\b(alternatives?|viable|not (?:always |strictly |necessarily )?(?:necessary|required|mandatory|essential|needed)|"
    r"optional|without (?:a |an |any |formal )?(?:\w+ )?(?:degree|diploma|qualification)s?|other routes?|other paths?|"
    r"another route|instead of|rather than|no longer (?:the only|required)|not the only (?:way|route|path))\b",
    re.I,
)


def stance(text: str) -> str:
    """'soft' if the sentence offers an alternative, 'firm' if it states a requirement, else ''."""
    if SOFT.search(text):
        return "soft"
    if FIRM.search(text):
        return "firm"
    return ""


def soft_cues(text: str) -> int:
    """How many distinct alternative-view cues a sentence has: more cues, a clearer opposite view."""
    return len({m.group(0).lower() for m in SOFT.finditer(text)})
