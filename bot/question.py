"""What a question asks for: its type (a figure, a list, yes/no, a comparison, steps, a definition, advice),
the two sides of a comparison, and its words. Pure and general English: nothing here knows the library.

The type decides which excerpts deliver an answer (figures for "how much", items for "what skills",
both named sides for "A or B"); the words are what the gap check looks for in the library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import FUNCTION_WORDS, stem

TYPES = ("amount", "comparison", "definition", "steps", "list", "yes_no", "advice", "other")

# Irregular English forms a stemmer does not map to their base ("paid" is not stemmed to "pay").
IRREGULAR = {
    "paid": "pay", "made": "make", "won": "win", "taught": "teach", "built": "build", "chose": "choose",
    "chosen": "choose", "began": "begin", "begun": "begin", "got": "get", "gotten": "get", "went": "go",
    "gone": "go", "thought": "think", "bought": "buy", "brought": "bring", "spent": "spend", "sought": "seek",
    "held": "hold", "led": "lead", "left": "leave", "met": "meet", "ran": "run", "saw": "see", "seen": "see",
    "took": "take", "taken": "take", "wrote": "write", "written": "write", "knew": "know", "known": "know",
    "grew": "grow", "grown": "grow", "felt": "feel", "kept": "keep", "learnt": "learn", "earnt": "earn",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "children": "child", "people": "person",
    "women": "woman", "men": "man",
}
# Words that say "compare", not what is compared: left out of a comparison's aspect.
COMPARISON_WORDS = frozenset(
    "vs versus difference differences different differ diff compare compared comparison between better best worse "
    "pick choose choice prefer preferred each both two either which more less than or and same similar".split()
)

_WORD = re.compile(r"[A-Za-z0-9][\w'’+#.-]*[\w+#]|[A-Za-z0-9]")

# An amount asked outright ("how much", "what percent") or a word about pay or a statistic ("salary", "average").
HOW_WORDS = "much|many|long|fast|big|often|quickly"  # "how long ...": the question asks an amount; the word is no topic
_HOW_AMOUNT = re.compile(rf"\bhow ({HOW_WORDS})\b|\bwhat (percent|percentage|share|proportion)\b|%", re.I)
_AMOUNT_WORD = re.compile(
    r"\b(salary|salaries|pay|paid|earn|earns|earning|earnings|wage|wages|income|cost|costs|price|rate|average|median|"
    r"growth rate|number of)\b",
    re.I,
)
_COMPARISON = re.compile(
    r"\b(vs\.?|versus|compared? (to|with)|difference between|differences between|differ from|"
    r"better|worse|rather than|instead of|than|between|or)\b",
    re.I,
)
# "What is MLOps?", "what's an MLE exactly?", "what does concept drift mean?": a name and nothing else asked.
# A short form the library spells out is searched with its long form in brackets ("what's a TLR (teaching and
# learning responsibility)?"): still a definition asked.
_DEFINITION = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|wait|but|hey|um|hmm|sorry)\W+)*(?:what(?:'|’)?s|whats|what is|what are|what even is|"
    r"who is|who are)\s+(?:an?\s+|the\s+)?(?:(?!\b(?:do|does|did|need|needs|should|make|makes|earn|earns|use|uses|"
    r"difference|best|main|typical|average|steps?|ways?|benefits?|requirements?)\b)[\w'’&+.\-/ ]|\([^()?]{1,60}\)){1,60}?\s*\W*"
    r"(?:exactly|anyway|even|again)?\W*(?:$|\?)|\bwhat does .{1,40} (?:mean|stand for)\b|\bdefin(?:e|ition)\b|"
    r"\bmeaning of\b|\bwhat (?:does|do) (?:the )?(?:term|word|title|name) .{0,40}\bmean\b",
    re.I,
)
_STEPS = re.compile(
    r"\b(steps?|step by step|process|roadmap|path|how (do|can|should) (i|you|one|someone) (become|get into|start|break into)|"
    r"how to (become|get into|start|break into)|where (do|should) i start|what should i do (first|next)|"
    r"(do|should) (i|you) do (first|next)|first and then|in what order)\b",
    re.I,
)
_LIST = re.compile(
    r"\b(what(?:'?s)?|which) (\w+ ){0,2}(skills|languages|tools|types|kinds|examples|jobs|roles|responsibilities|duties|tasks|"
    r"topics|subjects|courses|projects|certifications|degrees|frameworks|libraries|metrics|industries|options|"
    r"qualities|areas|fields|ways|things)\b|\b(list|examples of|types of|kinds of)\b|\bwhat (are|r) the\b|"
    r"\bwhat (\S+ ){0,3}(should|do|does|would|can) .{0,60}\b(include|cover|have|learn|know|build|study|need|go|goes|put|contain|bring)\b",
    re.I,
)
_YES_NO = re.compile(
    r"^\s*(?:(?:so|ok|okay|and|but|also|hey|well|then|like|um|hmm|wait|honestly)\W+){0,2}(do|does|did|is|are|r|am|can|could|should|will|would|must|need|has|have|was|were|isn't|"
    r"aren't|don't|doesn't)\b",
    re.I,
)
_ADVICE = re.compile(r"\b(tips?|advice|recommend|suggest|best way|how (do|can|should) (i|you)|how to|should i)\b", re.I)
_REQUIREMENT = re.compile(
    r"\b(need|needs|needed|require[sd]?|requirements?|necessary|must|have to|has to|worth it|essential|mandatory|"
    r"enough)\b",
    re.I,
)
# "earn more", "more technical", "better paid": the word a comparative is about.
_BEFORE_COMPARATIVE = re.compile(r"\b(\w+),? (?=(?:more|less|better|worse|higher|lower)\b)", re.I)
_AFTER_COMPARATIVE = re.compile(r"\b(?:more|less|better|worse|higher|lower) (\w+)\b", re.I)
_PLAIN = frozenset("a an the be is are was were do does did to or and than at in on for of it they you i".split())
_COMPARATIVE_WORD = re.compile(r"^(more|less|better|worse|higher|lower|\w{3,}er)$", re.I)
# The word between two compared things, and the phrases that announce a comparison.
_JOINER = re.compile(r"^(vs\.?|versus|or)$", re.I)
_BETWEEN = re.compile(r"\bbetween\b", re.I)
# "Do I need a degree or is a bootcamp enough?" joins two questions, not two things: no sides.
_CLAUSE_START = re.compile(r"^(is|are|r|do|does|did|can|could|should|would|will|must|am|was|were|has|have|it|i|you|not|nah|no)\W*$", re.I)
_SIDE_MAX = 4  # words in one side: "big tech companies"

@dataclass(frozen=True)
class Question:
    """One question, analysed. `words` keep the asker's spelling; `sides` are the compared things, if any."""

    text: str
    type: str  # one of TYPES
    asks_requirement: bool  # "Do I need ...?", "Is X enough?": the guides may take sides
    sides: tuple[str, ...] = ()
    aspect: tuple[str, ...] = ()  # what a comparison is about ("earn" in "earn more at A or at B")
    chooses: bool = False  # the question asks to choose or compare, not only "A or B" ("being awkward or coming off")

    @property
    def words(self) -> list[str]:
        return words_of(self.text)

    @property
    def content_words(self) -> list[str]:
        """The words that say what the question is about (not how it is asked)."""
        return [w for w in self.words if is_content(w)]


# "Besides coding and math, what ..." names what the asker does not want: searching with it finds exactly that.
_EXCLUSION = re.compile(
    r"\b(?:besides|apart from|aside from|other than|except(?: for)?|not counting|leaving aside)\s+"
    r"(?:the\s+)?(?:[\w'’+#-]+(?:\s+(?:and|or|&)\s+|\s+|,\s*)?){1,5}?(?=,|\bwhat\b|\bhow\b|\bwhich\b|\bdo\b|\bis\b|\bare\b|$)",
    re.I,
)


# "In one sentence, ...", "briefly", "in a nutshell": how the asker wants the answer put, not what it is about (a
# library never uses "sentence" for its subject, and the gap check would name it).
_FORMAT = re.compile(
    r"\b(?:in (?:one|a|1|two|2|three|3|a few|few|simple|plain|short) (?:short |simple )?(?:sentences?|words?|lines?)|"
    r"in a nutshell|in short|in brief|briefly|tl;?dr|eli5|like i'?m five)\b,?",
    re.I,
)


def without_asides(text: str) -> str:
    """`text` without its asides: what it asks to leave out ("besides coding and math what else ..." -> "what else ...")
    and how it wants the answer put ("in one sentence, how would you define X?" -> "how would you define X?")."""
    out = _FORMAT.sub(" ", _EXCLUSION.sub(" ", text))
    return re.sub(r"\s+([?.!,])", r"\1", " ".join(out.split())).lstrip(", ") or text


def words_of(text: str) -> list[str]:
    return [w.strip(".") for w in _WORD.findall(text) if w.strip(".")]


def is_content(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w not in FUNCTION_WORDS and not w.isdigit() and (len(w) > 2 or (word.isupper() and len(w) == 2))


# The kind of figure an amount question asks for: pay is answered by money, "how long" by a duration, anything
# else by any quantity. Another figure nearby ("a 15% promotion target" for "how many years
# to get promoted") is not the answer. General English, not any library's words.
# ... and what is borrowed or charged: "how much can i borrow with an FSA microloan" was told the guides never mention
# "borrow" above "up to $50,000" (a tester's agriculture library).
_MONEY_WORDS = ("paid pay pays salary salaries earn earns earning earnings wage wages income money compensation stipend "
                "cost costs price borrow lend loan loans fee fees tuition").split()
_MONEY_ASKED = re.compile(rf"\b(?:{'|'.join(_MONEY_WORDS)})\b", re.I)
# ... and what one charges, in a question asking how much ("how much should I charge for a lockout", a tester's was told
# the guides never mention “charge”, over lockout prices): not who is in charge, nor a phone that won't charge
_CHARGED = re.compile(r"(?<!in )\bcharg(?:e|es|ed|ing)\b", re.I)
# Which side of a sum: what someone is paid, or what something costs ("Tuition: £9,000" is no answer to what a sous
# chef earns).
# "paying" too: "paying your actors a mere $125/day" beside "It costs you nothing" read as a cost only, and "how much does the
# ULB agreement pay actors per day" was told "no figure" over it (a tester's theatre library).
_EARNED = frozenset("paid pay pays paying salary salaries salaried earn earns earned earning earnings wage wages income compensation "
                    "compensated stipend stipends make makes making made".split())


def money_sides(text: str) -> set[str]:
    """"earned" and/or "spent": which kinds of sum the words of `text` name ("how much does a sous chef earn" -> earned)."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    sides = {"earned"} if words & _EARNED else set()
    sides |= {"business"} if words & _BUSINESS_SUMS else set()
    return sides | ({"spent"} if words & (set(_MONEY_WORDS) - _EARNED - {"money"}) else set())  # "money": either


# A business's own sums are neither earned by a worker nor spent: an employer's "Revenue: $14.4+ billion annually" led
# "how much does a CRA make at IQVIA?" (a tester's clinical research library of job ads).
_BUSINESS_SUMS = frozenset("revenue revenues turnover valuation funding profit profits".split())


def asks_share(word: str) -> bool:
    """Whether `word` asks for a share ("percentage", "percent"): a kind of figure, as a money word is, and no topic."""
    return bool(_SHARE_WORD.fullmatch(word))


_SHARE_WORD = re.compile(r"percent(?:age)?s?|proportions?|fractions?|ratios?", re.I)


def asks_money(word: str, of_sum: bool = False) -> bool:
    """Whether `word` (as written, or stemmed as the index holds it: "salari") asks for a sum of money ("earn",
    "salary", "costs"); "charge" too in a question `of_sum` (figure_asked: "money")."""
    return bool(_MONEY_ASKED.fullmatch(word)) or word in _MONEY_STEMS or of_sum and bool(_CHARGED.fullmatch(word))


_MONEY_STEMS = frozenset(stem(w) for w in _MONEY_WORDS)
_PERIOD_WORDS = ("hour hours hr hrs hourly day days daily week weeks weekly month months monthly year years yr yrs yearly annual "
                 "annually annum").split()
_PERIOD_STEMS = frozenset(_PERIOD_WORDS) | frozenset(stem(w) for w in _PERIOD_WORDS)


def is_period(word: str) -> bool:
    """Whether `word` (as written or stemmed) names a period a figure is for ("year" of "make a year"): no topic of the
    question's (the motion graphics designer's "$60,000 per year" named the "year" of "how much does an animator make a
    year?", a tester's, and led it)."""
    return word.lower() in _PERIOD_STEMS


# A duration asked for ("how long", "how much time"); a count of one unit, in the words and the abbreviations people
# type ("how many yrs"), is `_UNIT_ASKED`.
_TIME_ASKED = re.compile(r"\bhow (?:long|soon)\b|\bhow much time\b", re.I)
# "How long should my resume be?" asks a length, not a time: any quantity answers it ("a 1 page resume"; a tester's
# academia library was told "no figure" over it), however long its subject ("how long should the intro paragraph of
# a news story be": "Most ledes are under 30 words", a tester's journalism library).
_LENGTH_ASKED = re.compile(r"\bhow long (?:should|must|can|could|would|does|do|is) (?:[\w'’]+ ){1,8}?be\b", re.I)
_ASIDE = re.compile(r"\s*\([^()]*\)")
# "How often should the team meet?" is answered by "every Monday" or "weekly" as well as by "twice a week".
_OFTEN_ASKED = re.compile(r"\bhow (?:often|frequently)\b", re.I)
_FREQUENCY = re.compile(
    r"\b(?:every|each|once|twice|per)\b(?:\s+\w+)?\s+(?:day|night|week|weekday|weekend|month|quarter|year|hour|sprint|"
    r"morning|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|"
    r"\b(?:hourly|daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually)\b", re.I)


# ... and a difference ("how much more do CPAs make?"), which a share answers as well as a sum: "CPAs earn 10% to 15%
# more" was quoted under "The guides give no figure for that" (a tester's accounting library).
# ... and a tax or a commission, which is a rate: "how much self employment tax do freelancers pay" was told "no
# figure" over "the self-employment tax of 15.3%" (a tester's translation library).
# ... and pay compared with another's ("how much does basic technical writing pay compared to the more technical
# kind", a tester's: "no figure" over "pays about half of what a technical technical writer can make"); a percentage
# named anywhere ("What commission percentage do P&C agents earn?": "no figure" over "between 7% and 20%", a tester's).
_SHARE_ASKED = re.compile(r"\bhow much of\b|\bwhat (?:share|percent|percentage|proportion|fraction|part)\b|%|\bpercent(?:age)?s?\b|"
                          r"\bcompared (?:to|with)\b|\brelative to\b|"
                          r"\bhow much (?:more|less|higher|lower)\b|\bhow much (?:\S+ ){0,3}?(?:tax|taxes|commission)\b", re.I)
_AMOUNT_OF_MONEY = re.compile(r"\bhow much\b|\bwhat(?:'s|’s|s| is| are| do| does| would| will| can)\b|\b(?:earn|earns|make|makes|paid)\b|"
                              # ... or typed as a name for one: "brewer salary?" (a tester's had no "no figure" line where
                              # "how much do brewers get paid" did)
                              r"\b(?:salary|salaries|wages?|pay|income|earnings)(?:\s+(?:range|ranges|band|bands|scale))?\W*$", re.I)


# "How much do maintainers make per month?" asks for money without a money word: "make" after "how much" ...
# ... or ending "what does <someone> make?" ("what does a labor and delivery nurse make?", a tester's midwifery library
# asked so), with only when or where after it. Not "what do i need to make a portfolio?".
_HOW_MUCH_MAKE = re.compile(r"\bhow much (?:\S+ ){1,6}?(?:make|makes|making|made)\b|"
                            r"\bwhat (?:do|does|did|would|will|can|could|might) (?:\S+ ){1,6}?make"
                            r"(?:\s+(?:a|an|per|each|every)\s+(?:year|yr|hour|hr|month|week|day|annum)|\s+(?:annually|yearly|hourly|"
                            r"monthly|on average|to start|at first|starting out|in \w+(?: \w+)?|at \w+(?: \w+)?))*\s*[?.!]*\s*$", re.I)


def figure_asked(text: str) -> str:
    """"money", "time", "time:<scale>" (a count of one unit: _scale), "often" (a frequency), "age", "count" (how many
    of a thing) or "any": the kind of figure an amount question's `text` asks for."""
    text = _PAID_TIME.sub("time off", text)  # "paid time off" is time, however it is paid
    if _SHARE_ASKED.search(text):
        return "any"
    if _AGE_ASKED.search(text):
        return "age"
    unit = _UNIT_ASKED.search(text)
    if unit:  # "how many volunteer hours to earn a membership?" counts hours, whatever it earns
        return f"time:{_scale(unit[1])}"
    if _COUNT_NOT_MONEY.search(text) and not _MONEY_NOUN.search(text):
        return "count"  # "how many credits can you earn?" counts credits (a tester's was told "no figure" over "20 college credits")
    if ((_MONEY_ASKED.search(text) or _CHARGED.search(text)) and _AMOUNT_OF_MONEY.search(text)) or _HOW_MUCH_MAKE.search(text):
        return "money"
    if _OFTEN_ASKED.search(text):
        return "often"
    # ... a short form's spelling-out aside: "how long should my SEO (search engine optimization) title and meta
    # description be" asks a length (a tester's was told "no figure" over "Aim for 50-60 characters").
    if _TIME_ASKED.search(text) and not _LENGTH_ASKED.search(_ASIDE.sub("", text)):
        return "time"
    return "count" if _COUNT_ASKED.search(text) else "any"


# Time off that is paid: "how much PTO (paid time off) do they get?" was told no figure of its quoted salaries is for PTO (a
# tester's; "paid" read it as a sum).
_PAID_TIME = re.compile(r"\bpaid\s+(?:time\s+off|leave|holidays?|vacations?|sick(?:\s+(?:leave|days?))?|days?\s+off|"
                        r"(?:parental|maternity|paternity|family|annual)\s+leave)\b", re.I)


# An age is a figure of its own: "what's the average age of front end developers?" was answered with "$86,178 per year"
# and no word of the gap (a tester's), a sum passing for an age.
_AGE_ASKED = re.compile(r"\b(?:(?:average|median|typical|mean|minimum|maximum|min|max|usual|starting)\s+age|"
                        r"how\s+old\s+(?:are|is|do|does|should|must|were|was|can)|(?:at\s+)?what\s+age|age\s+(?:limit|requirement|range)s?)\b", re.I)
_AGE_GIVEN = re.compile(r"\b(?:age[sd]?\s+(?:of\s+)?\d{1,2}|\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?\s*(?:years?|yrs?)[\s-]*old|"
                        r"\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?\s+(?:or|and)\s+(?:older|younger|over|under|above|up)|"
                        r"(?:over|under|above|below)\s+(?:the\s+age\s+of\s+)?\d{2}\b|\d{2}\+|"
                        r"in\s+(?:their|his|her|my|your|our)\s+(?:early\s+|mid[- ]?|late\s+)?(?:\d0['’]?s|twenties|thirties|forties|"
                        r"fifties|sixties|teens))", re.I)


# "How many sites does a CRA manage?" counts sites: "2-4 years of clinical research experience" led it (a tester's).
_COUNT_ASKED = re.compile(r"\bhow many\s+(?!(?:of|more|times|fewer|less)\b)[a-z]", re.I)
_COUNT_NOT_MONEY = re.compile(r"\bhow many\s+(?!(?:of|more|times|fewer|less|dollars?|pounds?|euros?|bucks|grand|k)\b)[a-z]", re.I)
_MONEY_NOUN = re.compile(r"[$£€]|\b(?:salary|salaries|wages?|income|money|compensation|stipends?|earnings|pay|paid|cost|costs|"
                         r"fees?|price|tuition)\b", re.I)


# "How many hours a week ...?" is not answered by "one to six years": a count of one unit is answered by a duration in
# that unit or the next one up or down ("20 days" or "4 weeks" for "how many days"). "How long" takes any duration.
_UNIT_ASKED = re.compile(r"\bhow many (?:[a-z]+ ){0,2}?(seconds|secs?|minutes|mins?|hours|hrs?|days|weeks|wks?|months|mos|years|"
                         r"yrs?|semesters)\b", re.I)
_SCALE = (("sec", 0), ("min", 1), ("h", 2), ("d", 3), ("w", 4), ("mo", 5), ("se", 5), ("y", 6))


def _scale(unit: str) -> int:
    """Where a time unit stands from seconds (0) to years (6); a semester is counted with months."""
    unit = unit.lower()
    if unit.startswith("dec"):
        return 7
    return next(n for prefix, n in _SCALE if unit.startswith(prefix))


# Any quantity at all: digits, number words, shares. Digits that are part of a name are not one: "M5",
# "IC4", "SEV-1", "ICS-100", "H1B", "COVID-19" (a level, a severity, a course). An "amount" question answered by excerpts with none of
# these ("how much does an M5 manager earn?" in a library that never gives pay) gets no figure from the guides,
# and the answer says so first instead of passing nearby sentences off as the answer.
# Each pattern opens with a lookahead on its first character: the regex engine then skips most positions at once
# (the same matches, 2-6x faster; the ranking runs these over twenty chunks per amount question).
# ... a share in words too ("about one-third of professional fashion designers are self-employed", a tester's design
# library: the answer opened on a growth rate in digits instead).
_QUANTITY = re.compile(
    r"(?=[\dtfsenhmbdqpoa])(?:(?<![A-Za-z0-9-])\d+(?![A-Za-z]*\d)(?!-[A-Za-z])|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|dozen|half|quarter|twice|double|majority|minority|percent|per cent|"
    r"(?:one|two|a)[- ](?:thirds?|fifths?|tenths?))\b)", re.I)
# "a week", "an hour": a duration as people write one (open-source-contribution's "over a week": every key 111 -> 112
# of 216 on nine libraries, a gap claimed 18 -> 17, near-topic honest unchanged).
# "a half hour", "a quarter hour": a fraction of a unit is a duration too (an Odin Project lesson's phone screen); "3+
# months" is one (a tester's freelancing library was told "no figure" over "(think 3+ months)").
_NUMBER = (r"(?:\d[\d,.]*\+?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
           r"sixty|ninety|a hundred|a few|several|"
           r"a couple of|(?:an? )?(?:half|quarter)(?:[\s-]an?)?|an?)")
# Other currencies as their signs and codes write them: "₩2.0-2.7 million", "₹6-12 LPA", "NT600 - 750/hr" (a tester's
# TEFL library was told "no figure" over Taiwan's hourly pay).
_MONEY = re.compile(r"(?=[$€£¥₩₹₽₱฿\dNRCJKIHASL])(?:[$€£¥₩₹₽₱฿]\s?\d|\b(?:NT\$?|HK\$|[ACS]\$|R\$|RMB|CNY|JPY|KRW|INR|Rs\.?)\s?\d"
                    r"|\b\d[\d,.]*\s?(?:k|K|dollars|euros|pounds|USD|EUR|GBP|won|yen|yuan|rupees|baht|LPA)\b"
                    # ... and the sign after the sum, as much of Europe writes it ("a cheque for over 10.000€", a tester's)
                    r"|\b\d[\d,.]*\s?[€£]"
                    # ... and a wage with no sign: "PAY: 10 - 13 an Hour" (a tester's automotive library was told "no figure").
                    r"|\b\d[\d,.]*(?i:\s?(?:an?|per|/)\s?(?:hour|hr))\b)")
# A sum named in words ("testers often start working at minimum wage"): no figure to rank by, but no answer quoting
# it says the guides give none (a tester's games library was told "no figure" over it).
_SUM_IN_WORDS = re.compile(r"\bminimum wage\b", re.I)
# ... and a sum spelled out: "upwards of fifty cents per word", "might pay a dollar per word" (a tester's journalism
# library was told "no figure" over both). A figure to rank by, as digits are.
_SPELLED_SUM = re.compile(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|"
                          r"eighty|ninety|a hundred|hundred|a thousand|thousand|a few|several|a couple of)\s+(?:cents?|dollars?|"
                          r"pounds?|euros?|bucks|quid|grand)\b", re.I)
# A number in thousands with no sign ("from 50,000 to 75,000") is a sum where the text speaks of money or a period of
# pay; elsewhere it counts something: "I'd guess it was over 1,000" (pages) was read as a technical writer's salary.
# ... or a share of another's pay, said of what someone is paid ("Students are paid very well for their time (about 50% of
# starting engineer salary)": a tester's "how much do co-op students get paid" was told "no figure" over it; "raise 50%
# of ones salary" in grants is no pay, a fit library's).
_SHARE_OF_PAY = re.compile(r"\b(?:paid|pays?|earn(?:s|ed|ing)?|makes?|making)\b[^.;!?]{0,80}?\b\d{1,3}(?:\.\d+)?\s?(?:%|per\s?cent)\s+"
                           r"(?:of|more\s+than|less\s+than|above|below)\s+(?:the\s+|a\s+|an\s+|their\s+|your\s+|its\s+)?"
                           r"(?:[\w-]+\s+){0,3}?(?:salary|salaries|pay|wages?|income|earnings)\b", re.I)
_GROUPED = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_OF_MONEY = re.compile(rf"\b(?:{'|'.join(_MONEY_WORDS)}|salaried|fees?|bursary|bursaries|stipends?|budget|rates?|"
                       r"a year|per (?:year|annum|month)|annually|a month|p\.?a\.?)\b", re.I)
# What a duration's unit may be a kind of ("10 business days"), hours that count credit too ("60 semester hours", "15-30
# credit hours": a tester's rehabilitation library was told "no figure" for "how many credit hours is the masters", the
# semester read as the unit)
_KIND_OF_UNIT = r"(?:business|working|work|calendar|school|academic|full|consecutive|straight|clinical|contact|credit|semester|" \
                r"quarter|clock|ce|ceu|cme)"
# A number may be written twice, in words and digits ("two (2) to eight (8) years", a tester's chemistry library). Not a
# time it was: "Ten years ago, after finishing the PhD ..." was read as how long a PhD takes (a tester's biotech library).
_DURATION = re.compile(rf"\b(?=[\dotfsena]){_NUMBER}\)?(?:\s*(?:-|to|or)\s*\(?{_NUMBER}\)?)?[\s-]+(?:{_KIND_OF_UNIT}\s+)?"
                       r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|"
                       r"months?|years?|yrs?|hrs?|mins?|wks?|decades?|semesters?)\b(?![ \t]+ago\b|[ \t]+(?:hours?|hrs?)\b)", re.I)


# ... and a count of one kind of day or week ("approximately 10 business days": a tester's trades library was told "no
# figure" over it).
# ... and as a table's cell gives one, under its unit ("License Type: Manicurist; Hours: 400", a tester's licensing table
# was quoted under "The guides give no figure for that").
_LABELLED_DURATION = re.compile(r"\b(?=[smhdwy])(?P<unit>seconds|minutes|hours|days|weeks|months|years|hrs|mins|wks|yrs)"
                                r"(?: \([^()\n]{1,20}\))?:[ \t]*\d", re.I)


def _durations(text: str):
    yield from _DURATION.finditer(text)
    yield from _LABELLED_DURATION.finditer(text)
    yield from _NUMBERED_YEAR.finditer(text)
    yield from _HOURS_WRITTEN_SHORT.finditer(text)


# Hours written as a timetable does, the unit run onto the number: "working between 30h and 35h per week" (a tester's au
# pair guide was told "no figure" over it).
_HOURS_WRITTEN_SHORT = re.compile(r"\b(?=\d)\d{1,3}(?P<unit>h)(?:rs?)?\b")


# A time counted by the year it falls in: "Expect income in year 3-4" (a tester's farming library: "how long before a
# new market garden starts making money?" was told the guides give no figure, over that sentence).
_NUMBERED_YEAR = re.compile(r"\bin (?:the )?(?P<unit>year|month|week)s?[ \t]+\d{1,2}(?:[ \t]*(?:-|–|to|or)[ \t]*\d{1,2})?\b", re.I)


def gives_figure(question: str, text: str) -> bool:
    """Whether `text` holds a figure of the kind `question` asks for (question.figure_asked), for the period it asks of
    (a year's pay is no hourly rate)."""
    kind = figure_asked(question)
    return holds_figure(kind, text) and (kind != "money" or _for_the_period(question, text))


# The period a sum is for, as a question asks it and as a text gives it: "how much does an animator make a year?" was
# answered with a freelancer's "$50 per hour" (a tester's, the role's "$70,820 per year" under "See also").
_PERIOD_OF = {w: period for period, words in (("hour", "hour hr h hourly"), ("day", "day daily"), ("week", "week wk weekly"),
                                              ("month", "month mo monthly"), ("year", "year yr annum yearly annually annual"))
              for w in words.split()}
_PERIOD_ASKED = re.compile(r"\b(?:an?|per|each|every)\s+(hour|hr|day|week|wk|month|year|yr|annum)\b|\b(hourly|daily|weekly|monthly|"
                           r"yearly|annually|annual)\b", re.I)
_PERIOD_GIVEN = re.compile(r"\s?(?:/|an?\s|per\s|each\s)\s?(hour|hr|h|day|week|wk|month|mo|year|yr|annum)\b|\s(hourly|daily|weekly|"
                           r"monthly|yearly|annually)\b", re.I)


def _period(word: str) -> str:
    return _PERIOD_OF.get(word.lower(), "")


def _for_the_period(question: str, text: str) -> bool:
    """Whether `text` has a sum for the period `question` asks of, or one it gives no period: True when it asks none.
    Each sum's period is the one written right after it ("$50 per hour", "$70,820/yr")."""
    asked = _PERIOD_ASKED.search(question)
    if not asked:
        return True
    want = _period(asked[1] or asked[2])
    for m in _MONEY.finditer(text):
        after = re.match(r"[\d,.]*\+?(?:\s?(?:-|–|to)\s?[$€£¥]?[\d,.]+\+?)?\s?(?:[kKmM]\b)?", text[m.end():])
        given = _PERIOD_GIVEN.match(text, m.end() + (after.end() if after else 0))
        if not given or _period(given[1] or given[2]) == want:
            return True
    return False


def says_a_sum(question: str, text: str) -> bool:
    """Whether `text` gives what a question asking for money asks, as a figure or in words ("minimum wage"), or
    whether at all, when that is what it asks ("is the internship paid?": "this internship is unpaid")."""
    kind = figure_asked(question)
    if kind == "money" and _WHETHER_PAID.match(question) and _PAID_OR_NOT.search(text):
        return True
    if kind == "money" and _ASKS_WHETHER.match(question) and _PAY_COMPARED.search(question) and _PERCENT.search(text):
        return True  # "do certified PMs earn more money?": "Certified PMs typically earn 20%+ more" (a tester's)
    return holds_figure(kind, text) or kind == "money" and bool(_SUM_IN_WORDS.search(text))


# "is it paid?", "do u get paid for a stage?": a yes/no question on pay, answered by whether (two testers' libraries
# opened "The guides give no figure for that" above "this internship is unpaid" and "an unpaid internship").
_WHETHER_PAID = re.compile(r"\s*(?:(?:and|so|but|ok)\s+)?(?:is|are|was|were|do|does|did|will|would|can|could)\b(?![^?]*\bhow much\b)"
                           r"[^?]*\b(?:paid|pay)\b", re.I)
# Pay compared, in a yes/no question: answered by how much more or less, as a share.
_ASKS_WHETHER = re.compile(r"\s*(?:(?:and|so|but|ok)\s+)?(?:is|are|was|were|do|does|did|will|would|can|could)\b(?![^?]*\bhow much\b)", re.I)
_PAY_COMPARED = re.compile(r"\b(?:more|less|the same|higher|lower|extra|equal(?:ly)?)\b", re.I)
_PERCENT = re.compile(r"\d[\d.]*\+?\s?(?:%|percent\b|per ?cent\b)", re.I)
_PAID_OR_NOT = re.compile(r"\b(?:un)?paid\b|\bvolunteer(?:s|ed|ing)?\b|\bfor free\b|\bno pay\b|\bwithout pay\b", re.I)


def holds_figure(kind: str, text: str) -> bool:
    """Whether `text` holds a figure of this kind ("money", "time", "time:<scale>", "often", "count" or "any":
    figure_asked)."""
    if kind == "money":
        return bool(_MONEY.search(text) or _GROUPED.search(text) and _OF_MONEY.search(text) or _SPELLED_SUM.search(text)
                    or _SHARE_OF_PAY.search(text))
    if kind == "time":
        return next(_durations(text), None) is not None
    if kind == "often":
        return bool(_FREQUENCY.search(text) or _QUANTITY.search(text))
    if kind == "age":
        return bool(_AGE_GIVEN.search(text))
    if kind == "count":  # a number, not a duration's or a sum's: what it counts, the text names in its own words
        taken = [m.span() for m in (*_durations(text), *_MONEY.finditer(text))]
        return any(not any(a <= q.start() < b for a, b in taken) for q in _QUANTITY.finditer(text))
    if kind.startswith("time:"):
        asked = int(kind[5:])
        return any(abs(_scale(m["unit"]) - asked) <= 1 for m in _durations(text))
    # A count ("how many ...") is answered by any number: the text names what it counts in its own words ("35
    # participants" for "how many people"), and a wrong "no figure" misleads more than a loose match.
    return bool(_QUANTITY.search(text))


# "paid" that asks no sum: a thing got paid for by someone ("how can i get my masters paid for?"), paid work ("her
# first paid illustration job"); two testers' libraries opened such answers with "The guides give no figure for that".
# A job ranked by pay ("whats the highest paid job in supply chain") asks which job, not a sum; "are restaurant workers
# poorly paid?" asks whether (a tester's culinary library: "no figure" over "40% ... live in near-poverty").
_PAID_NO_SUM = re.compile(r"\b(?:get|gets|got|getting|have|has|had)\s+(?:(?:my|your|his|her|their|our|the|a|an)\s+)?(?:[\w'’]+\s+){1,3}?"
                          r"paid\s+for\b|\b(?:a|an|first|any|no)\s+paid\s+(?=\w)|"
                          r"\b(?:highest|best|better|top|lowest|worst|well|poorly|badly|under)[- ]?(?:paid|paying)\b|"
                          # ... and how it is paid ("do most diesel techs get paid that way?" after flat rate, a
                          # tester's: a yearly average led the answer, opening "Yes, diesel mechanics make ...").
                          r"\bpaid\s+(?:that|this|the same)\s+way\b|\bpaid\s+(?:hourly|weekly|monthly|biweekly|"
                          r"by the (?:hour|job|mile|piece|day)|(?:a |on )?(?:flat[- ]rate|commission|salary|piece[- ]?rate))\b|"
                          # ... how or when one gets paid ("how do they get paid" after ghostwriters, a tester's: "no figure"
                          # over "Request a deposit: A 50% advance ...").
                          r"\b(?:how|when)\s+(?:do|does|did|will|would|can|could|should)\s+(?:[\w'’]+\s+){1,3}?(?:get\s+)?paid\b"
                          r"(?!\s+(?:more|less|per|an?\s+(?:hour|year|month|week)))", re.I)


_ASKS_MEANING = re.compile(r"\bwhat (?:does|do) .{1,40} (?:mean|stand for)\b|\bmeaning of\b|\bdefin(?:e|ition of)\b", re.I)


def _asks_amount(text: str) -> bool:
    """Whether `text` asks for a figure. A word about pay or a statistic alone ("pay", "average") does not ask one
    after a definition asked first ("what's a TLR? heard teachers mention it about pay"). In a yes/no question it
    still does: "do SREs get paid extra for on-call?" is honestly answered "no figure" where the guides give none
    (reading it as yes/no: a gap claimed on answerable 21 -> 20 of 216, near-topic honest 37 -> 36 of 72)."""
    if _HOW_AMOUNT.search(text) or _HOW_MUCH_MAKE.search(text):
        return True
    if _ASKS_MEANING.search(text):
        return False  # "what does pay per task mean?" asks what it is (a tester's opened "The guides give no figure")
    text = _PAID_NO_SUM.sub(" ", text)
    if not _AMOUNT_WORD.search(text):
        return False
    first = text.split("?", 1)[0] + "?"
    return not (_DEFINITION.search(first) and not _AMOUNT_WORD.search(first))


# A follow-up that only names another thing ("and a NICU nurse?", "what about night doulas?") asks of it what the turn
# before asked: a pay question after a pay question (a tester's "and a NICU nurse?" was answered with the NICU
# article's opening, its salary section under "See also"). A few words, naming a thing: not "and if I'd rather raise
# the money myself ...?", which asks something of its own.
_ANOTHER_OF_THE_SAME = re.compile(r"^\W*(?:(?:(?:and|or|but|so|ok|okay)\s+)?(?:what|how)\s+about|and|or|also|plus)\s+(.*)$", re.I)
_NAMING = frozenset("a an the for in at with to on of my your their our his her this that these those".split())
MAX_NAMING_WORDS = 6


def asks_the_same_of(text: str) -> bool:
    """Whether `text` is a follow-up naming only another thing to ask what was asked before of."""
    m = _ANOTHER_OF_THE_SAME.match(_ASIDE.sub("", text).strip())  # "and a NICU (neonatal intensive care unit) nurse?"
    words = re.findall(r"[\w'’-]+", m[1]) if m else []
    return 0 < len(words) <= MAX_NAMING_WORDS and all(w.lower() in _NAMING or is_content(w) or w.isdigit() for w in words)


def analyse(text: str) -> Question:
    """The type of answer `text` asks for, with a comparison's sides. The first matching rule wins."""
    sides = _sides(text)
    if sides:
        # What the sides are compared on, when the question says it with a comparative: "earn more at A or B".
        # What the sides are compared on: the words beside a comparative ("make more", "more technical") and
        # the question's other content words ("which pays more, A or B?" -> "pays").
        taken = {w.lower() for side in sides for w in side.split()}
        beside = [m.group(1) for m in _BEFORE_COMPARATIVE.finditer(text)] + [m.group(1) for m in _AFTER_COMPARATIVE.finditer(text)]
        words = [w for w in beside if w.isalpha() and w.lower() not in _PLAIN]
        if words:  # a comparative says the comparison is on something: "which pays more, A or B?"
            words += [w for w in words_of(text) if is_content(w)]
        # Not a word that only says how it is asked: "is it more like a college course or a job?" compares on nothing.
        aspect = tuple(dict.fromkeys(w for w in words if w.lower() not in taken and w.lower() not in COMPARISON_WORDS
                                     and w.lower() not in FUNCTION_WORDS))
        return Question(text, "comparison", bool(_REQUIREMENT.search(text)), sides, aspect, chooses=_chooses(text))
    rules = (("amount", _asks_amount), ("steps", _STEPS.search), ("list", _LIST.search), ("definition", _DEFINITION.search),
             ("yes_no", _YES_NO.search), ("advice", _ADVICE.search))
    kind = next((name for name, rule in rules if rule(text)), "other")
    return Question(text, kind, kind == "yes_no" and bool(_REQUIREMENT.search(text)))


def _sides(text: str) -> tuple[str, ...]:
    """The two things a question compares ("startups", "big tech companies"), or () when it compares nothing.

    A side is the run of content words next to "or"/"vs" (or after "between" ... "and"), stopping at a
    function word: "earn more at startups or at big tech companies" -> ("startups", "big tech companies").
    """
    if not _COMPARISON.search(text):
        return ()
    for clause in re.split(r"[?!;,]|\s[-—]\s", text):
        tokens = clause.split()
        for i, token in enumerate(tokens):
            between = _BETWEEN.search(" ".join(tokens[:i])) and token.lower() == "and"
            if token.lower() == "than" and i > 0:
                # "is freelance work better paid than a full time job": the first side stands before the comparative.
                at = next((j for j in range(i - 1, max(i - 4, -1), -1) if _COMPARATIVE_WORD.match(tokens[j])), None)
                before = _run(tokens[:at][::-1], forward=False)[::-1] if at else []
                after = _run(tokens[i + 1 :])
                # "pay less than 30k": a figure it is held against, not a second thing compared.
                if before and after and not re.fullmatch(r"[$£€]?\d[\d.,]*[kKmM]?", " ".join(after)):
                    return (" ".join(before), " ".join(after))
                continue
            if not (_JOINER.match(token) or between):
                continue
            if i + 1 < len(tokens) and _CLAUSE_START.match(tokens[i + 1]):
                continue
            before = _run(tokens[:i][::-1], forward=False)[::-1]
            while len(before) > 1 and before[0].lower() in _SIDE_VERBS:
                before.pop(0)  # "learn framer or adobe xd": "framer"
            after = _run(tokens[i + 1 :])
            if before and after and " ".join(before).lower() != " ".join(after).lower():
                return (" ".join(before), " ".join(after))
    return ()


# Words that ask for a choice or a comparison, or "..., A or B?" closing the question ("what do I wear, suit or
# hoodie?"). A bare "or" joins alternatives as often as it offers a choice: "do I need to know html or git or is
# it just writing", "without it being awkward or coming off as a user".
_CHOICE = re.compile(
    r"\b(?:vs\.?|versus|compar\w*|differ\w*|diff|between|than|better|worse|best|rather|instead|prefer\w*|which|"
    r"choose|choice|pick|either|should i)\b|,[^,]{1,40}\bor\b[^,]{1,40}\?\s*$",
    re.I,
)


def _chooses(text: str) -> bool:
    """Whether `text` asks to choose between or compare the things it names, beyond joining them with "or"."""
    return bool(_CHOICE.search(text))


_KIND_OF = frozenset("kind kinds sort sorts type types form forms".split())
# What one does with a thing compared, no part of it: "go into management or stay an IC" compares management and an
# IC ("The guides don't compare “management” with “stay”", a tester's); "learn framer or adobe xd", two tools.
_SIDE_VERBS = frozenset("""learn study take do get go stay become use pick choose start try join pursue work keep switch move
    be make find""".split())
# How one goes to a thing compared, no part of it: "should i do a postdoc or go straight to industry?" was told the
# guides don't compare "postdoc" with "straight" (a tester's biotech library).
_HEADING_TO = frozenset("straight directly direct right back immediately".split())


# What a side does that the comparison is on, read back from its comparative: "do histotechnologists get paid more than
# histotechnicians?" compares histotechnologists, not "paid" (a tester's: "The guides don't compare “paid” with ...").
_COMPARED_BY = frozenset("paid earn earns make makes cost costs pay pays charge charges".split())


def _run(tokens: list[str], forward: bool = True) -> list[str]:
    """The content words at the start of `tokens` (after leading articles/prepositions and, read `forward`, a verb of
    what one does with it), up to _SIDE_MAX."""
    words = [w for t in tokens for w in words_of(t)][: _SIDE_MAX + 4]
    while words and (not is_content(words[0]) or (len(words) > 2 and words[0].lower() in _KIND_OF and words[1].lower() == "of")
                     or (forward and len(words) > 1 and words[0].lower() in _SIDE_VERBS | _HEADING_TO)
                     or (not forward and len(words) > 1 and words[0].lower() in _COMPARED_BY)):
        words.pop(0)  # "some kind of company": the side is "company"; "stay an IC": "IC"; "go straight to industry": "industry"
    run = []
    for w in words:
        if not is_content(w) or w.lower() in COMPARISON_WORDS or len(run) == _SIDE_MAX:
            break
        run.append(w)
    # An adverb is no part of the thing compared: "is a huge corp automatically a safer bet than ..." compares "a
    # huge corp" (read backwards from the comparative, the run would end on "automatically").
    while len(run) > 1 and (_ADVERB.match(run[-1]) or _ADVERB.match(run[0])):
        run.pop(-1 if _ADVERB.match(run[-1]) else 0)
    return run


_ADVERB = re.compile(r"^[a-z]{2,}(?:ally|ively|ously|ately)$", re.I)
