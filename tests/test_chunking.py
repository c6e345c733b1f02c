"""Chunks keep whole sentences and their heading; every offset points at the exact text."""

import re

from bot.chunking import chunk_article, split_sentences
from bot.ingest import Article

TEXT = """Opening sentence of the guide. It has two sentences in its intro.

## Skills

""" + " ".join(f"Skill sentence number {i} talks about Python, statistics and data (e.g., pandas)." for i in range(20)) + """

- A list item that is a sentence on its own
- Another item: with a label and a colon

## Salary

The median salary was $98,000 in 2020. Dr. Smith said it may rise.
"""


def _article(text=TEXT):
    return Article(id="guide", title="The Guide", text=text, sha256="x", source="guide.md")


def test_offsets_point_at_the_exact_text():
    a = _article()
    chunks, sentences = chunk_article(a, chunk_chars=300)
    for c in chunks:
        assert a.text[c.start : c.end] == c.text
    for s in sentences:
        assert a.text[s.start : s.end] == s.text
    assert "A list item that is a sentence on its own" in [s.text for s in sentences]  # bullet not included


def test_chunks_never_cut_a_sentence_and_keep_their_heading():
    a = _article()
    chunks, sentences = chunk_article(a, chunk_chars=300)
    by_id = {s.id: s for s in sentences}
    for c in chunks:
        inside = [by_id[i] for i in c.sentence_ids]
        # A chunk starts at its first sentence, or at that sentence's list marker when it opens on an item.
        assert inside[0].start == c.start or re.fullmatch(r"[ \t]*(?:[-*+•]|\d{1,3}[.)]) ", a.text[c.start : inside[0].start])
        assert inside[-1].end == c.end
        assert all(c.start <= s.start and s.end <= c.end for s in inside)
        assert len(c.text) <= 300 or len(inside) == 1
    assert [c.heading for c in chunks][0] == "The Guide"
    assert {c.heading for c in chunks} == {"The Guide", "Skills", "Salary"}
    salary = [c for c in chunks if c.heading == "Salary"][0]
    assert salary.text == "The median salary was $98,000 in 2020. Dr. Smith said it may rise."
    assert salary.embed_text.startswith("Salary\n")
    assert len(salary.sentence_ids) == 2  # "Dr." does not end a sentence


def test_ids_are_stable_and_sentences_belong_to_their_chunk():
    first = chunk_article(_article(), chunk_chars=300)
    second = chunk_article(_article(), chunk_chars=300)
    assert first == second
    chunks, sentences = first
    assert len({c.id for c in chunks}) == len(chunks) and len({s.id for s in sentences}) == len(sentences)
    owner = {sid: c.id for c in chunks for sid in c.sentence_ids}
    assert all(owner[s.id] == s.chunk_id for s in sentences)


def test_a_thematic_break_is_no_sentence_and_makes_no_chunk():
    # Virtual Coffee's burnout page: an empty "Table of Contents" section holding only a rule.
    chunks, sentences = chunk_article(_article("Burnout is common among developers today.\n\n## Table of Contents\n\n---\n\n"
                                               "## Rest\n\nTake breaks when you need them.\n"))
    assert [c.heading for c in chunks] == ["The Guide", "Rest"]
    assert all(s.text != "---" for s in sentences)


LEVELS = """Intro to the role.

## Career pathway

### Senior product manager

A senior PM plans products on larger teams.

#### Skills needed for this level

##### Product strategy
You define strategy for a product line.

### Staff product manager

#### Skills needed for this level

##### Product strategy
You define strategy at the organizational level.
"""


def test_each_chunk_knows_the_headings_above_its_own():
    """A level page repeats its skills under each level: each chunk carries its heading path, so "Product strategy"
    under two levels is two sections, and what it is embedded with names the level."""
    from bot.chunking import contexts

    a = Article(id="pm", title="Product manager", text=LEVELS, sha256="x", source="pm.md")
    chunks, _ = chunk_article(a)
    strategy = [c for c in chunks if c.heading == "Product strategy"]
    assert [c.context for c in strategy] == [("Career pathway", "Senior product manager", "Skills needed for this level"),
                                             ("Career pathway", "Staff product manager", "Skills needed for this level")]
    assert chunks[0].context == () and chunks[0].heading == "Product manager"
    assert contexts(a, strategy)[1].startswith(
        "Product manager › Career pathway › Staff product manager › Skills needed for this level › Product strategy\n")


def test_a_comment_in_fenced_code_is_no_heading():
    # "# install the stack" in a shell block is a comment: read as a heading it split the section and named one
    # "wired 5f2c1e... ethernet enp3s0" (a commented command's output).
    text = ("## Setting up the lab\n\nInstall the packages first.\n\n```bash\n# install the virtualization stack\n"
            "sudo pacman -S qemu\n# wired 5f2c1e ethernet enp3s0\n```\n\nThen reboot the machine once.\n")
    chunks, _ = chunk_article(_article(text))
    assert {c.heading for c in chunks} == {"Setting up the lab"}


def test_a_heading_line_as_long_as_an_article_is_its_text():
    # A Markdown article flattened into one line opens with "# ": read as a heading it held the whole text and
    # left no passage to index.
    line = "# Career FAQs **Answers from experts.** " + "Certifications help a beginner get a first interview. " * 20
    chunks, sentences = chunk_article(_article(line))
    assert chunks and any("Certifications help a beginner" in s.text for s in sentences)


def test_a_heading_restating_the_title_is_named_once():
    # A tester's veterans' guides: front matter "... Complete Guide with GI Bill" over the page's own "# ... Your
    # Complete Guide": every source named the title twice ("... GI Bill - ... Your Complete Guide › The Exam").
    from bot.chunking import section_path

    title = "HVAC EPA 608 Certification for Veterans: Complete Guide with GI Bill"
    assert section_path(title, ("HVAC EPA 608 Certification for Veterans: Your Complete Guide",), "The Exam") == ["The Exam"]
    assert section_path("Becoming a data engineer", ("Becoming a data engineer in 2024",), "Pay") == [
        "Becoming a data engineer in 2024", "Pay"]  # a heading that says more is a section of its own


def test_a_quoted_word_that_opens_a_sentence_stays_in_it():
    # A tester's indie-developer post: '"All" I need to do in order to reach a long-term sustainable level is generate
    # 20 sales per day' was split after '"All"', and the answer quoted 'I need to do ...'.
    text = '"All" I need to do is generate 20 sales per day. "Really?" She asked. He said "no".'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        '"All" I need to do is generate 20 sales per day.', '"Really?"', "She asked.", 'He said "no".']


def test_a_dot_that_opens_a_word_ends_no_sentence():
    # A tester's page from bls.gov: pysbd cut "The ." | "gov means it's official.", and the answer read "The . gov".
    text = "The .gov means it's official. Federal websites often end in .gov or .mil. Check before you share."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The .gov means it's official.", "Federal websites often end in .gov or .mil.", "Check before you share."]


def test_a_word_cut_at_an_exclamation_mark_inside_it_stays_one_sentence():
    # pysbd cut "ma!ny" (a typo in a tester's article) and the answer quoted "ma! ny": not the source's words.
    text = "We couldn’t do ma!ny of the things we enjoyed. I felt so alone."
    assert [text[a:b] for a, b in split_sentences(text)] == ["We couldn’t do ma!ny of the things we enjoyed.", "I felt so alone."]
    # ... nor a stop made a sentence of its own: "Was it… no.. it couldn’t be." was quoted "no. it".
    text = "Was it… no.. it couldn’t be. Fourth place."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Was it… no..", "it couldn’t be.", "Fourth place."]
    # ... nor an ellipsis cut with nothing between its dots: "the answer is...pretty big." was quoted "is.. .pretty big."
    text = "Looking at job satisfaction, the answer is...pretty big. Cooks rank low."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Looking at job satisfaction, the answer is...pretty big.", "Cooks rank low."]
    # ... but an emphasis mark left over is no stop: joined, it was quoted ("it is the norm. **", a blind reader's).
    text = "In architecture, however, it is the norm. **\n\nIt starts in school."
    assert [text[a:b] for a, b in split_sentences(text)][0] == "In architecture, however, it is the norm."


def test_a_comment_in_indented_code_is_no_heading_but_one_in_a_list_item_is():
    # A tester's geocomputing essay: "    # setup color", a Python comment four spaces in, headed every later section.
    from bot.chunking import _units

    text = ("# Essay\n\nSome text here.\n\n    # import libraries\n    import numpy as np\n\nMore text.\n\n- an item\n\n"
            "    ## Under the item\n\n## Real section\n\nWords.\n")
    assert [u[1] for u in _units(text) if u[0] == "heading"] == ["Essay", "Under the item", "Real section"]


def test_a_list_counted_inside_a_sentence_stays_in_it():
    # A tester's weather broadcaster interview: "where they 1. LIVE, 2. WORK, and 3. PLAY." was cut at each number, and the
    # answer quoted "where they 3. PLAY.", its first two items dropped as fragments. A list on its own lines is its items.
    text = "Tell them what the weather will be where they 1. LIVE, 2. WORK, and 3. PLAY. I broadcast to farmers."
    assert [text[a:b] for a, b in split_sentences(text)] == [text[: text.index(" I broadcast")], "I broadcast to farmers."]
    steps = "Steps:\n1. Apply now.\n2. Wait for the call. I did two things. 1. I applied. 2. I waited."
    assert [steps[a:b] for a, b in split_sentences(steps)] == [
        "Steps:", "1. Apply now.", "2. Wait for the call.", "I did two things.", "1. I applied.", "2. I waited."]


def test_a_name_in_two_capitalised_parts_before_a_dot_ends_no_sentence():
    # A tester's tattoo library: "MyTattoo.Software is built for ..." was cut at its dot, and the answer read "MyTattoo.
    # Software"; a lower-case word run onto the next sentence is still two ("to increase.As you develop").
    text = "MyTattoo.Software is built for artists. Prices rise to increase.As you develop skills, charge more."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "MyTattoo.Software is built for artists.", "Prices rise to increase.", "As you develop skills, charge more."]
