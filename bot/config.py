"""Settings: one frozen dataclass with documented defaults.

Precedence, written once here: explicit arguments > environment variables (BOT_*) > defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    index_dir: Path = PROJECT_DIR / "index"  # BOT_INDEX: where the built index lives
    corpus_dir: Path = PROJECT_DIR / "corpus"  # BOT_CORPUS: the articles `index build` reads
    model: str = ""  # BOT_MODEL: a sentence-transformers name or folder; "" = the bundled all-MiniLM-L6-v2
    backend: str = "auto"  # BOT_BACKEND: "onnx" (fast, no torch), "torch", or "auto" = onnx where the model allows
    cache_dir: Path | None = None  # BOT_CACHE: where the ONNX export is kept; None = ~/.cache/career-bot
    chunk_chars: int = 1200  # a chunk grows sentence by sentence up to this many characters (a paragraph or two)
    max_file_bytes: int = 20_000_000  # larger article files are refused, not read
    max_question_chars: int = 2_000  # longer questions are refused with a message
    batch_size: int = 16  # encoding batch: measured fastest on 2 CPU cores (16: 4.3 s, 64: 5.2 s for the corpus)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Defaults, then BOT_* environment variables, then non-None keyword arguments."""
        env = {
            "index_dir": os.environ.get("BOT_INDEX"),
            "corpus_dir": os.environ.get("BOT_CORPUS"),
            "model": os.environ.get("BOT_MODEL"),
            "backend": os.environ.get("BOT_BACKEND"),
            "cache_dir": os.environ.get("BOT_CACHE"),
        }
        values = {k: v for k, v in env.items() if v}
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        # Paths may arrive as strings from the CLI or the environment.
        cache_dir = Path(settings.cache_dir) if settings.cache_dir else None
        return replace(settings, index_dir=Path(settings.index_dir), corpus_dir=Path(settings.corpus_dir), cache_dir=cache_dir)


SETTING_NAMES = [f.name for f in fields(Settings)]
