"""The fast encoder: the same sentence-transformers model, exported locally to ONNX and run with onnxruntime.

Why: one query through onnxruntime takes about a third of torch's time (`python -m bot bench`, encoder table),
with the same vectors (cosine 0.9999999), and the process never imports torch (~360 MB less memory). Nothing is downloaded: the model's own
folder is exported once, in a child process (torch stays out of the serving process), checked there against the
torch model on probe texts, and kept in the cache folder. What it does not do: models of another shape than
Transformer -> Pooling (mean or CLS) -> optional Normalize with a fast tokenizer (tokenizer.json); those stay
on the torch backend (see embedding.get_embedder).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

EXPORT_VERSION = 1  # bump when the exported graph changes, so old cache entries are not reused
QUANTIZED_VERSION = 1  # bump when ensure_quantized() makes another int8 model
MIN_COSINE = 0.9999  # the exported model must give the torch model's vectors, or it is not used
PROBES = [
    "Do I need a master's degree to become a machine learning engineer?",
    "hi",
    "Build a portfolio of end-to-end projects. " * 80,  # longer than any max_seq_length: checks truncation
    "Salaries: $98,000 – $150,000 (median), “senior” roles ≈ 2×.",
]


@dataclass(frozen=True)
class Plan:
    """What the exported model needs besides its weights: read from the sentence-transformers folder."""

    folder: Path
    pooling: str  # "mean" or "cls"
    max_length: int


def plan_for(folder: Path) -> Plan | None:
    """The plan for a sentence-transformers folder, or None when its shape is not one this module runs."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
            return None
        if not (folder / "tokenizer.json").is_file() or modules[0].get("path", "") != "":
            return None
        pooling_config = json.loads((folder / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
        modes = [k for k, v in pooling_config.items() if k.startswith("pooling_mode") and v]
        pooling = {"pooling_mode_mean_tokens": "mean", "pooling_mode_cls_token": "cls"}.get(modes[0]) if len(modes) == 1 else None
        if pooling is None:
            return None
        config = folder / "sentence_bert_config.json"
        max_length = json.loads(config.read_text(encoding="utf-8")).get("max_seq_length") if config.is_file() else None
        if not max_length:
            max_length = json.loads((folder / "config.json").read_text(encoding="utf-8"))["max_position_embeddings"]
        return Plan(folder, pooling, int(max_length))
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


def cache_path(plan: Plan, cache_dir: Path) -> Path:
    """Where this model's export lives: keyed by the model files' names, sizes and times, so a changed model is
    exported again rather than served stale."""
    stats = [
        (str(p.relative_to(plan.folder)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(plan.folder.rglob("*"))
        if p.is_file()
    ]
    key = hashlib.sha256(json.dumps([EXPORT_VERSION, str(plan.folder), stats]).encode()).hexdigest()[:20]
    return Path(cache_dir).expanduser() / "onnx" / f"{plan.folder.name}-{key}.onnx"


BATCH_TOKENS = 1024  # padded tokens per batch, at most (see OnnxEncoder.encode)


class OnnxEncoder:
    """Tokenize with the model's fast tokenizer, run the exported graph, pool, normalize. Thread-safe:
    onnxruntime sessions and tokenizers may be called from many threads at once."""

    def __init__(self, plan: Plan, onnx_file: Path):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.plan = plan
        self.tokenizer = Tokenizer.from_file(str(plan.folder / "tokenizer.json"))
        self.tokenizer.no_padding()  # batches are padded here, after sorting by length
        self.tokenizer.enable_truncation(plan.max_length)
        options = ort.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initializers are noise to a user
        self.session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """Unit vectors, one row per text, in the order given. Texts are batched by token count, so a batch
        pads to its own longest text rather than the corpus's, and holds at most `batch_size` texts and
        BATCH_TOKENS tokens: four chunks of 256 tokens, or sixteen sentences. Measured on the bundled corpus
        on 2 cores: as fast as sixteen texts of any length, with the peak memory of a build 520 -> 315 MB
        (the attention buffers of sixteen 256-token texts)."""
        # sentence-transformers strips texts before tokenizing; the same here keeps vectors identical.
        encodings = self.tokenizer.encode_batch([t.strip() for t in texts], add_special_tokens=True)
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")
        out = np.empty((len(texts), 0), dtype=np.float32)
        batch: list[int] = []

        def run(rows):
            nonlocal out
            vectors = self._run([encodings[i] for i in rows])
            if out.shape[1] == 0:
                out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors

        for i in order:
            if batch and (len(batch) >= batch_size or (len(batch) + 1) * len(encodings[i].ids) > BATCH_TOKENS):
                run(batch)
                batch = []
            batch.append(int(i))
        if batch:
            run(batch)
        return out

    def _run(self, encodings) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, e in enumerate(encodings):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]
        if self.plan.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return (pooled / norms).astype(np.float32)


def ensure_exported(plan: Plan, cache_dir: Path) -> Path:
    """The exported model's path, exporting it first (in a child process) if it is not cached yet.

    Raises RuntimeError with the child's last error line when the export or its check fails."""
    target = cache_path(plan, cache_dir)
    if target.is_file():
        return target
    print(f"Exporting {plan.folder.name} to ONNX once (cached in {target.parent}) ...", file=sys.stderr)
    done = subprocess.run(
        [sys.executable, "-m", "bot.onnx_model", str(plan.folder), str(target)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0 or not target.is_file():
        lines = [line for line in done.stderr.splitlines() if line.strip()] or ["no output"]
        raise RuntimeError(f"ONNX export failed: {lines[-1][:200]}")
    return target


def load(plan: Plan, cache_dir: Path) -> OnnxEncoder:
    """The encoder for this model, exported first if needed. A cached file that no longer loads (truncated by a
    full disk, say) is exported again once rather than trusted."""
    onnx_file = ensure_exported(plan, cache_dir)
    try:
        return OnnxEncoder(plan, onnx_file)
    except Exception:
        onnx_file.unlink(missing_ok=True)
        return OnnxEncoder(plan, ensure_exported(plan, cache_dir))


def ensure_quantized(plan: Plan, cache_dir: Path) -> Path:
    """An int8 copy of the exported model (onnxruntime's dynamic quantization, weights per output channel), made
    once from the cached fp32 export and kept beside it; nothing is downloaded. Measured by `bench`, not used by
    the chat: about 2x faster, but not the same answers (docs/performance.md). On the bundled sentences its
    vectors are within cosine 0.984 of fp32's (median 0.993; per-tensor weights, onnxruntime's default: 0.907, 0.958)."""
    source = ensure_exported(plan, cache_dir)
    target = source.with_name(f"{source.stem}-int8-v{QUANTIZED_VERSION}.onnx")
    if target.is_file():
        return target
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(fd)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process first is for image models
    try:
        quantize_dynamic(source, tmp, weight_type=QuantType.QInt8, per_channel=True)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        root.handlers[:], root.level = handlers, level  # it configures the root logger: keep others' logs as they were
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def export(plan: Plan, target: Path) -> float:
    """Export the Transformer module with torch, check the result against the torch model, write atomically.

    Returns the smallest cosine between the two models' probe vectors. Runs in its own process."""
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(plan.folder), device="cpu", local_files_only=True)
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in model.tokenize(["x"])]
    transformer = model[0].auto_model.eval()

    class ByName(torch.nn.Module):
        # The model's forward() takes keyword arguments; the exporter passes positional ones.
        def __init__(self):
            super().__init__()
            self.transformer = transformer

        def forward(self, *tensors):
            return self.transformer(**dict(zip(names, tensors)), return_dict=True).last_hidden_state

    sample = model.tokenize(["a short example sentence"])
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
    os.close(fd)
    try:
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer warnings about code paths the check below covers
            torch.onnx.export(
                ByName().eval(),
                tuple(sample[n] for n in names),
                tmp,
                input_names=names,
                output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
                opset_version=17,
                dynamo=False,  # the TorchScript exporter: no onnxscript needed, and it handles BERT-likes well
            )
        expected = model.encode(PROBES, normalize_embeddings=True, convert_to_numpy=True)
        got = OnnxEncoder(plan, Path(tmp)).encode(PROBES, batch_size=2)
        cosine = float((expected * got).sum(axis=1).min())
        if cosine < MIN_COSINE:
            raise RuntimeError(f"exported model disagrees with torch (min cosine {cosine:.6f} < {MIN_COSINE})")
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache may be shared
        os.replace(tmp, target)
        return cosine
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether onnxruntime is installed (it is in requirements.txt; a trimmed install may lack it)."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":  # the child process ensure_exported() starts
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    found = plan_for(folder)
    if found is None:
        sys.exit(f"{folder} is not a Transformer -> Pooling sentence-transformers folder")
    print(f"exported {out} (min cosine vs torch {export(found, out):.7f})", file=sys.stderr)
