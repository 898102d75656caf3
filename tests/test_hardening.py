"""Hostile situations (issue 12): every failure a clear message, every output whole or absent.

Real QGIS through processing.run, real files in temporary folders. A read-only
folder is made with chmod, or, as root (whom chmod does not stop), as a
read-only tmpfs mount; a full disk is a tiny tmpfs. Tests that cannot make
one are skipped with the reason.
"""

import contextlib
import os
import shutil
import subprocess

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES


def _mount_tmpfs(folder, options):
    if shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def _mounted(folder, options, reason):
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount_tmpfs(folder, options):
        pytest.skip(reason)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture()
def read_only_folder(tmp_path):
    """A folder nobody running the tests can write into."""
    folder = tmp_path / "read_only"
    if os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    with _mounted(folder, "ro,size=64k", "running as root, where chmod does not stop writing, and no read-only "
                                         "tmpfs can be mounted here") as mounted:
        yield mounted


@pytest.fixture(params=[96, 192, 320])
def full_disk(tmp_path, request):
    """A tiny filesystem with room for a few small files (96, 192 or 320 KB), not for 319 communes."""
    with _mounted(tmp_path / "tiny", f"size={request.param}k",
                  "a tiny tmpfs can only be mounted as root (mount permitted)") as folder:
        yield folder


def _files(folder):
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def test_output_folders_made_for_a_failed_run_are_removed_again(run_algorithm, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("CODGEO;P18_POP\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        _join(run_algorithm, TABLES=[str(broken)], OUTPUT=str(tmp_path / "new" / "deeper" / "joined.gpkg"),
              REPORT=str(tmp_path / "new" / "report.csv"))
    assert _files(tmp_path) == ["broken.csv"]


def _join(run_algorithm, **parameters):
    base = {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "REPORT": "TEMPORARY_OUTPUT"}
    return run_algorithm("centralites:join_tables", {**base, **parameters})


# --- A. A message, never a traceback ------------------------------------------------------------------------


@pytest.mark.parametrize("output_name", ["joined.gpkg", "joined.csv.shp", "joined.geojson"])
def test_an_output_in_a_read_only_folder_is_said_read_only(run_algorithm, read_only_folder, output_name):
    with pytest.raises(QgsProcessingException, match="read-only"):
        _join(run_algorithm, OUTPUT=str(read_only_folder / output_name))
    assert _files(read_only_folder) == []


def test_an_output_folder_that_is_a_file_is_said_so(run_algorithm, tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    with pytest.raises(QgsProcessingException, match="is a file, not a folder"):
        _join(run_algorithm, OUTPUT=str(a_file / "joined.gpkg"))
    assert _files(tmp_path) == ["notes.txt"]


def test_a_report_in_a_read_only_folder_fails_before_any_output(run_algorithm, tmp_path, read_only_folder):
    with pytest.raises(QgsProcessingException, match="read-only"):
        _join(run_algorithm, OUTPUT=str(tmp_path / "joined.gpkg"), REPORT=str(read_only_folder / "report.csv"))
    assert _files(tmp_path) == ["read_only"]


@pytest.mark.parametrize("algorithm_id, parameters, output", [
    ("centralites:centrality_score", {}, "OUTPUT"),
    ("centralites:territory_summary", {}, "OUTPUT"),
    ("centralites:apply_style", {"SAVE_AS_DEFAULT": False}, "QML"),
    ("centralites:export_layout", {"CHART": False}, "OUTPUT"),
])
def test_every_algorithm_says_a_read_only_folder(run_algorithm, scored, read_only_folder, algorithm_id, parameters,
                                                 output):
    suffix = {"OUTPUT": ".gpkg", "QML": ".qml"}[output]
    if algorithm_id == "centralites:export_layout":
        suffix = ".pdf"
    elif algorithm_id == "centralites:territory_summary":
        suffix = ".csv"
    with pytest.raises(QgsProcessingException, match="read-only"):
        run_algorithm(algorithm_id, {"INPUT": scored, **parameters, output: str(read_only_folder / f"out{suffix}")})
    assert _files(read_only_folder) == []


@pytest.fixture()
def scored(run_algorithm, tmp_path):
    joined, _ = _join(run_algorithm, OUTPUT=str(tmp_path / "joined.gpkg"))
    results, _ = run_algorithm("centralites:centrality_score", {"INPUT": joined["OUTPUT"],
                                                                "OUTPUT": str(tmp_path / "scored.gpkg")})
    return results["OUTPUT"]


HOSTILE_NAMES = ['scores "v2"', "it's; DROP TABLE x; --", "a%b_c*?", "Évreux [2025] (copie)", 'x"', "_''", "1 \""]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_output_names_with_sql_characters_are_written_whole(run_algorithm, tmp_path, name):
    output = tmp_path / f"{name}.gpkg"
    results, log = _join(run_algorithm, OUTPUT=str(output))
    assert any(line.startswith("Written in bulk") for line in log), log
    layer = QgsVectorLayer(str(output), "x", "ogr")
    assert layer.isValid() and layer.featureCount() == 319 and "P18_POP" in layer.fields().names()
    assert _files(tmp_path) == [output.name]
    scored, _ = run_algorithm("centralites:centrality_score", {"INPUT": str(output),
                                                               "OUTPUT": str(tmp_path / f"{name} score.gpkg")})
    assert QgsVectorLayer(scored["OUTPUT"], "x", "ogr").featureCount() == 319


def test_hypothesis_output_names_never_break_the_bulk_write(run_algorithm, tmp_path_factory):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    # File names: anything a file system takes but the path separator, NUL and the "|" of QGIS URIs.
    names = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/|\\"),
                    min_size=1, max_size=24).filter(lambda n: n.strip(". ") == n and n not in (".", ".."))

    @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
    @given(names)
    def write(name):
        import string

        folder = tmp_path_factory.mktemp("names")
        output = folder / f"{name}.gpkg"
        if name[0] in string.punctuation and name[0] != "_":
            with pytest.raises(QgsProcessingException, match="cannot start with"):
                _join(run_algorithm, OUTPUT=str(output), TABLES=[SAMPLE_TABLES[1]])
            assert _files(folder) == []
            return
        results, _ = _join(run_algorithm, OUTPUT=str(output), TABLES=[SAMPLE_TABLES[1]])
        layer = QgsVectorLayer(str(output), "x", "ogr")
        assert layer.isValid() and layer.featureCount() == 319, name
        assert _files(folder) == [output.name]

    write()


@pytest.mark.parametrize("name", ['"', "''", "-scores", "(copie) scores", "%"])
def test_a_geopackage_name_gdal_cannot_use_as_a_layer_name_is_refused_before_any_work(run_algorithm, tmp_path,
                                                                                       name):
    with pytest.raises(QgsProcessingException, match="cannot start with"):
        _join(run_algorithm, OUTPUT=str(tmp_path / "o" / f"{name}.gpkg"))
    assert _files(tmp_path / "o") == []


def _wide_table(path, columns):
    header = ";".join(["CODGEO"] + [f"V{i:04d}" for i in range(columns)])
    rows = [";".join([code] + [str(i) for i in range(columns)]) for code in ("62498", "62119", "62427")]
    path.write_text("\n".join([header] + rows) + "\n", encoding="utf-8")
    return str(path)


def test_a_table_of_2100_columns_to_a_geopackage_is_refused_with_the_limit(run_algorithm, tmp_path):
    table = _wide_table(tmp_path / "wide.csv", 2100)
    with pytest.raises(QgsProcessingException, match="at most 1998"):
        _join(run_algorithm, TABLES=[table], OUTPUT=str(tmp_path / "out" / "wide.gpkg"))
    assert _files(tmp_path / "out") == []
    results, _ = _join(run_algorithm, TABLES=[table], OUTPUT="TEMPORARY_OUTPUT")
    layer = results["OUTPUT"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsProcessingContextLayer(layer)
    assert "V2099" in layer.fields().names()


def QgsProcessingContextLayer(layer_id):  # noqa: N802
    from qgis.core import QgsProcessingUtils

    return QgsProcessingUtils.mapLayerFromString(layer_id, None)


def test_new_columns_beyond_one_scratch_table_are_all_written_in_bulk(run_algorithm, tmp_path, monkeypatch):
    from centralites.processing import bulk_geopackage

    table = _wide_table(tmp_path / "wide.csv", 25)
    reference, _ = _join(run_algorithm, TABLES=[table], OUTPUT=str(tmp_path / "one_table.gpkg"))
    monkeypatch.setattr(bulk_geopackage, "SCRATCH_COLUMNS", 7)  # 25 columns: four scratch tables
    results, log = _join(run_algorithm, TABLES=[table], OUTPUT=str(tmp_path / "four_tables.gpkg"))
    assert any(line.startswith("Written in bulk") for line in log)
    one = {f["INSEE_COM"]: f.attributes() for f in QgsVectorLayer(reference["OUTPUT"], "a", "ogr").getFeatures()}
    four = {f["INSEE_COM"]: f.attributes() for f in QgsVectorLayer(results["OUTPUT"], "b", "ogr").getFeatures()}
    assert one == four and four["62427"][-1] == 24
    import sqlite3

    with sqlite3.connect(results["OUTPUT"]) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert not any(name.startswith("_centralites") for name in tables)


def _empty_copy(tmp_path):
    import processing

    path = str(tmp_path / "empty.gpkg")
    processing.run("native:extractbyexpression", {"INPUT": SAMPLE_COMMUNES, "EXPRESSION": "false", "OUTPUT": path})
    return path


@pytest.mark.parametrize("algorithm_id, parameters", [
    ("centralites:join_tables", {"TABLES": SAMPLE_TABLES}),
    ("centralites:centrality_score", {}),
    ("centralites:sensitivity", {"DRAWS": 10}),
    ("centralites:territory_summary", {}),
    ("centralites:apply_style", {}),
    ("centralites:export_layout", {}),
])
def test_an_empty_layer_is_said_empty(run_algorithm, tmp_path, algorithm_id, parameters):
    empty = _empty_copy(tmp_path)
    outputs = {"centralites:apply_style": {}, "centralites:export_layout": {"OUTPUT": str(tmp_path / "o" / "m.pdf")}}
    with pytest.raises(QgsProcessingException, match="the layer has no feature"):
        run_algorithm(algorithm_id, {"INPUT": empty, **parameters,
                                     **outputs.get(algorithm_id, {"OUTPUT": str(tmp_path / "o" / "out.gpkg")})})
    assert _files(tmp_path / "o") == []


@pytest.mark.parametrize("algorithm_id", ["centralites:join_tables", "centralites:centrality_score",
                                          "centralites:sensitivity", "centralites:territory_summary"])
def test_nothing_selected_is_said(run_algorithm, scored, tmp_path, algorithm_id):
    from qgis.core import QgsProcessingFeatureSourceDefinition

    layer = QgsVectorLayer(scored, "scored", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.removeSelection()
        source = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        extra = {"TABLES": SAMPLE_TABLES} if algorithm_id == "centralites:join_tables" else {}
        with pytest.raises(QgsProcessingException, match="no feature is selected"):
            run_algorithm(algorithm_id, {"INPUT": source, **extra, "OUTPUT": str(tmp_path / "o" / "out.gpkg")})
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert _files(tmp_path / "o") == []


def test_the_core_refuses_to_score_no_commune():
    import pandas as pd
    from centralites.core.profile import load_profile
    from centralites.core.scoring import ScoringError, compute_scores

    with pytest.raises(ScoringError, match="no commune to score"):
        compute_scores(pd.DataFrame({"P18_POP": pd.Series([], dtype="float64")}), load_profile())


@pytest.mark.parametrize("parameter", ["ATLAS_FIELD", "OUTLINE_FIELD"])
def test_an_atlas_field_not_in_the_layer_is_named(run_algorithm, scored, tmp_path, parameter):
    with pytest.raises(QgsProcessingException, match="the field 'NO_SUCH_FIELD' is not in the layer") as failure:
        run_algorithm("centralites:export_layout", {"INPUT": scored, parameter: "NO_SUCH_FIELD",
                                                    "OUTPUT": str(tmp_path / "o" / "atlas.pdf")})
    assert "Traceback" not in str(failure.value) and "KeyError" not in str(failure.value)
    assert _files(tmp_path / "o") == []


def test_an_atlas_without_pages_is_said_so(run_algorithm, scored, tmp_path):
    import processing

    blank = str(tmp_path / "blank.gpkg")
    processing.run("native:fieldcalculator", {"INPUT": scored, "FIELD_NAME": "GROUPE", "FIELD_TYPE": 2,
                                              "FORMULA": "NULL", "OUTPUT": blank})
    with pytest.raises(QgsProcessingException, match="atlas has no page"):
        run_algorithm("centralites:export_layout", {"INPUT": blank, "ATLAS_FIELD": "GROUPE",
                                                    "OUTPUT": str(tmp_path / "o" / "atlas.pdf")})
    assert _files(tmp_path / "o") == []


def test_a_csv_cell_longer_than_128_kb_is_read(run_algorithm, tmp_path):
    table = tmp_path / "long.csv"
    long_text = "x" * 200_000
    table.write_text(f'CODGEO;NOTE;VALEUR\n62498;"{long_text}";1\n62119;court;2\n', encoding="utf-8")
    results, _ = _join(run_algorithm, TABLES=[str(table)], OUTPUT=str(tmp_path / "long.gpkg"))
    layer = QgsVectorLayer(results["OUTPUT"], "x", "ogr")
    arras = next(layer.getFeatures("\"INSEE_COM\" = '62498'"))
    assert arras["NOTE"] == long_text and arras["VALEUR"] == 1


def _nested_profile(path, depth):
    formula = "P18_POP"
    for _ in range(depth):
        formula = {"ratio": [formula, "P18_POP"]}
    import json

    functions = {name: {"indicators": [{"id": f"{name}_x", "formula": formula if name == "habiter" else "P18_POP"}]}
                 for name in ("habiter", "travailler", "consommer", "services")}
    try:
        text = json.dumps({"name": "deep", "functions": functions})
    except RecursionError:
        text = None
    if text is None:  # deeper than json.dumps goes: written by hand
        opening = '{"ratio": ['
        text = ('{"name": "deep", "functions": {"habiter": {"indicators": [{"id": "h", "formula": '
                + opening * depth + '"P18_POP"' + ', "P18_POP"]}' * depth + "}]}}}")
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("depth, words", [(25, "nested more than 20 levels"),
                                          (5000, "nested (too deeply|more than 20 levels)")])
def test_a_profile_nested_thousands_of_levels_is_refused(run_algorithm, scored, tmp_path, depth, words):
    profile = _nested_profile(tmp_path / "deep.json", depth)
    with pytest.raises(QgsProcessingException, match=words):
        run_algorithm("centralites:centrality_score", {"INPUT": scored, "PROFILE": profile,
                                                       "OUTPUT": str(tmp_path / "o" / "deep.gpkg")})
    assert _files(tmp_path / "o") == []


def test_a_profile_nested_a_few_levels_still_scores(run_algorithm, scored, tmp_path):
    profile = _nested_profile(tmp_path / "deep.json", 3)
    results, _ = run_algorithm("centralites:centrality_score", {"INPUT": scored, "PROFILE": profile,
                                                                "OUTPUT": str(tmp_path / "ok.gpkg")})
    assert QgsVectorLayer(results["OUTPUT"], "x", "ogr").featureCount() == 319


def test_an_unexpected_error_is_a_message_and_leaves_nothing(run_algorithm, tmp_path, monkeypatch):
    from centralites.processing.algorithms import join_tables

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(join_tables, "join_tables", broken)
    with pytest.raises(QgsProcessingException, match="unexpected error .KeyError: 'boom'.*bug") as failure:
        _join(run_algorithm, OUTPUT=str(tmp_path / "o" / "joined.gpkg"), REPORT=str(tmp_path / "o" / "r.csv"))
    assert "Traceback" not in str(failure.value)
    assert _files(tmp_path / "o") == []


@pytest.mark.parametrize("number, words", [(28, "disk is full"), (13, "read-only"), (30, "read-only"),
                                           (16, "in use"), (20, "not a folder"), (2, "does not exist")])
def test_system_errors_are_said_in_words(run_algorithm, tmp_path, monkeypatch, number, words):
    import errno

    from centralites.processing.algorithms import join_tables

    assert number in (errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EBUSY, errno.ENOTDIR, errno.ENOENT)

    def failing(*args, **kwargs):
        raise OSError(number, os.strerror(number), str(tmp_path / "o" / "joined.gpkg"))

    monkeypatch.setattr(join_tables, "write_layer_with_columns", failing)
    with pytest.raises(QgsProcessingException, match=words):
        _join(run_algorithm, OUTPUT=str(tmp_path / "o" / "joined.gpkg"))
    assert _files(tmp_path / "o") == []


def test_an_sqlite_disk_full_error_is_said_full(run_algorithm, tmp_path, monkeypatch):
    import sqlite3

    from centralites.processing.algorithms import join_tables

    def failing(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(join_tables, "write_layer_with_columns", failing)
    with pytest.raises(QgsProcessingException, match="disk is full"):
        _join(run_algorithm, OUTPUT=str(tmp_path / "o" / "joined.gpkg"))


# --- B. Outputs whole or absent ------------------------------------------------------------------------------


def _selected_source():
    """A source the bulk path does not take (every commune selected): the feature sink writes."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    layer = QgsVectorLayer(SAMPLE_COMMUNES, "communes", "ogr")
    QgsProject.instance().addMapLayer(layer)
    layer.selectAll()
    return QgsProcessingFeatureSourceDefinition(layer.id(), True)


@pytest.mark.parametrize("path", ["bulk", "sink"])
def test_a_full_disk_fails_clearly_and_leaves_nothing(run_algorithm, full_disk, path):
    source = SAMPLE_COMMUNES if path == "bulk" else _selected_source()
    try:
        with pytest.raises(QgsProcessingException, match="disk is full"):
            _join(run_algorithm, INPUT=source, OUTPUT=str(full_disk / "joined.gpkg"))
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert _files(full_disk) == []


def test_a_report_that_cannot_be_written_fails_the_run_and_removes_the_output(run_algorithm, tmp_path,
                                                                              monkeypatch):
    from centralites.processing.algorithms import join_tables

    def failing(sink, rows):
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(join_tables, "write_report", failing)
    with pytest.raises(QgsProcessingException, match="disk is full"):
        _join(run_algorithm, OUTPUT=str(tmp_path / "o" / "joined.gpkg"), REPORT=str(tmp_path / "o" / "report.csv"))
    assert _files(tmp_path / "o") == []


def test_a_sink_refusing_a_feature_fails_the_run(run_algorithm, tmp_path, monkeypatch):
    from centralites.processing import failures

    original = failures.CheckedSink.addFeature

    def refusing(self, feature, *flags):
        if self.count == 100:
            self._sink = None  # the next write fails as QGIS's would: addFeature returns False
        return original(self, feature, *flags)

    monkeypatch.setattr(failures.CheckedSink, "addFeature", refusing)
    try:
        with pytest.raises(QgsProcessingException, match="could not be written"):
            _join(run_algorithm, INPUT=_selected_source(), OUTPUT=str(tmp_path / "o" / "joined.gpkg"))
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert _files(tmp_path / "o") == []


def test_an_existing_output_is_kept_when_the_run_fails(run_algorithm, tmp_path):
    output = tmp_path / "joined.gpkg"
    _join(run_algorithm, OUTPUT=str(output))
    before = output.read_bytes()
    broken = tmp_path / "broken.csv"
    broken.write_text("CODGEO;P18_POP\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        _join(run_algorithm, TABLES=[str(broken)], OUTPUT=str(output))
    assert output.read_bytes() == before
    assert _files(tmp_path) == ["broken.csv", "joined.gpkg"]


def test_apply_style_qml_in_a_read_only_folder_fails_and_a_good_one_exists(run_algorithm, scored, tmp_path,
                                                                            read_only_folder):
    with pytest.raises(QgsProcessingException, match="read-only"):
        run_algorithm("centralites:apply_style", {"INPUT": scored, "SAVE_AS_DEFAULT": False,
                                                  "QML": str(read_only_folder / "style.qml")})
    assert _files(read_only_folder) == []
    results, _ = run_algorithm("centralites:apply_style", {"INPUT": scored, "SAVE_AS_DEFAULT": False,
                                                           "QML": str(tmp_path / "q" / "style.qml")})
    assert os.path.getsize(results["QML"]) > 1000 and _files(tmp_path / "q") == ["style.qml"]


def test_apply_style_fails_when_qgis_says_the_qml_was_saved_but_it_is_not_there(run_algorithm, scored, tmp_path,
                                                                               monkeypatch):
    # QGIS 3.22's saveNamedStyle can answer (message, True) for a file it did not write.
    monkeypatch.setattr(QgsVectorLayer, "saveNamedStyle", lambda self, path, *args: ("", True))
    with pytest.raises(QgsProcessingException, match="could not be written"):
        run_algorithm("centralites:apply_style", {"INPUT": scored, "SAVE_AS_DEFAULT": False,
                                                  "QML": str(tmp_path / "q" / "style.qml")})
    assert _files(tmp_path / "q") == []


@pytest.mark.parametrize("column", ["geom", "GEOM", "fid", "geometry"])
@pytest.mark.parametrize("bulk", [True, False])
def test_a_table_column_named_like_the_output_geometry_or_id_is_renamed(run_algorithm, tmp_path, column, bulk):
    table = tmp_path / "t.csv"
    table.write_text(f"CODGEO;{column};P18_POP\n62498;abc;10\n62119;def;20\n", encoding="utf-8")
    own_fields = QgsVectorLayer(SAMPLE_COMMUNES, "communes", "ogr").fields().names()
    try:
        results, log = _join(run_algorithm, TABLES=[str(table)], OUTPUT=str(tmp_path / "joined.gpkg"),
                             INPUT=SAMPLE_COMMUNES if bulk else _selected_source(), REPORT=str(tmp_path / "r.csv"))
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert any(line.startswith("Written in bulk") for line in log) == bulk
    layer = QgsVectorLayer(results["OUTPUT"], "x", "ogr")
    assert layer.isValid() and layer.featureCount() == 319
    added = [name for name in layer.fields().names() if name not in own_fields]
    assert added[0].lower().startswith(column.lower()) and added[0].lower() != column.lower()
    assert next(layer.getFeatures("\"INSEE_COM\" = '62498'"))[added[0]] == "abc"
    report = QgsVectorLayer(results["REPORT"], "r", "ogr")
    assert any(f["probleme"] == "renamed column" for f in report.getFeatures())


def test_join_refuses_writing_onto_one_of_its_own_tables(run_algorithm, tmp_path):
    import processing

    tables = tmp_path / "tables.gpkg"
    processing.run("native:savefeatures", {"INPUT": SAMPLE_TABLES[1], "OUTPUT": str(tables)})
    before = tables.read_bytes()
    for output in ("OUTPUT", "REPORT"):
        with pytest.raises(QgsProcessingException, match="one of the tables to join"):
            _join(run_algorithm, TABLES=[SAMPLE_TABLES[0], str(tables)],
                  **{"OUTPUT": str(tmp_path / "joined.gpkg"), output: str(tables)})
        assert tables.read_bytes() == before


def test_a_shapefile_output_that_would_cut_names_is_refused_naming_them(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="score_centralite.*GeoPackage"):
        run_algorithm("centralites:centrality_score", {
            "INPUT": _join(run_algorithm, OUTPUT=str(tmp_path / "j.gpkg"))[0]["OUTPUT"],
            "OUTPUT": str(tmp_path / "o" / "scores.shp")})
    assert _files(tmp_path / "o") == []
    # Names that fit are written as they are.
    results, _ = _join(run_algorithm, COLUMNS="P18_POP, P18_EMPLT", OUTPUT=str(tmp_path / "s" / "joined.shp"))
    names = QgsVectorLayer(results["OUTPUT"], "x", "ogr").fields().names()
    assert "P18_POP" in names and "P18_EMPLT" in names


def _cancelling_feedback(at_progress):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: progress >= at_progress and feedback.cancel())
    if at_progress <= 0:
        feedback.cancel()
    return feedback


def _whole_or_absent(results, folder, count=319):
    """A cancelled run either finished (its outputs whole) or left nothing in ``folder``."""
    if not results or not results.get("OUTPUT"):
        assert _files(folder) == []
        return
    layer = QgsVectorLayer(results["OUTPUT"], "x", "ogr")
    assert layer.isValid() and layer.featureCount() == count
    assert not any(name.startswith(".centralites") for name in _files(folder))


def _run_cancelled(algorithm_id, parameters, at_progress):
    import processing

    try:
        return processing.run(algorithm_id, parameters, feedback=_cancelling_feedback(at_progress))
    except QgsProcessingException:
        return {}  # QGIS may report the cancel as a failure


@pytest.mark.parametrize("at_progress", [0, 20, 40, 50, 99])
@pytest.mark.parametrize("output_name, bulk", [("joined.shp", False), ("joined.gpkg", True), ("joined.gpkg", False),
                                               ("joined.geojson", False)])
def test_a_cancelled_join_leaves_no_file(provider, tmp_path, at_progress, output_name, bulk):
    folder = tmp_path / "o"
    try:
        results = _run_cancelled("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES if bulk else _selected_source(), "TABLES": SAMPLE_TABLES,
            "COLUMNS": "P18_POP, P18_EMPLT", "OUTPUT": str(folder / output_name),
            "REPORT": str(folder / "report.csv")}, at_progress)
    finally:
        QgsProject.instance().removeAllMapLayers()
    if at_progress < 50 or (at_progress == 50 and not bulk):
        assert _files(folder) == []  # cancelled before or while writing (the sink writes from 50 %)
    _whole_or_absent(results, folder)


@pytest.mark.parametrize("at_progress", [0, 20, 50, 90])
@pytest.mark.parametrize("algorithm_id", ["centralites:centrality_score", "centralites:sensitivity"])
def test_a_cancelled_score_leaves_no_file(provider, scored, tmp_path, at_progress, algorithm_id):
    folder = tmp_path / "o"
    extra = {"DRAWS": 50} if algorithm_id == "centralites:sensitivity" else {
        "STATISTICS": str(folder / "statistics.csv")}
    results = _run_cancelled(algorithm_id, {"INPUT": scored, "OUTPUT": str(folder / "scores.gpkg"), **extra},
                             at_progress)
    if at_progress < 50:
        assert _files(folder) == []
    _whole_or_absent(results, folder)


# --- The feature sink writes under a temporary name too ------------------------------------------------------


def test_an_existing_output_survives_a_failed_sink_write(run_algorithm, tmp_path, monkeypatch):
    from centralites.processing import failures

    output = tmp_path / "joined.gpkg"
    _join(run_algorithm, OUTPUT=str(output))
    before = output.read_bytes()
    original = failures.CheckedSink.addFeature

    def refusing(self, feature, *flags):
        assert output.read_bytes() == before  # QGIS writes the hidden temporary file, not the output
        if self.count == 100:
            self._sink = None
        return original(self, feature, *flags)

    monkeypatch.setattr(failures.CheckedSink, "addFeature", refusing)
    try:
        with pytest.raises(QgsProcessingException, match="could not be written"):
            _join(run_algorithm, INPUT=_selected_source(), OUTPUT=str(output))
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert output.read_bytes() == before
    assert _files(tmp_path) == ["joined.gpkg"]


def test_a_shapefile_written_again_is_whole_without_old_sidecars(run_algorithm, tmp_path):
    output = tmp_path / "joined.shp"
    _join(run_algorithm, COLUMNS="P18_POP", OUTPUT=str(output))
    (tmp_path / "joined.qix").write_bytes(b"an index of the old file")
    results, _ = _join(run_algorithm, COLUMNS="P18_EMPLT", OUTPUT=str(output))
    layer = QgsVectorLayer(results["OUTPUT"], "x", "ogr")
    assert layer.isValid() and layer.featureCount() == 319
    assert "P18_EMPLT" in layer.fields().names() and "P18_POP" not in layer.fields().names()
    files = _files(tmp_path)
    assert "joined.qix" not in files  # the old file's index would not match the new file
    assert {"joined.dbf", "joined.prj", "joined.shp", "joined.shx"} <= set(files) <= {
        "joined.cpg", "joined.dbf", "joined.prj", "joined.shp", "joined.shx"}


@pytest.mark.parametrize("output_name", ["joined.gpkg", "joined.geojson", "joined.csv"])
def test_sink_outputs_are_named_and_loaded_as_asked(provider, tmp_path, output_name):
    import processing
    from qgis.core import QgsProcessingOutputLayerDefinition

    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / output_name), QgsProject.instance())
    destination.destinationName = "Communes jointes"
    from qgis.core import QgsProcessingContext, QgsProcessingUtils

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        # What processing.runAndLoadResults does, without its GUI helper (QGIS 3.44 wants a real iface):
        # the run, then the layers the context says to load, under their names.
        results = processing.run("centralites:join_tables", {
            "INPUT": _selected_source(), "TABLES": SAMPLE_TABLES, "OUTPUT": destination}, context=context)
        for layer_id, details in context.layersToLoadOnCompletion().items():
            layer = QgsProcessingUtils.mapLayerFromString(layer_id, context)
            layer.setName(details.name)
            QgsProject.instance().addMapLayer(context.temporaryLayerStore().takeMapLayer(layer)
                                              if context.temporaryLayerStore().mapLayer(layer.id()) else layer)
        loaded = QgsProject.instance().mapLayersByName("Communes jointes")
        assert len(loaded) == 1 and loaded[0].featureCount() == 319
        assert loaded[0].source().split("|")[0] == str(tmp_path / output_name)
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert results["OUTPUT"].split("|")[0] == str(tmp_path / output_name)
    assert _files(tmp_path) == [output_name]
    if output_name == "joined.gpkg":
        import sqlite3

        with sqlite3.connect(str(tmp_path / output_name)) as connection:
            assert [row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")] == ["joined"]


# --- C. Valid but weak, or silently wrong: said ----------------------------------------------------------------


def _profile(path, formulas):
    import json

    functions = {name: {"indicators": [{"id": f"{name}_1", "formula": formula}]}
                 for name, formula in zip(("habiter", "travailler", "consommer", "services"), formulas)}
    path.write_text(json.dumps({"name": "test", "functions": functions}), encoding="utf-8")
    return str(path)


def _without_crs(source_path, drop=("SUPERF",)):
    """A memory copy of a layer with no CRS (and without the fields ``drop``)."""
    from qgis.core import QgsFeature, QgsFields

    source = QgsVectorLayer(source_path, "source", "ogr")
    kept = [field for field in source.fields() if field.name() not in drop]
    from qgis.core import QgsCoordinateReferenceSystem

    layer = QgsVectorLayer("MultiPolygon", "no crs", "memory")
    layer.setCrs(QgsCoordinateReferenceSystem())
    fields = QgsFields()
    for field in kept:
        fields.append(field)
    layer.dataProvider().addAttributes(kept)
    layer.updateFields()
    features = []
    for feature in source.getFeatures():
        copy = QgsFeature(fields)
        copy.setGeometry(feature.geometry())
        copy.setAttributes([feature[field.name()] for field in kept])
        features.append(copy)
    layer.dataProvider().addFeatures(features)
    return layer


def test_densities_on_a_layer_without_crs_are_warned(run_algorithm, tmp_path):
    joined, _ = _join(run_algorithm, OUTPUT=str(tmp_path / "joined.gpkg"))
    profile = _profile(tmp_path / "density.json", [{"density": "P18_POP"}, "P18_EMPLT", "ETTOT18", "NB_EQUIP_TOTAL"])
    layer = _without_crs(joined["OUTPUT"])
    assert not layer.crs().isValid() and "SUPERF" not in layer.fields().names()
    _results, log = run_algorithm("centralites:centrality_score", {"INPUT": layer, "PROFILE": profile,
                                                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any("no coordinate reference system" in line for line in log), log
    # The same layer in its CRS (Lambert-93): areas on the ellipsoid, no warning.
    _results, log = run_algorithm("centralites:centrality_score", {"INPUT": joined["OUTPUT"], "PROFILE": profile,
                                                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    assert not any("no coordinate reference system" in line for line in log)


def test_a_profile_indicator_on_a_text_column_is_refused_naming_it(run_algorithm, scored, tmp_path):
    profile = _profile(tmp_path / "text.json", ["NOM", "P18_EMPLT", "ETTOT18", "NB_EQUIP_TOTAL"])
    with pytest.raises(QgsProcessingException, match="The column 'NOM' holds text"):
        run_algorithm("centralites:centrality_score", {"INPUT": scored, "PROFILE": profile,
                                                       "OUTPUT": str(tmp_path / "o" / "s.gpkg")})
    assert _files(tmp_path / "o") == []


def test_the_core_reads_numbers_written_as_text_and_empty_cells():
    import pandas as pd
    from centralites.core.scoring import ScoringError, refuse_text_columns
    from centralites.core.profile import validate_profile

    profile = validate_profile({"functions": {name: {"indicators": [{"id": "x", "formula": "A"}]}
                                              for name in ("habiter", "travailler", "consommer", "services")}})
    refuse_text_columns(pd.DataFrame({"A": ["1", "", None, " 2.5"]}, dtype=object), profile)
    with pytest.raises(ScoringError, match="'A' holds text, not numbers .e.g. 'Arras'"):
        refuse_text_columns(pd.DataFrame({"A": ["1", "Arras"]}), profile)


def _with_constant(run_algorithm, tmp_path, joined_path):
    import processing

    path = str(tmp_path / "constant.gpkg")
    processing.run("native:fieldcalculator", {"INPUT": joined_path, "FIELD_NAME": "C", "FIELD_TYPE": 0,
                                              "FORMULA": "7", "OUTPUT": path})
    return path


def test_every_indicator_constant_is_warned(run_algorithm, tmp_path):
    joined, _ = _join(run_algorithm, OUTPUT=str(tmp_path / "joined.gpkg"))
    layer = _with_constant(run_algorithm, tmp_path, joined["OUTPUT"])
    _results, log = run_algorithm("centralites:centrality_score", {
        "INPUT": layer, "PROFILE": _profile(tmp_path / "c.json", ["C", "C", "C", "C"]), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any("Every indicator has the same value for every commune" in line for line in log), log
    _results, log = run_algorithm("centralites:centrality_score", {
        "INPUT": layer, "PROFILE": _profile(tmp_path / "d.json", ["P18_POP", "C", "P18_EMPLT", "ETTOT18"]),
        "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any("same value for every commune (they separate nothing): travailler.travailler_1" in line
               for line in log), log
    assert not any("Every indicator" in line for line in log)


def test_a_territory_of_a_few_communes_is_warned(run_algorithm, scored, tmp_path):
    import processing

    few = str(tmp_path / "few.gpkg")
    processing.run("native:extractbyexpression", {"INPUT": scored, "EXPRESSION": "\"rang\" <= 5", "OUTPUT": few})
    _results, log = run_algorithm("centralites:centrality_score", {"INPUT": few, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any("Only 5 communes" in line for line in log), log


@pytest.mark.parametrize("style", [0, 1])
def test_apply_style_on_an_all_null_field_is_refused(run_algorithm, scored, tmp_path, style):
    import processing

    blank = str(tmp_path / "blank.gpkg")
    field = "score_vide" if style == 0 else "niveau_code"
    processing.run("native:fieldcalculator", {"INPUT": scored, "FIELD_NAME": field, "FIELD_TYPE": 1,
                                              "FORMULA": "NULL", "OUTPUT": blank})
    layer = QgsVectorLayer(blank, "blank", "ogr")
    assert all(feature[field] in (None,) or str(feature[field]) == "NULL" for feature in layer.getFeatures())
    parameters = {"INPUT": blank, "STYLE": style, "QML": str(tmp_path / "q" / "style.qml")}
    if style == 0:
        parameters["FIELD"] = field
    with pytest.raises(QgsProcessingException, match=f"The field '{field}' is empty .NULL. for every commune"):
        run_algorithm("centralites:apply_style", parameters)
    assert _files(tmp_path / "q") == []
    assert not QgsVectorLayer(blank, "blank", "ogr").listStylesInDatabase()[0]  # no style stored


def test_a_memory_layer_object_in_tables_is_joined_by_its_name(run_algorithm, tmp_path):
    from qgis.core import QgsFeature

    table = QgsVectorLayer("None?field=CODGEO:string&field=EQUIP_X:integer", "ma table", "memory")
    feature = QgsFeature(table.fields())
    feature.setAttributes(["62498", 5])
    table.dataProvider().addFeatures([feature])
    results, log = _join(run_algorithm, TABLES=[SAMPLE_TABLES[0], table], OUTPUT=str(tmp_path / "j.gpkg"))
    assert any(line.startswith("Read ma table: 1 rows") for line in log), log
    layer = QgsVectorLayer(results["OUTPUT"], "x", "ogr")
    assert next(layer.getFeatures("\"INSEE_COM\" = '62498'"))["EQUIP_X"] == 5


def test_an_iris_layer_with_an_iris_table_says_why_nothing_joins(run_algorithm, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=INSEE_COM:string", "iris", "memory")
    features = []
    for number, code in enumerate(("624980101", "624980102", "621190000")):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({number} 0, {number + 1} 0, {number + 1} 1, {number} 0))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    table = tmp_path / "iris.csv"
    table.write_text("CODGEO;NB\n624980101;3\n624980102;4\n621190000;1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="these are IRIS codes .9 characters, e.g. 624980101"):
        run_algorithm("centralites:join_tables", {"INPUT": layer, "TABLES": [str(table)],
                                                  "OUTPUT": str(tmp_path / "o" / "j.gpkg")})
    assert _files(tmp_path / "o") == []


@pytest.mark.parametrize("bulk", [True, False])
def test_an_existing_output_is_kept_when_the_report_fails_after_it_was_written(run_algorithm, tmp_path, monkeypatch,
                                                                              bulk):
    from centralites.processing.algorithms import join_tables

    output = tmp_path / "joined.gpkg"
    _join(run_algorithm, COLUMNS="P18_POP", OUTPUT=str(output))
    before = output.read_bytes()

    def failing(sink, rows):
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(join_tables, "write_report", failing)
    try:
        with pytest.raises(QgsProcessingException, match="disk is full"):
            _join(run_algorithm, INPUT=SAMPLE_COMMUNES if bulk else _selected_source(), OUTPUT=str(output),
                  REPORT=str(tmp_path / "report.csv"))
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert output.read_bytes() == before  # the old output, not the new one of a failed run
    assert _files(tmp_path) == ["joined.gpkg"]


def test_files_beside_a_failed_output_are_never_removed(run_algorithm, tmp_path):
    for name in ("joined.dbf", "joined.prj", "joined.qml", "joined.csv"):
        (tmp_path / name).write_text("the user's own file")
    broken = tmp_path / "broken.csv"
    broken.write_text("CODGEO;P18_POP\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        _join(run_algorithm, TABLES=[str(broken)], OUTPUT=str(tmp_path / "joined.gpkg"))
    assert _files(tmp_path) == ["broken.csv", "joined.csv", "joined.dbf", "joined.prj", "joined.qml"]


def test_a_text_field_named_fid_in_a_geojson_input_is_said_and_leaves_nothing(run_algorithm, tmp_path):
    import json

    import processing

    communes = tmp_path / "communes.geojson"
    processing.run("native:savefeatures", {"INPUT": SAMPLE_COMMUNES, "OUTPUT": str(communes)})
    data = json.loads(communes.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"]["fid"] = "c" + feature["properties"]["INSEE_COM"]
    communes.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="field named fid that does not hold whole numbers") as failure:
        _join(run_algorithm, INPUT=str(communes), OUTPUT=str(tmp_path / "o" / "joined.gpkg"))
    assert ".centralites-" not in str(failure.value)
    assert _files(tmp_path / "o") == []
    results, _ = _join(run_algorithm, INPUT=str(communes), OUTPUT=str(tmp_path / "o" / "joined.geojson"))
    assert QgsVectorLayer(results["OUTPUT"], "x", "ogr").featureCount() == 319


@pytest.mark.parametrize("bulk", [True, False])
def test_an_output_held_open_elsewhere_is_said_in_use(run_algorithm, tmp_path, monkeypatch, bulk):
    # Windows refuses to replace a file another program holds open (PermissionError); Linux does not,
    # so the refusal is simulated where the plugin moves the finished file into place.
    output = tmp_path / "joined.gpkg"
    _join(run_algorithm, COLUMNS="P18_POP", OUTPUT=str(output))
    before = output.read_bytes()
    replace = os.replace

    def refusing(source, target):
        if os.path.abspath(target) == str(output):
            raise PermissionError(13, "Permission denied", str(target))
        return replace(source, target)

    monkeypatch.setattr(os, "replace", refusing)
    try:
        with pytest.raises(QgsProcessingException, match="in use .locked."):
            _join(run_algorithm, INPUT=SAMPLE_COMMUNES if bulk else _selected_source(), OUTPUT=str(output))
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert output.read_bytes() == before
    assert _files(tmp_path) == ["joined.gpkg"]


def test_a_function_missing_for_most_communes_is_warned(run_algorithm, scored, tmp_path):
    import processing

    rare = str(tmp_path / "rare.gpkg")
    processing.run("native:fieldcalculator", {"INPUT": scored, "FIELD_NAME": "RARE", "FIELD_TYPE": 0,
                                              "FORMULA": "CASE WHEN \"rang\" <= 10 THEN \"rang\" END",
                                              "OUTPUT": rare})
    profile = _profile(tmp_path / "rare.json", ["RARE", "P18_EMPLT", "ETTOT18", "NB_EQUIP_TOTAL"])
    _results, log = run_algorithm("centralites:centrality_score", {"INPUT": rare, "PROFILE": profile,
                                                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any("The function habiter has no indicator value for 309 of 319 communes" in line for line in log), log
    assert not any("The function travailler" in line for line in log)


def test_hypothesis_hostile_column_names_give_the_same_output_in_bulk_and_through_the_sink(run_algorithm,
                                                                                          tmp_path_factory):
    import csv

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("abzAZ09_ -'\"%;()[]*?éÈ€") + ["--", "/*", "DROP"])
    name = st.lists(alphabet, min_size=1, max_size=6).map("".join).filter(
        lambda n: n.strip() == n and n.strip() and not n.upper().startswith(("COD", "DEP", "INSEE")))
    names = st.lists(name, min_size=1, max_size=4, unique_by=str.upper)

    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    @given(names)
    def join(columns):
        folder = tmp_path_factory.mktemp("columns")
        table = folder / "table.csv"
        with open(table, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL)
            writer.writerow(["CODGEO"] + columns)
            for number, code in enumerate(("62498", "62119", "62427")):
                writer.writerow([code] + [f"{number}{i}" for i in range(len(columns))])
        outputs = []
        for output in ("bulk.gpkg", "sink.gpkg"):
            source = SAMPLE_COMMUNES if output == "bulk.gpkg" else _selected_source()
            try:
                results, log = _join(run_algorithm, INPUT=source, TABLES=[str(table)], OUTPUT=str(folder / output))
            finally:
                QgsProject.instance().removeAllMapLayers()
            assert any(line.startswith("Written in bulk") for line in log) == (output == "bulk.gpkg")
            layer = QgsVectorLayer(results["OUTPUT"], "x", "ogr")
            assert layer.isValid() and layer.featureCount() == 319
            outputs.append((layer.fields().names(),
                            {f["INSEE_COM"]: f.attributes()[1:] for f in layer.getFeatures()}))
        assert outputs[0] == outputs[1]
        assert len(outputs[0][0]) == len(QgsVectorLayer(SAMPLE_COMMUNES, "c", "ogr").fields()) + len(columns)

    join()


@pytest.mark.parametrize("at_progress", [0, 30, 60])
@pytest.mark.parametrize("algorithm_id", ["centralites:territory_summary", "centralites:apply_style",
                                          "centralites:export_layout", "centralites:aggregate_bpe"])
def test_every_algorithm_cancelled_leaves_whole_outputs_or_none(provider, scored, tmp_path, algorithm_id,
                                                                at_progress):
    folder = tmp_path / "o"
    parameters = {
        "centralites:territory_summary": {"INPUT": scored, "OUTPUT": str(folder / "summary.csv")},
        "centralites:apply_style": {"INPUT": scored, "SAVE_AS_DEFAULT": False, "QML": str(folder / "style.qml")},
        "centralites:export_layout": {"INPUT": scored, "CHART": True, "OUTPUT": str(folder / "map.pdf"),
                                      "OUTPUT_PNG": str(folder / "map.png")},
        "centralites:aggregate_bpe": {"INPUT": os.path.join(os.path.dirname(SAMPLE_TABLES[0]), "illustratif_bpe_communes.csv"),
                                      "OUTPUT": str(folder / "bpe.csv"), "REPORT": str(folder / "report.csv")},
    }[algorithm_id]
    if algorithm_id == "centralites:aggregate_bpe" and not os.path.exists(parameters["INPUT"]):
        pytest.skip("no BPE long file in the sample")
    results = _run_cancelled(algorithm_id, parameters, at_progress)
    written = [value for value in (results or {}).values() if isinstance(value, str) and value.startswith(str(folder))]
    if not written:
        assert _files(folder) == []
    for path in written:
        assert os.path.getsize(path.split("|")[0]) > 0
    assert not any(name.startswith(".centralites") or ".partial" in name for name in _files(folder))


def test_a_png_that_cannot_be_written_after_the_pdf_keeps_the_older_pdf_and_leaves_nothing(run_algorithm, scored,
                                                                                            tmp_path, monkeypatch):
    from qgis.core import QgsLayoutExporter

    from centralites.processing.algorithms import export_layout

    pdf = tmp_path / "map.pdf"
    pdf.write_bytes(b"%PDF an older map")

    def failing_png(layout, path, dpi=150):
        with open(path, "wb") as handle:
            handle.write(b"half a picture")
        return QgsLayoutExporter.ExportResult.FileError, []

    monkeypatch.setattr(export_layout, "export_png", failing_png)
    with pytest.raises(QgsProcessingException, match="PNG file .* could not be written"):
        run_algorithm("centralites:export_layout", {"INPUT": scored, "CHART": True, "OUTPUT": str(pdf),
                                                    "OUTPUT_PNG": str(tmp_path / "map.png")})
    assert pdf.read_bytes() == b"%PDF an older map"
    assert [name for name in _files(tmp_path) if name.startswith(("map", ".centralites"))] == ["map.pdf"]


def test_the_panel_rescorer_refuses_no_commune_with_the_scoring_error_the_panel_catches():
    import pandas as pd
    from centralites.core.profile import load_profile, profile_columns
    from centralites.core.rescoring import Rescorer
    from centralites.core.scoring import ScoringError

    profile = load_profile()
    empty = pd.DataFrame({column: pd.Series([], dtype="float64") for column in profile_columns(profile)})
    with pytest.raises(ScoringError, match="no commune to score"):
        Rescorer(empty, profile)
