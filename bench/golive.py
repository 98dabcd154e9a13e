#!/usr/bin/env python3
"""go-live against the ffmpeg CLI doing the same job, side by side in one run.

Both read the same 1280x720 30 fps file at its real pace, encode it once with the same x264 and AAC
settings (veryfast, zerolatency, 3 Mb/s CBR-like, keyframe every 2 s, AAC 128k 48 kHz stereo) and
publish to the same local nginx-rtmp ingest. Reported: CPU seconds per stream second, peak
memory, and the time from process start to the ingest's on_publish callback.

Usage: bench/golive.py [--seconds 20] [--runs 3] [--json out.json] [--ffmpeg-thp-off] [--fanout 1,3,6]
                       [--clip 720p30|720p25-5.1] [--extras]

--clip picks the file both read: the 720p30 stereo clip (the default) or a 720p25 clip with 5.1
sound (both tools still make 720p30 with stereo AAC: the frame rate converted, the sound
downmixed).

--fanout N,M,... publishes each run to N (then M ...) streams of the ingest at once: shopcast
with N -t destinations against ffmpeg's tee muxer with N FLV outputs (onfail=ignore, so one
dead output does not stop the others, as in go-live). Reported per count: CPU, peak memory,
and what each added destination costs over one; besides, two counts that do not swing with the
machine's load as CPU time does: context switches (wait4's rusage) and the TCP segments each
destination's connection has sent two seconds before the end, with their mean size (`ss -ti`).

--baseline BINARY adds another shopcast build as a contender (an A/B of a change, interleaved).

--perf (fan-out mode) samples each run with `perf record` (499 Hz) and sums the samples by
library: the encoders (x264, libavcodec, libswscale ...), muxing and sending (libavformat), the
kernel, libc, the tool's own code. What each added destination costs is then read outside the
encoders, whose run-to-run swings are larger than a destination's whole cost (CPU and memory
are then the perf process's as well: read the groups).

--extras runs, besides ffmpeg and the plain go-live, go-live with a manifest (bench/control.py's
show: a card on screen) and with the manifest and an idle control API, to say what each adds.

--ffmpeg-thp-off runs ffmpeg with transparent huge pages disabled (prctl before exec), as go-live
disables them for itself: the comparison in equal conditions.
"""
import argparse
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import control  # noqa: E402  (its show manifest)
import lib  # noqa: E402


def ffmpeg_argv(src, url, seconds, fanout=None):
    if fanout:
        # One encode, N outputs: the tee muxer.
        slaves = "|".join(f"[f=flv:onfail=ignore:flvflags=no_duration_filesize]{u}" for u in fanout)
        return ffmpeg_argv(src, url, seconds)[:-5] + ["-f", "tee", slaves]
    return ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-re", "-i", src, "-t", str(seconds),
            "-map", "0:v:0", "-map", "0:a:0",
            "-vf", "scale=1280:720,fps=30", "-pix_fmt", "yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-profile:v", "high",
            "-b:v", "3000k", "-maxrate", "3000k", "-bufsize", "6000k", "-g", "60", "-keyint_min", "60",
            "-x264-params", "scenecut=0:open-gop=0:nal-hrd=cbr:force-cfr=1",
            "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
            "-f", "flv", "-flvflags", "no_duration_filesize", url]


def shopcast_argv(binary, src, url, seconds, fanout=None):
    targets = [a for u in (fanout or [url]) for a in ("-t", u)]
    return [binary, "go-live", "-q", "-i", src] + targets + ["--duration", f"{seconds}s",
            "--preset", "720p30", "--video-bitrate", "3000k", "--audio-bitrate", "128k", "--encoder-speed", "veryfast"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--ffmpeg-thp-off", action="store_true")
    ap.add_argument("--fanout", help="destination counts, e.g. 1,3,6")
    ap.add_argument("--clip", choices=sorted(lib.CLIPS), default="720p30")
    ap.add_argument("--extras", action="store_true")
    ap.add_argument("--baseline", help="another shopcast binary to run alongside (fan-out mode)")
    ap.add_argument("--perf", action="store_true", help="sample each run with perf, CPU by library (fan-out mode)")
    args = ap.parse_args()
    if args.fanout or args.extras or args.baseline or args.perf:
        return fanout_main(args, [int(n) for n in (args.fanout or "1").split(",")])
    binary = lib.shopcast_binary()
    src = lib.clip(args.clip, args.seconds + 10)
    ingest = lib.Ingest()
    results = {"shopcast": [], "ffmpeg": []}
    try:
        for run in range(args.runs):
            for tool in ("ffmpeg", "shopcast") if run % 2 else ("shopcast", "ffmpeg"):
                name = f"{tool}-{run}"
                url = ingest.url(name)
                argv = shopcast_argv(binary, src, url, args.seconds) if tool == "shopcast" else ffmpeg_argv(src, url, args.seconds)
                if tool == "ffmpeg" and args.ffmpeg_thp_off:
                    argv = lib.without_huge_pages(argv)
                m = lib.measure(argv)
                if m["status"] != 0:
                    raise SystemExit(f"{tool} failed ({m['status']}): {m['stderr']}")
                published = ingest.published.get(name)
                m["publish_s"] = None if published is None else published - m["start"]
                m["cpu_per_stream_s"] = m["cpu"] / args.seconds
                results[tool].append(m)
                print(f"{name:12} cpu/stream-s {m['cpu_per_stream_s']:.3f} (user {m['user']:.2f} s, sys {m['sys']:.2f} s)  peak {m['rss_mib']:.1f} MiB  "
                      f"publish {m['publish_s'] if m['publish_s'] is None else round(m['publish_s'], 3)} s", flush=True)
    finally:
        ingest.close()

    def med(tool, key):
        values = [r[key] for r in results[tool] if r[key] is not None]
        return statistics.median(values) if values else float("nan")

    summary = {
        "machine": lib.machine(), "seconds": args.seconds, "runs": args.runs, "ffmpeg_thp_off": args.ffmpeg_thp_off,
        "shopcast": {k: med("shopcast", k) for k in ("cpu_per_stream_s", "rss_mib", "publish_s")},
        "ffmpeg": {k: med("ffmpeg", k) for k in ("cpu_per_stream_s", "rss_mib", "publish_s")},
    }
    summary["ratio"] = {k: summary["shopcast"][k] / summary["ffmpeg"][k] for k in ("cpu_per_stream_s", "rss_mib", "publish_s")}
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)


# Library groups for --perf: the encoders first, so libavutil's share goes with them.
PERF_GROUPS = [("encoders", ("libx264", "libavcodec", "libswscale", "libswresample", "libavutil", "libavfilter"))] \
    + lib.PERF_SENDING_AND_SYSTEM


def outside(m):
    """CPU seconds of a --perf run spent outside the encoders."""
    return sum(v for g, v in m["perf"].items() if g != "encoders")


def fanout_main(args, counts):
    binary = lib.shopcast_binary()
    work = os.path.join(lib.ROOT, "bench", "out")
    src = lib.clip(args.clip, args.seconds + 10)
    manifest = os.path.join(work, "golive-extras.yaml")
    with open(manifest, "w") as f:
        f.write(control.MANIFEST)
    # go-live alone, then what a manifest and an idle control API add (--extras).
    variants = {"shopcast": []}
    if args.extras:
        variants["shopcast+manifest"] = ["--manifest", manifest]
        variants["shopcast+manifest+control"] = ["--manifest", manifest, "--control", "PORT"]
    if args.baseline:
        variants["shopcast-baseline"] = []
    tools = list(variants) + ["ffmpeg"]
    ingest = lib.Ingest()
    results = {(tool, n): [] for tool in tools for n in counts}
    try:
        for run in range(args.runs):
            for n in counts:
                shift = (run + n) % len(tools)
                for tool in tools[shift:] + tools[:shift]:
                    name = f"{tool.replace('+', '-')}-{n}-{run}"
                    urls = [ingest.url(f"{name}-{k}") for k in range(n)]
                    if tool == "ffmpeg":
                        argv = ffmpeg_argv(src, None, args.seconds, fanout=urls)
                        if args.ffmpeg_thp_off:
                            argv = lib.without_huge_pages(argv)
                    else:
                        extra = [str(lib.free_port()) if a == "PORT" else a for a in variants[tool]]
                        chosen = args.baseline if tool == "shopcast-baseline" else binary
                        argv = shopcast_argv(chosen, src, None, args.seconds, fanout=urls) + extra
                    data = os.path.join(work, f"perf-{name}.data")
                    # The kernel's count of TCP segments sent, two seconds before the end (perf
                    # runs its own process in between: not counted then).
                    probe = None if args.perf else (args.seconds - 2, lib.tcp_sent)
                    m = lib.measure(lib.perf_record(argv, data) if args.perf else argv, probe=probe)
                    if m["status"] != 0:
                        raise SystemExit(f"{tool} failed ({m['status']}): {m['stderr']}")
                    if args.perf:
                        program = "ffmpeg" if tool == "ffmpeg" else os.path.basename(chosen)
                        m["perf"] = lib.perf_groups(data, PERF_GROUPS + [("own code", (program,))])
                        os.remove(data)
                    missing = [k for k in range(n) if f"{name}-{k}" not in ingest.published]
                    if missing:
                        raise SystemExit(f"{name}: the ingest never saw streams {missing} published")
                    m["cpu_per_stream_s"] = m["cpu"] / args.seconds
                    if m["probe"]:
                        connections, segments, sent = m["probe"]
                        if connections != n:
                            raise SystemExit(f"{name}: ss saw {connections} connections of the {n} destinations")
                        m["segments_per_destination_s"] = segments / n / (args.seconds - 2)
                        m["bytes_per_segment"] = sent / segments
                    results[(tool, n)].append(m)
                    print(f"{name:34} cpu/stream-s {m['cpu_per_stream_s']:.3f}  peak {m['rss_mib']:.1f} MiB  "
                          f"switches {m['switches']}" + (f"  outside the encoders {outside(m):.3f} CPU s" if args.perf else
                                                         f"  TCP segments/s a destination {m['segments_per_destination_s']:.0f} "
                                                         f"({m['bytes_per_segment']:.0f} bytes each)"),
                          flush=True)
    finally:
        ingest.close()

    def med(tool, n, key):
        return statistics.median(r[key] for r in results[(tool, n)])

    def med_outside(tool, n):
        return statistics.median(outside(r) for r in results[(tool, n)])

    if args.perf:
        for n in counts:
            for tool in tools:
                groups = {g: round(statistics.median(r["perf"][g] for r in results[(tool, n)]), 3) for g in results[(tool, n)][0]["perf"]}
                print(f"{tool} x{n}: CPU s by library (medians): {groups}")

    table = []
    for n in counts:
        row = {"destinations": n}
        for tool in tools:
            row[tool] = {"cpu_s": med(tool, n, "cpu"), "cpu_per_stream_s": med(tool, n, "cpu_per_stream_s"),
                         "rss_mib": med(tool, n, "rss_mib"), "switches": med(tool, n, "switches"),
                         "segments_per_destination_s": None if args.perf else med(tool, n, "segments_per_destination_s"),
                         "bytes_per_segment": None if args.perf else med(tool, n, "bytes_per_segment"),
                         "rss_range": [min(r["rss_mib"] for r in results[(tool, n)]), max(r["rss_mib"] for r in results[(tool, n)])]}
        row["ratio"] = {k: row["shopcast"][k] / row["ffmpeg"][k] for k in ("cpu_per_stream_s", "rss_mib")}
        # Per-round pairs, shopcast over ffmpeg: steadier than a ratio of medians on a busy machine.
        row["paired_cpu_ratio"] = statistics.median(
            a["cpu"] / b["cpu"] for a, b in zip(results[("shopcast", n)], results[("ffmpeg", n)]))
        for tool in tools[1:-1]:
            row[tool]["adds_over_shopcast"] = {k: row[tool][k] - row["shopcast"][k] for k in ("cpu_per_stream_s", "rss_mib")}
        table.append(row)
    first = table[0]
    for row in table[1:]:
        extra = row["destinations"] - first["destinations"]
        row["cpu_s_per_added_destination"] = {
            tool: (row[tool]["cpu_s"] - first[tool]["cpu_s"]) / extra for tool in tools}
        # Context switches are counted, not sampled: the steady measure of the wake-ups each
        # destination adds where CPU time drowns in the machine's noise.
        row["switches_per_added_destination_per_stream_s"] = {
            tool: (row[tool]["switches"] - first[tool]["switches"]) / extra / args.seconds for tool in tools}
        if args.perf:
            row["outside_encoders_cpu_s_per_added_destination"] = {
                tool: (med_outside(tool, row["destinations"]) - med_outside(tool, first["destinations"])) / extra for tool in tools}
    summary = {"machine": lib.machine(), "clip": args.clip, "seconds": args.seconds, "runs": args.runs, "fanout": table}
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
