"""`python -m bot.measure.rank_fit`: fit the learned ranking (config.RankWeights) across libraries.

For every answerable and follow-up question of the benchmark libraries, the KNOBS.rerank_depth fused candidates
`search` would reorder get their features (Retriever.features) and a label (the chunk holds one of the
question's gold sentences). The weights maximize the likelihood that a softmax over each question's candidates
puts its weight on a gold one (L2-regularized, convex, plain gradient descent on standardized features).
Reported as hit@1 (a gold chunk first): fitted on the fit libraries and judged on the held-out ones, then
rotating (each library judged with the weights fitted on all the others). Does not change any file: the chosen
weights are copied into config.py by hand, with these figures.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np

from ..config import KNOBS, PROJECT_DIR, RANK_WEIGHTS, RankWeights
from ..conversation import CareerBot
from ..evidence import corrected, respelled
from . import libraries
from .evaluate import history_of, normalize
from .fit import FIT as FIT_LIBRARIES

# The regularization, chosen by leaving one library out (1, 3 and 10 tried: 74, 77 and 79 first of the 174
# answerable and follow-up questions, fusion alone 70). A feature marking chunks made of questions was tried
# and left out: it scored 82 that way but took back the fused score's halving of such chunks, and on the
# bundled guides a table of contents then came first for "What are the steps to become ...?" and "How much
# does an ML engineer make?".
L2 = 10.0
# The bundled guides and their answer-quality dev set (in the same form as a library's questions) are fitted on
# too: they are the library every user meets first, and without them the weights put a guide's opening chunk
# first for its pay question.
BUNDLED = "bundled guides (answers_dev)"
BUNDLED_CASES = PROJECT_DIR / "eval" / "answers_dev.jsonl"
FIT = (*FIT_LIBRARIES, BUNDLED)


def table(bot, rows: list[dict]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, gold labels) of the candidates of each answerable or follow-up case with a gold chunk among them."""
    retriever, out = bot.retriever, []
    for case in rows:
        if case["kind"] not in ("answerable", "followup"):
            continue
        turns = case.get("turns") or [case["q"]]
        query = bot.ask(turns[-1], history=history_of(turns[:-1], bot)).searched_for or turns[-1]
        qv = bot.embedder.embed_query(respelled(bot.profile, query))
        r = retriever.rankings(corrected(bot.profile, query), qv)  # as `ask` searches: the lexical ranking in the library's spelling
        fused = retriever.fuse(r)
        head = sorted(fused, key=fused.get, reverse=True)[: KNOBS.rerank_depth]
        gold = [normalize(g) for g in case.get("gold") or []]
        labels = np.array([any(g in normalize(retriever.store.chunks[c].text) for g in gold) for c in head])
        if labels.any():
            out.append((retriever.features(head, fused, r, qv), labels))
    return out


def fit(cases, l2: float = L2, steps: int = 3000) -> np.ndarray:
    """Weights (in the features' own units) maximizing the softmax likelihood of the gold candidates."""
    stacked = np.vstack([x for x, _ in cases])
    mu, sd = stacked.mean(0), stacked.std(0) + 1e-9
    data = [((x - mu) / sd, y) for x, y in cases]
    w, lr = np.zeros(stacked.shape[1]), 0.05
    for _ in range(steps):
        grad = 2 * l2 * w
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.where(y, p, 0.0) / p[y].sum()
            grad -= x.T @ (q - p)
        w -= lr * grad / len(data)
    return w / sd


def hits(cases, w: np.ndarray) -> int:
    return sum(bool(y[int(np.argmax(x @ w))]) for x, y in cases)


def main(selected=None) -> str:
    from ..embedding import get_embedder

    embedder = get_embedder("")
    chosen = (selected or libraries.names()) + [BUNDLED]
    with tempfile.TemporaryDirectory() as tmp:
        tables = {n: table(libraries.open_library(n, Path(tmp), embedder), libraries.cases(n)) for n in chosen if n != BUNDLED}
    tables[BUNDLED] = table(CareerBot.load(), [json.loads(line) for line in BUNDLED_CASES.read_text().splitlines() if line.strip()])
    fused_only = np.eye(len(RankWeights.FEATURES))[0]
    w_fit = fit([c for n in chosen if n in FIT for c in tables[n]])
    current = np.array(RANK_WEIGHTS.values())
    lines = [f"{'library':34}{'cases':>6}{'fused':>7}{'current':>9}{'fit here':>9}{'others':>8}"]
    for name in chosen:
        w_others = fit([c for n in chosen if n != name for c in tables[n]])
        t = tables[name]
        lines.append(f"{name + (' (fit)' if name in FIT else ''):34}{len(t):>6}{hits(t, fused_only):>7}{hits(t, current):>9}"
                     f"{hits(t, w_fit):>9}{hits(t, w_others):>8}")
    lines += ["", "hit@1 among the cases with a gold chunk in the first KNOBS.rerank_depth: fused = reciprocal-rank fusion alone;",
              "current = config.RANK_WEIGHTS; fit here = fitted on the fit libraries; others = fitted on every other library",
              "fitted on the fit libraries: " + ", ".join(f"{f} {v:.3f}" for f, v in zip(RankWeights.FEATURES, w_fit))]
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bot.measure.rank_fit", description="Refit the learned ranking's "
                                     "weights (config.RankWeights) and judge them library by library (a few minutes).")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"libraries in {libraries.LIBRARIES_DIR} (default: all)")
    args = parser.parse_args()
    unknown = [n for n in args.names if n not in libraries.names()]
    if unknown:
        parser.exit(2, f"no library {unknown[0]!r} (there are: {', '.join(libraries.names())})\n")
    print(main(args.names or None))
