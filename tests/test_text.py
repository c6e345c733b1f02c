"""The shared word tools (bot/text.py), the flags' version kept with the index, and the evidence deciding gaps."""

import json

import pytest

from bot import text
from bot.errors import IndexMismatchError
from bot.index import update
from bot.index.segments import FLAGS_VERSION


def test_the_index_and_a_question_are_tokenized_alike():
    question = "What do Machine Learning Engineers earn?"
    assert text.tokenize_one(question) == text.tokenize([question])[0] == ["what", "do", "machin", "learn", "engin", "earn"]
    assert text.QUESTION_STEMS >= {"what", "do", "doe", "mani"} and "earn" not in text.QUESTION_STEMS
    assert text.STOP_WORDS <= text.FUNCTION_WORDS and text.QUESTION_WORDS <= text.FUNCTION_WORDS


def test_a_change_in_how_the_flags_are_derived_marks_the_index_stale(built, embedder, tmp_path):
    """The flags (alternative-view sentences, question lists) are the answer step's reading of the text: an
    index whose flags were derived otherwise is stale, is not added to, and is rebuilt whole."""
    path = built.index_dir / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["chunking"]["flags"] = "derived-another-way"
    path.write_text(json.dumps(manifest))
    assert "chunking parameters" in update.stale_articles(built)
    extra = tmp_path / "extra.md"
    extra.write_text("# Extra\n\nA short article about mentors, written to be added to the library.\n")
    with pytest.raises(IndexMismatchError, match="built by an earlier version of this program, which read and split "
                       "articles differently: rebuild it with `python -m bot index build"):
        update.add([extra], built, embedder)
    update.build(built, embedder)
    assert json.loads(path.read_text())["chunking"]["flags"] == FLAGS_VERSION
    assert update.stale_articles(built) == []


def test_the_evidence_decides_whether_the_guides_answer_at_all(guides_bot):
    # Only the library's own subject is left without the words it never uses: a refusal naming them.
    refused = guides_bot.evidence("can i get H1B visa sponsorship as an MLE?")
    assert not refused.covered and refused.unknown
    # The rest is answered well: the gap is said and the rest answered, chosen without the missing words.
    gap = guides_bot.evidence("How much do machine learning engineers make in Europe?")
    assert gap.covered and gap.unknown == ("Europe",)
    assert float(gap.answer_vector @ gap.vector) < 0.999
    plain = guides_bot.evidence("How much do machine learning engineers make?")
    assert plain.covered and plain.unknown == () and plain.answer_vector is plain.vector
    assert guides_bot.ask("can i get H1B visa sponsorship as an MLE?").kind == "not_covered"


def test_contractions_are_function_words():
    from bot.question import analyse

    assert {"that'll", "can't", "won't", "i'm", "they're"} <= text.FUNCTION_WORDS
    # the side of a comparison stops at one, as at any function word
    assert analyse("a cert that expires soon or a prod disk that'll be full in 2 days?").sides[1] == "prod disk"


def test_how_the_answer_should_be_put_is_not_what_the_question_is_about(guides_bot):
    from bot.question import without_asides

    assert without_asides("in one sentence, how would you define an ML engineer?") == "how would you define an ML engineer?"
    assert without_asides("briefly, what does an ML engineer do?") == "what does an ML engineer do?"
    assert without_asides("how many words should my summary have?") == "how many words should my summary have?"
    assert without_asides("besides coding and math, what else should I learn?") == "what else should I learn?"
    assert "sentence" not in guides_bot.ask("In one sentence, what does a machine learning engineer do?").gaps


def test_a_requirement_said_not_to_hold_is_no_firm_side_and_a_relaxed_one_answers_only_what_it_names():
    from bot.stance import answers, stance
    assert stance("A bachelor’s degree in computer science is crucial for pursuing this career.") == "firm"
    assert stance("Most employers only employ engineers with at least a master's degree.") == "firm"
    # Engineering-management's archetypes page: the requirement is denied, so it is the softer view, not the firm one.
    assert stance("We want to make it clear that it does not necessarily require one to become a Tech Lead.") != "firm"
    assert stance("Or perhaps the funds must be given to an individual contractor rather than an organization.") != "soft"
    # ... denied with a contraction, either apostrophe (a tester's culinary library: "don't all agree" on a plain no).
    assert stance("While attending a culinary school isn’t required for chefs, it may help you get a job.") == "soft"
    assert stance("Some culinary schools don't require kitchen experience.") != "firm"
    assert stance("College degrees are not part of the mandatory requirements for becoming an electrician.") != "firm"
    # ... or said with "no" (a tester's rail library: "No Degree Required: Train crew from high school" was the firm side
    # of "do i need a college degree to be a train conductor"); "No, you must ..." still requires.
    assert stance("No Degree Required: Train crew from high school") != "firm"
    assert stance("While there are no legal requirements for certification, most employers prefer it.") != "firm"
    assert stance("No, you must have a degree.") == "firm"
    assert answers("While attending a culinary school isn't required for chefs, it may help you get a job.",
                   "A degree from a culinary school is required for this job.")
    firm = "Soft skills are crucial: being able to work in teams is essential for building good solutions."
    assert not answers("While not mandatory, languages like R and Java are also valuable.", firm)
    assert answers("Teamwork is not strictly necessary for solo researchers who build good solutions alone.", firm)
    # What is relaxed is named in the clause that says so, not anywhere in the sentence.
    assert not answers("Some things are more optional than others, but you've got to have a plan or you'll find "
                       "yourself spamming your resume out to every job post.",
                       "Some positions require you to also submit cover letters and a resume.")
    assert answers("A cover letter is optional for most positions, but a resume is not.",
                   "Some positions require you to also submit cover letters.")
    # An alternative route is a view of its own, whatever words it shares.
    assert answers("There are increasingly viable alternatives such as bootcamps and self-learning.",
                   "Most employers only employ engineers with at least a master's degree.")
    assert answers("Apprenticeships are an alternative to a degree for many electricians.", "A degree is required.")
    # ... but a route past one credential is no other side of another: a degree is no licence (a tester's "without a
    # degree" was set against "CDL ... Required for many field positions").
    assert not answers("Apprenticeships are an alternative to a degree for many electricians.", "A license is required.")
    # ... and "alternative" alone is none: testers' libraries opened four answers with "The guides don't all agree" on these.
    firm = "After completing an apprenticeship, individuals must obtain licensure to work as an electrician."
    for other in ("Electricians are essential to linking alternative energy systems like solar and wind to homes.",
                  "And what about alternative data gathering techniques, such as crowd sourcing?",
                  "You delivered projects by carefully considering all alternatives and their trade-offs.",
                  "Starting an in-home daycare is a popular alternative to going back to work for parents.",
                  "While many families depend on child care, the industry struggles to remain viable."):
        assert not answers(other, firm) and stance(other) != "soft", other
    # ... nor a route past nothing the requirement names, or one said to be scarce (two testers' "The guides don't all
    # agree on this" over a retention article's "Alternative paths are scarce", and over "a job ... without a degree"
    # for whether overtime is mandatory).
    assert not answers("Alternative paths are scarce: Few options beyond traditional ATC roles.",
                       "Attend an FAA-approved CTI school and meet the same basic requirements as OTS.")
    assert not answers("Some of you may be asking if it is possible to get a job in the gaming industry without a degree.",
                       "It requires a specific combination of skills and temperament.")
    assert answers("Some of you may be asking if it is possible to get a job in the gaming industry without a degree.",
                   "A degree in computer science is essential for game programmers.")


def test_courses_named_prerequisite_are_no_requirement_and_one_shared_modifier_is_no_route():
    # Two testers' libraries opened "The guides don't all agree on this": "register for prerequisite courses through
    # Northeastern" was read as a requirement (against "even if certification is not required"), and a federal and
    # state background check was set against "state-specific programs" of alternative certification.
    from bot.stance import answers, stance

    assert stance("To register for prerequisite courses through Northeastern, submit a form to the Registrar.") != "firm"
    assert stance("Statistics is a prerequisite for the program.") == "firm"
    firm = "All teachers are required to submit to a federal and state criminal background check as well as fingerprinting."
    assert not answers("Alternative certification programs (state-specific programs, university-based alternative "
                       "routes) are designed for career changers.", firm)
    assert answers("Alternative routes let teachers pass a state criminal background check later in the year.", firm)
    assert answers("However, for those who do not take the traditional university route, there are viable alternatives.",
                   "A bachelor's degree in a core field like computer science, mathematics, or data science is crucial.")


def test_a_short_forms_plural_is_its_singular():
    # A tester's "how much do CRAs get paid?": the stemmer keeps "cras", and the CRA's pay was "no figure".
    assert text.stems("CRAs and RNs") == text.stems("CRA and RN")
    assert text.tokenize_one("how much do CRAs make") == text.tokenize_one("how much do CRA make")
    assert text.tokenize(["CRAs"]) == [["cra"]]
    assert text.stems("ideas") == frozenset({"idea"}) and text.stems("PhDs") == frozenset({"phds"})  # not all capitals


def test_what_is_relaxed_is_the_other_side_only_of_the_same_credential_or_of_more_than_one_shared_word():
    # Three testers' answers opened "The guides don't all agree on this" over these: an optional business degree against
    # a PV installer's licence, a master's against "at least a bachelor's", and hiring a broker against a broker's licence.
    from bot.stance import answers

    assert not answers("An aspiring solar consultant must acquire a bachelor's degree in engineering and an optional "
                       "business degree.", "Some states require a license for PV installers.")
    assert not answers("Master’s Degree (Optional): An MBA or a Master’s in Finance can provide a deeper understanding.",
                       "Most employers prefer candidates with at least a Bachelor's degree.")
    assert not answers("It is not required for you to hire customs brokers.", "The Secretary may require an applicant to "
                       "show facts deemed necessary to render valuable service in the conduct of customs business.")
    # ... nor words of a sentence that names "this requirement" without saying what is required.
    assert not answers("It is not required for you to hire customs brokers.", "This rule adopts amendments requiring continuing "
                       "education for individual customs broker license holders and the framework for this requirement.")
    # The same credential, a degree of the same level, "credentials" of any kind, or two shared words still oppose.
    assert answers("A bachelor's degree is not necessary to become one.", "Employers require at least a bachelor's degree.")
    assert answers("Property managers are not required to have real estate credentials.",
                   "Brokers are required to have a real estate broker license.")
    assert answers("A portfolio review is optional for most junior positions.",
                   "Most studios require a portfolio review for junior positions.")
