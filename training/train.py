"""Train the embedded poet (torch, CPU). Seeded, resumable, with validation loss.

    .venv/bin/python training/train.py --out data/poet-run-v1 --max-steps 3200
    # or: inkmuse train poet --out data/poet-run-v1 --max-steps 3200

Writes `ckpt.pt` (model, optimiser, step, config) every --save-every steps and `best.pt`
at the lowest validation loss; running the same command again resumes from `ckpt.pt`.
Every step's batch is a pure function of (seed, epoch, index), so a resumed run sees
exactly the batches an uninterrupted run would have seen.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

import torch
from torch.nn import functional as F
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data import epoch_batches, load_rows
from model import PoetConfig, PoetModel

from inkmuse.models.embedded.vocab import Vocab

ROOT = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--corpus", type=Path, default=ROOT / "data/poet-corpus-v1")
    p.add_argument("--out", type=Path, default=ROOT / "data/poet-run-v1")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--max-steps", type=int, default=3200)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--min-lr", type=float, default=1e-4)
    p.add_argument("--warmup", type=int, default=200)
    p.add_argument("--weight-decay", type=float, default=0.1)
    p.add_argument("--eval-every", type=int, default=400)
    p.add_argument("--save-every", type=int, default=100)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--n-layer", type=int, default=PoetConfig.n_layer)
    p.add_argument("--d-model", type=int, default=PoetConfig.d_model)
    p.add_argument("--n-head", type=int, default=PoetConfig.n_head)
    p.add_argument(
        "--init",
        type=Path,
        default=None,
        help="warm start from shipped weights (.npz) whose vocabulary is a prefix of this one",
    )
    p.add_argument(
        "--conditioned",
        action="store_true",
        help="poet-v2: sample era and muse tokens; also report the loss on valid-v1.jsonl",
    )
    return p.parse_args(argv)


def lr_at(step: int, args: argparse.Namespace) -> float:
    """Linear warm-up, then cosine decay to min_lr at max_steps."""
    if step < args.warmup:
        return float(args.lr * (step + 1) / args.warmup)
    progress = min(1.0, (step - args.warmup) / max(1, args.max_steps - args.warmup))
    return float(args.min_lr + 0.5 * (args.lr - args.min_lr) * (1 + math.cos(math.pi * progress)))


@torch.no_grad()
def evaluate(model: PoetModel, batches: list[tuple[torch.Tensor, torch.Tensor]]) -> float:
    """Mean cross-entropy (nats per poem token, <eos> included) on the held-out split."""
    model.eval()
    total, count = 0.0, 0
    for x, y in batches:
        logits = model(x)
        total += F.cross_entropy(
            logits.view(-1, logits.shape[-1]), y.view(-1), ignore_index=-100, reduction="sum"
        ).item()
        count += int((y != -100).sum())
    model.train()
    return total / count


def warm_start(model: PoetModel, weights: Path) -> None:
    """Copy shipped (float16) weights in; token rows past theirs start as a rare character.

    The output embedding is tied, so a new row starting at random (logit near 0) would take
    probability from every real character at once (v1's held-out loss rose 4.98 -> 5.21
    with 1,391 such rows); as the mean of the 500 rarest known characters, plus a little
    noise, a new row starts as unlikely as they are.
    """
    import numpy as np

    saved = np.load(weights)
    own = model.state_dict()
    for name, array in saved.items():
        tensor = torch.from_numpy(array.astype(np.float32))
        if name == "tok.weight" and tensor.shape[0] < own[name].shape[0]:
            known = tensor.shape[0]
            rare = tensor[-500:].mean(dim=0)
            fresh = own[name][known:]
            own[name][known:] = rare + 0.1 * fresh  # fresh is N(0, 0.02): noise of 0.002
            own[name][:known] = tensor
        else:
            own[name].copy_(tensor)
    model.load_state_dict(own)
    print(f"warm start from {weights} ({len(saved.files)} tensors)", flush=True)


def save(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)  # atomic: a crash mid-save never leaves a broken checkpoint


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    vocab = Vocab(json.loads((args.corpus / "vocab.json").read_text(encoding="utf-8")))
    train_rows = load_rows(args.corpus / "train.jsonl")
    valid_rows = load_rows(args.corpus / "valid.jsonl")
    cfg = PoetConfig(
        vocab_size=len(vocab), n_layer=args.n_layer, n_head=args.n_head, d_model=args.d_model
    )
    model = PoetModel(cfg)
    if args.init is not None:
        warm_start(model, args.init)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW(
        [{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay}],
        lr=args.lr,
        betas=(0.9, 0.95),
    )
    args.out.mkdir(parents=True, exist_ok=True)
    ckpt_path, best_path = args.out / "ckpt.pt", args.out / "best.pt"
    step, best, history = 0, float("inf"), []
    if ckpt_path.exists():
        state = torch.load(ckpt_path, weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["optim"])
        step, best, history = state["step"], state["best_val"], state["history"]
        print(f"resumed from {ckpt_path} at step {step} (best val {best:.4f})", flush=True)
    # A fixed keyword sampling for validation, so every evaluation sees the same examples.
    valid = epoch_batches(
        vocab, valid_rows, args.batch_size, args.seed, epoch=-1, conditioned=args.conditioned
    )
    valid_v1 = []
    if args.conditioned and (args.corpus / "valid-v1.jsonl").exists():
        v1_rows = load_rows(args.corpus / "valid-v1.jsonl")
        valid_v1 = epoch_batches(vocab, v1_rows, args.batch_size, args.seed, epoch=-1)
    steps_per_epoch = math.ceil(len(train_rows) / args.batch_size)  # ~ (per-form remainders)
    print(
        f"model {model.n_params():,} parameters; {len(train_rows):,} train poems, "
        f"{len(valid_rows):,} valid; ~{steps_per_epoch} steps per epoch",
        flush=True,
    )
    if args.init is not None and step == 0 and valid_v1:
        print(f"warm start: val-v1 {evaluate(model, valid_v1):.4f} before any step", flush=True)
    meta = {"config": cfg.to_dict(), "args": {k: str(v) for k, v in vars(args).items()}}
    bar = tqdm(total=args.max_steps, initial=step, desc="train", mininterval=10)
    epoch, batches = -1, []
    started, loss_avg, val = time.time(), None, float("inf")
    while step < args.max_steps:
        if step // steps_per_epoch != epoch or not batches:
            epoch = step // steps_per_epoch
            batches = epoch_batches(
                vocab, train_rows, args.batch_size, args.seed, epoch, args.conditioned
            )
        x, y = batches[(step % steps_per_epoch) % len(batches)]
        for group in opt.param_groups:
            group["lr"] = lr_at(step, args)
        logits = model(x)
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), y.view(-1), ignore_index=-100)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        loss_avg = loss.item() if loss_avg is None else 0.98 * loss_avg + 0.02 * loss.item()
        bar.update(1)
        bar.set_postfix(loss=f"{loss_avg:.3f}", lr=f"{lr_at(step, args):.2e}")
        evaluate_now = step % args.eval_every == 0 or step == args.max_steps
        if evaluate_now:
            val = evaluate(model, valid)
            entry = {"step": step, "train_loss": loss_avg, "val_loss": val}
            if valid_v1:
                entry["val_loss_v1"] = evaluate(model, valid_v1)
            history.append(entry)
            v1_part = f" val-v1 {entry['val_loss_v1']:.4f}" if valid_v1 else ""
            print(
                f"\nstep {step} epoch {epoch} train {loss_avg:.4f} val {val:.4f}{v1_part} "
                f"({time.time() - started:.0f} s this session)",
                flush=True,
            )
        if evaluate_now or step % args.save_every == 0:
            state = {
                "model": model.state_dict(),
                "optim": opt.state_dict(),
                "step": step,
                "best_val": min(best, val) if evaluate_now else best,
                "history": history,
                **meta,
            }
            if evaluate_now and val < best:
                best = val
                save(best_path, state)
            save(ckpt_path, state)
            (args.out / "history.json").write_text(json.dumps(history, indent=1) + "\n")
    bar.close()
    print(f"done: best validation loss {best:.4f}", flush=True)


if __name__ == "__main__":
    main()
