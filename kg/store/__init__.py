"""The claims store: records, resolved actors and their claims in one SQLite file, ``claims.sqlite``.

`ClaimsStore` builds it (`add` records, `resolve` actors and corrections), reads the
records back, and gives the graph of a part of it (`Part`) as a stream for the exporters
or in memory. `kg.query` answers questions from it without building the graph. The
schema (`kg.store.schema`) is plain SQLite, for Datasette, DuckDB, R or pandas. No spaCy.
"""

from kg.store.graph import Part
from kg.store.schema import SCHEMA_VERSION, STORE_FILE, StoreError
from kg.store.store import QUOTE_GRAPH_MAX_ARTICLES, ClaimsStore
from kg.store.write import content_hash, is_unchanged

__all__ = ["ClaimsStore", "Part", "StoreError", "SCHEMA_VERSION", "STORE_FILE", "QUOTE_GRAPH_MAX_ARTICLES",
           "content_hash", "is_unchanged"]
