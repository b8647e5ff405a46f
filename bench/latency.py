"""Sequential request latency on loopback: a logged-in page against /actuator/health, same run, same connection.

Logs in as the demo account 'admin', warms up, then alternates the two endpoints so that both see the same
machine state. Prints p50/p95 per endpoint and the ratio page/health. Bounded: N requests per endpoint.
"""
import http.client
import re
import sys
import time
import urllib.parse

base = urllib.parse.urlparse(sys.argv[1])
n = int(sys.argv[2])
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=10)
cookies = {}


def request(method, path, body=None, headers=None):
    h = dict(headers or {})
    if cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, value = v.split(";", 1)[0].split("=", 1)
            cookies[name] = value
    return r.status, data


status, page = request("GET", "/login")
token = re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()
body = urllib.parse.urlencode({"username": "admin", "password": "demo", "_csrf": token})
status, _ = request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
assert status == 302, status

page_path = "/nordhausen/verwaltung/benutzer"
status, data = request("GET", page_path)
assert status == 200 and b"Benutzer" in data, status


def timed(path):
    t = time.perf_counter_ns()
    s, d = request("GET", path, headers={"Accept": "text/html" if path == page_path else "application/json"})
    assert s == 200, (path, s)
    return (time.perf_counter_ns() - t) / 1e6


for _ in range(300):
    timed(page_path)
    timed("/actuator/health")

page_ms, health_ms = [], []
for _ in range(n):
    page_ms.append(timed(page_path))
    health_ms.append(timed("/actuator/health"))


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


for name, values in (("page", page_ms), ("health", health_ms)):
    print(f"{name}_p50_ms={pct(values, 50):.3f} {name}_p95_ms={pct(values, 95):.3f}")
print(f"ratio_p50={pct(page_ms, 50) / pct(health_ms, 50):.2f} ratio_p95={pct(page_ms, 95) / pct(health_ms, 95):.2f}")
print(f"requests_per_endpoint={n} page={page_path}")
