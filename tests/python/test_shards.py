"""An Index opens a directory of stubs over shards served by xapian-tcpsrv,
statements included, and answers as the command line does over it."""
import contextlib
import os
import signal
import socket
import subprocess
import time

import attache

from conftest import CORPUS, cli_json_lines, run_cli


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_listening(port):
    for _ in range(200):
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@contextlib.contextmanager
def served(databases):
    """Each database on a port of its own; the servers and what they fork are
    killed by process group, also when the test fails."""
    servers, ports = [], []
    try:
        for db in databases:
            ports.append(free_port())
            servers.append(subprocess.Popen(
                ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(ports[-1]), db],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        for port in ports:
            wait_until_listening(port)
        yield ports
    finally:
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_stub_of_year_shards_answers_like_the_cli(tmp_path):
    shards = tmp_path / "shards"
    run_cli("index", "--quiet", "--backend", "xapian", "--index", str(shards), "--shard-by", "year", CORPUS)
    years = sorted(p.name for p in shards.iterdir())
    assert years == ["2021", "2022"]
    databases = [str(shards / year / db) for year in years for db in ("articles", "statements")]
    with served(databases) as ports:
        stubs = tmp_path / "stubs"
        stubs.mkdir()
        (stubs / "articles").write_text("".join(f"remote 127.0.0.1:{p}\n" for p in ports[0::2]))
        (stubs / "statements").write_text("".join(f"remote 127.0.0.1:{p}\n" for p in ports[1::2]))
        path = str(stubs)
        with attache.Index(path) as ix:
            page = ix.search("speaker:lavrov", limit=50)
            lines = cli_json_lines("search", "--index", path, "--json", "--limit", "50", "speaker:lavrov")
            assert page.total > 0 and list(page) == lines[:-1]
            assert ix.speakers("nato", limit=20) == cli_json_lines("speakers", "--index", path, "--json", "--limit",
                                                                    "20", "nato")[:-1]
            assert ix.article("jsonl-macron-moscow")["article"]["id"] == "jsonl-macron-moscow"
