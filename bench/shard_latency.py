#!/usr/bin/python3
"""Query latency across N Xapian shards, each database served by its own local
xapian-tcpsrv, joined by a directory of two stubs (README.md: shards), against
the same articles in one local database.

The articles are indexed once into --shard-by hash:8; xapian-compact joins the
eight into 4, 2 and 1 shards, so every layout holds the same documents.
Timings are warm (each query run once first) and taken in-process through the
Python module, which goes through the same code as the command line.

  PYTHONPATH=build/python bench/shard_latency.py --attache build/tools/attache \\
      --articles /tmp/bench/gen20k.jsonl --work /tmp/bench/shards
"""
import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import time

import attache

WORDS = ["russia", "nato", "sanctions", "talks", "security", "minister", "ukraine", "border"]
QUERY_CLASSES = {
    "term": [(w, False) for w in WORDS],
    "AND": [(f"{a} {b}", False) for a, b in zip(WORDS, WORDS[1:] + WORDS[:1])],
    "phrase, 2 words": [('"foreign minister"', False), ('"united states"', False), ('"security guarantees"', False)],
    "statements with a word": [(w, True) for w in WORDS],
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_listening(port):
    for _ in range(400):
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@contextlib.contextmanager
def served(shards, stubs):
    """xapian-tcpsrv for each shard's two databases; the stubs written in stubs/."""
    servers, lines = [], {"articles": [], "statements": []}
    try:
        for shard in shards:
            for db in ("articles", "statements"):
                port = free_port()
                servers.append(subprocess.Popen(
                    ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port),
                     os.path.join(shard, db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    start_new_session=True))
                lines[db].append(f"remote 127.0.0.1:{port}\n")
                wait_until_listening(port)
        os.makedirs(stubs, exist_ok=True)
        for db, text in lines.items():
            with open(os.path.join(stubs, db), "w") as out:
                out.writelines(text)
        yield stubs
    finally:
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def compact(sources, dest):
    os.makedirs(dest, exist_ok=True)
    for db in ("articles", "statements"):
        subprocess.run(["xapian-compact", "--quiet", *[os.path.join(s, db) for s in sources],
                        os.path.join(dest, db)], check=True, stdout=subprocess.DEVNULL)


def measure(path, rounds):
    """p50 / p99 ms of each query class, and the first speaker: query (the identity pass)."""
    results = {}
    with attache.Index(path) as ix:
        start = time.perf_counter()
        speakers = [row["speaker"] for row in ix.speakers(limit=5, kind="person")]
        results["identity pass (first speakers call)"] = ((time.perf_counter() - start) * 1000,) * 2
        classes = dict(QUERY_CLASSES)
        classes["speaker with a word"] = [(f'speaker:"{s}" {w}', True) for s in speakers for w in WORDS[:2]]
        for name, queries in classes.items():
            # A page of 10 hits loads and snippets 10 documents; a count only matches.
            for call, label in ((lambda q, st: ix.search(q, limit=10, statements=st), "10-hit page"),
                                (lambda q, st: ix.count(q, statements=st), "exact count")):
                for text, statements in queries:
                    call(text, statements)
                times = []
                for _ in range(rounds):
                    for text, statements in queries:
                        start = time.perf_counter()
                        call(text, statements)
                        times.append((time.perf_counter() - start) * 1000)
                times.sort()
                results[f"{name}: {label}"] = (statistics.median(times),
                                               times[min(len(times) - 1, int(len(times) * 0.99))])
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attache", required=True)
    parser.add_argument("--articles", required=True, help="JSON Lines (attache-gen)")
    parser.add_argument("--work", required=True)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    eight = os.path.join(args.work, "hash8")
    if not args.skip_build:
        shutil.rmtree(args.work, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([args.attache, "index", "--quiet", "--backend", "xapian", "--index", eight,
                        "--shard-by", "hash:8", args.articles], check=True)
        print(f"indexed into 8 shards in {time.perf_counter() - start:.1f} s")
        for n in (4, 2, 1):
            for k in range(n):
                compact([os.path.join(eight, str(s)) for s in range(8) if s % n == k],
                        os.path.join(args.work, f"hash{n}", str(k)))
    layouts = {n: [os.path.join(args.work, f"hash{n}", str(k)) for k in range(n)] for n in (1, 2, 4, 8)}
    table = {"1 local database": measure(layouts[1][0], args.rounds)}
    for n, shards in layouts.items():
        with served(shards, os.path.join(args.work, f"stubs{n}")) as stubs:
            table[f"{n} served shard{'s' if n > 1 else ''}"] = measure(stubs, args.rounds)
    names = list(next(iter(table.values())))
    print("| query class, warm: p50 / p99 ms | " + " | ".join(table) + " |")
    print("|---" * (len(table) + 1) + "|")
    for name in names:
        print(f"| {name} | " + " | ".join(f"{r[name][0]:.3f} / {r[name][1]:.3f}" for r in table.values()) + " |")


if __name__ == "__main__":
    main()
