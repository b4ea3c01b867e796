"""The feedback and class pages in a real browser: Debian's Chromium, headless, offline.

Chromium runs with a fresh profile, no sandbox (CI runs as root), no GPU and no background
networking, and the pages are opened from disk. A probe script appended to a copy of each page
measures what the browser laid out: a MathML fraction really stacks its numerator above its
denominator (it would sit on one line if the math were not rendered), and every step mark has a
size and its colour. The screenshot test decodes the PNG and looks for the marks' colours.
These tests skip only when Chromium is not installed; .ci/run installs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib

import pytest

from proofcheck.cli import main

HERE = os.path.dirname(os.path.abspath(__file__))
CLASS = os.path.join(HERE, "class")
KEY = os.path.join(HERE, "key.proof")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-extensions", "--hide-scrollbars"]
BROWSER_SECONDS = 120
GREEN, RED = (0x1A, 0x7F, 0x37), (0xCF, 0x22, 0x2E)  # the ✓ and ✗ colours of the page's CSS
COLOUR_SLACK = 40  # antialiasing blends glyph edges; the core of a glyph keeps its colour

pytestmark = [pytest.mark.slow,  # a real browser: run by CI (.ci/run) with the slow tests
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)")]

PROBE = """
<pre id="probe"></pre>
<script>
(function () {
  function box(e) { var r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, w: r.width, h: r.height}; }
  var fracs = Array.from(document.querySelectorAll('mfrac')).map(function (f) {
    var a = box(f.children[0]), b = box(f.children[1]);
    return {stacked: a.bottom <= b.top + 1, numerator: a, denominator: b};
  });
  var marks = Array.from(document.querySelectorAll('.mark')).filter(function (m) { return m.textContent.trim(); }).map(function (m) {
    var s = getComputedStyle(m);
    return {text: m.textContent.trim(), w: box(m).w, h: box(m).h, color: s.color, visible: s.visibility, display: s.display};
  });
  document.getElementById('probe').textContent = JSON.stringify({
    maths: document.querySelectorAll('math').length, fracs: fracs, marks: marks,
    displayMath: document.querySelector('math') ? getComputedStyle(document.querySelector('math')).display : null
  });
})();
</script>
"""


def run_chromium(tmp, *args) -> str:
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args], capture_output=True, text=True,
                          timeout=BROWSER_SECONDS)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def probe(tmp, page: str) -> dict:
    with open(page, encoding="utf-8") as fh:
        text = fh.read()
    copy = tmp / ("probe-" + os.path.basename(page))
    copy.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(tmp, "--dump-dom", copy.as_uri())
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m and m.group(1), "the probe did not run"
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("pages")
    subs = root / "subs"
    subs.mkdir()
    shutil.copytree(os.path.join(CLASS, "s005"), subs / "s005")  # a refuted step, a jump, met and unmet goals
    shutil.copyfile(os.path.join(CLASS, "s000.proof"), subs / "s000.proof")
    out = root / "out"
    assert main(["grade", KEY, str(subs), "--out", str(out)]) == 0
    return out


def test_pages_fetch_nothing(pages):
    for page in (pages / "index.html", pages / "feedback" / "s005.html"):
        text = page.read_text(encoding="utf-8")
        refs = re.findall(r'(?:src|href)\s*=\s*"([^"]*)"|url\(|@import', text)
        assert all(r and not re.match(r"[a-z]+:", r) for r in refs), refs  # only relative links to other pages
        assert "<script" not in text


def test_feedback_math_is_rendered_and_marks_visible(pages, tmp_path):
    got = probe(tmp_path, str(pages / "feedback" / "s005.html"))
    assert got["maths"] > 20
    assert got["fracs"] and all(f["stacked"] for f in got["fracs"]), [f for f in got["fracs"] if not f["stacked"]][:3]
    texts = [m["text"] for m in got["marks"]]
    assert "✗" in texts and "✓" in texts and "⤳" in texts
    for m in got["marks"]:
        assert m["w"] > 0 and m["h"] > 0 and m["visible"] == "visible" and m["display"] != "none", m
    colour = {m["text"]: m["color"] for m in got["marks"]}
    assert colour["✓"] == "rgb(%d, %d, %d)" % GREEN and colour["✗"] == "rgb(%d, %d, %d)" % RED


def test_class_summary_in_the_browser(pages, tmp_path):
    got = probe(tmp_path, str(pages / "index.html"))
    assert got["maths"] >= 5  # every goal of the key
    assert got["fracs"] and all(f["stacked"] for f in got["fracs"])
    html = (pages / "index.html").read_text(encoding="utf-8")
    assert 'href="feedback/s005.html"' in html and 'href="feedback/s000.html"' in html


# ------------------------------------------------------------------ the screenshot


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB or RGBA PNG (what Chromium writes) into rows of pixel bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + size
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 0xFF
            elif f == 2:
                line[x] = (line[x] + b) & 0xFF
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line) if bpp == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
        prev = line
    return width, height, rows


def _near(px: tuple[int, int, int], target: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= COLOUR_SLACK for a, b in zip(px, target))


def test_screenshot_shows_the_marks(pages, tmp_path):
    shot = tmp_path / "feedback.png"
    run_chromium(tmp_path, "--window-size=1100,1500", f"--screenshot={shot}", (pages / "feedback" / "s005.html").as_uri())
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1100, 1500)
    greens = reds = dark = 0
    for row in rows:
        for x in range(0, width * 3, 3):
            px = (row[x], row[x + 1], row[x + 2])
            greens += _near(px, GREEN)
            reds += _near(px, RED)
            dark += sum(px) < 150
    assert greens > 50 and reds > 20 and dark > 2000, (greens, reds, dark)
