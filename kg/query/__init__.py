"""Ask a claims graph questions: who said what, when, with whom, about what.

`load` opens a claims store (``claims.sqlite`` of a ``kg build`` or ``kg graph``
output directory) or a saved graph (node-link JSON, ``records.jsonl``, GraphML),
without spaCy. `StoreQueries` answers from the store in SQL, `ClaimsGraph` from a
graph in memory; both with the pydantic records of `results`, in lists that turn
into pandas DataFrames.

Examples
--------
>>> g = load("out/")                                    # doctest: +SKIP
>>> g.quotes(speaker="Margaret Hodge")                  # doctest: +SKIP
>>> g.who_said("voluntary sector").to_pandas()           # doctest: +SKIP
>>> g.quotes(speaker="Hilary Clinton")                  # doctest: +SKIP
QueryError: no person or organisation called 'Hilary Clinton'; did you mean Hillary Clinton?
"""

from kg._lazy import lazy_names
from kg.query.load import load
from kg.query.store_queries import StoreQueries
from kg.query.results import (ActorResult, ArticleResult, CoQuoted, PathStep, QuoteResult, Results, RoleResult,
                              StanceResult)
from kg.query.suggest import QueryError

__all__ = ["load", "ClaimsGraph", "StoreQueries", "Results", "ActorResult", "ArticleResult", "QuoteResult",
           "StanceResult", "RoleResult", "CoQuoted", "PathStep", "QueryError"]

__getattr__ = lazy_names(__name__, {"claims_graph": ["ClaimsGraph"]})  # networkx: only for a graph in memory
