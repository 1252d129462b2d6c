"""Reading and writing: records and graph exports (input articles are read by `kg.run`).

Each format has its own module; algorithms elsewhere in `kg` never open files.
"""

from kg.readwrite.gexf import write_gexf
from kg.readwrite.graphml import read_graphml, write_graphml
from kg.readwrite.html import write_html
from kg.readwrite.json_graph import read_json, write_json
from kg.readwrite.records import read_records, write_failures, write_records
from kg.readwrite.statements import write_statements

__all__ = [
    "read_graphml",
    "write_graphml",
    "write_gexf",
    "write_html",
    "read_json",
    "write_json",
    "write_statements",
    "read_records",
    "write_records",
    "write_failures",
]
