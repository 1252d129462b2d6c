"""A good build is never lost: killed, raced, out of disk space or given no article, `kg build`
leaves the previous outputs whole, and a finished build leaves the new ones whole, never a mix."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli_helpers import summary_line
from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOOD = "Jane Smith, the council leader, said the budget was balanced this year.\n"
OUTPUTS = ["claims.sqlite", "failures.jsonl", "graph.gexf", "graph.graphml", "graph.html", "graph.json", "records.jsonl",
           "statements.csv"]

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("nlp")]  # in-process runs share the pipeline


def _invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _article_ids(out: Path) -> tuple[list[str], list[str]]:
    """Article ids in records.jsonl and in graph.json: equal in a complete set."""
    records = sorted(json.loads(line)["id"] for line in (out / "records.jsonl").read_text().splitlines())
    graph = json.loads((out / "graph.json").read_text())
    return records, sorted(n["article_id"] for n in graph["nodes"] if n.get("type") == "article")


def _kg(*args: object, cache: Path) -> subprocess.Popen:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.Popen([sys.executable, "-m", "kg", *map(str, args)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _staging(out: Path) -> list[Path]:
    return list(out.parent.glob(f".{out.name}.kg-staging-*"))


def _wait_for(condition, timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.002)
    return False


@pytest.fixture
def old_build(tmp_path):
    """A finished build of one seed article in tmp_path/out, and a snapshot of it."""
    out = tmp_path / "out"
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], one)
    assert _invoke("build", one, "--out", out).exit_code == 0
    return out, _snapshot(out)


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["extraction", "export"])
def test_a_build_killed_midway_leaves_the_old_outputs_whole(tmp_path, old_build, moment):
    out, before = old_build
    process = _kg("build", SEEDS, "--out", out, cache=tmp_path / "cache")
    if moment == "extraction":
        reached = _wait_for(lambda: bool(_staging(out)))
    else:  # records.jsonl appears in the staging folder when extraction ends; the graph files follow
        reached = _wait_for(lambda: any((s / "records.jsonl").exists() for s in _staging(out)))
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert reached, "the build finished before it could be killed"
    assert _snapshot(out) == before  # the previous set, whole
    assert _staging(out)  # what the killed run left...
    result = _invoke("build", SEEDS, "--out", out, "--cache-dir", tmp_path / "cache")
    assert result.exit_code == 0, result.output
    assert not _staging(out)  # ...is removed by the next run
    records, graph = _article_ids(out)
    assert records == graph == sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.mark.slow
def test_a_second_build_into_the_same_folder_refuses_while_the_first_runs(tmp_path, old_build):
    out, _ = old_build
    first = _kg("build", SEEDS, "--out", out, "--no-cache", cache=tmp_path / "cache")
    assert _wait_for(lambda: bool(_staging(out)))  # the first run holds the lock from here to its swap
    second = _kg("build", SEEDS / "000_7333edb62327203e.txt", "--out", out, cache=tmp_path / "cache")
    _, second_err = second.communicate(timeout=120)
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    assert second.returncode == 3
    assert "another kg run is writing it" in second_err and "Traceback" not in second_err
    records, graph = _article_ids(out)
    assert records == graph == sorted(p.stem for p in SEEDS.glob("*.txt"))  # all the first run's


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs, where the machine allows mounting one (root in a container that permits it)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                             capture_output=True).returncode == 0 if shutil.which("mount") else False
    if not mounted:
        pytest.skip("cannot mount a small tmpfs here")
    yield disk
    subprocess.run(["umount", str(disk)], check=False)


def test_a_full_disk_fails_the_run_with_status_3_and_keeps_the_old_outputs(tmp_path, small_disk):
    (tmp_path / "good.txt").write_text(GOOD)
    out = small_disk / "out"
    assert _invoke("build", tmp_path / "good.txt", "--out", out).exit_code == 0
    before = _snapshot(out)
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(free - 64 * 1024, 0))  # leave 64 KB
    result = _invoke("build", tmp_path / "good.txt", "--out", out, "--no-cache")
    assert result.exit_code == 3, result.output
    assert "No space left on device" in result.stderr and "was left as it was" in result.stderr
    assert "Traceback" not in result.output
    assert _snapshot(out) == before
    assert sorted(p.name for p in small_disk.iterdir()) == [".out.lock", "filler", "out"]


def test_a_run_without_any_article_keeps_the_previous_outputs(tmp_path, old_build):
    out, before = old_build
    result = _invoke("build", tmp_path / "typo-in-the-path", "--out", out)
    assert result.exit_code == 1
    assert "no such file or directory" in result.stderr
    assert "no article was extracted" in result.stderr and "was left as it was" in result.stderr
    assert _snapshot(out) == before


def test_a_new_output_folder_gets_the_failures_even_without_an_article(tmp_path):
    out = tmp_path / "out"
    result = _invoke("build", tmp_path / "typo", "--out", out)
    assert result.exit_code == 1
    assert [json.loads(line)["reason"] for line in (out / "failures.jsonl").read_text().splitlines()] == [
        "no such file or directory"]


def test_build_refuses_an_output_folder_that_holds_other_files(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("mine")
    result = _invoke("build", tmp_path / "good.txt", "--out", home)
    assert result.exit_code == 2
    assert "holds files that are not kg outputs (notes.txt)" in result.stderr
    assert _snapshot(home) == {"notes.txt": b"mine"}


def test_a_build_of_the_current_folder_never_reads_its_own_outputs(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "good.txt").write_text(GOOD)
    monkeypatch.chdir(project)
    for _ in range(2):
        result = _invoke("build", ".", "--out", "out")
        assert result.exit_code == 0, result.output
        assert summary_line(result, "build") == "kg build: 1 articles, 0 failed"
    (project / "elsewhere").mkdir()
    shutil.copytree(project / "out", project / "elsewhere" / "old-build")  # any kg output folder
    result = _invoke("build", ".", "--out", "out")
    assert result.exit_code == 0 and summary_line(result, "build") == "kg build: 1 articles, 0 failed"


def test_extract_replaces_its_file_only_when_complete(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "records.jsonl"
    out.write_text("previous\n")
    result = _invoke("extract", tmp_path / "missing.txt", "--out", out)
    assert result.exit_code == 1 and out.read_text() == "previous\n"  # nothing extracted: kept
    result = _invoke("extract", tmp_path, "--out", out)  # the folder holds the output file itself
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["good"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".records.jsonl.lock", "good.txt", "records.jsonl"]
