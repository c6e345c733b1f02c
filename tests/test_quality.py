"""Answer-quality behaviours with the real model on the real guides: follow-ups, disagreement, refusals, small talk."""

import json
import re

import pytest

from bot import CareerBot
from bot.config import Settings
from bot.index import update
from bot.measure.evaluate import contains_gold, covers_keys, evaluate_bot, load_dataset, normalize
from tests.conftest import ROOT


def _bot_on(tmp_path, embedder, articles: dict[str, str], chunk_chars: int | None = None) -> CareerBot:
    """A bot over a library of these articles (file name -> Markdown), built in tmp_path."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index", chunk_chars=chunk_chars)
    update.build(settings, embedder)
    return CareerBot.load(settings=settings)


def _one_paragraph_articles(**texts: str) -> dict[str, str]:
    """Articles of one paragraph each, titled by their name: others beside the one a test is about."""
    return {f"{name}.md": f"# {name.title()}\n\n{text}\n" for name, text in texts.items()}


def _bot_with_page(tmp_path, embedder, name: str, page: str, **others: str) -> CareerBot:
    """A bot over one article (`name`: its Markdown) and one-paragraph others beside it."""
    return _bot_on(tmp_path, embedder, {name: page, **_one_paragraph_articles(**others)})


def _conversation(bot: CareerBot, *turns: str) -> list[dict]:
    """The history after asking `turns` in order."""
    history: list[dict] = []
    for turn in turns:
        history += [{"role": "user", "content": turn}, {"role": "assistant", "content": bot.ask(turn, history=history).text}]
    return history


def test_follow_up_is_rewritten_with_the_previous_question(guides_bot):
    history = [{"role": "user", "content": "Do I need a master's degree?"},
               {"role": "assistant", "content": guides_bot.ask("Do I need a master's degree?").text}]
    answer = guides_bot.ask("What about a PhD?", history=history)
    assert "PhD" in answer.searched_for and "master's degree" in answer.searched_for
    assert answer.citations and re.search(r"ph\.?d", answer.text, re.I)


def test_a_follow_up_is_searched_for_what_is_new_in_it(guides_bot):
    """The rewritten query still holds the first question ("Is a bootcamp worth it?"), which alone ranks the
    bootcamp passage first; the message's own words count again in the search."""
    history = [{"role": "user", "content": "Is a bootcamp worth it?"}, {"role": "assistant", "content": "..."}]
    answer = guides_bot.ask("and an internship?", history=history)
    assert "bootcamp" in answer.searched_for
    assert "internship" in answer.citations[0].heading.lower()


@pytest.mark.golden
def test_pronoun_follow_up_finds_what_it_refers_to(guides_bot):
    history = [{"role": "user", "content": "What is a machine learning bootcamp?"}, {"role": "assistant", "content": "..."}]
    answer = guides_bot.ask("What are its benefits?", history=history)
    assert "bootcamp" in answer.searched_for.lower()
    assert any("bootcamps teach job-ready skills" in c.text for c in answer.citations)


def test_the_whole_thing_points_back_like_a_pronoun(tmp_path, embedder):
    # "how long does the whole thing usually take?" after a question on the interview process was searched alone
    # and refused as "The guides don't cover “whole”".
    bot = _bot_on(tmp_path, embedder, {
        "interviews.md": "# Sales interviews\n\n## SDR interview process\n\nYou meet a recruiter, then the hiring "
                         "manager, then a panel. The whole process usually takes one to two weeks from the first call.\n",
        "pay.md": "# Pay\n\nSales development reps earn a base salary plus commission on the meetings they book.\n"})
    first = "what's the interview process like for sales dev reps?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": bot.ask(first).text}]
    answer = bot.ask("how long does the whole thing usually take?", history=history)
    assert "interview" in answer.searched_for and not answer.gaps and "two weeks" in answer.text, answer.text


@pytest.mark.parametrize("message", ["ok and what about a PhD?", "Thanks! What about a PhD?", "cool, and a PhD?"])
def test_a_follow_up_after_an_acknowledgement_is_still_a_follow_up(guides_bot, message):
    # "ok and for an M4?" was searched on its own words and refused.
    history = [{"role": "user", "content": "Do I need a master's degree?"}, {"role": "assistant", "content": "..."}]
    answer = guides_bot.ask(message, history=history)
    assert "PhD" in answer.searched_for and "master's degree" in answer.searched_for


def test_what_about_follow_up_answers_the_new_subject(guides_bot):
    first = "Which college majors are good preparation for ML engineering?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    answer = guides_bot.ask("What about a business degree, is that any use?", history=history)
    assert "business degree" in answer.searched_for and "college majors" in answer.searched_for
    assert "business degree valuable" in answer.text


@pytest.mark.golden
def test_a_vague_follow_up_is_answered_about_its_subject(guides_bot):
    # "deal with it" matches any sentence about engineers coping with change; "it" is concept drift.
    first = "What is concept drift?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    answer = guides_bot.ask("So how do engineers deal with it?", history=history)
    assert "concept drift" in answer.searched_for
    # From the concept-drift passage the answer before quoted whole, the sentence on what engineers do about it (the
    # repeat is cut to it: conversation._narrowed): retraining, or "refining the model" as conditions change.
    assert "retrain the model with updated data" in answer.text or "refining the model" in answer.text
    assert "This phenomenon, known as concept drift" not in answer.text


@pytest.mark.parametrize("more", ["Tell me more", "ok, what else?", "can you elaborate?"])
def test_tell_me_more_answers_the_last_question_from_what_was_not_yet_quoted(guides_bot, more):
    # "Tell me more" after an answer was refused: "The guides don't cover that."
    first = "Do I need a master's degree?"
    before = guides_bot.ask(first)
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": before.text}]
    answer = guides_bot.ask(more, history=history)
    assert answer.kind == "answer" and answer.searched_for == first, answer.text
    assert "master" in answer.text.lower()
    shown = {c.text for c in before.citations}
    assert answer.citations and not any(c.text in shown for c in answer.citations)


def test_tell_me_more_after_a_figure_asks_for_more_not_the_figure_again(tmp_path, embedder):
    # A tester's UX library: "tell me more" after "how long does it take?" (answered "a few weeks") opened "The guides
    # give no figure for that." over the next passages.
    from bot.answer import NO_FIGURE

    bot = _bot_on(tmp_path, embedder, {
        "hiring.md": "# The design hiring process\n\n## How long it takes\n\nThe hiring process for design jobs usually "
                     "takes three weeks, but it can be done in one week when a team is in a hurry.\n\n## What happens\n\n"
                     "Most teams start with a portfolio review. Then comes a design exercise, which you present to a panel "
                     "of designers and product managers. The panel asks why you made each decision.\n",
        "exercise.md": "# Design exercises\n\nA design exercise in the hiring process shows how you think. Talk through "
                       "your process out loud and ask questions about the users before you sketch.\n"})
    history = _conversation(bot, "what's the hiring process like for design jobs?", "how long does it take?")
    assert "three weeks" in history[-1]["content"]
    answer = bot.ask("tell me more", history=history)
    assert answer.citations and not answer.text.startswith(NO_FIGURE), answer.text


def test_tell_me_more_when_all_was_said_says_so(tmp_path, embedder):
    bot = _bot_on(tmp_path, embedder, {"gloves.md": "# Gloves\n\nElectricians wear insulated gloves on every site.\n"})
    first = "What gloves do electricians wear?"
    before = bot.ask(first)
    answer = bot.ask("tell me more", history=[{"role": "user", "content": first}, {"role": "assistant", "content": before.text}])
    assert before.citations and not answer.citations and "all the guides say" in answer.text, answer.text


def test_a_word_the_library_never_uses_is_no_gap_when_the_passage_answers_it(tmp_path, embedder):
    """"dangerous" is nowhere in the article, but the question matches its sentence on risk far better with the
    word than without it: a synonym, not a gap (it was "The guides don't cover “dangerous”")."""
    bot = _bot_on(tmp_path, embedder, {
        "safety.md": "# Staying safe as an electrician\n\nElectric shock is the most serious risk in the job. "
                     "Electricians must always isolate a circuit before touching it.\n",
        "pay.md": "# Pay\n\nApprentice electricians usually start on around 18,000 pounds a year.\n"})
    answer = bot.ask("Is it dangerous?")
    assert answer.citations and not answer.gaps and "serious risk" in answer.text, answer.text
    assert "Antarctica" in bot.ask("Is it dangerous in Antarctica?").gaps


@pytest.mark.parametrize("question", ["Is a bootcamp worth it?", "What is MLOps and why does it matter?"])
def test_a_question_that_names_what_its_pronoun_means_is_searched_as_asked_after_another(guides_bot, question):
    # Its "it" made every such question a follow-up of whatever was asked before: after a question on something
    # else it was searched with that question (far-topic questions then drew answers from the earlier topic).
    first = "What should go in my portfolio?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    answer = guides_bot.ask(question, history=history)
    assert "portfolio" not in answer.searched_for and answer.citations, answer.searched_for


@pytest.mark.parametrize("first, message", [("is python the main language for ML?", "why is that tho?"),
                                            ("What salary can I expect?", "Is that figure for the United States?"),
                                            ("Who wrote the beginner's guide?", "how did she get into machine learning?"),
                                            # a share of a set named before, wherever it stands
                                            ("Which programming languages should I learn?", "what if I only know one of them?"),
                                            # "how long" asks, it names nothing
                                            ("What should go in my portfolio?", "how long should that be?"),
                                            # "one" for a thing named before (a flight school's discovery flight)
                                            ("What is a bootcamp?", "how much does one cost?"),
                                            ("What is a portfolio?", "do I really need one?")])
def test_a_pointing_word_before_anything_the_message_names_points_back(guides_bot, first, message):
    # Such a message fits nothing on its own words, so the test a pronoun-only tie passes (KNOBS.context_fit) would
    # search it alone.
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    assert guides_bot.library.expand(first) in guides_bot.ask(message, history=history).searched_for


@pytest.mark.parametrize("question", ["is it going to rain in london this weekend?", "my kitchen tap keeps dripping, how do i fix it?"])
def test_a_question_on_something_else_after_one_the_guides_answer_is_still_refused(guides_bot, question):
    # Its "it" made it a follow-up: searched with the question before, it was answered from that question's passages.
    first = "How long does it take to become an ML engineer?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    answer = guides_bot.ask(question, history=history)
    assert answer.kind == "not_covered" and not answer.citations, answer.text


def test_the_generic_one_of_a_question_is_no_pointing_word():
    from bot.conversation import strongly_depends

    assert not strongly_depends("how does one become a machine learning engineer?")
    assert strongly_depends("how long does one take?") and strongly_depends("where can I get one?")


def test_a_new_question_is_searched_as_asked(guides_bot):
    history = [{"role": "user", "content": "Do I need a master's degree?"}, {"role": "assistant", "content": "..."}]
    answer = guides_bot.ask("What is feature engineering in machine learning?", history=history)
    assert answer.searched_for == "What is feature engineering in machine learning?"


@pytest.mark.golden
def test_disagreement_is_shown_with_both_sides_cited(guides_bot):
    # The firm side is Clarusway's "a bachelor's degree ... is crucial" (its section "Consider an academic
    # degree" ranks first since the learned ranking weighs the question's words in a heading); until then it
    # was ITPro's "Most employers will only employ ... at least a master's", which this answer no longer quotes.
    answer = guides_bot.ask("Do I need a master's degree?")
    assert answer.disagreement and answer.text.startswith("The guides don't all agree")
    cited = " ".join(c.text for c in answer.citations)
    assert "degree in a core field like computer science, mathematics, or data science is crucial" in cited
    assert "master’s degree" in cited
    assert "viable alternatives such as bootcamps" in cited
    assert len({c.article.id for c in answer.citations}) >= 2


@pytest.mark.parametrize("question", [
    "What is overfitting?",
    # "need" and a firm "requires"/"necessary", but the question is not about a route into the job: a
    # bootcamp sentence from another guide is not the other side of it.
    "Why does an ML engineer need communication skills?",
    "Do ML engineers need to know cloud computing?",
    # "soft skills are crucial" against "While not mandatory, languages like R and Java are also valuable": what the
    # second relaxes is not what the first requires.
    "do MLEs need soft skills or is it all just coding",
    # "a strong mathematical foundation is essential ..." is the firm sentence; "programming languages" in the
    # sentence after it is no requirement the same "not mandatory, languages like R and Java" relaxes.
    "Is Python enough or do I need C++?",
])
def test_an_agreed_answer_is_not_framed_as_a_disagreement(guides_bot, question):
    answer = guides_bot.ask(question)
    assert answer.citations and not answer.disagreement and "don't all agree" not in answer.text


def test_no_excerpt_of_another_passage_leads_the_top_passage(guides_bot):
    # ITPro's skills list names evaluation strategies (train-test split, cross-validation) and scores higher than
    # any sentence of the top passage, the beginner's guide's section on evaluating a model; the answer is still
    # that section alone, whole, in its author's order (readers graded a spliced-in lead lower).
    question = "Which model evaluation strategies should I know?"
    answer = guides_bot.ask(question)
    top = guides_bot.retrieve(question, k=1)[0]
    assert [c.article.id for c in answer.citations] == [top.article.id]
    assert answer.text.startswith(top.sentences[0].text) and "Data modeling and evaluation" not in answer.text


def test_the_top_passage_is_quoted_whole_in_the_authors_order_with_its_best_sentences_marked(guides_bot):
    answer = guides_bot.ask("What is MLOps?")
    (top,) = guides_bot.retrieve("What is MLOps?", 1)
    first = answer.citations[0]
    # The passage whole, and where its section goes on into the next chunk found with it, that chunk too.
    assert first.chunk_id == top.chunk_id and list(first.sentences[: len(top.sentences)]) == [s.text for s in top.sentences]
    assert 0 < len(first.highlights) < len(first.sentences)  # what answers, marked within the whole


@pytest.mark.golden
def test_a_list_in_the_top_passage_is_quoted_with_every_item(guides_bot):
    # Items that are fragments ("Gain work experience") were left out, so "the 4 essential steps" showed two.
    text = guides_bot.ask("What are the steps to become a machine learning engineer?").text
    steps = ["Consider an academic degree", "Gain work experience", "Get certified in machine learning",
             "Engage in personal or open-source projects"]
    assert "4 essential steps" in text and all(f"{n}. {step}" in text for n, step in enumerate(steps, 1))


def test_a_question_the_passage_lists_is_not_a_stance_it_takes(tmp_path, embedder):
    # "Is being a PI on an R01 a requirement for tenure?", one of a list of questions to ask at an interview, was
    # read as the guide requiring it, and brought in another guide's "other side" on an unrelated question.
    bot = _bot_on(tmp_path, embedder, {
        "visit.md": "# Faculty interviews\n\n## Questions to ask\n\nWhen you visit a department for a faculty interview, find "
        "out as much as you can. Here are some example questions I would ask:\n\n- What are the expectations for "
        "promotion?\n- Is being a PI on a grant a requirement for tenure?\n- Where do the faculty live?\n- What should I "
        "wear to the interview day?\n",
        "routes.md": "# Routes into research\n\nA doctorate is not always necessary for a research career: there are viable "
        "alternative routes, such as industry labs, where a faculty interview is not required.\n\nMany researchers "
        "move between universities and companies during their careers.\n"})
    answer = bot.ask("do i need to ask about tenure when I visit for a faculty interview?")
    assert answer.citations and answer.citations[0].article.id == "visit"
    assert "- Is being a PI on a grant a requirement for tenure?" in answer.text  # a listed question is an item
    assert not answer.disagreement and "don't all agree" not in answer.text


def test_a_requirement_the_shown_passage_mentions_in_passing_is_no_side_of_a_disagreement(tmp_path, embedder):
    # The passage is shown whole; its skills list names "compliance requirements", which is not what the question
    # asks about. Read as a firm requirement, it brought in another guide's "if not needed" as the other side
    # (an 18F profile, read blind: "falsely says guides disagree").
    bot = _bot_on(tmp_path, embedder, {
        "engineer.md": "# Platform Engineer\n\n## Position summary\n\nAs a platform engineer you will operate cloud "
        "infrastructure. While you may be part of a team that carries maintenance rotations, we value flexible work "
        "lives - no pagers needed!\n\nPlatform engineers on our team are:\n\n- Experienced with cloud platforms with "
        "high availability, security, and compliance requirements.\n- Fluent in at least one infrastructure tool like "
        "Terraform.\n",
        "manager.md": "# Product Manager\n\n## Objectives\n\nPay attention to open source tools that agencies can "
        "reuse, so that we help agencies not build custom infrastructure tools if not needed.\n",
    })
    answer = bot.ask("do platform engineers have to be on call with a pager?")
    assert answer.citations and answer.citations[0].article.id == "engineer" and "no pagers needed" in answer.text
    assert not answer.disagreement and "don't all agree" not in answer.text


def test_the_sentence_an_also_sentence_points_back_to_comes_with_it(guides_bot):
    # "The deployment process also involves ... monitoring" matches best; the sentence it points back to
    # holds the specifics ("cloud platforms, APIs, and databases") and must not be left out.
    answer = guides_bot.ask("What does deploying a model involve?")
    assert "The deployment process also involves setting up monitoring" in answer.text
    assert "This process involves integrating the model with cloud platforms, APIs, and databases" in answer.text


@pytest.mark.golden
def test_the_librarys_own_subject_does_not_pick_the_sentences(guides_bot):
    # Nearly every sentence is about machine learning engineers; the question is about signal processing.
    profile = guides_bot.profile
    assert profile.background == {"machin", "learn", "engin"}
    assert profile.background_words("How does an machine learning engineer use signal processing?") == "machine learning engineer"
    assert profile.background_words("What do machine learning engineers do?") == ""  # nothing else to go by
    answer = guides_bot.ask("What use is signal processing to a machine learning engineer?")
    assert answer.text.startswith("Expertise in signal processing techniques can be very beneficial.")
    assert "voice recognition or image processing" in answer.text


@pytest.mark.golden
def test_list_questions_get_the_list(guides_bot):
    answer = guides_bot.ask("What does a typical machine learning engineer job description include?")
    assert "\n- Designing machine learning systems" in answer.text


@pytest.mark.parametrize("question", ["How do I become a nurse?", "Recommend a good sci-fi movie.", "Who won the world cup?"])
def test_refusal_offers_questions_the_guides_can_answer(guides_bot, question):
    answer = guides_bot.ask(question)
    assert answer.citations == [] and answer.kind == "not_covered"
    assert 2 <= len(answer.suggestions) <= 3 and all(s.endswith("?") for s in answer.suggestions)
    assert all(s in answer.text for s in answer.suggestions)


@pytest.mark.parametrize("question, career", [
    # "commercial" is a word of the guides and "pilot" is not, but only "pilot" was judged: it was no gap by the
    # leave-out test, and the guides' steps to become an ML engineer were given as the answer.
    ("what does it take to become a commercial pilot?", "commercial pilot"),
    ("how do i become a senior product manager", "senior product manager"),
])
def test_another_career_named_with_words_the_guides_use_is_refused(guides_bot, question, career):
    # The 18F profiles, read blind: "how do I become a pilot?" was answered with a product manager's skills,
    # "pilot" being a word of that library ("a pilot project") that none of the passages found holds.
    answer = guides_bot.ask(question)
    assert answer.kind == "not_covered" and answer.citations == [] and answer.gaps == (career,)
    assert guides_bot.ask("how do I become a machine learning engineer?").kind == "answer"


def test_the_askers_short_form_of_the_librarys_career_is_that_career(tmp_path, embedder):
    # "The guides don't cover “pharmacy tech”" over a library on pharmacy technicians (a tester's allied-health one).
    bot = _bot_on(tmp_path, embedder, {
        "pharmacy-technician.md": "# How to become a pharmacy technician\n\nTo become a pharmacy technician you finish a "
        "training program and pass the certification exam. Most states then ask you to register with the state board "
        "of pharmacy before you start work.\n\nA pharmacy technician counts pills, labels bottles and works the "
        "register under a pharmacist.\n",
        "pay.md": "# Pharmacy technician pay\n\nPharmacy technicians earned a median of $40,300 a year in 2023. Hospital "
        "pharmacy technicians earn more than retail ones.\n",
    })
    answer = bot.ask("how do i become a pharmacy tech in texas")
    assert answer.kind == "answer" and "pharmacy tech" not in " ".join(answer.gaps), (answer.gaps, answer.text)


def test_a_section_under_the_question_asked_is_quoted_from_its_first_paragraph(tmp_path, embedder):
    # A tester's PM library: "do i need a cs degree to be a product manager?" was answered with the second paragraph
    # under "Do I need a CS degree to work at Google?" (it names product managers), not the reply that opens it.
    bot = _bot_on(tmp_path, embedder, {
        "faq.md": "# Neel's FAQs\n\n## Being a product manager at Google\n\n### Do I need a CS degree to work at Google?\n\n"
        "Hard to say. Most of the APMs I know have CS degrees, but several did entirely different majors. Everyone has "
        "done some software engineering in the past, even if that's just hacking on side projects.\n\nIf you ask me, "
        "having a strong technical background is important if you want to become a product manager. You should also be "
        "able to explain tech concepts and know trends in the tech industry.\n\n### What skills do you need?\n\n"
        "Knowing the fundamentals of tech, communicating clearly and making decisions with data.\n\n"
        "### How can I become an Associate Product Manager (APM)?\n\nThe best way to get started is to read the official website, which has "
        "details about the program and tips from current and former APMs.\n\nThere's a full-time APM role, for which "
        "applications open in early August and usually run till the end of September.\n",
        "day.md": "# A day in the life of a product manager\n\nMost of my day is meetings with engineers and designers. I "
        "write specs in the mornings and review launches in the afternoons.\n",
    })
    text = bot.ask("do i need a cs degree to be a product manager?").text
    assert text.removeprefix("Do I need a CS degree to work at Google?\n").startswith("Hard to say. Most of the APMs"), text
    # One word shared is not the question asked: "How can I become an APM?" does not ask when applications open.
    dates = bot.ask("when do google apm applications open?").text
    assert dates.startswith("There's a full-time APM role"), dates


def test_a_nested_list_is_quoted_nested(tmp_path, embedder):
    # Quoted flat, two talks listed under "Debug your code" read as two more steps (a held-out library, read blind).
    bot = _bot_on(tmp_path, embedder, {
        "asking.md": "# Asking questions about your code\n\n## Before asking questions\n\n- Check for typos. Sometimes an "
        "error comes from a single typo.\n- Search for the error message. Someone has often met the same problem.\n"
        "- Debug your code. You can watch these sessions about debugging:\n  - Debugging JavaScript and the front end\n"
        "  - The web dev debugging hour\n- Write down what you tried. It helps whoever answers.\n",
    })
    text = bot.ask("what should i do myself before asking for help with an error in my code?").text
    assert "\n- Debug your code." in text
    assert "\n  - Debugging JavaScript and the front end\n  - The web dev debugging hour\n- Write down" in text


def test_items_indented_under_a_plain_item_are_quoted_nested(tmp_path, embedder):
    # PagerDuty's customer liaison tips (a fit library): example messages indented under "Describe our progress."
    # were quoted flat, each read as one more tip.
    bot = _bot_on(tmp_path, embedder, {
        "liaison.md": "# Customer liaison\n\n## Crafting a public message\n\nHere are some tips for a public message "
        "about an incident:\n\n* Be honest.\n    * Never lie, and never guess.\n* Describe our progress in resolving "
        "the incident.\n    * \"We are aware of an incident...\"\n    * \"A fix is being deployed...\"\n* Don't "
        "estimate resolution times.\n",
    })
    text = bot.ask("what should a public message about an incident say?").text
    assert "\n- Be honest.\n  - Never lie, and never guess.\n- Describe our progress" in text
    assert 'the incident.\n  - "We are aware of an incident..."\n  - "A fix is being deployed..."\n- Don' in text


def test_a_quoted_example_is_shown_with_its_lead_in_and_its_quoted_list(tmp_path, embedder):
    # The federal resume example, read blind: the answer left out "This is an example of ...:" (a dangling lead-in)
    # and the example's "> - " duties (lines without full stops), so a sample resume read as the guide's advice.
    bot = _bot_on(tmp_path, embedder, {
        "resume.md": "# Preparing your resume\n\n## Example resume excerpt\n\nThis is an example of what your resume "
        "might look like for a position with the agency:\n\n> Digital Services Office - Washington, DC\n\n> *Software "
        "Engineer - 2015 to present - 40 hours per week*\n\n> Developer for a job posting portal used by more than 500 "
        "offices, with more than ten million applicant accounts.\n> - Led and managed backend web development\n> - "
        "Built metrics dashboards for hiring managers\n",
    })
    text = bot.ask("what should the job entries on my resume look like?").text
    assert "This is an example of what your resume might look like for a position with the agency:" in text
    assert "\n> - Led and managed backend web development\n> - Built metrics dashboards for hiring managers" in text
    assert "- > -" not in text


def test_a_quotation_is_quoted_with_its_lead_in(tmp_path, embedder):
    # The passage opens on "For example, Active Admin starts its contributing guide with:", a sentence leaning on the
    # chunk before, so it was left out and its quotation stayed, read as the guide's own words (a blind reader).
    filler = " ".join(f"Sentence {n} of the introduction talks about open source projects in general." for n in range(15))
    bot = _bot_on(tmp_path, embedder, {
        "contributing.md": "# Starting a project\n\n## Writing your contributing guidelines\n\n" + filler + "\n\nFor "
        "example, Active Admin starts its contributing guide with:\n\n> First off, thank you for considering "
        "contributing to Active Admin. It's people like you that make it a great tool.\n\nIn the earliest stages of "
        "your project, your CONTRIBUTING file can be simple. You should always explain how to report bugs or file issues.\n",
    })
    assert bot.retriever.store.chunks[1].text.startswith("For example, Active Admin")  # the case: a chunk opens on it
    text = bot.ask("how do I write a friendly contributing guide that thanks people?").text
    assert "For example, Active Admin starts its contributing guide with:\n\n> First off, thank you" in text


APPRENTICESHIPS = {
    "apprenticeships.md": "# Apprenticeships\n\n## What an apprenticeship is\n\nAn apprenticeship is a real job where "
    "you learn, gain experience and get paid. You spend at least 20% of your time in off-the-job training.\n\n"
    "## Pay\n\nIf you're aged 16 to 18 or in the first year of your apprenticeship, you're entitled to the apprentice "
    "rate. If you're 19 or over and have finished the first year, you are entitled to the national minimum wage for "
    "your age.\n\n## Duration\n\nIt takes between one and six years to complete an apprenticeship, depending on "
    "its level.\n\n## Assessment\n\nAt the end you take an end-point assessment with an independent assessor.\n\n"
    "## Degrees\n\nA degree apprenticeship gives you a university degree and work experience, which makes you more "
    "employable than a graduate who took the university route.\n",
}


@pytest.mark.parametrize("question, not_a_gap", [
    ("im 20 and in yr 2 of my apprenticeship, do i get paid the NMW now?", "NMW"),  # the passage spells it out
    ("what's an end point assessment (EPA)?", "EPA"),  # the question spells it out
    ("is a degree apprenticeship better than going to uni?", "uni"),  # the library's "university", clipped
])
def test_an_acronym_or_clipping_of_the_librarys_own_words_is_no_gap(tmp_path, embedder, question, not_a_gap):
    # A library nobody had tuned on (apprenticeships in England, read blind): answerable questions opened with
    # "The guides never mention “NMW”" where the passage says "national minimum wage", and "don't compare".
    bot = _bot_on(tmp_path, embedder, APPRENTICESHIPS)
    answer = bot.ask(question)
    assert answer.kind == "answer" and not any(not_a_gap.lower() in gap.lower() for gap in answer.gaps), answer.gaps


def test_a_place_the_library_never_names_is_a_gap_however_close_its_passages(tmp_path, embedder):
    # A tester's library on Massachusetts licensing: "how do i become a pharmacy tech in Texas" was answered with the
    # Massachusetts rules and no word of the gap (the passages fit the question with "Texas" nearly as well as
    # without it: 0.73 against 0.78, inside the leave-out test's margin). A name is what it names.
    bot = _bot_on(tmp_path, embedder, {
        "ma.md": "# Pharmacy technician in Massachusetts\n\nTo become a pharmacy technician in Massachusetts, you need a "
        "license from the state Board of Registration in Pharmacy. You must be at least 18 and have a high school diploma "
        "or GED. Then you qualify in one of three ways: work 500 hours as a trainee, finish a Board-approved training "
        "program, or pass a national exam. The license application fee is $150.\n",
        "job.md": "# What pharmacy technicians do\n\nPharmacy technicians count pills, label bottles and work the register "
        "under a pharmacist. Most work in retail stores; hospital jobs pay more.\n"})
    answer = bot.ask("how do i become a pharmacy tech in Texas")
    assert answer.kind == "answer" and answer.gaps == ("Texas",), answer.gaps


def test_an_acronym_the_library_never_writes_is_a_gap_however_close_its_passages(tmp_path, embedder):
    # Held-out benchmark libraries: "how does the FERS pension work for fed employees?" was answered with the step
    # increases and no word of the gap (0.470 with "FERS pension", 0.471 without: the leave-out test saw nothing
    # missing), "does an engagement manager need a PMP cert?" with the trainee's duties. An acronym of three letters
    # or more typed in capitals names one thing, as a capitalized name does.
    bot = _bot_on(tmp_path, embedder, {
        "pay.md": "# Pay and benefits\n\nFederal employees on the general schedule range from GS-1 to GS-15. A step "
        "increase is the most common kind of raise. Benefits include health insurance, the Thrift Savings Plan with up "
        "to a 5% match, and paid leave. Raises follow a good performance review.\n",
        "apply.md": "# How to apply\n\nRead the job announcement, then submit your resume and documents on USAJOBS "
        "before the closing date.\n"})
    answer = bot.ask("do i need a PMP to get a raise?")
    assert answer.kind == "answer" and answer.gaps == ("PMP",), (answer.kind, answer.gaps)
    assert not bot.ask("do i need a performance review to get a raise?").gaps


def test_an_acronym_the_library_writes_in_the_plural_is_known(tmp_path, embedder):
    # A tester's PM library writes "PRDs" only: "is there a good PRD template?" opened "The guides never mention “PRD”".
    from bot.evidence import knows

    bot = _bot_on(tmp_path, embedder, {"apm.md": "# A day in the life of an APM\n\nMost of my time is best spent "
                                       "writing: tickets, PRDs, slide decks and meeting notes for the team.\n"})
    assert knows(bot.profile, "PRD") and knows(bot.profile, "PRDs") and not knows(bot.profile, "ATS")


def test_a_list_split_between_chunks_is_quoted_from_its_first_item(tmp_path, embedder):
    # A tester's academia library: "how long do i have to accept a faculty offer" opened at "2. This job is not your
    # favorite": the list's lead-in ("Here are a few common situations and how to deal with them.", no colon) and
    # its first item were in the chunk before.
    filler = " It happens to many people, and committees see it every year, so there is nothing to be ashamed of here at all."
    items = ["You got an offer but you are sure you will not take this job. Refuse the offer straight away." + filler * 3,
             "This job is not your favorite and you are waiting for other offers. Give the committee a chance." + filler * 3,
             "Your family may not be able to move. Discuss it with the committee, who may be able to help." + filler * 3,
             "You are delaying the decision to get more offers as leverage. Please do not do this." + filler * 2]
    bot = _bot_on(tmp_path, embedder, {"offers.md": "# Postdoc offers\n\n## What if I get multiple postdoc offers?\n\n"
        "Congratulations! You will now have to accept one postdoc offer and reject the others. Here are a few common "
        "situations and how to deal with them.\n\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(items, 1)) + "\n"})
    assert len(bot.store.chunks) == 2 and bot.store.chunks[1].text.startswith("3. ")
    answer = bot.ask("what if my family can't move for a postdoc offer?")
    assert "1. You got an offer" in answer.text and "3. Your family may not be able to move." in answer.text, answer.text


def test_a_section_ranked_by_its_second_half_is_quoted_from_its_start(tmp_path, embedder):
    # A tester's freelancing Q&A: "is it important to niche down?" was answered "So no, I don't think you need a
    # niche." alone, the section's last chunk, where its first ("Short answer: nope. Stay general. ...") came second.
    items = ["I worked directly with small businesses and handled every project from start to finish, which was most of my work.",
             "I partnered with an SEO specialist who handled the client relationship while I handled the development work.",
             "I collaborated with a content writer on several sites, and we billed our clients separately for our parts.",
             "I did contract work for an agency and followed their project management system, with its endless revisions.",
             "I taught a weekend course on building websites for local shops, which brought in a few clients of its own.",
             "I built and sold two small themes, which taught me how much support a product needs after it ships."]
    bot = _bot_on(tmp_path, embedder, {"qa.md": "# Freelancing Q&A\n\n## Did you think it was important to niche down as a "
        "freelancer?\n\nShort answer: nope. Stay general. If you are asking whether a niche gives you an edge, maybe, but I "
        "don't think so, and it sounds boring. What I do think is important is diversifying your freelance work. Here is "
        "what that looked like for me:\n\n" + "\n".join(f"- {t}" for t in items) + "\n\nSo no, I don't think you need a "
        "niche as a freelancer. I think you need options. The broader your experience, the more valuable you become.\n\n"
        "## What was your biggest mistake?\n\nForming an LLC with a collaborator. It was a painful lesson in money.\n"})
    assert bot.retrieve("do I need a niche as a freelancer?", k=1)[0].text.startswith("- I built and sold")
    answer = bot.ask("do I need a niche as a freelancer?")
    assert "Short answer: nope. Stay general." in answer.text and "So no, I don't think you need a niche" in answer.text, answer.text


def test_a_short_section_over_its_subsections_is_quoted_with_their_headings(tmp_path, embedder):
    # A tester's mobile-developer library: "what things does a junior NOT need to know" was answered with the section's
    # one sentence, "Most of these you can look up ...": the things were its subsections.
    subsections = {"Specific details of syntax": "I do not expect you to know the exact syntax of every method or block.",
                   "Knowledge of the command line": "While it is a huge benefit, you can build an iOS app without the Terminal.",
                   "The Objective-C runtime": "You can get a long way without running into this at all."}
    bot = _bot_on(tmp_path, embedder, {"mvp.md": "# Minimum viable programmer\n\n## Things I expect a junior developer to "
        "know\n\nYou should know how to write a simple app, use version control and ask for help when you are stuck.\n\n"
        "## Things I do not expect a junior developer to know\n\nMost of these you can look up or learn when it becomes "
        "relevant, which is why I consider them non-essential.\n\n" + "".join(f"### {h}\n\n{t}\n\n" for h, t in subsections.items())})
    answer = bot.ask("what things does a junior not need to know?")
    assert "Most of these you can look up" in answer.text, answer.text
    assert all(h in answer.text for h in subsections), answer.text


def test_a_numbered_list_with_no_lead_in_is_quoted_from_its_first_item(tmp_path, embedder):
    # A tester's translation library: "What steps should a student take to start a translation career?" was answered
    # with steps 7 to 9 of 9: the list opens right under its heading, with no lead-in, and steps 1-6 were chunks before.
    filler = " Take your time with it, ask colleagues for advice, and keep notes of what you learn along the way."
    steps = ["Make sure your target language meets the requirements of the clients." + filler * 2,
             "Specialize in only one field at first, then add specialties later." + filler * 2,
             "Pay close attention to what each client needs, and ask questions." + filler * 2,
             "Learn the technology of a localization workflow and the people in it." + filler * 2,
             "Never translate expecting someone else to revise your work afterwards." + filler * 2,
             "Join your national translators association and read its code of conduct." + filler * 2,
             "Join professional social media groups and share what you know with colleagues.",
             "Give back to the community through volunteer translation initiatives.",
             "Keep learning through training courses, webinars and conferences."]
    bot = _bot_on(tmp_path, embedder, {"students.md": "# Starting a translation career\n\n## What steps should a student take "
        "to start a translation career?\n\n" + "\n\n".join(f"{i}. {t}" for i, t in enumerate(steps, 1)) + "\n"})
    rows = [c.text.lstrip()[:2] for c in bot.store.chunks]
    assert len(rows) >= 3 and rows[0] == "1." and "7." in [r for r in rows[1:]], rows
    answer = bot.ask("what steps should a student take to start a translation career?")
    assert "1. Make sure your target language" in answer.text and "9. Keep learning" in answer.text, answer.text


# A tester's "## Reference" was "tell me more"'s answer; another's "## SOURCES" over "### Code4rena:" answered "code4rena how join".
@pytest.mark.parametrize("heading", ["References", "Reference", "Sources", "SOURCES\n\n### Cited works"])
def test_a_list_of_references_is_not_quoted_as_an_answer(tmp_path, embedder, heading):
    # A held-out library (research software engineering): "whats the risk if scientists just let AI agents crank out all
    # their code?" was answered "References: - S. A. Besser, ... Open Res Europe, vol. 6, p. 5": the titles cited
    # matched the question best, and say nothing themselves.
    bot = _bot_on(tmp_path, embedder, {"genai.md": "# Generative AI in research software\n\n## Risks\n\nWhen researchers "
        "use agentic coding tools without enough experience, over-reliance on these tools risks a large maintenance burden "
        "later. Code nobody understands is hard to fix.\n\n## Skills\n\nResearch software engineers review and test what "
        f"the tools write.\n\n## {heading}\n\n- S. A. Besser and D. S. Katz, 'How generative AI agents are shaping research "
        "software development at a university', Open Res Europe, vol. 6, p. 5, 2026.\n- J. Smith, 'Risks of AI coding "
        "agents in science', Nature, 2025.\n"})
    answer = bot.ask("what are the risks of AI coding agents in science?")
    assert answer.text.startswith("When researchers use agentic coding tools"), answer.text


def test_the_writers_own_story_is_not_offered_as_a_question(tmp_path, embedder):
    # A tester's freelancing library offered "How did I find work?" (a consultant's post) with every refusal and greeting.
    bot = _bot_on(tmp_path, embedder, {
        "consulting.md": "# A year of freelance data science\n\n## How did I find work?\n\nThe majority of my clients "
        "came through my network. Former colleagues sent most of the work my way.\n\n## What did I charge?\n\nI charged "
        "hourly at first, then moved to fixed project fees once I knew how long work took.\n",
        "clients.md": "# Finding clients as a freelancer\n\n## Where do freelance clients come from?\n\nMost freelance "
        "clients come from referrals. Tell everyone you know that you are available for work.\n"})
    for answer in (bot.ask("how do i get a work visa in brazil as a freelancer?"), bot.ask("hi")):
        assert "Where do freelance clients come from?" in answer.text, answer.text
        assert "How did I" not in answer.text and "What did I" not in answer.text, answer.text


def test_an_acronym_typed_in_the_plural_is_the_one_the_library_writes(tmp_path, embedder):
    # A tester's academia library: "should i cold email PIs for a postdoc?" opened "The guides never mention “PIs”"
    # over a passage on "the principal investigator (PI)".
    from bot.evidence import knows

    bot = _bot_on(tmp_path, embedder, {"postdoc.md": "# Finding a postdoc\n\nMost postdocs are funded by a grant: the "
                                       "principal investigator (PI) needs someone to complete the work. Email the PI "
                                       "directly with your CV and a short note on your research.\n"})
    assert knows(bot.profile, "PIs") and not knows(bot.profile, "TAs")


def test_words_that_only_say_how_a_question_is_asked_are_no_gap(tmp_path, embedder):
    # The same library: "The guides never mention “long”" (of "how long"), "“roughly”", "“onto”", and a comparison
    # "on “like, wats”" ("is it more like a college course or a job?").
    from bot.config import THRESHOLDS
    from bot.evidence import unknown_phrases
    from bot.question import analyse

    bot = _bot_on(tmp_path, embedder, APPRENTICESHIPS)
    for question in ("how long does an apprenticship take to finish? is it like 2 yrs or what",
                     "roughly what % of an apprentices time is spent training?",
                     "how did she get onto the apprenticeship in the first place?"):
        assert unknown_phrases(bot.profile, question, embedder.embed_query(question), THRESHOLDS.salient_word) == ()
    aspect = analyse("wats an apprenticeship actually, is it more like a college course or a job?").aspect
    assert "like" not in aspect and "wats" not in aspect
    # A name is named whole, the capitalised word the library uses with it ("Home"): a tester's trades library said the
    # guides never mention “Depot” of "does Home Depot hire apprentice plumbers".
    # A state typed by its postal code is named by its passages' state (a tester's cosmetology library: "The guides
    # never mention “CA”" over "Geographic Location Within California").
    from bot.evidence import _written_otherwise

    texts = ["what do new stylists make in CA?", "2. Geographic Location Within California: pay varies by city."]
    assert _written_otherwise(("CA",), texts, set()) == () and _written_otherwise(("TX",), texts, set()) == ("TX",)
    question = "does Training Depot pay apprentices? Can I Xylophonize"
    assert unknown_phrases(bot.profile, question, embedder.embed_query(question), 0.0) == ("Training Depot", "Xylophonize")


def test_a_heading_several_articles_share_is_offered_with_its_article(tmp_path, embedder):
    # Job profiles that each open with "Role summary": a refusal offering "What do the guides say about “Role
    # summary”?" names none of them. A heading only one article has is offered as it is.
    profile = "# {title}\n\n## Role summary\n\n{summary}\n\n## {own}\n\n{detail}\n"
    bot = _bot_on(tmp_path, embedder, {
        "designer.md": profile.format(title="Product Designer", summary="You will design public services with users.",
                                      own="Design research methods", detail="Run usability tests every sprint."),
        "engineer.md": profile.format(title="Platform Engineer", summary="You will run cloud infrastructure for agencies.",
                                      own="Infrastructure tools used", detail="We use Terraform and Kubernetes daily."),
    })
    offered = bot.profile.suggestions(bot.embedder.embed_query("what does the job involve in general?"))
    assert any("role summary in “" in s for s in offered)
    assert not any(s.endswith("role summary?") for s in offered)
    shared = [s for s in offered if "role summary" in s]
    assert all(s.endswith(("in “Product Designer”?", "in “Platform Engineer”?")) for s in shared)


def test_a_heading_offered_as_a_question_reads_as_one():
    # "What do the guides say about “Adult learners”?" (a tester: "reads awkwardly"): a heading in sentence case is
    # asked about in the sentence's own case; one in title case or with other marks is quoted as written.
    from bot.library import about

    assert about("Adult learners") == "What do the guides say about adult learners?"
    assert about("AI and machine learning") == "What do the guides say about AI and machine learning?"
    assert about("Research & design") == "What do the guides say about “Research & design”?"
    assert about("Skylight Career Pathways") == "What do the guides say about “Skylight Career Pathways”?"
    assert about('"Anyone can write"') == "What do the guides say about “Anyone can write”?"
    # a title quoted in the heading: no lone quote left ("“On Being a Senior Engineer" - Level Up ...”)
    # a heading worded as a question is asked as written; one that leans on its page is not
    assert about("What to Write About as a Developer") == "What to Write About as a Developer?"
    assert about("What to do with it") == "What do the guides say about “What to do with it”?"
    # a heading of five words or more is a phrase of its own: quoted, not run into the sentence
    assert about("Make AI fluency a visible strength") == "What do the guides say about “Make AI fluency a visible strength”?"
    assert about("how to handle the questions") == "How to handle the questions?"  # a lowercase heading, asked capitalized
    assert (about('"On Being a Senior Engineer" - Level Up Your Core Skills')
            == "What do the guides say about “‘On Being a Senior Engineer’ - Level Up Your Core Skills”?")


def test_a_question_heading_that_leans_on_its_page_is_offered_with_its_article(tmp_path, embedder):
    # PagerDuty's role pages: a refusal offered "How can I become one?" and "Who are they?", which ask nothing
    # without the page; a heading question that stands alone is offered as it is.
    bot = _bot_on(tmp_path, embedder, {
        "commander.md": "# Incident Commander\n\n## Who are they?\n\nThe commander runs the response to a major "
        "incident and makes the decisions on the call.\n\n## How can I become one?\n\nShadow three incidents, then "
        "lead one with a trained commander watching.\n",
        "scribe.md": "# Scribe\n\n## What does a scribe write down during an incident?\n\nThe scribe records "
        "decisions, actions and follow-up items on the call.\n",
    })
    offered = bot.profile.suggestions(bot.embedder.embed_query("who leads an incident and how do I learn to?"))
    assert "How can I become one? (in “Incident Commander”)" in offered
    assert "Who are they? (in “Incident Commander”)" in offered
    assert "What does a scribe write down during an incident?" in offered


@pytest.mark.parametrize("message", ["hi", "Hello!", "thanks", "Thank you so much", "what can you do?", "help",
                                     "thanks, that really helped!", "lol ok", "hi there", "you're useless", "ok cool",
                                     "This is useless.", "haha", "got it, thanks a lot", "cheers, that's really helpful 🙂",
                                     "thanks a lot, that's great", "appreciate it", "you ok?", "that makes sense, thank you!",
                                     "hi there, what can you do?", "sounds good, cheers", "hey there! hows it going",
                                     "how are you doing today?", "hello, how is it going?", "hey whats up",
                                     "thanks, that actually really helped!", "ok cool ty, thats all i needed",
                                     "that's everything I wanted to know, thanks", "who made you?", "are you a bot?",
                                     "heyy", "hiii there", "hellooo", "thanks, that helps a lot!",
                                     "hello! what can you help me with?", "hi, what can you tell me about?",
                                     "what can u help me with", "ok bye", "good morning how r u", "are you a real person?",
                                     "are u human", "ur kinda useless lol", "you're the best", "who r u?",
                                     "lol ur useless", "haha ur so dumb"])
def test_small_talk_gets_a_friendly_reply_not_retrieval(guides_bot, message):
    answer = guides_bot.ask(message)
    assert answer.kind == "smalltalk" and answer.citations == []
    assert len(answer.text) < 400


def test_a_farewell_after_an_opener_is_a_goodbye(guides_bot):
    assert guides_bot.ask("ok bye").text == "Good luck! Come back any time."


@pytest.mark.parametrize("message", ["thanks! what about a PhD?", "hey, what skills do I need?", "ok so is a degree needed?",
                                     "help me choose a degree", "lol how much do they earn", "thanks, that's great, can you do salaries?",
                                     "appreciate it, and what about bootcamps?", "you ok with questions on pay?",
                                     "hey whats up with the job market?", "how are things going for new graduates?",
                                     "ok cool, i needed to know about internships", "who made the career framework?",
                                     "are you sure about the salaries?"])
def test_small_talk_with_a_question_in_it_is_answered(guides_bot, message):
    assert guides_bot.ask(message).kind != "smalltalk"


def test_abbreviations_are_expanded_for_search(guides_bot):
    answer = guides_bot.ask("What do ML engineers earn?")
    assert "machine learning" in answer.searched_for
    assert any("$165,462" in c.text or "$147,134" in c.text for c in answer.citations)
    assert guides_bot.library.expand("Is an ML certification worth it, or an MLE one?") == (
        "Is a machine learning certification worth it, or a machine learning engineer one?"
    )


def test_gold_matching_normalizes_and_accepts_a_long_shared_run():
    assert contains_gold("It’s a  “dynamic” graph — truly", ["it's a \"dynamic\" graph - TRULY"])
    passage = "x" * 10 + "engineers clean the raw data, handle missing values, and more" + "y" * 10
    quote = "before that, engineers clean the raw data, handle missing values, and transform it"
    assert contains_gold(passage, [quote])  # a 40+ character run in common
    assert not contains_gold("engineers clean data", [quote])
    assert covers_keys("Use the Cloud and an API.", [["api"], ["cloud", "aws"]])
    assert not covers_keys("Use the cloud.", [["api"], ["cloud"]])
    assert normalize("A\u2013B  C") == "a-b c"


def test_dev_set_refusals_are_right(guides_bot):
    """Calibration guard: every out-of-scope dev question refused, no answerable one refused."""
    report = evaluate_bot(guides_bot, load_dataset(ROOT / "eval" / "dev.jsonl"))
    assert report.out_of_scope_refused == "4/4" and report.answerable_refused == []
    assert report.follow_ups_right == "3/3"


def test_eval_command_prints_ours_beside_the_baseline(capsys, tmp_path):
    from bot.apps.cli import main

    rows = [json.loads(line) for line in (ROOT / "eval" / "dev.jsonl").read_text().splitlines()]
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(json.dumps(r) for r in rows if r["id"] in ("d03", "do1", "df2")) + "\n")
    assert main(["eval", "--dataset", str(small), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ours, base = data["career_bot"], data["langchain_baseline"]
    assert ours["hit_at_1"] == 1.0 and ours["out_of_scope_refused"] == "1/1" and ours["follow_ups_right"] == "1/1"
    assert base["out_of_scope_refused"] == "0/1" and base["questions"] == 1
    assert main(["eval", "--dataset", str(small)]) == 0
    assert "langchain baseline" in capsys.readouterr().out


# ---- what a question asks for, and what the guides don't say (the bundled guides) ------------------


def test_a_list_question_gets_the_items(guides_bot):
    answer = guides_bot.ask("What should go in my portfolio?")
    assert "recommendation systems" in answer.text and "image recognition" in answer.text


def test_an_amount_question_gets_a_figure_the_guides_give(guides_bot):
    answer = guides_bot.ask("how much do ML engineers make in the US?")
    figures = re.findall(r"\$\d[\d,]*", answer.text)
    guides = " ".join(p.read_text() for p in (ROOT / "corpus").glob("*.md"))
    # The guides give several US figures (2020's average, Glassdoor's total pay): any of them answers.
    assert figures and all(f in guides for f in figures) and answer.gaps == ()


def test_a_comparison_quotes_the_sentences_that_contrast_the_two(guides_bot):
    answer = guides_bot.ask("tensorflow vs pytorch, which one should i pick?")
    assert "large-scale" in answer.text and "research environments" in answer.text


def test_a_comparison_the_guides_never_make_is_named_first_as_a_gap(guides_bot):
    answer = guides_bot.ask("Do ML engineers earn more at startups or at big tech companies?")
    assert answer.gaps and "startups" in answer.gaps[-1] and "big tech companies" in answer.gaps[-1]
    assert answer.text.startswith("The guides don't compare “startups” with “big tech companies”")  # said first


@pytest.mark.golden
def test_a_missing_detail_is_named_then_what_the_guides_say_in_general(guides_bot):
    answer = guides_bot.ask("How much do machine learning engineers make in Europe?")
    assert answer.gaps == ("Europe",) and answer.citations
    assert answer.text.startswith("The guides never mention “Europe”. What they do say in general:")


@pytest.mark.parametrize("question", [
    "can i get H1B visa sponsorship as an MLE?",
    "what GPU or laptop should i buy to learn deep learning at home?",
])
def test_a_question_whose_subject_the_guides_never_mention_is_refused_naming_it(guides_bot, question):
    answer = guides_bot.ask(question)
    assert answer.kind == "not_covered" and answer.citations == [] and answer.gaps
    assert all(f"“{gap}”" in answer.text for gap in answer.gaps)


@pytest.mark.parametrize("question", [
    "what stats do i need for ML?",  # "stats" is how people write the guides' "statistics"
    "whats the projected job growth for ML over the next decade?",  # "2020 to 2030" answers "next decade"
    "what math do i need for ML eng? im kinda rusty lol",  # fillers are no gap
])
def test_the_askers_own_words_for_what_the_guides_cover_are_no_gap(guides_bot, question):
    answer = guides_bot.ask(question)
    assert answer.kind == "answer" and answer.gaps == ()


def test_answer_shape_on_the_answers_dev_set(guides_bot):
    """Calibration guard (eval/answers_dev.jsonl): no answerable question refused, the far and near ones
    handled honestly, and no answer quoting markup, headings or a sentence without what it leans on."""
    from bot.measure.evaluate import evaluate_answers

    report = evaluate_answers(guides_bot, load_dataset(ROOT / "eval" / "answers_dev.jsonl"))
    # near-topic: 10/10 before config.Thresholds.gap_margin (fitted on the benchmark libraries; see its evidence)
    assert report.answerable_refused == [] and report.far_refused == "4/4" and int(report.near_honest.split("/")[0]) >= 7
    assert report.leaning_orphans == 0 and report.markup == 0 and report.non_content == 0
    # 0.86 when answers were stitched from excerpts tuned on this set; 0.73 since the top passage is shown whole
    # (docs/evaluation.md: readers of unseen libraries preferred it).
    assert report.key_coverage >= 0.70


@pytest.mark.parametrize("question", ["Is an ML certifcation worth it?", "what do i need for a machine learning intervew?"])
def test_a_misspelled_word_of_the_guides_is_not_named_as_a_gap(guides_bot, question):
    answer = guides_bot.ask(question)
    assert answer.citations and answer.gaps == ()


@pytest.mark.parametrize("question, gap", [("Is an ML certification from Coursera worth it?", "Coursera"),
                                           ("how much do ML engineers earn in India?", "India")])
def test_a_word_the_guides_never_use_is_still_a_gap(guides_bot, question, gap):
    assert gap in guides_bot.ask(question).gaps


@pytest.mark.parametrize("question, text, gives", [
    ("how much does an M5 manager get paid?", "M5 managers set a 15% promotion target.", False),  # a level, a share
    ("what do postdocs get paid per year?", "The average salary is $58,000.", True),
    ("how many years does it take to get promoted?", "Assuming a 15% promotion target.", False),
    ("how many years is the tenure clock?", "Consider taking 1-2 years of research time first.", True),
    ("how many recommendation letters do applications ask for?", "Most ask for three strong letters.", True),
    ("how many people took part?", "The survey had 35 participants.", True),  # counted in the text's own words
    ("what's the difference between a SEV-1 and a SEV-2?", "A SEV-2 is major.", False),
    ("how much of a faculty salary comes from grants?", "One only needs to raise 50% of one's salary.", True),
    ("typically how many yrs before a junior analyst is promoted?", "Starting salaries range from $55,000 to $80,000.", False),
    ("how much time does a masters take?", "A masters can take as little as 12 months.", True),
    # a count of one unit is answered in that unit or the next one up or down, not in any duration
    ("how many hours a week do apprentices work?", "It can take between one and six years to complete.", False),
    ("how many days holiday do apprentices get?", "Most give 20 days of paid holiday.", True),
    ("how many days holiday do apprentices get?", "You get 5.6 weeks a year.", True),
    ("how many yrs until I'm promoted?", "Expect 18 months at each level.", True),
    ("how long do I wait before bugging someone about my PR?", "If there is no response in over a week, ask.", True),
    ("how long does the phone screen last?", "It is often roughly a half hour with someone from HR.", True),
    ("how long does the phone screen last?", "Spend half the time listening.", False),
    ("how much do maintainers typically make per month?", "It can take 10 or 20 hours per week.", False),
    ("how much do maintainers typically make per month?", "Sponsors give $500 a month.", True),
    # "how often" is answered by a frequency without a number (the Data Engineering Cookbook's "every Monday")
    ("ok and how often should the team meet?", "I recommend doing a sync meeting every Monday.", True),
    ("how often should I publish on my blog?", "Publish weekly and share it in your community.", True),
    ("how often should I publish on my blog?", "Consistency over time is where blogging pays off.", False),
    # A count of hours, whatever it earns, and written in words (a tester's museum library was told "no figure").
    ("how many volunteer hours to earn a membership?", "Volunteers might complete forty hours of volunteer work, which is "
     "long enough to earn a year's membership.", True),
    ("how many volunteer hours to earn a membership?", "A year's membership costs $80.", False),
    # "how long should ... be" asks a length, not a time (a tester's academia library: "no figure" over "1 page").
    ("how long should my resume be", "You need to create a 1 page resume.", True),
    # ... however long its subject (a tester's journalism library: "no figure" over "under 30 words").
    ("how long should the intro paragraph of a news story be", "Most ledes are under 30 words.", True),
    # a count of one kind of day (a tester's trades library: "no figure" over "10 business days")
    ("how long does skilledtradesbc take to approve my registration", "Approval typically takes approximately 10 business days.", True),
    ("how long does skilledtradesbc take to approve my registration", "Approval is done by a business team.", False),
    # a sum spelled out (a tester's journalism library: "no figure" over "fifty cents per word")
    ("how much do freelance writers get paid per word?", "Many newer outlets offer upwards of fifty cents per word.", True),
    ("how much do freelance writers get paid per word?", "Sites like The Verge might pay a dollar per word.", True),
    ("how much do freelance writers get paid per word?", "A word of advice: pitch often.", False),
])
def test_an_amount_question_is_answered_only_by_a_figure_of_the_kind_it_asks(question, text, gives):
    from bot.question import gives_figure

    assert gives_figure(question, text) is gives


def test_a_sum_in_words_is_no_missing_figure():
    # A tester's games library: "The guides give no figure for that." over "testers often start working at minimum
    # wage", the answer to "how much do game testers get paid". Not a figure to rank by, and not one for a time.
    from bot.question import gives_figure, says_a_sum

    text = "Because a business wants to minimize costs, testers often start working at minimum wage."
    assert says_a_sum("how much do game testers get paid", text) and not gives_figure("how much do game testers get paid", text)
    assert not says_a_sum("how long does a QA contract last?", text)


@pytest.mark.parametrize("question", ["is the placeholder journalism internship paid", "is it paid?", "do u get paid for a stage?"])
def test_whether_it_is_paid_is_answered_by_paid_or_unpaid(question):
    # Two testers' libraries (journalism, culinary) opened "The guides give no figure for that." above "this internship
    # is unpaid" and "a stage is either an unpaid internship": a yes/no question on pay asks whether.
    from bot.question import says_a_sum

    assert says_a_sum(question, "Please note that this internship is unpaid.")
    assert not says_a_sum(question, "The internship runs for ten weeks in the newsroom.")
    assert not says_a_sum("how much is the internship paid?", "Please note that this internship is unpaid.")


def test_a_wage_with_no_sign_a_number_written_twice_and_a_numbered_year_are_figures():
    # Testers' libraries were told "The guides give no figure for that" over each: an apprenticeship's "PAY: 10 - 13 an
    # Hour", a job post's "two (2) to eight (8) years", a market gardener's "Expect income in year 3-4".
    from bot.question import gives_figure

    assert gives_figure("what does the cummins TAP program pay", "PAY: 10 - 13 an Hour")
    assert gives_figure("how many years experience do refinery jobs want", "Preferably two (2) to eight (8) years of refining.")
    assert gives_figure("how long before a new market garden starts making money?", "Expect income in year 3-4.")
    assert not gives_figure("what does the TAP program pay", "We take 3 calls per hour on a busy day.")
    assert not gives_figure("how long before a garden makes money?", "The garden opened this year with 3 beds.")
    # A time it was is no duration (a tester's biotech library: "how many years does a PhD ... take" was answered
    # with "Ten years ago, after finishing the PhD study, I joined my company").
    assert not gives_figure("how many years does a PhD take", "Ten years ago, after finishing the PhD study, I joined my company.")
    # A share in words is a figure (a tester's design library).
    assert gives_figure("what share of fashion designers are self-employed", "About one-third of fashion designers are self-employed.")
    # Hours that count credit are hours, not semesters (a tester's rehabilitation library was told "no figure" over "a
    # planned program consisting of 60 semester hours"); they answer no question of years.
    assert gives_figure("how many credit hours is the rehabilitation counseling masters",
                        "The Master of Science degree program is a planned program consisting of 60 semester hours.")
    assert not gives_figure("how many years does the masters take", "The program consists of 60 semester hours.")


def test_whether_a_job_is_poorly_paid_asks_whether():
    # A tester's culinary library: "are restaurant workers poorly paid?" was told "no figure" over "40% ... live in
    # near-poverty"; it asks a yes/no question, as "is it well paid?" does.
    from bot.question import analyse

    assert analyse("are restaurant workers poorly paid?").type != "amount"
    assert analyse("how much are restaurant workers paid?").type == "amount"
    # ... and how it is paid asks no sum: "do most diesel techs get paid that way?" after a question on flat rate was led
    # by a yearly average (a tester's automotive library).
    for how in ("do most diesel techs get paid that way?", "are mechanics paid hourly?", "do techs get paid flat rate?"):
        assert analyse(how).type != "amount", how
    assert analyse("how much are mechanics paid hourly?").type == "amount"
    # A yes/no question comparing pay is answered by a share: "do certified PMs earn more money" opened "The guides give
    # no figure for that." over "Certified PMs typically earn 20%+ more" (a tester's construction library).
    from bot.question import says_a_sum
    assert says_a_sum("do certified PMs earn more money", "Certified PMs typically earn 20%+ more than others.")
    assert not says_a_sum("how much do certified PMs earn?", "Certified PMs typically earn 20%+ more than others.")


def test_a_reply_is_quoted_with_the_question_it_answers_in_its_paragraph():
    # A tester's automotive library: "Yes, diesel mechanics make an average of $47,350 ..." led an answer (for its figure)
    # without "Do diesel mechanics make more than auto mechanics?" before it, and read as a yes to another question.
    import numpy as np

    from bot import excerpts
    from bot.answer import _Excerpt, _widen
    from tests.test_excerpts import passage

    p = passage("The money matters most to many of us. Do diesel mechanics make more than auto mechanics? Yes, diesel "
                "mechanics make an average of $47,350 per year, auto mechanics an average of $40,710 per year.")
    reply = _Excerpt(0, (2,), 1.0, np.zeros(1))
    _widen(reply, [p], [excerpts.roles(p)])
    assert [p.sentences[k].text[:27] for k in reply.members] == ["Do diesel mechanics make mo", "Yes, diesel mechanics make "]


@pytest.mark.parametrize("word", ["on-call", "state-of-the-art", "learnign", "trainign"])
def test_hyphenated_words_and_swapped_endings_of_the_guides_words_are_known(guides_bot, word):
    """"on" of "on-call" is a function word no index holds; "learnign" is "learn" with its ending's letters swapped."""
    from bot.evidence import knows

    assert knows(guides_bot.profile, word)


def test_two_words_of_the_guides_written_as_one_are_known(guides_bot):
    """"softskills" is the guides' "soft skills"; "chatgpt" and "datadog" are not "chat" + "gpt", "data" + "dog"
    (a part under four letters is not taken)."""
    from bot.evidence import knows

    assert knows(guides_bot.profile, "softskills") and knows(guides_bot.profile, "datascience")
    assert not knows(guides_bot.profile, "chatgpt") and not knows(guides_bot.profile, "datadog")


def test_a_contraction_of_a_word_of_the_guides_is_known(guides_bot):
    """"mgr" keeps the first and last letters of "manager", which the guides use; "rust" (a vowel) is no contraction
    of "robust", nor "gym" (a common word) of anything."""
    from bot.evidence import _contracted, knows

    assert _contracted("mgr") == "manager" and _contracted("hrs") == "hours" and _contracted("mths") == "months"
    assert _contracted("rust") == "" and _contracted("gym") == ""
    assert knows(guides_bot.profile, "mgr") and not knows(guides_bot.profile, "mgr".upper())
    # Among the words that fit, the library's: "engr" is "engraver" to English, "engineer" here (a tester's DevOps
    # library refused "whats the salary for devsecops engr"); searched as that word.
    from bot.evidence import corrected

    assert _contracted("engr") == "engraver" and knows(guides_bot.profile, "engr")
    assert "engin" in corrected(guides_bot.profile, "what does an ml engr do").split()
    answer = guides_bot.ask("what does an ml engr do all day")
    assert answer.citations and not answer.gaps


def test_a_prefix_the_guides_write_with_a_hyphen_may_be_run_on(guides_bot):
    """"nontechnical", "prebuilt": the guides write "non-technical", "pre-built" (a tester's pharmacy answer said
    the guides never mention "preregistration", a word their every page writes "pre-registration")."""
    from bot.evidence import knows

    assert knows(guides_bot.profile, "nontechnical") and knows(guides_bot.profile, "prebuilt")
    assert not knows(guides_bot.profile, "chatgpt") and not knows(guides_bot.profile, "antivirus")


def test_an_acronym_is_not_taken_for_a_clipped_word_of_the_guides(guides_bot):
    """"cla" reads as a clipping of a word of the guides ("class", "clarity"); "CLA", typed as an acronym, names
    something the guides never use."""
    from bot.evidence import knows

    profile = guides_bot.profile
    assert knows(profile, "cla") and not knows(profile, "CLA")
    assert knows(profile, "ML") and knows(profile, "PhD")


def test_an_amount_question_the_guides_give_no_figure_for_says_so_first(guides_bot):
    answer = guides_bot.ask("How long does it take to become an ML engineer?")
    assert answer.citations and answer.gaps == ("a figure",) and answer.text.startswith("The guides give no figure")


@pytest.mark.parametrize("heading, offered", [
    ("3. Build a portfolio", "Build a portfolio"), ("Step 2: Learn Python", "Learn Python"),
    ("\u200bWhat is MLOps?", "What is MLOps?"), ("Publication date: May 28, 2026", ""), ("Before you start:", ""),
    ("5. I have not yet passed my MPharm/OSPAP ?", "I have not yet passed my MPharm/OSPAP?"),
])
def test_headings_offered_as_topics_read_as_topics(heading, offered):
    from bot.library import readable_heading

    assert readable_heading(heading) == offered


def test_a_question_asked_again_after_an_article_on_it_was_added_is_answered_from_it(tmp_path):
    """In the same conversation too: the new article answers, and the gap line goes."""
    import shutil

    from bot import CareerBot
    from bot.config import Settings

    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    shutil.copytree(ROOT / "index", tmp_path / "index", ignore=shutil.ignore_patterns(".lock"))
    bot = CareerBot.load(settings=Settings.from_env(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus"))
    question = "Do Kaggle competitions help beginners?"
    before = bot.ask(question)
    assert "Kaggle" in before.gaps
    article = tmp_path / "kaggle.md"
    article.write_text("---\ntitle: Winning at Kaggle\n---\nKaggle competitions teach you to iterate quickly on validation "
                       "strategy. Top Kaggle competitors share their notebooks so beginners can learn from them.\n")
    bot.add(article)
    again = bot.ask(question, history=[{"role": "user", "content": question}, {"role": "assistant", "content": before.text}])
    assert again.gaps == () and again.citations[0].article.title == "Winning at Kaggle"


def test_a_reply_is_quoted_with_the_question_or_heading_it_answers(tmp_path, embedder):
    # An FAQ's "Yes. You can apply ..." read as a yes to whatever was asked; "This is the highest grade ..." (the
    # first sentence under "Promotion potential") was dropped as leaning on a sentence the passage did not hold.
    bot = _bot_on(tmp_path, embedder, {
        "faq.md": "# Hiring FAQ\n\n## Can I apply if I already work for the agency?\n\nYes. You can apply for an open "
        "position even if you already work here, and your manager is not told.\n\n## Do you sponsor work visas?\n\nNo. "
        "Every role requires citizenship, and the background checks take two to three months.\n\n## Can I move here from "
        "another team?\nAnswer: Yes, many people transfer from other teams. Their experience counts toward the grade.\n\n"
        "## When is a graduate degree worth considering?\n\nFor most people, the priority should be building a work "
        "history over more formal education. A few reasons justify one: research roles, and a change of field.\n",
        "posting.md": "# Reading a job posting\n\n## Promotion potential\n\nThis is the highest grade you can be promoted "
        "to in this position without applying again. The scale goes from one to fifteen.\n\n## Duties\n\nThe duties "
        "listed in a posting are broad and apply to many different job types across the agency.\n"})
    assert bot.ask("can i apply if i already work there?").text.startswith(
        "Can I apply if I already work for the agency?\nYes. You can apply for an open position")
    assert bot.ask("what does promotion potential mean on a posting?").text.startswith(
        "Promotion potential:\nThis is the highest grade you can be promoted to")
    # A reply labelled as one (a tester's FAQ: "Answer: Yes, ..." read as a yes to whether AI replaces the job).
    assert bot.ask("can people transfer in from other teams?").text.startswith(
        "Can I move here from another team?\nAnswer: Yes, many people transfer from other teams.")
    # A section's answer from its start, under the question that scopes it (a tester's: "For most degree-holders ...
    # work history" read as advice on any degree without "When is a graduate degree worth considering?").
    assert bot.ask("should I do a graduate degree or just work?").text.startswith(
        "When is a graduate degree worth considering?\nFor most people, the priority should be building a work history")


def test_a_question_sharing_several_words_with_its_passages_is_answered_below_the_similarity_floor(guides_bot):
    # A long, chatty question matches any one sentence less well than a short one; the words it shares with
    # its passages say it is about the library (config.Thresholds.shared_terms).
    import numpy as np

    from bot.config import THRESHOLDS
    from bot.evidence import _covered
    from bot.retrieval import Ranked

    ev = guides_bot.evidence("do I need a portfolio of projects to get an ML engineering job?")
    low = Ranked([], (THRESHOLDS.min_similarity + THRESHOLDS.min_similarity_shared) / 2, 0.5)
    many, few = THRESHOLDS.shared_terms, THRESHOLDS.shared_terms - 1
    assert _covered(low, ev.sentence_vectors, ev.vector, (), None, True, many, THRESHOLDS)[0]
    assert not _covered(low, ev.sentence_vectors, ev.vector, (), None, True, few, THRESHOLDS)[0]
    # With a word the library never uses, the rest is answered (the gap said first) when the words shared are many,
    # even if no sentence matches the rest well: here a direction no sentence is near.
    away = np.zeros_like(ev.vector)
    away[0] = 1.0
    best = Ranked([], max(p.similarity for p in ev.passages), 0.5)
    assert _covered(best, ev.sentence_vectors, away, ("boss",), away, True, many, THRESHOLDS)[0]
    assert not _covered(best, ev.sentence_vectors, away, ("boss",), away, True, few, THRESHOLDS)[0]


def test_words_the_library_never_uses_are_a_gap_only_when_the_passages_fit_better_without_them():
    from bot.config import THRESHOLDS as T
    from bot.evidence import _missing

    answered = T.answer_without_gaps + 0.05
    assert _missing(0.50, 0.50 + T.gap_margin + 0.01, 0, T)  # "in India" pulls away from the US figures
    assert not _missing(0.50, answered, 0, T)  # "over the next decade": the passages fit as well with it
    # The rest matches too little to be answered on its own: a gap, unless the passages hold many of its words.
    assert _missing(0.36, 0.36, 0, T)
    assert not _missing(0.36, 0.36, T.shared_terms, T)


def test_a_word_of_the_guides_with_a_letter_left_out_inside_is_known(guides_bot):
    """"pyton" is "python" misspelled; a letter left out at the start or the end makes another word, not a typo."""
    from bot.evidence import _letter_dropped, knows

    assert knows(guides_bot.profile, "pyton")
    assert _letter_dropped(["liaison"], "liason")
    assert not _letter_dropped(["scores"], "score") and not _letter_dropped(["train"], "rain")


def test_a_word_of_the_guides_typed_without_its_vowels_is_known(guides_bot):
    """A tester's "wear suit google intervw" opened "The guides never mention “intervw”"; phone typing drops vowels."""
    from bot.evidence import _vowels_dropped, knows

    assert knows(guides_bot.profile, "intervw") and not guides_bot.ask("how do i prep for an intervw").gaps
    assert _vowels_dropped(["interview", "intern"], "intervw") == "interview"
    assert _vowels_dropped(["salari"], "slry") is None  # the first two letters as typed: "sl" is not "sa"
    assert _vowels_dropped(["resum"], "rsm") is None  # too few letters to tell
    assert knows(guides_bot.profile, "workin") and knows(guides_bot.profile, "startin")  # "-in'" as said: "team drivin pay"


def test_the_lexical_ranking_reads_a_misspelling_as_the_library_spells_it(guides_bot):
    from bot.evidence import corrected

    assert corrected(guides_bot.profile, "how do I prepare for intervews?") == "how do I prepare for interview?"
    assert corrected(guides_bot.profile, "is PYTON enough, or Kubernetes?") == "is PYTON enough, or Kubernetes?"  # as typed
    assert guides_bot.ask("how do I prepare for intervews?").searched_for == "how do I prepare for intervews?"
    # an everyday word (one token to the model's tokenizer) is no misspelling, whatever library word it is near
    assert guides_bot.embedder.knows_word("fried") and not guides_bot.embedder.knows_word("intervews")


def test_a_misspelled_common_word_is_read_as_that_word(guides_bot):
    """A rare string one edit from a common English word the guides use is that word misspelled, even where the
    guides' stem is too far from it for an edit distance ("regresion" / "regress"); a word that is a word is not."""
    from bot.evidence import corrected, misspelling_of, respelled

    p = guides_bot.profile
    assert misspelling_of(p, "regresion", "regres") == "regress" and misspelling_of(p, "devloper", "devlop") == "develop"
    assert misspelling_of(p, "taker", "taker") is None and misspelling_of(p, "certs", "cert") is None
    # A letter held down ("acccs" for ACCS, a tester's), in a short word too
    assert misspelling_of(p, "mlopsss", "mlopsss") == "mlop" and misspelling_of(p, "pythonnn", "pythonnn") == "python"
    # A word of the guides rarer in everyday English (Zipf 2.5-3.0: "debugging" 2.89, "impactful" 2.96) is still the
    # word meant when the guides have its stem (a tester's "trainigs", of "trainings" 2.72, was named as typed).
    assert misspelling_of(p, "debgging", "debg") == "debug" and misspelling_of(p, "impctful", "impct") == "impact"
    question = "Do I need to know linear regresion for the job?"
    assert corrected(p, question) == "Do I need to know linear regress for the job?"  # what BM25 holds
    assert respelled(p, question) == "Do I need to know linear regression for the job?"  # what the model reads
    typed, meant = guides_bot.ask(question), guides_bot.ask("Do I need to know linear regression for the job?")
    assert typed.citations and typed.text == meant.text


def test_a_typo_of_a_word_the_library_never_uses_is_read_and_named_as_the_word_meant(tmp_path, embedder):
    # "production incidnet" was named as a gap as typed ("never mention “incidnet”") and read by the model in pieces;
    # "EM" was a gap in a library on engineering managers, which never writes its subject's initials.
    from bot.evidence import english_typo, respelled

    assert english_typo("incidnet") == "incident" and english_typo("salery") == "salary"
    assert english_typo("certs") is None and english_typo("horgan") is None and english_typo("meddpicc") is None
    bot = _bot_on(tmp_path, embedder, {
        "library.yaml": "subject: engineering manager\n",
        "ladder.md": "# Engineering manager ladder\n\nAn engineering manager grows the team and owns delivery.\n",
        "hiring.md": "# Hiring\n\nEngineering managers interview candidates and write the hiring plan.\n"})
    assert respelled(bot.profile, "a production incidnet?") == "a production incident?"
    answer = bot.ask("what does an EM do when there's a production incidnet?")
    assert answer.gaps == ("production incident",), answer.gaps  # not "EM", not "incidnet"


def test_a_short_word_the_library_writes_is_no_typo_of_a_function_word(tmp_path, embedder):
    # "what's on the lsat" was read by the model as "what's on the last" (two letters swapped): a law library's
    # LSAT section matched it at 0.18, its own question at 0.60.
    from bot.evidence import respelled

    bot = _bot_on(tmp_path, embedder, {
        "lsat.md": "# The LSAT\n\nThe LSAT consists of three graded sections: games, reading and reasoning.\n",
        "school.md": "# Law school\n\nMost law schools ask for an LSAT score and two letters of recommendation.\n"})
    assert respelled(bot.profile, "what's on the lsat") == "what's on the lsat"
    assert respelled(bot.profile, "waht is on the test") == "what is on the test"  # a word it does not write still is


def test_the_passage_shown_whole_starts_where_the_answer_does(tmp_path, embedder):
    bot = _bot_on(tmp_path, embedder, {"hiring.md": (
        "# Joining the agency\n\n## The hiring process\n\n"
        "We are proud to serve the public and to build a team that reflects the people we serve. Our offices are in "
        "four cities and many of us work remotely.\n\n"
        "From application to first day, hiring takes three to five months: resume review takes two to three weeks, "
        "interviews about a month, and the offer and security checks two to three months.\n"),
        "other.md": "# Benefits\n\nEmployees get health insurance, a pension and paid leave from their first day.\n"})
    answer = bot.ask("how long does it take to get hired, from applying to my first day?")
    assert answer.text.startswith("From application to first day, hiring takes three to five months")
    assert "proud to serve" not in answer.text and "proud to serve" in answer.citations[0].text  # the source whole


def test_a_compared_side_named_only_by_its_heading_is_named(tmp_path, embedder):
    # A reading list's sections are headed by title and author; their text says "this book", never the author.
    bot = _bot_on(tmp_path, embedder, {"reading-list.md": (
        "# A reading list for engineers\n\n"
        "## \"Estimating Software Projects\" by Ann Halvorsen\n\n"
        "I think this is a classic on software project estimation. Anybody who plans software work should read it "
        "several times through.\n\n"
        "## \"Planning Without Guessing\" by Bo Lindqvist\n\n"
        "This book is a little more approachable, and thinner, than the classic. It adds the social and "
        "psychological side of planning.\n\n"
        "## \"Thinking in Systems\" by Donella Meadows\n\n"
        "A short introduction to feedback loops, stocks and flows, useful for anyone who runs a team.\n")})
    answer = bot.ask("halvorsen's estimation book vs the lindqvist one - which is easier to get into?")
    assert "more approachable" in answer.text and not answer.gaps


def test_a_list_begun_where_another_ran_over_a_chunk_boundary_is_quoted_whole_with_the_question_it_answers(tmp_path, embedder):
    # opensource.guide's governance section: the list of models runs into the next chunk, which opens a list of
    # templates that runs into a third. The answer showed "check out these templates: - BDFL model template" and
    # dropped "Which one should you use?", so "It's up to you!" answered nothing.
    bot = _bot_on(tmp_path, embedder, {"gov.md": (
        "# Governance\n\n## Common structures\n\nThere are three common governance structures.\n\n"
        "* **Ruler:** One person has the final say on all major decisions.\n\n"
        "* **Merit:** Active contributors are given a formal decision making role. Decisions are made by vote.\n\n"
        "* **Liberal:** Under the Liberal model, the people who do the most work are the most influential.\n\n"
        "Which one should you use? It's up to you! Every model has advantages and trade-offs. If you're interested in "
        "adopting one of these models, check out these templates:\n\n"
        "* Ruler model template\n* Merit model template\n* Liberal contribution policy\n")}, chunk_chars=300)
    chunks = [c.text for c in bot.store.chunks]
    assert len(chunks) == 3 and chunks[1].endswith("* Ruler model template")  # the layout this test is about
    text = bot.ask("what are the common governance structures?").text
    assert "- Ruler model template\n- Merit model template\n- Liberal contribution policy" in text
    assert "Which one should you use? It's up to you!" in text
    assert "\n\nWhich one" in text  # a paragraph of its own after the list, not a continuation of its last item


def test_a_quote_that_opens_on_a_list_item_or_a_quoted_block_is_shown_under_its_heading(tmp_path, embedder):
    # A career framework's levels: each level's bullets under its heading, with no lead-in of their own. Quoted
    # bare, one level's expectations read as another's; an example resume's quoted lines read as advice.
    bot = _bot_on(tmp_path, embedder, {
        "levels.md": "# Manager levels\n\n## M3 Engineering Manager\n\n"
        "- I lead my team towards execution on well-defined projects in support of quarterly goals.\n"
        "- I work primarily with my direct team and cross-functional partners.\n\n"
        "## M5 Senior Engineering Manager\n\n"
        "- I guide the strategy of several teams across multiple workstreams on six to twelve month horizons.\n"
        "- I grow managers and build a bench of future leaders in my organization.\n",
        "resume.md": "# Preparing your resume\n\n## Example resume excerpt\n\n"
        "> Developer for a job posting portal used by more than 500 offices, posting 320k jobs a year.\n"
        "> Led and managed backend web development and provided metrics and analytics dashboards.\n"})
    assert bot.ask("over what horizon does a senior EM (M5) plan strategy?").text.startswith(
        "M5 Senior Engineering Manager:\n- I guide the strategy")
    assert bot.ask("what did the developer of the job posting portal lead?").text.startswith(
        "Example resume excerpt:\n> Developer for a job posting portal")


def test_a_compared_side_typed_as_two_letters_is_named_by_its_spelling_in_the_passages(tmp_path, embedder):
    # The Data Engineering Cookbook, read blind: "whats the diff between DE and ML engineer?" opened "The guides don't
    # compare “DE” with “ML engineer”" above the library's own Q&A comparing data and machine learning engineering.
    bot = _bot_on(tmp_path, embedder, {"roles.md": (
        "# Roles\n\n## Data and ML\n\nData engineering focuses on the infrastructure and processes for handling data, "
        "while machine learning engineering centers on deploying models in production. A strong data engineering "
        "foundation is essential for ML engineering.\n\n## Tools\n\nData engineers use Spark, Kafka and Airflow every "
        "day to build pipelines.\n\n## Job ads\n\nJob ads often shorten the data role to DE, and the two roles differ in "
        "focus.\n")})
    answer = bot.ask("whats the difference between DE and ML engineer? they sound kinda the same")
    assert answer.kind == "answer" and not answer.gaps, answer.gaps
    # and the comparison in full is not padded with a line that only names the acronym
    assert "infrastructure" in answer.text and "shorten" not in answer.text


def test_a_passage_that_ends_by_announcing_what_follows_is_answered_from_what_follows(tmp_path, embedder):
    # The Data Engineering Cookbook: "how does Spark compare to Hadoop?" was answered with "So, it's time to show you
    # the differences between Spark and Hadoop. After this you will know ..." and nothing of the differences, which
    # open the next chunk, under a subheading.
    bot = _bot_on(tmp_path, embedder, {"spark.md": (
        "# Spark\n\n## How does Spark fit to Hadoop?\n\nThere are some very misleading articles out there titled "
        "\"Spark or Hadoop\" or even \"Spark is replacing Hadoop\". So, it's time to show you the differences between "
        "Spark and Hadoop. After this you will know when and for what you should use Spark and Hadoop. You'll also "
        "understand why \"Hadoop or Spark\" is the totally wrong question.\n\n### Where's the difference?\n\nHadoop "
        "stores data in its distributed file system and manages resources with YARN. Compared to Hadoop, Spark is "
        "just an analytics framework with no storage of its own.\n\n## Streaming\n\nKafka buffers events for "
        "streaming pipelines and keeps them for days.\n")})
    answer = bot.ask("how does spark compare to hadoop, is one replacing the other?")
    assert answer.kind == "answer" and "analytics framework" in answer.text, answer.text


def test_a_passage_that_ends_by_counting_what_the_next_one_lists_reads_on_into_it(tmp_path, embedder):
    # A tester's product library: "what are the top 3 skills a new PM should work on early in their career" was
    # answered "However, I think there are a few key skills that make a good product manager a great one, ..."; the
    # next chunk opens "If I have to pick 3, they will be:" over them.
    from bot.evidence import with_what_it_announces

    intro = ("The number of skills a product manager needs to be good at is fairly large. In fact, bring me a skill "
             "and most of the time I can show you that a product manager needs it. ") * 2
    more = " It takes years of practice, feedback from peers and many projects of different kinds to get good at it."
    bot = _bot_on(tmp_path, embedder, {"pm.md": (
        f"# How do I build a good product management career?\n\n{intro}\n\nHowever, I think there are a few key skills "
        "that make a good product manager a great one, and it is important to work on them early on in your career.\n\n"
        f"If I have to pick 3, they will be:\n\n1. Dealing with ambiguity - taking a vaguely defined problem.{more}\n"
        f"2. Active communication - listening well and speaking at the right time.{more}\n3. Persuasion and "
        f"negotiation - reaching agreement on solutions.{more}\n\n## Tools\n\nJira and Figma are common tools.\n")},
        chunk_chars=600)
    first = next(p for p in bot.retrieve("number of skills a product manager needs", k=4) if p.row == 0)
    assert first.text.rstrip().endswith("in your career.")  # the chunk ends on its promise
    assert "1. Dealing with ambiguity" in with_what_it_announces(bot.store, first).text


def test_an_faq_answer_is_quoted_without_the_next_question_and_its_answer(tmp_path, embedder):
    # The Data Engineering Cookbook's interview questions: "Q: What distinguishes data engineering from machine
    # learning engineering? A: ..." was quoted with the next pair, "Q: Why might a data analyst transition ...?".
    bot = _bot_on(tmp_path, embedder, {"faq.md": (
        "# Interview questions\n\n## Roles\n\nQ: What distinguishes data engineering from machine learning engineering? "
        "A: Data engineering focuses on the infrastructure for handling data, while machine learning engineering "
        "centers on deploying models in production.\n\nQ: Why might a data analyst move to data engineering? A: "
        "Analysts may move to work on more technical parts of data handling, such as building pipelines.\n\n"
        "## Tools\n\nKafka buffers events for streaming pipelines and keeps them for days.\n")})
    answer = bot.ask("what is the difference between data engineering and machine learning engineering?")
    assert "infrastructure" in answer.text and "analyst" not in answer.text, answer.text


def test_a_career_asked_about_ends_before_a_preposition(tmp_path, embedder):
    # "how do i become a data engineer without a degree?" was refused as another career, "data engineer without".
    bot = _bot_on(tmp_path, embedder, {"de.md": (
        "# Becoming a data engineer\n\n## Getting started\n\nMost data engineers start by learning SQL and Python, then "
        "build a small pipeline of their own to show employers what they can do.\n\n## Tools\n\nKafka buffers events "
        "for streaming pipelines and Spark processes them in batches.\n")})
    answer = bot.ask("how do i become a data engineer without a degree?")
    assert answer.kind == "answer" and not any("without" in g for g in answer.gaps), (answer.kind, answer.gaps)


LEVEL_PAGE = """# Product manager

A product manager decides what to build next and why.

## Career pathway

### Senior product manager

A senior product manager plans and builds a product on larger teams.

#### Skills needed for this level

##### Product strategy
You build a roadmap with success criteria and keep stakeholders aligned with it.

### Staff product manager

A staff product manager leads several teams and shapes the practice.

#### Skills needed for this level

##### Product strategy
You define product strategy at the organizational level and across programs.
"""


def test_a_source_is_named_with_the_headings_above_it_and_one_level_is_not_another(tmp_path, embedder):
    """Which level a skill belongs to is in the headings above it: the source names them, and the same skill under
    another level is another section (offered apart, never quoted as the rest of this one)."""
    bot = _bot_on(tmp_path, embedder, {"product-manager.md": LEVEL_PAGE})
    answer = bot.ask("what product strategy does a staff product manager define?")
    assert answer.citations and "organizational level" in answer.text
    assert "across programs" in answer.text and "success criteria" not in answer.text
    cited = answer.citations[0]
    assert "Staff product manager › Skills needed for this level › Product strategy" in answer.to_text()
    assert cited.context == ("Career pathway", "Staff product manager", "Skills needed for this level")
    assert all(r.context != cited.context for r in answer.related if r.heading == cited.heading)


def test_asking_for_tips_or_advice_is_no_gap_in_a_library_that_never_says_tips(tmp_path, embedder):
    page = ("# Security engineer\n\n## Security advocacy\n\nYou shift security left: you bring threat modelling into "
            "planning so the team fixes risks before release, not after an incident. You teach the team to spot "
            "risky changes in code review.\n")
    bot = _bot_on(tmp_path, embedder, {"security-engineer.md": page})
    for q in ("how do i get my team to fix security risks before release? any tips?",
              "any advice or suggestions on getting my team to fix security risks before release?"):
        answer = bot.ask(q)
        assert answer.citations and not answer.gaps, (q, answer.gaps)


def test_a_follow_up_naming_another_level_asks_the_earlier_question_of_that_level(tmp_path, embedder):
    """"and for staff?" after a question on senior product managers: the headings use "Senior" and "Staff" in each
    other's place, so the follow-up is that question asked of staff product managers, not the senior answer again."""
    bot = _bot_on(tmp_path, embedder, {"product-manager.md": LEVEL_PAGE})
    assert {"senior", "staff"} <= set(bot.profile.siblings["senior"] | {"senior"})
    first = "what does a senior product manager do?"
    assert "larger teams" in bot.ask(first).text
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": bot.ask(first).text}]
    answer = bot.ask("and for staff?", history=history)
    assert "several teams" in answer.text and "larger teams" not in answer.text
    assert "staff product manager" in answer.searched_for


def test_in_place_of_swaps_only_a_word_the_headings_use_in_each_others_place():
    from bot.conversation import in_place_of

    siblings = {"m3": frozenset({"m4"}), "m4": frozenset({"m3"})}
    assert in_place_of("what does an M3 do for hiring?", "ok and for an M4?", siblings) == "what does an M4 do for hiring?"
    assert in_place_of("what does an M3 do for hiring?", "and what about pay?", siblings) == "what does an M3 do for hiring?"
    assert in_place_of("what does an M3 do?", "and an M3 on pay?", siblings) == "what does an M3 do?"  # already named
    # A chain of turns: each earlier alternative goes ("... in texas? what about washington?" + "and massachusetts?").
    states = {"texa": frozenset({"washington", "massachusett"}), "washington": frozenset({"texa", "massachusett"}),
              "massachusett": frozenset({"texa", "washington"})}
    assert in_place_of("how much do they make in texas? what about washington?", "and massachusetts?", states) == \
        "how much do they make in massachusetts? what about massachusetts?"


def test_two_levels_compared_are_both_quoted_each_named():
    """"a senior and a staff product manager": "product manager" names both sides, so each side is told by the word
    the headings use in the other's place, searched for by its whole name, and a quote that does not name its level
    stands under its heading."""
    from bot.evidence import telling, whole_sides

    sides = ("senior", "staff product designer")
    pair = telling(sides, {"senior": frozenset({"staff"}), "staff": frozenset({"senior"})})
    assert pair == ("senior", "staff")
    assert whole_sides(sides, pair) == ("senior product designer", "staff product designer")
    assert telling(sides, {}) == ()


def test_a_comparison_of_two_levels_quotes_each_level(tmp_path, embedder):
    bot = _bot_on(tmp_path, embedder, {"product-manager.md": LEVEL_PAGE})
    answer = bot.ask("whats the difference between a senior and a staff product manager?")
    assert "larger teams" in answer.text and "several teams" in answer.text, answer.text


def test_a_pasted_run_of_nonsense_is_named_cut_not_echoed_whole(guides_bot):
    answer = guides_bot.ask("x" * 1900)
    assert not answer.citations and "…" in answer.text and len(answer.text) < 600


def test_a_question_in_a_language_the_guides_are_not_in_gets_one_line_saying_so(guides_bot):
    for q in ("¿Necesito un título de maestría para ser ingeniero de aprendizaje automático?", "Muss ich einen Master haben?",
              "機械学習エンジニアになるには？",
              # "un", "de", "para", "ser" are English words to wordfreq: this one was answered.
              "¿Necesito un título universitario para ser ingeniero de machine learning?",
              "Ai-je besoin d'un master pour devenir ingénieur en apprentissage automatique?"):
        answer = guides_bot.ask(q)
        assert answer.kind == "not_covered" and not answer.citations and "language" in answer.text, q
    for q in ("Do I need a master's?", "opsgenie?", "hw do i bcome a ml engr", "burnout?",  # English, or one unknown word
              "any certs worth getting if i want to go into ml mgmt?",
              "how mnay hours is busy seasn at big 4",  # two letters swapped (a tester's, refused as not English)
              "my python script says ModuleNotFoundError pandasql, how to fix",  # a name in code is no language
              "should i learn workday or bamboohr as an ml newbie"):  # two product names of four long words
        assert "not English words" not in guides_bot.ask(q).text, q


def test_a_compared_name_the_library_never_writes_is_no_form_of_a_word_it_does(guides_bot):
    # "Coursera" was taken as named wherever "course" was (its first five letters), so "Which is better, Coursera
    # or fast.ai?" was answered with a sentence on another programme and no word of the gap.
    answer = guides_bot.ask("Which is better, Coursera or fast.ai?")
    assert answer.text.startswith("The guides never mention “Coursera”. What they do say"), answer.text  # once


ADVISOR_LEVELS = """# Technical advisor levels

## Advisor 1

An entry-level advisor supports a few accounts with help from a senior advisor.

- Achieves an annual average of 105% NDR across their accounts.
- Runs onboarding calls for new customers.

## Advisor 2

A second-level advisor owns a book of accounts alone. See guidance on promotions here.

- Achieves an annual average of 110% NDR across their accounts.
"""


def test_words_the_library_writes_by_their_initials_are_no_gap(tmp_path, embedder):
    # "net dollar retention" where the library writes "NDR" was named: "The guides never mention “retention”".
    bot = _bot_on(tmp_path, embedder, {"advisor-levels.md": ADVISOR_LEVELS})
    answer = bot.ask("what net dollar retention does an entry level advisor need?")
    assert answer.citations and not answer.gaps and "105% NDR" in answer.text, answer.text


def test_a_link_without_its_link_is_never_the_answer(tmp_path, embedder):
    # "See guidance on promotions here." was a whole answer to "when could i get promoted from there?"
    bot = _bot_on(tmp_path, embedder, {"advisor-levels.md": ADVISOR_LEVELS})
    answer = bot.ask("where is the guidance on promotions for advisors?")
    assert "See guidance on promotions here" not in answer.text, answer.text


def test_a_quote_of_several_paragraphs_is_a_block_the_next_source_does_not_join(tmp_path, embedder):
    # The second source's sentence was glued to the end of the first one's last paragraph: "... easy to read. [1]
    # Rust is ..." read as the end of the Python paragraph.
    bot = _bot_on(tmp_path, embedder, {
        "python.md": "# Languages for data engineers\n\n## Python\n\nPython is the language most data teams use every day. "
                     "It has libraries for almost every data task.\n\nLearning Python first is common advice for new data "
                     "engineers. Its syntax is easy to read.\n",
        "rust.md": "# Newer languages\n\nRust is a systems language that a few data teams adopt when they need speed.\n\n"
                   "Go is used for small network services.\n"})
    text = bot.ask("python or rust for data engineering?").text
    assert "\n\n" in text and "[1]\n\nRust is" in text, text


def test_two_misspellings_in_a_question_are_read_as_the_words_meant(guides_bot):
    # "ml engneer salery?" was turned away as in another language; "do i ned a degre" said "don't cover ‘ned’".
    answer = guides_bot.ask("ml engneer salery?")
    assert answer.citations and "$" in answer.text and "language" not in answer.text, answer.text
    answer = guides_bot.ask("do i ned a degre")
    assert answer.citations and "degree" in answer.text and "ned" not in answer.gaps, answer.text


LEVEL_LISTS = """# User researcher

## Career pathway

### Senior user researcher

A senior user researcher is an experienced practitioner who plans and leads research on larger teams. At this level, you'll be expected to:

- Build user-centered practices in new teams
- Supervise and develop other user researchers

### Staff user researcher

A staff user researcher is an expert practitioner, leading and aligning research across several teams. At this level, you'll be expected to:

- Ensure that teams take an evidence-based approach to service design
- Develop and assure good research practice
"""


def test_a_quote_ending_on_a_lead_in_goes_on_with_the_list_it_announces(tmp_path, embedder):
    bot = _bot_on(tmp_path, embedder, {"user-researcher.md": LEVEL_LISTS})
    answer = bot.ask("senior ux researcher vs staff ux researcher - how is the scope different?")
    assert "several teams" in answer.text and "Develop and assure good research practice" in answer.text, answer.text
    assert not any(part.rstrip(" [0123456789]").endswith(":") for part in answer.text.split("\n\n"))


def test_a_figure_about_something_else_never_leads_an_amount_answer(tmp_path, embedder):
    """"How long does burnout recovery take?" where the library's only duration is a degree's: quoting "A
    nursing degree lasts three years." first would read as the answer. The guides give no figure for that, and
    the answer says so (measured: docs/evaluation.md)."""
    bot = _bot_on(tmp_path, embedder, {
        "burnout.md": "# Burnout in nursing\n\nBurnout builds slowly when nurses skip breaks and work extra shifts. "
                      "Recovering from burnout means rest, support from colleagues and a manager who listens. "
                      "Talk to occupational health early rather than waiting until recovery feels impossible.\n",
        "degree.md": "# Becoming a nurse\n\nA nursing degree lasts three years. Placements in hospitals make up half "
                     "of the course. You register with the regulator when you graduate.\n",
    })
    answer = bot.ask("how long does it take to recover from burnout?")
    assert answer.citations and "burnout" in answer.citations[0].heading.lower()
    assert answer.text.startswith("The guides give no figure") and "three years" not in answer.text
    # A figure the question's words name still leads: "how long is a nursing degree?"
    degree = bot.ask("how long is a nursing degree?")
    assert "three years" in degree.text and not degree.gaps


def test_small_talk_before_is_no_part_of_a_follow_up(guides_bot):
    # A UI tester's third turn was searched as "hello How long does it take ... how much does that cost?".
    history = []
    for message in ("hello", "How long does it take to become an ML engineer?"):
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": guides_bot.ask(message, history=history).text}]
    answer = guides_bot.ask("how much does that cost?", history=history)
    assert "hello" not in answer.searched_for.lower() and "how long" in answer.searched_for.lower()


def test_a_place_asked_about_in_a_follow_up_is_a_gap_not_a_synonym(guides_bot):
    # A UI tester's "what about in Europe?" after a question on pay got the US figure again with no word that the
    # guides never mention Europe: without "Europe" the message ("what about in") fits nothing, so the passages'
    # good fit with it read as "Europe" said in other words. A name is never a synonym of what passages say.
    first = "how much do machine learning engineers make?"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    answer = guides_bot.ask("what about in Europe?", history=history)
    assert answer.gaps == ("Europe",) and "Europe" in answer.text.split("\n")[0]


def test_a_request_to_write_a_document_says_the_bot_writes_nothing(guides_bot):
    # A tester's "can you write me a cover letter for a social work job" was answered as a search, with no word
    # that the bot writes nothing.
    from bot.conversation import CANNOT_WRITE

    answer = guides_bot.ask("can you write me a cover letter for an ML engineer job?")
    assert answer.text.startswith(CANNOT_WRITE + " What they say:") and answer.citations
    assert guides_bot.ask("please proofread my resume").text.startswith(CANNOT_WRITE)
    assert not guides_bot.ask("How do I write a good cover letter?").text.startswith(CANNOT_WRITE)


@pytest.mark.parametrize("request_", ["write me a python script to train a model", "can you give me some code for a "
                                      "neural network?", "write me a regex for emails"])
def test_a_request_for_code_is_refused_saying_the_bot_writes_none(guides_bot, request_):
    # A tester's "write me a python script to scan ports" was answered with a note-taking post's passages.
    from bot.conversation import CANNOT_CODE

    answer = guides_bot.ask(request_)
    assert answer.text.startswith(CANNOT_CODE) and not answer.citations and answer.suggestions
    assert guides_bot.ask("Do ML engineers write code every day?").citations  # asking about code is no request


def test_no_figure_is_claimed_over_a_figure_the_answer_quotes(tmp_path, embedder):
    # A tester's nursing library: "The guides give no figure for that." over a quoted "Duration: 2-3 years" (the
    # figure came with the paragraph quoted whole, after the check).
    msn = ("# Graduate nursing programs: a master's degree for advanced practice\n"
           '\n'
           "A master's degree in nursing is a graduate degree that prepares registered nurses for advanced practice roles, leadership positions, teaching and specialized clinical work.\n"
           '\n'
           "## Who should get a master's degree?\n"
           '\n'
           '**Good candidates:**\n'
           "- RNs with a bachelor's degree who want advanced practice roles (NP, CNS, CRNA)\n"
           '- Experienced nurses who want to lead a unit\n'
           '- Nurses who want to teach nursing students\n'
           '\n'
           '**Prerequisites:**\n'
           '- **BSN degree** from an accredited program\n'
           '- **Active RN license**\n'
           '- **Clinical experience**: 1-2 years minimum\n'
           '\n'
           '## Program types and specialties\n'
           '\n'
           '### Advanced practice tracks\n'
           '\n'
           '**1. Nurse Practitioner (NP)** - Most Popular\n'
           '- **Family Nurse Practitioner (FNP)**: Primary care across lifespan\n'
           '- **Adult Nurse Practitioner (AGNP)**: Adult and elderly patients\n'
           '- **Pediatric Nurse Practitioner (PNP)**: Children and adolescents\n'
           '- **Psychiatric NP (PMHNP)**: Mental health care\n'
           "- **Women's Health NP (WHNP)**: Reproductive health\n"
           '- **Acute Care NP (ACNP)**: Hospital/ICU settings\n'
           '\n'
           '**Duration**: 2-3 years  \n'
           '**Clinical Hours**: 500-700 hours  \n'
           '**Salary**: $100K-$130K average (FNP, PMHNP often higher)\n'
           '\n'
           '**2. Nurse Anesthetist (CRNA)**\n'
           '- Gives anesthesia on its own or with anesthesiologists\n'
           '- **Requirements**: 1-2 years ICU experience minimum\n'
           '- **Duration**: 2.5-3 years\n'
           '- **Salary**: $180K-$250K+\n')
    bot = _bot_on(tmp_path, embedder, {"msn-programs.md": msn, "pay.md": "# Pay\n\nNurses earn more with each "
                                       "certification they hold, and night shifts pay a differential.\n"})
    first = "how do i become a nurse practitioner"
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": bot.ask(first).text}]
    answer = bot.ask("how long does that take?", history=history)
    assert "2-3 years" in answer.text and not answer.gaps and "no figure" not in answer.text, answer.text


@pytest.mark.parametrize("first, then", [("do I need a PhD?", "is it worth it?"),
                                         ("what's a good first project for a portfolio?", "is it hard?"),
                                         ("What should go in my portfolio?", "where do I put it?")])
def test_it_or_they_with_nothing_else_named_is_what_the_turn_before_named(guides_bot, first, then):
    # "is it worth it?" after a question on a PhD was searched alone and refused; a tester's "how much do they
    # make?" after questions on nurse practitioners got another job's pay.
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": guides_bot.ask(first).text}]
    answer = guides_bot.ask(then, history=history)
    assert answer.searched_for.startswith(first.rstrip("?")) and answer.citations, answer.searched_for
    rain = guides_bot.ask("is it going to rain tomorrow?", history=history)
    assert rain.searched_for == "is it going to rain tomorrow?" and not rain.citations  # names something of its own


def test_another_careers_requirement_is_no_other_view(tmp_path, embedder):
    # A tester's trades library: "The guides don't all agree on this" over a real estate appraiser's degree, for
    # whether an electrician needs one.
    bot = _bot_on(tmp_path, embedder, {
        "electrician.md": "# Electrician career overview\n\n## High school diploma\n\nCollege degrees are not part of the "
                          "mandatory requirements for becoming an electrician, but high school diplomas are. Every "
                          "apprenticeship asks for one.\n\n## Pay\n\nElectricians earn a median wage of $60,040 a year.\n",
        "trades.md": "# Highest paying trade jobs\n\n## Real estate appraisers\n\nReal estate appraisers earn an average "
                     "salary of $58,500 per year. While a bachelor's degree is not necessary to become one, it is often "
                     "recommended.\n\n## Elevator mechanics\n\nElevator mechanics earn $99,500 a year after a four-year "
                     "apprenticeship.\n"})
    answer = bot.ask("do i need a college degree to be an electrician?")
    assert not answer.disagreement and "appraisers" not in answer.text and "high school diplomas are" in answer.text


def test_a_word_asking_for_money_is_no_gap_of_its_own(tmp_path, embedder):
    # A tester's UX library writes "salary" and "make": "how much do ux designers earn in germany?" was told the guides
    # "never mention “earn” or “germany”".
    bot = _bot_on(tmp_path, embedder, {
        "salary.md": "# UX designer salary\n\n## Entry level\n\nJunior UX designers in the US make a median salary of "
                     "$75,000 a year, and senior designers make well over $120,000.\n",
        "portfolio.md": "# Portfolios\n\nA portfolio shows three case studies, each with the problem, your process and "
                        "the outcome.\n"})
    answer = bot.ask("how much do ux designers earn in germany?")
    assert [g.lower() for g in answer.gaps] == ["germany"] and "earn" not in answer.text.split("\n")[0], answer.text
    # ... "charge" too, where the question asks how much ("how much should I charge for a lockout" was told the guides
    # never mention “charge”, a tester's); not a phone that won't charge
    answer = bot.ask("how much should I charge for a ux portfolio review in germany?")
    assert "charge" not in " ".join(answer.gaps), answer.text
    assert "charge" in " ".join(bot.ask("my iphone wont charge past 80% how do i fix it").gaps)


def test_a_word_asking_for_a_share_is_no_gap_of_its_own(tmp_path, embedder):
    # A tester's politics library: "The guides never mention “percentage”" opened over "- 25% earn a law degree".
    bot = _bot_on(tmp_path, embedder, {
        "majors.md": "# Political science majors\n\n## Further study\n\nMore than half of all political science majors go on "
                     "to earn advanced degrees. Of those who earn graduate degrees:\n\n- 25% earn a law degree (JD or LLM)\n"
                     "- 16% earn a master's in political science\n",
        "interns.md": "# Hill internships\n\nMost congressional interns do not get paid at all, and the work is long.\n"})
    answer = bot.ask("What percentage of political science majors go on to earn a law degree?")
    assert not answer.gaps and "25% earn a law degree" in answer.text, answer.text
    from bot.evidence import unknown_phrases  # however much the word weighs in the question
    question = "What percentage of political science majors become lobbyists?"
    assert unknown_phrases(bot.profile, question, bot.embedder.embed_query(question), -1.0) == ("become lobbyists",)


def test_an_faq_answer_is_quoted_from_its_own_question(tmp_path, embedder):
    # A tester's trades FAQ: "what's the difference between a plumber and a pipefitter" was answered with three Q&As on
    # maths, fitness and starting a business before the one asked.
    faq = ("# Plumbing for veterans\n\n## Frequently asked questions\n\n"
           "Q: Do I need math skills for plumbing? A: Yes, for measuring and pipe sizing. Basic algebra is enough.\n\n"
           "Q: Is plumbing physically demanding? A: Yes. Lifting and crawling in tight spaces are part of the job.\n\n"
           "Q: Can I start my own plumbing business? A: Yes, with a master plumber license. Many veterans do.\n\n"
           "Q: What's the difference between a plumber and a pipefitter? A: Plumbers work on water and drainage "
           "systems. Pipefitters work on high-pressure industrial systems.\n")
    bot = _bot_on(tmp_path, embedder, {"faq.md": faq, "pay.md": "# Pay\n\nPlumbers earn a median wage of $59,880 a "
                                       "year, and master plumbers earn more.\n"})
    answer = bot.ask("whats the difference between a plumber and a pipefitter")
    assert answer.text.startswith("Q: What's the difference between a plumber and a pipefitter?"), answer.text


@pytest.mark.parametrize("question", ["what math do I need?", "what maths do i need"])
def test_a_short_question_whose_topic_heads_a_section_is_answered(guides_bot, question):
    # A tester's "what math do I need?" was refused on the guides (best cosine 0.35, one word to share), though a
    # section is headed "The Role of Mathematics and Statistics in Machine Learning Engineering".
    answer = guides_bot.ask(question)
    assert answer.kind == "answer" and "mathemat" in answer.text.lower(), answer.text
    assert not guides_bot.ask("is it going to rain this weekend?").citations


def test_a_figure_about_someone_else_does_not_lead_a_pay_question(guides_bot):
    # A tester's "do internships pay?" was led by "The average pay for machine learning engineers ... $147,134", on the
    # word "pay" alone: the guides give no intern's pay, and say so.
    answer = guides_bot.ask("do internships pay?")
    assert "$147,134" not in answer.text and answer.gaps == ("a figure",) and "Internships" in answer.text, answer.text


def test_a_lead_in_to_the_sections_that_follow_is_quoted_with_their_headings(tmp_path, embedder):
    # A tester's data analyst library: "what are the steps to become a data analyst" got only "..., here are some
    # steps toward becoming a data analyst." The steps were the next sections' headings ("### 1. Get a foundational
    # education" ...), and the answer promised steps it never gave.
    steps = ["Get a foundational education", "Build your technical skills", "Work on projects with real data",
             "Develop a portfolio of your work"]
    sections = "".join(f"### {i}. {s}\n\nThis part of the path takes a few months of steady work for most "
                       f"people, and the {s.split()[-1]} matters to employers who hire.\n\n" for i, s in enumerate(steps, 1))
    bot = _bot_on(tmp_path, embedder, {"analyst.md": (
        "# How to Become a Data Analyst\n\n## How do I become a data analyst? A step-by-step guide\n\nYou can find data "
        "analytics jobs in all sorts of industries. Whether you are just getting started or pivoting to a new career, "
        "here are some steps toward becoming a data analyst.\n\nLearn more:[What Does a Data Analyst Do?](./what.md)\n\n"
        + sections + "## Pay\n\nEntry-level analysts in the US earn about $60,000 a year.\n")})
    answer = bot.ask("what are the steps to become a data analyst?")
    assert "here are some steps toward becoming a data analyst.\n1. Get a foundational education\n2. Build your" in answer.text, answer.text
    assert "4. Develop a portfolio of your work" in answer.text and "What Does" not in answer.text


def test_a_guide_that_qualifies_its_own_requirement_is_no_disagreement(tmp_path, embedder):
    # A tester's engineering library (the two passages as written): "do mechanical engineers actually need a PE
    # license?" opened "The guides don't all agree on this." over a guide saying most engineers don't need one (civil
    # engineers almost always do) and another saying citizenship is not necessary to apply: the two agree.
    bot = _bot_on(tmp_path, embedder, {
        "licensing.md": (
            "# Engineering Licensing\n\n## The Importance of Licensure in Engineering\n\nDo Engineers Really Need a "
            "License? Interestingly, the majority of engineers in the U.S. don’t need to be licensed due to the broad "
            "coverage of the industrial exemption, which affects about 90% of engineers. The one major exception is civil "
            "engineers, who almost always require licensure because their work directly influences public infrastructure "
            "such as roads, bridges, and buildings. While many chemical, electrical, industrial and mechanical engineers "
            "do obtain PE certification, it’s often not a legal necessity for their work.\n"),
        "us.md": (
            "# 5 steps to work as an engineer in the United States\n\n## Organization of the engineer profession in the "
            "US\n\nMost states recognize the licenses of other states, as long as they have very similar or more "
            "demanding requirements when acquiring said license. It is not necessary to be a American citizen or have a "
            "work or residence visa (such as the Green Card) to be able to opt for the PE license. However, for "
            "identification purposes, the Social Security number is usually requested.\n")})
    answer = bot.ask("do mechanical engineers actually need a PE license?")
    assert "industrial exemption" in answer.text and not answer.disagreement, answer.text


# A lead-in and the headings it points at, beside its section rather than under it. A tester's marketing library:
# "Let's explore the top five freelance marketing skills ..." was the whole answer; the five were bold lines ("**1.
# Paid Ads (Meta & Google Ads)**"), read as headings. A tester's engineering library: "how do i stand out to engineers
# at a career fair?" ended on "But how? Here's how.", the how being the article's next sections ("# Be confident.").
_SKILLS = "".join(f"**{i}. {s}**  \nClients pay well for {s.split()[0]} work, and a freelancer who knows it finds steady "
                  "projects with small businesses.\n\n" for i, s in
                  enumerate(["Paid Ads (Meta & Google Ads)", "SEO (Search Engine Optimization)", "Content Marketing"], 1))
_TIPS = "".join(f"# {t}\n\nAt a career fair this matters more than a student thinks, and recruiters notice it within a "
                "minute of meeting someone.\n\n" for t in ["Be good at your discipline.", "Be confident.", "Make it quick!"])


@pytest.mark.parametrize("article, question, listed", [
    ("# Top Freelance Marketing Skills to Make Money\n\nIf you are looking to make money as a freelance marketer, certain "
     "skills set you apart. Let's explore the top three freelance marketing skills that are essential today.\n\n"
     + _SKILLS + "## Conclusion\n\nFreelancing in marketing can be rewarding if you have the right skills.\n",
     "what are the top freelance marketing skills?",
     "essential today.\n1. Paid Ads (Meta & Google Ads)\n2. SEO (Search Engine Optimization)\n3. Content Marketing"),
    ("---\ntitle: Wanna Impress an Engineer at a Career Fair?\n---\n\nHey, engineering student. Thanks for coming to talk "
     "to me at your school's career fair. Want to impress me and work with me at my big tech company? Of course you "
     "do! But how? Here's how.\n\n" + _TIPS + "# Conclusion\n\nGood luck at the fair this year.\n",
     "how do i impress engineers at a career fair?",
     "Here's how.\n- Be good at your discipline.\n- Be confident.\n- Make it quick!"),
    # A tester's childcare library: an introduction closing on the author's question, "So how do you avoid burnout as an
    # ECE?", over its tips as sections, was the whole answer: no tip named.
    ("---\ntitle: How to avoid burnout as an early childhood educator\n---\n\nWorking as an early childhood educator is "
     "a rewarding job, but it is physical work that can be draining. It is common for educators to experience burnout. "
     "So how do you avoid burnout as an ECE?\n\n" + "".join(
         f"## {t}\n\nMany educators say this helped them feel calmer at work, and it takes only a few minutes a day to "
         "start.\n\n" for t in ["Meditation", "Talk to your supervisor", "Do webinars or workshops"]),
     "any tips to avoid burnout as a preschool teacher?",
     "So how do you avoid burnout as an ECE?\n- Meditation\n- Talk to your supervisor\n- Do webinars or workshops"),
])
def test_a_lead_in_is_quoted_with_the_sections_beside_it_that_it_points_at(tmp_path, embedder, article, question, listed):
    answer = _bot_on(tmp_path, embedder, {"article.md": article}).ask(question)
    assert listed in answer.text and "Conclusion" not in answer.text, answer.text


# Words the library writes in another form are no gap. A tester's marketing library: "whats the diff between onpage and
# offpage search optimisation" opened "The guides don't compare “onpage” with ...", then quoted the article's exact
# answer (with "diff" and "whats", a small library refused it as not English). A tester's journalism library: "do women
# get paid less?" got "The guides don't cover “women”" over "women generally get paid less than men": "women" was looked
# up as "woman", which it never writes.
@pytest.mark.parametrize("article, question, quoted", [
    ("# How to become an SEO specialist\n\n## FAQ\n\nWhat is the difference between On-Page and Off-Page SEO? On-Page "
     "SEO refers to optimizing elements on your website, such as titles and speed. Off-Page SEO refers to activities "
     "outside your website that build authority, mainly backlinks from other sites.\n\n## Pay\n\nEntry-level SEO "
     "specialists in the US earn about $50,000 a year, and senior ones twice that.\n",
     "whats the diff between onpage and offpage seo?", "backlinks"),
    # A tester's data-science library: "bootcamp or college degree?" where the article writes "boot camp".
    ("# Data Science Boot Camp or a College Degree?\n\nWhile I think that you're generally going to be better off with a "
     "college degree than attending a boot camp, a boot camp can help someone who already has a quantitative degree.\n\n"
     "## Cost\n\nMost boot camps cost a few thousand dollars and last twelve weeks.\n",
     "bootcamp or college degree, which is better for getting a data science job?", "better off with a college degree"),
    ("# News nerd salaries\n\n## The newsroom pay gap is real\n\nGenerally, pay distributions skew higher for men than "
     "for women, whether or not they are managers. The top 25 percent of women tend to get paid less than the top 25 "
     "percent of men.\n\n## Managers\n\nThe majority of managers in the US make $110,001 or more a year.\n",
     "do women get paid less than men in newsrooms?", "top 25 percent of women"),
])
def test_a_word_the_library_writes_in_another_form_is_no_gap(tmp_path, embedder, article, question, quoted):
    answer = _bot_on(tmp_path, embedder, {"article.md": article}).ask(question)
    assert answer.kind == "answer" and not answer.gaps and quoted in answer.text, answer.text


def test_an_everyday_question_near_one_chatty_sentence_is_refused(tmp_path, embedder):
    # A personal page's aside ("Sometimes it's nice grabbing a coffee there") matched "is coffee bad for you?" above the
    # similarity floor, and the aside was quoted as the answer (a tester's veterinary library). No neighbourhood of the
    # library is about it (config.Thresholds.min_neighbourhood); what the library is about is still answered.
    bot = _bot_on(tmp_path, embedder, {
        "day.md": "# A day as a vet nurse\n\n## Mornings\n\nI start at 7:30 with the inpatient checks: temperatures, fluids and "
                  "medication for every animal kept overnight.\n\n## Where I live\n\nMy favourite places around Roman Road are a "
                  "market and a little cafe. Sometimes it's nice grabbing a coffee there before going for a walk in the park.\n\n"
                  "## Surgery\n\nFrom ten o'clock I prepare the theatre, monitor anaesthesia and help the vet during operations.\n",
        "become.md": "# How to become a vet nurse\n\n## Training\n\nYou can train through a two or three year diploma while working "
                     "in a practice, or take a foundation or honours degree.\n\n## Registration\n\nOnce qualified you join the "
                     "register and must keep up continuing professional development every year.\n\n## Pay\n\nNewly qualified vet "
                     "nurses earn around 22,000 pounds a year, rising with experience and specialist skills.\n",
    })
    for question in ("is coffee bad for you?", "any nice cafes in london?"):
        assert not bot.ask(question).citations, question
    assert "anaesthesia" in bot.ask("what does a vet nurse do in surgery?").text
    assert "22,000" in bot.ask("how much do vet nurses earn?").text


def test_skip_says_how_a_question_is_asked_not_what_about(guides_bot):
    # "can i skip the masters ...?" was refused as "The guides don't cover “skip”" (and a tester's dental follow-up "and
    # what if i just skip the license?" opened "The guides never mention “skip”"): it asks whether a thing is needed.
    assert "skip" not in guides_bot.ask("can i skip the masters and go straight to a job?").gaps


def test_a_name_the_library_mentions_once_is_answered_from_where_it_does(tmp_path, embedder):
    # "whats zintellect" was refused in a tester's climate library (best cosine 0.34: the model does not know the word),
    # though a paragraph of it says what Zintellect is. A name in a few chunks, rare in English, that the first
    # passage holds is what the library answers; a sum ("what is 15% of 240") is no name.
    bot = _bot_on(tmp_path, embedder, {
        "policy.md": "# How to break into climate policy\n\n## Internships\n\nI was fortunate enough to land a job as a "
                     "science communicator with the US EPA thanks to a free early government career placement website "
                     "called Zintellect. You should upload your resume there if you are interested in how agencies work.\n\n"
                     "## Graduate school\n\nA master's in public policy takes two years and many programs offer "
                     "assistantships that pay the tuition.\n",
        "solar.md": "# Solar energy engineer\n\n## The job\n\nSolar engineers design photovoltaic systems, run site "
                    "assessments and about 15% of their time goes on permitting paperwork.\n"})
    answer = bot.ask("whats zintellect")
    assert answer.kind == "answer" and "called Zintellect" in answer.text, answer.text
    assert not bot.ask("what is 15% of 240").citations


def test_a_question_in_words_the_library_uses_no_more_than_english_does_is_refused(tmp_path, embedder):
    # "how do you say thank you in japanese?" was answered "The guides never mention “japanese”. What they do say in
    # general:" with a sentence on thanking an interview panel (four libraries of the benchmark). No word of it is one
    # the library uses more than English text of its chunks' length would (config.Thresholds.min_topicality); a
    # question on what the library is about is still answered, and an acronym it holds is a term, however common the
    # English word it spells.
    from bot.config import THRESHOLDS
    from bot.evidence import topicality

    wards = ["cardiac", "renal", "paediatric", "maternity", "oncology", "surgical", "orthopaedic", "stroke", "respiratory",
             "geriatric", "neonatal", "burns"]
    tasks = ["medication rounds", "wound dressings", "fluid charts", "discharge letters", "patient handovers", "audits"]
    sections = "".join(
        f"## Working on a {w} ward\n\nNurses on a {w} ward spend much of each shift on {tasks[(i + k) % 6]} and "
        f"{tasks[(i + k + 2) % 6]}. A {w} placement teaches students to prioritise care when several patients need "
        f"attention at once. Senior {w} nurses mentor newly qualified staff through their first rotation, and the ward "
        f"manager signs off each competency once it has been observed in practice. Experienced {w} nurses often move into "
        f"specialist roles after three to five years, with further study funded by the hospital trust.\n\n"
        for k in range(5) for i, w in enumerate(wards))
    bot = _bot_on(tmp_path, embedder, {
        "wards.md": f"# Nursing wards explained\n\n{sections}",
        "first.md": "# Your first week as a nurse\n\n## Interviews\n\nAfter an interview, always say thank you to the "
                    "panel in a short email. Hospital trusts usually reply within two weeks. The STAR method helps "
                    "you answer questions about a time you prioritised care. Write a short summary of each shift.\n"})
    index = bot.retriever.index
    assert topicality(index, "how do you say thank you in japanese?") < THRESHOLDS.min_topicality
    # The index counts stems: a word respelled as one ("summarise" as the library's "summari", no English word) is
    # set beside English's words of it, not beside nothing ("Can you summarise the plot of Pride and Prejudice?"
    # scored 5.3 on a data-engineering library, and was answered).
    assert topicality(index, "summari") < topicality(index, "summary") + 0.5
    assert topicality(index, "what is the STAR method?") == float("inf")
    assert topicality(index, "what do nurses on a stroke ward do?") > THRESHOLDS.min_topicality + 1
    assert topicality(index, "how do you say konnichiwa?") is None  # no word the library holds: not judged
    assert not bot.ask("how do you say thank you in japanese?").citations
    assert "wound dressings" in bot.ask("what do nurses on a stroke ward do?").text


def test_a_sentence_that_counts_the_sections_after_it_is_quoted_with_their_headings(tmp_path, embedder):
    # "... will usually evolve in one of four directions." was quoted alone over the four sections it counts (a
    # tester's project management library).
    sections = ["More Challenging Teams", "Mentor", "Product Owner", "Manager"]
    body = "".join(f"## {h}\n\nSome Scrum Masters move on to this after a few years with one team.\n\n" for h in sections)
    bot = _bot_on(tmp_path, embedder, {
        "path.md": "# The Career Path of a Scrum Master\n\nIn my experience, a Scrum Master's career will usually evolve in "
                   f"one of four directions.\n\n{body}## A Scrum Master Has Options\n\nThe role can be an end in itself.\n"})
    text = bot.ask("what is the career path of a scrum master").text
    assert "four directions.\n" + "\n".join(f"- {h}" for h in sections) in text, text


def test_a_section_ranked_by_its_first_half_reads_on_into_its_second(tmp_path, embedder):
    # A tester's planning library: "do planners have to work weekends?" ranked the section's first chunk first and its
    # second next; the answer quoted the first alone, and the second held "evening and weekend meetings".
    work = ("The vast majority of urban and regional planners work for federal, state, county, and city government "
            "agencies. Most of them (65%) worked in local government. Another 14% provided architectural, engineering, and "
            "related services. 10% were employed in state government, and another 7% worked at consulting firms.\n\n"
            "Urban and regional planning is vital to the quality of life and economic health of a community, which is "
            "partly what makes it a rewarding career. However, its importance also means it's on the radar of political "
            "and economic interests, and some can find dealing with their competing needs stressful. Planners also need "
            "to manage tight deadlines, and a plan for a whole county can take several years to be adopted.\n\n"
            "Urban and regional planners must spend time outdoors in the field inspecting land conditions and land use. "
            "Most keep typical business hours, though evening and weekend meetings with stakeholders may occasionally be "
            "required.\n\n")
    bot = _bot_on(tmp_path, embedder, {"planner.md": "# What Is An Urban Planner?\n\n## What Does an Urban Planner Do?\n\n"
        "Planners develop land use plans and programs that help create communities and revitalize physical facilities.\n\n"
        f"## Where Does an Urban Planner Work?\n\n{work}## What Is the Average Urban Planner Salary?\n\nThe median pay "
        "was $65,230 a year in 2012.\n"}, chunk_chars=700)
    from bot.evidence import _from_section_start

    rows = [r for r, c in enumerate(bot.store.chunks) if c.heading == "Where Does an Urban Planner Work?"]
    assert len(rows) == 2 and "weekend" not in bot.store.chunks[rows[0]].text  # the section's two halves
    first, second, other = (bot.retriever.passage(r, 1.0, 0.5) for r in (*rows, 0))
    joined = _from_section_start([first, second, other], bot.store)  # as ranked for the tester: first half first
    assert joined[0].text.startswith("The vast majority") and "evening and weekend meetings" in joined[0].text
    assert [p.row for p in joined[1:]] == [0] and len(joined[0].sentences) == len(first.sentences) + len(second.sentences)
    assert "weekend" in _from_section_start([first, other, second], bot.store)[0].text  # third is within reach too
    assert _from_section_start([second, first], bot.store)[0].text.startswith("The vast majority")  # (the earlier rule)


def test_subsection_labels_the_article_repeats_are_no_outline(tmp_path, embedder):
    # A tester's music library: each side job has "### Pros:" and "### Cons:" under it, and "does starbucks give
    # benefits to part timers" was answered "... perks to working there part time.", "- Pros:", "- Cons:": labels
    # shown as the list the sentence introduces, with nothing of what is under them.
    def job(name, pros, cons):
        return (f"## {name}\n\nI have had a few friends who worked at {name}, and there are a lot of perks to working "
                f"there part time.\n\n### Pros:\n\n* **Pay** - {pros}\n\n### Cons:\n\n* **Hours** - {cons}\n\n")
    bot = _bot_on(tmp_path, embedder, {"jobs.md": "# The best side jobs for musicians\n\n"
        + job("Starbucks", "Decent hourly wage and healthcare for part-timers.", "Closing at midnight, then opening at 4am.")
        + job("Uber", "You get paid in about a week.", "Your car's value will drop like a rock.")})
    from bot.evidence import with_outline

    opening = next(p for p in bot.retrieve("perks of working at Starbucks part time", 5) if p.heading == "Starbucks")
    assert with_outline(bot.retriever.store, opening).outline == ()
    assert "- Pros:" not in bot.ask("does starbucks give benefits to part timers?").text


def test_a_follow_up_that_the_last_answer_does_not_answer_is_not_answered_with_it_again(tmp_path, embedder):
    # A tester's sales library: "and which one gets commission?" and "so how are CSMs measured then?" after "what's the
    # difference between a CSM and an account manager?" were each answered with the same introduction, word for word;
    # asked alone, each was answered. Of the testers' 497 follow-up turns, 123 repeated the turn before.
    bot = _bot_on(tmp_path, embedder, {"cs.md": (
        "# Customer success vs account management\n\nWhat is the difference between customer success and account "
        "management? Over the last few years there has been a trend, particularly in SaaS, where account management and "
        "customer success are confused. Many companies use the two titles for the same job. So what is the difference? "
        "The clue is in the title.\n\n## Account management\n\nAccount management is a sales function. Account managers "
        "grow the size of each account, and they are usually paid on commission for the upsells they close.\n\n"
        "## Customer success\n\nCustomer success is about adoption. Customer success managers make sure customers use the "
        "product well, and they are measured on retention and renewals rather than new revenue.\n")})
    first = "what's the difference between customer success and account management?"
    opening = bot.ask(first)
    assert "The clue is in the title" in opening.text
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": opening.text}]
    assert "paid on commission" in bot.ask("and which one gets commission?", history=history).text
    assert "measured on retention" in bot.ask("what about retention?", history=history).text
    # A repeat that names what is asked answers it, and stays: cut to its sentence that does (conversation._narrowed).
    trend = bot.ask("and what about the trend in SaaS?", history=history)
    assert "a trend, particularly in SaaS" in trend.text and all(s in opening.text for s in trend.citations[0].sentences)


def test_a_follow_up_that_names_another_thing_is_answered_from_the_passages_that_name_it(tmp_path, embedder):
    # A tester's vet library: "and the cons?" after "what are the pros of being a vet" was answered with the same
    # introduction; the "Cons:" list, under its own heading, was the sixth passage found.
    pros = "".join(f"* **{p}** - being a vet gives you {p.lower()}, and many vets say it is the best part of the job.\n"
                   for p in ("Variety", "Fitness", "Teamwork", "Passion", "Cheaper pet care", "Specialising", "Training"))
    bot = _bot_on(tmp_path, embedder, {"vet.md": (
        "# Pros and cons of being a vet\n\nAre you thinking of becoming a vet but not sure it is for you? After a few "
        "years in practice I decided to write down the realities of the job, the bright side first.\n\n"
        f"## Pros:\n\n{pros}\n## Cons:\n\n* **Long hours** - a typical day in practice runs to ten hours.\n"
        "* **Mistakes** - you will make mistakes, and some will cost an animal its health.\n")}, chunk_chars=400)
    first = "what are the pros of being a vet"
    opening = bot.ask(first)
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": opening.text}]
    answer = bot.ask("and the cons?", history=history)
    assert "ten hours" in answer.text or "make mistakes" in answer.text, answer.text


def test_a_section_under_a_heading_its_article_repeats_is_found_and_shown_by_the_heading_above_it(tmp_path, embedder):
    # A tester's robotics library: each role had "**Skills needed**:" (read as a heading) over its salary line, and
    # "whats the salary for a perception engineer" was answered "Salary range: $120K - $250K+", the first role's.
    roles = [("Robotics Software Engineer", "C++, Python and ROS 2", "$120K - $250K+"),
             ("Perception Engineer", "computer vision and sensor fusion", "$130K - $220K"),
             ("Controls Engineer", "motion planning and trajectory optimization", "$140K - $240K")]
    body = "".join(f"### {role}\n\n**Responsibilities**:\n\n- Develop {role.split()[0].lower()} algorithms\n- Work with hardware "
                   f"teams\n\n**Skills needed**:\n\n- {skills}\n- Linux, real-time systems\n\n**Salary range**: {pay}\n\n"
                   for role, skills, pay in roles)
    bot = _bot_on(tmp_path, embedder, {"roles.md": "# Career paths in humanoid robotics\n\nHumanoid robots need engineers "
                                                   "in many roles: robotics software engineers, perception engineers and "
                                                   f"controls engineers are the core ones.\n\n## Core roles\n\n{body}"})
    text = bot.ask("whats the salary for a perception engineer").text
    assert "Perception Engineer › Skills needed:\n" in text and "$130K - $220K" in text, text


def test_numbered_sections_with_subsections_of_their_own_are_the_list_a_count_before_them_promises(tmp_path, embedder):
    # A tester's music library: "which music careers make the most money" was answered "... you should start doing all
    # 5 of these." alone: the five were "## 1. Songwriter" ... "## 5. Music Teacher", the first with a "### Consider
    # this:" of its own, and the count was the sentence before the one that points at them.
    careers = ["Songwriter", "Music Producer", "Recording Engineer", "Musician", "Music Teacher"]
    body = "".join(f"## {i}. {c}\n\nA {c.lower()} earns from royalties, fees and teaching, and the best paid do all three.\n\n"
                   + ("### Consider this:\n\nRoyalties take years to build, so most start with fees.\n\n" if i == 1 else "")
                   for i, c in enumerate(careers, 1))
    bot = _bot_on(tmp_path, embedder, {"money.md": (
        "# Music careers that make the most money\n\nThat is why I compiled this list of music careers that make the most "
        "money. If you want a fulfilling music career that lasts, you should start doing all 5 of these. Without further "
        f"ado, here is my list of the 5 music careers that make the most money:\n\n{body}")})
    text = bot.ask("which music careers make the most money").text
    assert "\n".join(f"{i}. {c}" for i, c in enumerate(careers, 1)) in text, text


def test_a_follow_up_that_names_a_thing_the_library_never_writes_is_not_answered_with_the_last_answer(guides_bot):
    # A tester's: "and the downsides?" after a question on bootcamps got the same "Bootcamp Benefits" again; the
    # guides list no downsides and never write the word.
    first = "are bootcamps worth it for becoming an ML engineer?"
    opening = guides_bot.ask(first)
    assert "Bootcamp Benefits" in opening.text
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": opening.text}]
    answer = guides_bot.ask("and the downsides?", history=history)
    assert not answer.citations and "“downsides”" in answer.text, answer.text


def test_a_follow_up_that_names_another_thing_gets_the_section_headed_by_it(tmp_path, embedder):
    # A tester's conservation library: "what about the resume?" after "how should i write a cover letter for a field
    # tech job" got the cover letters' passage again, which mentions a resume in passing; asked alone, the
    # "Resumes" section was found.
    bot = _bot_on(tmp_path, embedder, {"apply.md": (
        "# Applying for field tech jobs\n\nSeasonal field jobs get hundreds of applications, so every part counts.\n\n"
        "## Cover letters\n\nWrite a short cover letter for each job. Name the species and methods you have worked with, "
        "and point the reader to the field jobs on your resume that match the posting.\n\n"
        "## Resumes\n\nPut your jobs in reverse chronological order. Going over one page is fine when every line is "
        "field experience, and larger text is easier to read.\n")})
    first = "how should i write a cover letter for a field tech job"
    opening = bot.ask(first)
    assert "short cover letter" in opening.text
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": opening.text}]
    assert "reverse chronological order" in bot.ask("what about the resume?", history=history).text


def test_a_place_the_question_names_that_the_quoted_sections_never_mention_is_said(tmp_path, embedder):
    # A tester's K-12 library: "how much do subs make per day in texas?" was answered with the Bay Area's and
    # Mississippi's day rates, and no word that Texas is not among them (the library names Texas elsewhere, so it
    # was no word the library never uses).
    bot = _bot_on(tmp_path, embedder, {
        "subs.md": "# Substitute teaching\n\n## Pay\n\nThe median hourly wage for substitute teachers is $16.29 nationally. "
                   "A sub in the Bay Area might earn $250 a day. A sub in rural Mississippi might earn $75 a day.\n\n## Supply "
                   "teaching\n\nSupply teachers in London earn about £150 a day through an agency.\n",
        "certification.md": "# Teacher certification\n\n## Alternative routes\n\nIn Texas, career changers can teach on a "
                            "probationary certificate while they finish an alternative certification program.\n"})
    text = bot.ask("how much do subs make per day in texas?").text
    assert text.startswith("The sections quoted here never mention “texas”.") and "$250 a day" in text, text
    assert not bot.ask("how much do subs make per day in mississippi?").text.startswith("The sections quoted")
    # ... as a text names it otherwise: "£" is the UK's (a reader found "never mention “UK”" over a £28,500 median).
    uk = bot.ask("how much do supply teachers earn a day in the UK?").text
    assert "£150 a day" in uk and not uk.startswith("The sections quoted"), uk


def test_a_code_the_question_names_that_the_quoted_sections_never_mention_is_said():
    # "what's the actual difference between a SEV-1 and a SEV-2?" was answered from a section on SEV-3 and SEV-4 pages;
    # "is there a level above M7?" from one on M4s. A code typed as one names one thing, written "SEV 1" or "Sev1" too.
    from bot.answer import Answer, Citation, _places_not_quoted
    from bot.index.store import ArticleRecord

    article = ArticleRecord("a", "On-call", "a.md", "0" * 64)
    answer = Answer("x", citations=(Citation(1, "Getting paged about a SEV-3 or SEV-4 at night is rare.", article, "a:c0", 0.5, "Paging"),))
    assert _places_not_quoted("what's the difference between a SEV-1 and a SEV-3?", answer) == ("SEV-1",)
    quoted = Answer("x", citations=(Citation(1, "Page the whole team.", article, "a:c1", 0.5, "Sev1 pages"),))
    assert _places_not_quoted("who gets paged for a SEV-1?", quoted) == ()
    assert _places_not_quoted("how long should i wait b4 asking? (M5)", answer) == ()  # "b4" is before; "(M5)" spells out
    # The headings a quoted lead-in points at are shown with it: "never mention “europe”" stood over "2. Europe (UK, ...)".
    regions = Citation(1, "Here's a breakdown of GIS jobs by region:", article, "a:c2", 0.5, "GIS jobs")
    shown = Answer("Here's a breakdown of GIS jobs by region:\n1. North America\n2. Europe (UK, Germany) [1]", citations=(regions,))
    assert _places_not_quoted("what gis job titles are common in europe", shown) == ()
    assert _places_not_quoted("what gis job titles are common in europe", Answer("x", citations=(regions,))) == ("europe",)
    assert _places_not_quoted("starting salary at mckinsey in london?", answer) == ("london",)  # a city is a place too
    dotted = Answer("x", citations=(Citation(1, "PRINCE2 is popular, especially in the U.K. and Europe.", article, "a:c3", 0.5, "PM"),))
    assert _places_not_quoted("is prince2 or pmp better in the uk?", dotted) == ()  # "U.K." names it (a tester's)
    # A site's address names its country (a tester's Irish government pages: "never mention “ireland”" over them).
    for site, url in (("Citizensinformation.ie", ""), ("", "https://www.teagasc.ie/education/")):
        irish = ArticleRecord("b", "Being a farmer", "b.html", "1" * 64, site=site, url=url)
        grants = Answer("x", citations=(Citation(1, "There are supports for young farmers under 40.", irish, "b:c0", 0.5, "Supports"),))
        assert _places_not_quoted("what supports are there for young farmers in ireland", grants) == ()
    assert _places_not_quoted("what supports are there for young farmers in canada", grants) == ("canada",)


def test_a_follow_ups_repeat_is_not_kept_for_naming_the_word_only_in_its_own_gap_line(tmp_path, embedder):
    # Found reading the change: "what about in europe?" after a question on pay got the pay passage again under "The
    # sections quoted here never mention “europe”.": that line names the word, and the repeat counted as naming it.
    bot = _bot_on(tmp_path, embedder, {
        "subs.md": "# Substitute teaching\n\n## Pay\n\nThe median hourly wage for substitute teachers is $16.29 nationally. "
                   "A sub in the Bay Area might earn $250 a day. A sub in rural Mississippi might earn $75 a day.\n",
        "cert.md": "# Teacher certification\n\n## Alternative routes\n\nCareer changers can teach on a probationary "
                   "certificate while they finish an alternative certification program. Most programs take a year.\n\n"
                   "## Abroad\n\nTeachers trained in Europe need their credentials evaluated before they can teach here.\n"})
    first = "how much do subs make per day?"
    opening = bot.ask(first)
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": opening.text}]
    text = bot.ask("what about in europe?", history=history).text
    assert "$250 a day" not in text and "Teachers trained in Europe" in text, text


def test_a_follow_up_is_looked_for_alone_in_the_article_the_repeat_quotes(tmp_path, embedder):
    # A tester's IT-support library: "did he need a degree?" after two turns on how one author became a sysadmin was
    # answered with his opening paragraph a third time: the earlier questions outweighed its own words in the search,
    # and "But I didn't need a degree" is in the same post.
    story = (
        "# How I became a Linux sysadmin in under two years\n\n## Where I started\n\nIn November 2019 I started as a Tier 1 "
        "support agent at a web-hosting company. Just shy of 18 months later I was promoted to Managed Hosting Analyst, "
        "which is a Linux sysadmin role. I was promoted to Tier 1 Expert three months in, and nine months after that to "
        "Advanced Product Support, which is basically a junior Linux sysadmin role.\n\n## Background\n\nYears ago I had "
        "an interest in becoming a Linux sysadmin, but I worked nights in retail and ran servers at home for fun.\n\n"
        "## How I moved up\n\nI was already familiar with Linux from my home lab. I studied every evening, took every "
        "escalation I could, and asked the senior admins to review my work.\n\n## Closing remarks\n\nWeb hosting values "
        "training people up rather than hiring people who already have experience. I am probably paid under the market "
        "average. But I didn't need a degree, or any certifications, to get hired initially. That is the trade-off.\n")
    others = _one_paragraph_articles(
        helpdesk="Help desk analysts answer tickets, reset passwords and escalate problems to the sysadmins.",
        homelab="A home lab lets you practise Linux, networking and virtualisation on cheap second-hand hardware.",
        certs="The CompTIA A+ is the usual first certification for help desk jobs; the RHCSA proves Linux skills.",
        shifts="Night shifts in a data center are quiet, and many sysadmins start their careers on them.")
    bot = _bot_on(tmp_path, embedder, {"kraker.md": story, **others})
    history = _conversation(bot, "how long did it take kraker to become a linux sysadmin", "how often did he get promoted?")
    assert "didn't need a degree" in bot.ask("did he need a degree?", history=history).text
    # Everyday words say nothing of what is asked (KNOBS.alone_max_zipf): "how long does that take?" after finding a
    # cofounder is not looked for again alone, where any passage with "a few months" in it would do.
    from bot.conversation import _tells
    from bot.text import tokenize_one

    assert _tells("did he need a degree?", set(tokenize_one("degree")))
    assert not _tells("how long does that take?", set(tokenize_one("long take")))


def test_a_figure_under_the_heading_that_names_it_answers_a_pay_question_from_past_the_first_passages(tmp_path, embedder):
    # A tester's cybersecurity role pages: "## Average Salary" over "$100,000 - $150,000" ranked eighth for "how much
    # do security engineers make"; the answer opened "The guides give no figure for that" over the role's summary.
    page = ("# Security Engineer\n\n## Role Overview\n\nSecurity Engineers design and implement security systems to protect "
            "an organization's networks, systems and data from threats. They combine technical expertise with security "
            "knowledge to build defenses against attacks.\n\n## Average Salary\n\n$100,000 - $150,000\n\n## Summary\n\n"
            "Security Engineers build and maintain the security infrastructure that protects an organization's digital "
            "assets, implementing security controls and responding to security incidents.\n\n## Objectives\n\n"
            "- Be able to discuss security engineering roles and how they differ from other security roles.\n"
            "- Be able to discuss how security engineering relates to IT and development functions.\n"
            "- Connect with security engineers and schedule time to learn about their roles.\n\n"
            "## Common Misconceptions\n\n- \"Security Engineers just install antivirus software\" - the role involves "
            "complex security architecture.\n- \"Security engineering is only about technology\" - it needs business sense."
            "\n\n## Related Roles\n\n- Security Engineer - Focuses on building and implementing security solutions\n"
            "- Security Analyst - Focuses on monitoring and responding to threats\n\n## Reflections\n\n"
            "- How do security engineers work with development and operations teams?\n"
            "- What security engineering skills do you already have?\n")
    bot = _bot_on(tmp_path, embedder, {"security_engineer.md": page})
    answer = bot.ask("how much do security engineers make")
    assert not answer.gaps and answer.text.startswith("Average Salary:\n$100,000 - $150,000 [1]")


def test_a_follow_up_answered_without_what_it_adds_is_looked_for_alone(tmp_path, embedder):
    # A tester's pharmacy library: "how many CE hours after that?" after the NAPLEX and the MPJE got the NAPLEX
    # paragraph again (the earlier questions outweighed its words); "15-30 credit hours" is in the same report.
    report = (
        "# Pharmacy licensing requirements\n\n## NAPLEX\n\nThe North American Pharmacist Licensure Examination (NAPLEX) is "
        "the competency assessment for pharmacy graduates seeking licensure. The examination requires a scaled score of "
        "75 or higher for passing, and it tests pharmacotherapy, dispensing and public health.\n\n## MPJE\n\nThe "
        "Multistate Pharmacy Jurisprudence Examination (MPJE) tests pharmacy law. Most states require it alongside the "
        "NAPLEX before a license is issued.\n\n## Renewal\n\nContinuing education (CE) requirements for license renewal "
        "vary by state but typically require 15-30 credit hours annually, some of them in patient safety.\n")
    others = _one_paragraph_articles(
        residency="A pharmacy residency takes one or two years after the PharmD and leads to clinical jobs.",
        retail="Retail pharmacists fill prescriptions, counsel patients and give vaccines in community pharmacies.",
        school="Pharmacy school takes four years, and most students take the PCAT or a prerequisite course first.")
    bot = _bot_on(tmp_path, embedder, {"licensing.md": report, **others})
    history = _conversation(bot, "what does the NAPLEX test?", "and what about the MPJE?")
    assert "15-30 credit hours" in bot.ask("how many CE hours after that?", history=history).text



def test_a_paragraph_quoted_goes_on_to_the_sentence_pointing_at_its_subsections(tmp_path, embedder):
    # A tester's trades library: "how do i find an employer to sponsor my apprenticeship" was answered "Finding a sponsor
    # is the most challenging step for many apprentices." alone; the paragraph goes on "Use these strategies to
    # increase your chances:" over three subsections, the strategies.
    bot = _bot_on(tmp_path, embedder, {"entry.md": (
        "# Direct entry apprenticeships\n\n## Registration\n\nCreate your portal account, then ask your sponsor to "
        "start the registration. Approval takes about ten business days.\n\n## Finding an Employer Sponsor\n\n"
        "Finding a sponsor is the most challenging step for many apprentices. Use these strategies to increase your "
        "chances:\n\n### Networking and Direct Applications\n\n- Apply directly to electrical contractors in your "
        "region\n- Attend trade shows and job fairs to meet employers face-to-face\n\n### Leverage School Programs\n\n"
        "- Foundation program graduates often get hired from their work placements\n- Instructors can introduce you to "
        "employers\n\n### Understand Employer Incentives\n\n- Employers get tax credits for each apprentice they "
        "train\n")})
    text = bot.ask("how do i find an employer to sponsor my apprenticeship").text
    assert "Use these strategies to increase your chances:\n- Networking and Direct Applications\n- Leverage School Programs" in text, text


def test_a_word_spelled_the_other_side_of_the_atlantic_is_no_gap(tmp_path, embedder):
    # A tester's trades library: "can i be an electrician if im colour blind" was told "The guides don't cover “colour
    # blind”" where the article writes "Good color vision is required".
    bot = _bot_on(tmp_path, embedder, {
        "entry.md": "# Becoming an electrician\n\n## Physical requirements\n\nGood color vision is required for working "
                    "with color-coded wiring. You must also organize your tools and lift heavy cable drums.\n\n## Pay\n\n"
                    "Apprentices earn a share of a journeyperson's wage that rises each year.\n"})
    from bot.evidence import corrected, knows

    assert knows(bot.profile, "colour") and knows(bot.profile, "organise") and not knows(bot.profile, "honour")
    assert corrected(bot.profile, "colour blind") == "color blind"  # searched as the library spells it
    answer = bot.ask("do electricians need good colour vision?")
    assert answer.citations and not answer.gaps and "color vision" in answer.text, answer.text


def test_a_name_typed_in_capitals_that_one_passage_mentions_is_answered_from_it(tmp_path, embedder):
    # A tester's UX library: "what is the STAR method" was refused (best cosine 0.33); one paragraph mentions "the STAR
    # framework (Situation, Task, Action Result)". "STAR" is a common English word, but typed in capitals it names one
    # thing, as "Zintellect" does.
    bot = _bot_on(tmp_path, embedder, {
        "stories.md": "# Writing experience stories for better portfolios\n\n## Reflection\n\nReflection should be a "
                      "recurring activity, done every month or at least a few times per year. It should start with a short "
                      "review of what happened and what would be worth reflecting on. Stories can follow the STAR structure "
                      "(Situation, Task, Action Result). Add plenty of artifacts by copy-pasting them into your tool of "
                      "choice.\n",
        "pay.md": "# UX designer pay\n\n## Salaries\n\nThe median UX designer in the US earns $102,000 a year, and designers "
                  "with under a year of experience earn around $70,000.\n",
        "research.md": "# From academia to UX research\n\n## Framing your work\n\nDescribe your methods in the words the "
                       "industry uses, and lead with the impact of your studies rather than their details.\n"})
    answer = bot.ask("what is the STAR method")
    assert "STAR structure (Situation, Task, Action Result)" in answer.text, answer.text


def test_an_answer_to_another_question_of_an_interview_is_not_joined_on():
    # A tester's HR library (a recruiter's interview, two chunks): the answer on telling a recruiter about an offer was
    # joined by " … " to "Usually, no.", the answer to the next question, which opens the next chunk ("> Should
    # candidate say 'I am open to opportunities'?"), and read as the reverse of the recruiter's "Yes, absolutely".
    from types import SimpleNamespace as NS

    import numpy as np

    from bot.answer import _Excerpt, _without_repeats

    def passage(start, texts):
        sents, at = [], start
        for t in texts:
            sents.append(NS(text=t, start=at, end=at + len(t)))
            at += len(t) + 2
        return NS(sentences=sents)

    first = passage(0, ["Yes, absolutely.", "The fact that you have an offer means you have doubts about it."])
    second = passage(90, ["> Should candidate say “I am open to opportunities”?", "Usually, no.",
                          "It does not instill a sense of trust."])
    roles = [NS(item=[False] * 2, paragraph_start=[True, False]), NS(item=[False] * 3, paragraph_start=[True, True, False])]
    group = [_Excerpt(0, (0, 1), 1.0, np.zeros(1)), _Excerpt(1, (1, 2), 0.9, np.zeros(1))]
    kept, joiners = _without_repeats(group, [first, second], roles)
    assert [c.rank for c in kept] == [0] and joiners == []
    # ... while a passage's later sentence with no other question between is joined as before
    third = passage(90, ["An offer also lets me probe how I can offer a better solution.", "Maybe I can help."])
    roles[1] = NS(item=[False] * 2, paragraph_start=[True, False])
    group = [_Excerpt(0, (0, 1), 1.0, np.zeros(1)), _Excerpt(1, (1,), 0.9, np.zeros(1))]
    kept, joiners = _without_repeats(group, [first, third], roles)
    assert [c.rank for c in kept] == [0, 1] and joiners == [" … "]
    # ... and a list item after the gap on a line of its own ("winds etc. … - Level 4 Diploma", a tester's answer).
    roles[1] = NS(item=[True, False], paragraph_start=[True, False])
    group = [_Excerpt(0, (0, 1), 1.0, np.zeros(1)), _Excerpt(1, (0,), 0.9, np.zeros(1))]
    kept, joiners = _without_repeats(group, [first, third], roles)
    assert joiners == [" …\n"]


def test_a_list_the_next_chunk_carries_on_is_quoted_whole_when_a_section_reads_on_into_it(tmp_path, embedder):
    # A tester's interior-design library: the section read on from its first chunk into the next, which ended on "at
    # least one of the following three criteria:" and the first item; the other two, in the chunk after, were left out.
    hours = "Candidates need work experience hours before they may sit the exam, and up to half of them may be earned before graduation. "
    sign = "A direct supervisor signs off the hours you work, and the board checks every form before it lets a candidate sit. "
    items = ["A certified interior designer with a current certificate", "A state licensed interior designer in the U.S. or Canada",
             "A licensed architect who provides interior design services"]
    bot = _bot_on(tmp_path, embedder, {"eligibility.md": "# Eligibility\n\n## Work experience\n\n" + (hours * 8).strip() + "\n\n"
                                       + (sign * 5).strip() + "\n\nA supervisor must be a design professional who meets at "
                                       "least one of the following three criteria:\n" + "".join(f"- {i}\n" for i in items)
                                       + "\nThe board may ask for proof.\n"})
    assert bot.store.chunks[1].text.endswith(items[0])  # the list runs over a chunk's end
    answer = bot.ask("how many work experience hours do candidates need before they may sit the exam, and who signs off the hours?")
    assert "three criteria:" in answer.text and all(f"- {i}" in answer.text for i in items), answer.text


def test_a_career_the_library_names_as_asked_is_answered_though_the_passages_found_name_it_otherwise(tmp_path, embedder):
    # A tester's farming library refused "how do i become an extension agent?" ("The guides don't cover “extension
    # agent”"): the passages found said "extension officer"; another article says "(also known as an Extension Agent)".
    steps = ["Earn a bachelor's degree in agriculture or a related science at a land-grant university.",
             "Work a season on a farm or in a county office to learn what farmers need from extension.",
             "Apply to a county extension office as an assistant extension officer and learn on the job."]
    bot = _bot_on(tmp_path, embedder, {
        "officer.md": "# How to Become an Agricultural Extension Officer\n\n" + "".join(
            f"## Step {n}\n\n{step} Extension officers say this step matters most to becoming one.\n\n"
            for n, step in enumerate(steps, 1)),
        "history.md": "# A history of farm advice\n\n## Early days\n\nFarm advice began with county fairs and bulletins "
        "printed by colleges, and spread by rail across the country in the 1900s. Today the work is done by an agricultural "
        "extension worker (also known as an extension agent), who links research and farms.\n",
        "farm.md": "# Starting a small farm\n\nA commercial farm needs a business plan, and the first harvest rarely pays "
        "for the land. A pilot plot of one acre shows what grows before you buy more.\n"})
    answer = bot.ask("how do i become an extension agent?")
    assert answer.kind == "answer" and not answer.gaps, answer.text
    refused = bot.ask("how do i become a commercial pilot?")  # its words are the library's, but not side by side
    assert refused.kind == "not_covered" or refused.gaps, refused.text


def test_a_yes_no_question_its_heading_asks_is_answered_from_the_reply_past_the_preamble(tmp_path, embedder):
    # A tester's automotive library: "should i get ase certified?" opened on the section's preamble ("This is a hotly
    # contested subject among mechanics. ..."); the author's "Yes, it will only help you ..." came in its second paragraph.
    bot = _bot_on(tmp_path, embedder, {"ase.md": "# ASE certification\n\n## Do Mechanics Need To Be ASE Certified?\n\nThis "
        "is a hotly contested subject among mechanics. I have had this conversation many times with my peers. Should you "
        "get ASE certified to be a diesel mechanic? Or any other mechanic for that matter.\n\nShould a mechanic get ASE "
        "certified? Yes, it will only help you in your journey and solidify your skills. Plus, most companies will give "
        "you a little pay bump.\n\nSomeone is saying that anyone can take a test. They have a point, but the tests are "
        "still worth taking.\n\n## How to study\n\nUse the official study guides and take practice tests every week.\n"})
    answer = bot.ask("should i get ase certified?")
    assert answer.text.startswith("Should a mechanic get ASE certified? Yes, it will only help you"), answer.text


def test_a_view_that_is_not_about_the_place_asked_is_no_other_side(tmp_path, embedder):
    # Two testers' libraries: Florida's broker licence for property managers was answered under "The guides don't all
    # agree on this" with a general page's "not required to have ... credentials" set against it. Asked without the
    # place, the two still disagree.
    bot = _bot_on(tmp_path, embedder, {
        "florida.md": "# Licensing in Florida\n\nProperty management licensing requirements change by state. Property managers "
                      "in Florida are required to have a real estate broker license before they manage rentals for others.\n",
        "pm.md": "# Property manager\n\nProperty managers normally are not required to have a specific educational background "
                 "or credentials. Many learn on the job and move up from leasing roles.\n"})
    answer = bot.ask("Do property managers in Florida need a broker license?")
    assert not answer.disagreement and "Property managers in Florida are required" in answer.text
    assert bot.ask("Do property managers need a license?").disagreement


def test_an_introduction_under_a_title_that_counts_its_numbered_sections_is_quoted_with_them(tmp_path, embedder):
    # A tester's HR library: "What are the top 5 recruiter skills?" (the bot's own example) was answered with the
    # article's introduction alone, no skill named.
    sections = "".join(f"## {n}. {name}\n\n{text}\n\n" for n, name, text in [
        (1, "Listening skills", "Hear what hiring managers and candidates actually want before you search."),
        (2, "Hustle", "Targets are part of the job, and the best recruiters enjoy chasing them."),
        (3, "Communication skills", "You explain roles to candidates and candidates to managers every day."),
        (4, "Patience", "Hiring takes longer than anyone hopes, and offers fall through."),
        (5, "IT skills", "Applicant tracking systems and search tools are where the work happens.")])
    bot = _bot_on(tmp_path, embedder, {
        "skills.md": "---\ntitle: The top 5 recruiter skills\n---\n\nWhichever way you came into recruitment, it is essential to "
                     "know the core skills a recruiter needs. Recruiters source, screen and interview candidates, and they "
                     f"answer for the quality of every hire.\n\n{sections}",
        "pay.md": "# Recruiter pay\n\nAgency recruiters earn a base salary and a commission on each placement they make.\n"})
    answer = bot.ask("what skills does a recruiter need?")
    assert "1. Listening skills" in answer.text and "5. IT skills" in answer.text, answer.text


def test_an_introduction_over_two_chunks_is_quoted_with_the_numbered_sections_its_title_counts(tmp_path, embedder):
    # A tester's journalism library: "The 7 habits of successful journalists" opens with an introduction longer than
    # a chunk; read on into its second chunk, the answer to "what are the 7 habits ..." named no habit.
    intro = ("You will often hear journalists talk about the personal qualities of good reporters. Sometimes they say "
             "these things are innate or cannot be taught. This is rubbish, and years of teaching say otherwise.\n\n"
             "Over the years I have thought about these qualities a lot, and about how to develop them in students who "
             "arrive unsure of themselves. Here, then, is a list of habits that good journalists develop with practice. "
             "These are not personal qualities that cannot be taught: those who promote that view misunderstand how "
             "reporters learn on the job, one story at a time.\n\n") * 2
    intro += ("The first habits relate to newsgathering: they help journalists see stories where others do not. The "
              "other habits relate to the telling of the stories, so that the right story is told well.\n\nYou may "
              "disagree with this list, or have other qualities you think need adding. I would love to hear those.\n\n")
    habits = "".join(f"## {n}. {name}\n\n{name} is a habit a reporter builds by practising it on every story they file.\n\n"
                     for n, name in enumerate(["Curiosity", "Scepticism", "Persistence", "Empathy", "Creativity",
                                               "Discipline", "Passion"], 1))
    bot = _bot_on(tmp_path, embedder, {
        "habits.md": f"# The 7 habits of successful journalists\n\n{intro}{habits}## Bibliography\n\nBooks worth reading.\n",
        "pay.md": "# Reporter pay\n\nStaff reporters at regional papers earn less than those at national outlets.\n"})
    answer = bot.ask("what are the 7 habits of successful journalists")
    assert "1. Curiosity" in answer.text and "7. Passion" in answer.text, answer.text


def test_a_figure_that_does_not_name_what_is_asked_does_not_lead(tmp_path, embedder):
    # A tester's psychology library: "how much does the Praxis School Psychologist test cost" was answered with a
    # master's programme's "$15,000-$40,000 total" beside a section naming the Praxis but pricing nothing.
    bot = _bot_on(tmp_path, embedder, {
        "faq.md": "# Counselling career FAQ\n\n## Frequently asked questions\n\nQ: How much does a master's program cost? "
                  "A: $15,000-$40,000 total, depending on the program and school. Online programs average $20,000-$30,000.\n",
        "school.md": "# School psychology\n\n## Becoming a school psychologist\n\nAfter completing your degree, you'll "
                     "need to pass certification exams, such as the Praxis School Psychologist test, before you can "
                     "practise in a school.\n"})
    answer = bot.ask("how much does the Praxis School Psychologist test cost")
    assert answer.gaps == ("a figure",) and "$15,000" not in answer.text, answer.text  # no other thing's sum leads
    # Named beside its figure, it is no gap.
    assert not bot.ask("how much does a master's program cost").gaps


def test_a_role_the_quoted_figures_never_name_is_said_to_have_none_of_them(tmp_path, embedder):
    # A tester's imaging library: "how much does a radiologist earn" was answered with an imaging supervisor's pay, from
    # an FAQ that names radiologists elsewhere (and the stemmer makes one word of "radiologist" and "radiology").
    faq = ("# 68P Radiology Specialist: certification ROI\n\n## FAQ\n\nQ: How much do imaging supervisors earn? A: Imaging "
           "supervisors earn $110,000-$150,000 in most hospitals. Director roles pay more.\n\nQ: Are there higher-earning "
           "paths than radiologic technology? A: Radiologist (requires medical school), or physician assistant.\n")
    bot = _bot_on(tmp_path, embedder, {"faq.md": faq, "ct.md": "# CT technologist\n\nCT technologists run scanners and "
                                                                   "position patients for each study.\n"})
    answer = bot.ask("how much does a radiologist earn")
    assert answer.text.startswith("None of the figures quoted here is said to be for “radiologist”. What they say:"), answer.text
    assert not bot.ask("how much do imaging supervisors earn").gaps


def test_a_place_none_of_the_quoted_figures_is_about_is_said():
    # A tester's childcare library: Texas's "$20 per hour" led "how much does the letter of temporary permission to
    # practice cost in ireland", beside an Irish page (its site's address says so) naming the permit but pricing nothing.
    from bot.answer import Answer, Citation, _names_beside_its_figures
    from bot.index.store import ArticleRecord

    texas = "RAISE provides quarterly retention awards to educators in Texas who make less than $20 per hour."
    irish = "You can apply for a Letter of Temporary Permission to Practice once you finish the first year of a course."
    answer = Answer(f"{texas} [1] {irish} [2]", [
        Citation(1, texas, ArticleRecord("raise", "RAISE awards", "raise.md", "x"), "raise:c0", 0.4, highlights=((0, len(texas)),)),
        Citation(2, irish, ArticleRecord("ie", "Regulation of childcare", "ie.md", "y", site="Citizensinformation.ie"),
                 "ie:c0", 0.5, highlights=((0, len(irish)),))])
    question = "how much does the letter of temporary permission to practice cost in ireland"
    assert _names_beside_its_figures((), answer, question) == ("ireland",)
    assert _names_beside_its_figures((), answer, "how much do educators in texas make") == ()
    # A short form's plural is who is asked, as written in the figure's sentence (a tester's PT library: "None of the
    # figures quoted here is said to be for “travel PTs”" over "Travel PT contracts pay $1,800-2,500/week").
    travel = "Travel PT contracts pay $1,800-2,500/week for 13-week assignments."
    answer = Answer(f"{travel} [1]", [Citation(1, travel, ArticleRecord("pt", "PT careers", "pt.md", "z"), "pt:c0", 0.5,
                                               highlights=((0, len(travel)),))])
    assert _names_beside_its_figures(("travel PTs",), answer, "how much do travel PTs get paid per week?") == ()
    assert _names_beside_its_figures(("travel nurses",), answer, "how much do travel nurses get paid per week?") == ("travel nurses",)
    # ... and one spelled with a letter changed is the same word (a tester's dietetics library: "None of the figures
    # quoted here is said to be for “dieticians”" over the dietitians' median wage), in the quoted sections too.
    from bot.answer import _names_not_quoted

    wage = "The median annual wage for dietitians and nutritionists was $61,650 in May 2021."
    answer = Answer(f"{wage} [1]", [Citation(1, wage, ArticleRecord("rd", "Careers", "rd.md", "w"), "rd:c0", 0.5,
                                             highlights=((0, len(wage)),))])
    assert _names_beside_its_figures(("dieticians",), answer, "how much do dieticians make") == ()
    assert _names_not_quoted(("dieticians",), answer) == () and _names_not_quoted(("dietetics",), answer) == ("dietetics",)
    assert _names_beside_its_figures(("dietetics teachers",), answer, "how much do dietetics teachers make") == ("dietetics teachers",)


def test_a_country_an_articles_address_is_in_is_no_gap(tmp_path, embedder):
    # A tester's childcare library: Irish government pages never write "Ireland" once their menus are gone, and "how many
    # kids can a childminder look after in ireland" opened "The guides never mention “ireland”".
    page = ("---\ntitle: Regulation of childcare services\nsite: Citizensinformation.ie\n---\n\nChildminders who mind more "
            "than three pre-school children must register with Tusla. A childminder may look after up to five pre-school "
            "children, including their own.\n")
    bot = _bot_on(tmp_path, embedder, {"childcare.md": page, "pay.md": "# Childcare pay\n\nEarly years educators earn "
                                                                         "an hourly rate set by their employer.\n"})
    assert "ireland" not in [g.lower() for g in bot.ask("how many kids can a childminder look after in ireland").gaps]


def test_sums_beside_both_sides_answer_which_pays_more(tmp_path, embedder):
    # A tester's agriculture library: "which pays more, plant breeder or agronomist?" opened "The guides don't compare
    # “plant breeder” with “agronomist” on “pays”" above a list giving both salaries.
    page = ("# Agronomy major\n\n## Career opportunities\n\nGraduates of the crop management concentration work as:\n\n"
            "- Agronomist—median annual salary of $58,600\n- Nursery/greenhouse manager—median annual salary of $46,520\n"
            "- Plant breeder—median annual salary of $76,150\n- Seed analyst—median annual salary of $44,210\n")
    bot = _bot_on(tmp_path, embedder, {"agronomy.md": page, "soil.md": "# Soil science\n\nSoil scientists study how soils "
                                                                        "form and how crops use them.\n"})
    answer = bot.ask("which pays more, plant breeder or agronomist?")
    assert not answer.gaps and "$76,150" in answer.text and "$58,600" in answer.text, answer.text


def test_a_word_asking_what_can_be_borrowed_is_no_gap(tmp_path, embedder):
    # A tester's agriculture library: "how much can i borrow with an FSA microloan" opened "The guides never mention
    # “borrow”" above "Microloans (simplified process, up to $50,000)".
    page = ("# Farm finance\n\n## Explore FSA loan programs\n\nThe Farm Service Agency offers several programs:\n\n"
            "- Microloans (simplified process, up to $50,000)\n- Direct Operating Loans (up to $400,000)\n"
            "- Direct Farm Ownership Loans (up to $600,000)\n")
    bot = _bot_on(tmp_path, embedder, {"finance.md": page, "soil.md": "# Soil tests\n\nGet a soil test for where you want "
                                                                        "to plant before you buy seed.\n"})
    answer = bot.ask("how much can i borrow with an FSA microloan")
    assert not answer.gaps and "$50,000" in answer.text, answer.text


def test_a_currency_the_passages_write_by_its_sign_is_no_gap(tmp_path, embedder):
    # A tester's coaching library: "how much does a coach earn per block in naira?" opened "The guides never mention
    # “naira”" over "₦50,000 per block".
    bot = _bot_on(tmp_path, embedder, {
        "pay.md": "# Coach pay\n\nA grade 3 coach earns ₦50,000 per block of eight lessons, paid at the end of the block.\n",
        "levels.md": "# Coach grades\n\nCoaches move from grade 1 to grade 3 after two years of lessons and an assessment.\n"})
    answer = bot.ask("how much does a grade 3 coach earn per block in naira?")
    assert answer.gaps == () and "₦50,000" in answer.text, answer.text


def test_a_country_the_quoted_figures_are_written_in_is_no_name_left_unquoted(tmp_path, embedder):
    # A tester's DevOps library: "How much does a junior DevOps engineer earn in India?" opened "The sections quoted
    # here never mention “India”" over an India guide's "₹4-7 LPA" (the country is named elsewhere in it).
    bot = _bot_on(tmp_path, embedder, {
        "devops.md": "# Role 15: DevOps Engineer\n\n## Career Progression\n\n1. Junior DevOps Engineer (0-2 years): ₹4-7 LPA\n"
                     "2. DevOps Engineer (2-4 years): ₹8-15 LPA\n3. Senior DevOps Engineer (4-7 years): ₹15-25 LPA\n\n"
                     "## Top Companies Hiring in India\n\nProduct companies and consultancies in Bangalore hire the most.\n",
        "sre.md": "# Site reliability engineer\n\nSREs keep production services up and are on call about one week a month.\n"})
    answer = bot.ask("How much does a junior DevOps engineer earn in India?")
    assert answer.gaps == () and answer.text.startswith("Career Progression:\n1. Junior DevOps Engineer"), answer.text


def test_a_route_into_something_else_is_no_other_view_on_what_it_takes_to_enroll(tmp_path, embedder):
    # A tester's finance library: "do i need a bachelors degree to enroll in the CFA program?" opened "The guides don't
    # all agree on this." and set the IB overview's ways into banking against the CFA's enrolment rules.
    cfa = ("# Chartered Financial Analyst (CFA)\n\nThe Chartered Financial Analyst (CFA) designation is a widely recognised "
           "credential in finance and investment, awarded by the CFA Institute.\n\n## Overview\n\nThe CFA Program is "
           "divided into three levels, each ending in a six-hour exam. Candidates complete each level in turn and meet work "
           "experience requirements to earn the charter.\n\n## Journey to CFA Charterholder\n\n### Enrollment "
           "Requirements\n\nTo enroll in the CFA Program, candidates must have one of the following:\n\n- A bachelor's (or "
           "equivalent) degree.\n- Be in the final year of a bachelor's degree program.\n- Have four years of professional "
           "work experience.\n\n### Level I Exam\n\nThe Level I exam covers investment tools and ethical standards in 240 "
           "multiple-choice questions over two sessions.\n")
    ib = ("# Investment banking overview\n\n## Top 10 Investment Banks Globally\n\nThere are four ways into investment "
          "banking: as an undergraduate, within 1-2 years of graduating, at the MBA level, or later on as an experienced "
          "hire. The most viable pathways are the first three: at the undergraduate level, within 1-2 years of university "
          "graduation, or at the MBA level.\n")
    bot = _bot_on(tmp_path, embedder, {"cfa.md": cfa, "ib.md": ib})
    answer = bot.ask("do i need a bachelors degree to enroll in the CFA program?")
    assert answer.citations and not answer.disagreement, answer.text


def test_what_is_relaxed_must_be_what_is_required_not_a_word_beside_it(tmp_path, embedder):
    # A tester's photography library: "most locations require a business license" was set against "While not mandatory,
    # a second photographer is recommended for ... multiple locations" under "The guides don't all agree on this."
    firm = "# Starting out\n\nYes, most locations require a business license, even for part-time photographers.\n"
    other = ("# Pricing\n\nWhile not mandatory, a second photographer is recommended for weddings with more than 100 guests "
             "or multiple locations.\n")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    bot = _bot_on(tmp_path / "a", embedder, {"start.md": firm, "pricing.md": other})
    answer = bot.ask("do I need a business license to work as a photographer?")
    assert not answer.disagreement and "require a business license" in answer.text, answer.text
    relaxed = "# Hobbyists\n\nA business license is not always required for hobby photographers who sell a few prints.\n"
    bot = _bot_on(tmp_path / "b", embedder, {"start.md": firm, "pricing.md": other, "hobby.md": relaxed})
    assert bot.ask("do I need a business license to work as a photographer?").disagreement


def _job_description_page(role: str, pay_line: str) -> str:
    """A hiring guide for one kitchen role, its pay given under a label in an example section at the end."""
    steps = "\n\n".join(
        f"## Step {n}: {heading} for the {role}\n\n{text}" for n, (heading, text) in enumerate([
            ("Write a clear job title", f"A precise title helps candidates find your advert. Say {role} rather than a vague "
             "kitchen role, and add the venue type where it helps."),
            ("Define key responsibilities", f"A good job description specifies the day-to-day duties of the {role} clearly. "
             "Avoid generic phrases and list what happens before, during and after service."),
            ("Describe the kitchen", "Tell candidates about the menu, the size of the brigade and the pace of service. "
             "Be honest about busy periods and split shifts."),
            ("List the skills you need", f"Name the techniques and the leadership a {role} needs in your kitchen, and say "
             "which ones you will train on the job."),
            ("Explain the schedule", "Give the usual hours, the number of shifts a week and how rotas are set, so that "
             "candidates can plan around them."),
            ("Outline development", f"If you offer training, mentoring or a path beyond the {role} role, say so: it "
             "attracts people who want to stay."),
        ], start=1))
    return (f"# How to write a {role} job description\n\n{steps}\n\n## Step 7: Define the salary and benefits\n\n"
            "It is common for hospitality roles to omit salary details, but transparency builds trust with applicants.\n\n"
            f"**Example section: Salary & Benefits**\n\n{pay_line}\n\nPerks:\n\n- Complimentary meals while on shift\n"
            "- Paid overtime\n")


def test_a_figure_under_a_label_naming_pay_answers_from_past_the_first_passages_for_the_role_asked(tmp_path, embedder):
    # A tester's culinary library: job-description templates give each role's pay as "Salary: £30,000–£35,000 per
    # annum based on experience" in a section ranked past the first ten; "how much does a sous chef earn?" opened
    # "The guides give no figure for that" over the sous chef's duties. The commis chef's pay section, ranked above
    # it, names "chef" but not the sous chef.
    pages = {"sous-chef.md": _job_description_page("sous chef", "Salary: £30,000–£35,000 per annum based on experience"),
             "commis-chef.md": _job_description_page("commis chef", "Pay: £20,000–£23,000 per year based on experience."),
             "hierarchy.md": "# The kitchen hierarchy\n\n## Mid-level chefs\n\nThe sous chef is second in command, working "
                             "directly under the head chef. Sous chefs need strong technical skills and usually possess "
                             "formal culinary training.\n\n## Entry-level chefs\n\nA commis chef is an entry-level chef "
                             "who works under the guidance of more senior chefs.\n\n## Top-level chefs\n\nThe executive "
                             "chef runs the kitchen's business side, plans menus and rarely cooks during service.\n"}
    bot = _bot_on(tmp_path, embedder, pages)
    answer = bot.ask("how much does a sous chef earn?")
    assert not answer.gaps and answer.text.startswith("Salary: £30,000–£35,000 per annum based on experience [1]")
    answer = bot.ask("what do commis chefs get paid")
    assert not answer.gaps and answer.text.startswith("Pay: £20,000–£23,000 per year")
    # Another role's pay is no answer, however its title matches ("chef"): neither added nor put first.
    answer = bot.ask("whats the average executive chef salary in new york")
    assert "£30,000" not in answer.text and "£20,000" not in answer.text, answer.text
    from bot.evidence import names_asked

    assert names_asked(bot.profile, "whats the average executive chef salary in new york") == ("executive chef",)
    assert names_asked(bot.profile, "what's the max pay you can get as a sous chef in 2024?") == ()
    # ... up to five words of who (a tester's "psychiatric mental health nurse practitioner" was read as no one).
    assert names_asked(bot.profile, "how much does a senior executive pastry sous chef earn?") == ("senior executive pastry sous chef",)
    # ... and typed alone before "salary" (a tester's "sports agent salary" got a marketing manager's pay).
    assert names_asked(bot.profile, "sous chef salary") == ("sous chef",) and names_asked(bot.profile, "average salary") == ()
    assert names_asked(bot.profile, "whats the avg sous chef salary in new york") == ("sous chef",)  # "avg" typed short
    # A label naming something else is no answer to what a role earns.
    from bot.evidence import _states_figure

    assert not _states_figure("how much does a sous chef earn?", "Tuition: £9,000 per year for the diploma", {"sous", "chef"})


def _role_page(role: str, pay: dict[str, str]) -> str:
    """A role page as a tester's cybersecurity library wrote them: skills, then pay by region as bare ranges."""
    regions = "".join(f"## {region}\n\n{figure}\n\n" for region, figure in pay.items())
    return (f"# Summary\n\nA {role} tests the security of systems by attacking them with permission, and reports what "
            f"they found.\n\n# Hard Skills\n\n- Using Burp Suite, Nmap and Wireshark.\n- Writing clear reports for "
            f"clients.\n\n# Job Salary\n\n{regions}")


def test_pay_by_region_as_bare_ranges_answers_for_the_role_and_place_asked(tmp_path, embedder):
    # A tester's cybersecurity library: "$45K <= $69K <= $102K" under "# Job Salary › ## North America" of a
    # "Network Penetration Tester" page was never quoted ("None of the figures quoted here is said to be for “network
    # pentester”" over rupee pay), and "how much does a web pentester earn in europe?" got certifications' prices.
    pages = {"Network_Penetration_Tester.md": _role_page("network penetration tester", {
                 "North America": "$45K <= $69K <= $102K", "Europe": "£45,624 <= £69,999 <= £82,499"}),
             "Web_Penetration_Tester.md": _role_page("web application penetration tester", {
                 "North America": "$65K <= $81K <= $111K", "Europe": "£31,624 <= £60,999 <= £98,499"}),
             "certifications.md": "# Certifications for pentesters\n\n## Advanced\n\n- **OSWE (Offensive Security Web "
                                  "Expert)** - ₹1,15,000\n  - Advanced web app pentesting\n  - Source code review\n\n"
                                  "- **OSEP (Offensive Security Experienced Pentester)** - ₹1,15,000\n  - Evasion\n\n"
                                  "Web pentesters who earn these certifications are paid well, and an experienced "
                                  "pentester can earn more after each one.\n"}
    bot = _bot_on(tmp_path, embedder, pages)
    answer = bot.ask("how much does a network pentester make in north america?")
    assert not answer.gaps and "$45K <= $69K <= $102K" in answer.text, answer.text
    answer = bot.ask("how much does a web pentester earn in europe?")
    assert not answer.gaps and "£31,624 <= £60,999 <= £98,499" in answer.text and "₹" not in answer.text, answer.text


def test_an_introduction_asking_what_its_numbered_sections_answer_is_shown_with_them(tmp_path, embedder):
    # A tester's law blog: the introduction ended "So what do you need to do to make it stronger?" over "## 1 |
    # Understand Your Attorney's Work Style" ... "## 3 | ..."; the answer was the introduction alone, no tip of its seven.
    tips = "".join(f"## {n} | {tip}\n\n{body}\n\n" for n, (tip, body) in enumerate([
        ("Understand Your Attorney's Work Style", "Some attorneys want bullet points, others want detail. Mirror them."),
        ("Anticipate, Don't Wait", "Get ahead of deadlines by knowing the calendar better than anyone in the office."),
        ("Ask for Clarity Before There's a Problem", "A short question early saves a long correction later on."),
    ], start=1))
    page = ("# How To Build a Strong Attorney-Paralegal Relationship\n\nThe attorney-paralegal relationship is one of the "
            "most important dynamics in any law firm. When it is strong, great legal work happens.\n\nWhether you are "
            "new to the role or not, investing in a relationship with your supervising attorney is part of your "
            "long-term success.\n\nSo what do you need to do to make it stronger?\n\n" + tips)
    bot = _bot_on(tmp_path, embedder, {"relationship.md": page, **_one_paragraph_articles(
        pay="Paralegals earn about $60,000 a year in most large firms, more with a certificate.")})
    answer = bot.ask("how can i build a better working relationship with the attorney i support?")
    assert "So what do you need to do to make it stronger?\n- 1 | Understand Your Attorney's Work Style\n" in answer.text, answer.text


def test_a_figure_that_leans_on_its_paragraph_is_for_what_the_paragraph_names(tmp_path, embedder):
    # A tester's law library: "This course can cost anything up to £18,000" two sentences after "the Bar Professional
    # Training Course (BPTC)"; the answer opened "None of the figures quoted here is said to be for “BPTC”".
    page = ("# Bar Careers\n\n## Vocational Training\n\nOnce you have completed your university studies, you will have to "
            "complete a year of vocational training called the Bar Professional Training Course (BPTC). Many solicitors "
            "have their vocational course funded by the firm they will join, but this is not the case for barristers, "
            "who are generally self-employed. This course can cost anything up to £18,000, so be sure the bar is where "
            "you want to end up. More recently, an aptitude test (the BCAT) was introduced to filter out candidates who "
            "will not pass the course.\n\n"
            "## Pupillage\n\nAfter the BPTC comes a year of training in chambers, known as pupillage, for which you are paid.\n")
    # ... and it, not another training's price ranked above it, is the answer ("Cost: $600-$1,200 for training + exam"
    # of an e-discovery certificate opened it; "This course" was read as the page speaking of itself).
    certificates = ("# Paralegal certifications\n\n## Relativity Certification (e-Discovery)\n\nIf targeting litigation "
                    "support or e-discovery roles.\n\n**Cost**: $600-$1,200 for training + exam\n**Time**: 40-60 hours of "
                    "study\n")
    bot = _bot_on(tmp_path, embedder, {"bar.md": page, "certificates.md": certificates, **_one_paragraph_articles(
        clerks="Law clerks research cases for judges and write memos; most clerkships last one or two years.")})
    answer = bot.ask("How much does the BPTC cost?")
    assert "£18,000" in answer.text and "$600" not in answer.text and not answer.gaps, answer.text



def test_a_labelled_figure_item_under_the_headings_naming_who_is_asked_answers_a_pay_question(tmp_path, embedder):
    # A tester's QA library: "- **Salary Range:** $150,000 - $220,000" under "### 4. Test Architect › **Expert Level (7+
    # years)**" (an item, no sentence to quote alone) and "how much does a test architect earn" was told "no figure".
    guide = ("# QA Career Guide\n\n## Career Paths\n\n### 3. QA Lead\n\n**Senior Level (5+ years)**\n\n- **Salary Range:** "
             "$120,000 - $160,000\n- **Responsibilities:**\n  - Team leadership\n\n### 4. Test Architect\n\n**Expert Level (7+ "
             "years)**\n\n- **Salary Range:** $150,000 - $220,000\n- **Responsibilities:**\n  - Test framework design\n  - "
             "Tool evaluation and selection\n\n**Growth Path:**\n\n- Principal Test Architect\n- Engineering Director\n")
    bot = _bot_on(tmp_path, embedder, {"guide.md": guide, **_one_paragraph_articles(
        parks="Becoming a park ranger means working up from an entry-level position; openings are rarely advertised.")})
    answer = bot.ask("how much does a test architect earn")
    assert "$150,000 - $220,000" in answer.text and "$120,000" not in answer.text and not answer.gaps, answer.text
    assert "$150,000" not in bot.ask("what's the starting salary for a national park service ranger").text


def test_a_figure_given_only_by_its_sections_heading_answers_and_is_quoted_first(tmp_path, embedder):
    # A tester's solar library: "how much do solar pv installers make" was told "The guides give no figure for that"
    # under a citation headed "Solar PV Installer - $70,286", the only place the page gives the pay.
    jobs = {"Solar PV Installer - $70,286": "Solar PV installers set up the equipment that connects solar energy "
                                           "systems to electrical grids. They also draw designs for the best layout.",
            "Solar Consultant - $90,000": "Solar consultants advise on large solar projects and are very well-paid. "
                                          "They work closely with contractors and engineers on every project.",
            "Solar Materials Scientist - $95,642": "A solar materials scientist researches compounds such as alloys "
                                                   "and glass to find out how they relate to solar energy generation."}
    page = "# Highest Paying Careers in Solar Technology\n\nBelow we look at the highest-paying careers in solar.\n\n" + "".join(
        f"## {heading}\n\n{text}\n\n" for heading, text in jobs.items())
    bot = _bot_with_page(tmp_path, embedder, "solar.md", page,
                         wind="Wind turbine technicians climb towers to service turbines, and most train at a technical school.")
    answer = bot.ask("how much do solar pv installers make")
    assert answer.gaps == () and answer.text.startswith("Solar PV Installer - $70,286"), answer.text
    # ... but not a heading naming someone else's pay.
    answer = bot.ask("how much do wind turbine technicians make")
    assert "$" not in answer.text.split("\n")[0], answer.text


def test_a_figure_given_by_a_list_item_under_its_heading_answers(tmp_path, embedder):
    # A tester's dietetics library: "how many hours of supervised practice do you have to do in the MSU dietetic
    # internship" was told "no figure"; "Complete 1,064 hours of supervised practice", an item of a list straight
    # under its heading, is no sentence to quote alone elsewhere.
    page = ("# Dietetic Internship\n\nThe Mississippi State University (MSU) Dietetic Internship provides supervised "
            "practice experience in a variety of nutrition and dietetic practice areas.\n\nInterns usually complete the "
            "requirements for the internship and a master's degree within two years.\n\n"
            "## Supervised Practice Completion Requirements\n\n- Enroll as an MSU graduate student and meet all "
            "requirements\n- Attend professional meetings\n- Complete 1,064 hours of supervised practice\n- Pass the "
            "internship's exit exam\n")
    bot = _bot_with_page(tmp_path, embedder, "internship.md", page,
                         exam="The registration exam for dietitians is taken after the internship, at a testing centre.")
    answer = bot.ask("how many hours of supervised practice do you have to do in the MSU dietetic internship")
    assert answer.gaps == () and "Complete 1,064 hours of supervised practice" in answer.text.split("\n\n")[0], answer.text
    # ... not one that names only the unit asked ("hours") and one word of the question beside its figure.
    from bot.answer import _figure_item

    passages = bot.retrieve("supervised practice completion requirements")
    asked = "how many hours of practice do interns need"
    assert _figure_item(passages, asked, frozenset({"practic", "supervis"}), frozenset(), None) is not None
    assert _figure_item(passages, asked, frozenset({"practic", "hour"}), frozenset(), None) is None


def test_a_passage_quoted_whole_for_a_sum_starts_at_the_paragraph_giving_it(tmp_path, embedder):
    # A tester's technical writing library: "how much do tech writers make" opened on three paragraphs of the
    # author's story before "It's also fairly lucrative to be a technical writer, with the average salary in the US
    # being $76,432 per year." (which leans on the paragraph before it: that one is kept).
    page = ("# How to Become a Technical Writer\n\nTech writers make documentation that people can use, and many tech "
            "writers make the move from software development.\n\nIf you're a developer, you may be in a good position "
            "to become a tech writer.\n\nDevelopers know Git, Markdown and programming languages, and they can teach "
            "others to use them.\n\n"
            "It's also fairly lucrative to be a technical writer, with the average salary in the US being $76,432 per "
            "year. This makes it a viable career to support yourself and your family.\n")
    answer = _bot_with_page(tmp_path, embedder, "writer.md", page, editor="Editors review drafts for style and "
                            "correctness, and many start as proofreaders.").ask("how much do tech writers make")
    assert answer.text.startswith("Developers know Git"), answer.text
    assert "$76,432" in answer.text and "documentation" not in answer.text


def test_a_follow_up_refused_alone_that_names_nothing_new_is_searched_with_the_turn_before(tmp_path, embedder):
    # A tester's social work library: "how do i keep it once i have it?" after "what is the CCM certification?" was
    # searched alone and refused ("The guides don't cover that"), over a section on keeping it.
    page = ("# Case management certification\n\n## CCM (Certified Case Manager)\n\nThe CCM is issued by the Commission "
            "for Case Manager Certification and is the most widely recognised credential for case managers.\n\n"
            "## CCM Maintenance\n\nTo keep the CCM certification you must complete 80 continuing education hours "
            "every 5 years and renew it with the commission.\n")
    bot = _bot_with_page(tmp_path, embedder, "ccm.md", page,
                         lcsw="A licensed clinical social worker needs a master's degree in social work and supervised experience.")
    history = _conversation(bot, "what is the CCM certification?")
    answer = bot.ask("how do i keep it once i have it?", history=history)
    assert answer.kind == "answer" and "80 continuing education hours" in answer.text, answer.text
    # ... but one naming what the library never says is still refused.
    assert bot.ask("is it going to snow in chicago this weekend?", history=history).kind == "not_covered"


def test_a_follow_up_about_him_or_her_is_answered_from_the_articles_the_last_answer_quoted(tmp_path, embedder):
    # A tester's translation library: "what does he advise beginners?" after "how did Matthew Roselli get into
    # translation?" quoted another author's advice to beginners, which matched it better.
    articles = {
        "roselli.md": ("# Making the most of an unexpected opportunity\n\nMatthew Roselli is an English-Italian translator "
                       "based in Alessandria who began his translation career in 2010 after a chance job at a law firm.\n\n"
                       "## How do you find clients?\n\nMost of my clients come from referrals by other translators and "
                       "from agencies I have worked with for years.\n\n## Your best advice for newcomers?\n\nSpecialise "
                       "early, charge fair rates and never stop learning about the fields you translate in.\n"),
        "leeds.md": ("# How to start a translation career\n\nDr. Dragos Ciobanu leads a translation master's programme "
                     "at Leeds.\n\n## Advice for beginners\n\nThe advice he gives beginners and aspiring translators is to "
                     "look for in-house project management jobs first, which are easier to find than translation jobs.\n"),
    }
    bot = _bot_on(tmp_path, embedder, articles)
    history = _conversation(bot, "how did Matthew Roselli get into translation?")
    answer = bot.ask("what does he advise beginners?", history=history)
    assert answer.citations and all(c.article.id == "roselli" for c in answer.citations), answer.text


def test_a_definition_asked_for_leads_when_the_top_passage_gives_none(tmp_path, embedder):
    # A tester's technical writing library: "What is DITA?" was answered "MadCap Flare ... has a lot of the important
    # concepts of DITA, but is technically not DITA."; "DITA stands for Darwin Information Typing Architecture."
    # ranked second, and so did "The idea behind docs as code is that ..." for "What does docs as code mean?".
    page = ("# What kind of technical writing job should I get into?\n\n## A note about MadCap Flare\n\nMadCap Flare is a "
            "program that uses XML and is topic based. It has a lot of the important concepts of DITA, but is technically "
            "not DITA, and it can import DITA files. DITA and Flare jobs pay well.\n\n## Topic based writing\n\nDITA stands "
            "for Darwin Information Typing Architecture. All documentation is broken into concept, task and reference "
            "topics.\n\n## Docs as code\n\nDocs as code tends to pay very high. Docs as code is what I use for work, and "
            "it suits writers who like code.\n\n## Learning git\n\nThe idea behind docs as code is that writers use the "
            "same workflow and tools that developers use, so learning git is required for docs as code work.\n")
    bot = _bot_with_page(tmp_path, embedder, "jobs.md", page,
                         resume="A technical writer's resume should list the tools they have written documentation with.")
    assert bot.ask("What is DITA?").text.startswith("DITA stands for Darwin Information Typing Architecture.")
    assert bot.ask("whats docs as code").text.startswith("The idea behind docs as code is that")


def test_a_sum_for_every_word_of_who_is_asked_replaces_one_for_fewer_and_leads_its_paragraph(tmp_path, embedder):
    # A tester's trades library: "how much do pipeline welders make" was answered with all welders' median under
    # "The sections quoted here never mention “pipeline welders”"; another guide says "specialized welders (pipeline,
    # underwater, aerospace) earning $80,000-$150,000+", after a certification's test fees in its paragraph.
    articles = {
        "welder.md": ("# Welder Career Overview\n\n## Welder Salary & Career Outlook\n\nAccording to the Bureau of Labor "
                      "Statistics, welders earn an annual median wage of $47,010. Those in the top ten percent make "
                      "$63,660.\n\nBeginners in the bottom ten percent take home at least $31,350.\n"),
        "aws.md": ("# AWS Welding Certification\n\n## Bottom Line Up Front\n\nAWS certifications validate welding skills. "
                   "Certification testing costs $35-$250 per test. Certified welders earn $40,000-$75,000, with "
                   "specialized welders (pipeline, underwater, aerospace) earning $80,000-$150,000+.\n"),
    }
    answer = _bot_on(tmp_path, embedder, articles).ask("how much do pipeline welders make")
    assert answer.gaps == () and answer.text.startswith("Certified welders earn $40,000-$75,000"), answer.text


def test_a_figure_for_a_short_form_the_passage_spells_out_is_for_it(tmp_path, embedder):
    # A tester's teaching library: "What's the median hourly wage for substitute teachers nationally according to the
    # BLS?" was answered with a high school teacher's salary under "None of the figures quoted here is said to be for
    # “BLS”"; "The Bureau of Labor Statistics reports the median hourly wage for substitute teachers at $16.29
    # nationally." was in the passages.
    articles = {
        "teachers.md": ("# Substitute teacher wages nationally\n\n## Median wage\n\nThe median salary for high school "
                        "teachers in 2018 was $60,320, and the median hourly wage for substitute teachers nationally depends "
                        "on the district.\n\n## Sources\n\nThe BLS and the states publish wage surveys every year.\n"),
        "subs.md": ("# How much should you pay substitute teachers?\n\n## The pay landscape\n\nThe Bureau of Labor Statistics "
                    "reports the median hourly wage for substitute teachers at $16.29 nationally. A sub in the Bay Area "
                    "might earn $250/day.\n"),
    }
    answer = _bot_on(tmp_path, embedder, articles).ask(
        "What's the median hourly wage for substitute teachers nationally according to the BLS?")
    assert answer.gaps == () and answer.text.startswith("The Bureau of Labor Statistics reports"), answer.text


def test_a_route_sharing_a_modifier_of_what_is_required_is_no_other_side(tmp_path, embedder):
    # A tester's teaching library: "Do I need to get fingerprinted to teach in New York?" opened "The guides don't all
    # agree on this", with alternative certification's attrition set against "All teachers are required to submit to a
    # federal and state criminal background check as well as fingerprinting" on the words "state" and "teachers".
    bot = _bot_on(tmp_path, embedder, {
        "ny.md": ("# How to Become a Teacher in New York\n\n## Additional Requirements\n\nNew York certifies its teachers "
                  "through the state education department.\n\nAll teachers are required to submit to "
                  "a federal and state criminal background check as well as fingerprinting. Since many schools require "
                  "fingerprinting before student fieldwork begins, take care of this early.\n"),
        "alt.md": ("# Alternative certification pathways\n\n## Who they serve\n\nAlternative certification programs (Teach for "
                   "America, state-specific programs, university-based alternative routes) are designed for career "
                   "changers. Teachers who entered through alternative routes left at similar rates.\n")})
    answer = bot.ask("Do I need to get fingerprinted to teach in New York?")
    assert not answer.disagreement and "All teachers are required" in answer.text, answer.text


def test_a_sum_of_the_other_side_does_not_answer_what_something_costs(tmp_path, embedder):
    # A tester's CDL library: "how much does truck driving school cost" opened on a trainer's "can average $60,000-
    # $80,000 a year" (no article prices the school); "how much do team drivers make?" on a first year's pay.
    articles = {
        "pay.md": ("# How much money do truck drivers make?\n\n## Types of driving\n\nTrainer: after a few years on the road, "
                   "you can train new drivers at truck driving school and earn $60,000-$80,000 a year.\n\nTeam drivers are "
                   "both compensated for the combined mileage, and teams can average up to $100,000-$150,000 a year.\n"),
        "school.md": ("# What is truck driving school like?\n\nTruck driving school trains you for the CDL exam in three to "
                      "four weeks, and tuition assistance is available for those who qualify.\n"),
    }
    answer = _bot_on(tmp_path, embedder, articles).ask("how much does truck driving school cost")
    assert answer.gaps == ("a figure",), answer.text


def test_a_short_forms_plural_is_named_where_it_is_spelled_out():
    # A tester's speech pathology library: "How much do SLPs make?" opened "None of the figures quoted here is said to
    # be for “SLPs”" under "How Much Do Speech-Language Pathologists Make?".
    from bot.answer import _names_not_in

    quoted = "How Much Do Speech-Language Pathologists Make? West: $85,000 per year. CAS rules. Travel PT contracts pay well."
    assert _names_not_in(("SLPs", "PTs", "CASS", "OTs"), quoted) == ("CASS", "OTs")
    # ... and a word in two capitalised parts gives two initials: "Certified ScrumMaster" spells CSM (a tester's: "None of
    # the figures quoted here is said to be for “CSM”" over an Advanced Certified ScrumMaster's pay)
    assert _names_not_in(("CSM", "PSM"), "The average Advanced Certified ScrumMaster earns $110,000 a year.") == ("PSM",)
    # ... and a clipping is named by the word it clips: "pharma reps" by "pharmaceutical reps" (a tester's), not "vet" by "veto"
    quoted = "Specialty pharmaceutical reps earn $129K on average. A veto rarely stops a hire."
    assert _names_not_in(("pharma reps", "vet techs"), quoted) == ("vet techs",)
    # ... in the plural too: "physios" by "physiotherapists" (a tester's: "never mention “physios”" over their pay)
    assert _names_not_in(("physios", "dentos"), "Physiotherapists in Australia earn $70,000 to $100,000 AUD.") == ("dentos",)


def test_a_figure_leaning_on_its_sentence_before_inside_its_first_words_is_that_ones():
    # A tester's medical library: "In Boston, this amounts to around $300,000 per year + $50,000 bonus." after
    # "radiation oncologists are paid a surgeon's salary" opened "None of the figures quoted here is said to be for
    # “radiation oncologists”".
    from bot.answer import Answer, Citation, _names_beside_its_figures
    from bot.index.store import ArticleRecord

    text = ("D'Amico: radiation oncologists are paid a surgeon's salary. In Boston, this amounts to around $300,000 per "
            "year + $50,000 bonus.")
    at = text.index("In Boston")
    answer = Answer(f"{text[at:]} [1]", [Citation(1, text, ArticleRecord("s", "Specialty interest series", "s.md", "x"),
                                                  "s:c0", 0.5, highlights=((at, len(text)),))])
    assert _names_beside_its_figures(("radiation oncologists",), answer, "how much do radiation oncologists make?") == ()
    # ... and one named by a sentence quoted before it in its paragraph, however it opens: "Demand is so high for skilled
    # watchmakers ... Starting salaries range from $45,000 to $55,000 a year." (a tester's: "... said to be for
    # “watchmakers”"); not by a paragraph left out.
    text = "Demand is so high for skilled watchmakers that graduates are hired at once. Starting salaries range from $45,000 a year."
    spans = ((0, text.index(" Starting")), (text.index("Starting"), len(text)))
    answer = Answer(f"{text} [1]", [Citation(1, text, ArticleRecord("w", "Free tuition", "w.md", "x"), "w:c0", 0.5,
                                             highlights=spans)])
    assert _names_beside_its_figures(("watchmakers",), answer, "how much do watchmakers make starting out?") == ()
    answer = Answer(f"{text[spans[1][0]:]} [1]", [Citation(1, text, ArticleRecord("w", "Free tuition", "w.md", "x"), "w:c0",
                                                          0.5, highlights=spans[1:])])
    assert _names_beside_its_figures(("watchmakers",), answer, "how much do watchmakers make starting out?") == ("watchmakers",)


def test_a_sources_section_path_drops_its_headings_closing_colons():
    # Three testers' source lines read "Beyond Journeyman › Foreman:" and "Solar - Required Background & Experience: ›
    # Where to Start:": a bold label's colon kept in the heading it became.
    from bot.answer import section_of
    from bot.index.store import ArticleRecord

    article = ArticleRecord("t", "Trade Careers for Veterans", "t.md", "x")
    assert section_of(article, "Foreman:", ("Career Progression", "Beyond Journeyman:")) == \
        "Career Progression › Beyond Journeyman › Foreman"
    assert section_of(article, "Ratio 3:1") == "Ratio 3:1"


def test_what_someone_makes_asks_their_pay():
    # A tester's midwifery library asked "what does a labor and delivery nurse make?": read as no figure asked.
    from bot.question import analyse, figure_asked

    for q in ("what does a labor and delivery nurse make?", "what do welders make a year", "what do nurses make in texas?"):
        assert analyse(q).type == "amount" and figure_asked(q) == "money", q
    for q in ("what do i need to make a portfolio?", "what does it take to make partner?", "what can I make with python?"):
        assert figure_asked(q) != "money", q


_NURSE_PAGE = ("# Labor & Delivery Nurse: Childbirth & Obstetric Care\n\nLabor and Delivery (L&D) Nurses specialize in caring "
               "for women during labor, childbirth, and the immediate postpartum period.\n\n## What L&D Nurses Do\n\nL&D "
               "nurses monitor fetal heart rates, assess labor progress and support natural and medicated births.\n\n"
               "## Salary & Compensation\n\n**Average Salary**: $70,000 - $95,000 annually  \n**Entry-Level**: $62,000 - "
               "$72,000  \n**Experienced L&D RN**: $78,000 - $105,000  \n**Call Pay**: Additional $2-5/hour for on-call "
               "shifts\n\nMany L&D units require on-call rotation, providing extra compensation.\n")
_MSN_PAGE = ("# MSN Programs for Advanced Practice\n\n## 4. Certified Nurse-Midwife (CNM)\n\n- Provides prenatal, delivery, "
             "and postpartum care\n- Duration: 2-3 years\n- Salary: $100K-$120K\n")


def test_a_pay_question_is_answered_from_the_first_line_of_its_labelled_figures(tmp_path, embedder):
    # A tester's midwifery library: "what does a labor and delivery nurse earn?" was told "The guides give no figure"
    # (the salary section ranked sixth, its title's "&" no "and"), and "how much do L&D nurses make" opened on
    # "Experienced L&D RN", the average and entry-level lines above it left out. "How much does a certified nurse
    # midwife make?" was told none of the figures was for one, under "Certified Nurse-Midwife (CNM)".
    bot = _bot_on(tmp_path, embedder, {"ld.md": _NURSE_PAGE, "msn.md": _MSN_PAGE})
    for q in ("what does a labor and delivery nurse earn?", "how much do L&D nurses make"):
        answer = bot.ask(q)
        assert not answer.gaps and answer.text.startswith("Average Salary: $70,000"), (q, answer.text)
    answer = bot.ask("How much does a certified nurse midwife make?")
    assert not answer.gaps and "$100K-$120K" in answer.text, answer.text


def test_a_follow_up_naming_only_another_thing_asks_the_same_of_it(tmp_path, embedder):
    # A tester's "and a NICU nurse?" after a labor and delivery nurse's pay was answered with the NICU article's
    # opening, its salary section under "See also".
    nicu = (_NURSE_PAGE.replace("Labor & Delivery Nurse: Childbirth & Obstetric Care", "NICU Nurse: Neonatal Intensive Care")
            .replace("Labor and Delivery (L&D) Nurses specialize in caring for women during labor, childbirth, and the "
                     "immediate postpartum period", "Neonatal Intensive Care Unit (NICU) Nurses specialize in caring for "
                     "premature and critically ill newborns").replace("L&D", "NICU").replace("$70,000 - $95,000", "$75,000 - $100,000"))
    bot = _bot_on(tmp_path, embedder, {"ld.md": _NURSE_PAGE, "nicu.md": nicu})
    history = _conversation(bot, "what does a labor and delivery nurse earn?")
    answer = bot.ask("and a NICU nurse?", history=history)
    assert answer.text.startswith("Average Salary: $75,000 - $100,000"), answer.text


def test_which_of_the_two_and_who_can_apply_lean_on_the_turn_before():
    # A tester's "which of the two has more on-call?" (after two nurses' pay) and "who can apply?" (after a question
    # on a fellowship) were searched alone and answered from a parents' birth-plan guide.
    from bot.conversation import depends_on_context, strongly_depends

    # ... and "how much do they make in emergency medicine?" after "whats the best paying PA specialty?" (a tester's got
    # emergency nurses' pay).
    for message in ("which of the two has more on-call?", "who can apply?", "how do i join?",
                    "how much do they make in emergency medicine?"):
        assert strongly_depends(message) and depends_on_context(message), message
    for message in ("who can apply for a CNM program?", "which nursing school is best?", "how much do you make in emergency medicine?"):
        assert not strongly_depends(message), message


def test_a_greeting_with_a_question_about_the_bot_is_small_talk():
    # A tester's "hello! who are you?" was answered as its doula's "Hello! I'm Rebecah Hatchel ...".
    from bot.conversation import is_small_talk

    assert is_small_talk("hello! who are you?") and is_small_talk("hi, what can you do?") and is_small_talk("thanks! bye")
    assert not is_small_talk("hey how much do nurses make") and not is_small_talk("ok so what about nursing")


def test_how_one_gets_paid_and_a_length_with_a_short_form_spelled_out_ask_no_sum_or_time():
    # A tester's freelance writing library: "how do they get paid" (after ghostwriters) opened "The guides give no
    # figure for that"; "how long should my SEO title and meta description be", its "SEO" spelled out in brackets by
    # the library, was read as asking a time, and "no figure" stood over "Aim for 50-60 characters".
    from bot.question import analyse, figure_asked

    for q in ("how do they get paid", "how do freelancers get paid by clients", "when do they get paid?"):
        assert analyse(q).type != "amount", q
    assert analyse("how much do they get paid").type == "amount" and analyse("how do I get paid more?").type == "amount"
    assert figure_asked("how long should my SEO (search engine optimization) title and meta description be") == "any"
    assert figure_asked("how long does the CPA (certified public accountant) exam take") == "time"


def test_sources_sharing_a_title_are_told_apart_by_their_articles_ids(tmp_path, embedder):
    # A tester's web3 library: two sites' pages titled "Introduction" were cited as "[1] Introduction" and offered as
    # "See also: - Introduction"; a reader could not tell the job-hunting page from the smart-contract one.
    bot = _bot_on(tmp_path, embedder, {
        "getting-a-job-introduction.md": ("# Introduction\n\nThere are various structures in web3 that allow a developer to "
                                          "get paid for their work, such as grants, DAO bounties and security bounties.\n"),
        "smart-contracts-introduction.md": ("# Introduction\n\nSmart contract development is writing programs that run on a "
                                            "blockchain; a developer gets paid for audits and deployments.\n"),
        "salary.md": "# Web3 salaries\n\nA blockchain developer in London earns around £55,000 to £150,000 a year.\n"})
    text = bot.ask("what ways are there for a web3 developer to get paid apart from a job?").to_text()
    assert "Introduction (getting-a-job-introduction)" in text and "- Introduction\n" not in text + "\n", text


def test_a_city_typed_by_its_short_form_is_named_by_its_name():
    # A tester's dispatch library: "does LA county pay dispatchers more than houston does?" opened "The guides never
    # mention “LA”" over Los Angeles County's pay.
    from bot.evidence import _written_otherwise

    q = "does LA county pay dispatchers more than houston does?"
    assert _written_otherwise(("LA",), [q, "Los Angeles County Sheriff: $54,648-$73,644 a year"], set()) == ()
    assert _written_otherwise(("LA",), [q, "Houston: $20.91-$23.23 an hour"], set()) == ("LA",)


def test_chat_shorthand_is_searched_as_the_words_it_stands_for():
    # A tester's web3 library: "solidity dev wfh possible?" was told "The guides never mention “wfh”" over a section
    # titled "Can Solidity Developers Work from Home?"; a veterans' library's "fed resume how many pgs" got fonts.
    from bot.library import Library

    assert Library().expand("solidity dev wfh possible?") == "solidity dev work from home possible?"
    assert Library().expand("fed resume how many pgs") == "fed resume how many pages"
    assert Library(abbreviations={"wfh": "working from home"}).expand("wfh ok?") == "working from home ok?"
    # ... and a GRC library's "what certs should I start with?", refused over its "Recommended Certifications".
    assert Library().expand("what certs should I start with?") == "what certifications should I start with?"


def test_an_item_quoted_in_a_disagreement_keeps_its_heading(tmp_path, embedder):
    # A tester's mobile library: "do i need to know both ios and android?" quoted "- "You need to know both iOS and Android
    # development"" from under "## Common Misconceptions" without its heading, in a disagreement: the myth read as the
    # guide's claim.
    bot = _bot_on(tmp_path, embedder, {
        "mobile.md": ("# Mobile Apps Developer\n\n## What they do\n\nMobile developers build apps for phones and tablets.\n\n"
                      "## Common Misconceptions\n\n- **\"You need to know both iOS and Android development\"** - While knowing "
                      "both is valuable, many developers specialize in one platform.\n- **\"Mobile development is just like web "
                      "development\"** - Mobile has unique constraints and capabilities that require specialized knowledge.\n"),
        "ios.md": ("# How to become an iOS Developer\n\n### Is computer science knowledge is necessary for getting the first "
                   "job?\n\n**Bohdan.**\nNo, CS knowledge is not required. But don't trust me, I say this only because I'm "
                   "horrible in CS. CS questions are a strong candidate filter.\n")})
    answer = bot.ask("do i need to know both ios and android?")
    assert 'Common Misconceptions:\n- "You need to know both iOS' in answer.text, answer.text


def test_words_of_the_sum_or_of_a_clause_before_salary_name_no_one(tmp_path, embedder):
    # Testers' libraries: "Should I tell the employer what I made in the military when we negotiate salary?" opened
    # "The sections quoted here never mention “military when we negotiate”"; "what's the national median salary for
    # opticians" opened "never mention “national median”" over the opticians' pay.
    from bot.evidence import names_asked

    bot = _bot_on(tmp_path, embedder, {
        "negotiation.md": ("# Salary negotiation for veterans\n\n## FAQ\n\nQ: Should I share my military salary? A: No. Military "
                           "salaries aren't comparable to civilian markets. Negotiate once the offer is made.\n"),
        "optician.md": ("# Licensed Optician\n\n## Pay\n\nLicensed opticians earn $40,000 to $60,000 a year, more in large "
                        "cities.\n\n## Geographic salary variations\n\n- National median (BLS 2024): $47,560\n")})
    for q in ("Should I tell the employer what I made in the military when we negotiate salary?",
              "whats the national median salary for opticians"):
        assert names_asked(bot.profile, q) == (), q


def test_a_heading_with_no_word_of_a_topic_is_no_suggestion(tmp_path, embedder):
    # Read blind: a refusal offered "What do the guides say about what you get?" (a training page's "## What you get").
    bot = _bot_on(tmp_path, embedder, {
        "course.md": ("# The 999 call handler course\n\n## What you get\n\nYou get a certificate, a headset and three weeks of "
                      "paid training.\n\n## Shift patterns\n\nCall handlers work twelve-hour shifts, days and nights.\n\n"
                      "## Pay bands\n\nCall handlers start on band 3 of the NHS pay scale.\n")})
    offered = bot.profile.suggestions(bot.embedder.embed_query("what do you get on the course"))
    assert offered and not any("what you get" in s.lower() for s in offered), offered


def test_a_years_pay_is_no_hourly_rate_and_the_period_names_no_one(tmp_path, embedder):
    # A tester's animation library: "how much does an animator make a year?" was answered with a freelancer's "upwards of
    # $50 per hour", the role page's "## Salary Range" ("$70,820 per year") under "See also"; once found, the motion
    # graphics designer's "$60,000 per year" led it, naming the "year" asked.
    from bot.question import gives_figure

    assert not gives_figure("how much does an animator make a year?", "Animators charge upwards of $50 per hour.")
    assert gives_figure("how much does an animator make a year?", "They earn $60,000-$80,000 a year.")
    assert gives_figure("how much does an animator make?", "Animators charge upwards of $50 per hour.")
    assert gives_figure("what do animators make per hour", "Animators charge upwards of $50/hr or $100k/yr.")
    role = "# {}\n\n## Job Description\n\nA {} is a creative professional who {}.\n\n## Salary Range\n{}\n"
    bot = _bot_on(tmp_path, embedder, {
        "freelance.md": ("# The World of Freelance Animation and Motion Graphics\n\n## Making It a Viable Source of Income\n\n"
                         "Freelancing in animation and motion graphics is a viable source of income. Professional animators "
                         "and motion graphics artists can expect to charge clients upwards of $50 per hour.\n"),
        "animator.md": role.format("Animator", "animator", "creates characters for film", "$70,820 per year"),
        "motion.md": role.format("Motion graphics designer", "motion graphics designer",
                                 "designs animated graphics and animation for video", "$60,000 per year"),
        "spot.md": ("# Coding Career Spotlight: Animation\n\n## How does coding help an animator?\n\nAlmost all animations "
                    "are made by computers, and an animator who codes is in demand every year.\n")})
    answer = bot.ask("how much does an animator make a year?")
    assert "$70,820 per year" in answer.text.split("\n\n")[0], answer.text


def test_a_percentage_asked_anywhere_is_a_share_and_an_hourly_rate_no_yearly_salary():
    # A tester's insurance library: "What commission percentage do property and casualty agents typically earn on a
    # policy?" opened "The guides give no figure for that" over "between 7% and 20% commission"; "What's the hourly pay for
    # a claims adjuster?" was answered with "$52,577 each year" and no word that no hourly figure is given.
    from bot.question import gives_figure

    q = "What commission percentage do property and casualty agents typically earn on a policy?"
    assert gives_figure(q, "P&C agents typically earn between 7% and 20% commission on each policy they sell.")
    assert not gives_figure("What's the hourly pay for a claims adjuster?", "A claims adjuster's average salary is $52,577 each year.")


def test_a_route_past_one_credential_is_no_other_side_of_another():
    # A tester's nuclear library: "do i need a CDL for utility jobs?" opened "The guides don't all agree on this", a
    # podcast's "landed $85K reactor operator trainee role ... without a degree" set against "CDL ... Required".
    from bot.stance import answers

    firm = "CDL (Commercial Driver's License): Required for many field positions"
    assert not answers("Navy nuclear electrician landed an $85K reactor operator trainee role without a degree.", firm)
    assert answers("Many hires come in without a degree, through an apprenticeship.", "A bachelor's degree is required for this role.")


def test_their_pay_after_what_is_x_is_xs_pay(tmp_path, embedder):
    # A tester's rehab library: "what's their median pay?" after "what is a physical therapist assistant?" was searched
    # alone and answered with physical therapists' $101,020, the assistants' $65,510 under "See also".
    page = ("# {0}\n\n## What they do\n\n{1}\n\n## Pay\n\nThe median annual wage for {2} was {3} in May 2024.\n")
    bot = _bot_on(tmp_path, embedder, {
        "pt.md": page.format("Physical Therapists", "Physical therapists help injured or ill people improve movement and "
                             "manage pain.", "physical therapists", "$101,020"),
        "pta.md": page.format("Physical Therapist Assistants and Aides", "A physical therapist assistant works under the "
                              "direction of physical therapists, helping patients recover movement.", "physical therapist "
                              "assistants", "$65,510")})
    from bot.conversation import strongly_depends
    from bot.evidence import _asked

    assert strongly_depends("what's their median pay?")
    query = "what is a physical therapist assistant? what's their median pay?"
    assert _asked(bot.profile, "what's their median pay?", query)[1] == ("physical therapist assistant",)
    history = _conversation(bot, "what is a physical therapist assistant?")
    answer = bot.ask("what's their median pay?", history=history)
    assert "$65,510" in answer.text and "$101,020" not in answer.text.split("\n\n")[0], answer.text


def test_a_name_typed_in_lower_case_holds_a_figure_to_it(tmp_path, embedder):
    # A tester's librarian library: "what does darien library pay a childrens librarian" was answered with Queens
    # Library's "Annual salaries start at $47,075", a sentence naming no library.
    from bot.evidence import names_asked

    bot = _bot_on(tmp_path, embedder, {
        "queens.md": ("# Children's Librarian - Queens Library\n\n## Compensation\n\nSalary: Annual salaries start at $47,075 for "
                      "entry level librarians and range up to $54,970 for senior librarians.\n"),
        "darien.md": ("# Jobs: Children's Collection Librarian\n\nDarien Library Children's Librarians are creative, energetic "
                      "and enthusiastic, with a passion for public service.\n\n## Duties\n\nPlans story times and summer reading "
                      "for children at Darien Library.\n")})
    assert names_asked(bot.profile, "what does darien library pay a childrens librarian") == ("darien",)
    answer = bot.ask("what does darien library pay a childrens librarian")
    assert not answer.text.startswith("Salary: Annual salaries start at $47,075"), answer.text


def test_a_requirement_question_leads_with_the_sentence_saying_whether_it_is_needed(tmp_path, embedder):
    # A tester's home inspection library: "do I need a license to be a home inspector in california" was answered with
    # the state's list of steps; "Generally, home and building inspectors in California are not expected to obtain a
    # license or become certified." was under "See also".
    bot = _bot_on(tmp_path, embedder, {
        "california.md": ("# How to Become a Home Inspector in California\n\n## Do I need a license to be a home inspector "
                          "in California? The steps\n\nThe following are the steps to becoming a home and building inspector "
                          "in California.\n- Step 1: Complete a Training Course\n- Step 2: Pass the National Exam\n- Step 3: "
                          "Secure Employment\n\n## Certification\n\nGenerally, home and building inspectors in California "
                          "are not expected to obtain a license or become certified. Passing the national exam still helps "
                          "candidates stand out.\n"),
        "texas.md": ("# How to Become a Home Inspector in Texas\n\n## Licensing\n\nHome inspectors in Texas must hold a license "
                     "from the Texas Real Estate Commission before they work.\n")})
    answer = bot.ask("do I need a license to be a home inspector in california")
    assert answer.text.startswith("Generally, home and building inspectors in California are not expected"), answer.text


def test_a_figure_opening_a_priced_section_answers_under_its_heading_and_no_employers_revenue_does(tmp_path, embedder):
    # A tester's clinical research library of job ads: "how much do CRAs get paid?" was told "no figure" over a job ad's
    # "## Base Salary Range" ("$85,000 - $110,000 annually, based on ..."), no sentence to quote alone, and "how much
    # does a CRA make at IQVIA?" was answered "Revenue: $14.4+ billion annually".
    ad = ("# Clinical Research Associate (CRA) - Acme Trials\n\n## Company Overview\n\nAcme Trials runs clinical trials for drug makers.\n\n- Revenue: $14.4+ billion annually\n"
          "- Employees: 80,000 in 100 countries\n\n## Base Salary Range\n\n$85,000 - $110,000 annually, based on experience and "
          "geographic location\n\n## Travel Requirements\n\n- Ability to travel up to 50-75% within the assigned territory\n")
    bot = _bot_on(tmp_path, embedder, {"cra-acme.md": ad, **_one_paragraph_articles(
        about="A clinical research associate (CRA), also called a clinical monitor, is a health-care professional who "
              "performs many activities related to medical research, particularly clinical trials.",
        coordinator="A clinical research coordinator runs the trial day to day at the site and keeps its records.")})
    for question in ("how much do CRAs get paid?", "how much does a CRA make at Acme Trials?"):
        answer = bot.ask(question)
        assert answer.text.startswith("Base Salary Range:\n$85,000 - $110,000") and "$14.4" not in answer.text.split("[1]")[0], answer.text


def test_a_rare_name_the_first_passage_writes_with_the_other_words_asked_is_answered(tmp_path, embedder):
    # A tester's founder library: "whats the pomodoro technique" was refused (best cosine 0.24), though a tip says it.
    tips = ["Get some sleep — you cannot run on empty or make hard decisions without a good night's sleep.",
            "Be task oriented — it's easy to get distracted. There are loads of time management methods out there to help — "
            "try something like the pomodoro technique where you focus on one task for a 25 minute block, then take a 5 "
            "minute break.", "Get some exercise — a walk every day clears your mind."]
    page = "# Work / Life Balance for Founders\n\n" + "".join(f"- {tip}\n" for tip in tips)
    bot = _bot_on(tmp_path, embedder, {"balance.md": page, **_one_paragraph_articles(
        cofounders="Picking a co-founder is hard: look for red flags such as a partner who will not commit full time.",
        salary="Most founders pay themselves as little as possible until the company raises money.")})
    answer = bot.ask("whats the pomodoro technique")
    assert answer.kind == "answer" and "pomodoro technique where you focus" in answer.text, answer.text
    assert bot.ask("whats the best lasagna technique").kind == "not_covered"


def test_a_poem_or_a_joke_is_no_question_for_the_guides(guides_bot):
    # A tester's phlebotomy library answered "can you write me a poem about blood" with a phlebotomist's duties.
    for message in ("can you write me a poem about blood", "Write a short funny poem about my cat who hates Mondays.", "tell me a joke"):
        answer = guides_bot.ask(message)
        assert answer.kind == "not_covered" and answer.text.startswith("I can't write poems"), answer.text
    assert guides_bot.ask("tell me about the story of how people became ML engineers").text[:14] != "I can't write "


def test_a_one_word_career_the_library_names_in_many_chunks_is_its_own(tmp_path, embedder):
    # A tester's funeral service library: "how do i become a mortician?" was refused ("The guides don't cover
    # “mortician”"): the passages found were headed "How to Become a Funeral Service Worker" and never said it, though
    # fourteen chunks of the library do. A career named in a chunk or two ("a pilot project") is still another career.
    from bot.evidence import _career_not_held
    pages = {f"p{k}.md": f"# Page {k}\n\n{text}\n" for k, text in enumerate([
        "Morticians plan the details of a funeral with the family.", "Morticians earned a median of $49,800 in 2024.",
        "Many morticians work evenings and weekends, and some are on call.", "Morticians must be licensed in every state.",
        "Morticians often embalm the body before a viewing.", "We ran a pilot project on grief support last year."])}
    bot = _bot_on(tmp_path, embedder, pages)
    held = {"funer", "servic", "worker"}  # what passages that never say it hold
    assert _career_not_held(bot.profile, "how do i become a mortician?", held, bot.store, bot.retriever.index) == ()
    assert _career_not_held(bot.profile, "how do i become a pilot?", held, bot.store, bot.retriever.index) == ("pilot",)


def test_a_word_only_a_heading_writes_is_mentioned(tmp_path, embedder):
    # A tester's embedded library: "what's the stress level of embedded jobs" opened "The guides never mention
    # “stress”" over a page whose "### Stress Level" section answers it ("**Medium-High**" over "**Why Medium-High:**").
    role = ("# Embedded Systems Engineer\n\n## Stress Level\n\n**Medium-High**\n\n**Why Medium-High:**\n- Debugging can be "
            "extremely challenging when hardware and software fail together.\n- Deadlines are tied to hardware releases.\n\n"
            "## Learning Curve\n\nIt takes 12-18 months of dedicated learning to become job-ready.\n")
    bot = _bot_on(tmp_path, embedder, {"role.md": role, **_one_paragraph_articles(
        firmware="Firmware engineers write the code that runs on microcontrollers in cars, phones and appliances.",
        interviews="Embedded interviews focus on bit manipulation, pointers and computer architecture.")})
    for question in ("what's the stress level of embedded jobs", "is embedded engineering a stressful job"):
        answer = bot.ask(question)
        assert not answer.gaps and "never mention" not in answer.text, answer.text


def test_who_a_salary_range_is_asked_of_holds_the_figure_to_them(tmp_path, embedder):
    # A tester's robotics library: "whats the salary range for a perception engineer" was answered with the robotics
    # software engineer's "$120K - $250K+", and a robotics technician's (a role no article names) with it, unmarked.
    roles = [("Robotics Software Engineer", "the software stack of a robot", "$120K - $250K+"),
             ("Perception Engineer", "the robot's vision", "$130K - $220K"), ("Controls Engineer", "the control loops", "$140K - $240K")]
    paths = "# Career Paths in Robotics\n\n" + "".join(f"## {name}\n\nBuilds {what}.\n\n- Salary range: {pay}\n- Skills: C++\n\n"
                                                      for name, what, pay in roles)
    bot = _bot_on(tmp_path, embedder, {"paths.md": paths, **_one_paragraph_articles(
        hardware="All you really need to get going with robotics software is a computer running Linux.")})
    assert "$130K - $220K" in bot.ask("whats the salary range for a perception engineer").text.split("[1]")[0]
    answer = bot.ask("what's the median salary of a robotics technician in the US")
    assert "robotics technician" in " ".join(answer.gaps), answer.text


def test_the_field_and_why_not_more_lean_on_the_turn_before():
    # A tester's web chat on a funeral service library: "is the field growing?" and "why not faster?" after questions on
    # funeral directors' pay and outlook were refused; asked with the field named, the guides answer it.
    from bot.conversation import depends_on_context
    assert depends_on_context("is the field growing?") and depends_on_context("why not faster?")
    assert not depends_on_context("is data engineering a growing field?")
    assert not depends_on_context("what is the job outlook for morticians?")


def test_a_word_the_library_writes_as_two_is_no_gap(tmp_path, embedder):
    # A tester's DBA library: "What uptime should a DBA aim for?" opened "The guides never mention “uptime”" over an
    # article that says "Achieve at least a 98% up time goal during open and critical business transactions."
    bot = _bot_on(tmp_path, embedder, _one_paragraph_articles(
        expectations="A DBA should achieve at least a 98% up time goal during open and critical business transactions.",
        backups="A DBA must test the backups every month, because a backup nobody restored is no backup.",
        football="The football coach explained the rules to the new team in the first week.",
        founders="Most start-ups fail within five years, and founders who have worked at one fail less often."))
    answer = bot.ask("What uptime should a DBA aim for?")
    assert "uptime" not in " ".join(answer.gaps) and "98% up time" in answer.text, answer.text
    from bot.evidence import knows
    assert knows(bot.profile, "startups") and knows(bot.profile, "uptime") and not knows(bot.profile, "offside")


# A tester's phlebotomy library: "None of the figures quoted here is said to be for “ASCP”" over "- ASCP MLT(ASCP)
# certification: ... Cost: $225 application + $225 exam = $450 total."; a lineworker library's, for “CDL” over "CDL Class A
# or B - Commercial driver's license for service trucks. Cost: $0 if military-obtained; $1,500-$3,000 if not."
@pytest.mark.parametrize("section, question, figure", [
    ("- ASCP MLT(ASCP) certification: Industry-standard certification from the American Society for Clinical Pathology. "
     "Cost: $225 application + $225 exam = $450 total. Pass rate: 71% first attempt.\n- State laboratory license: Required "
     "in 12 states. Cost: $100-$300.", "how much does the ASCP MLT certification cost?", "$450 total"),
    ("CDL Class A or B - Commercial driver's license for service trucks. Cost: $0 if military-obtained; $1,500-$3,000 if "
     "not. Time: 2-4 weeks.", "how much does a CDL cost", "$1,500-$3,000"),
    # ... and a software architect library's, for “AWS” over "- Cost: $300" nested under "1. AWS Certified ...".
    ("Cloud Platforms (Pick 1-2):\n\n1. AWS Certified Solutions Architect - Professional\n  - Cost: $300\n  - Difficulty: Hard\n"
     "2. Microsoft Certified: Azure Solutions Architect Expert\n  - Cost: $165 per exam\n  - Difficulty: Moderate",
     "how much does the AWS solutions architect professional exam cost", "$300"),
])
def test_a_labelled_figure_is_for_what_its_item_or_line_names(tmp_path, embedder, section, question, figure):
    guide = f"# Technician Roadmap\n\n## Certifications needed\n\n{section}\n\n## Pay\n\nTechnicians earn $55,000-$75,000 a year.\n"
    bot = _bot_on(tmp_path, embedder, {"roadmap.md": guide, **_one_paragraph_articles(
        phlebotomy="Most phlebotomists earn around $45,230 a year, and programs take four to eight months.")})
    answer = bot.ask(question)
    assert figure in answer.text and not answer.gaps and "None of the figures" not in answer.text, answer.text


def test_the_row_asked_of_a_table_of_levels_leads_and_a_word_written_as_two_is_no_gap(tmp_path, embedder):
    # A tester's front-end library: "what do staff engineers earn?" was answered with a table of seven levels, the row asked
    # fifth; "how much does a senior frontend engineer make?" was told none of the figures was for one, over "Senior
    # Engineer"; "how much do frontend devs make?" that the quoted sections never mention “frontend devs” (written
    # "front-end developer" there).
    rows = [("Junior Engineer", "Entry-level position. Guided by senior members", "$40,000 - $80,000"),
            ("Engineer", "Mid-level, 2-5 years of experience", "$80,000 - $100,000"),
            ("Senior Engineer", "More than five years of experience", "$100,000 - $130,000"),
            ("Lead Engineer", "Leads teams or projects", "$130,000 - $160,000"),
            ("Staff Engineer", "Long-term, high-ranking technical experts", "$150,000 - $180,000")]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    bot = _bot_on(tmp_path, embedder, {
        "levels.md": "# Career levels and compensation\n\n## Levels\n\nRoughly speaking front end engineers advance through the "
                     f"following levels and compensations.\n\n| Level | Description | Compensation (USD) |\n|---|---|---|\n{table}\n",
        "become.md": "# How to become a front-end developer\n\n## How much does a front-end developer make?\n\nEntry-level "
                     "front-end developers usually earn $60,000 to $110,000 depending on location.\n\n## Skills\n\nLearn HTML, "
                     "CSS and JavaScript first, then a framework such as React.\n",
        "day.md": "# A day in front end\n\n## Meetings\n\nMost front end days start with a short stand-up meeting with the team.\n"})
    staff = bot.ask("what do staff engineers earn?")
    assert "$150,000 - $180,000" in staff.text and "$40,000" not in staff.text and not staff.gaps, staff.text
    senior = bot.ask("how much does a senior frontend engineer make?")
    assert "$100,000 - $130,000" in senior.text and "$40,000" not in senior.text and not senior.gaps, senior.text
    devs = bot.ask("how much do frontend devs make?")
    assert "$60,000 to $110,000" in devs.text and not devs.gaps, devs.text


def test_an_age_asked_is_not_answered_by_a_sum(tmp_path, embedder):
    # A tester's front-end library: "what's the average age of front end developers?" was answered with "A front end
    # developer in the United States may earn an average of $86,178 per year", and no word that no age is given.
    articles = _one_paragraph_articles(
        pay="A front end developer in the United States may earn an average of $86,178 per year, according to Glassdoor.",
        skills="Front end developers write HTML, CSS and JavaScript, and test their pages in several browsers.")
    (tmp_path / "a").mkdir()
    assert _bot_on(tmp_path / "a", embedder, articles).ask("what's the average age of front end developers?").gaps == ("a figure",)
    articles["start.md"] = "# Start\n\nYou can start a front end apprenticeship at 16 or over.\n"
    (tmp_path / "b").mkdir()
    answer = _bot_on(tmp_path / "b", embedder, articles).ask("at what age can i start a front end apprenticeship?")
    assert "16 or over" in answer.text and not answer.gaps, answer.text


def test_a_share_of_anothers_pay_answers_what_someone_is_paid(tmp_path, embedder):
    # A tester's chemistry library: "how much do co-op students get paid" opened "The guides give no figure for that",
    # over "Students are paid very well for their time (about 50% of starting engineer salary)."
    bot = _bot_on(tmp_path, embedder, _one_paragraph_articles(
        coop="Co-ops are full-time jobs for a semester. Students are paid very well for their time (about 50% of starting "
             "engineer salary).",
        research="Undergraduate research lets students work in a faculty lab, often for course credit."))
    answer = bot.ask("how much do co-op students get paid")
    assert "50% of starting engineer salary" in answer.text and not answer.gaps, answer.text


def test_a_short_form_the_library_writes_with_dots_is_no_gap(tmp_path, embedder):
    # A tester's chemistry library: "how much is a chemistry PhD stipend" opened "The guides never mention “PhD”", over a
    # library writing "Ph.D." throughout.
    bot = _bot_on(tmp_path, embedder, _one_paragraph_articles(
        me="I hold a B.S. degree in chemistry and a Ph.D. degree in organic chemistry, and I run a software company.",
        market="The job market is tight for Ph.D. chemists in some years and good in others.",
        lab="Lab technicians prepare samples and keep the instruments calibrated."))
    answer = bot.ask("do chemists need a PhD to get a job?")
    assert "PhD" not in " ".join(answer.gaps) and "Ph.D." in answer.text, answer.text


def test_a_short_form_in_capitals_the_library_never_writes_is_a_gap(tmp_path, embedder):
    # A tester's humanitarian library: "how much does the NOHA masters in humanitarian action cost" (the model reads
    # "NOHA" as nothing much: cosine 0.13 to the question) was answered with another master's tuition, no gap said.
    bot = _bot_on(tmp_path, embedder, _one_paragraph_articles(
        mshs="The Master of Science in Humanitarian Studies takes 30 credits; the estimated tuition cost is $54,300.",
        idha="The International Diploma in Humanitarian Assistance is a four-week course costing $6,121.",
        levels="Research engineers at national labs move through levels I, II and III as they take on more."))
    assert bot.ask("how much does the NOHA masters in humanitarian action cost").gaps == ("NOHA",)
    assert "III" not in " ".join(bot.ask("what does a level III research engineer do?").gaps)
    assert not bot.ask("how much does the humanitarian studies masters cost ASAP").gaps



def test_a_short_words_plural_is_searched_as_the_librarys_singular(tmp_path, embedder):
    # A tester's audio library: the stemmer keeps "djs" whole, so "what degree do radio djs need" never matched the
    # "Radio DJ" page's words in the lexical search.
    from bot.evidence import corrected

    bot = _bot_on(tmp_path, embedder, {"dj.md": "# Radio DJ\n\n## Education Requirements\n\nBachelor's degree in broadcasting, "
                                                "communications, or journalism.\n\n## Salary Range\n\n$45,000 per year.\n"})
    assert corrected(bot.profile, "what degree do radio djs need") == "what degree do radio dj need"
    assert corrected(bot.profile, "what degree do radio hosts need") == "what degree do radio hosts need"


def test_a_thing_named_with_its_number_has_its_own_figure_lead(tmp_path, embedder):
    # A tester's financial-advisor library: "How many questions are on the Series 7" got the Series 65's "130
    # multiple-choice questions", the Series 7's "125" under See also.
    bot = _bot_on(tmp_path, embedder, _one_paragraph_articles(
        series65="The Series 65 exam consists of 130 multiple-choice questions, and the candidate has 180 minutes to complete "
                 "the exam questions.",
        series7="The Series 7 exam is comprehensive, consisting of 125 multiple-choice questions on four job functions.",
        cfp="The CFP exam is taken after the coursework, and most candidates study for several months."))
    answer = bot.ask("How many questions are on the Series 7 exam")
    assert answer.text.startswith("The Series 7 exam is comprehensive"), answer.text


def test_a_name_typed_without_its_accents_is_the_librarys(tmp_path, embedder):
    # A tester's landscape library: "who was Le Notre" opened "The guides never mention “Le Notre”" over a quote about
    # André Le Nôtre.
    from bot.evidence import corrected

    bot = _bot_on(tmp_path, embedder, _one_paragraph_articles(
        history="André Le Nôtre designed the gardens of Versailles for Louis XIV, the model of the French formal garden.",
        design="Landscape designers work on private gardens, while landscape architects plan parks and public spaces."))
    answer = bot.ask("what gardens did Le Notre design?")
    assert not answer.gaps and "Versailles" in answer.text, answer.text
    assert "nôtr" in corrected(bot.profile, "what gardens did Le Notre design?")


def test_a_short_form_written_with_dots_is_the_word_typed_without(tmp_path, embedder):
    # A tester's academic library writes "Ph.D." and "Ph.D.s": "how many academic positions were open compared to phds
    # awarded?" opened "The sections quoted here never mention “phds”" over "1,039 vacant academic positions ... 1,937
    # Ph.D.s awarded" (its letters, "ph", were all the index and the quote's words held of it; another article wrote "PhD").
    bot = _bot_on(tmp_path, embedder, {
        "jobs.md": "# What kinds of jobs can I get with a Ph.D.?\n\n## Academia\n\nAcademic jobs are also pretty competitive. "
                   "In 2018-2019, there were 1,039 vacant academic positions, whereas there were 1,937 Ph.D.s awarded in "
                   "computer science.\n\n## Industry\n\nMost graduates work in industry research labs, which pay more than "
                   "universities do.\n",
        "pay.md": "# How do I pay for my Ph.D.?\n\nIn most cases, you don't have to pay to get a Ph.D. in CS. The university "
                  "pays you a stipend while you work as a teaching or research assistant.\n",
        "ms.md": "# Should I get an M.S. first?\n\nGetting an M.S. first is usually a bad idea if you know you want a PhD. Many "
                 "PhDs say the course work may not line up, and you will take classes twice.\n",
    })
    answer = bot.ask("how many academic positions were open compared to phds awarded?")
    assert "1,039" in answer.text and "never mention" not in answer.text, answer.text


def test_a_sum_paid_beside_a_cost_answers_what_is_paid(tmp_path, embedder):
    # A tester's theatre library: "paying your actors a mere $125/day" in a paragraph that also says "It costs you
    # nothing" read as a cost only, and "how much does the ULB agreement pay actors per day" opened "The guides give no
    # figure for that" over the very sentence.
    bot = _bot_on(tmp_path, embedder, {
        "aim-higher.md": "# Aim higher\n\nIf you're shooting under SAG-AFTRA's ULB agreement, and paying your actors a mere "
                         "$125/day, but hey it goes great and you get distribution, why not bump your cast an extra chunk of "
                         "change? SAG-AFTRA doesn't require it, but why not put that in writing. It costs you nothing unless "
                         "your film goes somewhere.\n\n## Casting\n\nSee every actor who sends a tape, and answer every one.\n",
        "tapes.md": "# Self tapes\n\nA self tape needs a plain background, good light and a reader off camera. Name the file "
                    "with your name and the role.\n",
    })
    answer = bot.ask("how much does the SAG-AFTRA ULB agreement pay actors per day")
    assert "$125/day" in answer.text and "no figure" not in answer.text, answer.text


def test_a_figure_under_the_work_answers_what_its_doers_get(tmp_path, embedder):
    # A tester's pet care library: "how much do dog walkers get paid?" was told "The guides give no figure for that",
    # over "Revenue potential: £15-£30 per walk" under "Dog Walking" (the stemmer keeps "walker" apart from "walk").
    bot = _bot_on(tmp_path, embedder, {
        "ideas.md": "# Pet business ideas\n\n## Dog Walking\n\nWalk dogs for busy owners in your neighbourhood.\n\n"
                    "**Revenue potential:** £15-£30 per walk; multiple dogs increase earnings\n\n## Pet Grooming\n\nBathe, "
                    "brush and trim pets at their owners' homes.\n\n**Revenue potential:** £30-£80 per groom\n",
        "rover.md": "# How to become a dog walker on Rover\n\nBecoming a dog walker is a great way to make extra money doing "
                    "something you love. Create your profile, choose where to list your service and deliver five-star "
                    "customer service to every owner.\n",
        "shelter.md": "# Volunteering at the shelter\n\nVolunteers must be at least 18 years old and walk dogs at least twice a "
                      "month after their orientation.\n",
    })
    answer = bot.ask("how much do dog walkers get paid?")
    assert "£15-£30 per walk" in answer.text and not answer.gaps, answer.text


def test_one_rare_word_before_salary_names_who_is_asked(tmp_path, embedder):
    # A tester's academic library: "whats the typical postdoc salary" was answered with industry pay ("$90,000 for
    # research scientists to $194,000"), no gap said; no article gives a postdoc's pay. One word before "salary" names
    # someone when English rarely writes it ("postdoc"), not when it is everyday ("the nurse salary").
    bot = _bot_on(tmp_path, embedder, {
        "choose.md": "# What job should you choose?\n\nIndustry positions tend to have higher pay than academic ones. For "
                     "instance, pay in industry positions typically ranges from about $90,000 for research scientists to "
                     "$194,000 for chief data scientists.\n\n## Postdocs\n\nA postdoc lets you build your own research line "
                     "before a faculty job. Doing a postdoc at the institution of your PhD is tempting, but tricky.\n",
        "apply.md": "# Applying for faculty jobs\n\nApplications open in the autumn. Send a research statement, a teaching "
                    "statement and three letters; most postdocs apply to thirty or more departments.\n",
        "grants.md": "# Grants\n\nA new professor writes grants from the first year. Startup packages cover the lab until then.\n",
    })
    answer = bot.ask("whats the typical postdoc salary")
    assert answer.gaps and "$90,000" not in answer.text.split("\n")[0], answer.text  # the gap said first


def test_a_short_form_asked_in_lower_case_is_named_where_it_is_spelled_out(tmp_path, embedder):
    # A tester's air traffic library: "what do atc trainees get paid when they start?" opened "The guides give no figure
    # for that" over "Trainee: Starting around $40-50k" in "So You Want to Be an Air Traffic Controller".
    bot = _bot_on(tmp_path, embedder, {
        "guide.md": "# So You Want to Be an Air Traffic Controller\n\n## Training\n\nThe FAA Academy takes two to five months in "
                    "Oklahoma City.\n\n## Compensation Reality\n\nTrainee: Starting around $40-50k depending on location and "
                    "facility level\n\nDevelopmental (Training): $50-80k as you progress\n\nFully Certified: $80-160k depending "
                    "on facility level\n",
        "navy.md": "# Navy air traffic controller to civilian\n\nNavy ATC controllers move to the FAA or to contract towers after "
                   "their service.\n",
        "towers.md": "# Contract towers\n\nContract towers hire controllers with no age limit, and train them on the job.\n",
    })
    answer = bot.ask("what do atc trainees get paid when they start?")
    assert answer.text.startswith("Trainee: Starting around $40-50k") and not answer.gaps, answer.text


def test_a_question_whose_rest_is_only_a_place_and_a_day_is_refused(tmp_path, embedder):
    # A tester's tutoring library: "what's the weather going to be like in taipei tomorrow?" was answered with Taipei's
    # tutoring rates under "The guides never mention “weather”", as if the rest of it asked something.
    bot = _bot_on(tmp_path, embedder, {
        "taipei.md": "# Private tutoring in Taipei\n\n## What is it like?\n\nWhat is tutoring going to be like in Taipei? Private "
                     "tutors in Taipei charge NT600 to NT1200 an hour, and people in New Taipei City rarely pay over NT1000. "
                     "Classes are often cancelled at short notice, and you travel across Taipei between them.\n",
        "online.md": "# Online teaching\n\nOnline English classes pay NT350 to NT700 an hour and suit part-time teachers.\n"})
    answer = bot.ask("what's the weather going to be like in taipei tomorrow?")
    assert answer.kind == "not_covered" and "weather" in " ".join(answer.gaps), answer.text
    assert bot.ask("how much do tutors charge in taipei?").citations  # a place with a question of its own


def test_a_name_an_articles_address_is_is_no_gap(tmp_path, embedder):
    # A tester's hospice library: "what does the fordham palliative care fellowship include" opened "The guides never
    # mention “fordham”", over the fellowship's page saved from www.fordham.edu.
    bot = _bot_on(tmp_path, embedder, {
        "fellowship.md": "https://www.fordham.edu/social-service/palliative-care-fellowship\n\n# Palliative Care Fellowship\n\n"
                         "The fellowship includes an internship with seriously ill people and their families, and a seminar "
                         "on end-of-life care each week.\n",
        "aide.md": "# Hospice aide\n\nA hospice aide helps patients bathe and dress, and reports changes to the nurse.\n"})
    answer = bot.ask("what does the fordham palliative care fellowship include")
    assert not answer.gaps and "internship" in answer.text, answer.text


def test_a_career_asked_in_another_spelling_is_the_librarys(tmp_path, embedder):
    # A tester's genetic counselling library: "how do i become a genetic counsellor" was refused, the British spelling
    # named as another career ("The guides don't cover “genetic counsellor”"); another career is still refused.
    bot = _bot_on(tmp_path, embedder, {
        "become.md": "# How to become a genetic counselor\n\nGenetic counselors need a master's degree in genetic counseling "
                     "from an accredited program, then board certification from the ABGC.\n",
        "pay.md": "# Genetic counselor salary\n\nGenetic counselors earn a median salary of $95,770 a year.\n"})
    answer = bot.ask("how do i become a genetic counsellor?")
    assert answer.citations and not answer.gaps and "master's degree" in answer.text, answer.text
    assert bot.ask("how do i become a pilot?").kind == "not_covered"


def test_a_number_and_its_unit_typed_as_one_word_are_the_librarys_words(tmp_path, embedder):
    # A tester's crane library: "how far do i need to keep a crane from power lines under 50kv" was told the guides never
    # mention “50kv”, over "Up to 50 kV | 10 feet" (found when typed "50 kv").
    from bot.evidence import unglued

    bot = _bot_on(tmp_path, embedder, {
        "clearance.md": "# Power line safety\n\n## Minimum clearance\n\nKeep the crane at least 10 feet from lines up to 50 kV, "
                        "and 15 feet from lines of 50 to 200 kV.\n",
        "pay.md": "# Crane operator pay\n\nCrane operators earn a median wage of $65,000 a year.\n"})
    answer = bot.ask("how far do i need to keep a crane from power lines under 50kv")
    assert not answer.gaps and "10 feet" in answer.text, answer.text
    assert unglued(bot.profile, "the 3rd line, an h1b visa, 30k") == "the 3rd line, an h1b visa, 30k"


def test_a_charts_row_gives_way_to_the_sentence_saying_its_figure(tmp_path, embedder):
    # Three testers' pay answers from the Bureau of Labor Statistics' pages were a bare chart row ("Fundraisers:
    # $66,490"), what the figure is (a median, of May 2024) left out, though the passage says it in a sentence.
    page = ("# Fundraisers\n\nFundraisers organize events and campaigns to raise money for charities and other groups.\n\n"
            "## Pay\n\nMedian annual wages, May 2024\n\n- Business operations specialists: $80,410\n- Fundraisers: $66,490\n"
            "- Total, all occupations: $49,500\n\nThe median annual wage for fundraisers was $66,490 in May 2024. The median "
            "wage is the wage at which half the workers in an occupation earned more than that amount and half earned less.\n")
    bot = _bot_on(tmp_path, embedder, {"fundraisers.md": page})
    answer = bot.ask("how much do fundraisers make?")
    assert "The median annual wage for fundraisers was $66,490 in May 2024." in answer.text, answer.text
    assert "Fundraisers: $66,490" not in answer.text, answer.text


def test_a_year_its_articles_file_name_opens_on_is_no_gap(tmp_path, embedder):
    # A tester's repost of a 2022 rule, dated 2026 in its fields and named "2022-10-18-...md": "what changed ... in the
    # 2022 modernization rule?" opened "The sections quoted here never mention “2022”".
    page = ("---\ntitle: Modernization of the Customs Broker Regulations\ndate: 2026-02-05\n---\n\nThis document adopts as "
            "final amendments to the customs broker regulations. Customs is moving all customs brokers to a single "
            "national permit and removing district permits.\n")
    bot = _bot_on(tmp_path, embedder, {"2022-10-18-modernization-of-the-customs-broker-regulations.md": page})
    answer = bot.ask("what changed with the broker permits in the 2022 modernization rule?")
    assert answer.citations and not answer.gaps and "national permit" in answer.text, answer.text


_CONFERENCE_POST = (
    "# Pentagon chaplain shares experience at first Adventist Defence Chaplains Conference\n\nAdventist Defence chaplains "
    "gathered for the first time at the Defence Chaplains Conference organised and supported by the Australian Union "
    "Conference (AUC) from September 7 to 13.\n\nSeven defence chaplains attended professional development and training "
    "seminars with chaplain (Brigadier General) Andrew Harewood, who serves at the Pentagon, and the General Conference "
    "chaplaincy ministries director.\n\nChaplain Harewood and the directors travelled to Canberra and met with Defence "
    "chaplaincy delegates from the army, navy and air force at the Royal Military College, Duntroon.\n\nFor Army chaplain "
    "Pastor Gys Seegers, a highlight from the trip was meeting a sergeant who went on to his first year of theological "
    "studies and hopes to become a minister and chaplain for Defence.\n\nPastor Ragoso Tagaloa serves as an Adventist "
    "chaplain in the Royal Australian Air Force in Townsville: a ministry without boundaries, he said.\n")
_CHAPLAIN_RULES = (
    "# Appointing Chaplains\n\n## Qualification and Requirements\n\nApplicants for the chaplaincy must possess a "
    "baccalaureate degree of at least 120 semester hours and a graduate degree in theological studies from an accredited "
    "school.\n\n## Ecclesiastical Endorsement\n\nApplicants must ask their endorsing agency to submit an endorsement "
    "before they are appointed; the endorsement certifies they are qualified clergy of their faith group.\n\n## Age\n\n"
    "Applicants must be able to complete twenty years of service before their sixtieth birthday.\n")
_HOSPITAL_CHAPLAIN = (
    "# What a hospital chaplain does\n\nHospital chaplains visit patients and families in crisis, sit with the dying and "
    "support staff after hard shifts. Most hospitals expect a chaplain to have completed units of clinical pastoral "
    "education and to seek board certification within a few years of hire.\n")


def test_a_follow_up_refused_alone_is_answered_from_the_articles_the_conversation_reads(tmp_path, embedder):
    # A tester's "how many went to the conference?" after a news post on Adventist chaplains in Australia was told "The
    # guides don't cover that", though the post says "Seven defence chaplains attended ..."; judged alone it fell below
    # the library-wide bars. Asked first, it is still refused.
    bot = _bot_on(tmp_path, embedder, {"conference.md": _CONFERENCE_POST, "rules.md": _CHAPLAIN_RULES,
                                         "hospital.md": _HOSPITAL_CHAPLAIN})
    history = _conversation(bot, "are there Adventist military chaplains in Australia?")
    answer = bot.ask("how many went to the conference?", history=history)
    assert "Seven defence chaplains attended" in answer.text, answer.text
    assert bot.ask("how many went to the conference?").kind == "not_covered"


def test_a_job_postings_fields_are_read_as_its_details(tmp_path, embedder):
    # Two testers' job boards kept a posting's pay, place and degree only in its front matter: "what's the salary?" was
    # answered with a budget example's "Staff salary: $5,000". One field alone is no posting's details.
    posting = ('+++\ntitle = "Grant Writer"\norganization = "Groundswell Fund"\nlocation = "Remote"\nsalary = "$99,000 - '
               '$107,800 annually"\nlink = "https://example.org/jobs/1"\naa_degrees_required = "No degree required"\n+++\n\n'
               "The Grant Writer writes proposals and reports for a docket of funders and reports to the Director of "
               "Funder Organizing.\n")
    budget = ("# Building a grant budget\n\nList every cost the project will have. Staff salary: $5,000 for the summer "
              "program coordinator. Materials and rent come next, with a line for each.\n")
    post = ("---\ntitle: A day at the grants conference\nlocation: Chicago\n---\n\nWe spent a day at the grants conference "
            "learning how funders read proposals.\n")
    bot = _bot_on(tmp_path, embedder, {"groundswell.md": posting, "budget.md": budget, "post.md": post})
    answer = bot.ask("what's the salary for the grant writer job at Groundswell Fund?")
    assert "$99,000 - $107,800 annually" in answer.text and "Staff salary" not in answer.text, answer.text
    assert "Degrees required: No degree required" in answer.text and "example.org" not in answer.text, answer.text
    assert all("Details" not in p.heading for p in bot.retrieve("grants conference in Chicago") if p.article.id == "post")


def test_a_name_only_an_articles_title_or_site_writes_is_no_gap(tmp_path, embedder):
    # A tester's "what did alice study before becoming an epidemiologist?" of a page titled "About" on the site "Alice
    # Tivarovsky" was told "The guides never mention “alice”": the name is in no chunk's text, only in the page's header.
    about = ("---\ntitle: About\nsite: Alice Tivarovsky\n---\n\nI studied mechanical engineering and worked in industry for "
             "six years before I went back to school for a master's in epidemiology and became an epidemiologist.\n")
    other = ("# Epidemiology PhD coursework\n\nStudents take courses in biostatistics, study design and causal inference in "
             "their first two years, then sit the comprehensive exam.\n")
    bot = _bot_on(tmp_path, embedder, {"about.md": about, "phd.md": other})
    answer = bot.ask("what did alice study before becoming an epidemiologist?")
    assert "alice" not in " ".join(answer.gaps).lower() and "mechanical engineering" in answer.text, answer.text


def test_a_follow_up_answered_by_the_last_answer_quotes_only_the_sentence_that_answers_it(tmp_path, embedder):
    # A benchmark library's: "how long does it last?" after the fellowship's paragraph got the paragraph again, word for
    # word; six testers' follow-ups did the same ("what skills do you need for that?", "which one is for cardiac?").
    page = ("# TTS offices\n\n## Presidential Innovation Fellows\n\nThe Presidential Innovation Fellows (PIF) program is made up "
            "of mid- to senior-level individuals with a proven track record of success in entrepreneurship and product "
            "management. In the PIF program, fellows team up with agency changemakers to tackle the nation's most pressing "
            "technology challenges. Fellows serve a 12-month tour of duty usually based in Washington, D.C., with "
            "fellowships typically starting in late summer. Apply to become a Presidential Innovation Fellow.\n")
    bot = _bot_with_page(tmp_path, embedder, "offices.md", page,
                         hiring="Hiring at TTS takes a few months from the application to the offer letter.",
                         benefits="Federal employees earn paid leave and can join the health benefits program.")
    history = _conversation(bot, "what's the Presidential Innovation Fellows program?")
    assert "changemakers" in history[-1]["content"]
    answer = bot.ask("how long does it last?", history=history)
    assert "12-month tour of duty" in answer.text and "changemakers" not in answer.text
    assert answer.citations[0].sentences == tuple(s for s in answer.citations[0].sentences if "12-month" in s)


def test_a_step_of_a_scale_the_quoted_sections_number_otherwise_is_said_to_be_missing(tmp_path, embedder):
    # A tester's NHS library: "what is band 5 pay for physiotherapists" and "whats the salary for a band 7 physio" were
    # answered with Band 6's pay, no word said.
    bot = _bot_with_page(tmp_path, embedder, "band6.md",
                         "# Band 6 physiotherapist\n\nThe typical salary for a Band 6 NHS physiotherapist in 2025 ranges from "
                         "£35,392 to £42,618 annually, depending on experience and location.\n",
                         hiring="Physiotherapists apply through NHS Jobs and are interviewed by a panel of two or three.")
    answer = bot.ask("what is band 5 pay for physiotherapists?")
    assert "£35,392" in answer.text and answer.gaps == ("band 5",), answer.text
    assert "never mention" not in bot.ask("what is band 6 pay for physiotherapists?").text
    assert "never mention" not in bot.ask("what are the top 5 physiotherapist salaries?").text  # "top" numbers anything


def test_a_labelled_figure_is_quoted_with_the_line_saying_whose_it_is(tmp_path, embedder):
    # A tester's GIS page, its sections marked by short lines only: "Median Annual Salary: $92,400" was quoted alone for
    # "how much do gis analysts make"; it is a GIS manager's.
    page = ("What Careers Are Available in GIS?\n\nGIS is a large field with a variety of opportunities to specialize.\n\n"
            "GIS Analyst\n\nMedian Annual Salary: $72,600\n\nIn addition to collecting geographic information, GIS analysts "
            "review that data and interpret it.\n\nGIS Manager\n\nMedian Annual Salary: $92,400\n\nGIS managers lead teams "
            "of analysts and plan the projects their organisations take on.\n")
    guide = ("# GIS manager career guide\n\nGIS managers lead teams of GIS analysts and plan the mapping projects of their "
             "organisations. A GIS manager's day is spent in meetings, on budgets and on reviews of the analysts' maps.\n")
    bot = _bot_on(tmp_path, embedder, {"careers-in-gis.md": page, "gis-manager-guide.md": guide, **_one_paragraph_articles(
        schools="Many universities offer GIS certificates and degrees online and on campus.")})
    for question in ("how much do gis managers make?", "how much do gis analysts make?"):
        text = bot.ask(question).text
        lines = [line for line in text.split("\n") if line.strip()]
        above = [lines[i - 1] for i, line in enumerate(lines) if line.startswith("Median Annual Salary") and i]
        assert above and set(above) <= {"GIS Analyst", "GIS Manager"}, text
        assert "said to be for" not in text, text  # the line says whose it is
