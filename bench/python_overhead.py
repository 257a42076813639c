#!/usr/bin/env python3
"""What Python costs: a page of 10 hits through `import attache` against the
same page in C++ (attache-search-page: parse, search, the hits' JSON objects
with snippets), and export throughput through Python against `attache export`.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py --index /tmp/bench/idx100k \\
        --search-page build/bench/attache-search-page --attache build/tools/attache

Queries are drawn from the index's own text (seeded): mid-frequency words, a
mid word with a frequent one, two-word phrases, and ORs of two mid words. Each
side runs every query once to warm up, then ROUNDS times; the two sides take
turns three times and the best mean of each is kept (the machine is shared).
"""
import argparse
import collections
import random
import re
import subprocess
import sys
import tempfile
import time

import attache


def draw_queries(ix, count, seed):
    texts = [row["text"] for _, row in zip(range(2000), ix.export("date:..9999"))]
    df = collections.Counter()
    bigrams = []
    for text in texts:
        words = re.findall(r"[a-z]{4,}", text.lower())
        df.update(set(words))
        bigrams.extend(zip(words, words[1:]))
    n = len(texts)
    mid = sorted(w for w, c in df.items() if 0.01 * n <= c <= 0.2 * n)
    frequent = sorted(w for w, c in df.items() if 0.2 * n < c <= 0.6 * n)
    rng = random.Random(seed)
    queries = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            queries.append(rng.choice(mid))
        elif kind == 1:
            queries.append(f"{rng.choice(mid)} {rng.choice(frequent)}")
        elif kind == 2:
            a, b = rng.choice(bigrams)
            queries.append(f'"{a} {b}"')
        else:
            queries.append(f"{rng.choice(mid)} OR {rng.choice(mid)}")
    return queries


def python_mean_us(ix, queries, rounds):
    for q in queries:
        ix.search(q)
    start = time.perf_counter()
    for _ in range(rounds):
        for q in queries:
            ix.search(q)
    return (time.perf_counter() - start) * 1e6 / (rounds * len(queries))


def cpp_mean_us(tool, index, query_file, rounds):
    out = subprocess.run([tool, index, query_file, str(rounds)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def export_rate(ix, statements):
    start = time.perf_counter()
    rows = sum(1 for _ in ix.export("date:..9999", statements=statements))
    return rows, rows / (time.perf_counter() - start)


def cli_export_rate(attache_binary, index, statements):
    flag = ["--statements"] if statements else []
    start = time.perf_counter()
    out = subprocess.run([attache_binary, "export", "--index", index, *flag, "date:..9999"],
                         capture_output=True, check=True)
    rows = out.stdout.count(b"\n")
    return rows, rows / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True)
    parser.add_argument("--search-page", required=True, help="build/bench/attache-search-page")
    parser.add_argument("--attache", required=True, help="build/tools/attache")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    ix = attache.Index(args.index)
    queries = draw_queries(ix, args.queries, 16)
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as query_file:
        query_file.write("\n".join(queries) + "\n")
        query_file.flush()
        cpp, python = [], []
        for _ in range(3):
            cpp.append(cpp_mean_us(args.search_page, args.index, query_file.name, args.rounds))
            python.append(python_mean_us(ix, queries, args.rounds))
    best_cpp, best_python = min(cpp), min(python)
    print(f"{len(ix):,} articles, {len(queries)} queries x {args.rounds} rounds, best of 3 turns\n")
    print("| a page of 10 hits | mean per query |")
    print("|---|---|")
    print(f"| C++ (attache-search-page) | {best_cpp:.0f} µs |")
    print(f"| Python (Index.search) | {best_python:.0f} µs |")
    print(f"| overhead | {100 * (best_python / best_cpp - 1):+.1f}% |\n")
    print("| export, every article | rows | rows/s |")
    print("|---|---|---|")
    for statements in (False, True):
        what = "statements" if statements else "articles"
        rows, rate = export_rate(ix, statements)
        cli_rows, cli_rate = cli_export_rate(args.attache, args.index, statements)
        print(f"| {what}: Python (Index.export, dicts) | {rows:,} | {rate:,.0f} |")
        print(f"| {what}: `attache export` (JSON Lines to a pipe) | {cli_rows:,} | {cli_rate:,.0f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
