#!/usr/bin/env python3
"""One show in two shapes: go-live with two renditions against the ffmpeg CLI doing the same job.

Every contender reads the same 1280x720 30 fps file at its real pace and publishes a 1280x720
and a 720x1280 (centre crop) stream, each H.264 3 Mb/s CBR-like, veryfast, zerolatency, a
keyframe every 2 s, with AAC 128k 48 kHz stereo, to two streams of a local nginx-rtmp ingest:
- shopcast: `go-live -t URL1 -t vertical:URL2` (decode once, two renditions, AAC encoded once);
- ffmpeg, one process: decode once, `split`, crop + scale, two libx264 encodes, AAC encoded once,
  both FLV outputs through the tee muxer;
- ffmpeg, two processes: one full ffmpeg per shape, run at the same time (CPU and peak memory
  summed).
Reported: CPU seconds per stream second and peak RSS (wait4), medians over the runs, and the
ratios of shopcast to each.

With --perf, shopcast and the one ffmpeg process are sampled by `perf record` (499 Hz) and the
samples summed by library: x264, the rest of the codecs (decoding, scaling, AAC), muxing and
sending, the kernel, libc, the tool's own code. Both make the same two x264 encodes, whose time
swings with the machine by more than the whole gap; what each spends besides x264 does not.
(The two-process contender is left out then; CPU and memory are perf's too: read the groups.)

Usage: bench/renditions.py [--seconds 20] [--runs 3] [--json out.json] [--perf]
"""
import argparse
import json
import os
import statistics
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib  # noqa: E402

X264 = ["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-profile:v", "high", "-pix_fmt", "yuv420p",
        "-b:v", "3000k", "-maxrate", "3000k", "-bufsize", "6000k", "-g", "60", "-keyint_min", "60",
        "-x264-params", "scenecut=0:open-gop=0:nal-hrd=cbr:force-cfr=1"]
AAC = ["-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2"]
WIDE = "scale=1280:720,fps=30"
TALL = "crop=ih*9/16:ih,scale=720:1280,fps=30"
# Library groups for --perf (first match wins); the tool's own code is added per run.
PERF_GROUPS = [("x264", ("libx264",)),
               ("other codecs", ("libavcodec", "libswscale", "libswresample", "libavutil", "libavfilter"))] + lib.PERF_SENDING_AND_SYSTEM


def head(src, seconds):
    return ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-re", "-i", src, "-t", str(seconds)]


def ffmpeg_one(src, wide_url, tall_url, seconds):
    graph = f"[0:v]split=2[a][b];[a]{WIDE}[wide];[b]{TALL}[tall]"
    # Both shapes' streams and one AAC stream into the tee muxer: each FLV output takes its
    # picture and the shared sound, as go-live's writers do.
    tee = f"[select=\\'v:0,a\\':f=flv:flvflags=no_duration_filesize]{wide_url}|[select=\\'v:1,a\\':f=flv:flvflags=no_duration_filesize]{tall_url}"
    return head(src, seconds) + ["-filter_complex", graph, "-map", "[wide]", "-map", "[tall]", "-map", "0:a:0"] + X264 + AAC + [
        "-f", "tee", tee]


def ffmpeg_single(src, url, chain, seconds):
    return head(src, seconds) + ["-map", "0:v:0", "-map", "0:a:0", "-vf", chain] + X264 + AAC + [
        "-f", "flv", "-flvflags", "no_duration_filesize", url]


def shopcast_argv(binary, src, wide_url, tall_url, seconds):
    return [binary, "go-live", "-q", "-i", src, "-t", wide_url, "-t", "vertical:" + tall_url, "--duration", f"{seconds}s",
            "--preset", "720p30", "--video-bitrate", "3000k", "--audio-bitrate", "128k", "--encoder-speed", "veryfast"]


def measure_together(argvs):
    """Runs several commands at once; their CPU and peak memory summed."""
    results = [None] * len(argvs)

    def run(i):
        results[i] = lib.measure(argvs[i])
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(argvs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    bad = [r for r in results if r["status"] != 0]
    return {"cpu": sum(r["cpu"] for r in results), "rss_mib": sum(r["rss_mib"] for r in results),
            "status": bad[0]["status"] if bad else 0, "stderr": bad[0]["stderr"] if bad else ""}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--perf", action="store_true", help="sample shopcast and one ffmpeg with perf, CPU by library")
    args = ap.parse_args()
    binary = lib.shopcast_binary()
    work = os.path.join(lib.ROOT, "bench", "out")
    os.makedirs(work, exist_ok=True)
    src = lib.clip("720p30", args.seconds + 10)
    ingest = lib.Ingest()
    tools = ("shopcast", "ffmpeg-one") if args.perf else ("shopcast", "ffmpeg-one", "ffmpeg-two")
    results = {t: [] for t in tools}
    try:
        for run in range(args.runs):
            order = tools[run % len(tools):] + tools[:run % len(tools)]
            for tool in order:
                name = f"{tool}-{run}"
                wide, tall = ingest.url(name + "-wide"), ingest.url(name + "-tall")
                data = os.path.join(work, f"perf-{name}.data")
                sampled = (lambda argv: lib.perf_record(argv, data)) if args.perf else (lambda argv: argv)
                if tool == "shopcast":
                    m = lib.measure(sampled(shopcast_argv(binary, src, wide, tall, args.seconds)))
                elif tool == "ffmpeg-one":
                    m = lib.measure(sampled(ffmpeg_one(src, wide, tall, args.seconds)))
                else:
                    m = measure_together([ffmpeg_single(src, wide, WIDE, args.seconds), ffmpeg_single(src, tall, TALL, args.seconds)])
                if m["status"] != 0:
                    raise SystemExit(f"{tool} failed ({m['status']}): {m['stderr']}")
                missing = [s for s in (name + "-wide", name + "-tall") if s not in ingest.published]
                if missing:
                    raise SystemExit(f"{tool}: the ingest never saw {missing} published")
                m["cpu_per_stream_s"] = m["cpu"] / args.seconds
                if args.perf:
                    own = os.path.basename(binary) if tool == "shopcast" else "ffmpeg"
                    m["perf"] = lib.perf_groups(data, PERF_GROUPS + [("own code", (own,))])
                    os.remove(data)
                    m["besides_x264"] = sum(v for g, v in m["perf"].items() if g != "x264")
                results[tool].append(m)
                print(f"{name:14} cpu/stream-s {m['cpu_per_stream_s']:.3f}  peak {m['rss_mib']:.1f} MiB"
                      + (f"  x264 {m['perf']['x264']:.2f} CPU s, besides {m['besides_x264']:.3f}" if args.perf else ""), flush=True)
    finally:
        ingest.close()

    def med(tool, key):
        return statistics.median(r[key] for r in results[tool])

    summary = {"machine": lib.machine(), "seconds": args.seconds, "runs": args.runs}
    for tool in tools:
        summary[tool] = {k: med(tool, k) for k in ("cpu_per_stream_s", "rss_mib")}
    summary["ratio"] = {
        f"shopcast/{other}": {k: summary["shopcast"][k] / summary[other][k] for k in ("cpu_per_stream_s", "rss_mib")}
        for other in tools[1:]
    }
    if args.perf:
        for tool in tools:
            summary[tool]["perf"] = {g: statistics.median(r["perf"][g] for r in results[tool]) for g in results[tool][0]["perf"]}
            summary[tool]["besides_x264"] = med(tool, "besides_x264")
            summary[tool]["besides_x264_range"] = [min(r["besides_x264"] for r in results[tool]),
                                                   max(r["besides_x264"] for r in results[tool])]
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
