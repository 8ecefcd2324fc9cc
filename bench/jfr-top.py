#!/usr/bin/env python3
"""Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording: where the server's time
goes, by our package and by library. Usage: bench/jfr-top.py RECORDING.jfr [TOP (15)].

Reads `jfr print --json --stack-depth 1024 --events jdk.ExecutionSample` (the JDK's jfr tool; its
default prints 5 frames a stack) and prints
Markdown tables:
- self: the top frame of each sample, by method and by library (where the CPU is spent);
- inclusive: the share of samples with a frame of each library / stage anywhere on the stack
  (a sample counts once per row; rows overlap, so they do not add up to 100 %);
- ours: the innermost org.opengms frame (nearest the top) of each sample (which of our methods led to the work).
"""
import collections
import json
import re
import subprocess
import sys

# Libraries and stages, first match wins for "self"; every match counts for "inclusive".
LIBRARIES = [
    ("H2", ("org.h2.",)),
    ("Hibernate", ("org.hibernate.",)),
    ("JCA wrappers (IronJacamar)", ("org.jboss.jca.",)),
    ("JTA (Narayana, WildFly tx)", ("com.arjuna.", "org.jboss.narayana.", "org.wildfly.transaction.", "org.jboss.as.txn.")),
    ("EJB container", ("org.jboss.as.ejb3.", "org.jboss.ejb.", "org.jboss.invocation.")),
    ("Weld (CDI)", ("org.jboss.weld.",)),
    ("JSON-B (Yasson) / JSON-P", ("org.eclipse.yasson.", "jakarta.json.", "org.eclipse.parsson.")),
    ("RESTEasy", ("org.jboss.resteasy.",)),
    ("Undertow", ("io.undertow.",)),
    ("XNIO / JBoss threads", ("org.xnio.", "org.jboss.threads.")),
    ("WildFly other", ("org.jboss.", "org.wildfly.")),
    ("ours (org.opengms)", ("org.opengms.",)),
    ("JDK", ("java.", "javax.", "jdk.", "sun.", "com.sun.")),
]
# Stages matched on class and method name, inclusive only.
STAGES = [
    ("EntityManager.persist", lambda c, m: m == "persist" and ("EntityManager" in c or "SessionImpl" in c)),
    ("Hibernate flush (at commit)", lambda c, m: c.startswith("org.hibernate.") and m in ("flush", "doFlush", "performExecutions")),
    ("IDENTITY insert (insert + generated key)", lambda c, m: c.startswith("org.hibernate.") and ("Identity" in c or "GeneratedValues" in c or "InsertReturning" in c or m == "performInsertReturning")),
    ("JDBC statement execute (any)", lambda c, m: c.startswith("org.h2.jdbc.") and m.startswith("execute")),
    ("H2 commit (transaction log)", lambda c, m: c.startswith("org.h2.") and m == "commit"),
    ("JTA commit", lambda c, m: c.startswith("com.arjuna.") and "commit" in m.lower()),
    ("EJB interceptors", lambda c, m: c.startswith("org.jboss.as.ejb3.") or c.startswith("org.jboss.invocation.")),
    ("JSON-B serialize/parse", lambda c, m: c.startswith("org.eclipse.yasson.")),
    ("multipart / form parsing", lambda c, m: ("multipart" in c.lower() or "Form" in c) and (c.startswith("org.jboss.resteasy.") or c.startswith("org.opengms."))),
    ("logging", lambda c, m: c.startswith("org.jboss.logmanager.") or c.startswith("java.util.logging.")),
    ("GC / JIT not included: JFR samples Java threads only", lambda c, m: False),
]


def library(cls):
    for name, prefixes in LIBRARIES:
        if cls.startswith(prefixes):
            return name
    return "other"


def frames_of(event):
    out = []
    for f in event["values"]["stackTrace"]["frames"]:
        method = f["method"]
        out.append((method["type"]["name"].replace("/", "."), method["name"]))
    return out


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "1024", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    n = len(events)
    if n == 0:
        print("no jdk.ExecutionSample events in", path)
        return
    self_m, self_l = collections.Counter(), collections.Counter()
    incl_l, incl_s, ours = collections.Counter(), collections.Counter(), collections.Counter()
    threads, owner = collections.Counter(), collections.Counter()
    truncated = sum(1 for e in events if e["values"]["stackTrace"].get("truncated"))
    for e in events:
        fr = frames_of(e)  # top frame first
        if not fr:
            continue
        t = e["values"].get("sampledThread") or {}
        group = re.sub(r"\d+", "N", t.get("javaName") or t.get("osName") or "?")
        threads[group] += 1
        # JDK frames (collections, locks, reflection) charged to the library that called them
        caller = next((library(c) for c, _ in fr if library(c) != "JDK"), "JDK")
        owner[f"{group}: {caller}"] += 1
        c, m = fr[0]
        self_m[f"{c}.{m}"] += 1
        self_l[library(c)] += 1
        libs = {library(c) for c, _ in fr}
        for lib in libs:
            incl_l[lib] += 1
        for name, test in STAGES:
            if any(test(c, m) for c, m in fr):
                incl_s[name] += 1
        mine = next((f"{c}.{m}" for c, m in fr if c.startswith("org.opengms.")), "(no org.opengms frame)")
        ours[mine] += 1

    def table(title, counter, limit=None):
        print(f"\n**{title}** ({n} samples)\n")
        print("| | samples | % |\n|---|---:|---:|")
        for k, v in counter.most_common(limit):
            print(f"| `{k}` | {v} | {100 * v / n:.1f} |")

    print(f"# CPU samples of {path}: {n} (jdk.ExecutionSample, Java threads)")
    if truncated:
        print(f"\n{truncated} stacks truncated: inclusive rows are low (record with"
              " -XX:FlightRecorderOptions=stackdepth=1024, as bench-server.sh BENCH_JFR=1 does)")
    table("Threads", threads)
    table("Self by thread and library, JDK frames charged to their caller", owner, 2 * top)
    table("Self, by library (top frame)", self_l)
    table(f"Self, top {top} methods", self_m, top)
    table("Inclusive, by library (a frame anywhere on the stack)", incl_l)
    table("Inclusive, by stage", incl_s)
    table(f"Our innermost frame (org.opengms), top {top}", ours, top)


if __name__ == "__main__":
    main()
