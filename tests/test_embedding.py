"""The two backends: the ONNX export gives torch's vectors, is cached, re-exported when damaged, refused when it
disagrees; a model it cannot run falls back to torch (or, asked for onnx, says why)."""

import json
import shutil

import numpy as np
import pytest

from bot import onnx_model
from bot.config import Settings
from bot.embedding import bundled_model_path, get_embedder
from bot.errors import ModelError

TEXTS = [
    "Do I need a master's degree?",
    "hi",
    "Salaries: $98,000 – $150,000 (median), “senior” roles ≈ 2×.",
    "   padded with spaces   ",
    "Recruiters look at portfolios before they read a resume. " * 60,  # truncated at 256 tokens
    "What about a PhD?",
]


def test_the_default_backend_is_onnx_and_gives_the_torch_models_vectors(embedder):
    torch_embedder = get_embedder("", "torch")
    assert embedder.backend == "onnx" and torch_embedder.backend == "torch"
    assert (embedder.name, embedder.dimension) == (torch_embedder.name, torch_embedder.dimension)
    # One batch of very different lengths: the ONNX side sorts and pads per batch, rows must come back in order.
    got, expected = embedder.encode(TEXTS, batch_size=4), torch_embedder.encode(TEXTS)
    assert got.dtype == np.float32 and np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-5)
    assert (got * expected).sum(axis=1).min() > 0.9999
    for text in TEXTS[:3]:
        assert float(embedder.embed_query(text) @ torch_embedder.embed_query(text)) > 0.9999


def test_the_export_is_cached_and_a_damaged_one_is_exported_again(tmp_path, embedder):
    plan = onnx_model.plan_for(bundled_model_path())
    target = onnx_model.cache_path(plan, tmp_path)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not an onnx model")  # e.g. a file cut short by a full disk

    encoder = onnx_model.load(plan, tmp_path)
    assert target.stat().st_size > 10_000_000
    assert (encoder.encode(TEXTS[:2]) * embedder.encode(TEXTS[:2])).sum(axis=1).min() > 0.9999

    before = target.stat().st_mtime_ns
    onnx_model.load(plan, tmp_path)
    assert target.stat().st_mtime_ns == before  # reused, not exported again


def test_an_export_that_disagrees_with_torch_is_refused_and_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(onnx_model, "MIN_COSINE", 1.01)  # no export can reach it
    plan = onnx_model.plan_for(bundled_model_path())
    with pytest.raises(RuntimeError, match="disagrees with torch"):
        onnx_model.export(plan, tmp_path / "model.onnx")
    assert list(tmp_path.iterdir()) == []


def test_a_model_onnx_cannot_run_falls_back_to_torch_or_says_why(tmp_path):
    folder = tmp_path / "max-pooled"
    shutil.copytree(bundled_model_path(), folder)
    config = folder / "1_Pooling" / "config.json"
    pooling = json.loads(config.read_text())
    pooling.update(pooling_mode_mean_tokens=False, pooling_mode_max_tokens=True)
    config.write_text(json.dumps(pooling))
    assert onnx_model.plan_for(folder) is None

    assert get_embedder(str(folder), "auto", tmp_path / "cache").backend == "torch"
    with pytest.raises(ModelError, match="cannot run on onnxruntime"):
        get_embedder(str(folder), "onnx", tmp_path / "cache")
    with pytest.raises(ModelError, match="unknown backend"):
        get_embedder("", "tensorrt")



def test_the_int8_model_is_made_once_beside_the_export_and_close_to_it(tmp_path, embedder):
    plan = embedder.encoder.plan
    exported = onnx_model.cache_path(plan, tmp_path)
    exported.parent.mkdir(parents=True)
    shutil.copy(onnx_model.ensure_exported(plan, Settings.from_env().cache_dir), exported)  # not exported again here
    quantized = onnx_model.ensure_quantized(plan, tmp_path)
    got, fp32 = onnx_model.OnnxEncoder(plan, quantized).encode(TEXTS, 4), embedder.encode(TEXTS, batch_size=4)
    assert np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-5)
    assert 0.97 < (got * fp32).sum(axis=1).min() and not np.allclose(got, fp32, atol=1e-3)  # "hi": 0.977
    before = quantized.stat().st_mtime_ns
    assert onnx_model.ensure_quantized(plan, tmp_path) == quantized and quantized.stat().st_mtime_ns == before
    assert sorted(p.name for p in exported.parent.iterdir()) == sorted([exported.name, quantized.name])  # no temp file
