"""Writer: what Python adds, `attache` finds, as if `attache index` had read it."""
import json

import attache
import pytest

from conftest import cli_json_lines, run_cli

ARTICLES = [
    {"id": "kyiv-1", "date": "2022-01-19", "title": "Blinken in Kyiv", "source": "wire", "url": "https://e.x/1",
     "text": 'Secretary of State Antony Blinken said on Wednesday that Russia could attack Ukraine "at very short '
             'notice". "We will stand with Ukraine," Blinken told reporters in Kyiv.'},
    {"id": "geneva-1", "date": "2022-01-10T18:30:00+01:00", "title": "Talks in Geneva",
     "text": "Deputy Foreign Minister Sergei Ryabkov said the talks were difficult. NATO must never expand, "
             "Ryabkov insisted."},
    {"id": 7, "date": "2022-02-01", "text": "Sanctions were discussed in Brussels on Tuesday."},
]


def test_added_articles_equal_cli_indexed(tmp_path):
    with attache.Writer(str(tmp_path / "py")) as writer:
        assert [writer.add(a) for a in ARTICLES] == ["kyiv-1", "geneva-1", "7"]
        assert writer.added == 3
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    run_cli("index", "--quiet", "--index", str(tmp_path / "cli"), str(feed))
    for query in ["ukraine OR sanctions OR ryabkov", "speaker:blinken", "date:2022-01-10"]:
        py_rows = cli_json_lines("export", "--index", str(tmp_path / "py"), query)
        assert py_rows == cli_json_lines("export", "--index", str(tmp_path / "cli"), query)
        assert py_rows
    assert cli_json_lines("export", "--index", str(tmp_path / "py"), "--statements", "speaker:ryabkov") == \
        cli_json_lines("export", "--index", str(tmp_path / "cli"), "--statements", "speaker:ryabkov")


def test_commit_delete_and_replace(tmp_path):
    path = str(tmp_path / "index")
    writer = attache.Writer(path)
    writer.add(ARTICLES[0])
    writer.commit()
    reader = attache.Index(path)
    assert reader.count("kyiv") == 1
    writer.add(dict(ARTICLES[0], text="Replaced text about Vienna."))
    assert writer.delete("kyiv-1") is True and writer.delete("missing") is False
    writer.commit()
    assert reader.count("kyiv") == 1  # a snapshot does not change under its reader
    assert attache.Index(path).count("kyiv OR vienna") == 0
    writer.close()
    assert writer.closed


def test_exception_in_with_block_does_not_commit(tmp_path):
    path = str(tmp_path / "index")
    with attache.Writer(path) as writer:
        writer.add(ARTICLES[2])
    with pytest.raises(RuntimeError):
        with attache.Writer(path) as writer:
            writer.add(ARTICLES[0])
            raise RuntimeError("stop")
    assert len(attache.Index(path)) == 1
