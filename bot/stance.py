"""Whether a sentence states a firm requirement or offers an alternative: the two sides of a disagreement.

A small cue lexicon, not a classifier: it finds "most employers require a master's" versus "bootcamps
are a viable alternative". Used to show both sides when guides differ; never to hide a sentence.
Its sides are routes into the job (degrees, bootcamps, self-study), so it only judges questions about those.
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

# Credentials and routes into the job, the subject both cue lists are about (prefixes: "master's", "certified").
ROUTE = re.compile(
    r"\b(degree|master|ph\.?\s?d|doctor|bachelor|diploma|certif|bootcamp|course|universit|college|school|"
    r"educat|qualif|self-taught|study|studies)",
    re.I,
)


def about_routes(text: str) -> bool:
    """Whether a question is about a credential or a route into the job ("Do I need a master's?")."""
    return bool(ROUTE.search(text))


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
