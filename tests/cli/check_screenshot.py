#!/usr/bin/env python3
"""Asserts a screenshot is not blank: enough pixel variance and enough non-background pixels.

Usage: check_screenshot.py PNG
"""
import sys

try:
    from PIL import Image, ImageStat
except ImportError:
    sys.exit("check_screenshot.py: PIL is not importable by %s (install python3-pil)" % sys.executable)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_screenshot.py PNG")
    img = Image.open(sys.argv[1]).convert("RGB")
    w, h = img.size
    grey = img.convert("L")
    sd = ImageStat.Stat(grey).stddev[0]
    # The most common colour is the page background; count pixels that differ from it clearly.
    colours = img.getcolors(maxcolors=w * h)
    background = max(colours)[1]
    small = img.resize((w // 4, h // 4))
    px = list(small.getdata())
    differ = sum(1 for p in px if sum(abs(a - b) for a, b in zip(p, background)) > 60) / len(px)
    distinct = len(colours)
    print("  %s: %dx%d, grey sd %.1f, %.1f%% non-background pixels, %d distinct colours"
          % (sys.argv[1], w, h, sd, 100 * differ, distinct))
    problems = []
    if sd < 10:
        problems.append("grey-level standard deviation %.1f < 10" % sd)
    if differ < 0.05:
        problems.append("only %.1f%% of pixels differ from the background" % (100 * differ))
    if distinct < 200:
        problems.append("only %d distinct colours" % distinct)
    if problems:
        sys.exit("check_screenshot.py: %s looks blank: %s" % (sys.argv[1], "; ".join(problems)))


if __name__ == "__main__":
    main()
