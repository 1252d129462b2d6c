"""spaCy extractors: people, organisations, roles and quotes from article text.

The spaCy components live in `entities` and `quotes`; `pipeline` loads a model
with them and turns each article into an `records.ArticleRecord`. This package
never imports `kg`, and importing it does not import spaCy.
"""
