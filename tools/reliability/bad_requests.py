#!/usr/bin/env python3
"""Seeded bad-input requests against a running paperdex, over every route: mutated and unknown parameters,
invalid UTF-8, NUL, over-long values, deep paging, traversal in static paths, odd methods, malformed and huge POST
bodies. Holds when: no 5xx, every 4xx is a JSON error ({"error": {"code", "message"}}, and "parameter" for
invalid_parameter), and the server still answers /healthz. Prints one JSON line; exit 1 if anything failed.

usage: tools/reliability/bad_requests.py URL [--requests N] [--seed S]
"""
import argparse, gzip, http.client, json, random, sys, urllib.parse

p = argparse.ArgumentParser()
p.add_argument("url")
p.add_argument("--requests", type=int, default=10000)
p.add_argument("--seed", type=int, default=17)
a = p.parse_args()
host, port = a.url.split("//")[1].rstrip("/").split(":")
rng = random.Random(a.seed)

ROUTES = ["/api/search", "/api/works/arxiv:1912.12953", "/api/works/arxiv:1912.12953/similar", "/api/authors",
          "/api/authors/kim%20hazelwood", "/api/authors/kim%20hazelwood/collaborators", "/healthz", "/metrics",
          "/api/openapi.json", "/"]
PARAMS = ["q", "year", "venue", "author", "topic", "type", "sort", "page", "per_page", "facets", "terms", "limit",
          "scoring", "topic_works", "half_life_days", "qq", "", "page[]", "q\x00"]
ODD = ["", "\x00", "%00", "%ff%fe", "%c3%28", "\xff", "-1", "0", "99999999999999999999", "1e9", "NaN", "2022..2019",
       "..", "year:..", "\"", "\"\"\"", "*", "a*", "aa* bb* cc* dd* ee* ff* gg* hh* ii*", "title:", "(((((", "AND",
       "NOT", "a" * 1001, "x" * 20000, "%", "%2", "../../etc/passwd", "<script>alert(1)</script>", "\u202e", "\ud83d\ude00",
       "year,venue,author,topic,type,colour", "relevance", "year", "100000", "10001"]
PATHS = ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/web/../CMakeLists.txt",
         "/api/works/", "/api/works/%00", "/api/works/" + "x" * 5000, "/api/authors/%ff", "/api/nope", "//",
         "/api/works/arxiv:1912.12953/similar/extra", "/index.html%00.txt", "/.git/config", "/api/search/"]
METHODS = ["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FOO", "HEAD", "CONNECT"]


def value():
    v = rng.choice(ODD)
    if rng.random() < 0.3:
        v = "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(1, 40)))
    return v


def query():
    parts = []
    for _ in range(rng.randrange(1, 5)):
        name, v = rng.choice(PARAMS), value()
        # Half percent-encoded as a client would, half raw bytes percent-encoded byte by byte.
        enc = urllib.parse.quote(v.encode("utf-8", "surrogatepass"), safe="") if rng.random() < 0.5 else \
            "".join("%%%02x" % b for b in v.encode("utf-8", "surrogatepass"))
        parts.append(urllib.parse.quote(name, safe="") + "=" + enc)
    return "&".join(parts)


def body():
    kind = rng.randrange(6)
    if kind == 0:
        return b"{" * rng.randrange(1, 100000)
    if kind == 1:
        return json.dumps({"text": value(), rng.choice(PARAMS): value()}).encode("utf-8", "surrogatepass")
    if kind == 2:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
    if kind == 3:
        return b'{"text":"graph","page":' + b"[" * 50000 + b"]" * 50000 + b"}"
    if kind == 4:
        return b'{"text":"' + b"a" * (2 << 20) + b'"}'  # over the 1 MiB limit
    return json.dumps({"text": "memory", "per_page": rng.choice([0, -1, 101, 1.5, "3", None, [1]])}).encode()


def request():
    r = rng.random()
    if r < 0.55:
        return "GET", rng.choice(ROUTES) + "?" + query(), None, {}
    if r < 0.7:
        return "GET", rng.choice(PATHS), None, {}
    if r < 0.85:
        return "POST", "/api/similar", body(), {"Content-Type": "application/json"}
    if r < 0.92:
        return rng.choice(METHODS), rng.choice(ROUTES), None, {}
    headers = rng.choice([{"Range": "bytes=0-1,2-3"}, {"Transfer-Encoding": "chunked"}, {"Content-Encoding": "gzip"},
                          {"Range": "bytes=999999999-"}, {"Accept-Encoding": "gzip"}])
    return "GET" if "Range" in headers else "POST", "/" if "Range" in headers else "/api/similar", b"{}", headers


def send(method, path, data, headers):
    c = http.client.HTTPConnection(host, int(port), timeout=20)
    try:
        c.putrequest(method, path, skip_accept_encoding=True)
        for k, v in headers.items():
            c.putheader(k, v)
        if data is not None and "Transfer-Encoding" not in headers:
            c.putheader("Content-Length", str(len(data)))
        c.endheaders(data if data is not None and "Transfer-Encoding" not in headers else None)
        r = c.getresponse()
        raw = r.read()
        if r.getheader("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        return r.status, r.getheader("Content-Type") or "", raw
    finally:
        c.close()


counts = {"requests": 0, "2xx": 0, "4xx": 0, "5xx": 0, "bad_4xx_body": 0, "transport_errors": 0}
examples = []
for i in range(a.requests):
    method, path, data, headers = request()
    counts["requests"] += 1
    try:
        status, ctype, raw = send(method, path, data, headers)
    except Exception as e:  # the server closing on a refused body is allowed once it has answered; count the rest
        counts["transport_errors"] += 1
        if len(examples) < 5:
            examples.append({"request": f"{method} {path[:80]}", "error": repr(e)[:120]})
        continue
    if status >= 500:
        counts["5xx"] += 1
        if len(examples) < 5:
            examples.append({"request": f"{method} {path[:80]}", "status": status, "body": raw[:200].decode("utf-8", "replace")})
    elif status >= 400:
        counts["4xx"] += 1
        ok = False
        if method != "HEAD":
            try:
                e = json.loads(raw)["error"]
                ok = isinstance(e.get("code"), str) and isinstance(e.get("message"), str) and \
                    (e["code"] != "invalid_parameter" or isinstance(e.get("parameter"), str))
            except Exception:
                ok = False
        else:
            ok = True
        if not ok:
            counts["bad_4xx_body"] += 1
            if len(examples) < 5:
                examples.append({"request": f"{method} {path[:80]}", "status": status, "body": raw[:200].decode("utf-8", "replace")})
    else:
        counts["2xx"] += 1
try:
    alive = send("GET", "/healthz", None, {})[0] == 200
except Exception:
    alive = False
counts["alive_after"] = alive
counts["examples"] = examples
print(json.dumps(counts))
sys.exit(0 if alive and counts["5xx"] == 0 and counts["bad_4xx_body"] == 0 and counts["transport_errors"] == 0 else 1)
