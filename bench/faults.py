#!/usr/bin/env python3
"""A show through the faults a live show meets, measured from outside.

shopcast go-live relays a studio feed (the ffmpeg CLI publishing a flash-and-beep source to a
local nginx-rtmp "feed server") for --seconds (default 300) to three places at once:
  direct  an nginx-rtmp ingest that records what it receives;
  slow    the same ingest behind a throttled TCP relay (--slow-kbps, default 1000 kb/s for a
          3 Mb/s stream) whose receive buffer is kept small, as behind a real slow uplink;
  local   a recording on disk.
Faults, at fixed fractions of the show: the feed's publisher stops for 6 s (at 20 %) and for 2 s
(at 45 %); the ingest is killed and restarted 5 s later (at 65 %). Reported, from the files the
ingest and shopcast wrote (decoded by ffmpeg/ffprobe) and shopcast's events:
  frames delivered per destination (of seconds x 30), slate seconds, the slow destination's worst
  lag (its own stats, and from the ingest's copy), the worst audio-video offset of the recording
  (flash against beep, every second).

Usage: bench/faults.py [--seconds 300] [--slow-kbps 1000] [--json out.json]
"""
import argparse
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib  # noqa: E402

FLASH_BEEP = ["-f", "lavfi", "-i", "color=black:size=640x360:rate=30,drawbox=c=white:t=fill:enable='lt(mod(t\\,1)\\,0.03)'",
              "-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t\\,1)\\,0.03)\\,sin(2*PI*1000*t)\\,0)':s=48000"]


class SlowLink:
    """A TCP relay to `target` carrying the client's bytes at `rate` bytes/s (token bucket, 10 ms
    ticks), the server's at full speed; a small receive buffer so the backlog stays at the sender."""

    def __init__(self, target, rate):
        self.target, self.rate = target, rate
        self.port = lib.free_port()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(4)
        self.stopped = False
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while not self.stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                client.close()
                continue
            threading.Thread(target=self.pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self.pump, args=(server, client, False), daemon=True).start()

    def pump(self, src, dst, limited):
        per_tick = max(1, int(self.rate * 0.01))
        allowance, next_tick = 0, time.monotonic()
        try:
            while not self.stopped:
                size = 16384
                if limited:
                    now = time.monotonic()
                    if now >= next_tick:
                        allowance = min(2 * per_tick, allowance + per_tick)
                        next_tick = now + 0.01
                    if allowance <= 0:
                        time.sleep(max(0, next_tick - time.monotonic()))
                        continue
                    size = allowance
                data = src.recv(size)
                if not data:
                    break
                dst.sendall(data)
                if limited:
                    allowance -= len(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def close(self):
        self.stopped = True
        self.listener.close()


def publisher(url, seconds, log):
    return subprocess.Popen(["ffmpeg", "-nostdin", "-v", "error", "-re"] + FLASH_BEEP + [
        "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30",
        "-c:a", "aac", "-b:a", "128k", "-f", "flv", url], stdout=subprocess.DEVNULL, stderr=log)


def packet_times(path, stream):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", stream, "-show_entries", "packet=pts_time", "-of", "csv=p=0", path],
                         capture_output=True, text=True).stdout
    return [float(x.strip(", ")) for x in out.split() if x.strip(", ") and x.strip(", ") != "N/A"]


def video_times(path):
    return packet_times(path, "v:0")


def audio_times(path):
    return packet_times(path, "a:0")


def av_offsets(path):
    """Beep minus flash, for every flash of the file with a beep within half a second."""
    w, h = 64, 36
    pictures = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-map", "0:v:0", "-fps_mode", "passthrough",
                               "-vf", f"scale={w}:{h},format=gray", "-f", "rawvideo", "-"], capture_output=True).stdout
    times = video_times_decoded(path)
    flashes, lit = [], False
    for i, t in enumerate(times):
        frame = pictures[i * w * h:(i + 1) * w * h]
        if len(frame) < w * h:
            break
        bright = sum(frame) / len(frame) > 128
        if bright and not lit:
            flashes.append(t)
        lit = bright
    pcm = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-map", "0:a:0", "-ac", "1", "-ar", "48000",
                          "-f", "s16le", "-"], capture_output=True).stdout
    start = audio_times(path)[0] if audio_times(path) else 0.0
    samples = struct.unpack(f"<{len(pcm) // 2}h", pcm[:len(pcm) // 2 * 2])
    beeps, last_loud = [], -1e9
    for i, s in enumerate(samples):
        if abs(s) > 3000:
            t = start + i / 48000
            if t - last_loud > 0.3:
                beeps.append(t)
            last_loud = t
    offsets = []
    for f in flashes:
        near = min(beeps, key=lambda b: abs(b - f), default=None)
        if near is not None and abs(near - f) < 0.5:
            offsets.append(near - f)
    return flashes, offsets


def video_times_decoded(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of", "csv=p=0", path],
                         capture_output=True, text=True).stdout
    return [float(x.strip(", ")) for x in out.split() if x.strip(", ") and x.strip(", ") != "N/A"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=300)
    ap.add_argument("--slow-kbps", type=int, default=1000)
    ap.add_argument("--json")
    args = ap.parse_args()
    T = args.seconds
    binary = lib.shopcast_binary()
    work = tempfile.mkdtemp(prefix="shopcast-faults-")
    feeds, ingest = lib.Ingest(record=True, name="faults-feeds"), lib.Ingest(record=True, name="faults-ingest")
    slow = SlowLink(ingest.port, args.slow_kbps * 1000 // 8)
    log = open(os.path.join(work, "publisher.log"), "w")
    feed = feeds.url("studio")
    pub = publisher(feed, T + 60, log)
    time.sleep(3)
    local = os.path.join(work, "show.mkv")
    events = os.path.join(work, "events.jsonl")
    show = subprocess.Popen([binary, "go-live", "-q", "-i", feed, "--duration", f"{T}s", "--preset", "720p30",
                             "--video-bitrate", "3000k", "--encoder-speed", "veryfast",
                             "-t", ingest.url("direct"), "-t", ingest.url("slow", port=slow.port), "-t", local, "--events", events],
                            stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "shopcast.stderr"), "w"))
    started = time.time()
    faults = [(0.20, "feed", 6), (0.45, "feed", 2), (0.65, "ingest", 5)]
    timeline = []
    try:
        for at, kind, length in faults:
            time.sleep(max(0, started + at * T - time.time()))
            timeline.append({"at": round(time.time() - started, 1), "fault": kind, "seconds": length})
            print(f"{time.time() - started:6.1f} s: {kind} down for {length} s", flush=True)
            if kind == "feed":
                pub.send_signal(signal.SIGKILL)
                pub.wait()
                time.sleep(length)
                pub = publisher(feed, T + 60, log)
            else:
                ingest.kill()
                time.sleep(length)
                ingest.start()
        status = show.wait(timeout=T + 120)
    finally:
        pub.kill()
        slow.close()
    took = time.time() - started

    records = [json.loads(line) for line in open(events) if line.strip()]
    slate = sum(e.get("seconds", 0) for e in records if e["event"] == "slate.end")
    worst_reported = 0.0
    for e in records:
        if e["event"] == "stats":
            for d in e["destinations"]:
                if f":{slow.port}/" in d["destination"]:
                    worst_reported = max(worst_reported, d["lag"])
    expected = T * 30

    def delivered(paths):
        return sum(len(video_times(p)) for p in paths)

    def sound_end(paths):
        ends = [max(audio_times(p) or [0]) for p in paths]
        return max(ends) if ends else 0

    flashes, offsets = av_offsets(local)
    summary = {
        "machine": lib.machine(), "seconds": T, "slow_kbps": args.slow_kbps, "faults": timeline,
        "exit_status": status, "wall_s": round(took, 1),
        "frames": {"expected": expected, "local": len(video_times(local)), "direct": delivered(ingest.recordings("direct")),
                   "slow": delivered(ingest.recordings("slow"))},
        "ingest_recordings": {"direct": len(ingest.recordings("direct")), "slow": len(ingest.recordings("slow"))},
        "slate_s": round(slate, 2),
        "slow_worst_lag_reported_s": worst_reported,
        "slow_sound_end_s": round(sound_end(ingest.recordings("slow")[-1:]), 2),
        "av_offset_ms": {"flashes": len(flashes), "measured": len(offsets),
                         "worst": round(max((abs(o) for o in offsets), default=float("nan")) * 1000, 1),
                         "median": round(sorted(offsets)[len(offsets) // 2] * 1000, 1) if offsets else None},
        "work": work,
    }
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)
    feeds.close()
    ingest.close()


if __name__ == "__main__":
    main()
