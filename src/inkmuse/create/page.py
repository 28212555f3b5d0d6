"""index.html of a creation: poem, painting, song and record together, opened from disk.

No server and no scripts from the network: every file is referenced by a relative path.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from inkmuse.create.theme import CreationTheme
from inkmuse.poetry.checker import CheckReport
from inkmuse.poetry.report import render_report

_STYLE = """
body { font-family: "LXGW WenKai", "AR PL UKai CN", "Noto Serif CJK SC", serif;
       background: #f4efe4; color: #222; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-weight: normal; letter-spacing: .2em; margin: 0 0 4px; }
.sub { color: #7a6f5c; margin-bottom: 20px; }
.top { display: flex; gap: 28px; align-items: flex-start; flex-wrap: wrap; }
.poem { writing-mode: vertical-rl; font-size: 30px; line-height: 1.9; letter-spacing: .25em;
        padding: 12px 18px; border-left: 1px solid #c9bfa8; min-height: 360px; }
.painting img { max-width: 720px; width: 100%; border: 1px solid #c9bfa8; }
section { margin-top: 26px; }
h2 { font-size: 18px; font-weight: normal; border-bottom: 1px solid #c9bfa8; }
pre { background: #fbf8f1; padding: 12px; overflow-x: auto; font-size: 14px; }
.roll { max-width: 100%; border: 1px solid #c9bfa8; }
table { border-collapse: collapse; } td { padding: 2px 12px 2px 0; vertical-align: top; }
.ok { color: #2d6a3e; } .bad { color: #9b2c2c; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def render_page(
    idea: str,
    poem: str,
    report: CheckReport,
    ctheme: CreationTheme,
    provenance: dict[str, Any],
    folder: Path,
) -> str:
    """The page's HTML (deterministic: the same creation gives the same bytes)."""
    lines = [line for line in poem.replace("。", "。\n").replace("，", "，\n").split("\n") if line]
    verdict = (
        '<span class="ok">合律 · valid</span>'
        if report.ok
        else f'<span class="bad">{len(report.errors)} 处不合律 · not valid</span>'
    )
    t = ctheme.theme
    theme_rows = [
        ("意象 imagery", "、".join(t.imagery) or "—"),
        ("情绪 mood", t.mood),
        ("季节 season", t.season or "—"),
        ("时辰 time", t.time_of_day or "—"),
        ("色调 palette", t.palette),
        ("调式 key", ctheme.key),
        ("速度 tempo", f"{ctheme.tempo} BPM"),
    ]
    song_path = folder / "song.json"
    progression = ""
    if song_path.exists():
        song = json.loads(song_path.read_text(encoding="utf-8"))
        chords = [f"{c['chord']} ({c['roman']})" for c in song.get("progression", [])]
        progression = " → ".join(chords)
        metrics = song.get("metrics", {})
    else:
        metrics = {}
    metric_rows = "".join(
        f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in sorted(metrics.items())
    )
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(idea)} · inkmuse</title><style>{_STYLE}</style></head>
<body><main>
<h1>{_e(idea)}</h1>
<div class="sub">{_e(report.form.name if report.form else report.kind.name)}
 · {_e(report.form.variant if report.form else "")} · {verdict} · seed {provenance["seed"]}</div>
<div class="top">
  <div class="poem">{"<br>".join(_e(x) for x in lines)}</div>
  <div class="painting"><img src="painting.png" alt="painting for {_e(idea)}"></div>
</div>
<section><h2>乐 · song</h2>
  <audio controls src="song.wav"></audio>
  <p>{_e(ctheme.key)} · {ctheme.tempo} BPM · <a href="song.mid">MIDI</a> ·
  <a href="song.musicxml">MusicXML</a> · <a href="song.abc">ABC</a></p>
  <p>{_e(progression)}</p>
  <img class="roll" src="song.png" alt="piano roll">
  <table>{metric_rows}</table>
</section>
<section><h2>格律 · check</h2><pre>{_e(render_report(report))}</pre></section>
<section><h2>主题 · theme</h2><table>
{"".join(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in theme_rows)}
</table></section>
<section><h2>来历 · provenance</h2>
<details><summary>provenance.json</summary><pre>{_e(json.dumps(provenance, ensure_ascii=False, indent=2))}</pre></details>
</section>
</main></body></html>
"""
