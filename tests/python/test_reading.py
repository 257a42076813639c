"""Index's reading calls give what the command line gives, field for field."""
import json
from concurrent.futures import ThreadPoolExecutor

import attache
import pytest

from conftest import cli_json_lines, run_cli

QUERIES = ["russia", "nato OR sanctions", '"foreign minister"', "ukraine -kyiv", "negotiat*", "speaker:lavrov",
           "date:2022-01..2022-02 nato"]


def cli_search(index, *args):
    lines = cli_json_lines("search", "--index", index, "--json", *args)
    return lines[:-1], lines[-1]["summary"]


@pytest.mark.parametrize("query", QUERIES)
def test_search_equals_cli_json(generated_index, query):
    with attache.Index(generated_index) as ix:
        result = ix.search(query, limit=20)
    hits, summary = cli_search(generated_index, query, "--limit", "20")
    assert list(result) == hits
    assert result.total == summary["total"]
    assert result.summary == summary
    assert len(result) == len(hits) and isinstance(result, attache.SearchResult)


def test_search_options_equal_cli_options(generated_index):
    ix = attache.Index(generated_index)
    result = ix.search("russia", limit=5, offset=3, sort="oldest", date_from="2021", date_to="2023-06",
                       statements=True, min_confidence=0.7)
    hits, summary = cli_search(generated_index, "russia", "--limit", "5", "--offset", "3", "--sort", "oldest",
                               "--from", "2021", "--to", "2023-06", "--statements", "--min-confidence", "0.7")
    assert result.hits == hits and result.summary == summary
    assert all(h["type"] == "statement" for h in result) and result[0] == hits[0] and result[1:3] == hits[1:3]
    assert [h["date"] for h in ix.search("nato", sort="newest", limit=50)] == \
        sorted((h["date"] for h in ix.search("nato", sort="newest", limit=50)), reverse=True)


def test_count_and_facets_equal_cli(generated_index):
    ix = attache.Index(generated_index)
    assert ix.count("nato") == int(run_cli("search", "--index", generated_index, "nato", "--count").stdout)
    assert ix.count("speaker:putin") == ix.search("speaker:putin").total
    summary = cli_search(generated_index, "sanctions", "--facet", "month", "--facet", "speaker", "--limit", "0")[1]
    assert ix.facets("sanctions", "month") == summary["facets"]["month"]
    assert ix.facets("sanctions", "speaker") == summary["facets"]["speaker"]
    assert sum(ix.facets("sanctions", "month").values()) == ix.count("sanctions")


def test_author_place_language_equal_cli(corpus_index):
    ix = attache.Index(corpus_index)
    summary = cli_search(corpus_index, "talks", "--facet", "place", "--facet", "lang", "--limit", "0")[1]
    assert ix.facets("talks", "place") == summary["facets"]["place"]
    assert ix.facets("talks", "lang") == summary["facets"]["lang"]
    assert ix.facets("talks", "place")["Brussels"] >= 1
    hit = ix.search("place:kyiv")[0]
    assert hit["place"] == "Kyiv" and "author" in hit and "lang" in hit


def test_speakers_equal_cli(generated_index):
    ix = attache.Index(generated_index)
    assert ix.speakers() == cli_json_lines("speakers", "--index", generated_index, "--json")[:-1]
    assert ix.speakers("nato", limit=0, min_confidence=0, kind="person") == cli_json_lines(
        "speakers", "--index", generated_index, "--json", "--limit", "0", "--min-confidence", "0",
        "--kind", "person", "nato")[:-1]


def test_kwic_equals_cli(generated_index):
    ix = attache.Index(generated_index)
    assert ix.kwic('"prime minister"', width=30, limit=50) == cli_json_lines(
        "kwic", "--index", generated_index, "--json", "--width", "30", "--limit", "50", '"prime minister"')
    assert len(ix.kwic("nato", limit=0)) > 200


def test_article_with_statements(corpus_index):
    ix = attache.Index(corpus_index)
    found = ix.article("004_lavrov_press_conference")
    exported = cli_json_lines("export", "--index", corpus_index, "id:004_lavrov_press_conference")
    assert found["article"] == exported[0]
    statements = cli_json_lines("export", "--index", corpus_index, "--statements", "id:004_lavrov_press_conference")
    assert [{k: v for k, v in s.items() if k != "group"} for s in found["statements"]] == statements
    assert statements and all(isinstance(s["group"], bool) for s in found["statements"])


@pytest.mark.parametrize("statements", [False, True])
def test_export_equals_cli_export(generated_index, statements):
    ix = attache.Index(generated_index)
    flag = ["--statements"] if statements else []
    rows = list(ix.export("nato OR russia", statements=statements))
    assert rows == cli_json_lines("export", "--index", generated_index, *flag, "nato OR russia")
    assert len(rows) > 100


def test_export_stops_early_and_closes(generated_index):
    ix = attache.Index(generated_index)
    stream = ix.export("the")
    first = [next(stream) for _ in range(3)]
    assert stream.rows_read == 3 and len(first) == 3
    stream.close()
    assert list(stream) == []
    with ix.export("the") as again:
        assert next(again)["id"] == first[0]["id"]
    del again  # a stream let go with rows still queued stops its reader


def test_stats_len_and_closing(corpus_index):
    ix = attache.Index(corpus_index)
    assert ix.stats() == json.loads(run_cli("stats", "--index", corpus_index, "--json").stdout)
    assert len(ix) == ix.stats()["articles"] == 12
    stream = ix.export("russia")
    ix.close()
    assert ix.closed and "closed" in repr(ix)
    assert len(list(stream)) == ix_count(corpus_index, "russia")  # a stream keeps its snapshot
    with pytest.raises(ValueError):
        ix.search("russia")


def ix_count(path, query):
    with attache.Index(path) as ix:
        return ix.count(query)


def test_quotes_equals_cli_quotes(corpus_index):
    path = f"{__import__('conftest').CORPUS}/004_lavrov_press_conference.txt"
    text = open(path).read().split("\n\n", 1)[1]
    expected = cli_json_lines("quotes", "--json", path)
    got = attache.quotes(text, date=expected[0]["date"], id=expected[0]["article"])
    assert [(s["speaker"], s["text"], s["confidence"]) for s in got] == \
        [(s["speaker"], s["text"], s["confidence"]) for s in expected]
    assert all(s["date"] is None for s in attache.quotes(text))
    assert all(s["confidence"] >= 0.9 for s in attache.quotes(text, min_confidence=0.9))


def test_to_dataframe(generated_index):
    pandas = pytest.importorskip("pandas")
    ix = attache.Index(generated_index)
    frame = attache.to_dataframe(ix.export("speaker:putin"))
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == ix.count("speaker:putin") and "speaker" in frame.columns
    assert list(attache.to_dataframe(ix.search("nato")).columns)[:3] == ["type", "id", "date"]


def test_xapian_index_reads_like_the_cli(tmp_path):
    """A Xapian index answers through the same calls; its database takes turns
    between threads, and an export reads through a database of its own."""
    path = str(tmp_path / "xapian")
    run_cli("index", "--quiet", "--backend", "xapian", "--index", path, __import__("conftest").CORPUS)
    ix = attache.Index(path)
    assert list(ix.search("russia OR nato", limit=20)) == cli_search(path, "russia OR nato", "--limit", "20")[0]
    stream = ix.export("russia")
    first = next(stream)
    assert ix.count("russia") == 1 + sum(1 for _ in stream)  # a search while the export is open
    assert [first] == cli_json_lines("export", "--index", path, "russia")[:1]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(lambda q: ix.count(q), ["nato"] * 8)) == {ix.count("nato")}
    with pytest.raises(attache.InvalidInput):
        ix.stats()
    with pytest.raises(attache.InvalidInput):
        attache.Writer(path)


def test_quote_history_equals_cli(generated_index):
    ix = attache.Index(generated_index)
    assert ix.quote_history() == cli_json_lines("quotes", "--index", generated_index, "--history", "--json")
    first = ix.quote_history("nato", sort="date", limit=3, date_from="2022")
    assert first == cli_json_lines("quotes", "--index", generated_index, "--history", "--json", "--sort", "date",
                                   "--limit", "3", "--from", "2022", "nato")
    assert [g["first_date"] for g in first] == sorted(g["first_date"] for g in first)
    assert all(g["type"] == "quote" and g["articles"] >= 1 for g in first)
    with pytest.raises(ValueError):
        ix.quote_history(sort="size")


def test_collapse_and_unique_equal_cli(generated_index):
    ix = attache.Index(generated_index)
    hits = ix.search("nato", limit=5, collapse=True).hits
    assert hits == cli_json_lines("search", "--index", generated_index, "--json", "--limit", "5", "--collapse",
                                  "nato")[:-1]
    assert all("copies" in h and "original" in h for h in hits)
    assert ix.count("nato", collapse=True) == int(run_cli("search", "--index", generated_index, "--count",
                                                          "--collapse", "nato").stdout.strip())
    unique = [row["id"] for row in ix.export("nato", unique=True)]
    assert unique == [row["id"] for row in cli_json_lines("export", "--index", generated_index, "--unique", "nato")]
