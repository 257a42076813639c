"""attache: full-text search and who said what over archives of news.

    import attache
    with attache.Index("news-index") as ix:
        for hit in ix.search('speaker:lavrov nato', limit=5):
            print(hit["date"], hit["speaker"], hit["text"])

Hits, statements, speakers and concordance lines are dicts with the fields of
the command line's --json output (one serialisation in C++ serves both).
"""
from ._attache import (
    CorruptIndex,
    Error,
    ExportStream,
    Index,
    IndexLocked,
    InvalidInput,
    NotFound,
    QueryError,
    SearchResult,
    Writer,
    quotes,
)

__all__ = [
    "CorruptIndex", "Error", "ExportStream", "Index", "IndexLocked", "InvalidInput", "NotFound", "QueryError",
    "SearchResult", "Writer", "quotes", "to_dataframe",
]


def to_dataframe(rows):
    """A pandas DataFrame of hits, statements, speakers or exported rows (any iterable of dicts).

    Needs pandas (Debian: python3-pandas); ImportError says so otherwise.
    """
    try:
        import pandas
    except ImportError as e:
        raise ImportError("attache.to_dataframe needs pandas (apt-get install python3-pandas)") from e
    return pandas.DataFrame.from_records(list(rows))
