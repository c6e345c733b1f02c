"""The benchmark harness on a small library made here: a question set is checked against its articles, and
its questions are answered by the bot beside the top passage whole (eval/libraries/README.md)."""

import json

from bot.measure import libraries


def _library(tmp_path, monkeypatch, cases):
    folder = tmp_path / "libraries" / "tiny"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "pay.md").write_text(
        "# Pay for junior testers\n\nJunior testers earn about $52,000 a year in the survey. Senior testers earn more.\n")
    (folder / "questions.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cases))
    monkeypatch.setattr(libraries, "LIBRARIES_DIR", tmp_path / "libraries")
    return folder


def test_a_question_set_is_checked_against_its_articles(tmp_path, monkeypatch):
    folder = _library(tmp_path, monkeypatch, [
        {"id": "t1", "kind": "answerable", "q": "what do new testers make?", "type": "amount", "article": "pay.md",
         "gold": ["Junior testers earn about $52,000 a year in the survey."], "key": [["52,000"]]},
        {"id": "t2", "kind": "answerable", "q": "what do testers earn?", "type": "amount", "article": "pay.md",
         "gold": ["Testers earn a fortune."], "key": [["earn"]]},
        {"id": "t3", "kind": "near_topic", "q": "do testers get stock?"},
    ])
    problems = libraries.check(folder)
    assert problems == [
        "t2: gold not found in pay.md: 'Testers earn a fortune.'",
        "t2: key group ['earn'] is already in the question",
        "t3: near_topic without 'missing'",
    ]


def test_the_harness_scores_the_answer_beside_the_top_passage(tmp_path, monkeypatch, embedder):
    _library(tmp_path, monkeypatch, [
        {"id": "t1", "kind": "answerable", "q": "what do new testers make?", "type": "amount", "article": "pay.md",
         "gold": ["Junior testers earn about $52,000 a year in the survey."], "key": [["52,000"]]},
        {"id": "t2", "kind": "smalltalk", "q": "thanks, that helped!"},
    ])
    bot = libraries.open_library("tiny", tmp_path / "work", embedder)
    tally = libraries.score(libraries.run_cases(bot, libraries.cases("tiny") + libraries.everyday()[:3]))
    assert tally["composed"]["answerable: every key"] == (1, 1)
    assert tally["top passage"]["answerable: every key"] == (1, 1)
    assert tally["composed"]["small talk"] == (1, 1)
    assert tally["composed"]["everyday off-topic refused"] == (3, 3)  # every library is asked them (eval/everyday.jsonl)
