#!/usr/bin/env python3
"""What the control plane costs a running show: go-live with a manifest, without --control,
with the control API idle, and with it answering 50 requests a second, side by side in one
run (modes interleaved).

All read the same 1280x720 30 fps file at its real pace, encode it with the same settings as
bench/golive.py and publish FLV to the same local nginx-rtmp ingest, with the same manifest
(three products, a scheduled offer and two on cue). Under load, a separate process sends 50
requests a second, --mix typical (the default): of every 50, 48 GET /v1/state (a dashboard
polling), one GET /metrics (a scrape), one command (a stock sale or restock, a banner);
--mix heavy: of every 10, 8 GET /v1/state, one GET /metrics, one command (five commands a
second, each re-rendering the card). Either over one kept-alive connection (a script, a shop
backend's HTTP client) or each on a new connection (the worst case: a client that never
reuses one). Reported: CPU
seconds per stream second and peak RSS of go-live alone (wait4), and the deltas against the
run without --control.

With --per-request, it measures instead what one request costs: a tiny show (160x96, 5 fps,
whose own CPU is small and steady) answers 200 requests a second of one kind (GET /health,
GET /v1/state, GET /metrics, POST a sale), kept-alive or on new connections, against the same
show idle; the CPU difference over the requests answered.

With --server-floor, the same per-request measure of nginx (Debian's, one process, access log
off) answering the same 200 requests a second with a JSON body the size of a /v1/state answer:
what a request costs the cheapest HTTP server this machine has, the kernel's loopback and
thread wake-ups included, which no API built on it can go under.

Usage: bench/control.py [--seconds 20] [--runs 3] [--rate 50] [--mix typical|heavy] [--per-request] [--server-floor] [--json out.json]
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib  # noqa: E402

MANIFEST = """show:
  title: Bench show
  locale: en-US
  currency: EUR
products:
  scarf:
    name: Silk scarf
    price: 39.90
    url: https://shop.example/scarf
  bag:
    name: Leather bag
    price: 129
  gloves:
    name: Wool gloves
    price: 24.50
offers:
  - product: scarf
    at: 2s
    for: 1h
    discount: 20%
    code: SILK20
    quantity: 100000
  - product: bag
    for: 2m
    price: 89
  - product: gloves
    for: 1m
"""


class Load:
    """Sends `rate` requests a second to the control API until stopped; counts the answers."""

    def __init__(self, port, rate, keep, only=None, mix="typical"):
        self.port, self.rate, self.keep, self.only, self.mix = port, rate, keep, only, mix
        self.connection = None
        self.stop = threading.Event()
        self.counts = {}
        self.latencies = []
        self.thread = threading.Thread(target=self.run, daemon=True)

    def request(self, method, path, body=None):
        started = time.time()
        try:
            if self.connection is None or not self.keep:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            c = self.connection
            c.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
            r = c.getresponse()
            r.read()
            if not self.keep:
                c.close()
            key = str(r.status)
        except Exception as e:  # noqa: BLE001 - counted, not fatal
            key = type(e).__name__
            self.connection = None
        self.counts[key] = self.counts.get(key, 0) + 1
        self.latencies.append(time.time() - started)

    def run(self):
        n = 0
        start = time.time()
        # typical: per 50 requests, 48 state polls, one scrape, one command; heavy: per 10, 8 state
        # polls, one scrape, one command (at 50/s, five commands a second).
        period = 50 if self.mix == "typical" else 10
        while not self.stop.is_set():
            slot = n % period
            if self.only:
                method, path, body = self.only
                self.request(method, path, body)
            elif slot < period - 2:
                self.request("GET", "/v1/state")
            elif slot == period - 2:
                self.request("GET", "/metrics")
            elif (n // period) % 3 == 0:
                self.request("POST", "/v1/stock/scarf/sold", b'{"units": 1}')
            elif (n // period) % 3 == 1:
                self.request("POST", "/v1/stock/scarf/restock", b'{"units": 1}')
            else:
                self.request("POST", "/v1/banners", b'{"text": "Free shipping tonight", "for": 2}')
            n += 1
            wait = start + n / self.rate - time.time()
            if wait > 0:
                self.stop.wait(wait)


def per_request(binary, work, args):
    """CPU per request of each kind, on a tiny show."""
    manifest = os.path.join(work, "control-bench.yaml")
    kinds = [("health", ("GET", "/health", None)), ("state", ("GET", "/v1/state", None)),
             ("metrics", ("GET", "/metrics", None)), ("sale", ("POST", "/v1/stock/scarf/sold", b'{"units": 1}'))]
    rate = 200
    results = {}
    for run in range(args.runs):
        for keep in (True, False):
            idle = None
            for name, request in [("idle", None)] + kinds:
                port = lib.free_port()
                recording = os.path.join(work, "per-request.mkv")
                argv = [binary, "go-live", "-q", "-t", recording, "--duration", f"{args.seconds}s", "--size", "160x96",
                        "--fps", "5", "--encoder-speed", "ultrafast", "--manifest", manifest, "--control", str(port)]
                load = Load(port, rate, keep=keep, only=request) if request else None
                if load:
                    threading.Timer(1.5, load.thread.start).start()
                m = lib.measure(argv)
                if load:
                    load.stop.set()
                    load.thread.join(timeout=5)
                os.remove(recording)
                if m["status"] != 0:
                    raise SystemExit(f"per-request {name} failed: {m['stderr']}")
                if request is None:
                    idle = m["cpu"]
                    continue
                answered = sum(v for k, v in load.counts.items() if k.startswith("2"))
                key = f"{name} ({'kept-alive' if keep else 'new connection'})"
                cost = (m["cpu"] - idle) / max(1, answered) * 1000
                results.setdefault(key, []).append(cost)
                print(f"{key:32} {cost:.3f} ms CPU per request ({answered} answered)", flush=True)
    return {k: statistics.median(v) for k, v in results.items()}


def server_floor(work, args):
    """CPU per request of nginx answering a state-sized JSON body, against nginx idle."""
    prefix = os.path.join(work, "nginx-floor")
    os.makedirs(os.path.join(prefix, "logs"), exist_ok=True)
    body = json.dumps({"show": {"title": "x" * 40}, "pad": "y" * 2400})
    with open(os.path.join(prefix, "state.json"), "w") as f:
        f.write(body)
    results = {}
    for run in range(args.runs):
        for keep in (True, False):
            idle = None
            for loaded in (False, True):
                port = lib.free_port()
                conf = os.path.join(prefix, "nginx.conf")
                with open(conf, "w") as f:
                    f.write(f"""daemon off; master_process off; worker_processes 1; pid {prefix}/nginx.pid;
error_log stderr warn; events {{ worker_connections 256; }}
http {{ access_log off; default_type application/json;
  server {{ listen 127.0.0.1:{port}; root {prefix}; location / {{ try_files /state.json =404; }} }} }}
""")
                proc = subprocess.Popen(["nginx", "-p", prefix, "-c", conf, "-e", "stderr"], stderr=subprocess.PIPE)
                deadline = time.time() + 5
                while time.time() < deadline:
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                        break
                    except OSError:
                        time.sleep(0.05)
                load = Load(port, 200, keep=keep, only=("GET", "/v1/state", None)) if loaded else None
                if load:
                    load.thread.start()
                time.sleep(args.seconds)
                if load:
                    load.stop.set()
                    load.thread.join(timeout=5)
                proc.send_signal(signal.SIGQUIT)
                _, _, usage = os.wait4(proc.pid, 0)
                cpu = usage.ru_utime + usage.ru_stime
                if not loaded:
                    idle = cpu
                    continue
                answered = sum(v for k, v in load.counts.items() if k.startswith("2"))
                key = f"nginx, state-sized JSON ({'kept-alive' if keep else 'new connection'})"
                cost = (cpu - idle) / max(1, answered) * 1000
                results.setdefault(key, []).append(cost)
                print(f"{key:48} {cost:.3f} ms CPU per request ({answered} answered)", flush=True)
    return {k: statistics.median(v) for k, v in results.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rate", type=int, default=50)
    ap.add_argument("--mix", choices=["typical", "heavy"], default="typical")
    ap.add_argument("--per-request", action="store_true")
    ap.add_argument("--server-floor", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    work = os.path.join(lib.ROOT, "bench", "out")
    os.makedirs(work, exist_ok=True)
    if args.server_floor:
        print(json.dumps({"machine": lib.machine(), "ms_cpu_per_request": server_floor(work, args)}, indent=2))
        return
    binary = lib.shopcast_binary()
    src = lib.clip("720p30", args.seconds + 10)
    manifest = os.path.join(work, "control-bench.yaml")
    with open(manifest, "w") as f:
        f.write(MANIFEST)
    if args.per_request:
        summary = {"machine": lib.machine(), "ms_cpu_per_request": per_request(binary, work, args)}
        print(json.dumps(summary, indent=2))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(summary, f, indent=2)
        return
    ingest = lib.Ingest()
    modes = ["none", "idle", "keep-alive", "new-connections"]
    results = {m: [] for m in modes}
    served = {}
    try:
        for run in range(args.runs):
            order = modes[run % len(modes):] + modes[:run % len(modes)]
            for mode in order:
                name = f"control-{mode}-{run}"
                argv = [binary, "go-live", "-q", "-i", src, "-t", ingest.url(name), "--duration", f"{args.seconds}s",
                        "--preset", "720p30", "--video-bitrate", "3000k", "--audio-bitrate", "128k",
                        "--encoder-speed", "veryfast", "--manifest", manifest]
                load = None
                if mode != "none":
                    port = lib.free_port()
                    argv += ["--control", str(port)]
                    if mode in ("keep-alive", "new-connections"):
                        load = Load(port, args.rate, keep=mode == "keep-alive", mix=args.mix)
                        threading.Timer(1.5, load.thread.start).start()
                m = lib.measure(argv)
                if load:
                    load.stop.set()
                    load.thread.join(timeout=5)
                    for k, v in load.counts.items():
                        served[k] = served.get(k, 0) + v
                    m["requests"] = sum(load.counts.values())
                    m["slowest_answer_s"] = max(load.latencies) if load.latencies else None
                if m["status"] != 0:
                    raise SystemExit(f"{name} failed ({m['status']}): {m['stderr']}")
                m["cpu_per_stream_s"] = m["cpu"] / args.seconds
                results[mode].append(m)
                extra = f"  {m['requests']} requests, slowest {m['slowest_answer_s']:.3f} s" if load else ""
                print(f"{name:18} cpu/stream-s {m['cpu_per_stream_s']:.4f}  peak {m['rss_mib']:.1f} MiB{extra}", flush=True)
    finally:
        ingest.close()

    def med(mode, key):
        return statistics.median(r[key] for r in results[mode])

    base_cpu, base_rss = med("none", "cpu_per_stream_s"), med("none", "rss_mib")
    summary = {"machine": lib.machine(), "seconds": args.seconds, "runs": args.runs, "rate": args.rate, "mix": args.mix,
               "answers": served}
    for mode in modes:
        summary[mode] = {"cpu_per_stream_s": med(mode, "cpu_per_stream_s"), "rss_mib": med(mode, "rss_mib"),
                         "cpu_delta_pct": (med(mode, "cpu_per_stream_s") / base_cpu - 1) * 100,
                         "rss_delta_mib": med(mode, "rss_mib") - base_rss,
                         # each round runs every mode back to back: the median of the per-round
                         # ratios is less sensitive to the machine drifting between rounds
                         "cpu_delta_pct_paired": statistics.median(
                             (r["cpu_per_stream_s"] / b["cpu_per_stream_s"] - 1) * 100
                             for r, b in zip(results[mode], results["none"])),
                         "cpu_runs": [round(r["cpu_per_stream_s"], 4) for r in results[mode]],
                         "rss_runs": [round(r["rss_mib"], 1) for r in results[mode]]}
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)


if __name__ == "__main__":
    main()
