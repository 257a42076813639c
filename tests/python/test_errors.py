"""Every exception of the module, in its hierarchy, with the message the command line gives."""
import os

import attache
import pytest

from conftest import run_cli


def test_hierarchy():
    for name in ["QueryError", "InvalidInput", "CorruptIndex", "IndexLocked", "NotFound"]:
        assert issubclass(getattr(attache, name), attache.Error)
    assert issubclass(attache.QueryError, ValueError) and issubclass(attache.InvalidInput, ValueError)
    assert issubclass(attache.NotFound, KeyError)


@pytest.mark.parametrize("query,position", [("nato (russia", 5), ("élan AND", 5), ('"open door', 0)])
def test_query_error_position_in_characters(corpus_index, query, position):
    """"élan AND" goes wrong at AND: character 5, byte 6."""
    ix = attache.Index(corpus_index)
    with pytest.raises(attache.QueryError) as raised:
        ix.search(query)
    assert raised.value.position == position and raised.value.query == query
    cli = run_cli("search", "--index", corpus_index, query, check=False)
    assert cli.returncode == 2 and str(raised.value).split(" (at character")[0] in cli.stderr
    for call in (ix.count, ix.kwic, ix.export, lambda q: ix.facets(q, "month"), ix.speakers):
        with pytest.raises(attache.QueryError):
            call(query)


def test_invalid_options(corpus_index):
    ix = attache.Index(corpus_index)
    bad_calls = [
        lambda: ix.search("nato", sort="best"),
        lambda: ix.search("nato", date_from="2022-13"),
        lambda: ix.search("nato", date_from="2022-03", date_to="2022-01"),
        lambda: ix.search("nato", min_confidence=1.5),
        lambda: ix.facets("nato", "year"),
        lambda: ix.speakers(kind="animal"),
        lambda: ix.speakers(min_confidence=-1),
        lambda: ix.kwic("nato", width=0),
        lambda: attache.quotes("He said so.", min_confidence=2),
    ]
    for call in bad_calls:
        with pytest.raises(attache.InvalidInput):
            call()


def test_not_found(corpus_index, tmp_path):
    with pytest.raises(attache.NotFound):
        attache.Index(str(tmp_path / "nothing"))
    with pytest.raises(KeyError):
        attache.Index(corpus_index).article("no-such-article")


def test_corrupt_index(corpus_index, tmp_path):
    damaged = tmp_path / "damaged"
    run_cli("index", "--quiet", "--index", str(damaged), os.environ["ATTACHE_CORPUS"])
    (damaged / "MANIFEST").write_bytes(b"not a manifest at all")
    with pytest.raises(attache.CorruptIndex):
        attache.Index(str(damaged))
    assert run_cli("check", "--index", str(damaged), check=False).returncode == 3


def test_index_locked(tmp_path):
    path = str(tmp_path / "locked")
    with attache.Writer(path):
        with pytest.raises(attache.IndexLocked):
            attache.Writer(path)
        held = run_cli("index", "--index", path, os.environ["ATTACHE_CORPUS"], check=False)
        assert held.returncode == 1 and "lock" in held.stderr
    with attache.Writer(path, wait=1):  # released on exit
        pass


@pytest.mark.parametrize("article,reason", [
    ({"id": "a", "text": "Words."}, "no date"),
    ({"id": "a", "date": "2022-02-30", "text": "Words."}, "invalid date"),
    ({"id": "a", "date": "2022-02-03", "text": ""}, "empty"),
    ({"id": "a", "date": "2022-02-03"}, "text"),
    ({"id": "a", "date": "2022-02-03", "text": 5}, "text"),
    ({"id": "a", "date": "2022-02-03", "text": "bell \x07 ring"}, "binary"),
    ({"date": "2022-02-03", "text": "Words."}, "no id"),
    ("not a dict", "dict"),
    ({"id": "a", "date": "2022-02-03", "text": "x", "extra": object()}, "not JSON"),
])
def test_bad_articles_raise_with_the_reason(tmp_path, article, reason):
    with attache.Writer(str(tmp_path / "index")) as writer:
        with pytest.raises(attache.InvalidInput) as raised:
            writer.add(article)
        assert reason in str(raised.value)


def test_closed_objects(tmp_path):
    writer = attache.Writer(str(tmp_path / "index"))
    writer.close()
    for call in (lambda: writer.add({"id": "a", "date": "2022-01-01", "text": "x"}), writer.commit,
                 lambda: writer.delete("a")):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(attache.InvalidInput):
        attache.Writer(str(tmp_path / "index"), memory_mib=0)


def test_export_raises_where_the_damage_is_read(tmp_path):
    """The store is checked when first read, on the export's own thread: the
    error reaches Python from the iterator, once, and the iterator ends."""
    damaged = tmp_path / "damaged"
    run_cli("index", "--quiet", "--index", str(damaged), os.environ["ATTACHE_CORPUS"])
    store = next(damaged.glob("seg-*.store"))
    data = bytearray(store.read_bytes())
    for i in range(len(data) // 3, len(data) // 3 + 64):
        data[i] ^= 0xFF
    store.write_bytes(bytes(data))
    ix = attache.Index(str(damaged))
    stream = ix.export("date:..9999")
    with pytest.raises(attache.CorruptIndex):
        for _ in stream:
            pass
    assert list(stream) == []
