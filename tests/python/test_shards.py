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


_handed_out = set()


def free_port():
    """A port nothing listens on now, never one handed out before: servers
    started one after the other must not share a port before the first binds."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _handed_out:
            _handed_out.add(port)
            return port


def listening(port, server):
    """Whether the server came to accept connections on the port (False once it has exited)."""
    for _ in range(200):
        if server.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
        time.sleep(0.05)
    return False


def kill_group(server):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()


@contextlib.contextmanager
def served(databases):
    """Each database on a port of its own; the servers and what they fork are
    killed by process group, also when the test fails. A port is free when
    chosen, not held: a server that exits before it listens (another process
    bound the port first) is started again on another."""
    servers, ports = [], []
    try:
        for db in databases:
            for _ in range(5):
                port = free_port()
                server = subprocess.Popen(
                    ["xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", str(port), db],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
                servers.append(server)
                if listening(port, server):
                    ports.append(port)
                    break
            else:
                raise RuntimeError(f"xapian-tcpsrv of {db} listened on none of five ports")
        yield ports
    finally:
        for server in servers:
            kill_group(server)


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
