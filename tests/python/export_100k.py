"""Index.export streams 100,000 generated articles in bounded memory.

Run by ctest as its own test (python_export_100k, Release builds only): the
index is built by `attache index`, then every article is exported through
Python while the process's anonymous resident memory is sampled. Articles of
60 to 200 words keep the run near a minute; ATTACHE_EXPORT_WORDS=300,1500
gives attache-gen's usual lengths (600 MB of text, by hand).
"""
import os
import time

import attache

from conftest import generate, run_cli

ARTICLES = 100_000


def anonymous_mib():
    """Resident memory not backed by a file: the mapped index's pages, which
    the kernel may drop at will, are not counted."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no RssAnon in /proc/self/status")


def test_export_100k_in_bounded_memory(tmp_path):
    shortest, longest = os.environ.get("ATTACHE_EXPORT_WORDS", "60,200").split(",")
    generate(tmp_path / "articles.jsonl", ARTICLES, 100, "--min-words", shortest, "--max-words", longest)
    run_cli("index", "--quiet", "--index", str(tmp_path / "index"), str(tmp_path / "articles.jsonl"))
    (tmp_path / "articles.jsonl").unlink()
    ix = attache.Index(str(tmp_path / "index"))
    assert len(ix) == ARTICLES
    rows = text_bytes = 0
    baseline = peak = None
    start = time.perf_counter()
    for row in ix.export("date:..9999"):
        rows += 1
        text_bytes += len(row["text"])
        if rows == 1000:
            baseline = anonymous_mib()
        elif rows % 1000 == 0:
            peak = max(peak or 0, anonymous_mib())
    seconds = time.perf_counter() - start
    print(f"exported {rows} articles ({text_bytes / 2**20:.0f} MiB of text) in {seconds:.1f} s, "
          f"{rows / seconds:.0f} rows/s; anonymous resident memory {baseline:.0f} MiB after 1,000 rows, at most {peak:.0f} MiB")
    assert rows == ARTICLES
    # Holding the rows would take several times the text; streaming holds a
    # queue of them. The mapped index's pages count too, hence the margin.
    assert peak - baseline < min(64, text_bytes / 2**20 / 4)
