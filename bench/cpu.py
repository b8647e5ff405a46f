#!/usr/bin/env python3
"""CPU time of the parts of a load run, from /proc (utime + stime, children included, in seconds).

  cpu.py PID_A PID_B LABEL     one line: a=… b=… postgres=… haproxy=… busy=… wall=…
  cpu.py --report FILE         the difference between the lines 'start' and 'end' of FILE, per part and in %
"""
import os
import sys

TCK = os.sysconf("SC_CLK_TCK")


def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])) / TCK


def snapshot(pid_a, pid_b, label):
    parts = {"a": cpu(pid_a), "b": cpu(pid_b), "postgres": 0.0, "haproxy": 0.0}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            comm = open(f"/proc/{p}/comm").read().strip()
            for key in ("postgres", "haproxy"):
                if comm.startswith(key):
                    parts[key] += cpu(p)
        except OSError:
            pass
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
    total = sum(fields) / TCK
    idle = (fields[3] + fields[4]) / TCK
    print(label, " ".join(f"{k}={v:.1f}" for k, v in parts.items()), f"busy={total - idle:.1f}", f"wall={total:.1f}")


def report(path):
    rows = {}
    for line in open(path):
        name, *kv = line.split()
        rows[name] = {k: float(v) for k, v in (x.split("=") for x in kv)}
    d = {k: rows["end"][k] - rows["start"][k] for k in rows["start"]}
    busy = d["busy"]
    parts = {k: d[k] for k in ("a", "b", "postgres", "haproxy")}
    parts["rest (Gatling, system)"] = busy - sum(parts.values())
    print("\nCPU during the run: machine busy %.0f s of %.0f s of CPU time (%.0f %%)" % (busy, d["wall"], 100 * busy / d["wall"]))
    for k, v in parts.items():
        print("  %-24s %6.0f s  %4.0f %%" % (k, v, 100 * v / busy if busy else 0))


if sys.argv[1] == "--report":
    report(sys.argv[2])
else:
    snapshot(*sys.argv[1:4])
