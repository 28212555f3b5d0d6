"""Export a trained checkpoint into the package: float16 weights, vocabulary, manifest.

    .venv/bin/python training/export.py --ckpt data/poet-run-v1/best.pt
    .venv/bin/python training/export.py --ckpt data/poet-run-v2/ckpt.pt \
        --corpus data/poet-corpus-v2 --name poet-v2

Writes src/inkmuse/models/embedded/<name>.npz, <name>.vocab.json, <name>.json (the
manifest: corpus version, config, validation loss, and for a conditioned model the loss on
v1's held-out split too; the training command) and a small reference file
tests/models/data/reference_logits-<name>.npz: torch's logits on fixed prompts, computed
from the float16-rounded weights, so the numpy runtime's equivalence test runs without
torch.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import epoch_batches, load_rows
from model import PoetConfig, PoetModel
from train import evaluate

from inkmuse.models.embedded.vocab import Vocab

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src/inkmuse/models/embedded"
REFERENCE = ROOT / "tests/models/data"
# Prompts for the reference logits: with and without keywords, and a partial poem; a model
# with conditioning tokens adds one with an era and a muse.
REFERENCE_PROMPTS = (
    ("七绝", ["秋夜", "思乡"], "床前明月光，", ()),
    ("五律", [], "", ()),
    ("七律", ["月"], "春", ()),
)
CONDITIONED_PROMPT = ("七绝", ["春"], "", ("<唐>", "<@王维>"))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--ckpt", type=Path, default=ROOT / "data/poet-run-v1/best.pt")
    p.add_argument("--corpus", type=Path, default=ROOT / "data/poet-corpus-v1")
    p.add_argument("--name", default="poet-v1")
    p.add_argument("--package", type=Path, default=PACKAGE)
    p.add_argument("--reference", type=Path, default=None, help="default: tests/models/data/")
    p.add_argument("--command", default="", help="the training command, for the manifest")
    args = p.parse_args()

    state = torch.load(args.ckpt, weights_only=False)
    cfg = PoetConfig(**state["config"])
    vocab = Vocab(json.loads((args.corpus / "vocab.json").read_text(encoding="utf-8")))
    half = {k: v.detach().to(torch.float16) for k, v in state["model"].items()}
    args.package.mkdir(parents=True, exist_ok=True)
    weights_path = args.package / f"{args.name}.npz"
    np.savez(weights_path, **{k: v.numpy() for k, v in half.items()})
    (args.package / f"{args.name}.vocab.json").write_text(vocab.to_json() + "\n", encoding="utf-8")

    # Torch on the float16-rounded weights: what the numpy runtime must reproduce.
    model = PoetModel(cfg)
    model.load_state_dict({k: v.to(torch.float32) for k, v in half.items()})
    model.eval()
    reference: dict[str, np.ndarray] = {}
    prompts = list(REFERENCE_PROMPTS)
    if all(vocab.has_token(t) for t in CONDITIONED_PROMPT[3]):
        prompts.append(CONDITIONED_PROMPT)
    with torch.no_grad():
        for i, (form, keywords, body, conditions) in enumerate(prompts):
            ids = vocab.encode_prompt(form, keywords, body, conditions=conditions)
            reference[f"ids_{i}"] = np.array(ids, dtype=np.int64)
            reference[f"logits_{i}"] = model(torch.tensor([ids])).numpy()[0]
    ref_path = args.reference or REFERENCE / f"reference_logits-{args.name}.npz"
    ref_path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(ref_path, **reference)

    corpus = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    history = state.get("history", [])
    val_loss = state["best_val"]
    if not history or history[-1]["step"] != state["step"]:
        # A checkpoint saved between evaluations: measure the exported weights themselves.
        seed = int(state["args"]["seed"])
        valid = epoch_batches(vocab, load_rows(args.corpus / "valid.jsonl"), 64, seed, epoch=-1)
        val_loss = evaluate(model, valid)
        history = [*history, {"step": state["step"], "val_loss": val_loss}]
    manifest = {
        "name": args.name,
        "weights": weights_path.name,
        "vocab": f"{args.name}.vocab.json",
        "sha256": hashlib.sha256(weights_path.read_bytes()).hexdigest(),
        "dtype": "float16",
        "parameters": int(sum(v.numel() for v in half.values())),
        "config": cfg.to_dict(),
        "corpus": {k: corpus[k] for k in ("version", "source", "licence", "train", "valid")},
        "step": state["step"],
        "validation_loss": val_loss,
        "validation_loss_unit": "nats per poem token (<eos> included), held-out split",
        "validation_loss_v1": next(
            (h["val_loss_v1"] for h in reversed(history) if "val_loss_v1" in h), None
        ),
        "history": history,
        "training_command": args.command or "see docs/poet.md",
        "trained_with": {k: state["args"][k] for k in sorted(state["args"]) if k != "corpus"},
    }
    (args.package / f"{args.name}.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    size = weights_path.stat().st_size / 1e6
    print(f"wrote {weights_path} ({size:.1f} MB), validation loss {val_loss:.4f}")


if __name__ == "__main__":
    main()
