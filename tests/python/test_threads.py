"""One Index read from many threads gives every thread the answers one thread gets."""
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import attache

QUERIES = ["nato", "russia sanctions", "speaker:putin", '"prime minister"', "ukraine -nato", "talks OR summit"]


def test_threads_share_one_index(generated_index):
    ix = attache.Index(generated_index)
    expected = {q: (list(ix.search(q, limit=10)), ix.count(q)) for q in QUERIES}

    def work(i):
        q = QUERIES[i % len(QUERIES)]
        return q, list(ix.search(q, limit=10)), ix.count(q)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for q, hits, total in pool.map(work, range(96)):
            assert (hits, total) == expected[q]


def test_exports_in_threads(generated_index):
    ix = attache.Index(generated_index)
    expected = len(list(ix.export("the")))
    counts = []

    def consume():
        counts.append(sum(1 for _ in ix.export("the")))

    threads = [threading.Thread(target=consume) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert counts == [expected] * 4


def test_writer_adds_from_threads(tmp_path):
    with attache.Writer(str(tmp_path / "index")) as writer:
        def add(i):
            writer.add({"id": f"a{i}", "date": "2022-03-01", "text": f"Article number {i} on the talks."})

        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(add, range(200)))
    assert attache.Index(str(tmp_path / "index")).count("talks") == 200


def test_gil_is_released_while_searching(generated_index):
    """Python runs in another thread while long C++ calls are in progress: had
    a call kept the GIL, the other thread would stall for the whole call. The
    calls repeat for long enough to tell, however fast the machine."""
    ix = attache.Index(generated_index)
    calls = []

    def long_calls():
        begin = time.perf_counter()
        while time.perf_counter() - begin < 0.5:
            start = time.perf_counter()
            # A page of 1,000 hits with snippets: about 0.1 s here, long beside the 5 ms
            # switch interval. (The speaker facet this timed fell to 30 ms once pages got
            # cheaper, under the 40 ms the test needs.)
            ix.search("the OR a", limit=1000)
            calls.append(time.perf_counter() - start)

    worker = threading.Thread(target=long_calls)
    ticks = [time.perf_counter()]
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    longest_stall = max(b - a for a, b in zip(ticks, ticks[1:]))
    assert min(calls) > 0.04, "the calls are too short to tell"
    # Had a call kept the GIL, this thread would have stalled for a whole call, at least the
    # shortest; a busy machine (CI runs two suites at once on two cores) may stall it for a share
    # of one, which half of the shortest call was too tight for (a 107 ms stall against 155 ms).
    assert longest_stall < 0.9 * min(calls)
