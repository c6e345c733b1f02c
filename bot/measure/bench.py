"""`python -m bot bench`: speed and scale, measured in one run, beside the LangChain tutorial pipeline.

Sizes: the bundled corpus (real text, real encoding) and synthetic corpora of ~1,000 and ~10,000
articles. Encoding 10,000 articles takes hours on 2 cores, so those are synthesized from the real
index: each synthetic article is 4-10 real chunks (with their sentences) drawn at random, and each
vector is a perturbed mix of its real vector and another real vector (v' = norm(0.8 v + 0.45 u + noise)),
which spreads them like real embeddings; the three real guides stay in, so real questions have
real answers. Search, BM25, memory and add/remove are measured on them; encoding throughput is
measured on real text and used to estimate what a full rebuild would cost.
The encoders are compared on the bundled texts in the same run: torch (sentence-transformers), the ONNX export
the chat uses, and an int8 quantization of it with its dev-set answer quality (measured only: the chat does not use it).
Each size is measured in a fresh worker process (`--worker`), so peak RSS is that size's alone.
Reports, never asserts: no figure here is a test.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..config import PROJECT_DIR, Settings

TOPICS = [
    "a master's degree", "a PhD", "MLOps", "PyTorch", "TensorFlow", "feature engineering", "overfitting",
    "linear algebra", "statistics", "internships", "open-source projects", "a portfolio", "bootcamps",
    "certifications", "cloud deployment", "data preprocessing", "model evaluation", "soft skills",
    "Python", "salaries", "job growth", "NLP roles", "data scientists", "continuous learning", "Kubernetes",
]
TEMPLATES = ["Do I need {}?", "How important is {} for an ML engineer?", "What do the guides say about {}?",
             "Why does {} matter in this career?"]
# A second set for ask(): each timed call embeds a question no call before it has (the embedder keeps a memo).
ASK_TEMPLATES = ["Is {} worth it?", "Tell me about {}.", "How does {} help a career in ML?", "What should I know about {}?"]


def questions(templates: list[str] = TEMPLATES) -> list[str]:
    """100 distinct questions: latencies are taken on cache misses."""
    return [t.format(topic) for topic in TOPICS for t in templates]


def p95(values: list[float]) -> float:
    """The 95th percentile (numpy's linear interpolation between closest ranks)."""
    return float(np.percentile(values, 95))


def _stats(values_ms: list[float]) -> tuple[float, float]:
    return round(statistics.median(values_ms), 2), round(p95(values_ms), 2)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the
    parent across fork and exec, so a worker would report the orchestrator's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# ---- synthetic corpora ------------------------------------------------------------------------


def synthesize(store, n_articles: int, corpus_dir: Path, seed: int = 0):
    """A store of `n_articles`: the real ones plus synthetic ones built from their chunks and vectors."""
    from ..chunking import Chunk, Sentence
    from ..index.store import ArticleRecord, now_iso

    rng = np.random.default_rng(seed)
    real_chunks = list(store.chunks)
    chunks, sentences, records = [], [], []
    chunk_vecs, sent_vecs = [], []
    d = store.dimension

    def perturb(v: np.ndarray, pool: np.ndarray) -> np.ndarray:
        mix = pool[rng.integers(0, len(pool), size=len(v))]
        out = 0.8 * v + 0.45 * mix + rng.normal(0, 0.25 / np.sqrt(d), size=v.shape)
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)

    real_cv = np.asarray(store.chunk_vectors, dtype=np.float32)
    real_sv = store.sentence_vectors.astype(np.float32)
    for k in range(n_articles - len(store.articles)):
        aid = f"synthetic-{k:05d}"
        picks = rng.choice(len(real_chunks), size=int(rng.integers(4, 11)), replace=True)
        offset = 0
        new_sent_rows = []
        for j, ci in enumerate(picks):
            src = real_chunks[ci]
            cid = f"{aid}:c{j}"
            ids = []
            for row, s in zip(store.sentence_rows(ci), store.sentences_in(ci)):
                sid = f"{aid}:s{len(ids)}:{j}"
                start = offset + (s.start - src.start)
                sentences.append(Sentence(sid, aid, cid, start, start + len(s.text), s.text))
                ids.append(sid)
                new_sent_rows.append(row)
            chunks.append(Chunk(cid, aid, src.heading, offset, offset + len(src.text), src.text, tuple(ids)))
            offset += len(src.text) + 2
        chunk_vecs.append(perturb(real_cv[picks], real_cv))
        sent_vecs.append(perturb(real_sv[new_sent_rows], real_sv).astype(np.float16))  # as stored: half the memory
        records.append(ArticleRecord(aid, f"Synthetic guide {k}", f"{aid}.md", f"{k:064d}", added=now_iso(),
                                     chunks=len(picks), sentences=len(new_sent_rows)))
    if not records:
        return replace(store, corpus=os.path.relpath(corpus_dir, corpus_dir.parent / "index"))
    chunk_vectors, sentence_vectors = np.vstack(chunk_vecs), np.vstack(sent_vecs)
    chunk_vecs.clear()  # each vector once in memory (3.5 M sentences at 100,000 articles)
    sent_vecs.clear()
    grown = store.with_articles(records, chunks, sentences, chunk_vectors, sentence_vectors)
    return replace(grown, corpus=os.path.relpath(corpus_dir, corpus_dir.parent / "index"))


# ---- the worker: one size, one fresh process ------------------------------------------------------


def worker(index_dir: Path, extra_article: Path | None) -> dict:
    """Latencies, recall of the approximate index, add/remove and peak RSS for one built index."""
    from ..conversation import CareerBot
    from ..embedding import get_embedder

    t0 = time.perf_counter()
    embedder = get_embedder("")
    model_load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    bot = CareerBot.load(index_dir=index_dir)  # the index alone: the model is loaded above
    load_s = time.perf_counter() - t0
    for k in range(5):  # warm up: first calls pay one-off allocations
        bot.ask(f"Warm-up question {k} about this career?")
    floor, retrieve_ms, ask_ms = [], [], []
    for q, asked in zip(questions(), questions(ASK_TEMPLATES)):
        t = time.perf_counter()
        embedder.encode([q])  # the model alone, never memoized
        floor.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        bot.retrieve(q, k=5)
        retrieve_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        bot.ask(asked)
        ask_ms.append((time.perf_counter() - t) * 1000)
    out = {
        "articles": len(bot.store.articles), "chunks": len(bot.store.chunks), "sentences": len(bot.store.sentences),
        "load_s": round(load_s, 2), "model_load_s": round(model_load_s, 2), "approximate": bot.retriever.approximate,
        "backend": embedder.backend,
    }
    out["floor_ms"], out["floor_ms_p95"] = _stats(floor)
    out["retrieve_ms_p50"], out["retrieve_ms_p95"] = _stats(retrieve_ms)
    out["ask_ms_p50"], out["ask_ms_p95"] = _stats(ask_ms)
    out["ask_over_floor"] = round(out["ask_ms_p50"] / out["floor_ms"], 2)
    out["retrieve_over_floor"] = round(out["retrieve_ms_p50"] / out["floor_ms"], 2)
    peak = _peak_rss_mb()
    if bot.retriever.approximate:
        # The check builds an exact index of every vector beside the chat's own: not the chat's memory.
        out["recall_at_10"] = _recall_at_10(bot, embedder, questions())
        _reset_peak_rss()
    if extra_article is not None:
        out.update(_add_remove(bot, embedder, extra_article))
    out["peak_rss_mb"] = max(peak, _peak_rss_mb())
    return out


def _reset_peak_rss() -> None:
    """Start VmHWM afresh from the current resident size (Linux: writing 5 to clear_refs)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _recall_at_10(bot, embedder, qs) -> float:
    import faiss

    exact = faiss.IndexFlatIP(bot.store.dimension)
    exact.add(np.asarray(bot.store.chunk_vectors, dtype=np.float32))
    q = embedder.encode(qs)
    _, exact_ids = exact.search(q, 10)
    approx_ids = [bot.retriever.index.nearest_chunks(v, 10)[1] for v in q]
    bot.store.release()  # the copy above touched every page of the mapped file
    return round(float(np.mean([len(set(a.tolist()) & set(e.tolist())) / 10 for a, e in zip(approx_ids, exact_ids)])), 3)


def _add_remove(bot, embedder, article: Path) -> dict:
    from ..chunking import chunk_article
    from ..ingest import load_article

    parsed = load_article(article)
    chunks, sentences = chunk_article(parsed, bot.settings.chunk_chars)
    texts = [c.embed_text for c in chunks] + [s.text for s in sentences]
    embedder.encode(texts, bot.settings.batch_size)  # warm: the first long batch pays one-off allocations
    t = time.perf_counter()
    embedder.encode(texts, bot.settings.batch_size)
    encode_s = time.perf_counter() - t
    t = time.perf_counter()
    bot.add(article)
    add_s = time.perf_counter() - t
    t = time.perf_counter()
    bot.remove(parsed.id)
    remove_s = time.perf_counter() - t
    return {"add_one_s": round(add_s, 2), "add_one_encode_s": round(encode_s, 2),
            "add_one_overhead_s": round(add_s - encode_s, 2), "remove_one_s": round(remove_s, 2)}


# ---- the orchestrator ------------------------------------------------------------------------------


def _run_worker(index_dir: Path, extra: Path | None) -> dict:
    cmd = [sys.executable, "-m", "bot", "bench", "--worker", str(index_dir)]
    if extra is not None:
        cmd += ["--extra-article", str(extra)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, cwd=PROJECT_DIR)
    if proc.returncode != 0:
        raise RuntimeError(f"bench worker failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _tokens(embedder, texts: list[str]) -> int:
    """Model tokens in `texts` (special tokens included, truncated as encoding truncates): the work of encoding
    them, a figure no other load on the machine moves. 0 for a backend without a tokenizer of its own here."""
    tokenizer = getattr(getattr(embedder, "encoder", None), "tokenizer", None)
    if tokenizer is None:
        return 0
    return sum(len(e.ids) for e in tokenizer.encode_batch([t.strip() for t in texts], add_special_tokens=True))


def _build_bundled(work: Path, embedder) -> tuple[dict, Path, list[str]]:
    from ..chunking import chunk_article
    from ..index import update
    from ..ingest import load_article

    settings = Settings.from_env(index_dir=work / "bundled" / "index", corpus_dir=work / "bundled" / "corpus")
    shutil.copytree(PROJECT_DIR / "corpus", settings.corpus_dir)
    t = time.perf_counter()
    store, _ = update.build(settings, embedder)
    build_s = time.perf_counter() - t
    chunk_texts, sentence_texts = [], []
    t = time.perf_counter()
    for path in update.corpus_files(settings.corpus_dir):
        chunks, sentences = chunk_article(load_article(path), settings.chunk_chars)
        chunk_texts += [c.embed_text for c in chunks]
        sentence_texts += [s.text for s in sentences]
    texts = chunk_texts + sentence_texts
    prepare_s = time.perf_counter() - t
    t = time.perf_counter()
    embedder.encode(texts, settings.batch_size)
    encode_s = time.perf_counter() - t
    return {
        "build_s": round(build_s, 2), "raw_encode_s": round(encode_s, 2), "texts": len(texts),
        "chunk_tokens": _tokens(embedder, chunk_texts), "sentence_tokens": _tokens(embedder, sentence_texts),
        "build_overhead": round(build_s / encode_s, 3), "chunks_per_s": round(len(store.chunks) / build_s, 1),
        "texts_per_s": round(len(texts) / encode_s, 1), "prepare_s_per_text": prepare_s / len(texts),
    }, settings.index_dir, texts


def _langchain(embedder_questions: list[str]) -> dict:
    from .baseline import LangChainBaseline

    t = time.perf_counter()
    base = LangChainBaseline(PROJECT_DIR / "corpus")
    total_s = time.perf_counter() - t
    base.search("warm up")
    search_ms = []
    for q in embedder_questions:
        t = time.perf_counter()
        base.search(q, k=4)
        search_ms.append((time.perf_counter() - t) * 1000)
    p50, p95 = _stats(search_ms)
    return {"build_s": round(base.build_s, 2), "build_with_model_load_s": round(total_s, 2),
            "chunks": len(base.documents), "search_ms_p50": p50, "search_ms_p95": p95}


def _encoders(texts: list[str], batch_size: int, bundled_dir: Path, embedder) -> dict:
    """The backends side by side on the same texts: one query (p50 of 100) and encoding the bundled corpus; and
    int8 dynamic quantization of the ONNX export (onnx_model.ensure_quantized), with its dev-set answer quality
    beside fp32's. int8 gives other vectors, so it gets its own index, built here from the same corpus.
    `embedder` is the chat's own (onnx unless the model could not be exported)."""
    from .. import onnx_model
    from ..conversation import CareerBot
    from ..embedding import OnnxEmbedder, bundled_model_path, get_embedder
    from ..index import update
    from ..index.store import IndexStore
    from .evaluate import DEFAULT_DATASET, evaluate_bot, load_dataset

    plan = onnx_model.plan_for(bundled_model_path())
    int8_file = onnx_model.ensure_quantized(plan, Settings.from_env().cache_dir)
    backends = {
        "torch": get_embedder("", "torch"),
        embedder.backend: embedder,
        "onnx_int8": OnnxEmbedder(embedder.name, onnx_model.OnnxEncoder(plan, int8_file)),
    }
    qs = questions()
    out: dict = {}
    for name, backend in backends.items():
        backend.encode(texts[:64], batch_size)  # warm up
        query_ms = []
        for q in qs:
            t = time.perf_counter()
            backend.encode([q])
            query_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        backend.encode(texts, batch_size)
        out[name] = {"query_ms_p50": round(statistics.median(query_ms), 2), "encode_s": round(time.perf_counter() - t, 2)}
    rows = load_dataset(DEFAULT_DATASET)
    for name, index_dir in ((embedder.backend, bundled_dir), ("onnx_int8", bundled_dir.parent / "index-int8")):
        settings = Settings.from_env(index_dir=index_dir, corpus_dir=bundled_dir.parent / "corpus")
        if name == "onnx_int8":
            update.build(settings, backends[name])
        store = IndexStore.load(index_dir, backends[name].name, backends[name].dimension)
        bot = CareerBot(store, settings, backends[name])
        r = evaluate_bot(bot, rows)
        out[name]["dev"] = {"mrr_at_10": round(r.mrr_at_10, 3), "hit_at_5": round(r.hit_at_5, 3),
                            "citation_hit": round(r.citation_hit, 3), "key_coverage": round(r.key_coverage, 3),
                            "out_of_scope_refused": r.out_of_scope_refused, "follow_ups_right": r.follow_ups_right}
    return out


def _cold_start(index_dir: Path, runs: int = 3) -> dict:
    from ..conversation import CareerBot  # noqa: F401  (import cost is part of what is measured below)

    ask_s = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "Do I need a master's degree?", "--index", str(index_dir)],
                       capture_output=True, check=True, cwd=PROJECT_DIR, timeout=300)
        ask_s.append(time.perf_counter() - t)
    ready_s = []
    for i in range(runs):
        port = 7890 + i
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--index", str(index_dir)],
                                cwd=PROJECT_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while time.perf_counter() - t < 120:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                    break
                except OSError:
                    time.sleep(0.05)
            ready_s.append(time.perf_counter() - t)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {"first_answer_s": round(statistics.median(ask_s), 2), "app_ready_s": round(statistics.median(ready_s), 2)}


def run(sizes: list[int] | None = None, as_json: bool = False) -> str:
    from ..embedding import get_embedder
    from ..index.store import IndexStore

    sizes = sizes or [1000, 10000]
    embedder = get_embedder("")
    report: dict = {"machine": f"{os.cpu_count()} cores", "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bot-bench-") as tmp:
        work = Path(tmp)
        build, bundled_dir, texts = _build_bundled(work, embedder)
        report["build"] = {k: v for k, v in build.items() if k != "prepare_s_per_text"}
        report["encoders"] = _encoders(texts, Settings.from_env().batch_size, bundled_dir, embedder)
        report["langchain"] = _langchain(questions())
        # A real article's text (a guide-sized add), marked so it is not refused as a duplicate of the bundled one.
        extra = work / "extra-article.md"
        source = (PROJECT_DIR / "corpus" / "itpro-how-to-become-a-machine-learning-engineer.md").read_text(encoding="utf-8")
        extra.write_text(source + "\nThis copy is the benchmark's extra article.\n", encoding="utf-8")
        result = _run_worker(bundled_dir, extra)
        result["build_overhead"] = build["build_overhead"]
        report["sizes"]["bundled"] = result
        bundled = IndexStore.load(bundled_dir)
        for n in sizes:
            index_dir, corpus_dir = work / str(n) / "index", work / str(n) / "corpus"
            corpus_dir.mkdir(parents=True)
            t = time.perf_counter()
            store = synthesize(bundled, n, corpus_dir).save(index_dir)
            save_s = time.perf_counter() - t
            result = _run_worker(index_dir, extra)
            texts = len(store.chunks) + len(store.sentences)
            est_encode = texts / build["texts_per_s"]
            # Estimated: real encoding of this many texts at the measured rate, plus measured chunking and writing.
            result["build_overhead"] = round((est_encode + texts * build["prepare_s_per_text"] + save_s) / est_encode, 3)
            result["rebuild_estimated_s"] = round(est_encode + texts * build["prepare_s_per_text"] + save_s, 1)
            report["sizes"][str(n)] = result
            shutil.rmtree(work / str(n))
        report["cold_start"] = _cold_start(bundled_dir)
    sizes_done = report["sizes"]
    report["summary"] = {
        "load_s": {n: r["load_s"] for n, r in sizes_done.items()},
        "ask_over_floor": {n: r["ask_over_floor"] for n, r in sizes_done.items()},
        "build_vs_langchain": round(report["build"]["build_s"] / report["langchain"]["build_s"], 2),
    }
    return json.dumps(report, indent=2) if as_json else format_report(report)


def format_report(r: dict) -> str:
    sizes = r["sizes"]
    names = list(sizes)
    rows = [
        ("articles", "articles", "{}"), ("chunks", "chunks", "{}"), ("approximate search (IVF)", "approximate", "{}"),
        ("backend", "backend", "{}"), ("floor: one query embedding, p50 ms", "floor_ms", "{:.2f}"),
        ("retrieve() p50 / p95 ms", ("retrieve_ms_p50", "retrieve_ms_p95"), "{:.2f} / {:.2f}"),
        ("ask() p50 / p95 ms", ("ask_ms_p50", "ask_ms_p95"), "{:.2f} / {:.2f}"),
        ("ask() / floor", "ask_over_floor", "{:.2f}"), ("retrieve() / floor", "retrieve_over_floor", "{:.2f}"),
        ("IVF recall@10 vs exact", "recall_at_10", "{}"),
        ("build overhead (x raw encoding)", "build_overhead", "{}"), ("full rebuild, estimated s", "rebuild_estimated_s", "{}"),
        ("add one article s (its encoding s)", ("add_one_s", "add_one_encode_s"), "{} ({})"),
        ("remove one article s", "remove_one_s", "{}"), ("index load s", "load_s", "{}"),
        ("model load s (same at every size)", "model_load_s", "{}"), ("peak RSS MB", "peak_rss_mb", "{}"),
    ]
    width = 38
    lines = [f"{'':<{width}}" + "".join(f"{n:>18}" for n in names)]
    for label, key, fmt in rows:
        cells = []
        for n in names:
            s = sizes[n]
            if isinstance(key, tuple):
                cell = fmt.format(*(s.get(k, "-") for k in key)) if all(k in s for k in key) else "-"
            else:
                cell = fmt.format(s[key]) if s.get(key) is not None else "-"
            cells.append(f"{cell:>18}")
        lines.append(f"{label:<{width}}" + "".join(cells))
    b, lc, cs, enc, summary = r["build"], r["langchain"], r["cold_start"], r["encoders"], r["summary"]
    lines += [
        "",
        "summary: index load s " + ", ".join(f"{n} {v}" for n, v in summary["load_s"].items())
        + "; ask()/floor " + ", ".join(f"{n} {v}" for n, v in summary["ask_over_floor"].items())
        + f"; build / LangChain's build {summary['build_vs_langchain']}x",
        f"bundled build: {b['build_s']} s for {b['texts']} texts ({b['chunk_tokens']} chunk and {b['sentence_tokens']} "
        f"sentence tokens); raw encoding of the same texts "
        f"{b['raw_encode_s']} s -> overhead {b['build_overhead']}x; {b['chunks_per_s']} chunks/s, {b['texts_per_s']} texts/s",
        f"LangChain tutorial pipeline (bundled): build {lc['build_s']} s ({lc['chunks']} chunks; "
        f"{lc['build_with_model_load_s']} s with model load); similarity_search p50 {lc['search_ms_p50']} ms, p95 {lc['search_ms_p95']} ms",
        f"cold start (bundled): process start -> first CLI answer {cs['first_answer_s']} s; app start -> ready {cs['app_ready_s']} s",
        "",
        f"{'encoder (bundled texts)':<24}{'query p50 ms':>14}{'encode s':>10}{'dev MRR@10':>12}{'hit@5':>7}{'cite':>7}"
        f"{'keys':>7}{'OOS':>6}{'follow':>8}",
        *(
            f"{name:<24}{e['query_ms_p50']:>14}{e['encode_s']:>10}"
            + (f"{e['dev']['mrr_at_10']:>12}{e['dev']['hit_at_5']:>7}{e['dev']['citation_hit']:>7}{e['dev']['key_coverage']:>7}"
               f"{e['dev']['out_of_scope_refused']:>6}{e['dev']['follow_ups_right']:>8}" if "dev" in e else f"{'(same vectors as onnx)':>47}")
            for name, e in enc.items()
        ),
        "",
        "sizes other than 'bundled' are synthetic (perturbed copies of real chunks and vectors); see bot/measure/bench.py",
    ]
    return "\n".join(lines)
