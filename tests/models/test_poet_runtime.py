"""The numpy runtime reproduces torch, with and without the key/value cache."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from inkmuse.models.embedded import load_poet, package_dir
from inkmuse.models.embedded.runtime import PoetRuntime

REFERENCE = Path(__file__).parent / "data"
TRAINING = Path(__file__).resolve().parents[2] / "training"
SHIPPED = sorted(p.stem for p in package_dir().glob("poet-v*.json") if "vocab" not in p.name)


def test_the_default_poet_is_shipped() -> None:
    from inkmuse.models.embedded import MODEL_NAME

    assert MODEL_NAME in SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_weights_match_torch_reference_logits(name: str) -> None:
    """Reference logits were computed by torch at export time (no torch needed here)."""
    runtime = load_poet(name).runtime
    with np.load(REFERENCE / f"reference_logits-{name}.npz") as ref:
        prompts = [k for k in ref.files if k.startswith("ids_")]
        assert len(prompts) >= 3
        for i in range(len(prompts)):
            ids, want = ref[f"ids_{i}"], ref[f"logits_{i}"]
            got = runtime.forward(ids[None], runtime.new_cache(1))[0]
            assert np.abs(got - want).max() < 1e-4


def test_cache_stepping_equals_one_full_pass() -> None:
    runtime = load_poet().runtime
    ids = np.array([load_poet().vocab.encode_prompt("七绝", ["秋夜"], "床前明月光，疑")])
    full = runtime.forward(ids, runtime.new_cache(1))
    cache = runtime.new_cache(2)
    both = np.repeat(ids, 2, axis=0)
    parts = [runtime.forward(both[:, :4], cache)]
    parts += [runtime.forward(both[:, t : t + 1], cache) for t in range(4, ids.shape[1])]
    stepped = np.concatenate(parts, axis=1)
    assert np.abs(stepped[0] - full[0]).max() < 1e-4
    assert np.array_equal(stepped[0], stepped[1])


def test_block_size_is_enforced() -> None:
    runtime = load_poet().runtime
    with pytest.raises(ValueError, match="exceeds the block"):
        runtime.forward(
            np.zeros((1, runtime.config.block_size + 1), np.int64), runtime.new_cache(1)
        )


def test_random_torch_model_matches_numpy() -> None:
    torch = pytest.importorskip("torch")
    sys.path.insert(0, str(TRAINING))
    from model import PoetConfig, PoetModel

    torch.manual_seed(0)
    cfg = PoetConfig(vocab_size=50, n_layer=2, n_head=2, d_model=16, block_size=12)
    model = PoetModel(cfg).eval()
    ids = torch.randint(0, 50, (2, 9))
    with torch.no_grad():
        want = model(ids).numpy()
    weights = {k: v.numpy() for k, v in model.state_dict().items()}
    from inkmuse.models.embedded.runtime import RuntimeConfig

    runtime = PoetRuntime(RuntimeConfig.from_dict(cfg.to_dict()), weights)
    got = runtime.forward(ids.numpy(), runtime.new_cache(2))
    assert np.abs(got - want).max() < 1e-5


@pytest.mark.parametrize("name", SHIPPED)
def test_manifest_records_how_the_weights_were_made(name: str) -> None:
    poet = load_poet(name)
    manifest = json.loads((package_dir() / f"{name}.json").read_text(encoding="utf-8"))
    assert manifest == poet.manifest
    for key in ("corpus", "config", "validation_loss", "training_command", "sha256", "history"):
        assert key in manifest
    assert manifest["corpus"]["version"] == name.removeprefix("poet-")
    size = (package_dir() / manifest["weights"]).stat().st_size
    assert size < 40_000_000
