"""Reading and writing: input articles, records, and graph exports.

Each format has its own module; algorithms elsewhere in `kg` never open files.
"""

from kg.readwrite.articles import read_articles
from kg.readwrite.graphml import read_graphml, write_graphml
from kg.readwrite.html import write_html
from kg.readwrite.records import read_records, write_failures, write_records

__all__ = [
    "read_articles",
    "read_graphml",
    "write_graphml",
    "write_html",
    "read_records",
    "write_records",
    "write_failures",
]
