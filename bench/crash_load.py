#!/usr/bin/env python3
"""Crash-test load and check for bench/crash.sh (stdlib only).

load BASE LEDGER SECONDS: bounded mixed write load (storage creates with a file and updates,
scheduled callbacks, chat messages, subscriptions), one line per acknowledged (2xx) write appended
and flushed to LEDGER before the next request of that worker, plus "sent" lines for writes in flight,
which the check accepts either way. Runs until SECONDS pass or the server stops answering.
check BASE LEDGER: every acknowledged write is there and unchanged; prints counts, exits 1 on loss.
"""
import hashlib
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

CALLBACK_SERVICE = "crash-callback"


class Refused(Exception):
    """A 4xx/5xx answer during the load: the load itself is wrong, or the server is."""


def request(method, url, body=None, headers=None, timeout=10, load=False):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        if not load:
            raise
        raise Refused(f"{method} {url}: {err.code} {err.read()[:300]!r}") from None


def form(url, fields, load=True):
    return request("POST", url, urllib.parse.urlencode(fields).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded"}, load=load)


def multipart(url, fields, file_key, file_bytes):
    boundary = "crash" + uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_key}"; filename="f.bin"\r\n'
                 f'Content-Type: application/octet-stream\r\n\r\n'.encode() + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return request("POST", url, b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"},
                   load=True)


class Ledger:
    def __init__(self, path):
        self.file = open(path, "a", buffering=1)
        self.lock = threading.Lock()

    def write(self, **entry):
        with self.lock:
            self.file.write(json.dumps(entry) + "\n")
            self.file.flush()
            os.fsync(self.file.fileno())


def storage_worker(base, ledger, stop):
    while not stop.is_set():
        data = os.urandom(2048)
        value = uuid.uuid4().hex
        status, body = multipart(f"{base}/1/storage/86400", {"Text": value}, "File", data)
        sid = json.loads(body)["id"]
        ledger.write(kind="storage", id=sid, text=value, sha=hashlib.sha256(data).hexdigest())
        for _ in range(3):
            if stop.is_set():
                return
            newer = uuid.uuid4().hex
            ledger.write(kind="storage-sent", id=sid, text=newer)
            form(f"{base}/1/storage/{sid}/86400", {"Text": newer})
            ledger.write(kind="storage-update", id=sid, text=newer)


def callback_worker(base, ledger, stop):
    desired = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + 2 * 86400))
    while not stop.is_set():
        number = str(uuid.uuid4().int % 10**10)
        status, body = request("POST", f"{base}/1/service/callback/{CALLBACK_SERVICE}",
                               json.dumps({"_customer_number": number, "_desired_time": desired}).encode(),
                               {"Content-Type": "application/json"}, load=True)
        ledger.write(kind="callback", id=json.loads(body)["_id"], number=number)


def chat_worker(base, ledger, stop):
    while not stop.is_set():
        status, body = form(f"{base}/1/service/request-chat", {})
        service = json.loads(body)["_id"]
        form(f"{base}/1/service/{service}/ixn/chat", {"subject": "crash", "userDisplayName": "Zoe"})
        for _ in range(20):
            if stop.is_set():
                return
            text = uuid.uuid4().hex
            form(f"{base}/1/service/{service}/ixn/chat/refresh", {"message": text})
            ledger.write(kind="chat", service=service, text=text)


def subscription_worker(base, ledger, stop):
    while not stop.is_set():
        subscriber = uuid.uuid4().hex[:16]
        status, body = request("POST", f"{base}/1/notification/subscription",
                               json.dumps({"subscriberId": subscriber, "filter": "crash.*", "expire": 86400,
                                           "notificationDetails": {"type": "comet"}}).encode(),
                               {"Content-Type": "application/json", "gms_user": subscriber}, load=True)
        ledger.write(kind="subscription", id=json.loads(body)["id"])


def load(base, path, seconds):
    ledger = Ledger(path)
    stop = threading.Event()
    failures, refusals = [], []

    def run(worker):
        try:
            worker(base, ledger, stop)
        except Refused as e:
            refusals.append(str(e))
        except (urllib.error.URLError, OSError, ValueError, KeyError) as e:
            failures.append(repr(e))  # the server went away mid-request: expected at the kill
        finally:
            stop.set()

    workers = [storage_worker, storage_worker, callback_worker, chat_worker, chat_worker, subscription_worker]
    threads = [threading.Thread(target=run, args=(w,), daemon=True) for w in workers]
    for t in threads:
        t.start()
    stop.wait(seconds)
    stop.set()
    for t in threads:
        t.join(15)
    print(f"load stopped: {refusals[:1] or failures[:1] or 'time is up'}", file=sys.stderr)
    if refusals:
        sys.exit(2)


def check(base, path):
    storage, sent, callbacks, chats, subscriptions = {}, {}, {}, {}, []
    for line in open(path):
        e = json.loads(line)
        kind = e["kind"]
        if kind == "storage":
            storage[e["id"]] = e
            sent[e["id"]] = set()
        elif kind == "storage-sent":
            sent[e["id"]].add(e["text"])
        elif kind == "storage-update":
            storage[e["id"]]["text"] = e["text"]
            sent[e["id"]] = set()
        elif kind == "callback":
            callbacks[e["id"]] = e["number"]
        elif kind == "chat":
            chats.setdefault(e["service"], []).append(e["text"])
        elif kind == "subscription":
            subscriptions.append(e["id"])
    lost = []
    for sid, e in storage.items():
        try:
            _, text = request("GET", f"{base}/1/storage/{sid}/Text")
            _, data = request("GET", f"{base}/1/storage/binary/{sid}/File")
        except urllib.error.HTTPError as err:
            lost.append(f"storage {sid}: {err.code}")
            continue
        text = text.decode()
        if text != e["text"] and text not in sent[sid]:
            lost.append(f"storage {sid}: Text {text!r}, acknowledged {e['text']!r}")
        if hashlib.sha256(data).hexdigest() != e["sha"]:
            lost.append(f"storage {sid}: file changed")
    for cid, number in callbacks.items():
        _, body = request("GET", f"{base}/1/service/callback?_id={cid}")
        found = json.loads(body)
        if len(found) != 1 or found[0].get("_customer_number") != number:
            lost.append(f"callback {cid}: {found}")
    for service, texts in chats.items():
        try:
            _, body = form(f"{base}/1/service/{service}/ixn/chat/refresh?transcriptPosition=1", {}, load=False)
        except urllib.error.HTTPError as err:
            lost.append(f"chat {service}: {err.code}")
            continue
        shown = [ev[2] for ev in json.loads(body).get("transcriptToShow", [])]
        missing = [t for t in texts if t not in shown]
        if missing:
            lost.append(f"chat {service}: {len(missing)} acknowledged messages missing")
    # last, as it is destructive: a subscription that exists deletes with 200
    for sub in subscriptions:
        try:
            request("DELETE", f"{base}/1/notification/subscription/{sub}")
        except urllib.error.HTTPError as err:
            lost.append(f"subscription {sub}: {err.code}")
    total = len(storage) + sum(1 for _ in open(path) if '"storage-update"' in _) + len(callbacks) \
        + sum(len(t) for t in chats.values()) + len(subscriptions)
    print(f"checked {total} acknowledged writes: {len(storage)} storage creates, {len(callbacks)} callbacks, "
          f"{sum(len(t) for t in chats.values())} chat messages, {len(subscriptions)} subscriptions; lost or changed: {len(lost)}")
    for item in lost[:20]:
        print("  " + item)
    kinds = [len(storage), len(callbacks), len(chats), len(subscriptions)]
    if 0 in kinds:
        print("  a kind of write was never acknowledged: the load did not exercise it", file=sys.stderr)
        return 1
    return 1 if lost else 0


if __name__ == "__main__":
    if sys.argv[1] == "load":
        load(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        sys.exit(check(sys.argv[2], sys.argv[3]))
