"""Evaluate form-keeping per strategy on a real local server (llama-cpp-python + Gemma 3 270M).

    .venv/bin/python benchmarks/eval_backends.py [--themes 10] [--form 五绝]

Starts `python -m llama_cpp.server` on loopback with the packaged GGUF, then for each theme
writes a poem with each strategy (masks on the same model in process; grammar; repair over
the chat endpoint; unconstrained)
and prints the validity rate by the checker, average rounds and seconds per poem. The
embedded poet is run on the same themes for comparison. Needs `pip install 'inkmuse[gguf]'`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "backends"))

THEMES = [
    ("秋夜", "思乡"), ("春江", "花月"), ("寒山", "孤舟"), ("边塞", "明月"), ("落花", "流水"),
    ("送别", "长亭"), ("登高", "望远"), ("夜雨", "西窗"), ("江南", "杨柳"), ("雪夜", "梅花"),
    ("古道", "西风"), ("渔舟", "晚唱"),
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--themes", type=int, default=8)
    parser.add_argument("--form", default="五绝")
    args = parser.parse_args()
    from test_llama_server import Server  # the same server the tests drive

    from inkmuse.core.errors import BackendError
    from inkmuse.models.backends.llamacpp_local import LlamaCppLocal, default_gguf
    from inkmuse.models.backends.openai_http import OpenAIBackend
    from inkmuse.poetry.backend_poet import BackendPoemRequest, write_with_backend
    from inkmuse.poetry.generate.backend import EmbeddedBackend

    themes = THEMES[: args.themes]
    server = Server(default_gguf())
    try:
        completion = OpenAIBackend("llamacpp", server.url, "gemma", flavor="llamacpp", chat=False)
        chat = OpenAIBackend("llamacpp-chat", server.url, "gemma", flavor="openai", chat=True)
        local = LlamaCppLocal("gemma-local")  # the same GGUF, in process
        runs = [
            ("masks (in-process llama-cpp)", local, "masks", 1),
            ("grammar", completion, "grammar", 1),
            ("repair (chat, 3 rounds x 2 drafts)", chat, "repair", 2),
            ("unconstrained (chat, 2 drafts)", chat, "unconstrained", 2),
            ("embedded poet", EmbeddedBackend(), "embedded", 1),
        ]
        print(f"{len(themes)} themes, form {args.form}, model Gemma 3 270M (base, Q4_K_M)")
        for label, model, strategy, drafts in runs:
            valid = 0
            rounds: list[int] = []
            seconds: list[float] = []
            example = ""
            for i, words in enumerate(themes):
                t0 = time.perf_counter()
                if strategy == "embedded":
                    from inkmuse.poetry.checker import check_poem
                    from inkmuse.poetry.generate.poet import write_poem
                    from inkmuse.poetry.request import PoemRequest

                    text = write_poem(PoemRequest(keywords=words, form=args.form, seed=i)).text
                    ok, used = check_poem(text, args.form).ok, 1
                else:
                    request = BackendPoemRequest(
                        keywords=words, form=args.form, seed=i, strategy=strategy, drafts=drafts
                    )
                    try:
                        result = write_with_backend(model, request)
                        text, ok, used = result.text, result.report.ok, result.rounds
                    except BackendError:  # not even the shape of a poem: invalid
                        text, ok, used = "", False, request.rounds if strategy == "repair" else 1
                seconds.append(time.perf_counter() - t0)
                valid += ok
                rounds.append(used)
                example = example or text
            print(
                f"  {label:<36} valid {valid}/{len(themes)} = {valid / len(themes):.0%}  "
                f"rounds {statistics.mean(rounds):.1f}  {statistics.median(seconds):.1f} s/poem  e.g. {example}"
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
