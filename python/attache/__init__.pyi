"""Type hints of the attache module (the C++ extension attache._attache)."""
from types import TracebackType
from typing import Any, Iterator, Literal, Optional, Sequence, Union, overload

import pandas

Hit = dict[str, Any]
"""A hit: type ('article' or 'statement') and the fields of `attache search --json`."""

Sort = Literal["relevance", "newest", "date", "oldest"]

class Error(Exception):
    """Every error attache raises."""

class QueryError(Error, ValueError):
    """A malformed query."""
    position: int
    """The character (str index into query) where the query goes wrong."""
    query: str

class InvalidInput(Error, ValueError):
    """An article, date or option that cannot be accepted; the message names what and why."""

class CorruptIndex(Error):
    """Files that fail their checksums or structure, or an unsupported format version."""

class IndexLocked(Error):
    """Another writer holds the index (its process is named in the message)."""

class NotFound(Error, KeyError):
    """No index at the path, or no article with the id."""

class SearchResult(Sequence[Hit]):
    """A page of hits, with the exact number of matches."""
    total: int
    summary: dict[str, Any]
    hits: list[Hit]
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> Hit: ...
    @overload
    def __getitem__(self, index: slice) -> list[Hit]: ...
    def __iter__(self) -> Iterator[Hit]: ...

class ExportStream(Iterator[dict[str, Any]]):
    """Every match of Index.export, read on a thread of its own while consumed."""
    rows_read: int
    def __iter__(self) -> ExportStream: ...
    def __next__(self) -> dict[str, Any]: ...
    def close(self) -> None: ...
    def __enter__(self) -> ExportStream: ...
    def __exit__(self, *args: object) -> None: ...

class Index:
    """An index opened for reading; thread-safe, calls release the GIL."""
    path: str
    closed: bool
    def __init__(self, path: str) -> None: ...
    def search(self, query: str, limit: int = 10, offset: int = 0, sort: Sort = "relevance",
               date_from: Optional[str] = None, date_to: Optional[str] = None, statements: bool = False,
               min_confidence: Optional[float] = None, collapse: bool = False) -> SearchResult:
        """The best hits of a query (docs/QUERY.md); statements=True (or speaker:) searches who said what;
        collapse=True gives one hit per group of near-duplicate articles."""
    def count(self, query: str, date_from: Optional[str] = None, date_to: Optional[str] = None,
              statements: bool = False, min_confidence: Optional[float] = None, collapse: bool = False) -> int:
        """The exact number of matching articles (or statements, or groups of near-duplicates)."""
    @overload
    def facets(self, query: str, name: Literal["month", "place", "lang"], date_from: Optional[str] = None,
               date_to: Optional[str] = None, statements: bool = False) -> dict[str, int]: ...
    @overload
    def facets(self, query: str, name: Literal["speaker"], date_from: Optional[str] = None,
               date_to: Optional[str] = None, statements: bool = False) -> list[dict[str, Any]]: ...
    def speakers(self, query: Optional[str] = None, limit: int = 50, min_confidence: float = 0.8,
                 kind: Optional[Literal["person", "group", "organisation", "publication"]] = None,
                 copies: bool = False) -> list[dict[str, Any]]:
        """Who speaks most, as `attache speakers --json`; limit=0 lists all."""
    def quote_history(self, query: Optional[str] = None, sort: Literal["spread", "date"] = "spread", limit: int = 20,
                      date_from: Optional[str] = None, date_to: Optional[str] = None,
                      min_confidence: Optional[float] = None) -> list[dict[str, Any]]:
        """Each statement once, however many articles carried it: speaker, first and last date and article,
        statements, articles, sources; sort='date' answers who said it first. limit=0 lists all."""
    def kwic(self, query: str, width: int = 40, limit: int = 200, sort: Sort = "relevance",
             date_from: Optional[str] = None, date_to: Optional[str] = None) -> list[dict[str, Any]]:
        """Each occurrence of the query's words with its context; limit=0 gives all."""
    def article(self, id: str) -> dict[str, Any]:
        """{'article': {...}, 'statements': [...]}; NotFound if there is no such article."""
    def export(self, query: str, statements: bool = False, date_from: Optional[str] = None,
               date_to: Optional[str] = None, min_confidence: Optional[float] = None,
               unique: bool = False) -> ExportStream:
        """Every match, streamed in bounded memory, as `attache export` writes them."""
    def stats(self) -> dict[str, Any]:
        """`attache stats --json`."""
    def __len__(self) -> int: ...
    def close(self) -> None: ...
    def __enter__(self) -> Index: ...
    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None: ...

class Writer:
    """The one writer of an attache index; commits on a normal exit from a with block."""
    closed: bool
    added: int
    def __init__(self, path: str, wait: float = 0.0, memory_mib: int = 512) -> None: ...
    def add(self, article: dict[str, Any]) -> str:
        """Adds an article (id, date, text; title, source, url, author, place, lang); InvalidInput if it is refused."""
    def delete(self, id: str) -> bool:
        """Deletes at the next commit; False if there is no such article."""
    def commit(self) -> None: ...
    def close(self) -> None: ...
    def __enter__(self) -> Writer: ...
    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None: ...

def quotes(text: str, date: Optional[str] = None, id: str = "text",
           min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Who said what in one text, without an index (`attache quotes --json`'s fields)."""

def to_dataframe(rows: Union[Sequence[dict[str, Any]], Iterator[dict[str, Any]]]) -> pandas.DataFrame:
    """A pandas DataFrame of any rows attache gives (needs pandas)."""
