#!/usr/bin/env python3
"""Smoke test of the Compose topology (run by docker/test.sh; Python standard library only).

Usage: smoke.py BALANCER_URL NODE1_URL NODE2_URL   (e.g. http://127.0.0.1:8080 ...)
Through the balancer: Storage create/read answered by both nodes, a callback created on one node
and found by a query on the other, a CometD session kept on its node by the BAYEUX_BROWSER cookie.
Against node 1 directly: a chat with an agent (chat state is per node today). Exits 1 on the first
failed check, printing what was expected and what came.
"""
import base64
import datetime
import json
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BALANCER, NODE1, NODE2 = sys.argv[1:4]
AGENT = "Basic " + base64.b64encode(b"agent1:agent1").decode()
checks = 0


def call(method, url, body=None, headers=None, form=None):
    """One request; answers (status, headers, text). Never raises for an HTTP status."""
    data = None
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def check(condition, what, got):
    global checks
    if not condition:
        print(f"FAILED: {what}; got: {got}")
        print(f"smoke: {checks} passed, 1 failed")
        sys.exit(1)
    checks += 1
    print(f"ok: {what}")


def until(what, attempt, bound_s=15):
    """Repeats attempt() until it answers something true, at most bound_s seconds."""
    deadline = time.monotonic() + bound_s
    while True:
        result = attempt()
        if result or time.monotonic() > deadline:
            check(bool(result), what, result)
            return result
        time.sleep(0.2)


# --- Storage through the balancer: written on one node, read on both (shared database). ---
status, headers, text = call("POST", f"{BALANCER}/genesys/1/storage/600", form={"greeting": "hello docker"})
check(status == 200 and '"id"' in text, "storage create through the balancer", (status, text))
storage_id = json.loads(text)["id"]
writer = headers.get("X-OpenGMS-Node")
readers = set()
for _ in range(4):
    status, headers, text = call("GET", f"{BALANCER}/genesys/1/storage/{storage_id}/greeting")
    check(status == 200 and text == "hello docker", "storage read through the balancer", (status, text))
    readers.add(headers.get("X-OpenGMS-Node"))
check(readers == {"node1", "node2"}, f"REST balanced round-robin (written on {writer}, read on both)", readers)

# --- A 12 MiB file (over Undertow's default 10 MiB limit, which opengms.cli raises) uploaded
# through the balancer, its bytes read back from each node (the shared data volume). ---
payload = random.randbytes(12 * 1024 * 1024)
boundary = "opengms-smoke-boundary"
multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"blob.bin\"\r\n"
             f"Content-Type: application/octet-stream\r\n\r\n").encode() + payload + f"\r\n--{boundary}--\r\n".encode()
request = urllib.request.Request(f"{BALANCER}/genesys/1/storage/600", data=multipart, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
try:
    with urllib.request.urlopen(request, timeout=60) as answer:
        status, text = answer.status, answer.read().decode()
except urllib.error.HTTPError as error:
    status, text = error.code, error.read().decode()
check(status == 200 and '"id"' in text, "12 MiB file upload through the balancer", (status, text[:200]))
blob_id = json.loads(text)["id"]
for node in (NODE1, NODE2):
    with urllib.request.urlopen(f"{node}/genesys/1/storage/binary/{blob_id}/file", timeout=60) as answer:
        same = answer.read() == payload
    check(same, f"the file's bytes read back from {node}", "different bytes")
status, _, text = call("GET", f"{BALANCER}/genesys/1/storage/{blob_id}")
link = json.loads(text).get("file", "") if status == 200 else text
check(link == f"{BALANCER}/genesys/1/storage/binary/{blob_id}/file", "the file's URL names the balancer (Host passed through)", link)

# --- Callbacks: created through the balancer, queried on each node directly. ---
# Scheduled on a Wednesday of 2099 at 10:15 Paris time (callback-demo's office hours and capacity),
# a random one so that runs on the same database do not fill one slot.
day = datetime.date(2099, 1, 7) + datetime.timedelta(weeks=random.randrange(1, 50))
status, _, text = call("POST", f"{BALANCER}/genesys/1/service/callback/callback-demo",
                       body={"_customer_number": "5115", "_desired_time": f"{day}T09:15:00.000Z"})
check(status == 200 and '"_id"' in text, "callback create (scheduled) through the balancer", (status, text))
callback_id = json.loads(text)["_id"]
for node in (NODE1, NODE2):
    status, _, text = call("GET", f"{node}/genesys/1/service/callback?_id={callback_id}")
    found = status == 200 and [c.get("_callback_state") for c in json.loads(text)] == ["SCHEDULED"]
    check(found, f"callback query on {node} finds it SCHEDULED", (status, text))
status, _, text = call("DELETE", f"{BALANCER}/genesys/1/service/callback/callback-demo/{callback_id}")
check(status == 200, "callback cancel through the balancer", (status, text))

# --- CometD through the balancer: the handshake's BAYEUX_BROWSER cookie keeps the session's node. ---
user = {"gms_user": "DockerSmoke"}
handshake = [{"channel": "/meta/handshake", "version": "1.0", "supportedConnectionTypes": ["long-polling"], "id": "1"}]
status, headers, text = call("POST", f"{BALANCER}/genesys/cometd/handshake", body=handshake, headers=user)
answer = json.loads(text)[0] if status == 200 else {}
check(answer.get("successful") is True, "CometD handshake through the balancer", (status, text))
cookie = next((c.split(";")[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith("BAYEUX_BROWSER=")), None)
check(cookie is not None, "the handshake sets BAYEUX_BROWSER", headers.get_all("Set-Cookie"))
home = headers.get("X-OpenGMS-Node")
for i in range(4):
    subscribe = [{"channel": "/meta/subscribe", "clientId": answer["clientId"], "subscription": "/_genesys", "id": str(i + 2)}]
    status, headers, text = call("POST", f"{BALANCER}/genesys/cometd", body=subscribe, headers={**user, "Cookie": cookie})
    ok = status == 200 and json.loads(text)[0].get("successful") is True and headers.get("X-OpenGMS-Node") == home
    check(ok, f"CometD request {i + 1} with the cookie reaches {home}, which knows the session", (status, headers.get("X-OpenGMS-Node"), text))

# --- A chat with an agent, on node 1 directly (chat and agent state are per node). ---
base = f"{NODE1}/genesys/1"
status, _, text = call("POST", f"{base}/agent/ready", headers={"Authorization": AGENT})
check(status == 200 and '"ready":true' in text, "agent1 ready on node1", (status, text))
status, _, text = call("POST", f"{base}/service/request-chat")
check(status == 200 and '"_id"' in text, "request-chat on node1", (status, text))
service = json.loads(text)["_id"]
status, _, text = call("POST", f"{base}/service/{service}/ixn/chat", form={"subject": "Docker", "firstName": "Buzz", "lastName": "Brain"})
check(status == 200 and json.loads(text).get("chatIxnState") == "CONNECTED", "chat start", (status, text))
chat_id = json.loads(text)["chatSessionId"]


def transcript_has(kind, text_part):
    status, _, text = call("POST", f"{base}/service/{service}/ixn/chat/refresh?transcriptPosition=1")
    events = json.loads(text).get("transcriptToShow", []) if status == 200 else []
    return any(e[0] == kind and text_part in e[2] for e in events)


until("the agent joins the chat", lambda: transcript_has("Notice.Joined", ""))
status, _, text = call("POST", f"{base}/agent/chats/{chat_id}/send", headers={"Authorization": AGENT}, form={"message": "Hello from the agent"})
check(status == 200, "agent sends a message", (status, text))
until("the customer sees the agent's message", lambda: transcript_has("Message.Text", "Hello from the agent"))
status, _, text = call("POST", f"{base}/service/{service}/ixn/chat/send", form={"message": "Hello from the customer"})
check(status == 200, "customer sends a message", (status, text))
status, _, text = call("GET", f"{base}/agent/chats/{chat_id}", headers={"Authorization": AGENT})
check(status == 200 and "Hello from the customer" in text, "the agent sees the customer's message", (status, text))
status, _, text = call("POST", f"{base}/service/{service}/ixn/chat/disconnect")
check(status == 200 and json.loads(text).get("chatIxnState") == "DISCONNECTED", "customer disconnects", (status, text))
call("POST", f"{base}/agent/not-ready", headers={"Authorization": AGENT})

print(f"smoke: {checks} passed, 0 failed")
