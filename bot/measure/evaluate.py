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

import numpy as np

from ..config import PROJECT_DIR

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


def history_of(turns: list[str], bot) -> list[dict]:
    """The conversation `bot` would have had over `turns`: each asked in order, with its answer."""
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
        history = history_of(row["turns"][:-1], bot)
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
        report.ask_ms_p50 = statistics.median(latencies)
        report.ask_ms_p95 = float(np.percentile(latencies, 95))


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


def run(bot, dataset=None, as_json: bool = False) -> str:
    """One dataset, or by default both: retrieval (eval/dev.jsonl) beside the baseline, then answer quality."""
    if dataset is None:
        parts = [run(bot, DEFAULT_DATASET, as_json)]
        if ANSWERS_DATASET.is_file():
            parts.append(run(bot, ANSWERS_DATASET, as_json))
        return ("\n" if as_json else "\n\n").join(parts)
    rows = load_dataset(dataset)
    if is_answers_dataset(rows):
        report = evaluate_answers(bot, rows)
        if as_json:
            return json.dumps({"dataset": str(dataset), "answers": asdict(report)}, indent=2)
        return format_answer_report(report, Path(dataset))
    from ..index.update import corpus_dir_of
    from .baseline import LangChainBaseline

    base = evaluate_baseline(LangChainBaseline(corpus_dir_of(bot.store, bot.settings), bot.settings.model), rows)
    ours = evaluate_bot(bot, rows)
    if as_json:
        return json.dumps({"dataset": str(dataset), "career_bot": asdict(ours), "langchain_baseline": asdict(base)}, indent=2)
    return format_reports(ours, base, Path(dataset))


# ---- answer quality: answers_dev.jsonl (kinds answerable / near_topic / far_topic / followup) --------

ANSWERS_DATASET = PROJECT_DIR / "eval" / "answers_dev.jsonl"
# Quoted sentences that open by pointing back ("This", "However", ...): fine after the sentence they lean
# on, a fragment without it. Judged on the output alone, independently of how answers are made.
_LEANS = re.compile(
    r"^(this|these|that|those|they|their|them|it|its|such|however|but|also|additionally|moreover|furthermore|"
    r"in addition(?! to)|as a result|for example|for instance|another|both|thus|therefore)\b", re.I)
_DUMMY_IT = re.compile(r"^it(?:'|’)?s? (?:is )?(?:also )?(?:\w+ )?(?:worth|important|best|essential|crucial|possible|necessary)\b", re.I)
_MARKUP = re.compile(r"\[\^|\]\(|\]\[|\*\*|__|~~|`|<[a-zA-Z/!][^>]*>|^#{1,6}\s|^\s*\|.*\|\s*$|!\[", re.M)


def is_answers_dataset(rows: list[dict]) -> bool:
    return any(r.get("kind") in ("near_topic", "far_topic", "followup") or "q" in r for r in rows)


@dataclass
class AnswerReport:
    cases: int = 0
    by_kind: dict = field(default_factory=dict)  # kind -> {"n", "right"}
    key_coverage_by_type: dict = field(default_factory=dict)  # answerable type -> share with every key group
    key_coverage: float = 0.0  # answerable: share of cases with every key group covered
    key_groups: float = 0.0  # answerable: share of key groups covered, over all groups
    gold_cited: float = 0.0
    answerable_refused: list[str] = field(default_factory=list)
    near_honest: str = "0/0"  # refused, or a gap named
    far_refused: str = "0/0"
    follow_ups_right: str = "0/0"
    leaning_orphans: int = 0  # quoted sentences leaning on text not quoted before them, over all answers
    markup: int = 0  # answers with markup in their text
    non_content: int = 0  # quoted sentences that are questions or heading-like lines
    mean_chars: float = 0.0
    answers: int = 0
    misses: dict = field(default_factory=dict)


def shape_problems(answer) -> tuple[int, bool, int]:
    """(quoted sentences leaning on text not shown, markup in the text, non-content sentences quoted)."""
    orphans = non_content = 0
    for c in answer.citations:
        previous_end = None
        for sentence, (start, end) in zip(c.sentences, c.highlights):
            head = sentence.strip()
            gap = c.text[previous_end:start] if previous_end is not None else None
            if _LEANS.match(head) and not _DUMMY_IT.match(head) and (gap is None or gap.strip()):
                orphans += 1
            in_list = bool(re.search(r"(?:^|\n)[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+$", c.text[:start]))
            unfinished = not head.endswith((".", "!", "?", ":", ";", '"', "”", "’", ")")) and not in_list  # a heading or subtitle
            if head.endswith("?") or unfinished:
                non_content += 1
            previous_end = end
    return orphans, bool(_MARKUP.search(answer.text)), non_content


def evaluate_answers(bot, rows: list[dict]) -> AnswerReport:
    report = AnswerReport(cases=len(rows))
    kinds: dict = {}
    by_type: dict = {}
    groups_hit = groups_all = gold_hits = answerable = 0
    near = near_ok = far = far_ok = fu = fu_ok = 0
    lengths = []
    misses: dict[str, list[str]] = {"keys": [], "gold": [], "near": [], "far": [], "follow_up": []}
    for row in rows:
        turns = row.get("turns") or [row["q"]]
        history = history_of(turns[:-1], bot)
        answer = bot.ask(turns[-1], history=history)
        kind = row["kind"]
        cited = " ".join(c.text for c in answer.citations)
        orphans, markup, non_content = shape_problems(answer)
        report.leaning_orphans += orphans
        report.markup += markup
        report.non_content += non_content
        if answer.citations:
            lengths.append(len(answer.text))
        keys = row.get("key", [])
        hit = [any(normalize(p) in normalize(answer.text) for p in g) for g in keys]
        gold_ok = bool(answer.citations) and contains_gold(cited, row.get("gold", [])) if row.get("gold") else False
        if kind == "answerable":
            answerable += 1
            groups_hit += sum(hit)
            groups_all += len(hit)
            gold_hits += gold_ok
            right = all(hit) and bool(answer.citations)
            by_type.setdefault(row.get("type", "?"), []).append(right)
            if not answer.citations:
                report.answerable_refused.append(row["id"])
            if not right:
                misses["keys"].append(row["id"])
            if not gold_ok:
                misses["gold"].append(row["id"])
        elif kind == "near_topic":
            near += 1
            right = not answer.citations or bool(answer.gaps)
            near_ok += right
            if not right:
                misses["near"].append(row["id"])
        elif kind == "far_topic":
            far += 1
            right = not answer.citations
            far_ok += right
            if not right:
                misses["far"].append(row["id"])
        else:
            fu += 1
            right = all(hit) and bool(answer.citations)
            fu_ok += right
            if not right:
                misses["follow_up"].append(row["id"])
        k = kinds.setdefault(kind, {"n": 0, "right": 0})
        k["n"] += 1
        k["right"] += bool(right)
    report.by_kind = kinds
    report.key_coverage_by_type = {t: round(sum(v) / len(v), 3) for t, v in sorted(by_type.items())}
    report.key_coverage = sum(sum(v) for v in by_type.values()) / max(answerable, 1)
    report.key_groups = groups_hit / max(groups_all, 1)
    report.gold_cited = gold_hits / max(answerable, 1)
    report.near_honest = f"{near_ok}/{near}"
    report.far_refused = f"{far_ok}/{far}"
    report.follow_ups_right = f"{fu_ok}/{fu}"
    report.answers = len(lengths)
    report.mean_chars = statistics.mean(lengths) if lengths else 0.0
    report.misses = {k: v for k, v in misses.items() if v}
    return report


def format_answer_report(r: AnswerReport, dataset: Path) -> str:
    lines = [f"dataset: {dataset} ({r.cases} cases: " + ", ".join(f"{v['n']} {k}" for k, v in r.by_kind.items()) + ")", ""]
    rows = [
        ("answerable: every key group", f"{r.key_coverage:.3f}"),
        *[(f"  type {t}", f"{v:.3f}") for t, v in r.key_coverage_by_type.items()],
        ("answerable: key groups hit", f"{r.key_groups:.3f}"),
        ("answerable: gold passage cited", f"{r.gold_cited:.3f}"),
        ("answerable refused", ", ".join(r.answerable_refused) or "none"),
        ("near-topic honest (refused/gap)", r.near_honest),
        ("far-topic refused", r.far_refused),
        ("follow-ups right (all keys)", r.follow_ups_right),
        ("leaning sentences w/o antecedent", str(r.leaning_orphans)),
        ("answers with markup", str(r.markup)),
        ("non-content sentences quoted", str(r.non_content)),
        ("mean answer length (chars)", f"{r.mean_chars:.0f}"),
    ]
    lines += [f"{label:<34}{value:>12}" for label, value in rows]
    if r.misses:
        lines += ["", "misses: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in r.misses.items())]
    return "\n".join(lines)
