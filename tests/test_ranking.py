"""The learned ranking (retrieval.Retriever.features and config.RankWeights), over the real guides."""

import re
from dataclasses import fields

import numpy as np

from bot.config import RANK_WEIGHTS, RankWeights
from bot.retrieval import Retriever

QUESTION = "What salary can a machine learning engineer expect?"


def _only(feature: str) -> RankWeights:
    """Weights that rank by one feature alone."""
    return RankWeights(**{f.name: float(f.name == feature) for f in fields(RankWeights) if f.name in RankWeights.FEATURES})


def test_every_feature_has_a_weight_and_the_weights_come_from_the_fit():
    assert len(RANK_WEIGHTS.values()) == len(RankWeights.FEATURES)
    assert "rank_fit" in RANK_WEIGHTS.evidence and "held" in RANK_WEIGHTS.evidence


def test_the_passages_come_in_the_order_of_the_learned_score(guides_bot):
    """The weights decide the order: ranked by the chunk's cosine alone, the first passage is the head's
    best-matching chunk; ranked by the number of its sentences alone, the head's longest."""
    store, embedder, profile = guides_bot.store, guides_bot.embedder, guides_bot.profile
    qv = embedder.embed_query(QUESTION)
    by_cosine = Retriever(store, embedder, guides_bot.retriever.index, profile.background, _only("chunk_cosine"))
    by_length = Retriever(store, embedder, guides_bot.retriever.index, profile.background, _only("sentences"))
    first_by_cosine = by_cosine.search(QUESTION, 1)[0]
    first_by_length = by_length.search(QUESTION, 1)[0]
    head = [p.row for p in by_cosine.search(QUESTION, 20)]
    cosines = {c: float(store.chunk_vectors[c] @ qv) for c in head}
    assert first_by_cosine.row == max(cosines, key=cosines.get)
    assert len(store.sentences_in(first_by_length.row)) == max(len(store.sentences_in(c)) for c in head)
    assert first_by_cosine.row != first_by_length.row  # so the check above can tell the weights apart


def test_the_features_say_what_they_are_named(guides_bot):
    retriever = guides_bot.retriever
    query = "machine learning engineer salary"
    qv = guides_bot.embedder.embed_query(query)
    r = retriever.rankings(query, qv)
    head = r.dense[:10]
    x = retriever.features(head, {c: 0.1 for c in head}, r, qv)
    assert x.shape == (10, len(RankWeights.FEATURES))
    col = {f: i for i, f in enumerate(RankWeights.FEATURES)}
    assert np.allclose(x[:, col["chunk_cosine"]], [r.chunk_cos[c] for c in head])
    assert (x[:, col["best_sentence"]] >= -1).all() and (x[:, col["bm25_share"]] <= 1).all()
    # "salary" is the topic: "machine learning engineer" is the library's own subject, not evidence of one.
    shares = x[:, col["heading_terms"]]
    assert [float("salar" in retriever.store.chunks[c].heading.lower()) for c in head] == shares.tolist() and shares.max() == 1


def test_a_chunk_giving_the_kind_of_answer_asked_is_marked(guides_bot):
    """`figure`: an amount question and a chunk holding a figure of the kind asked ("$" for pay); `list_items`:
    a list question and a chunk holding a list. Both are 0 for a question of another kind."""
    retriever, store = guides_bot.retriever, guides_bot.store
    col = {f: i for i, f in enumerate(RankWeights.FEATURES)}
    for query, feature, holds in (("How much do machine learning engineers earn?", "figure", lambda t: bool(re.search(r"[$€£]\s?\d|\d,\d{3}\b|\d\s?k\b", t))),
                                  ("What skills does a machine learning engineer need?", "list_items",
                                   lambda t: len(re.findall(r"(?m)^\s*(?:[-*+•]|\d+[.)])\s", t)) >= 2)):
        qv = guides_bot.embedder.embed_query(query)
        r = retriever.rankings(query, qv)
        head = list(dict.fromkeys(r.dense[:15] + r.by_lexical[:15]))
        marked = retriever.features(head, {c: 0.1 for c in head}, r, qv)[:, col[feature]]
        assert marked.tolist() == [float(holds(store.chunks[c].text)) for c in head]
        assert 0 < marked.sum() < len(head)  # the check above can tell chunks apart
        other = retriever.rankings("Is a machine learning bootcamp worth it?", qv)
        assert not retriever.features(head, {c: 0.1 for c in head}, other, qv)[:, col[feature]].any()


def test_a_chunk_is_also_read_with_its_neighbours_in_its_article(guides_bot):
    """`window_cosine`: the question's cosine to the sum of the chunk's vector and its neighbours' in the same
    article; a neighbour from another article (the chunk before an article's first) is left out."""
    retriever, store = guides_bot.retriever, guides_bot.store
    col = RankWeights.FEATURES.index("window_cosine")
    qv = guides_bot.embedder.embed_query("What does a machine learning engineer do day to day?")
    article = [store.chunks[c].article_id for c in range(len(store.chunks))]
    firsts = [c for c in range(1, len(article) - 1) if article[c - 1] != article[c] == article[c + 1]]
    middle = next(c for c in range(1, len(article) - 1) if article[c - 1] == article[c] == article[c + 1])
    r = retriever.rankings("machine learning engineer", qv)

    def expected(c, rows):
        v = np.sum([np.asarray(store.chunk_vectors[x], dtype=np.float64) for x in rows], axis=0)
        return float(v @ qv / np.linalg.norm(v))

    for c, rows in ((firsts[0], (firsts[0], firsts[0] + 1)), (middle, (middle - 1, middle, middle + 1))):
        got = retriever.features([c], {c: 0.1}, r, qv)[0, col]
        assert abs(got - expected(c, rows)) < 1e-5
    c = firsts[0]
    assert abs(retriever.features([c], {c: 0.1}, r, qv)[0, col] - expected(c, (c - 1, c, c + 1))) > 1e-4  # it can tell


def test_whether_the_library_holds_anything_near_does_not_depend_on_which_passages_are_shown(guides_bot):
    """`Retriever.ranked`'s best similarity is over every candidate weighed, at least that of any passage shown
    and the same whichever of them the weights put first."""
    retriever = guides_bot.retriever
    query = "Do I need to know linear regression for the job?"
    ranked = retriever.ranked(query, 5)
    assert ranked.best_similarity >= max(p.similarity for p in ranked.passages)
    by_length = Retriever(guides_bot.store, guides_bot.embedder, retriever.index, guides_bot.profile.background, _only("sentences"))
    other = by_length.ranked(query, 5)
    assert other.passages[0].row != ranked.passages[0].row and other.best_similarity == ranked.best_similarity
