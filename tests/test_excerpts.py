"""Excerpts and question types, on small texts written for the purpose: pure functions, no model."""

import re

import pytest

from bot import excerpts
from bot.chunking import Sentence, split_sentences
from bot.index.store import ArticleRecord
from bot.question import analyse
from bot.retrieval import Passage


def passage(text: str) -> Passage:
    """A passage over `text` with its sentences found the way the index finds them."""
    spans = []
    at = 0
    for line in text.split("\n"):
        marker = re.match(r"(?:- |\d{1,3}[.)] )", line)
        body = line[marker.end():] if marker else line
        offset = at + (len(line) - len(body))
        spans += split_sentences(body, offset)
        at += len(line) + 1
    sents = tuple(Sentence(f"a:s{i}", "a", "a:c0", s, e, text[s:e]) for i, (s, e) in enumerate(spans))
    return Passage("a:c0", ArticleRecord("a", "Title", "a.md", "0" * 64), "Heading", text, 1.0, 0.9, sentences=sents)


def quoted(p: Passage, k: int) -> list[str]:
    span = excerpts.span_for(k, excerpts.roles(p))
    return None if span is None else [s.text for s in p.sentences[span[0] : span[1]]]


def test_a_leaning_sentence_travels_with_the_one_it_leans_on():
    p = passage("Engineers deploy models to the cloud. This process involves APIs and databases. Salaries are high.")
    assert quoted(p, 1) == ["Engineers deploy models to the cloud.", "This process involves APIs and databases."]
    assert quoted(p, 2) == ["Salaries are high."]


def test_a_sentence_that_continues_the_one_before_leans_on_it():
    # A flight school's "For most people, 4 to 6 years. Not because it has to take that long, but ...": a follow-up
    # answer opened on the "Not because".
    p = passage("For most people, it takes 4 to 6 years. Not because it has to take that long, but because training "
                "is part-time. Ratings come one by one.")
    assert quoted(p, 1) == ["For most people, it takes 4 to 6 years.",
                            "Not because it has to take that long, but because training is part-time."]
    p = passage("Pilots fly long routes. And most of them love the work.")
    assert quoted(p, 1) == ["Pilots fly long routes.", "And most of them love the work."]
    p = passage("Get another offer first. Not only that, but email the companies that have not answered yet.")  # Odin's
    assert quoted(p, 1) == ["Get another offer first.", "Not only that, but email the companies that have not answered yet."]
    # A trades guide's "Well, you heard correctly!" was quoted on its own, the question it answers left out.
    p = passage("Heard that electricians are in demand? Well, you heard correctly! The trade grows every year.")
    assert quoted(p, 1) is None and quoted(p, 2) == ["The trade grows every year."]


def test_a_leaning_sentence_whose_antecedent_is_not_shown_is_not_quoted():
    p = passage("However, Python is not the only programming language engineers use.\n\nJava is common in production.")
    assert quoted(p, 0) is None
    assert quoted(p, 1) == ["Java is common in production."]


def test_a_pointing_subject_after_an_opening_phrase_leans():
    p = passage("At the moment, this takes the form of a short talk.\n\nOur team has run the workshop for five years.")
    assert quoted(p, 0) is None  # "this" is whatever the passage before was about
    assert quoted(p, 1) == ["Our team has run the workshop for five years."]
    p = passage("Over time, a team grows. In practice, these teams split.")
    assert quoted(p, 0) == ["Over time, a team grows."] and quoted(p, 1) == ["Over time, a team grows.", "In practice, these teams split."]


def test_an_faq_answer_that_opens_on_a_pointing_subject_is_quoted_with_its_question():
    p = passage("Do I need to show every behavior for a promotion?\n\nThis framework is not a checklist. It is a guide.")
    assert quoted(p, 1) == ["Do I need to show every behavior for a promotion?", "This framework is not a checklist."]
    from bot.answer import _quotable

    assert _quotable(excerpts.roles(p)) == [0, 1, 2]  # shown whole, it opens on the question, not after the answer
    # A question that is not on a line of its own is not what the next sentence answers.
    assert quoted(passage("Why? This framework is not a checklist."), 1) is None


def test_a_dummy_it_does_not_lean():
    p = passage("It is worth considering a master's degree in a related field.")
    assert quoted(p, 0) == ["It is worth considering a master's degree in a related field."]
    # Any word said of the clause after it (an Odin Project lesson's chunk opened on this, its best sentence).
    p = passage("It's also totally okay to use a brute force (inefficient) solution to a coding problem.")
    assert quoted(p, 0) == ["It's also totally okay to use a brute force (inefficient) solution to a coding problem."]
    assert quoted(passage("It is a tool that many teams use every day for tracking work."), 0) is None


def test_a_list_item_travels_with_its_lead_in_and_the_list():
    text = "The job includes:\n- Cleaning data: remove errors from raw data.\n- Training models: fit them to data."
    p = passage(text)
    assert quoted(p, 1) == quoted(p, 0) == [
        "The job includes:", "Cleaning data: remove errors from raw data.", "Training models: fit them to data."
    ]
    r = excerpts.roles(p)
    assert excerpts.render(p.sentences, r, (0, 1, 2)) == (
        "The job includes:\n- Cleaning data: remove errors from raw data.\n- Training models: fit them to data."
    )


def test_headings_subtitles_questions_and_text_about_the_text_are_not_quoted():
    text = (
        "What is involved in the job and how to get it\n\n"
        "What does an engineer do?\n\n"
        "In this guide, we'll answer the most common questions.\n\n"
        "Engineers build models that learn from data."
    )
    p = passage(text)
    assert [quoted(p, k) for k in range(4)] == [None, None, None, ["Engineers build models that learn from data."]]


def test_a_short_sentence_in_brackets_is_content():
    # "(Employment is not guaranteed.)" was dropped after "interns are encouraged to apply for open positions" (a
    # tester's museum library): read as a fragment, it ends in ")".
    p = passage("Interns are encouraged to apply for open positions after the internship. (Employment is not guaranteed.)")
    assert excerpts.roles(p).content == (True, True)


def test_glued_sentences_are_split():
    text = "Demand will increase.As you gain experience, e.g. in Python, you will find more roles."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Demand will increase.", "As you gain experience, e.g. in Python, you will find more roles."
    ]


@pytest.mark.parametrize("question, kind", [
    ("how much do nurses make a year?", "amount"),
    ("whats the projected job growth? like a %", "amount"),
    ("what skills does a data engineer need?", "list"),
    ("what are the steps to become a pilot", "steps"),
    ("what's a sous chef exactly?", "definition"),
    ("what does burnout mean", "definition"),
    ("do i need a license to work as an electrician?", "yes_no"),
    ("any tips for my first interview?", "advice"),
    ("python vs java for backend work?", "comparison"),
    ("what's a TLR? heard teachers mention it about pay", "definition"),  # a definition asked first
    # ... also with the long form the library spells out for the search in brackets
    ("what's a TLR (teaching and learning responsibility)? heard teachers mention it about pay", "definition"),
    ("what's the average pay? heard it's low", "amount"),
    ("do SREs get paid extra for being on call?", "amount"),  # honestly "no figure" where the guides give none
    # "paid" that asks no sum: "The guides give no figure for that." opened two testers' answers that then gave the way
    ("how can i get my masters paid for", "advice"),
    ("is a paid internship worth it?", "yes_no"),
    ("do nurses get paid for overtime?", "amount"),
    ("which job in supply chain is the highest paid?", "other"),  # which job, not a sum
    ("what are the best paying jobs in logistics?", "list"),
    ("how much do the highest paid trainers make?", "amount"),
])
def test_question_types(question, kind):
    assert analyse(question).type == kind


def test_comparison_sides_and_what_they_are_compared_on():
    q = analyse("Do nurses earn more at hospitals or at clinics?")
    assert q.sides == ("hospitals", "clinics") and q.aspect[0] == "earn"
    assert analyse("is freelance work better paid than a full time job?").sides == ("freelance work", "full time job")
    assert analyse("difference between an ADN and a BSN?").sides == ("ADN", "BSN")
    assert analyse("is a huge corp automatically a safer bet than a small company?").sides == ("huge corp", "small company")
    # Two questions joined by "or" compare nothing.
    assert analyse("Do I need a degree or is a bootcamp enough?").sides == ()
    assert analyse("do I need to form an LLC or some kind of company to run it?").sides == ("LLC", "company")
    # What one does with each is no side (a tester's "The guides don't compare “management” with “stay”").
    assert analyse("should i go into management or stay an IC as a ux researcher").sides == ("management", "IC")
    assert analyse("should i learn framer or adobe xd").sides[0] == "framer"
    # ... nor how one goes to it (a tester's biotech library: "don't compare “postdoc” with “straight”").
    assert analyse("should i do a postdoc or go straight to industry?").sides == ("postdoc", "industry")
    assert analyse("Do I need a degree or is a bootcamp enough?").asks_requirement


def test_a_bare_or_names_sides_but_asks_no_choice():
    # "or" joins alternatives as often as it offers a choice: only a choice is a comparison the guides can lack.
    assert not analyse("how do i approach them without it being awkward or coming off as a user?").chooses
    assert not analyse("does a content designer need to know html or git or is it just writing").chooses
    assert analyse("which is better for job hunting, chatgpt or claude?").chooses
    assert analyse("what do i wear to an onsite interview at a startup, suit or hoodie?").chooses
    assert analyse("is opsgenie better than pagerduty?").chooses and analyse("pgce vs pgde?").chooses


def test_a_passage_that_opens_on_a_list_item_reads_its_first_line_as_an_item():
    # The chunk starts after the first item's marker ("- I drive ..."), so only the layout says it is an item.
    ladder = passage("I drive the most important long-term priorities for the company\n"
                     "- I know when to shut down initiatives that don't create value\n"
                     "- I know which levers to pull to drive meaningful results")
    assert excerpts.roles(ladder).item == (True, True, True)
    # A paragraph before a list has a blank line after it; a lead-in ends with a colon.
    assert excerpts.roles(passage("Most teams work this way today.\n\n- One\n- Two")).item[0] is False
    assert excerpts.roles(passage("Here is what the ladder asks for:\n- One thing\n- Another")).item[0] is False
    # A sentence with its full stop before a tight list is not one of its items (an FAQ's answer, then notes).
    faq = passage("Yes, as long as your break is 3 days or less.\n- Please note: this is not a life event.\n- Ask HR.")
    assert excerpts.roles(faq).item[0] is False


def test_when_no_sentence_stands_alone_the_top_passage_is_shown_whole_not_refused():
    # A ladder's bullets: clauses without full stops straight under a bold label, so none is quoted alone.
    import numpy as np

    from bot.answer import compose
    from bot.evidence import Evidence

    p = passage("- Drive the long-term priorities for the company\n- Shut down initiatives that add no value")
    assert all(excerpts.span_for(k, excerpts.roles(p)) is None for k in range(len(p.sentences)))
    unit = np.ones(4, dtype=np.float32) / 2
    evidence = Evidence(question=analyse("how do I lead company-wide investments?"), searched_for="q", passages=[p],
                        sentence_vectors=[np.tile(unit, (len(p.sentences), 1))], chunk_vectors=[unit], vector=unit,
                        terms=frozenset(), background=frozenset(), answer_vector=unit, covered=True)
    answer = compose(evidence)
    assert answer.kind == "answer" and answer.citations
    assert "Drive the long-term priorities" in answer.text and "Shut down initiatives" in answer.text


def test_the_top_passage_is_shown_whole_even_when_a_lesser_one_has_a_sentence_that_stands_alone():
    import numpy as np

    from bot.answer import compose
    from bot.evidence import Evidence

    top = passage("- Prioritize between running the business (KTLO) and new initiatives\n- Secure buy-in from partner teams")
    other = passage("Creeping KTLO work is addressed as a project ages.")
    unit = np.ones(4, dtype=np.float32) / 2
    evidence = Evidence(question=analyse("whats KTLO?"), searched_for="q", passages=[top, other],
                        sentence_vectors=[np.tile(unit, (len(p.sentences), 1)) for p in (top, other)],
                        chunk_vectors=[unit, unit], vector=unit, terms=frozenset(), background=frozenset(),
                        answer_vector=unit, covered=True)
    text = compose(evidence).text
    assert "running the business (KTLO)" in text and "Creeping" not in text


def test_the_sentence_that_answers_best_is_kept_when_it_lies_further_on_in_the_same_section():
    import dataclasses

    import numpy as np

    from bot.answer import compose
    from bot.evidence import Evidence

    def section_part(text, chunk, start):
        p = passage(text)
        shift = lambda s: dataclasses.replace(s, start=s.start + start, end=s.end + start, chunk_id=chunk)  # noqa: E731
        return dataclasses.replace(p, chunk_id=chunk, start=start, sentences=tuple(shift(s) for s in p.sentences))

    top = section_part("Metrics tell you how a project is doing. Page views show who visits.", "a:c0", 0)
    further = section_part("GitHub stars give a baseline measure of popularity.", "a:c3", 3000)
    other = dataclasses.replace(section_part("Stars are popular in another article.", "b:c0", 0),
                                article=ArticleRecord("b", "Other", "b.md", "1" * 64))
    asked, aside = np.eye(4, dtype=np.float32)[0], np.array([0.6, 0.8, 0, 0], dtype=np.float32)

    def evidence(second):
        return Evidence(question=analyse("what do github stars tell me?"), searched_for="q", passages=[top, second],
                        sentence_vectors=[np.tile(aside, (2, 1)), asked[None, :]], chunk_vectors=[aside, asked],
                        vector=asked, terms=frozenset(), background=frozenset(), answer_vector=asked, covered=True)

    text = compose(evidence(further)).text
    assert "Page views show who visits." in text and "GitHub stars give a baseline measure" in text
    assert text.index("Page views") < text.index("GitHub stars")  # the author's order
    assert "Stars are popular" not in compose(evidence(other)).text  # another article: the top passage stays alone


def test_neighbouring_chunks_that_overlap_quote_no_sentence_twice():
    import dataclasses

    import numpy as np

    from bot.answer import compose
    from bot.evidence import Evidence

    def part(text, chunk, start, row):
        p = passage(text)
        shift = lambda s: dataclasses.replace(s, start=s.start + start, end=s.end + start, chunk_id=chunk)  # noqa: E731
        return dataclasses.replace(p, chunk_id=chunk, start=start, row=row, sentences=tuple(shift(s) for s in p.sentences))

    # The second chunk starts inside the first (chunks overlap): "Templates help." is the same sentence in both.
    top = part("Models differ in who decides. Templates help.", "a:c0", 0, 0)
    after = part("Templates help. Voting decides in a meritocracy.", "a:c1", 30, 1)
    asked, aside = np.eye(4, dtype=np.float32)[0], np.array([0.6, 0.8, 0, 0], dtype=np.float32)
    evidence = Evidence(question=analyse("how does a meritocracy decide?"), searched_for="q", passages=[top, after],
                        sentence_vectors=[np.tile(aside, (2, 1)), np.stack([aside, asked])], chunk_vectors=[aside, asked],
                        vector=asked, terms=frozenset(), background=frozenset(), answer_vector=asked, covered=True)
    answer = compose(evidence)
    assert answer.text.count("Templates help.") == 1
    assert "Templates help. Voting decides in a meritocracy." in answer.text  # it goes on where the first stopped: no "…"
    assert " ".join(answer.citations[0].sentences).count("Templates help.") == 1


def test_a_sentence_with_a_value_the_text_does_not_hold_is_never_quoted():
    p = passage("TLR payments reward extra duties. You could earn up to an extra $salaries_tlr_max$. "
                "Your school decides how much you get.")
    assert excerpts.roles(p).content == (True, False, True)
    assert quoted(p, 1) is None
    assert excerpts.roles(passage("The mean of $x_i$ over all samples is reported here.")).content == (True,)


def test_an_answer_quoting_a_passage_whole_leaves_out_its_placeholders():
    import numpy as np

    from bot.answer import compose
    from bot.evidence import Evidence

    p = passage("TLR payments reward extra duties. You could earn up to an extra $salaries_tlr_max$. "
                "Your school decides how much you get.")
    unit = np.ones(4, dtype=np.float32) / 2
    evidence = Evidence(question=analyse("what's a TLR?"), searched_for="q", passages=[p],
                        sentence_vectors=[np.tile(unit, (3, 1))], chunk_vectors=[unit], vector=unit,
                        terms=frozenset(), background=frozenset(), answer_vector=unit, covered=True)
    text = compose(evidence).text
    assert "TLR payments reward extra duties." in text and "Your school decides" in text and "$salaries" not in text
    # A list item too: a table's row read with its headers ("Bursary: $bursaries_maths$") is not shown.
    p = passage("Bursaries by subject:\n- Subject: Maths; Bursary: $bursaries_maths$\n- Subject: History; Bursary: none")
    evidence = Evidence(question=analyse("which subjects get a bursary?"), searched_for="q", passages=[p],
                        sentence_vectors=[np.tile(unit, (3, 1))], chunk_vectors=[unit], vector=unit,
                        terms=frozenset(), background=frozenset(), answer_vector=unit, covered=True)
    text = compose(evidence).text
    assert "Subject: History; Bursary: none" in text and "$bursaries" not in text and "Maths" not in text


def test_a_gap_is_said_only_as_far_as_it_is_known():
    from bot.answer import gap_sentence

    assert gap_sentence(("Germany", "GmbH")) == "The guides never mention “Germany” or “GmbH”."
    assert gap_sentence(("MIT versus GPL",)) == "The guides don't compare “MIT” with “GPL”."
    # A side never mentioned is said once, as that: "They don't compare “opsgenie” with ..." would say it again.
    assert gap_sentence(("opsgenie", "opsgenie versus pagerduty (scheduling)")) == "The guides never mention “opsgenie”."
    assert gap_sentence(("senior versus staff",)) == "The guides don't compare “senior” with “staff”."


def test_a_refusal_names_its_gaps_in_the_same_plain_words():
    from bot.answer import not_covered

    assert not_covered("q", gaps=("bake bread",)).text == "The guides don't cover “bake bread”."
    assert not_covered("q", gaps=("startups versus big tech companies (earn)",)).text == (
        "The guides don't compare “startups” with “big tech companies” on “earn”.")


def test_a_persons_own_account_is_not_offered_as_the_other_side():
    from bot.answer import _first_person

    assert _first_person("I fumbled it. I wish I had said \"I don't have time for this right now.\"")
    assert _first_person("In my case I’ve found a PhD was not needed.")
    assert not _first_person("There are viable alternatives such as bootcamps.")
    assert not _first_person("AI and ML roles need Python. CI pipelines matter too.")


def test_a_section_of_what_the_text_is_about_is_content_and_the_text_talking_about_itself_is_not():
    posting = passage("This section is found on the application page. Please rely on the Role Summary instead.")
    assert excerpts.roles(posting).content == (True, True)
    about = passage("This section covers the skills you need. You can find more tips in this article. Python is common.")
    assert excerpts.roles(about).content == (False, False, True)
    # A course's lessons talk about themselves too (The Odin Project: "This section contains helpful links ...").
    lesson = passage("This lesson is all about self-assessment. This section contains helpful links to related content. "
                     "Start your search early.")
    assert excerpts.roles(lesson).content == (False, False, True)


@pytest.mark.parametrize("credit", ["— open source maintainer", '— @jessfraz, "Blurred Lines"', "— Lance Waller, Emory University"])
def test_someones_words_are_quoted_with_their_credit(credit):
    # opensource.guide's pull quotes: the credit closes the paragraph, and without it a maintainer's "I'm a big
    # believer in good wearables" read as the guide's own view.
    p = passage("Some maintainers track their sleep.\n\nI'm a big believer in good wearables. They show how you could have "
                f"done better. {credit}\n\nFunding comes next.")
    roles = excerpts.roles(p)
    first = next(k for k, s in enumerate(p.sentences) if s.text.startswith("I'm"))
    assert quoted(p, first)[0].startswith("I'm") and quoted(p, first)[-1].endswith(credit)
    assert all(roles.content[k] for k in range(first, len(p.sentences) - 1))


def test_a_dash_before_a_clause_is_no_credit():
    p = passage("Looks matter. People believe that things that look better will work better — even if they aren't more "
                "effective.\n\nFunding comes next.")
    assert quoted(p, 0) == ["Looks matter."]


def test_indentation_nests_an_item_under_an_earlier_item_but_not_under_one_joined_from_the_next_chunk():
    import re

    text = ("Tips for a message:\n- Describe our progress.\n    - We are aware of an incident.\n- Be clear.\n"
            "-   Joined from the next chunk.\n    - Indented under the joined line.")
    spans, at = [], 0
    for line in text.split("\n"):
        skip = re.match(r"\s*(?:-\s+)?", line).end()
        spans.append((at + skip, at + len(line)))
        at += len(line) + 1
    sents = tuple(Sentence(f"a:s{i}", "a", "a:c0", s, e, text[s:e]) for i, (s, e) in enumerate(spans))
    p = Passage("a:c0", ArticleRecord("a", "Title", "a.md", "0" * 64), "Heading", text, 1.0, 0.9, sentences=sents)
    # The joined line's spaces stand for the article's line break, indentation and marker: no parent by them.
    assert excerpts.roles(p).depth == (0, 0, 1, 0, 0, 0)


def test_a_section_opening_on_a_list_nests_its_first_items_points_under_it():
    # A tester's cybersecurity guide: "- OSWE ... - ₹1,15,000" over its indented points opened its section; the points
    # were quoted flat under it ("- Advanced web app pentesting" read as another certification), the later items' not.
    from dataclasses import replace

    text = ("- OSWE (Offensive Security Web Expert) - ₹1,15,000\n  - Advanced web app pentesting\n"
            "- OSEP (Offensive Security Experienced Pentester) - ₹1,15,000\n  - Advanced penetration testing")
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at + re.match(r"\s*-\s+", line).end(), at + len(line)))
        at += len(line) + 1
    sents = tuple(Sentence(f"a:s{i}", "a", "a:c0", s, e, text[s:e]) for i, (s, e) in enumerate(spans))
    p = Passage("a:c0", ArticleRecord("a", "Title", "a.md", "0" * 64), "Advanced", text, 1.0, 0.9, sentences=sents)
    assert excerpts.roles(replace(p, opens_section=True)).depth == (0, 1, 0, 1)
    assert excerpts.roles(p).depth == (0, 0, 0, 1)  # a chunk that starts inside a list: its first line's indent unknown


def test_the_plain_text_sources_name_a_section_once_when_it_is_named_like_its_page():
    from bot.answer import Answer, Citation
    from bot.index.store import ArticleRecord

    page = ArticleRecord("a", "What is an apprenticeship?", "a.html", "0" * 64)
    cites = [Citation(1, "An apprenticeship is a real job.", page, "a:c0", 0.9, heading="What is an apprenticeship?"),
             Citation(2, "Pay varies.", page, "a:c1", 0.8, heading="Pay")]
    text = Answer("An apprenticeship is a real job. [1] Pay varies. [2]", cites).to_text()
    assert "\n[1] What is an apprenticeship?\n" in text and text.endswith("\n[2] What is an apprenticeship? - Pay")


def test_see_also_offers_other_sections_ranked_close_to_the_top_one_and_names_them_in_the_text():
    from bot.answer import Answer, Citation, related
    from bot.config import Knobs
    from bot.index.store import ArticleRecord

    page = ArticleRecord("a", "Preparing your resume", "a.md", "0" * 64)
    other = ArticleRecord("b", "Reading a job posting", "b.md", "0" * 64)
    p = lambda art, heading, score, n: Passage(f"{art.id}:c{n}", art, heading, f"Text {n}.", score, 0.5)  # noqa: E731
    passages = [p(page, "Example", 1.0, 0), p(page, "Example", 0.9, 1), p(page, "Screening", 0.5, 2),
                p(other, "Qualifications", 0.3, 3), p(other, "Pay", 0.25, 4), p(other, "Grades", 0.05, 5)]
    cites = [Citation(1, "Text 0.", page, "a:c0", 0.5, heading="Example")]
    limits = Knobs(see_also_ratio=0.2, see_also=2)
    # The cited section is not offered again, another chunk of it neither; the two best others are, in rank order.
    assert [(r.article.id, r.heading) for r in related(passages, cites, limits)] == [("a", "Screening"), ("b", "Qualifications")]
    # None ranked close enough: nothing is offered.
    assert related(passages[:2] + passages[-1:], cites, limits) == ()
    text = Answer("Text 0. [1]", cites, related=related(passages, cites, limits)).to_text()
    assert text.endswith("See also:\n- Preparing your resume - Screening\n- Reading a job posting - Qualifications")


def test_a_numbered_item_is_quoted_with_its_number_unless_the_number_tells_nothing():
    steps = passage("The process is as follows:\n1. Accept the tentative offer.\n2. Complete the forms.\n3. Wait for the final offer.")
    r = excerpts.roles(steps)
    assert excerpts.render(steps.sentences, r, (0, 2, 3)) == (
        "The process is as follows:\n2. Complete the forms.\n3. Wait for the final offer.")  # the second step stays second
    # Markdown counts a list numbered "1." throughout: where the quote starts, its number is not known.
    lazy = passage("Escalate when:\n1. The page is not acknowledged.\n1. The responder asks for help.")
    assert excerpts.render(lazy.sentences, excerpts.roles(lazy), (0, 1, 2)).endswith(
        "\n- The page is not acknowledged.\n- The responder asks for help.")


def test_a_sentence_announcing_what_follows_is_not_content():
    # The Data Engineering Cookbook: "So, it's time to show you the differences between Spark and Hadoop. After this
    # you will know when ..." was quoted as the answer to how they compare; what it promises comes after it.
    p = passage("Spark is an analytics framework. So, it's time to show you the differences between Spark and Hadoop. "
                "After this you will know when to use each. You'll also understand why the question is wrong. "
                "You'll learn essential concepts and hands-on coding in eleven weeks.")
    assert excerpts.roles(p).content == (True, False, False, False, True)


def test_a_sentence_leaving_its_topic_to_another_post_is_not_content():
    # A tester's product library: "what are the stages of a typical PM interview process" opened on "The topic of how
    # to get through a PM interview is a meaty one that I may tackle in a future post :)", after the stages, cut.
    p = passage("The general process would be: a phone chat, then a take home exercise, then an onsite. The topic of how "
                "to get through a PM interview is a meaty one that I may tackle in a future post. I post every week.")
    assert excerpts.roles(p).content == (True, False, True)


def test_a_sentence_pointing_to_a_recording_is_not_content():
    # The Data Engineering Cookbook: "you're in for a treat with this enlightening YouTube video" opened answers.
    p = passage("If you're climbing the ladder, you're in for a treat with this enlightening YouTube video. "
                "The skills matrix ranges from junior data engineer to data architect.")
    assert excerpts.roles(p).content == (False, True)


def test_a_pages_welcome_to_its_reader_is_not_content():
    # PagerDuty's role pages open "So you want to be a Customer Liaison? You've come to the right place!", which was
    # quoted as the answer to how the two liaisons differ.
    p = passage("So you want to be a Customer Liaison? You've come to the right place! "
                "A Customer Liaison keeps customers informed during an incident.")
    assert excerpts.roles(p).content == (False, False, True)


def test_a_pointer_to_another_page_is_not_content():
    p = passage("Read up on our Different Roles for Incidents page to see what is expected from a Customer Liaison. "
                "For more information on preparing, there's a guide on the National Careers Service website. "
                "A Customer Liaison keeps customers informed during an incident.")
    assert excerpts.roles(p).content == (False, False, True)


def test_a_page_that_details_what_it_holds_is_talking_about_itself():
    p = passage("This page details everything you need to know in order to be prepared. Subject matter experts join "
                "the call when paged.")
    assert excerpts.roles(p).content == (False, True)


def test_a_label_with_its_statement_is_content_a_heading_written_as_a_paragraph_is_not():
    # "**Trainee:** Starting around $40-50k ..." was read as a heading: a tester's "what do atc trainees get paid" was
    # answered with the fully certified pay below it.
    p = passage("Let me be honest about pay:\n\nTrainee: Starting around $40-50k depending on location and facility level\n\n"
                "Developmental (Training): $50-80k as you progress\n\nStep 1: Take a Discovery Flight\n\n"
                "Publication date: November 25, 2024\n\nHere is the link: https://example.org/events/jsm-session-2015\n\n"
                # ... and a figure under its own label (a tester's "how long does it take to switch?" was told there was
                # none): "Updated: 2023" is no figure.
                "Timeline: 6-12 months\n\nUpdated: 2023")
    r = excerpts.roles(p)
    assert [s.text for s, c in zip(p.sentences, r.content) if c] == [
        "Trainee: Starting around $40-50k depending on location and facility level",
        "Developmental (Training): $50-80k as you progress", "Timeline: 6-12 months"]


def test_a_line_of_fenced_code_is_never_content_even_where_a_chunk_opens_inside_the_fence():
    # A tester's data-engineering guide: "where change_type in ('new', 'changed')" answered "how do i debug a failing
    # dbt model", and a chunk cut inside a fence had no opening fence of its own.
    whole = passage("Use dbt to build and test your models every day.\n\n    ```sql\n    select customer_id from changes\n"
                    "    where change_type in ('new', 'changed')\n    ```\n\nTest every model before you merge it.")
    texts = [s.text for s in whole.sentences]
    content = dict(zip(texts, excerpts.roles(whole).content))
    assert content["Use dbt to build and test your models every day."] and content["Test every model before you merge it."]
    assert not any(ok for t, ok in content.items() if "change" in t)
    cut = passage("where change_type in ('new', 'changed')\nunion all select customer_id from new_records\n```\n\n"
                  "Test every model before you merge it.")
    assert excerpts.roles(cut).content == (False, False, False, True)


def test_a_passages_roles_are_read_once():
    # The same passages come back question after question: read again each time, the bundled ask took 1.2 ms more
    # (a decorator that slipped onto a new function above `_roles`; bench ask() 2.3x -> 3.0x one query embedding).
    p = passage("## Average Salary\n\n$100,000 - $150,000\n")
    excerpts.roles(p)
    hits = excerpts._roles.cache_info().hits
    excerpts.roles(p)
    assert excerpts._roles.cache_info().hits == hits + 1


def test_a_paragraph_longer_than_any_heading_is_content_without_its_full_stop():
    # A tester's FAQ: "Yes! tech lead responsibility can be assigned to engineers at any level, ... the available capacity
    # of the individual" (no full stop) was read as a heading, and the answer quoted the question before it instead.
    p = passage("Short heading line\n\nYes! tech lead responsibility can be assigned to engineers at any level, although "
                "most commonly this will be at Senior, Senior 2 or Principal Engineer level roles, and will depend on the "
                "scale of the challenge and the available capacity of the individual")
    assert excerpts.roles(p).content[0] is False and excerpts.roles(p).content[-1] is True


def test_sentences_split_inside_a_token_are_quoted_without_a_space_between():
    # A tester's marketing library: "according to Salary.Com." was split after "Salary." and quoted "Salary. Com", and
    # an address after its "?" ("answer/6123881? hl=en"), a broken link.
    text = "The average base salary is $107,758 according to Salary.Com. Apply early."
    cut = text.index("Com.")
    spans = [(0, cut), (cut, cut + 4), (cut + 5, len(text))]
    sents = tuple(Sentence(f"a:s{i}", "a", "a:c0", s, e, text[s:e]) for i, (s, e) in enumerate(spans))
    p = Passage("a:c0", ArticleRecord("a", "Title", "a.md", "0" * 64), "Pay", text, 1.0, 0.9, sentences=sents)
    assert excerpts.render(p.sentences, excerpts.roles(p), (0, 1, 2)) == text
    # ... but sentences the source ran together are spaced ("stops.Next": read blind, the space was preferred).
    text = "Get four years of experience.Then sit the exam."
    cut = text.index("Then")
    sents = tuple(Sentence(f"a:s{i}", "a", "a:c0", s, e, text[s:e]) for i, (s, e) in enumerate([(0, cut), (cut, len(text))]))
    p = Passage("a:c0", ArticleRecord("a", "Title", "a.md", "0" * 64), "PE", text, 1.0, 0.9, sentences=sents)
    assert excerpts.render(p.sentences, excerpts.roles(p), (0, 1)) == "Get four years of experience. Then sit the exam."
    text = "Tools: ProductPlan, Aha!, Roadmunk and Jira."  # no sentence starts at ", Roadmunk"
    cut = text.index(", Roadmunk")
    sents = tuple(Sentence(f"a:s{i}", "a", "a:c0", s, e, text[s:e]) for i, (s, e) in enumerate([(0, cut), (cut, len(text))]))
    p = Passage("a:c0", ArticleRecord("a", "Title", "a.md", "0" * 64), "PM", text, 1.0, 0.9, sentences=sents)
    assert excerpts.render(p.sentences, excerpts.roles(p), (0, 1)) == text


def test_a_bare_reply_is_not_quoted_without_what_it_replies_to():
    # A tester's renewable energy post, written as bold lines each answered below: a chunk opening "That sounds like a
    # lot of work." / "No, it doesn't. ..." was shown without its first line (it leans on the chunk before), and "do i
    # really have to go to engineering school?" opened "No, it doesn't." (the post says "You must go to engineering
    # school."). Kept with it; and a passage opening on the reply itself leans on what it replies to.
    from bot.answer import _quotable

    p = passage("That sounds like a lot of work.\n\nNo, it doesn't. It sounds like fun to me.\n\nBut what about school?\n\n"
                "You must go to engineering school.")
    assert _quotable(excerpts.roles(p))[0] == 0
    p = passage("No, it doesn't. It sounds like fun to me.\n\nYou must go to engineering school.")
    assert excerpts.roles(p).leaning[0] and _quotable(excerpts.roles(p))[0] == 2


def test_a_clause_its_list_completes_leads_the_list():
    # A tester's trades page: "This is a tough question to answer since it will depend on various factors, including"
    # over its list was left out, and the list hung under the heading.
    p = passage("This is a tough question to answer since it will depend on various factors, including\n"
                "- How complex the trade you're learning is\n- Whether you are learning full or part-time.")
    assert excerpts.roles(p).lead[0] and quoted(p, 1)[0].startswith("This is a tough question")
    p = passage("Trade school is a good choice for people who like\n- Working with their hands\n- Short programs")
    assert excerpts.roles(p).lead[0]


def test_a_sentence_naming_the_list_after_it_leads_the_list():
    # A tester's federal resume page: "This is the information that you should include for each position on your
    # resume." over eleven items was the whole answer; so was "... if you are on the following lists." on another.
    from bot.evidence import _PROMISES

    p = passage("This is the information that you should include for each position on your resume.\n- Company name\n"
                "- Dates of employment (MM/YYYY)")
    assert excerpts.roles(p).lead[0]
    p = passage("Include the following details for each position on your resume.\n- Company name\n- Dates of employment")
    assert quoted(p, 1)[0].startswith("Include the following details")
    assert not excerpts.roles(passage("Resumes matter a great deal to recruiters.\n- Company name\n- Dates")).lead[0]
    assert _PROMISES.search("You can also acquire eligibility without the exam if you are on the following lists.")


def test_a_label_over_a_list_of_three_is_a_claim():
    # A tester's optometry library: "Attributes: resilient, communicative, open-minded" (a careers page's line under
    # each role) answered "what personal attributes do you need", and was never quoted: a fragment of four words.
    p = passage("Optometrists examine the eyes to detect defects in vision and signs of disease.\n\n"
                "Attributes: resilient, communicative, open-minded\n\nStep 1: Take a Discovery Flight\n")
    assert excerpts.roles(p).content == (True, True, False)


def test_a_short_reply_to_the_question_before_it_leans_on_it():
    # A tester's maritime library: "Think you need a degree to join Merchant Navy? Think again." gave "Think again." alone
    # as the first words of an answer to "Can I become a captain if I start as a GP rating?", read as a "no".
    p = passage("Think you need a degree to join Merchant Navy? Think again. GP Rating allows 10th pass candidates to "
                "start their maritime career.\n\nIs it hard? The work is physical and the hours are long.\n")
    r = excerpts.roles(p)
    assert r.leaning[1] and not r.leaning[2] and not r.leaning[4]


def test_what_a_side_is_paid_is_no_side_and_getting_something_paid_for_asks_no_sum():
    from bot.question import money_sides
    # A tester's phlebotomy library: "The guides don't compare “paid” with “histotechnicians”".
    assert analyse("do histotechnologists get paid more than histotechnicians?").sides == ("histotechnologists", "histotechnicians")
    assert analyse("is paid work better than volunteering?").sides == ("paid work", "volunteering")
    # ... and "how can i get my phlebotomy training paid for in massachusetts" opened "The guides give no figure for that".
    assert analyse("how can i get my phlebotomy training paid for in massachusetts").type != "amount"
    assert analyse("how much do i get paid for overtime?").type == "amount"
    # An employer's revenue is no worker's pay ("Revenue: $14.4+ billion annually" led "how much does a CRA make at IQVIA?").
    assert money_sides("Revenue: $14.4+ billion annually") == {"business"}
    assert money_sides("how much does a CRA make at IQVIA?") == {"earned"}


def test_how_many_of_a_thing_is_no_duration_or_sum():
    from bot.question import figure_asked, gives_figure
    # A tester's clinical research library: "2-4 years of clinical research experience" led "how many sites does a CRA
    # usually manage at once?".
    question = "how many sites does a CRA usually manage at once?"
    assert figure_asked(question) == "count" and figure_asked("how many years does it take?") == "time:6"
    assert not gives_figure(question, "2-4 years of clinical research experience") and not gives_figure(question, "It pays $450.")
    assert gives_figure("how many people should i interview?", "Try to interview between 10 to 20 people.")


def test_what_a_pay_word_means_asks_no_figure():
    # A tester's data-annotation library: "what does pay per task mean?" opened "The guides give no figure for that."
    assert analyse("what does pay per task mean?").type == "definition"
    assert analyse("what does an RN make?").type == "amount"


def test_a_sum_with_its_sign_after_it_is_a_figure():
    # A tester's bootcamp library: "how much did the german unemployment agency pay for andre's bootcamp" was told "The
    # guides give no figure for that" over "a "cheque" for over 10.000€ from the agency".
    from bot.question import gives_figure

    assert gives_figure("how much did the agency pay for his bootcamp", 'getting a "cheque" for over 10.000€ from the agency')
    assert not gives_figure("how much did the agency pay for his bootcamp", "The agency is open to career changers.")
