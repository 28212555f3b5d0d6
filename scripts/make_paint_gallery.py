"""Render the painting gallery shown in docs/painting.md (and the README).

    .venv/bin/python scripts/make_paint_gallery.py            # writes docs/gallery/*
    .venv/bin/python scripts/make_paint_gallery.py --out /tmp/g  # somewhere else, to look

Every picture comes from the public API with a fixed seed, so the gallery is reproducible.
Contact sheets are JPEG to keep the repository small; the hero image is the real PNG
output, with its `parameters` and `inkmuse` metadata chunks.
The photos in docs/gallery/inputs are scikit-image sample data, CC0 (chelsea: Stefan van
der Walt; coffee: Rachel Michetti).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from inkmuse.core.fonts import cjk_font_path
from inkmuse.core.theme import Theme
from inkmuse.core.theme_lexicon import PALETTES
from inkmuse.painting import PaintRequest, paint, save_png
from inkmuse.painting.colour import transfer_colour

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "docs" / "gallery" / "inputs"

THEMES = [
    ("孤舟蓑笠翁，独钓寒江雪", "江雪", 3),
    ("床前明月光，疑是地上霜。举头望明月，低头思故乡。", "静夜思", 2),
    ("枯藤老树昏鸦，小桥流水人家，夕阳西下", "天净沙·秋思", 5),
    ("日照香炉生紫烟，遥看瀑布挂前川。飞流直下三千尺，疑是银河落九天。", "望庐山瀑布", 1),
    ("Lonely geese cross the autumn sky\nunder a cold moon", "", 4),
    ("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。", "春晓", 6),
]


# one idea for each kind of landscape the scene reader knows
KINDS = [
    ("烟波江上使人愁", 2), ("日照香炉生紫烟，遥看瀑布挂前川", 1), ("姑苏城外寒山寺", 1),
    ("孤帆远影碧空尽，唯见长江天际流", 3), ("大漠孤烟直，长河落日圆", 1), ("北国风光，千里冰封，万里雪飘", 2),
    ("会当凌绝顶，一览众山小", 4), ("海上生明月，天涯共此时", 6), ("枯藤老树昏鸦，小桥流水人家，夕阳西下", 5),
    ("欲上高楼去避愁", 2), ("独坐幽篁里，弹琴复长啸", 4), ("渭城朝雨浥轻尘，客舍青青柳色新", 3),
]  # fmt: skip


def label(img: Image.Image, text: str) -> Image.Image:
    """A caption strip under a tile."""
    font = ImageFont.truetype(str(cjk_font_path()), 15)
    out = Image.new("RGB", (img.width, img.height + 24), (250, 248, 242))
    out.paste(img, (0, 0))
    ImageDraw.Draw(out).text((6, img.height + 3), text, font=font, fill=(40, 40, 40))
    return out


def sheet(tiles: list[Image.Image], columns: int) -> Image.Image:
    w = max(t.width for t in tiles)
    h = max(t.height for t in tiles)
    rows = -(-len(tiles) // columns)
    out = Image.new("RGB", (columns * (w + 6) + 6, rows * (h + 6) + 6), (250, 248, 242))
    for i, tile in enumerate(tiles):
        r, c = divmod(i, columns)
        out.paste(tile, (6 + c * (w + 6), 6 + r * (h + 6)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery")
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    small = (420, 315)

    hero = paint(PaintRequest(text=THEMES[0][0], title="江雪", date="2025-12", seed=3))
    save_png(hero, out / "shanshui_hero.png")
    print("hero:", hero.metrics.summary())

    tiles = []
    for text, title, seed in THEMES:
        p = paint(PaintRequest(text=text, title=title or None, size=small, seed=seed))
        tiles.append(
            label(p.image, f"{title or text.splitlines()[0]}  seed {seed}  · {p.theme.palette}")
        )
    sheet(tiles, 3).save(out / "shanshui_themes.jpg", quality=85, optimize=True)

    kinds = []
    for text, seed in KINDS:
        p = paint(PaintRequest(text=text, size=(320, 240), seed=seed, inscribe=False))
        plan = p.provenance["params"]["scene"]["plan"]
        kinds.append(label(p.image, f"{text[:7]}  · {plan['kind']}, {plan['distance']}"))
    sheet(kinds, 4).save(out / "shanshui_kinds.jpg", quality=85, optimize=True)

    seeds = [paint(PaintRequest(text="秋江 孤舟 雁", size=(320, 240), seed=s, inscribe=False))
             for s in range(1, 9)]  # fmt: skip
    sheet([label(p.image, f"秋江 孤舟 雁  seed {p.seed}  · {p.provenance['params']['scene']['kind']}, {p.provenance['params']['scene']['layout']}")
           for p in seeds], 4).save(out / "shanshui_seeds.jpg", quality=85, optimize=True)  # fmt: skip

    theme = Theme(imagery=("mountain", "river", "pine", "pavilion", "boat"), season="autumn")
    pal = [label(paint(PaintRequest(theme=Theme(**{**theme.__dict__, "palette": name}), size=(320, 240),
                                    seed=12, inscribe=False)).image, name) for name in PALETTES]  # fmt: skip
    sheet(pal, 3).save(out / "shanshui_palettes.jpg", quality=85, optimize=True)

    scroll = paint(PaintRequest(text="空山新雨后，天气晚来秋。明月松间照，清泉石上流。", title="山居秋暝",
                                size=(420, 720), seed=8))  # fmt: skip
    scroll.image.save(out / "shanshui_scroll.jpg", quality=88, optimize=True)

    rows = []
    for photo in ("chelsea.jpg", "coffee.jpg"):
        src = Image.open(INPUTS / photo).convert("RGB")
        rows.append(
            label(src.resize((300, round(300 * src.height / src.width))), f"{photo} (source)")
        )
        for preset in ("impressionist", "expressionist", "pointillist", "watercolour"):
            p = paint(PaintRequest(text="", style="painterly", image=INPUTS / photo, preset=preset,
                                   size=(512, 512), seed=1, inscribe=False, theme=Theme()))  # fmt: skip
            rows.append(
                label(p.image.resize((300, round(300 * p.image.height / p.image.width))), preset)
            )
    sheet(rows, 5).save(out / "painterly.jpg", quality=85, optimize=True)

    neural = []
    for style in (3, 7, 19, 24):
        p = paint(PaintRequest(text="", style="neural", image=INPUTS / "coffee.jpg", neural_style=style,
                               size=(512, 512), seed=1, inscribe=False, theme=Theme()))  # fmt: skip
        neural.append(label(p.image.resize((300, 200)), f"coffee · neural style {style}"))
    p = paint(
        PaintRequest(text=THEMES[1][0], style="neural", neural_style=19, size=(420, 315), seed=2)
    )
    neural.append(label(p.image.resize((300, 225)), "静夜思 landscape · neural style 19"))
    sheet(neural, 5).save(out / "neural.jpg", quality=85, optimize=True)

    base = paint(PaintRequest(text="青绿山水 松 亭", size=(320, 240), seed=21, inscribe=False))
    ref = Image.open(INPUTS / "coffee.jpg").convert("RGB")
    moved = transfer_colour(base.image, ref)
    sheet([label(base.image, "青绿 landscape"), label(ref.resize((320, 213)), "reference"),
           label(moved, "colours of the reference")], 3).save(out / "colour_transfer.jpg", quality=85)  # fmt: skip
    total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"gallery: {out} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
