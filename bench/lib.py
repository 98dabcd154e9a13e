"""Shared pieces of shopcast's benchmarks: a local nginx-rtmp ingest that timestamps each publish,
child processes measured with wait4 (CPU time and peak RSS of that process alone), machine facts."""
import http.server
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shopcast_binary():
    """Builds the release binary the way users get it (scripts/build-release) and returns it."""
    subprocess.run([os.path.join(ROOT, "scripts", "build-release")], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "shopcast")


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    ffmpeg = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.splitlines()[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mib": mem, "kernel": platform.release(),
            "ffmpeg": ffmpeg, "date": time.strftime("%Y-%m-%d")}


class Ingest:
    """nginx with Debian's RTMP module on a free port; on_publish is posted to a local HTTP server
    that records when each stream name started publishing (the independent clock for 'publish').
    With `record`, every publish is also recorded (record_unique) into `records`; `kill()` and
    `start()` take the ingest down and bring it back on the same port."""

    def __init__(self, record=False, name="bench"):
        self.dir = tempfile.mkdtemp(prefix=f"shopcast-{name}-")
        self.port = free_port()
        self.http_port = free_port()
        self.published = {}
        self.records = os.path.join(self.dir, "records")
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                now = time.time()
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                fields = dict(p.split("=", 1) for p in body.split("&") if "=" in p)
                outer.published.setdefault(fields.get("name", "?"), now)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", self.http_port), Handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        recording = ""
        if record:
            os.makedirs(self.records)
            recording = f"record all;\n      record_path {self.records};\n      record_unique on;"
        conf = f"""
load_module /usr/share/nginx/modules/ngx_rtmp_module.so;
daemon off;
master_process off;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 64; }}
rtmp {{
  server {{
    listen 127.0.0.1:{self.port};
    application live {{
      live on;
      on_publish http://127.0.0.1:{self.http_port}/publish;
      {recording}
    }}
  }}
}}
"""
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write(conf)
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen(["nginx", "-p", self.dir, "-c", os.path.join(self.dir, "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("nginx did not start")

    def kill(self):
        self.proc.kill()
        self.proc.wait()

    def url(self, name, port=None):
        return f"rtmp://127.0.0.1:{port or self.port}/live/{name}"

    def recordings(self, name):
        """The .flv files recorded for stream `name`, oldest first."""
        files = [os.path.join(self.records, f) for f in os.listdir(self.records) if f.startswith(name + "-")]
        return sorted(files, key=os.path.getmtime)

    def close(self):
        if self.proc.poll() is None:
            self.kill()
        self.http.shutdown()
        shutil.rmtree(self.dir, ignore_errors=True)


def without_huge_pages(argv):
    """argv run with transparent huge pages disabled for that process (PR_SET_THP_DISABLE, which
    survives exec): the setting go-live applies to itself. wait4 still measures the program."""
    return [sys.executable, "-c",
            "import ctypes, os, sys; ctypes.CDLL(None).prctl(41, 1, 0, 0, 0); os.execvp(sys.argv[1], sys.argv[1:])"] + argv


def tcp_sent(pid):
    """What the TCP connections of process `pid` have sent so far, by the kernel's counters
    (`ss -ti`): (connections, segments, bytes)."""
    out = subprocess.run(["ss", "-tinpH", "state", "established"], capture_output=True, text=True).stdout.splitlines()
    connections = segments = sent = 0
    for line, info in zip(out, out[1:]):
        if f"pid={pid}," not in line:
            continue
        segs = re.search(r"\bsegs_out:(\d+)", info)
        size = re.search(r"\bbytes_sent:(\d+)", info)
        if segs and size:
            connections += 1
            segments += int(segs.group(1))
            sent += int(size.group(1))
    return connections, segments, sent


def measure(argv, env=None, timeout=600, probe=None):
    """Runs argv to completion; returns wall start, CPU seconds (user+sys), peak RSS in MiB and
    context switches (voluntary: a thread waited; involuntary: it was preempted) of that process
    alone (wait4's rusage), and the exit status. probe=(SECONDS, FUNCTION): once, that long
    after the start, FUNCTION(pid) is called while the process runs; its answer is "probe" in
    the result."""
    start = time.time()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + timeout
    probed = None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if probe and probed is None and time.time() - start >= probe[0]:
            probed = probe[1](proc.pid)
        if time.time() > deadline:
            proc.kill()
        time.sleep(0.01)
    err = proc.stderr.read().decode(errors="replace")
    return {"start": start, "cpu": usage.ru_utime + usage.ru_stime, "user": usage.ru_utime, "sys": usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
            "switches": usage.ru_nvcsw + usage.ru_nivcsw, "probe": probed, "status": os.waitstatus_to_exitcode(status), "stderr": err[-2000:]}


def perf_record(argv, data, hz=499):
    """argv sampled by `perf record` at `hz` into the file `data` (read it with perf_groups)."""
    return ["perf", "record", "-q", "-F", str(hz), "-o", data, "--"] + argv


# Library groups go-live's and the renditions' --perf share, after their codec groups.
PERF_SENDING_AND_SYSTEM = [("muxing and sending", ("libavformat",)), ("kernel", ("[kernel",)),
                           ("libc", ("libc.so", "libm.so", "ld-linux"))]


def perf_groups(data, groups, hz=499):
    """Seconds of CPU per library group in a perf.data file: groups is [(name, (substrings of a
    library's path, ...))], first match wins; what matches none is "other"."""
    out = subprocess.run(["perf", "report", "-i", data, "--sort", "dso", "--stdio", "-n", "-q"],
                         capture_output=True, text=True).stdout
    seconds = {name: 0.0 for name, _ in groups}
    seconds["other"] = 0.0
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 3 or not fields[0].endswith("%"):
            continue
        samples, dso = int(fields[1]), " ".join(fields[2:])
        name = next((g for g, keys in groups if any(k in dso for k in keys)), "other")
        seconds[name] += samples / hz
    return seconds


def make_input(path, seconds, size="1280x720", rate=30, surround=False):
    """A mezzanine file both tools read: moving pattern + tone, H.264/AAC (stereo, or 5.1 with a
    tone of its own on each channel)."""
    if os.path.exists(path):
        return
    if surround:
        tones = "|".join(f"0.3*sin({f}*2*PI*t)" for f in (440, 550, 660, 110, 770, 880))
        audio = ["-f", "lavfi", "-i", f"aevalsrc={tones}:channel_layout=5.1:sample_rate=48000", "-ac", "6", "-b:a", "384k"]
    else:
        audio = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-ac", "2", "-b:a", "192k"]
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate={rate}"] + audio[:4] +
                   ["-t", str(seconds), "-c:v", "libx264", "-preset", "veryfast", "-b:v", "6M", "-g", str(rate * 2), "-pix_fmt", "yuv420p",
                    "-c:a", "aac"] + audio[4:] + [path], check=True)


# The clips go-live's benchmarks can read: name -> (size, frame rate, 5.1 sound).
CLIPS = {"720p30": ("1280x720", 30, False), "720p25-5.1": ("1280x720", 25, True)}


def clip(name, seconds):
    """The path of clip `name` (CLIPS), made on first use under bench/out."""
    size, rate, surround = CLIPS[name]
    work = os.path.join(ROOT, "bench", "out")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, f"input-{name}.mp4")
    if os.path.exists(path) and float(subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
            capture_output=True, text=True).stdout or 0) < seconds:
        os.remove(path)
    make_input(path, seconds, size=size, rate=rate, surround=surround)
    return path
