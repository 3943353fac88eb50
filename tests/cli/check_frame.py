#!/usr/bin/env python3
"""Checks a vicsim view frame (PNG) the way a viewer would: it is the expected size, the graph pane is not
blank, the side panel is there, and the legend shows every swatch colour it should.

Usage: check_frame.py FRAME.png WIDTH HEIGHT PANEL_WIDTH [R,G,B ...]
The RGB triples are legend swatch colours that must appear in the panel's top part.
Plain Python (zlib) PNG decoding: 8-bit RGB or RGBA, non-interlaced, as SFML writes them."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unsupported PNG format"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def main():
    path, W, H, panel_w = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    swatches = [tuple(int(v) for v in s.split(",")) for s in sys.argv[5:]]
    w, h, bpp, rows = read_png(path)
    px = lambda x, y: tuple(rows[y][x * bpp:x * bpp + 3])
    problems = []
    if (w, h) != (W, H):
        problems.append(f"size {w}x{h}, expected {W}x{H}")
    # The graph area: many distinct colours (nodes, ties, labels), not one flat background.
    graph = {px(x, y) for y in range(0, h - 40, 3) for x in range(0, w - panel_w, 3)}
    if len(graph) < 200:
        problems.append(f"graph area looks blank ({len(graph)} distinct colours)")
    # The panel: its own background colour dominates the right-hand strip, and it holds text.
    panel_bg = (30, 35, 46)
    strip = [px(x, y) for y in range(0, h, 2) for x in range(w - panel_w + 4, w - 4, 2)]
    share_bg = sum(1 for c in strip if c == panel_bg) / len(strip)
    bright = sum(1 for c in strip if min(c) > 200)
    if share_bg < 0.4:
        problems.append(f"side panel missing (panel background on {share_bg:.0%} of the strip)")
    if bright < 200:
        problems.append(f"side panel has no text ({bright} bright pixels)")
    # The legend: each swatch colour appears in the panel's top third.
    top = {px(x, y) for y in range(0, h // 3) for x in range(w - panel_w, w)}
    for s in swatches:
        if s not in top:
            problems.append(f"legend swatch {s} not found in the panel")
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
