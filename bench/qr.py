#!/usr/bin/env python3
"""How dense a product link's QR code may be and still scan after go-live's video compression.

go-live streams a grainy camera-like clip (testsrc2 with temporal noise, which starves the
encoder as a real camera does) with one offer per link length, each on screen for 3 s, to a
recording; frames are decoded by ffmpeg and read by zbarimg, an independent QR decoder. The
table gives, per link length and output preset, the QR modules a side, their size in frame
pixels as drawn, and how many of 10 frames zbarimg read. `schedule check` warns below the
size every code here read at (CardLookCheck.minimumQRModule).

    python3 bench/qr.py [--binary .build/debug/shopcast] [--presets 720p30,480p30,1080p30]

Needs zbarimg (zbar-tools, installed by scripts/install-deps) and qrencode (apt-get install
qrencode) to count modules.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import lib

LENGTHS = [20, 40, 60, 80, 100, 120, 150, 200]
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"


def manifest(path):
    rng = random.Random(7)
    lines = ["show: {title: QR, currency: EUR, duration: 26s}", "products:"]
    base = "https://shop.example/p/"
    links = {}
    for n in LENGTHS:
        link = base + "".join(rng.choice(ALPHABET) for _ in range(n - len(base)))
        links[n] = link
        lines.append(f"  p{n}: {{name: Product {n}, price: 10, url: '{link}'}}")
    lines.append("offers:")
    for i, n in enumerate(LENGTHS):
        lines.append(f"  - {{product: p{n}, at: {i * 3 + 1}s, for: 3s}}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return links


def modules(link):
    """Modules a side of the code shopcast draws (byte mode, level M), by qrencode's own count."""
    out = subprocess.run(["qrencode", "-8", "-l", "M", "-m", "0", "-t", "ASCII", link], capture_output=True, text=True)
    rows = [r for r in out.stdout.splitlines() if r.strip()]
    return len(rows) if rows else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--presets", default="720p30,480p30,1080p30")
    args = parser.parse_args()
    binary = args.binary or lib.shopcast_binary()
    work = tempfile.mkdtemp(prefix="shopcast-qr-")
    clip = os.path.join(work, "camera.mkv")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30,noise=alls=25:allf=t+u",
                    "-f", "lavfi", "-i", "sine=f=440", "-t", "26", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "10",
                    "-c:a", "aac", clip], check=True)
    show = os.path.join(work, "show.yaml")
    links = manifest(show)
    results = {}
    for preset in args.presets.split(","):
        out = os.path.join(work, f"{preset}.mkv")
        subprocess.run([binary, "go-live", "-i", clip, "-m", show, "--preset", preset, "-t", out, "-q"], check=True)
        for i, n in enumerate(LENGTHS):
            read = 0
            for k in range(10):
                frame = os.path.join(work, "frame.png")
                subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{i * 3 + 1.3 + k * 0.17:.2f}", "-i", out,
                                "-frames:v", "1", frame], check=True)
                if subprocess.run(["zbarimg", "--quiet", "--raw", frame], capture_output=True).returncode == 0:
                    read += 1
            results.setdefault(n, {})[preset] = read
    print(json.dumps({"machine": lib.machine(), "reads_of_10": results}, indent=1))
    unit = {"720p30": 1.0, "480p30": 480 / 720, "1080p30": 1.5, "vertical": 1.0}
    print("\n| link characters | modules | " + " | ".join(f"{p}: px/module, read" for p in args.presets.split(",")) + " |")
    print("|---|---|" + "---|" * len(args.presets.split(",")))
    for n in LENGTHS:
        m = modules(links[n])
        cells = []
        for p in args.presets.split(","):
            side = (112 - 18) * unit[p]
            exact = side / m if m else 0
            px = int(exact) if exact >= 1 else exact
            cells.append(f"{px} px, {results[n][p]}/10")
        print(f"| {n} | {m} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
