#!/usr/bin/env python3
"""Chat on screen under a flood: go-live with 100 chat messages a second against the same show
without chat.

go-live reads the 720p30 file at its real pace with a manifest whose offer is on screen the
whole time, encodes it (veryfast, 3 Mb/s) and records it. With chat, a writer in this process
appends 100 JSON lines a second to the file go-live reads (--chat jsonl:FILE): varied authors
and texts, one in ten a tip, one in five a repeat, now and then a link or a long word. The flood
rule lets 2 a second reach the screen; the rest are counted. Reported, per mode (medians):
go-live's CPU seconds per stream second and peak RSS (wait4: go-live alone, not the writer),
pictures in the recording (ffprobe) against the 30 a second expected, encoder.behind events
(a late frame), and the chat.shown events. Modes run interleaved.

With --perf, each run is also sampled by `perf record` (499 Hz) and the samples are put in
groups by library: shopcast's own code (the executable: Swift's runtime and Foundation are
linked into it), libc, the kernel, the drawing libraries (Cairo, Pango, HarfBuzz, pixman,
FreeType, fontconfig, GLib), the codecs (FFmpeg's libraries, x264) and the rest. The flood's
extra seconds of CPU per group (medians, flood minus no chat) are given as a share of the
no-chat show's: a figure for the work outside the codecs, whose own share moves by more than
that between any two runs. Whole-process CPU on a shared machine swings by more than the few
percent in question; samples by library do not.

Usage: bench/chat.py [--seconds 60] [--runs 2] [--binary .build/release/shopcast] [--perf]
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib  # noqa: E402

MANIFEST = """show: {title: Flood, currency: EUR, locale: it-IT}
products: {scarf: {name: Sciarpa di seta, price: 39.90, url: "https://shop.example/it/sciarpa"}}
offers: [{product: scarf, at: 0s, for: 1h, discount: 20%, code: SETA20, quantity: 500}]
chat: {blocklist: [spam]}
"""

WORDS = "ciao bella sciarpa colore taglia blu rosso prezzo quanto costa spedizione grazie wow top seta morbida regalo".split()


def flood(path, seconds, rate, stop):
    rng = random.Random(1)
    with open(path, "a") as f:
        start = time.monotonic()
        n = 0
        while not stop.is_set() and time.monotonic() - start < seconds:
            due = int((time.monotonic() - start) * rate)
            while n < due:
                n += 1
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))
                if n % 5 == 0:
                    text = "quanto costa?"
                if n % 37 == 0:
                    text += " visita shop.example/x"
                if n % 53 == 0:
                    text = "a" * 300
                line = {"id": f"m{n}", "author": f"viewer{rng.randint(1, 5000)}", "text": text}
                if n % 10 == 0:
                    line.update({"amount": str(rng.choice([1, 2, 5, 10])), "currency": "EUR"})
                f.write(json.dumps(line) + "\n")
            f.flush()
            time.sleep(0.01)


GROUPS = [("shopcast", ("shopcast",)), ("libc", ("libc.so", "libm.so", "ld-linux")), ("kernel", ("[kernel",)),
          ("drawing", ("libcairo", "libpango", "libharfbuzz", "libpixman", "libfreetype", "libfontconfig", "libglib",
                       "libgobject", "libfribidi", "libqrencode", "libpng", "libthai", "libexpat")),
          ("codecs", ("libx264", "libavcodec", "libavformat", "libavutil", "libswscale", "libswresample", "libavfilter"))]


def run(binary, src, work, seconds, chat, perf=False):
    manifest = os.path.join(work, "show.yaml")
    with open(manifest, "w") as f:
        f.write(MANIFEST)
    out = os.path.join(work, f"out-{time.time_ns()}.mkv")
    events = os.path.join(work, f"events-{time.time_ns()}.jsonl")
    argv = [binary, "go-live", "-q", "-i", src, "-m", manifest, "--duration", f"{seconds}s", "--preset", "720p30",
            "--encoder-speed", "veryfast", "-t", out, "--events", events]
    stop = threading.Event()
    writer = None
    if chat:
        feed = os.path.join(work, f"chat-{time.time_ns()}.jsonl")
        open(feed, "w").close()
        argv += ["--chat", "jsonl:" + feed]
        writer = threading.Thread(target=flood, args=(feed, seconds + 5, 100, stop))
        writer.start()
    data = os.path.join(work, f"perf-{time.time_ns()}.data")
    if perf:
        argv = lib.perf_record(argv, data)
    result = lib.measure(argv, timeout=seconds + 120)
    if perf:
        result["perf"] = lib.perf_groups(data, GROUPS)
        os.remove(data)
    stop.set()
    if writer:
        writer.join()
    frames = int(subprocess.run(["ffprobe", "-v", "error", "-count_packets", "-select_streams", "v:0", "-show_entries",
                                 "stream=nb_read_packets", "-of", "csv=p=0", out], capture_output=True, text=True).stdout.strip() or 0)
    names = [json.loads(l)["event"] for l in open(events) if l.strip()]
    result.update({"frames": frames, "behind": names.count("encoder.behind"), "shown": names.count("chat.shown")})
    os.remove(out)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--binary")
    parser.add_argument("--perf", action="store_true", help="sample each run with perf and report by library")
    args = parser.parse_args()
    binary = args.binary or lib.shopcast_binary()
    work = tempfile.mkdtemp(prefix="shopcast-chat-bench-")
    src = os.path.join(work, "in.mp4")
    lib.make_input(src, args.seconds + 10)
    results = {"none": [], "flood": []}
    for _ in range(args.runs):
        for mode in ["none", "flood"]:
            r = run(binary, src, work, args.seconds, mode == "flood", args.perf)
            if r["status"] != 0:
                print(r["stderr"], file=sys.stderr)
            results[mode].append(r)
            print(mode, {k: r[k] for k in ["cpu", "rss_mib", "frames", "behind", "shown", "status"]}, file=sys.stderr)
    print(json.dumps({"machine": lib.machine(), "seconds": args.seconds, "results": results}, indent=1, default=str))
    none_cpu = statistics.median(r["cpu"] for r in results["none"]) / args.seconds
    print("\n| mode | CPU s per stream s | vs none | peak RSS MiB | frames (expected) | encoder.behind | chat.shown |")
    print("|---|---|---|---|---|---|---|")
    for mode, rs in results.items():
        cpu = statistics.median(r["cpu"] for r in rs) / args.seconds
        rss = statistics.median(r["rss_mib"] for r in rs)
        print(f"| {mode} | {cpu:.3f} | {(cpu / none_cpu - 1) * 100:+.1f}% | {rss:.1f} | "
              f"{min(r['frames'] for r in rs)}–{max(r['frames'] for r in rs)} ({args.seconds * 30}) | "
              f"{max(r['behind'] for r in rs)} | {statistics.median(r['shown'] for r in rs):.0f} |")
    if args.perf:
        none = {g: statistics.median(r["perf"][g] for r in results["none"]) for g in results["none"][0]["perf"]}
        flood = {g: statistics.median(r["perf"][g] for r in results["flood"]) for g in none}
        total = sum(none.values())
        print(f"\n| samples by library (perf, 499 Hz) | no chat, CPU s | flood, CPU s | flood minus none, share of the no-chat show |")
        print("|---|---|---|---|")
        for g in none:
            print(f"| {g} | {none[g]:.2f} | {flood[g]:.2f} | {(flood[g] - none[g]) / total * 100:+.1f}% |")
        outside = sum(flood[g] - none[g] for g in none if g != "codecs")
        print(f"| **all but the codecs** | {total - none['codecs']:.2f} | {sum(flood.values()) - flood['codecs']:.2f} | "
              f"**{outside / total * 100:+.1f}%** |")


if __name__ == "__main__":
    sys.exit(main())

