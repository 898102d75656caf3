"""qgis_process: the plugin enabled in a scratch profile, algorithms and the model run from the command line.

Debian's /usr/bin/qgis_process wrapper passes an option 3.22 rejects; the
binary qgis_process.bin is called directly.
"""

import os
import shutil
import subprocess

import pytest
from qgis.core import QgsVectorLayer

from testdata import ROOT, SAMPLE_COMMUNES, SAMPLE_TABLES

QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
MODEL = os.path.join(ROOT, "resources", "models", "diagnostic_centralites.model3")

pytestmark = pytest.mark.skipif(not os.path.exists(QGIS_PROCESS), reason="qgis_process.bin is not installed")


@pytest.fixture(scope="module")
def scratch_profile(tmp_path_factory):
    """A QGIS profile folder of its own, holding a `centralites` link to this checkout, plugin enabled."""
    root = tmp_path_factory.mktemp("qgis-profile")
    plugins = root / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "centralites").symlink_to(ROOT, target_is_directory=True)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(root), QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(root / "runtime"))
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    result = qgis_process(env, "plugins", "enable", "centralites")
    assert result.returncode == 0, result.stdout + result.stderr
    return env


def qgis_process(env, *arguments):
    return subprocess.run([QGIS_PROCESS, *arguments], env=env, capture_output=True, text=True, timeout=300)


def test_list_shows_the_algorithms_and_the_model(scratch_profile):
    result = qgis_process(scratch_profile, "list")
    assert result.returncode == 0, result.stderr
    for algorithm_id in ("centralites:join_tables", "centralites:centrality_score", "centralites:apply_style",
                         "centralites:export_layout", "centralites:diagnostic_centralites"):
        assert algorithm_id in result.stdout


def test_join_tables_from_the_command_line(scratch_profile, tmp_path):
    output = tmp_path / "joined.gpkg"
    arguments = ["run", "centralites:join_tables", f"--INPUT={SAMPLE_COMMUNES}"]
    arguments += [f"--TABLES={path}" for path in SAMPLE_TABLES]
    arguments += [f"--OUTPUT={output}", f"--REPORT={tmp_path / 'report.csv'}"]
    result = qgis_process(scratch_profile, *arguments)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "319 rows read, 319 matched" in result.stdout
    layer = QgsVectorLayer(str(output), "joined", "ogr")
    assert layer.featureCount() == 319 and "P18_EMPLT" in layer.fields().names()


def test_the_model_file_runs_the_whole_diagnosis(scratch_profile, tmp_path):
    arguments = ["run", MODEL, f"--communes={SAMPLE_COMMUNES}"]
    arguments += [f"--tables={path}" for path in SAMPLE_TABLES]
    arguments += [f"--score:communes_scorees={tmp_path / 'scores.gpkg'}", f"--layout:carte_pdf={tmp_path / 'map.pdf'}"]
    result = qgis_process(scratch_profile, *arguments)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")
    layer = QgsVectorLayer(str(tmp_path / "scores.gpkg"), "scores", "ogr")
    assert layer.featureCount() == 319
    assert layer.renderer().classAttribute() == "score_centralite"  # style stored in the GeoPackage


def test_a_bad_parameter_gives_a_message_not_a_traceback(scratch_profile, tmp_path):
    result = qgis_process(scratch_profile, "run", "centralites:join_tables", f"--INPUT={SAMPLE_COMMUNES}",
                          "--CODE_FIELD=NO_SUCH_FIELD", f"--TABLES={SAMPLE_TABLES[0]}", f"--OUTPUT={tmp_path / 'o.gpkg'}")
    assert result.returncode != 0
    assert "has no field 'NO_SUCH_FIELD'" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_apply_style_twice_replaces_the_stored_style(scratch_profile, tmp_path):
    # QGIS asks with a modal dialog before overwriting a style of the same name: headless, that
    # dialog hangs forever. The timeout turns such a regression into a failure, not a stuck CI.
    scores = tmp_path / "scores.gpkg"
    arguments = ["run", MODEL, f"--communes={SAMPLE_COMMUNES}"] + [f"--tables={path}" for path in SAMPLE_TABLES]
    arguments += [f"--score:communes_scorees={scores}", f"--layout:carte_pdf={tmp_path / 'map.pdf'}"]
    assert qgis_process(scratch_profile, *arguments).returncode == 0
    for style in ("1", "0"):
        try:
            result = subprocess.run([QGIS_PROCESS, "run", "centralites:apply_style", f"--INPUT={scores}",
                                     f"--STYLE={style}"], env=scratch_profile, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail("apply_style hung on a GeoPackage that already holds its style")
        assert result.returncode == 0, result.stdout + result.stderr
    import sqlite3

    with sqlite3.connect(scores) as db:
        assert db.execute("SELECT count(*) FROM layer_styles WHERE useAsDefault").fetchone() == (1,)
