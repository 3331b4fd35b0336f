"""The HTML report's page: style sheet, a few lines of optional script, the skeleton.

Everything is inline (one file, no external assets). The step tree is built from
<details>/<summary>, so it folds and unfolds without script; the script only adds
"expand all / collapse all" buttons and opens everything before printing. The
Content-Security-Policy allows this exact style sheet and script (by hash) and
nothing else: a report rendered from a hostile JSON file cannot load or run anything.
"""

from __future__ import annotations

import base64
import hashlib
import json

from assistant.report.verdicts import LOOKS

_STATUS_CSS = "\n".join(
    f".st-{status.value} {{ --ink: {look.ink}; --tint: {look.tint}; }}"
    for status, look in LOOKS.items()
)

STYLE = (
    """
:root { color-scheme: light; --line: #c9ced6; --muted: #4d5562; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif; color: #1b1f24; background: #fff;
  margin: 0 auto; max-width: 70rem; padding: 1.5rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line);
  padding-bottom: .25rem; }
a { color: #0a4fa8; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas,
  monospace; font-size: .85rem; }
.badge { display: inline-block; min-width: 5.6rem; padding: .05rem .45rem; border: 1.5px solid
  var(--ink); border-radius: .3rem; color: var(--ink); background: var(--tint);
  font-weight: 700; font-size: .8rem; letter-spacing: .03em; text-align: left;
  white-space: nowrap; }
.verdict { font-size: 1rem; padding: .2rem .6rem; }
.lede { color: var(--muted); margin: 0 0 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
  margin: 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
ol.first { padding-left: 1.4rem; margin: 0; }
ol.first li { margin: 0 0 .6rem; padding-left: .2rem; }
ol.first .what { font-weight: 600; }
.lede { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.counts { display: inline-flex; flex-wrap: wrap; gap: .4rem; margin: 0; padding: 0;
  list-style: none; }
.toolbar { margin: 0 0 .5rem; display: flex; gap: .5rem; }
.toolbar button { font: inherit; font-size: .85rem; padding: .15rem .6rem; }
details.step { border: 1px solid var(--line); border-left: .35rem solid var(--ink);
  border-radius: .3rem; margin: .35rem 0; background: #fff; }
details.step > summary { cursor: pointer; padding: .35rem .6rem; display: flex;
  flex-wrap: wrap; align-items: baseline; gap: .1rem .6rem; list-style: none; }
details.step > summary::-webkit-details-marker { display: none; }
details.step > summary::before { content: "▸"; color: var(--muted); width: .8rem; }
details.step[open] > summary::before { content: "▾"; }
.title { font-weight: 600; flex: 1 1 16rem; min-width: 0; }
.sid { color: var(--muted); }
.dur { color: var(--muted); font-size: .8rem; margin-left: auto; white-space: nowrap; }
.sum { flex-basis: 100%; padding-left: 1.4rem; color: #1b1f24; }
.body { padding: .2rem .8rem .6rem 1.6rem; }
.details { white-space: pre-wrap; margin: .3rem 0; }
.remedy { border: 1px solid var(--ink); background: var(--tint); border-radius: .3rem;
  padding: .4rem .6rem; margin: .4rem 0; }
.remedy .label { font-weight: 700; color: var(--ink); }
details.evidence { margin: .3rem 0; border: 1px dashed var(--line); border-radius: .3rem; }
details.evidence > summary { cursor: pointer; padding: .2rem .5rem; color: var(--muted); }
details.evidence > .blocks { padding: .2rem .6rem .5rem; }
.kind { font-weight: 700; text-transform: uppercase; font-size: .75rem; color: #1b1f24;
  border: 1px solid var(--line); border-radius: .2rem; padding: 0 .3rem; margin-right: .3rem; }
pre { white-space: pre-wrap; word-break: break-all; background: #f5f6f8; border: 1px solid
  #e1e4e8; border-radius: .25rem; padding: .4rem .5rem; margin: .3rem 0; max-height: 32rem;
  overflow: auto; }
.caption { font-size: .8rem; font-weight: 600; color: var(--muted); margin: .4rem 0 0; }
table { border-collapse: collapse; margin: .3rem 0; font-size: .85rem; width: 100%; }
th, td { border: 1px solid #dfe2e6; padding: .15rem .4rem; vertical-align: top;
  text-align: left; white-space: pre-wrap; word-break: break-word; }
th { background: #f0f2f5; }
table.kv th { width: 11rem; font-weight: 600; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .toolbar { display: none; }
  details.step, .remedy, .badge { break-inside: avoid; -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  details::details-content { content-visibility: visible; display: block; }
  pre { max-height: none; overflow: visible; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); }
}
"""
    + _STATUS_CSS
    + "\n"
)

BUTTONS = ("Expand all", "Collapse all")  # the toolbar's, in the report's language


def script(buttons: tuple[str, str] = BUTTONS) -> str:
    """The page's script with its two button labels as JavaScript string literals (JSON,
    with "<" escaped so that no label can end the script element)."""
    expand, collapse = (json.dumps(b).replace("<", "\\u003c") for b in buttons)
    return f"""
(function () {{
  var bar = document.getElementById("toolbar");
  function all(open) {{
    document.querySelectorAll("details").forEach(function (d) {{ d.open = open; }});
  }}
  [[{expand}, true], [{collapse}, false]].forEach(function (pair) {{
    var b = document.createElement("button");
    b.type = "button"; b.textContent = pair[0];
    b.addEventListener("click", function () {{ all(pair[1]); }});
    bar.appendChild(b);
  }});
  window.addEventListener("beforeprint", function () {{ all(true); }});
}})();
"""


SCRIPT = script()


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def csp(page_script: str = SCRIPT) -> str:
    """This style sheet and this script, by hash, and nothing else."""
    return (
        "default-src 'none'; "
        f"style-src '{_hash(STYLE)}'; "
        f"script-src '{_hash(page_script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


CSP = csp()


def page(title: str, body: str, *, lang: str = "en", buttons: tuple[str, str] = BUTTONS) -> str:
    page_script = SCRIPT if buttons == BUTTONS else script(buttons)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp(page_script)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{page_script}</script>\n</body>\n</html>\n"
    )
