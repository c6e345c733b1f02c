"""Words, shared by every step: the one tokenizer, stemmer, stop-word list and list-marker pattern.

The index and the question are tokenized alike (bm25s's tokenizer: its English stop words out, Snowball
stems). `FUNCTION_WORDS` are the words that only say how a question is asked: those stop words, question
words and the fillers of chat. Pure and general English: nothing here knows a library.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import bm25s
import Stemmer
from bm25s.stopwords import STOPWORDS_EN

_stemmer = Stemmer.Stemmer("english")
_stemmer_lock = threading.Lock()  # PyStemmer objects are not documented as thread-safe

STOP_WORDS = frozenset(STOPWORDS_EN)  # what the lexical index leaves out
# The words a question is asked with, that say nothing about its topic. The lexical index keeps them (they
# match question-style headings: "Where can you get ...?"); sentence scoring and the gap check drop them.
QUESTION_WORDS = frozenset(
    """what do does did how why which who whom when where can could should would will may might must i me my mine
    we our you your am get need want tell know like about please someone anyone thing things much many
    tip tips advice suggestion suggestions recommendation recommendations pointer pointers skip skipping""".split()
)  # "any tips?", "any advice?" say that advice is asked, not what about: never a gap, never a topic term; nor does
# "skip" ("can i skip the masters?" asks whether it is needed; it was refused as "don't cover “skip”")
# Words that only say how a question is asked, never what it is about: the two lists above and the fillers of
# chat ("lol", "tho"). A question's subject is what is left.
FUNCTION_WORDS = STOP_WORDS | QUESTION_WORDS | frozenset(
    """a an and are as at be but by for if in into is it no not of on or such that the their then there these they
    this to was will with whats whose doing done shall im i'm ive i've us u ur yours he she his her him them its
    is are was were been being have has had having gets got getting needs wants pls plz anybody somebody any some
    all just really actually basically kinda sorta gonna wanna lol lmao haha tho though ok okay yeah yes ya hey hi
    so very too also still even etc eg ie r y n than more most less least one ones other others another else here
    now again ever way ways stuff lot lots bit little well good great best better right wrong sure maybe mean means
    meaning say says said go going make makes made take takes back out up down over off then wait hmm guess think
    thought heard hear seen see enough last next ago today tomorrow yesterday now soon later first second third
    fourth fifth former latter nah nope yep yup whatever wat wats wut roughly approximately approx realistically
    ish onto upon toward towards without within after before during despite via except beyond among amongst through
    throughout while whilst since unless although because until till across against along around behind beneath
    beside besides between""".split()
) | frozenset(  # contractions, as typed with a straight apostrophe ("that'll" is no compared thing)
    [f"{head}'{tail}" for head, tails in (
        ("i", "m ll d ve"), ("you", "re ll d ve"), ("we", "re ll d ve"), ("they", "re ll d ve"), ("he", "s ll d"),
        ("she", "s ll d"), ("it", "s ll d"), ("that", "s ll d"), ("there", "s ll d re"), ("what", "s ll d re"),
        ("who", "s ll d"), ("let", "s"), ("here", "s"), ("how", "s"), ("where", "s"), ("when", "s"), ("why", "s"))
     for tail in tails.split()]
    + [f"{verb}n't" for verb in "do does did is are was were have has had would should could must need ca wo ai".split()]
)
# A Markdown heading line longer than this is a paragraph flattened into one line ("# Title **Lead.** Text ..."), not
# a heading: read as one, a whole article became a section with no text and was indexed with no passage.
MAX_HEADING_CHARS = 200
# A list item's marker: "- ", "* ", "• ", "3. ", "3) ". Used inside larger patterns, so no anchors here.
LIST_MARKER = r"(?:[-*+•]|\d{1,3}[.)])"
ITEM_START = re.compile(rf"[ \t]*{LIST_MARKER}[ \t]")  # a list item's line, matched at its start
# A site template's placeholder for a value the text does not hold ("$salaries_tlr_max$", GOV.UK's
# "$check-your-qualifications$"). It opens with a word of three letters or more: "$x_i$" and "$n$" are TeX.
PLACEHOLDER = r"\$[a-z]{3,}(?:[_-][a-z0-9]+)*\$"

_SPLIT = re.compile(r"(?u)\b\w\w+\b").findall  # bm25s.tokenize's default token pattern
_WORD = re.compile(r"[a-z0-9+#]+")


def folded(text: str) -> str:
    """`text` without its accents ("nôtre": "notre"), as someone types a name on a keyboard without them."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stem(word: str) -> str:
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def zipf(word: str) -> float:
    """How often English writes `word`, on wordfreq's zipf scale (6: once in a thousand words; 0: never)."""
    from wordfreq import zipf_frequency  # imported on first need: its English list takes 0.2 s to read

    return zipf_frequency(word, "en")


def clips(term: str, word: str) -> bool:
    """Whether `word` is the stem `term`, or a longer word a term of four letters or more clips ("cert" of "certif",
    "math" of "mathemat"), as people shorten the library's words."""
    return word == term or len(term) >= 4 and word.startswith(term)


def subsequence(short: str, long: str) -> bool:
    """Whether the letters of `short` occur in `long` in order ("mgr" in "manager")."""
    letters = iter(long)
    return all(c in letters for c in short)


def stem_all(words: list[str]) -> list[str]:
    with _stemmer_lock:
        return _stemmer.stemWords(words)


# A short form's plural is its singular: "CRAs" stems to "cras", never "cra" (the stemmer keeps an "s" after a vowel),
# and a tester's "how much do CRAs get paid?" was told "no figure" over a CRA's "$85,000 - $110,000 annually".
_CODE_PLURAL = re.compile(r"\b([A-Z]{2,})s\b")


# A short form written with dots after its letters, opening on a capital ("Ph.D.", "M.B.A.", "U.S."): the index split it
# into letters ("ph") and "how much do phd students get paid" found no figure "for" a PhD in a tester's library that
# writes "Ph.D." (not "e.g.", "p.m.").
_DOTTED = re.compile(r"\b[A-Z][A-Za-z]?\.(?:[A-Za-z]{1,2}\.){1,3}(?=s\b|(?![A-Za-z]))s?")  # "Ph.D.s" as "PhD" too


def singular_codes(text: str) -> str:
    """`text` with each short form in capitals written in the plural ("CRAs", "RNs") as its singular, and one written with
    dots ("Ph.D.") as one word ("PhD"): the words the index holds."""
    if "." in text:
        text = _DOTTED.sub(lambda m: m[0].rstrip("s").replace(".", ""), text)
    return _CODE_PLURAL.sub(r"\1", text) if "s" in text else text


def tokenize(texts: list[str]) -> list[list[str]]:
    """Stemmed terms of each text, without stop words (bm25s's tokenizer): for the index and the query alike."""
    texts = [singular_codes(t) for t in texts]
    with _stemmer_lock:
        return bm25s.tokenize(texts, stemmer=_stemmer, return_ids=False, show_progress=False)


def index_words(text: str) -> list[str]:
    """The words of `text` the lexical index splits it into, as written (case kept), stop words out."""
    return [w for w in _SPLIT(text) if w.lower() not in STOP_WORDS]


def tokenize_one(text: str) -> list[str]:
    """`tokenize([text])[0]` for one short text (a question), without bm25s's per-call set-up (~0.4 ms)."""
    words = index_words(singular_codes(text).lower())
    with _stemmer_lock:
        return _stemmer.stemWords(words) if words else []


@lru_cache(maxsize=65536)  # the same sentences come back question after question
def stems(text: str) -> frozenset[str]:
    """Every word of `text` stemmed, stop words included: for overlap between a question and a sentence."""
    words = _WORD.findall(singular_codes(text).lower())
    with _stemmer_lock:
        return frozenset(_stemmer.stemWords(words))


QUESTION_STEMS = frozenset(_stemmer.stemWords(sorted(QUESTION_WORDS))) | QUESTION_WORDS  # as the index holds them


def sentence_case(text: str) -> str:
    """A heading set in capitals ("WORKING AS AN RN", a page's CSS printed to PDF) as a sentence would write it; a word
    that is likely an initialism keeps its capitals ("Working as an RN", "How to pass the NCLEX"). Any other text
    is returned as it is."""
    if not (sum(w.isalpha() for w in text.split()) >= 2 and text.isupper()):
        return text
    words = [w if _initialism(w.strip(".,;:!?()'’").lower()) else w.lower() for w in text.split()]
    out = " ".join(words)
    return out[0].upper() + out[1:]


def _initialism(word: str) -> bool:
    """Whether a word typed in capitals is likely an initialism: no function word ("AN", "THE"); two letters ("UK",
    "AI"); rare in English ("NCLEX", "BSN": Zipf under INITIALISM_ZIPF), or three letters and not common ("ICU"
    3.3, "SOC" 3.3; "PAY" 5.4 is a word)."""
    from wordfreq import zipf_frequency  # imported on first need: its English list takes 0.2 s to read

    if not word.isalpha() or word in FUNCTION_WORDS:
        return False
    zipf = zipf_frequency(word, "en")
    return len(word) <= 2 or zipf < INITIALISM_ZIPF or (len(word) == 3 and zipf < 4.5)


INITIALISM_ZIPF = 3.0  # as evidence.FOREIGN_ZIPF: about once in a million English words


# Places a question may ask about (general English, no library's): the United States' states, the countries and the
# cities career articles most often name. A question that names one the quoted sections never mention says so
# ("starting salary at mckinsey in london?" was answered with US figures and no word of it, a tester's).
PLACES = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin
    wyoming canada mexico england scotland wales ireland britain uk germany france spain italy netherlands sweden norway
    denmark finland switzerland austria poland portugal india china japan korea singapore australia zealand brazil
    nigeria kenya africa europe asia dubai london paris berlin munich amsterdam dublin toronto vancouver montreal sydney
    melbourne brisbane auckland tokyo seoul bangalore bengaluru mumbai delhi hyderabad beijing shanghai seattle boston
    chicago nyc atlanta denver miami philadelphia edinburgh glasgow manchester zurich stockholm ontario quebec alberta
    queensland""".split())
# ... and how a text may name them otherwise: "Scottish" of Scotland, "£" of the United Kingdom (a reader found "never
# mention “UK”" over the United Kingdom's median of £28,500).
# ... and the country a site's address names ("Citizensinformation.ie" is Ireland's, "nhs.uk" the United Kingdom's): a
# tester's answers from Irish government pages opened "The sections quoted here never mention “ireland”".
PLACE_DOMAINS = {"ireland": "ie", "uk": "uk", "britain": "uk", "england": "uk", "scotland": "uk", "wales": "uk",
                 "canada": "ca", "australia": "au", "zealand": "nz", "india": "in", "germany": "de", "france": "fr",
                 "spain": "es", "italy": "it", "netherlands": "nl", "singapore": "sg", "japan": "jp", "china": "cn",
                 "korea": "kr", "brazil": "br", "mexico": "mx", "sweden": "se", "norway": "no", "denmark": "dk",
                 "finland": "fi", "switzerland": "ch", "austria": "at", "poland": "pl", "portugal": "pt", "nigeria": "ng",
                 "kenya": "ke"}
# The United States' states by their postal codes ("CA": California), as a question may type them.
US_STATE_CODES = dict(zip("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
    ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY""".split(), """alabama|alaska|arizona|arkansas|california|colorado|
    connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|
    massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|
    new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|
    tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming""".replace("\n    ", "").split("|")))
# Shorthand people type in chat for everyday words, no library's term: "solidity dev wfh possible?" was told "The guides
# never mention “wfh”" over a section on working from home (a tester's); "fed resume how many pgs" got fonts and margins.
CHAT_SHORTHAND = {"wfh": "work from home", "pgs": "pages", "w/o": "without", "b/c": "because",
                  "diff": "difference", "convo": "conversation", "info": "information", "approx": "approximately",
                  # ... "what certs should I start with?" was refused (a tester's GRC library writes "certifications")
                  "certs": "certifications", "cert": "certification", "quals": "qualifications", "reqs": "requirements"}
# Cities by the short forms people type ("LA county", "NYC"): "The guides never mention “LA”" stood over Los Angeles
# County's pay (a tester's dispatch library).
CITY_CODES = {"LA": "los angeles", "NYC": "new york", "SF": "san francisco", "DC": "washington", "NOLA": "new orleans",
              "SLC": "salt lake city", "KC": "kansas city", "ATL": "atlanta", "PHX": "phoenix"}
# A currency's sign, by its name (singular): the passages may write the one where the question says the other.
CURRENCY_SIGNS = {"naira": "₦", "rupee": "₹", "yen": "¥", "yuan": "¥", "renminbi": "¥", "euro": "€", "pound": "£", "won": "₩",
                  "peso": "₱", "ruble": "₽", "rouble": "₽", "lira": "₺", "shekel": "₪", "dong": "₫", "baht": "฿", "hryvnia": "₴",
                  "cedi": "₵", "tenge": "₸"}
PLACE_NAMES = {
    "uk": ("united kingdom", "u.k.", "britain", "british", "england", "scotland", "wales", "£"),
    "britain": ("united kingdom", "british", " uk", "£"), "england": ("united kingdom", "britain", "british", " uk", "£"),
    "scotland": ("scottish", "scots"), "wales": ("welsh",), "ireland": ("irish",), "canada": ("canadian",),
    "germany": ("german",), "france": ("french",), "spain": ("spanish",), "italy": ("italian",), "india": ("indian", "₹", "rupee"),
    "china": ("chinese",), "japan": ("japanese",), "korea": ("korean",), "australia": ("australian",), "mexico": ("mexican",),
    "texas": ("texan",), "california": ("californian",), "europe": ("european",), "africa": ("african",), "asia": ("asian",),
}
