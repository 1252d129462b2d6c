"""Running extraction: read input articles, extract their records where the settings say, cache
them, and write the outputs of ``kg extract`` and ``kg build``.

One module per job: `inputs` (reading articles), `batch` (the driver), `engines` (in this
process, a process pool or Dask) and `cache` (records already extracted). spaCy is imported only
when extraction starts, so importing this package needs none.
"""

from kg.run.batch import DEFAULT_MAX_CHARS, RunSummary, StrictStop, extract_records, run_build, run_extract
from kg.run.cache import RecordCache, default_cache_dir, extractor_fingerprint
from kg.run.engines import BATCH_SIZE, Result, WorkItem, extract_batch, run_dask, run_local, run_processes
from kg.run.inputs import SUFFIXES, read_articles

__all__ = [
    "read_articles",
    "SUFFIXES",
    "extract_records",
    "run_extract",
    "run_build",
    "RunSummary",
    "StrictStop",
    "DEFAULT_MAX_CHARS",
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
]
