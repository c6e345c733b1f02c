"""`python -m bot eval`: answer quality on a question set, ours beside the LangChain tutorial baseline.

A dataset line: {"id", "kind": "answerable"|"out_of_scope"|"follow_up", "turns": [...], "gold": [{"quote"}], "key": [[...]]}.
A passage "contains" a gold quote after normalizing case, quotes, dashes and spaces, or when the two
share a run of at least 40 characters (a quote split across chunks). Reads the corpus only to build
the baseline; our figures go through the public Python API.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .config import PROJECT_DIR

DEFAULT_DATASET = PROJECT_DIR / "eval" / "dev.jsonl"
SHARED_RUN = 40


def normalize(text: str) -> str:
    text = text.lower()
    text = re.sub(r"[‘’′`]", "'", text)
    text = re.sub(r"[“”″]", '"', text)
    text = re.sub(r"[‐‑‒–—―]", "-", text)
    return " ".join(text.split())


def contains_gold(passage: str, quotes: list[str]) -> bool:
    p = normalize(passage)
    for q in quotes:
        q = normalize(q)
        if q in p:
            return True
        if len(q) >= SHARED_RUN:
            m = SequenceMatcher(None, p, q, autojunk=False).find_longest_match(0, len(p), 0, len(q))
            if m.size >= SHARED_RUN:
                return True
    return False


def covers_keys(text: str, key_groups: list[list[str]]) -> bool:
    t = normalize(text)
    return all(any(normalize(phrase) in t for phrase in group) for group in key_groups)


@dataclass
class Report:
    system: str
    questions: int = 0
    hit_at_1: float = 0.0
    hit_at_3: float = 0.0
    hit_at_5: float = 0.0
    mrr_at_10: float = 0.0
    citation_hit: float = 0.0
    key_coverage: float = 0.0
    out_of_scope_refused: str = "0/0"
    answerable_refused: list[str] = field(default_factory=list)
    follow_ups_right: str = "0/0"
    ask_ms_p50: float = 0.0
    ask_ms_p95: float = 0.0
    failures: dict[str, list[str]] = field(default_factory=dict)


def load_dataset(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _history(turns: list[str], bot) -> list[dict]:
    history = []
    for turn in turns:
        history.append({"role": "user", "content": turn})
        history.append({"role": "assistant", "content": bot.ask(turn, history=history[:-1]).text})
    return history


def evaluate_bot(bot, rows: list[dict]) -> Report:
    report = Report("career-bot")
    ranks, cited, keyed, latencies = [], [], [], []
    oos_refused = oos = fu_right = fu = 0
    failures: dict[str, list[str]] = {"retrieval": [], "citation": [], "keys": [], "follow_up": []}
    for row in rows:
        quotes = [g["quote"] for g in row.get("gold", [])]
        history = _history(row["turns"][:-1], bot)
        question = row["turns"][-1]
        t0 = time.perf_counter()
        answer = bot.ask(question, history=history)
        latencies.append((time.perf_counter() - t0) * 1000)
        if row["kind"] == "out_of_scope":
            oos += 1
            oos_refused += not answer.citations
            continue
        cite_ok = any(contains_gold(c.text, quotes) for c in answer.citations)
        keys_ok = covers_keys(answer.text, row.get("key", []))
        if row["kind"] == "follow_up":
            fu += 1
            fu_right += cite_ok and keys_ok
            if not (cite_ok and keys_ok):
                failures["follow_up"].append(row["id"])
            continue
        passages = bot.retrieve(answer.searched_for or question, k=10)
        rank = next((i + 1 for i, p in enumerate(passages) if contains_gold(p.text, quotes)), None)
        ranks.append(rank)
        cited.append(cite_ok)
        keyed.append(keys_ok)
        if not answer.citations:
            report.answerable_refused.append(row["id"])
        for name, ok in (("retrieval", rank == 1), ("citation", cite_ok), ("keys", keys_ok)):
            if not ok:
                failures[name].append(row["id"])
    _fill(report, ranks, cited, keyed, latencies)
    report.out_of_scope_refused = f"{oos_refused}/{oos}"
    report.follow_ups_right = f"{fu_right}/{fu}"
    report.failures = {k: v for k, v in failures.items() if v}
    return report


def evaluate_baseline(baseline, rows: list[dict], k: int = 4) -> Report:
    """The tutorial pipeline: top-k chunks are its citations, their text its answer; the last turn is searched alone."""
    report = Report("langchain-baseline")
    ranks, cited, keyed, latencies = [], [], [], []
    oos_refused = oos = fu_right = fu = 0
    for row in rows:
        quotes = [g["quote"] for g in row.get("gold", [])]
        question = row["turns"][-1]
        t0 = time.perf_counter()
        docs = baseline.search(question, k=10)
        latencies.append((time.perf_counter() - t0) * 1000)
        top = docs[:k]
        if row["kind"] == "out_of_scope":
            oos += 1
            oos_refused += not top
            continue
        cite_ok = any(contains_gold(d.page_content, quotes) for d in top)
        keys_ok = covers_keys(" ".join(d.page_content for d in top), row.get("key", []))
        if row["kind"] == "follow_up":
            fu += 1
            fu_right += cite_ok and keys_ok
            continue
        ranks.append(next((i + 1 for i, d in enumerate(docs) if contains_gold(d.page_content, quotes)), None))
        cited.append(cite_ok)
        keyed.append(keys_ok)
    _fill(report, ranks, cited, keyed, latencies)
    report.out_of_scope_refused = f"{oos_refused}/{oos}"
    report.follow_ups_right = f"{fu_right}/{fu}"
    return report


def _fill(report: Report, ranks, cited, keyed, latencies) -> None:
    n = len(ranks) or 1
    report.questions = len(ranks)
    for k in (1, 3, 5):
        setattr(report, f"hit_at_{k}", sum(1 for r in ranks if r and r <= k) / n)
    report.mrr_at_10 = sum(1 / r for r in ranks if r and r <= 10) / n
    report.citation_hit = sum(cited) / n
    report.key_coverage = sum(keyed) / n
    if latencies:
        ordered = sorted(latencies)
        report.ask_ms_p50 = statistics.median(ordered)
        report.ask_ms_p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


ROWS = [
    ("hit@1", "hit_at_1", "{:.3f}"), ("hit@3", "hit_at_3", "{:.3f}"), ("hit@5", "hit_at_5", "{:.3f}"),
    ("MRR@10", "mrr_at_10", "{:.3f}"), ("citation hit", "citation_hit", "{:.3f}"),
    ("key coverage", "key_coverage", "{:.3f}"), ("out-of-scope refused", "out_of_scope_refused", "{}"),
    ("answerable refused", "answerable_refused", "{}"), ("follow-ups right", "follow_ups_right", "{}"),
    ("latency p50 (ms)", "ask_ms_p50", "{:.1f}"), ("latency p95 (ms)", "ask_ms_p95", "{:.1f}"),
]


def format_reports(ours: Report, base: Report, dataset: Path) -> str:
    lines = [f"dataset: {dataset} ({ours.questions} answerable questions)", "",
             f"{'metric':<22}{'career-bot':>14}{'langchain baseline':>22}"]
    for label, attr, fmt in ROWS:
        a, b = getattr(ours, attr), getattr(base, attr)
        if isinstance(a, list):
            a, b = (", ".join(a) or "none"), (", ".join(b) or "none")
        lines.append(f"{label:<22}{fmt.format(a):>14}{fmt.format(b):>22}")
    if ours.failures:
        lines += ["", "misses (career-bot): " + "; ".join(f"{k}: {', '.join(v)}" for k, v in ours.failures.items())]
    lines += ["", "baseline: RecursiveCharacterTextSplitter(1000, 200), same model, LangChain FAISS similarity_search;",
              "its answer = its top 4 chunks; it has no refusal and no follow-up handling (ask latency = its search)."]
    return "\n".join(lines)


def run(bot, dataset=DEFAULT_DATASET, as_json: bool = False) -> str:
    from .baseline import LangChainBaseline

    from .indexer import corpus_dir_of

    rows = load_dataset(dataset)
    base = evaluate_baseline(LangChainBaseline(corpus_dir_of(bot.store, bot.settings), bot.settings.model), rows)
    ours = evaluate_bot(bot, rows)
    if as_json:
        return json.dumps({"dataset": str(dataset), "career_bot": asdict(ours), "langchain_baseline": asdict(base)}, indent=2)
    return format_reports(ours, base, Path(dataset))
