"""ExtractionSettings: made once (codebook read and checked), pickled to workers, owner of the cache key."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractors import DEFAULT_MODEL
from extractors.codebook import Codebook, Concept
from kg.run import ExtractionSettings, RecordCache, model_fingerprint
from kg.run.settings import _model_folder

CODEBOOK = """\
concepts:
  - name: state provision
    patterns: ["state", "public sector", 're:statutory (duties|responsibilit\\w+)']
"""


def write(tmp_path: Path, text: str, name: str = "codebook.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults():
    settings = ExtractionSettings()
    assert (settings.model, settings.codebook, settings.max_chars, settings.jobs) == (DEFAULT_MODEL, None,
                                                                                      1_000_000, 1)
    assert (settings.engine.value, settings.scheduler, settings.strict, settings.cache) == ("local", None,
                                                                                             False, True)


def test_the_codebook_is_read_once_into_the_settings(tmp_path):
    path = write(tmp_path, CODEBOOK)
    settings = ExtractionSettings.from_options(codebook=path, max_chars=500)
    assert isinstance(settings.codebook, Codebook)
    assert [c.name for c in settings.codebook.concepts] == ["state provision"]
    assert settings.codebook_path == path and settings.max_chars == 500
    path.unlink()  # nothing reads the file again
    assert settings.codebook.concepts[0].patterns[0] == "state"


@pytest.mark.parametrize("text, message", [
    (None, "cannot read the codebook"),
    ("concepts: [\n", "not valid YAML at line"),
    ("concepts:\n  - name: x\n    patterns: []\n", "concepts.0.patterns"),
])
def test_a_bad_codebook_is_a_clear_one_line_error(tmp_path, text, message):
    path = tmp_path / "codebook.yaml" if text is None else write(tmp_path, text)
    with pytest.raises(ValueError, match=message) as error:
        ExtractionSettings.from_options(codebook=path)
    assert not isinstance(error.value, ValidationError)
    assert str(error.value).startswith(f"{path}: ") and "\n" not in str(error.value)


def test_settings_are_frozen_and_checked():
    settings = ExtractionSettings()
    with pytest.raises(ValidationError):
        settings.max_chars = 5  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ExtractionSettings(max_chars=0)
    with pytest.raises(ValidationError):
        ExtractionSettings(engine="cloud")
    with pytest.raises(ValidationError):
        ExtractionSettings(modle="typo")


def test_settings_pickle_with_their_codebook(tmp_path):
    settings = ExtractionSettings.from_options(codebook=write(tmp_path, CODEBOOK), jobs=2, engine="dask",
                                               scheduler="tcp://10.0.0.5:8786", cache_dir=tmp_path / "c")
    copy = pickle.loads(pickle.dumps(settings))
    assert copy == settings
    assert copy.codebook.concepts[0].regexes[0].pattern == r"statutory (duties|responsibilit\w+)"
    assert copy.cache_key() == settings.cache_key()
    assert copy.pipeline_key == settings.pipeline_key and hash(copy.pipeline_key) == hash(settings.pipeline_key)


def test_the_cache_key_changes_with_what_decides_a_record(tmp_path):
    codebook = Codebook(concepts=[Concept(name="state provision", patterns=["state"])])
    other_codebook = Codebook(concepts=[Concept(name="state provision", patterns=["state", "council"])])
    base = ExtractionSettings(codebook=codebook)
    changed = [
        base.model_copy(update={"model": "another_model"}),
        base.model_copy(update={"max_chars": 5000}),
        base.model_copy(update={"codebook": other_codebook}),
        base.model_copy(update={"codebook": None}),
    ]
    keys = [s.cache_key() for s in changed]
    assert base.cache_key() not in keys and len(set(keys)) == len(keys)


def test_the_cache_key_ignores_how_and_where_a_run_goes(tmp_path):
    base = ExtractionSettings.from_options(codebook=write(tmp_path, CODEBOOK))
    same_content = ExtractionSettings.from_options(codebook=write(tmp_path, CODEBOOK, "copy.yaml"))
    assert same_content.cache_key() == base.cache_key()
    for update in ({"jobs": 4}, {"engine": "dask"}, {"scheduler": "tcp://x:1"}, {"strict": True},
                   {"cache": False}, {"cache_dir": tmp_path}):
        assert ExtractionSettings(**{**dict(base), **update}).cache_key() == base.cache_key(), update


def test_the_cache_key_names_the_installed_model_version_and_config():
    fingerprint = model_fingerprint(DEFAULT_MODEL)
    name, _, rest = fingerprint.partition("@")
    version, _, config_hash = rest.partition(":")
    assert name == DEFAULT_MODEL and version == "3.8.0" and len(config_hash) == 16
    assert ExtractionSettings().cache_key().startswith(f"{fingerprint}|1000000||")
    # The same model given by its path has the same config.
    folder = _model_folder(DEFAULT_MODEL)
    assert (folder / "config.cfg").is_file()
    assert model_fingerprint(str(folder)) == f"{folder}@{version}:{config_hash}"
    # A name that is not installed falls back to the name; the run then fails with ModelNotFound.
    assert model_fingerprint("no_such_model_xyz") == "no_such_model_xyz"


def test_the_record_cache_takes_the_settings_key(tmp_path):
    settings = ExtractionSettings(cache_dir=tmp_path / "cache")
    cache = RecordCache.for_settings(settings)
    assert cache.folder == tmp_path / "cache" and cache.settings_key == settings.cache_key()
    assert ExtractionSettings().cache_folder.name == "policy-claims-kg"
