#!/usr/bin/env python3
"""Admin console paging bench for bench/admin-console.sh (stdlib only).

BASE N: creates N (0: none, measure those there) scheduled callbacks of bench-cb over HTTP (8 threads, desired times spread over
7 days, _usr_region one of 10 values), then times the admin list (GET 1/admin/callbacks): the first
page with its total, every page of the whole list by the next tokens (first/median/p99/last page),
a property filter, the cancel of 10,000 (batches of 1,000 ids) and the streamed CSV of them.
Prints Markdown.
"""
import base64
import json
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
N = int(sys.argv[2])
ADMIN = "Basic " + base64.b64encode(b"admin:admin").decode()
FROM = int(time.time()) + 3600


def call(method, path, body=None, admin=True, raw=False):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if admin:
        headers["Authorization"] = ADMIN
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as r:
        payload = r.read()
        return payload if raw else json.loads(payload or b"null")


def create(worker, count, errors):
    for i in range(count):
        n = worker * count + i
        t = FROM + (n * 7919) % (7 * 86400)
        body = {"_customer_number": "555%07d" % n, "_usr_region": "r%d" % (n % 10),
                "_desired_time": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(t))}
        try:
            call("POST", "/1/service/callback/bench-cb", body, admin=False)
        except Exception as e:  # counted, the bench goes on
            errors.append(str(e))


def timed(path):
    t0 = time.perf_counter()
    page = call("GET", path)
    return page, (time.perf_counter() - t0) * 1000


print("| step | result |\n|---|---|")
if N > 0:  # 0: measure the callbacks a previous run created
    t0 = time.perf_counter()
    errors = []
    threads = [threading.Thread(target=create, args=(w, N // 8, errors)) for w in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    create_s = time.perf_counter() - t0
    print(f"| create {N} scheduled callbacks (8 threads) | {create_s:.0f} s, {N / create_s:.0f}/s, {len(errors)} refused |")

query = "/1/admin/callbacks?service=bench-cb&state=SCHEDULED&limit=200"
page, first_ms = timed(query)
print(f"| first page of 200 with total ({page['total']}) | {first_ms:.0f} ms |")
times, rows, token = [], len(page["callbacks"]), page["next"]
while token:
    page, ms = timed(query + "&after=" + urllib.parse.quote(token))
    times.append(ms)
    rows += len(page["callbacks"])
    token = page["next"]
times.sort()
print(f"| every next page, {len(times)} pages, {rows} rows | median {statistics.median(times):.0f} ms,"
      f" p99 {times[int(len(times) * 0.99) - 1]:.0f} ms, max {times[-1]:.0f} ms |")
page, prop_ms = timed("/1/admin/callbacks?service=bench-cb&prop._usr_region=r3&limit=200")
print(f"| property filter _usr_region=r3, first page with total ({page['total']}) | {prop_ms:.0f} ms |")

cancel_ids = []
token = None
while len(cancel_ids) < 10000:
    page = call("GET", query + ("&after=" + urllib.parse.quote(token) if token else ""))
    cancel_ids += [c["_id"] for c in page["callbacks"]]
    token = page["next"]
    if not token:
        break
cancel_ids = cancel_ids[:10000]
t0 = time.perf_counter()
for i in range(0, len(cancel_ids), 1000):
    call("POST", "/1/admin/callback/cancel", {"ids": cancel_ids[i:i + 1000]})
print(f"| cancel {len(cancel_ids)} (batches of 1,000) | {time.perf_counter() - t0:.1f} s |")
t0 = time.perf_counter()
csv = call("GET", "/1/admin/callbacks/cancelled.csv?service=bench-cb&properties=_customer_number,_usr_region", raw=True)
lines = csv.decode().strip().split("\n")
print(f"| CSV of the cancelled ones | {len(lines) - 1} rows, {len(csv)} bytes, {time.perf_counter() - t0:.1f} s |")
