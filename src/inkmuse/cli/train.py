"""`inkmuse train`: rebuild the embedded poet from the corpus (needs the train extra).

    inkmuse train corpus                      # data/poet-corpus-v1 from chinese-poetry
    inkmuse train poet --max-steps 2400       # data/poet-run-v1 (resumes if interrupted)
    inkmuse train export --ckpt data/poet-run-v1/best.pt
    inkmuse train index                       # the originality index

Each step runs a script in the source checkout's training/ folder with the same Python.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import click

from inkmuse.core.errors import DataError, MissingDependencyError

STEPS = {
    "corpus": ("prepare_corpus.py", False),
    "poet": ("train.py", True),
    "export": ("export.py", True),
    "index": ("build_originality_index.py", False),
}


def training_dir() -> Path:
    """training/ beside src/ in a source checkout (it is not part of the wheel)."""
    return Path(__file__).resolve().parents[3] / "training"


@click.command(
    name="train",
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
)
@click.argument("step", type=click.Choice(sorted(STEPS)))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def command(step: str, args: tuple[str, ...]) -> None:
    """Run one training step: corpus, poet, export or index (extra ARGS go to the script)."""
    script, needs_torch = STEPS[step]
    if needs_torch and importlib.util.find_spec("torch") is None:
        raise MissingDependencyError(
            f"`inkmuse train {step}` needs torch",
            hint="install it with: pip install 'inkmuse[train]'",
        )
    path = training_dir() / script
    if not path.exists():
        raise DataError(
            f"the training scripts are not here ({path})",
            hint="they ship in the source checkout (git clone), not in the wheel",
        )
    code = subprocess.call([sys.executable, str(path), *args])
    if code:
        sys.exit(code)
