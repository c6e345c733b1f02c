"""Any library, not just the bundled one: an index built from three articles about nursing (tests/data/nursing,
written as test data) gets its own subject, examples, abbreviations, answers, gaps and refusals."""

import shutil
from pathlib import Path

import pytest

from bot import CareerBot
from bot.config import Settings
from bot.index import update
from bot.library import defined_abbreviations

NURSING = Path(__file__).parent / "data" / "nursing"


@pytest.fixture(scope="module")
def nursing_bot(tmp_path_factory, embedder):
    base = tmp_path_factory.mktemp("nursing")
    corpus = base / "corpus"
    corpus.mkdir()
    for article in NURSING.glob("*.md"):
        shutil.copy(article, corpus / article.name)
    settings = Settings.from_env(corpus_dir=corpus, index_dir=base / "index")
    update.build(settings, embedder)
    return CareerBot.load(settings=settings)


def test_greeting_and_examples_come_from_the_library(nursing_bot):
    hello = nursing_bot.ask("hi")
    assert hello.kind == "smalltalk" and "nurse" in hello.text.lower()
    assert "machine learning" not in hello.text.lower()
    assert hello.suggestions and all(q in hello.text for q in hello.suggestions)
    assert nursing_bot.library.subject == "registered nurse"


def test_abbreviations_the_articles_define_are_spelled_out(nursing_bot):
    assert nursing_bot.library.abbreviations["rn"] == "registered nurse"
    assert nursing_bot.library.expand("how much do RNs make?") == "how much do registered nurses make?"
    assert defined_abbreviations("Ask an intensive care unit (ICU) nurse.") == {"icu": "intensive care unit"}
    assert defined_abbreviations("Learn MLOps (Machine Learning Operations) early.")["mlops"] == "machine learning operations"
    assert defined_abbreviations("Everyone (EVERYONE) uses study aids.") == {}  # emphasis, not a short form


@pytest.mark.parametrize("text, short, long", [
    # the words whose initials spell it, not the shortest run that holds its letters; a possessive's mark dropped
    ("Interviewing with the Technology Transformation Services’ (TTS) team.", "tts", "technology transformation services"),
    ("Learn about large language models (LLMs) today.", "llms", "large language models"),
    # function words inside the long form, never at its start
    ("Ask the Office of Personnel Management (OPM).", "opm", "office of personnel management"),
    ("You may get a teaching and learning responsibility (TLR) payment.", "tlr", "teaching and learning responsibility"),
    # a hyphen's parts and a capital inside a word count as initials; a name's "Better" is no function word
    ("Draw entity-relationship diagrams (ERDs) first.", "erds", "entity-relationship diagrams"),
    ("Become a Certified ScrumMaster (CSM) first.", "csm", "certified scrummaster"),
    ("He is a Better Scientific Software (BSSw) fellow.", "bssw", "better scientific software"),
    # letters of its own: the longest run that holds its letters in order
    ("Ask the Database Administrators (DBAs).", "dbas", "database administrators"),
])
def test_the_long_form_of_a_defined_abbreviation_is_the_run_it_abbreviates(text, short, long):
    assert defined_abbreviations(text).get(short) == long


def test_a_word_in_brackets_or_a_place_after_a_short_form_defines_nothing():
    # A tester's TEFL library: "The E-2 (Teaching) Visa" made "teaching" mean "the E-2" in every search, and "GEPIK
    # (Gyeonggi Province)" made the province GEPIK's long form.
    found = defined_abbreviations("The E-2 (Teaching) Visa is what you need. GEPIK (Gyeonggi Province) hires many.")
    assert "teaching" not in found and "gepik" not in found


def test_a_short_form_an_article_spells_out_two_ways_is_left_as_typed_and_a_hyphened_name_keeps_its_end():
    # A tester's pharmacy guide wrote "Bureau of Labor Statistics (BLS)" and "Basic Life Support (BLS)": every question
    # on what the BLS says was searched as life support. An aviation library's "R-ATP" was searched as "R-ATP (airline
    # transport pilot)", erasing the restriction the question asked about.
    from bot.library import Library

    found = defined_abbreviations("The Bureau of Labor Statistics (BLS) counts jobs. Basic Life Support (BLS) is a "
                                  "certificate. A certified pharmacy technician (CPhT) may use it; a CPhT (Certified "
                                  "Pharmacy Technician) renews it.")
    assert "bls" not in found and found["cpht"].lower() == "certified pharmacy technician"
    library = Library(abbreviations={"atp": "airline transport pilot"})
    assert library.expand("an ATP or an R-ATP?") == "an airline transport pilot or an R-ATP?"


def test_a_short_form_in_brackets_after_itself_defines_nothing():
    assert "api" not in defined_abbreviations("Call the API (API) twice.")


def test_a_short_form_that_is_an_everyday_word_is_spelled_out_only_in_capitals():
    from bot.library import Library

    library = Library(abbreviations={"it": "information technology", "ml": "machine learning"})
    assert library.expand("what does it take to get an IT job?") == "what does it take to get an information technology job?"
    assert library.expand("is ml hard?") == "is machine learning hard?"  # not an everyday word: any case
    # Part of a name with a dot is the name: "fast.ai" became "fast.ai artificial intelligence".
    library = Library(abbreviations={"ai": "artificial intelligence", "ml": "machine learning"})
    assert library.expand("fast.ai or ML.NET, or AI.") == "fast.ai or ML.NET, or artificial intelligence."
    # A plural typed in capitals and a small "s" is more than one of a shorter form, not a longer one: "HCAs" are
    # healthcare assistants, not the "HCAS" (high cost area supplement) one of a tester's NHS articles defines.
    library = Library(abbreviations={"hcas": "high cost area supplement"})
    assert library.expand("what band are HCAs on?") == "what band are HCAs on?"
    assert library.expand("who gets HCAS?") == "who gets high cost area supplement?"
    # ... and of one the library defines, spelled out in the plural ("travel rts" was told no figure is for “travel
    # rts”, over travel RTs' pay, a tester's); not a word of its own ("hrs" are hours, not human resources).
    library = Library(abbreviations={"cna": "certified nursing assistant", "hr": "human resources", "pca": "personal care agency"})
    assert library.expand("how much do CNAs make?") == "how much do certified nursing assistants make?"
    assert library.expand("do cnas need a license?") == "do certified nursing assistants need a license?"
    assert library.expand("are pcas regulated?") == "are personal care agencies regulated?"
    assert library.expand("how many hrs a week?") == "how many hrs a week?"


def test_a_short_form_the_articles_write_far_more_than_its_long_form_is_searched_as_typed():
    # A tester's accounting library writes "CPA" in 40% of its chunks and "accountant" in 11%: "whats the passing score
    # for the cpa exam", searched as "cpa (certified public accountant)", ranked the CPA's definition first.
    from bot.library import derive
    from bot.text import stem

    shares = {"cpa": 0.40, "ea": 0.16, "certified public accountant": 0.11, "enrolled agent": 0.11}
    found = [{"cpa": "certified public accountant", "ea": "enrolled agent"}]
    library = derive(["CPA exam", "EA exam"], {}, found, frozenset(), stem, spread=lambda phrase: shares.get(phrase.lower(), 0.05))
    assert library.expand("whats the passing score for the cpa exam") == "whats the passing score for the cpa exam"
    assert library.expand("what is an EA?") == "what is an EA (enrolled agent)?"


def test_a_duration_written_with_a_plus_is_a_duration():
    # A tester's freelancing library: "how long does it take to find the big long-term clients" opened "The guides give
    # no figure for that" over "those who're willing to hire you in the long-term (think 3+ months)".
    from bot.question import figure_asked, holds_figure

    assert holds_figure(figure_asked("how long does it take to find long-term clients?"), "hire you long-term (think 3+ months)")


def test_how_much_tax_is_answered_by_a_rate():
    # A tester's translation library: "how much self employment tax do freelance translators pay" opened "The guides
    # give no figure for that." over "the self-employment tax of 15.3%".
    from bot.question import figure_asked, holds_figure

    asked = figure_asked("how much self employment tax do freelance translators pay")
    assert holds_figure(asked, "You pay the self-employment tax of 15.3% on your profit.")
    assert figure_asked("how much do freelance translators make?") == "money"
    # "how many credits can you earn?" counts credits: it was told "no figure" over "up to 20 college credits" (a tester's)
    assert figure_asked("how many credits can you earn on the internship?") == "count"
    assert figure_asked("how many dollars can you earn?") == figure_asked("how many interns get paid a stipend?") == "money"
    # ... and a pay asked for by name ("brewer salary?" had no "no figure" line where "how much do brewers get paid" did)
    assert figure_asked("brewer salary?") == figure_asked("sous chef salary range") == "money"
    # ... but not paid time off: "how much PTO (paid time off) do they get?" was told none of its salaries is for PTO
    assert figure_asked("how much PTO (paid time off) do they get?") != "money"
    assert figure_asked("how many days of paid holiday do you get?").startswith("time")
    # ... and what one charges asks a sum ("how much should I charge for a lockout" was told the guides never mention
    # “charge”, over lockout prices), not who is in charge
    assert figure_asked("how much should I charge for a lockout") == "money" != figure_asked("who is in charge of hiring?")
    # Hours run onto their number, as a timetable writes them ("between 30h and 35h per week", a tester's: "no figure")
    assert holds_figure(figure_asked("how many hrs a week does an au pair work"), "Au pairs work between 30h and 35h per week.")


def test_how_much_more_is_answered_by_a_share_as_well_as_a_sum():
    # A tester's "how much more do cpas make": "CPAs earn 10% to 15% more" was quoted under "no figure for that".
    from bot.question import figure_asked, holds_figure

    assert holds_figure(figure_asked("how much more do cpas make?"), "CPAs earn an average of 10% to 15% more.")
    assert figure_asked("how much do cpas make?") == "money"


def test_pay_compared_and_a_table_cell_under_its_unit_are_figures():
    # Two testers' libraries opened "The guides give no figure for that" over "pays about half of what a technical
    # technical writer can make" and over a licensing table's "Hours: 400".
    from bot.question import figure_asked, holds_figure

    asked = figure_asked("how much does basic technical writing pay compared to the more technical kind")
    assert holds_figure(asked, "Basic technical writing pays about half of what a technical technical writer can make.")
    hours = figure_asked("how many hours for a manicurist license in california")
    assert holds_figure(hours, "License Type: Manicurist; Hours: 400; Key Curriculum: Nail care")
    assert not holds_figure(hours, "License Type: Manicurist; Fee: 400")


@pytest.mark.parametrize("text", ["Monthly Salary: Typically ranges from ₩2.0 million to ₩2.7 million.",
                                  "Freshers earn ₹6-12 LPA at product companies.", "Cram schools pay NT600 - 750/hr."])
def test_pay_in_other_currencies_is_a_figure(text):
    # A tester's TEFL library: Korean and Taiwanese pay were no figures, and pay questions opened "no figure for that".
    from bot.question import holds_figure

    assert holds_figure("money", text)


@pytest.mark.parametrize("text, money", [
    ("For that video chip, I don't even remember how many pages that documentation was, but I'd guess it was over 1,000.", False),
    ("The project has 40,000 stars and 1,200 contributors.", False),
    ("Starting salaries for junior project managers range from 50,000 to 75,000 per year.", True),
    ("Pay: 45,000.", True)])
def test_a_number_in_thousands_is_a_sum_only_where_the_text_speaks_of_money(text, money):
    # A held-out library: "how much does an entry level tw make?" was answered with an interview on documenting a
    # video chip and no word of the gap: its "over 1,000" (pages) was read as the salary asked for.
    from bot.question import holds_figure

    assert holds_figure("money", text) is money


def test_an_answer_quotes_the_figure_asked_for(nursing_bot):
    answer = nursing_bot.ask("how much do RNs make a year?")
    assert answer.kind == "answer" and "$86,070" in answer.text and answer.gaps == ()
    assert answer.citations[0].article.id == "nurse-salary-and-outlook"


def test_a_missing_detail_is_named_before_what_the_guides_do_say(nursing_bot):
    answer = nursing_bot.ask("how much do nurses make in canada?")
    assert answer.kind == "answer" and answer.gaps == ("canada",)
    assert answer.text.startswith("The guides never mention “canada”. What they do say in general:")
    assert "$86,070" in answer.text


def test_a_question_whose_heart_is_missing_is_refused_with_suggestions_from_this_library(nursing_bot):
    answer = nursing_bot.ask("Can I get an H-1B visa sponsored as a nurse?")
    assert answer.kind == "not_covered" and answer.citations == []
    assert any("H-1B" in gap for gap in answer.gaps) and "H-1B" in answer.text
    assert answer.suggestions and not any("machine learning" in s.lower() for s in answer.suggestions)


def test_far_questions_are_refused(nursing_bot):
    for question in ("who won the nba finals last year?", "How do I become a machine learning engineer?"):
        answer = nursing_bot.ask(question)
        assert answer.kind == "not_covered" and answer.citations == [], question


@pytest.mark.parametrize("question, career", [
    ("how do you become a paramedic, what quals do u need?", "paramedic"),
    ("I want to work as a pharmacist, where do I start?", "pharmacist"),
    ("how do i become a dental hygienist?", "dental hygienist"),
    # What another career earns: an ecology library answered "what's the salary for a zookeeper" with conservation
    # scientists' pay, and no word that zookeepers are never mentioned.
    ("what's the salary for a zookeeper", "zookeeper"),
    ("how much do paramedics make?", "paramedics"),
])
def test_how_to_become_or_what_earns_another_career_is_refused(nursing_bot, question, career):
    # The rest of the question ("how do you become ... what quals do u need") reads like this library's own
    # steps, so the nursing steps were given as if they answered it, or under "what they do say in general".
    answer = nursing_bot.ask(question)
    assert answer.kind == "not_covered" and answer.citations == [] and answer.gaps == (career,)


@pytest.mark.parametrize("question", ["can a new nurse really earn less than 60k?", "do nurses in hospitals make more than 80k?"])
def test_a_sum_typed_short_is_no_gap_and_nothing_compared(nursing_bot, question):
    # A tester's answer opened "The guides never mention “30k”" over "lower than $30,000", then "don't compare pay with 30k".
    answer = nursing_bot.ask(question)
    assert answer.kind == "answer" and answer.gaps == () and "$" in answer.text


def test_a_kind_of_the_librarys_own_career_is_not_another_career(nursing_bot):
    answer = nursing_bot.ask("how do I become a travel nurse?")
    assert answer.kind == "answer" and answer.gaps == ("travel",)


def test_the_reader_is_not_the_librarys_subject():
    # Guides written to their reader have "you" in nearly every chunk, and in headings ("What you need"): a teaching
    # library greeted people with "my library of articles on “you”".
    from bot.library import derive
    from bot.text import stem

    titles = ["What you need to train to teach", "How you apply", "Your personal statement"]
    headings = {"What you need": 3, "If you do not have a degree": 2, "Train to teach": 2}
    assert derive(titles, headings, [], frozenset({"you"}), stem).subject == ""
    assert derive(titles, headings, [], frozenset({"you", "teach"}), stem).subject == "teach"


def test_the_examples_offered_are_the_libraries_most_central_questions():
    # A data engineering book offered "Why Is Agile So Important?" (its chapter of basics comes first) before
    # "Should you do stream or batch processing?".
    from bot.library import _examples

    headings = {"Why Is Agile So Important?": 1, "Which Protocol Lives on Which Layer?": 1,
                "Should you do stream or batch processing?": 1}
    central = {"stream": 3.0, "batch": 2.5, "process": 4.0}
    score = lambda text: sum(central.get(w.strip("?").lower()[:7], 0.5) for w in text.split()) / len(text.split())  # noqa: E731
    assert _examples(headings, n=1, centrality=score) == ("Should you do stream or batch processing?",)
    assert _examples(headings, n=1) == ("Why Is Agile So Important?",)  # without it: the most common, then first seen


def test_a_library_without_background_words_takes_its_subject_from_the_words_its_titles_share():
    # The Data Engineering Cookbook's chapters share no word in most chunks, so the greeting named no subject.
    from bot.library import derive
    from bot.text import stem

    titles = ["Introduction", "Basic Computer Science Skills", "Advanced Data Engineering Skills",
              "Data Engineering Course: Building A Data Platform", "Case Studies", "1001 Data Engineering Interview Questions"]
    library = derive(titles, {}, [], frozenset(), stem)
    assert library.subject == "data engineering" and "de" not in library.abbreviations
    assert derive(["Introduction", "Case Studies", "Data Engineering Course"], {}, [], frozenset(), stem).subject == ""
    # A possessive is the word it belongs to: "graphic designer’s" (a title's "&#8217;s" once read as a character).
    titles = ["A freelance graphic designer’s survival guide", "A graphic designer's first year",
              "What a graphic designer earns", "Portfolio tips"]
    assert derive(titles, {}, [], frozenset(), stem).subject == "graphic designer"


def test_a_library_whose_titles_share_one_word_takes_it_as_its_subject():
    # A statistics blog's posts share no run of words, and no word is in most chunks: the greeting named no subject.
    from bot.library import derive
    from bot.text import stem

    titles = ["A Short Guide for Students Interested in a Statistics PhD Program", "Preparing for tenure track job interviews",
              "Grad students in (bio)statistics - do a postdoc!", "The statistics identity crisis", "Software as a publication"]
    assert derive(titles, {}, [], frozenset(), stem).subject == "statistics"  # no plural to take off
    assert derive(["TTS offices", "Working at TTS", "The TTS Design Team", "Reading a federal job posting"], {}, [], frozenset(), stem).subject == "TTS"
    # Role pages share "designer" three times in twelve: a third is four. "Service design" is no designer.
    roles = ["Content designer", "Product designer", "Service designer", "Serving people through service design",
             "Product manager", "Engagement manager", "Security engineer", "User researcher", "Digital transformer",
             "Career pathways", "Learning techniques", "Launching a career"]
    assert derive(roles, {}, [], frozenset(), stem).subject == ""
    # A tester's sales library was greeted as on “sale”: no title writes the word so.
    sales = ["How to get a tech sales job", "Sales engineering books", "Why sales is a great career", "Sales",
             "Cold calling for sales development reps"]
    assert derive(sales, {}, [], frozenset(), stem).subject == "sales"
    assert derive(["Developers at work", "A developer's first year", "Developers and burnout"], {}, [], frozenset(),
                  stem).subject == "developer"


def test_a_word_the_titles_share_by_their_format_is_no_subject():
    # A technical writing library's interviews ("Interview with Alex Ball", ...) named it "interview", a word in a
    # fifth of its chunks; the greeting offered "my library of articles on “interview”".
    from bot.library import derive
    from bot.text import stem

    titles = ["Interview with Alex Ball", "Interview with Celeste Horgan", "Interview with Lana Brindley",
              "Interview questions", "Finding work", "Maintaining a portfolio"]
    assert derive(titles, {}, [], frozenset(), stem, spread=lambda phrase: 0.22).subject == ""
    assert derive(titles, {}, [], frozenset(), stem, spread=lambda phrase: 0.5).subject == "interview"


def test_examples_are_questions_a_reader_would_ask_on_different_topics():
    from bot.library import _examples, readable_heading, stands_alone

    assert not stands_alone("Do you like helping people?") and not stands_alone("What are the responsibilities?")
    assert stands_alone("Do you need a degree to apply?") and stands_alone("What are the benefits of an apprenticeship?")
    # A flight school's greeting offered "Ready to Take Off?" and "What’s the Real Answer?" (a tester's library).
    assert not stands_alone("Ready to Take Off?") and not stands_alone("What’s the Real Answer?")
    assert stands_alone("A masters or a PhD?") and stands_alone("I applied for a role, what happens next?")
    assert not stands_alone("What about other roles?")  # a follow-up's form (a tester's cybersecurity greeting)
    assert not stands_alone("What else do you want to learn?")  # an article's closing line
    # A consultant's post offered "How did I find work?" with every greeting and refusal (a tester's freelancing library).
    assert not stands_alone("How did I find work?") and not stands_alone("What was I paid for my first project?")
    assert stands_alone("How do I find my first clients?") and stands_alone("What should I put in my portfolio?")
    assert readable_heading("Future Reading Links") == "" == readable_heading("Additional Learning Resources")  # link lists
    # A heading set in capitals (a page's CSS, printed to PDF) is offered as a sentence writes it, initialisms kept.
    assert readable_heading("WORKING AS AN RN") == "Working as an RN"
    assert readable_heading("HOW TO PASS THE NCLEX") == "How to pass the NCLEX" and readable_heading("ICU NURSE PAY") == "ICU nurse pay"
    assert readable_heading("So... How Can I Get a Job?") == "How Can I Get a Job?"
    assert readable_heading("So, You Want to be a Founder…") == "So, You Want to be a Founder…"  # a title's own "So"
    # A sentence cut where a page's link broke it is no topic (a tester's refusal offered "What do the guides say about
    # “Your first step, if you are interested in this academy,”?"); a heading that ends on a word is.
    assert readable_heading("Your first step, if you are interested in this academy,") == "" == readable_heading("What to bring to the")
    assert readable_heading("Pros and cons") == "Pros and cons" and readable_heading("Salary – UK") == "Salary – UK"
    assert readable_heading("What to look out for") == "What to look out for"
    assert readable_heading("But what does a data science freelancer do?") == "What does a data science freelancer do?"
    # An ecology library offered "What do the guides say about “End Thoughts”?" with its refusals.
    assert readable_heading("End Thoughts") == readable_heading("Additional Resources") == ""
    assert readable_heading("Final salary schemes") == "Final salary schemes"
    # A blog's sidebar printed with the page was offered with every refusal (a tester's vet library).
    assert readable_heading("Recent Posts") == readable_heading("Categories") == readable_heading("Archives") == ""
    headings = {"Why blog as a developer?": 3, "How often should I blog as a developer?": 2, "How do I prepare a talk?": 1}
    topic = lambda q: {w.strip("?").lower() for w in q.split() if len(w) > 3} - {"developer"}  # noqa: E731
    assert _examples(headings, n=2, topic=topic) == ("Why blog as a developer?", "How do I prepare a talk?")
    assert _examples(headings, n=2) == ("Why blog as a developer?", "How often should I blog as a developer?")


def test_a_refusal_of_something_else_altogether_offers_the_librarys_examples(nursing_bot):
    # The headings nearest a question on boiling eggs are any headings ("Example Output"): the library's own
    # example questions say better what it can answer.
    answer = nursing_bot.ask("how long do i boil an egg for a runny yolk?")
    assert answer.kind == "not_covered" and answer.suggestions == nursing_bot.library.examples
    near = nursing_bot.ask("Can I get an H-1B visa sponsored as a nurse?")
    assert near.suggestions and near.suggestions != nursing_bot.library.examples


def test_a_word_the_titles_only_use_to_describe_something_else_is_no_subject():
    # An ecology library was greeted as one on "field" ("STEM Field Career Conservation", "How to Apply for a Field
    # Job", "Why I chose to be a field ecologist"); a word that ends a title's phrase somewhere names its subject.
    from bot.library import derive
    from bot.text import stem

    titles = ["STEM Field Career Conservation", "How to Apply for a Field Job", "Why I chose to be a field ecologist",
              "Can you be a marine biologist in Alaska?", "Should I Apply to Graduate School?",
              "Who Am I? Job Hunting Edition", "Searching for Opportunities in Ecology & Environmental Science"]
    assert derive(titles, {}, [], frozenset(), stem).subject == ""
    titles = ["Grad students in (bio)statistics - do a postdoc!", "Navigating Big Data Careers with a Statistics PhD",
              "A Short Guide for Students Interested in a Statistics PhD Program", "Why I'm Staying in Academia"]
    assert derive(titles, {}, [], frozenset(), stem).subject == "statistics"


def test_a_one_word_subject_takes_the_word_its_titles_always_write_before_it():
    # A tester's PM library greeted people with "my library of articles on “manager”": its titles and headings write
    # "product manager" every time. "Statistics" stays alone where "bio" stands before it in a few titles.
    from bot.library import derive
    from bot.text import stem

    titles = ["APM programs for new grads", "A day in the life of a product manager", "My resume", "Interview tips"]
    headings = {"What does a product manager do?": 2, "Becoming a product manager": 1, "Interviews": 1}
    assert derive(titles, headings, [], frozenset({"manag"}), stem).subject == "product manager"
    stats = ["Statistics PhD programs", "Grad students in (bio)statistics", "The statistics identity crisis"]
    assert derive(stats, {}, [], frozenset({"statist"}), stem).subject == "statistics"


def test_a_one_word_subject_takes_the_family_of_words_its_titles_nearly_always_write_after_it():
    # A tester's technical-writing library greeted people with "my library of articles on “technical”": its titles and
    # headings write "technical writer", "technical writers" or "technical writing" in 30 of its 40 uses.
    from bot.library import derive
    from bot.text import stem

    titles = ["How to become a technical writer", "Technical writing jobs", "What technical writers do", "Portfolios"]
    headings = {"Technical writing vs copywriting": 2, "Technical skills": 1, "A day as a technical writer": 2}
    assert derive(titles, headings, [], frozenset({"technic"}), stem).subject == "technical writer"
    music = ["Music producer careers", "Music teacher pay", "Music business basics", "Studio work"]
    assert derive(music, {}, [], frozenset({"music"}), stem).subject == "music"


def test_a_heading_that_opens_with_about_is_asked_about_once():
    # A tester's engineering library offered "What do the guides say about about the exam?" in its greeting.
    from bot.library import about

    assert about("About the exam") == "What do the guides say about the exam?"
    assert about("Adult learners") == "What do the guides say about adult learners?"
    # A clause (a tester's greeting offered "What do the guides say about you design for people?").
    assert about("You design for people") == "What do the guides say about “You design for people”?"


def test_a_short_form_spelled_out_differently_means_what_most_articles_say():
    # A tester's engineering library: "Principles and Practice of Engineering (PE)" in the article read first made
    # every "PE" question "PE (practice of engineering)", where two other articles say "Professional Engineer (PE)".
    from bot.library import derive
    from bot.text import stem

    found = [{"pe": "practice of engineering"}, {"pe": "professional engineer"}, {"pe": "Professional Engineer"}]
    assert derive(["A", "B", "C"], {}, found, frozenset(), stem).abbreviations["pe"].lower() == "professional engineer"
    assert derive(["A"], {}, found[:1], frozenset(), stem).abbreviations["pe"] == "practice of engineering"


PLANNING = {  # a small library on urban planning, written as test data
    "planner-salary.md": "# What do urban planners earn?\n\nThe average annual wage for urban and regional planners was $65,230 in "
    "May 2012. Those in architectural, engineering and related services earned the highest salaries ($71,010). Planners in "
    "local government earned $63,300. Graduates start on about $48,000.\n\n## Where planners work\n\nMost planners work for city and county governments. Some "
    "work for consulting firms and transport agencies, a few for developers, and some later for Google on its maps. Senior planners lead teams.\n",
    "landscape.md": "# Working with architects\n\nPlanners work with architects and engineers on public spaces. A city's "
    "landscape, its parks and streets, is shaped by their plans. Good plans are good for the planet as well.\n\n## Software\n\n"
    "Revit is the drawing tool most offices use. Learn it early and practise it on real projects, not only on coursework.\n",
    "exams.md": "# Planning exams\n\nThe AICP exam costs $495 for members of the association. Candidates usually study for "
    "about three months before they sit it.\n",
    "fellowship.md": "# Fellowship\n\nThe FAICP honours planners who have done outstanding work over a long career. Members "
    "are nominated by their peers.\n",
}


@pytest.fixture(scope="module")
def planning_bot(tmp_path_factory, embedder):
    base = tmp_path_factory.mktemp("planning")
    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in PLANNING.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=base / "index")
    update.build(settings, embedder)
    return CareerBot.load(settings=settings)


@pytest.mark.parametrize("question, named", [
    # A tester's library answered these with urban planners' pay and the PHR's fees, and no word that the figure is
    # of something else.
    ("how much do landscape architects earn?", "landscape architects"),
    ("how much does the FAICP cost?", "FAICP"),
    ("what's the salary for a landscape architect?", "landscape architect"),
    ("how much does Google pay planners?", "Google"),  # a name the library writes elsewhere
    ("how much do transport planners earn?", "transport planners"),  # every word but a level's: the quoted are others
])
def test_a_figure_asked_of_something_the_quoted_sections_never_name_says_so(planning_bot, question, named):
    answer = planning_bot.ask(question)
    assert answer.kind == "answer" and answer.gaps == (named,)
    assert answer.text.startswith(f"The sections quoted here never mention “{named}”. What they say:")


@pytest.mark.parametrize("question", ["how much do urban planners earn?", "how much does the AICP exam cost?",
                                      "how much do planning grads earn?",  # "grads" are the "Graduates" quoted
                                      "how much do senior urban planners earn?",  # a level is no other job
                                      "how much do members get paid as planners?",  # a word that names no one in particular
                                      "how much does a masters cost if you pay for it yourself?"])
def test_a_figure_of_what_was_asked_has_no_gap_line(planning_bot, question):
    answer = planning_bot.ask(question)
    assert answer.kind == "answer" and answer.gaps == () and "$" in answer.text


def test_a_misspelling_is_read_as_the_word_the_library_uses_most(planning_bot):
    # "planers" is one letter from "planets" (commoner in English) and "planners" (the library's word): a tester's
    # "how much do urbn planers make" was refused.
    answer = planning_bot.ask("how much do planers make?")
    assert answer.kind == "answer" and "$65,230" in answer.text and answer.gaps == ()


def test_one_side_of_a_choice_the_library_never_names_is_a_gap(planning_bot):
    answer = planning_bot.ask("should I learn Revit or archicad to work with planners?")
    assert answer.gaps == ("archicad",) and answer.text.startswith("The guides never mention “archicad”.")


def test_a_chain_of_follow_ups_keeps_the_subject_its_first_question_named(nursing_bot):
    # A tester's web UI: "how do i become a paramedic?", "how long does it take?", "and how much does it cost?", then
    # "what do they make after?" was searched without "paramedic" and answered with firefighters' pay.
    history = []
    for question in ("what are the nursing specialties?", "do they need more training?", "how long does that take?"):
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": nursing_bot.ask(question, history).text}]
    answer = nursing_bot.ask("and what do they earn?", history)
    assert answer.searched_for.startswith("what are the nursing specialties?") and answer.searched_for.endswith("and what do they earn?")


def test_one_heading_written_two_ways_is_one_example():
    # A tester's technical writing library offered "What is Technical Writing?" and "What is technical writing?"
    # (two articles' headings) as two of its three examples, in every greeting and refusal.
    from bot.library import _examples

    headings = {"What is Technical Writing?": 1, "What is technical writing?": 1, "Would I like technical writing?": 1,
                "How much do technical writers earn?": 1}
    assert _examples(headings) == ("What is Technical Writing?", "Would I like technical writing?",
                                   "How much do technical writers earn?")


def test_the_words_of_a_titles_format_are_no_subject():
    # A tester's safety library: eight of thirteen titles end "for Veterans: Complete Guide", and the greeting called it
    # a library about "complete guide" (with "cg" spelled out as one).
    from bot.library import derive
    from bot.text import stem

    titles = ["OSHA 30-Hour Certification for Veterans: Complete Guide", "CSP Safety Certification: Complete Guide",
              "HAZMAT Safety Certification: Complete Guide", "Level 3 Certificate in Occupational Health and Safety",
              "Safety Manager Careers: Complete Guide 2025"]
    library = derive(titles, {}, [], frozenset(), stem)
    assert "guide" not in library.subject and "complete" not in library.subject and "cg" not in library.abbreviations


def test_a_plural_short_form_spelled_out_otherwise_by_fewer_articles_follows_its_singular():
    # A tester's physician assistant library: one UK news post's "Physician associates (PAs)" rewrote every "PAs" (US
    # questions got the NHS's rules), where two guides write "Physician Assistant (PA)".
    from bot.library import derive
    from bot.text import stem

    found = [{"pa": "Physician Assistant"}, {"pa": "Physician Assistant"}, {"pas": "Physician associates", "aas": "anaesthesia associates"}]
    library = derive(["PA school", "PA pay", "PA jobs"], {}, found, frozenset(), stem)
    assert "pas" not in library.abbreviations and library.abbreviations["aas"] == "anaesthesia associates"
    kept = derive(["MLE pay"], {}, [{"mle": "machine learning engineer", "mles": "machine learning engineers"}], frozenset(), stem)
    assert kept.abbreviations["mles"] == "machine learning engineers"  # the same long form, plural: kept


def test_a_gloss_after_a_short_form_is_its_long_form_only_when_it_spells_every_letter():
    # A tester's trades library: "**BCIT (Burnaby Campus)**" made every "BCIT" a search for "burnaby campus", and a
    # question on the BCIT foundation programme's cost was answered from another programme's article.
    from bot.library import defined_abbreviations

    found = defined_abbreviations("Study at BCIT (Burnaby Campus) now. MLOps (Machine Learning Operations) matters. "
                                  "DBAs (Database Administrators) earn well.")
    assert "bcit" not in found and found["mlops"] == "machine learning operations" and found["dbas"] == "database administrators"


def test_a_short_form_two_articles_spell_out_two_ways_means_neither():
    # A tester's pharmacy library: "Bureau of Labor Statistics (BLS)" in one article, "BLS (Basic Life Support)" in
    # another, read first: "what does the BLS say pharmacy techs earn?" was searched as life support ("no figure").
    from bot.library import derive
    from bot.text import stem

    found = [{"bls": "basic life support"}, {"bls": "Bureau of Labor Statistics"}]
    assert "bls" not in derive(["A", "B"], {}, found, frozenset(), stem).abbreviations
