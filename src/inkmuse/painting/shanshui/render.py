"""Paint a composed scene, back to front, the order a painter lays washes.

>>> from inkmuse.painting.reader import read_scene
>>> from inkmuse.painting.scene import compose_scene
>>> scene = compose_scene(read_scene("寒江独钓"), 320, 240, seed=1)
>>> canvas = render_shanshui(scene, "winter", seed=1)
>>> canvas.rgb.shape
(240, 320, 3)
"""

from __future__ import annotations

import numpy as np

from inkmuse.core.seeds import derive_seed, make_rng
from inkmuse.painting.canvas import Canvas
from inkmuse.painting.noise import value_noise
from inkmuse.painting.palettes import get_palette
from inkmuse.painting.scene import Scene
from inkmuse.painting.shanshui import atmosphere, ground
from inkmuse.painting.shanshui.figures import draw_figure
from inkmuse.painting.shanshui.mountains import Textures, draw_massif, ridge_trees
from inkmuse.painting.shanshui.trees import draw_tree
from inkmuse.painting.shanshui.water import draw_water, draw_waterfall

_SKY_THINGS = ("moon", "sun")
_FAR_THINGS = ("temple", "village", "waterfall")
_LAYER_THINGS = ("cloud_sea", "smoke")


def render_shanshui(scene: Scene, palette_name: str, seed: int) -> Canvas:
    """The painting of `scene` in the named palette; the same inputs give the same pixels."""
    palette = get_palette(palette_name)
    w, h = scene.width, scene.height

    def rng(label: str) -> np.random.Generator:
        # one stream per layer, so adding an element never reshuffles the others
        return make_rng(derive_seed(seed, "shanshui", label))

    canvas = Canvas.blank(w, h, palette.paper)
    atmosphere.sky(canvas, scene, palette, rng("sky"))
    ground.sky_light(canvas, scene, palette)
    for e in scene.elements:
        if e.kind in _SKY_THINGS:
            atmosphere.light(canvas, e, palette, rng("light"))
        elif e.kind == "stars":
            atmosphere.stars(canvas, e, palette, rng("stars"))

    t = rng("textures")
    tex = Textures(
        broad=value_noise(t, (h, w), 90.0),
        brush=value_noise(t, (h, w), 9.0),
    )
    scale = w / 1024
    # what stands in front of the water line is painted after the water, back to front
    behind = [m for m in scene.massifs if m.base <= scene.horizon + 0.05 * h]
    front = [m for m in scene.massifs if m.base > scene.horizon + 0.05 * h]
    ground.plain(canvas, scene, palette, rng("ground"))
    mist_rng = rng("mist")
    grove = rng("grove")
    strokes = rng("strokes")
    for i, massif in enumerate(behind):
        draw_massif(canvas, massif, palette, tex, scale, strokes)
        if 1.0 <= massif.depth < 2.5 and not massif.snow and massif.form == "rock":
            ridge_trees(canvas, massif, palette, grove, scale)
        if i < len(behind) - 1:
            atmosphere.mist(canvas, scene, palette, mist_rng, [massif.base - h * 0.03], 0.7)
    for e in scene.elements:
        if e.kind in _FAR_THINGS and e.kind != "temple":
            if e.kind == "waterfall":
                draw_waterfall(canvas, e, palette, rng("waterfall"))
            else:
                draw_figure(canvas, e, palette, rng(e.kind))
    mid_base = behind[-1].base if behind else scene.horizon
    misty = bool({"mist", "rain"} & set(scene.weather))
    amount = 1.0 if misty else 0.9
    atmosphere.mist(canvas, scene, palette, mist_rng, [mid_base - h * 0.05, scene.horizon], amount)
    if behind and ("cloud" in scene.weather or misty or scene.kind == "temple"):
        # clouds wrap the middle of the main mountain, the way painters cut a peak in two
        main = max(behind, key=lambda m: max(p[2] for p in m.peaks))
        waist = main.base - max(p[2] for p in main.peaks) * 0.45
        atmosphere.mist(canvas, scene, palette, mist_rng, [waist], 0.85)
    for e in scene.elements:
        if e.kind == "temple":  # a temple stands out of the clouds around the mountain
            draw_figure(canvas, e, palette, rng(e.kind))
    for e in scene.elements:
        if e.kind == "cloud_sea":
            ground.cloud_sea(canvas, e, palette, rng("clouds"))
    if scene.water:
        draw_water(canvas, scene, palette, rng("water"))
    for e in scene.elements:
        if e.kind == "smoke":
            ground.smoke(canvas, e, palette, rng("smoke"))
    for massif in front:
        draw_massif(canvas, massif, palette, tex, scale, strokes)
    figures = rng("figures")
    # the wind blows away from the main mass, across the open water
    wind = (0.8 if scene.side == "left" else -0.8) if "wind" in scene.weather else 0.0
    for e in scene.elements:
        if e.kind == "tree":
            draw_tree(canvas, e, palette, figures, wind)
        elif e.kind not in (*_SKY_THINGS, *_FAR_THINGS, *_LAYER_THINGS, "stars"):
            draw_figure(canvas, e, palette, figures, wind)
    if "rain" in scene.weather:
        atmosphere.rain(canvas, palette, rng("rain"))
    if "snow" in scene.weather:
        atmosphere.falling_snow(canvas, palette, rng("snow"))
    atmosphere.paper(canvas, rng("paper"))
    return canvas


__all__ = ["render_shanshui"]
