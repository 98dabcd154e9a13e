/// The Python checkers the end-to-end tests run (see `PythonChecker`).
enum PythonScripts {
    /// argv: URL TOKEN|- EVENT SECONDS. Prints "connected" once the handshake is done, then one
    /// JSON line: the event names received until EVENT (or the deadline), the close code, the
    /// handshake's status when it was refused, and the seconds it stayed connected.
    static let webSocketReader = #"""
import json, sys, time
from websockets.sync.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

url, token, want, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
headers = {} if token == "-" else {"Authorization": "Bearer " + token}
out = {"events": [], "close_code": None, "timed_out": False, "status": None, "connected_for": 0.0}
begun = time.time()
try:
    with connect(url, additional_headers=headers, open_timeout=seconds, close_timeout=2, proxy=None) as ws:
        print("connected", flush=True)
        deadline = time.time() + seconds
        while True:
            left = deadline - time.time()
            if left <= 0:
                out["timed_out"] = True
                break
            event = json.loads(ws.recv(timeout=left))
            out["events"].append(event["event"])
            if event["event"] == want:
                break
except ConnectionClosed as closed:
    out["close_code"] = closed.rcvd.code if closed.rcvd else None
except InvalidStatus as refused:
    out["status"] = refused.response.status_code
except TimeoutError:
    out["timed_out"] = True
out["connected_for"] = time.time() - begun
print(json.dumps(out), flush=True)
"""#

    /// argv: FILE. Parses Prometheus text with prometheus_client's own parser and prints
    /// {family: {"type": T, "samples": [[name, {labels}, value], …]}}; exit 1 if it does not parse.
    static let metricsParser = #"""
import json, sys
from prometheus_client.parser import text_string_to_metric_families

families = {}
for family in text_string_to_metric_families(open(sys.argv[1]).read()):
    families[family.name] = {"type": family.type,
                             "samples": [[s.name, s.labels, s.value] for s in family.samples]}
print(json.dumps(families))
"""#

    /// argv: FILE SECRET. FILE holds [{"headers": {…}, "body": "…"}, …]; each delivery is checked
    /// with the Standard Webhooks reference library. Prints one JSON list: true (verified) or the
    /// error's text, per delivery.
    static let webhookVerifier = #"""
import json, sys
from standardwebhooks import Webhook

deliveries = json.load(open(sys.argv[1]))
hook = Webhook(sys.argv[2])
results = []
for d in deliveries:
    try:
        hook.verify(d["body"].encode("utf-8"), d["headers"])
        results.append(True)
    except Exception as error:
        results.append(type(error).__name__ + ": " + str(error))
print(json.dumps(results))
"""#

    /// argv: PORT TOKEN SECONDS. Attacks the control API for SECONDS from many sides at once
    /// (hundreds of idle connections, clients sending a byte a second, garbage bytes, oversized
    /// bodies and headers, malformed JSON, wrong methods, unknown ids) while a well-behaved
    /// client reads the state four times a second. Prints one JSON object: the statuses each
    /// kind of attack got, and the well-behaved client's answers and slowest answer.
    static let hostileClients = #"""
import http.client, json, os, socket, sys, threading, time

port, token, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
auth = {"Authorization": "Bearer " + token}
end = time.time() + seconds
lock = threading.Lock()
report = {"statuses": {}, "probe_ok": 0, "probe_failed": [], "probe_slowest": 0.0, "idle_open": 0}

def note(kind, status):
    with lock:
        report["statuses"].setdefault(kind, {}).setdefault(str(status), 0)
        report["statuses"][kind][str(status)] += 1

def request(kind, method, path, body=None, headers=None):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        r.read()
        note(kind, r.status)
        c.close()
    except Exception as e:
        note(kind, type(e).__name__)

def idle():
    socks = []
    for _ in range(300):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            socks.append(s)
        except Exception as e:
            note("idle", type(e).__name__)
    with lock:
        report["idle_open"] = len(socks)
    while time.time() < end:
        time.sleep(0.1)
    for s in socks:
        s.close()

def slow():
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        for byte in b"GET /v1/state HTTP/1.1\r\nHost: x\r\n":
            if time.time() >= end:
                break
            s.send(bytes([byte]))
            time.sleep(1)
        s.close()
        note("slow", "sent")
    except Exception as e:
        note("slow", type(e).__name__)

def garbage():
    while time.time() < end:
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(os.urandom(4096))
            answer = s.recv(64)
            note("garbage", answer.split(b" ")[1].decode() if answer.startswith(b"HTTP/1.1 ") else "closed")
            s.close()
        except Exception as e:
            note("garbage", type(e).__name__)
        time.sleep(0.05)

def abuse():
    while time.time() < end:
        request("big-body", "POST", "/v1/offers/flash/cue", body=b"{" + b" " * 70000 + b"}", headers=dict(auth, **{"Content-Type": "application/json"}))
        request("bad-json", "POST", "/v1/offers/flash/cue", body=b"{not json", headers=auth)
        request("bad-field", "POST", "/v1/stock/scarf/sold", body=b'{"units": -4}', headers=auth)
        request("wrong-method", "DELETE", "/v1/state", headers=auth)
        request("unknown-id", "POST", "/v1/offers/nope/cue", headers=auth)
        request("no-token", "GET", "/v1/state")
        request("many-headers", "GET", "/v1/state", headers=dict(auth, **{"X-H%d" % i: "v" * 50 for i in range(150)}))
        request("unknown-path", "GET", "/v1/nothing", headers=auth)
        time.sleep(0.02)

def probe():
    while time.time() < end:
        started = time.time()
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/v1/state", headers=auth)
            r = c.getresponse()
            r.read()
            c.close()
            took = time.time() - started
            with lock:
                if r.status == 200:
                    report["probe_ok"] += 1
                else:
                    report["probe_failed"].append(r.status)
                report["probe_slowest"] = max(report["probe_slowest"], took)
        except Exception as e:
            with lock:
                report["probe_failed"].append(type(e).__name__)
        time.sleep(0.25)

threads = [threading.Thread(target=idle)] + [threading.Thread(target=slow) for _ in range(20)]
threads += [threading.Thread(target=garbage) for _ in range(3)] + [threading.Thread(target=abuse) for _ in range(3)]
threads += [threading.Thread(target=probe)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(report), flush=True)
"""#
}
