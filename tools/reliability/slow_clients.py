#!/usr/bin/env python3
"""Slow clients against a running paperdex: N connections that send a partial request head and then one header
line a second (the slowloris pattern), then the latency of a normal search, then how long the server let the
slowest of them go on (its head deadline) within --give-up seconds. Prints one JSON line.

usage: tools/reliability/slow_clients.py URL [--dribblers N] [--hold SECONDS] [--give-up SECONDS]
"""
import argparse, json, select, socket, threading, time, urllib.request

p = argparse.ArgumentParser()
p.add_argument("url")
p.add_argument("--dribblers", type=int, default=200)
p.add_argument("--hold", type=float, default=8.0, help="seconds the dribblers have been open when the search runs")
p.add_argument("--give-up", type=float, default=20.0, help="seconds after which a dribbler stops by itself")
a = p.parse_args()
host, port = a.url.split("//")[1].rstrip("/").split(":")
stop = threading.Event()
lasted = []  # seconds each dribbler was served before the server closed it (or --give-up)

def closed(s):
    if not select.select([s], [], [], 0)[0]:
        return False
    try:
        return s.recv(1) == b""
    except OSError:
        return True

def dribble():
    t0 = time.monotonic()
    try:
        s = socket.create_connection((host, int(port)), timeout=30)
        s.sendall(b"GET /api/search?q=x HTTP/1.1\r\n")
        i = 0
        while not stop.is_set() and time.monotonic() - t0 < a.give_up and not closed(s):
            s.sendall(b"X-Slow-%d: 1\r\n" % i)
            i += 1
            stop.wait(1.0)
        s.close()
    except OSError:
        pass
    lasted.append(time.monotonic() - t0)

threads = [threading.Thread(target=dribble, daemon=True) for _ in range(a.dribblers)]
for t in threads:
    t.start()
time.sleep(a.hold)
t0 = time.monotonic()
try:
    with urllib.request.urlopen(a.url.rstrip("/") + "/api/search?q=recommendation", timeout=20) as r:
        status = r.status
except Exception as e:  # a timeout is the finding, not a crash of this script
    status = type(e).__name__
seconds = time.monotonic() - t0
for t in threads:
    t.join()
print(json.dumps({"dribblers": a.dribblers, "hold_s": a.hold, "search_status": status, "search_s": round(seconds, 3),
                  "longest_dribbler_s": round(max(lasted), 1), "give_up_s": a.give_up}))
