"""Fixtures of the Python module's tests: the command line, indexes built by it.

ctest passes ATTACHE_BINARY, ATTACHE_GEN, ATTACHE_CORPUS and puts the built
package (build/python) on PYTHONPATH.
"""
import json
import os
import subprocess

import pytest

ATTACHE = os.environ["ATTACHE_BINARY"]
ATTACHE_GEN = os.environ["ATTACHE_GEN"]
CORPUS = os.environ["ATTACHE_CORPUS"]


def run_cli(*args, check=True, input=None):
    """Runs attache; returns the completed process (text)."""
    return subprocess.run([ATTACHE, *args], capture_output=True, text=True, check=check, input=input)


def cli_json_lines(*args):
    """The JSON Lines of an attache command, parsed."""
    return [json.loads(line) for line in run_cli(*args).stdout.splitlines() if line]


def generate(path, count, seed, *options):
    with open(path, "w") as out:
        subprocess.run([ATTACHE_GEN, "--learn", CORPUS, "--count", str(count), "--seed", str(seed), *options],
                       stdout=out, check=True)


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory):
    """corpus/ indexed by the command line."""
    path = tmp_path_factory.mktemp("corpus") / "index"
    run_cli("index", "--quiet", "--index", str(path), CORPUS)
    return str(path)


@pytest.fixture(scope="session")
def generated_index(tmp_path_factory):
    """2,000 generated articles indexed by the command line: many speakers and statements."""
    work = tmp_path_factory.mktemp("generated")
    generate(work / "articles.jsonl", 2000, 16)
    run_cli("index", "--quiet", "--index", str(work / "index"), str(work / "articles.jsonl"))
    return str(work / "index")
