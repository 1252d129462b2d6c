"""kg.readwrite.staging: a set of outputs is replaced whole or not at all, one run at a time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.readwrite import staging as staging_module
from kg.readwrite.staging import OUTPUT_MARKER, OutputBusy, OutputRefused, is_output_folder, staged_file, staged_folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _write(folder: Path, **files: str) -> None:
    for name, text in files.items():
        (folder / name).write_text(text)


def _old_outputs(out: Path) -> dict[str, bytes]:
    with staged_folder(out) as staging:
        _write(staging.path, **{"records.jsonl": "old\n", "graph.json": "old"})
    return _files(out)


def test_a_new_folder_is_created_with_the_marker(tmp_path):
    out = tmp_path / "deep" / "out"
    with staged_folder(out) as staging:
        assert staging.path.parent == out.parent and staging.path.name.startswith(".out.kg-staging-")
        assert not staging.replaces
        _write(staging.path, a="1")
    assert set(_files(out)) == {OUTPUT_MARKER, "a"} and is_output_folder(out)
    assert sorted(p.name for p in out.parent.iterdir()) == [".out.lock", "out"]  # no staging left


def test_the_swap_replaces_the_whole_set(tmp_path):
    out = tmp_path / "out"
    _old_outputs(out)
    with staged_folder(out) as staging:
        assert staging.replaces
        _write(staging.path, **{"records.jsonl": "new\n"})
    assert _files(out) == {OUTPUT_MARKER: _files(out)[OUTPUT_MARKER], "records.jsonl": b"new\n"}


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_an_error_while_writing_leaves_the_old_set(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(staging_module, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    before = _old_outputs(out)
    with pytest.raises(OSError, match="No space"):
        with staged_folder(out) as staging:
            _write(staging.path, **{"records.jsonl": "new\n"})
            raise OSError(28, "No space left on device")
    assert _files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]
    with staged_folder(out) as staging:  # and the next run swaps in as usual
        _write(staging.path, x="y")
    assert set(_files(out)) == {OUTPUT_MARKER, "x"}


def test_discard_keeps_the_old_set(tmp_path):
    out = tmp_path / "out"
    before = _old_outputs(out)
    with staged_folder(out) as staging:
        _write(staging.path, **{"records.jsonl": "new\n"})
        staging.discard()
    assert _files(out) == before and sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_a_second_run_refuses_while_the_first_holds_the_output(tmp_path):
    out = tmp_path / "out"
    with staged_folder(out):
        with pytest.raises(OutputBusy, match="another kg run is writing it"):
            with staged_folder(out):
                pass
        with pytest.raises(OutputBusy):
            with staged_file(tmp_path / "out"):  # the same lock, whatever the kind
                pass
    with staged_folder(out):  # released at the end
        pass


def test_leftovers_of_a_killed_run_are_cleaned_and_moved_aside_outputs_restored(tmp_path):
    out = tmp_path / "out"
    before = _old_outputs(out)
    # Killed between the two renames of the fallback swap: the old set moved aside, the new one staged.
    os.rename(out, tmp_path / ".out.kg-old-0123abcd")
    (tmp_path / ".out.kg-staging-89abcdef").mkdir()
    (tmp_path / ".out.kg-staging-89abcdef" / "records.jsonl").write_text("half")
    (tmp_path / ".out.0123abcd.tmp").write_text("atomic_open leftover")
    (tmp_path / ".outer.kg-staging-0123abcd").mkdir()  # another output's: not ours to touch
    with staged_folder(out) as staging:
        assert _files(out) == before  # restored before the run starts
        staging.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", ".outer.kg-staging-0123abcd", "out"]


def test_a_folder_with_other_files_is_never_replaced(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_text("years of work")
    with pytest.raises(OutputRefused, match=r"holds files that are not kg outputs \(thesis.docx\)"):
        with staged_folder(home, replaceable=["records.jsonl"]):
            pass
    assert _files(home) == {"thesis.docx": b"years of work"}
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputRefused, match="is a file"):
        with staged_folder(tmp_path / "file"):
            pass


def test_an_output_folder_from_before_the_marker_is_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    _write(out, **{"records.jsonl": "old", ".graph.html.0123abcd.tmp": "leftover"})
    with staged_folder(out, replaceable=["records.jsonl"]) as staging:
        _write(staging.path, **{"records.jsonl": "new"})
    assert (out / "records.jsonl").read_text() == "new"


def test_a_link_to_the_output_folder_is_followed(tmp_path):
    real = tmp_path / "real"
    _old_outputs(real)
    (tmp_path / "link").symlink_to(real)
    with staged_folder(tmp_path / "link") as staging:
        _write(staging.path, x="new")
    assert (tmp_path / "link").is_symlink() and (real / "x").read_text() == "new"


def test_a_staged_file_replaces_its_target_when_complete(tmp_path):
    out = tmp_path / "records.jsonl"
    out.write_text("old")
    with pytest.raises(RuntimeError):
        with staged_file(out) as staging:
            staging.path.write_text("half")
            raise RuntimeError("killed")
    assert out.read_text() == "old"
    (tmp_path / "..records.jsonl.kg-staging-0123abcd.89abcdef.tmp").write_text("leftover")
    with staged_file(out) as staging:
        assert staging.replaces
        staging.path.write_text("new")
    assert out.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".records.jsonl.lock", "records.jsonl"]
