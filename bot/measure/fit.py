"""`python -m bot.measure.fit`: fit the sentence weights (config.SentenceWeights) across libraries.

For every answerable and follow-up question of the benchmark libraries, the evidence `ask` would compose
from is gathered once; each quotable sentence of it gets its features (answer.sentence_features) and a label
(it is one of the question's gold sentences). A weight setting is judged by how often the sentence it scores
highest is a gold one (precision at 1). The grid is searched on the fit libraries and reported on the held-out
ones, and also rotating: each library scored with the weights fitted on all the others. Does not change any
file: the chosen weights are copied into config.py by hand, with these figures.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

from .. import excerpts
from ..answer import sentence_features, sentence_scores
from ..config import WEIGHTS, SentenceWeights
from . import libraries
from .evaluate import history_of, normalize

FIT = ("engineering-management", "sre-oncall-incident-response", "academic-statistics-careers")
GRID = {
    "continuation": (0.8, 0.9, 1.0),
    "lexical": (0.0, 0.1, 0.15, 0.25, 0.4),
    "chunk": (0.0, 0.25, 0.5, 0.75),
    "heading": (0.0, 0.1, 0.2, 0.3),
    "rank": (0.0, 0.01, 0.02, 0.05),
}


def _is_gold(sentence: str, gold: list[str]) -> bool:
    s = normalize(sentence)
    return len(s) > 12 and any(s in normalize(g) or normalize(g) in s for g in gold)


def table(bot, rows: list[dict]) -> list[tuple[dict, np.ndarray]]:
    """(features of every quotable sentence, gold labels) per answerable or follow-up case."""
    out = []
    for case in rows:
        if case["kind"] not in ("answerable", "followup"):
            continue
        turns = case.get("turns") or [case["q"]]
        evidence = bot.evidence(turns[-1], history_of(turns[:-1], bot))
        vector = evidence.answer_vector
        feats, labels = [], []
        for rank, passage in enumerate(evidence.passages):
            r = excerpts.roles(passage)
            f = sentence_features(evidence, rank, r, vector)
            keep = np.array([r.content[k] or r.item[k] for k in range(len(passage.sentences))], dtype=bool)
            feats.append({k: v[keep] for k, v in f.items()})
            labels.append(np.array([_is_gold(s.text, case["gold"]) for s, x in zip(passage.sentences, keep) if x]))
        if feats:
            out.append(({k: np.concatenate([f[k] for f in feats]) for k in feats[0]}, np.concatenate(labels)))
    return out


def precision_at_1(cases, w: SentenceWeights) -> float:
    hits = [bool(labels[int(np.argmax(sentence_scores(f, w)))]) for f, labels in cases if len(labels)]
    return sum(hits) / max(len(cases), 1)


def best(cases) -> tuple[SentenceWeights, float]:
    names = list(GRID)
    found = (WEIGHTS, precision_at_1(cases, WEIGHTS))
    for values in itertools.product(*GRID.values()):
        w = replace(WEIGHTS, **dict(zip(names, values)))
        p = precision_at_1(cases, w)
        if p > found[1] + 1e-9:
            found = (w, p)
    return found


def main(selected=None) -> str:
    from ..embedding import get_embedder

    embedder = get_embedder("")
    chosen = selected or libraries.names()
    tables = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            tables[name] = table(libraries.open_library(name, Path(tmp), embedder), libraries.cases(name))
    lines = [f"{'library':34}{'cases':>6}{'current':>9}{'fit here':>9}{'others':>9}"]
    fit_cases = [c for n in chosen if n in FIT for c in tables[n]]
    w_fit, p_fit = best(fit_cases) if fit_cases else (WEIGHTS, 0.0)
    for name in chosen:
        others = [c for n in chosen if n != name for c in tables[n]]
        w_others, _ = best(others)
        lines.append(f"{name + (' (fit)' if name in FIT else ''):34}{len(tables[name]):>6}"
                     f"{precision_at_1(tables[name], WEIGHTS):>9.3f}{precision_at_1(tables[name], w_fit):>9.3f}"
                     f"{precision_at_1(tables[name], w_others):>9.3f}")
    held = [c for n in chosen if n not in FIT for c in tables[n]]
    lines += ["", "precision at 1: the highest-scoring quotable sentence is a gold one",
              "current: config.WEIGHTS; fit here: fitted on the fit libraries; others: fitted on every other library",
              f"fitted on the fit libraries: {w_fit} (fit {p_fit:.3f}, held-out {precision_at_1(held, w_fit):.3f}, "
              f"current on held-out {precision_at_1(held, WEIGHTS):.3f})"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main(sys.argv[1:] or None))
