"""Running extraction: read input articles, extract their records as the settings say, cache
them, and write the outputs of ``kg extract`` and ``kg build``.

One module per job: `settings` (`ExtractionSettings`, made once per run and taken by every
part), `inputs` (reading articles, with `sources` finding the files, `reading` opening and
decoding one safely and `jsonl` streaming JSON Lines), `batch` (the driver, writing outputs
as a set), `engines` (in this process, a process pool or Dask, with `pool` surviving dead
workers) and `cache` (records already extracted). spaCy is imported only when extraction
starts, so importing this package needs none; each name below is imported from its module
when first used (`kg._lazy`).
"""

from kg._lazy import lazy_names

__all__ = [
    "ExtractionSettings",
    "Engine",
    "DEFAULT_MAX_CHARS",
    "read_articles",
    "count_articles",
    "SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "extract_records",
    "run_extract",
    "run_build",
    "OUTPUT_FILES",
    "RunSummary",
    "StrictStop",
    "ProgressCallback",
    "run_engine",
    "run_local",
    "run_processes",
    "run_dask",
    "extract_batch",
    "WorkItem",
    "Result",
    "BATCH_SIZE",
    "RecordCache",
    "default_cache_dir",
    "extractor_fingerprint",
    "model_fingerprint",
]

__getattr__ = lazy_names(__name__, {
    "batch": ["OUTPUT_FILES", "ProgressCallback", "RunSummary", "StrictStop", "extract_records", "run_build",
              "run_extract"],
    "cache": ["RecordCache"],
    "engines": ["BATCH_SIZE", "Result", "WorkItem", "extract_batch", "run_dask", "run_engine", "run_local",
                "run_processes"],
    "inputs": ["DEFAULT_MAX_BYTES", "SUFFIXES", "read_articles"],
    "sources": ["count_articles"],
    "settings": ["DEFAULT_MAX_CHARS", "Engine", "ExtractionSettings", "default_cache_dir", "extractor_fingerprint",
                 "model_fingerprint"],
})
