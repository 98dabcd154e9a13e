#!/usr/bin/env python3
"""Overlays' cost, measured two ways.

(a) go-live with a busy manifest (one offer on screen the whole time: picture, prices, badge, a
    countdown ticking every second, stock, code, QR) against the same run without --manifest.
    Both read the same 1280x720 30 fps file at its real pace and record it (veryfast, 3 Mb/s);
    reported: CPU seconds per stream second and the overhead in percent (target: at most 3%).
(b) `shopcast overlay` burning that card into a recording, against the ffmpeg CLI burning an
    equivalent card with its own filters (drawbox for the card, drawtext for name, prices, code
    and a countdown computed from t, overlay of the product picture), both x264 veryfast CRF 20
    with the audio copied. The plain ffmpeg transcode (no card) is shown for scale. Reported:
    wall seconds, CPU seconds, and the speed ratio (target: shopcast at least as fast).

Usage: bench/overlay.py [--seconds 60] [--burn-seconds 30] [--runs 3] [--json out.json]
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib  # noqa: E402

IMAGE = os.path.join(lib.ROOT, "examples", "autumn-scarves", "images", "scarf.png")
FONT = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"


def busy_manifest(path, seconds):
    """One offer from 0 s to past the end, with everything a card can show."""
    # Manifests name pictures relative to their own folder.
    shutil.copyfile(IMAGE, os.path.join(os.path.dirname(path), "scarf.png"))
    with open(path, "w") as f:
        f.write(f"""show:
  title: Benchmark show
  locale: en-US
  currency: USD
products:
  scarf:
    name: Hand-rolled silk scarf
    price: 39.90
    image: scarf.png
    url: https://shop.example/scarf
    description: Mulberry silk, 90x90 cm
offers:
  - product: scarf
    at: 0s
    for: {seconds + 60}s
    discount: 20%
    code: SILK20
    quantity: 50
    countdown: true
""")


def ffmpeg_burn_argv(src, out, end):
    """The same card with ffmpeg's filters: a translucent box, the texts, a countdown from t."""
    left = f"{end}-t"
    countdown = ("ends in %{eif\\:trunc(ceil(" + left + ")/60)\\:d\\:2}\\:%{eif\\:mod(ceil(" + left + ")\\,60)\\:d\\:2}")
    graph = (
        "[0:v]drawbox=x=40:y=470:w=620:h=210:color=0x16181E@0.88:t=fill,"
        f"drawtext=fontfile={FONT}:expansion=none:text='Hand-rolled silk scarf':x=220:y=500:fontsize=28:fontcolor=white,"
        f"drawtext=fontfile={FONT}:expansion=none:text='$31.92':x=220:y=550:fontsize=40:fontcolor=0xFF4559,"
        f"drawtext=fontfile={FONT}:expansion=none:text='$39.90  -20%':x=380:y=562:fontsize=22:fontcolor=0xAAAAAA,"
        f"drawtext=fontfile={FONT}:text='{countdown}':x=60:y=640:fontsize=20:fontcolor=white,"
        f"drawtext=fontfile={FONT}:expansion=none:text='50 left   CODE SILK20':x=300:y=640:fontsize=20:fontcolor=white[bg];"
        "[1:v]scale=148:148[pic];[bg][pic]overlay=x=56:y=486[v]"
    )
    return ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", src, "-i", IMAGE,
            "-filter_complex", graph, "-map", "[v]", "-map", "0:a", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
            "-c:a", "copy", "-movflags", "+faststart", out]


def ffmpeg_plain_argv(src, out):
    return ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", src, "-map", "0:v", "-map", "0:a",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-c:a", "copy", "-movflags", "+faststart", out]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=60, help="go-live stream length (long enough that start-up, fonts included, is not what is measured)")
    ap.add_argument("--burn-seconds", type=int, default=30, help="length of the file overlay burns")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    args = ap.parse_args()
    binary = lib.shopcast_binary()
    work = os.path.join(lib.ROOT, "bench", "out")
    os.makedirs(work, exist_ok=True)
    manifest = os.path.join(work, "busy.yaml")
    busy_manifest(manifest, max(args.seconds, args.burn_seconds))

    # (a) go-live, file input at its real pace, recorded locally.
    live_src = os.path.join(work, f"input-720p30-{args.seconds + 10}s.mp4")
    lib.make_input(live_src, args.seconds + 10)
    live = {"plain": [], "manifest": []}
    for run in range(args.runs):
        for variant in ("plain", "manifest") if run % 2 == 0 else ("manifest", "plain"):
            out = os.path.join(work, f"golive-{variant}-{run}.mkv")
            if os.path.exists(out):
                os.remove(out)
            argv = [binary, "go-live", "-q", "-i", live_src, "-t", out, "--duration", f"{args.seconds}s",
                    "--preset", "720p30", "--video-bitrate", "3000k", "--encoder-speed", "veryfast"]
            if variant == "manifest":
                argv += ["--manifest", manifest]
            m = lib.measure(argv)
            if m["status"] != 0:
                raise SystemExit(f"go-live {variant} failed ({m['status']}): {m['stderr']}")
            m["cpu_per_stream_s"] = m["cpu"] / args.seconds
            live[variant].append(m)
            print(f"go-live {variant:9} run {run}: cpu/stream-s {m['cpu_per_stream_s']:.3f}  peak {m['rss_mib']:.1f} MiB", flush=True)

    # (b) burning a file as fast as possible.
    burn_src = os.path.join(work, f"input-720p30-{args.burn_seconds}s.mp4")
    lib.make_input(burn_src, args.burn_seconds)
    burn = {"shopcast": [], "ffmpeg_filters": [], "ffmpeg_plain": []}
    for run in range(args.runs):
        order = ["shopcast", "ffmpeg_filters", "ffmpeg_plain"]
        for tool in order[run % 3:] + order[:run % 3]:
            out = os.path.join(work, f"burn-{tool}-{run}.mp4")
            if os.path.exists(out):
                os.remove(out)
            if tool == "shopcast":
                argv = [binary, "overlay", "-q", burn_src, "--manifest", manifest, "-o", out, "--crf", "20", "--encoder-speed", "veryfast"]
            elif tool == "ffmpeg_filters":
                argv = ffmpeg_burn_argv(burn_src, out, args.burn_seconds + 60)
            else:
                argv = ffmpeg_plain_argv(burn_src, out)
            start = time.time()
            m = lib.measure(argv)
            m["wall"] = time.time() - start
            if m["status"] != 0:
                raise SystemExit(f"{tool} failed ({m['status']}): {m['stderr']}")
            burn[tool].append(m)
            print(f"burn {tool:15} run {run}: wall {m['wall']:.2f} s  cpu {m['cpu']:.2f} s  "
                  f"({args.burn_seconds / m['wall']:.2f}x real time)  peak {m['rss_mib']:.1f} MiB", flush=True)

    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    plain, busy = med(live["plain"], "cpu_per_stream_s"), med(live["manifest"], "cpu_per_stream_s")
    summary = {
        "machine": lib.machine(),
        "go_live": {"seconds": args.seconds, "runs": args.runs,
                    "cpu_per_stream_s_without_manifest": plain, "cpu_per_stream_s_with_manifest": busy,
                    "overhead_percent": (busy / plain - 1) * 100,
                    "rss_mib_without": med(live["plain"], "rss_mib"), "rss_mib_with": med(live["manifest"], "rss_mib")},
        "burn": {"seconds": args.burn_seconds, "runs": args.runs,
                 **{tool: {"wall_s": med(rows, "wall"), "cpu_s": med(rows, "cpu"), "rss_mib": med(rows, "rss_mib")}
                    for tool, rows in burn.items()}},
    }
    summary["burn"]["speed_ratio_vs_ffmpeg_filters"] = summary["burn"]["ffmpeg_filters"]["wall_s"] / summary["burn"]["shopcast"]["wall_s"]
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
