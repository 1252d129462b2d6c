"""Ask a claims graph questions: who said what, when, with whom, about what.

`load` reads a saved graph (node-link JSON, ``records.jsonl``, GraphML or a
``kg build`` output directory) without spaCy; `ClaimsGraph` answers with the
pydantic records of `results`, in lists that turn into pandas DataFrames.

Examples
--------
>>> g = load("out/")                                    # doctest: +SKIP
>>> g.quotes(speaker="Margaret Hodge")                  # doctest: +SKIP
>>> g.who_said("voluntary sector").to_pandas()           # doctest: +SKIP
"""

from kg.query.claims_graph import ClaimsGraph
from kg.query.load import load
from kg.query.results import ActorResult, ArticleResult, CoQuoted, PathStep, QuoteResult, Results, RoleResult

__all__ = ["load", "ClaimsGraph", "Results", "ActorResult", "ArticleResult", "QuoteResult", "RoleResult",
           "CoQuoted", "PathStep"]
