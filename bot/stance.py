"""Whether a sentence states a firm requirement or offers an alternative: the two sides of a disagreement.

A small cue lexicon, not a classifier: it finds "most employers require a master's" versus "bootcamps
are a viable alternative". Used to show both sides when guides differ; never to hide a sentence.
"""

import re

FIRM = re.compile(
    r"\b(requires?|required|requirements?|must (?:have|hold|possess|obtain|earn)|only (?:employ|hire|consider|accept)|"
    r"at least an? |mandatory|necessary|typically require|is crucial for|is essential for)\b",
    re.I,
)
SOFT = re.compile(
    r"\b(alternatives?|viable|not (?:always |strictly )?(?:necessary|required|mandatory|essential)|"
    r"without (?:a |any )?(?:degree|diploma)|self-(?:study|learning|taught)|bootcamps?|"
    r"traditional (?:university )?route|other routes?|other paths?)\b",
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
