"""The benchmark libraries: folders of real public career articles (eval/libraries/NAME/) with provenance and
a question set written by readers who saw only the articles. This module checks and loads them.

A library folder holds `provenance.json` (repo, commit, licence, each article's path and sha256),
`questions.jsonl` (one case a line; see eval/libraries/README.md) and `articles/` (the files themselves,
not committed: they are materialized from the fetched repositories, see README). Does not evaluate.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..config import PROJECT_DIR
from .evaluate import history_of, normalize

LIBRARIES_DIR = PROJECT_DIR / "eval" / "libraries"
SHARED_COPY = PROJECT_DIR.parent / "shared" / "libraries"  # where the workplace may keep the articles between sessions


def articles_dir(name: str) -> Path:
    """A library's articles: materialized beside its questions, else the workplace's shared copy."""
    here = LIBRARIES_DIR / name / "articles"
    return here if here.is_dir() or not (SHARED_COPY / name / "articles").is_dir() else SHARED_COPY / name / "articles"
KINDS = ("answerable", "near_topic", "far_topic", "followup", "smalltalk")
TYPES = ("amount", "list", "yes_no", "comparison", "steps", "definition", "advice", "other")


def article_texts(folder: Path) -> dict[str, str]:
    """Each article's text as the bot reads it (ingest's cleaned text), by file name."""
    from ..ingest import load_article

    return {p.name: load_article(p).text for p in sorted(articles_dir(Path(folder).name).iterdir()) if p.is_file()}


def check(folder: Path) -> list[str]:
    """Problems in a library's question set, one line each ([] when sound): gold sentences not found in the
    named article's text, key phrases found in no gold sentence or in the question, missing fields."""
    folder = Path(folder)
    texts = {name: normalize(t) for name, t in article_texts(folder).items()}
    problems, ids = [], set()
    for n, line in enumerate((folder / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except ValueError as e:
            problems.append(f"line {n}: not JSON ({e})")
            continue
        cid = case.get("id", f"line {n}")
        if cid in ids:
            problems.append(f"{cid}: id used twice")
        ids.add(cid)
        problems += [f"{cid}: {p}" for p in _case_problems(case, texts)]
    return problems


def _case_problems(case: dict, texts: dict[str, str]) -> list[str]:
    out = []
    kind = case.get("kind")
    if kind not in KINDS:
        return [f"kind {kind!r} is not one of {KINDS}"]
    turns = case.get("turns") or ([case["q"]] if case.get("q") else [])
    if not turns or not all(isinstance(t, str) and t.strip() for t in turns):
        out.append("no question ('q', or 'turns' for a followup)")
    if kind in ("answerable", "followup"):
        if case.get("type") not in TYPES:
            out.append(f"type {case.get('type')!r} is not one of {TYPES}")
        gold = case.get("gold") or []
        if not gold:
            out.append("no gold sentences")
        article = case.get("article")
        pool = [texts[article]] if article in texts else list(texts.values())
        if article and article not in texts:
            out.append(f"article {article!r} is not in articles/")
        for g in gold:
            if not any(normalize(g) in t for t in pool):
                out.append(f"gold not found in {article or 'any article'}: {g[:70]!r}")
        question = normalize(" ".join(turns))
        for group in case.get("key") or []:
            if not any(any(normalize(p) in normalize(g) for g in gold) for p in group):
                out.append(f"key group {group} is in no gold sentence")
            if any(normalize(p) in question for p in group):
                out.append(f"key group {group} is already in the question")
        if not case.get("key"):
            out.append("no key phrases")
    if kind == "near_topic" and not case.get("missing"):
        out.append("near_topic without 'missing'")
    return out


def check_provenance(folder: Path) -> list[str]:
    """Articles whose bytes differ from the sha256 recorded in provenance.json, or that are missing."""
    folder = Path(folder)
    meta = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    out = []
    for a in meta["articles"]:
        path = articles_dir(folder.name) / a["file"]
        if not path.is_file():
            out.append(f"{a['file']}: missing (materialize it from {meta['repo']}@{meta['commit'][:10]}:{a['path']})")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != a["sha256"]:
            out.append(f"{a['file']}: its bytes differ from the recorded sha256")
    return out




# ---- evaluation: each library's questions through the bot and two baselines -----------------------------

SYSTEMS = ("composed", "top passage", "langchain")


def names() -> list[str]:
    """The libraries present (their articles materialized), in name order."""
    if not LIBRARIES_DIR.is_dir():
        return []
    return sorted(d.name for d in LIBRARIES_DIR.iterdir() if (d / "questions.jsonl").is_file() and articles_dir(d.name).is_dir())


def open_library(name: str, work: Path, embedder):
    """A CareerBot over library `name`, its index built into `work` (the articles folder is only read)."""
    from ..config import Settings
    from ..conversation import CareerBot
    from ..index import update

    settings = Settings.from_env(corpus_dir=articles_dir(name), index_dir=Path(work) / name / "index")
    update.build(settings, embedder)
    return CareerBot.load(settings=settings)


def cases(name: str) -> list[dict]:
    lines = (LIBRARIES_DIR / name / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


EVERYDAY = PROJECT_DIR / "eval" / "everyday.jsonl"


def everyday() -> list[dict]:
    """Everyday messages with nothing to do with any career ("is it gonna rain in manchester tomorrow"), asked of every
    library: each must be refused. Written by a helper who saw no library and no code (eval/libraries/README.md)."""
    lines = EVERYDAY.read_text(encoding="utf-8").splitlines() if EVERYDAY.is_file() else []
    return [json.loads(line) for line in lines if line.strip()]


def run_cases(bot, rows: list[dict], langchain=None) -> list[dict]:
    """Each case answered by each system: {"case", "composed": Answer, "top": [Passage], "langchain": [Document]}."""
    from ..evidence import corrected, respelled

    out = []
    for case in rows:
        turns = case.get("turns") or [case["q"]]
        answer = bot.ask(turns[-1], history=history_of(turns[:-1], bot))
        query = answer.searched_for or turns[-1]
        top = bot.retriever.search(corrected(bot.profile, query), 10, bot.embedder.embed_query(respelled(bot.profile, query)))  # as `ask` searches
        docs = langchain.search(turns[-1], k=10) if langchain is not None else []
        # In a chat most questions come after another: asked after one on something else, it is answered as alone.
        before = _another_question(rows, case) if case["kind"] in ("answerable", "near_topic", "far_topic") else None
        after = bot.ask(case["q"], history=history_of([before], bot)) if before else None
        out.append({"case": case, "composed": answer, "top": top, "langchain": docs, "after_another": after})
    return out


def _another_question(rows: list[dict], case: dict) -> str | None:
    """An answerable question of the set on another article than `case`'s: the next one after it, in order."""
    at = rows.index(case)
    return next((r["q"] for r in rows[at + 1 :] + rows[:at] if r["kind"] == "answerable"
                 and r.get("article") != case.get("article")), None)


def _has(text: str, phrases) -> bool:
    t = normalize(text)
    return any(normalize(p) in t for p in phrases)


def score(results: list[dict]) -> dict:
    """Per system: answerable cases with every key group in the answer text, with a gold sentence in it,
    refused; where the answer lacks a gold sentence, one in a section it offers ("See also"); near-topic honest;
    far-topic refused; follow-ups with every key; small talk recognised; retrieval hit@1/hit@5 (a gold sentence
    in the n-th passage)."""
    tally: dict = {s: {} for s in SYSTEMS}

    def add(system, metric, ok):
        n, k = tally[system].get(metric, (0, 0))
        tally[system][metric] = (n + 1, k + bool(ok))

    for r in results:
        case, answer = r["case"], r["composed"]
        kind, keys, gold = case["kind"], case.get("key") or [], case.get("gold") or []
        texts = {"composed": answer.text if answer.citations else "",
                 "top passage": r["top"][0].text if r["top"] else "",
                 "langchain": r["langchain"][0].page_content if r["langchain"] else ""}
        if kind in ("answerable", "followup"):
            metric = "answerable" if kind == "answerable" else "followup"
            for system, text in texts.items():
                add(system, f"{metric}: every key", all(_has(text, g) for g in keys))
                add(system, f"{metric}: gold sentence", _has(text, gold))
            add("composed", f"{metric}: refused", not answer.citations)
            if not _has(texts["composed"], gold):  # where the answer misses it: is it in a section offered?
                add("composed", f"{metric}: gold in See also", any(_has(x.text, gold) for x in answer.related))
            add("composed", f"{metric}: gap claimed", bool(answer.citations) and bool(answer.gaps))
            for system, ranked in (("composed", [p.text for p in r["top"]]), ("langchain", [d.page_content for d in r["langchain"]])):
                rank = next((i for i, t in enumerate(ranked) if _has(t, gold)), None)
                add(system, f"{metric}: hit@1", rank == 0)
                add(system, f"{metric}: hit@5", rank is not None and rank < 5)
        elif kind == "near_topic":
            add("composed", "near-topic honest", not answer.citations or bool(answer.gaps))
        elif kind == "far_topic":
            add("composed", "far-topic refused", not answer.citations)
        elif kind == "everyday":
            add("composed", "everyday off-topic refused", not answer.citations)
        elif kind == "smalltalk":
            add("composed", "small talk", answer.kind == "smalltalk")
        after = r.get("after_another")
        if after is not None:
            metric = {"answerable": "answerable: every key", "near_topic": "near-topic honest",
                      "far_topic": "far-topic refused"}[kind]
            ok = {"answerable": bool(after.citations) and all(_has(after.text, g) for g in keys),
                  "near_topic": not after.citations or bool(after.gaps), "far_topic": not after.citations}[kind]
            add("composed", f"after another question, {metric}", ok)
    return tally


METRICS = ("answerable: every key", "answerable: gold sentence", "answerable: gold in See also", "answerable: refused",
           "answerable: gap claimed",
           "answerable: hit@1",
           "answerable: hit@5", "followup: every key", "near-topic honest", "far-topic refused",
           "everyday off-topic refused", "small talk", "after another question, answerable: every key", "after another question, near-topic honest",
           "after another question, far-topic refused")


def format_scores(title: str, tally: dict) -> str:
    lines = [title, f"{'':46}" + "".join(f"{s:>14}" for s in SYSTEMS)]
    for metric in METRICS:
        cells = []
        for system in SYSTEMS:
            n, k = tally[system].get(metric, (0, 0))
            cells.append(f"{k}/{n} {k / n:.2f}" if n else "-")
        lines.append(f"{metric:46}" + "".join(f"{c:>14}" for c in cells))
    return "\n".join(lines)


def merge(tallies: list[dict]) -> dict:
    out: dict = {s: {} for s in SYSTEMS}
    for t in tallies:
        for system, metrics in t.items():
            for metric, (n, k) in metrics.items():
                a, b = out[system].get(metric, (0, 0))
                out[system][metric] = (a + n, b + k)
    return out


def evaluate(selected: list[str] | None = None, embedder=None, work: Path | None = None, langchain: bool = True,
             model: str = "") -> str:
    """Every library present (or `selected`): its table, then the sums over them."""
    import tempfile

    from ..embedding import get_embedder

    embedder = embedder or get_embedder(model)
    chosen = selected or names()
    if not chosen:
        return f"no libraries with articles in {LIBRARIES_DIR} (see eval/libraries/README.md)"
    tallies, parts = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            bot = open_library(name, Path(work or tmp), embedder)
            base = None
            if langchain:
                from .baseline import LangChainBaseline

                base = LangChainBaseline(articles_dir(name), model)
            tally = score(run_cases(bot, cases(name) + everyday(), base))
            tallies.append(tally)
            parts.append(format_scores(f"library {name}", tally))
    parts.append(format_scores(f"all {len(chosen)} libraries", merge(tallies)))
    return "\n\n".join(parts)


def materialize(name: str, git_dir: Path) -> list[str]:
    """Write library `name`'s articles from a fetched copy of its repository (a bare git folder), at the
    recorded commit, each checked against its recorded sha256. Returns one line per article written."""
    import subprocess

    folder = LIBRARIES_DIR / name
    meta = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    (folder / "articles").mkdir(exist_ok=True)
    done = []
    for a in meta["articles"]:
        data = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{meta['commit']}:{a['path']}"],
                              capture_output=True, check=True).stdout
        if hashlib.sha256(data).hexdigest() != a["sha256"]:
            raise ValueError(f"{a['path']} at {meta['commit'][:10]} is not the recorded file (sha256 differs)")
        (folder / "articles" / a["file"]).write_bytes(data)
        done.append(f"{name}/articles/{a['file']}")
    return done


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bot.measure.libraries",
                                     description="Check benchmark question sets against their articles, or write a "
                                                 "library's articles from its fetched repository.")
    parser.add_argument("--from", dest="git_dir", metavar="GIT_DIR", help="a fetched repository to write NAME's articles from")
    parser.add_argument("names", nargs="+", metavar="NAME", help=f"a library in {LIBRARIES_DIR}")
    args = parser.parse_args()
    unknown = [n for n in args.names if not (LIBRARIES_DIR / n / "provenance.json").is_file()]
    if unknown:
        parser.exit(2, f"no library {unknown[0]!r} in {LIBRARIES_DIR} (there are: {', '.join(names())})\n")
    if args.git_dir:
        for name in args.names:
            for line in materialize(name, Path(args.git_dir)):
                print(line)
    else:
        for name in args.names:
            found = check_provenance(LIBRARIES_DIR / name) + check(LIBRARIES_DIR / name)
            print(f"{name}: " + ("ok" if not found else f"{len(found)} problems"))
            for line in found:
                print("  " + line)
