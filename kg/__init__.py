"""The claims graph: build it from extractor records, export it, query it.

Nothing here needs spaCy except the `build` and `extract` commands, which
import `extractors.pipeline` when they run.
"""
