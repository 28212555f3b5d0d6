"""Old and new side by side: the pictures scored in docs/painting.md (issue 19).

    git archive b5cd9c1 src | tar -x -C /tmp/inkmuse-old     # the renderer before issue 19
    .venv/bin/python scripts/make_paint_compare.py --old-src /tmp/inkmuse-old/src \
        --hanzi-data /tmp/hanzi-writer-data/package     # optional: font vs brush hand

Each idea is painted at 1024x768 with the same seed by the old code (in a child process
with the old sources first on the path) and by this one, and the pair is written as one
768-pixel-wide PNG (each under 300 KB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
IDEAS = [
    ("孤舟蓑笠翁，独钓寒江雪", "江雪", 3, "jiangxue"),
    ("大漠孤烟直，长河落日圆", "使至塞上", 1, "desert"),
    ("千山鸟飞绝，万径人踪灭", "江雪", 2, "no_birds"),
    ("枯藤老树昏鸦，小桥流水人家，夕阳西下", "天净沙", 5, "village"),
    ("会当凌绝顶，一览众山小", "望岳", 4, "cloud_sea"),
    ("独坐幽篁里，弹琴复长啸", "竹里馆", 4, "bamboo"),
    ("姑苏城外寒山寺，夜半钟声到客船", "枫桥夜泊", 1, "temple"),
    ("渭城朝雨浥轻尘，客舍青青柳色新", "渭城曲", 3, "willows_rain"),
]
_PAINT = """
import sys
from inkmuse.painting import PaintRequest, paint
text, title, seed, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
paint(PaintRequest(text=text, title=title, date="2025-12", seed=seed)).image.save(out)
"""

# the inscription block of the painting, with a margin, 204x290 px
_HAND = """
import sys
from inkmuse.painting import PaintRequest, paint
text, title, seed, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
p = paint(PaintRequest(text=text, title=title, date="2025-12", seed=seed))
x, y, w, h = p.inscription.box
cx, cy = x + w // 2, y + h // 2
p.image.crop((cx - 102, max(0, cy - 145), cx + 102, max(0, cy - 145) + 290)).save(out)
"""


def render(src: Path, text: str, title: str, seed: int, out: Path) -> Image.Image:
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run(
        [sys.executable, "-c", _PAINT, text, title, str(seed), str(out)], env=env, check=True
    )
    return Image.open(out).convert("RGB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-src", type=Path, required=True, help="src/ of the older checkout")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery" / "compare")
    parser.add_argument("--hanzi-data", type=Path, default=None,
                        help="an unpacked hanzi-writer-data: also paint font vs brush hand")  # fmt: skip
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for i, (text, title, seed, name) in enumerate(IDEAS):
            old = render(args.old_src, text, title, seed, Path(tmp) / "old.png")
            new = render(ROOT / "src", text, title, seed, Path(tmp) / "new.png")
            pair = Image.new("RGB", (768, 288), (250, 248, 242))
            pair.paste(old.resize((380, 285), Image.Resampling.LANCZOS), (0, 1))
            pair.paste(new.resize((380, 285), Image.Resampling.LANCZOS), (388, 1))
            path = args.out / f"{i + 1:02d}_{name}.png"
            pair.save(path, optimize=True)
            print(f"{path.name}: {path.stat().st_size // 1024} KB")
        if args.hanzi_data is not None:
            hands(args.hanzi_data, args.out, Path(tmp))


def hands(data: Path, out: Path, tmp: Path) -> None:
    """The inscription of 江雪 in the font (left) and written with the brush (right)."""
    text, title, seed, _ = IDEAS[0]
    crops = []
    for env in ({}, {"INKMUSE_HANZI_DATA": str(data)}):
        png = tmp / "hand.png"
        script = _HAND
        subprocess.run([sys.executable, "-c", script, text, title, str(seed), str(png)],
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}, check=True)  # fmt: skip
        crops.append(Image.open(png).convert("RGB"))
    pair = Image.new("RGB", (2 * 204 + 8, 290), (250, 248, 242))
    pair.paste(crops[0], (0, 0))
    pair.paste(crops[1], (212, 0))
    path = out / "09_hands.png"
    pair.save(path, optimize=True)
    print(f"{path.name}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
