"""`make demo DATA=folder`: the demo script on INSEE-layout files a user downloaded."""

import os
import shutil
import subprocess
import sys

from qgis.core import QgsVectorLayer

from testdata import ROOT, SAMPLE


def test_demo_on_a_data_folder_with_a_long_bpe_file(tmp_path):
    data = tmp_path / "insee"
    data.mkdir()
    shutil.copy(os.path.join(SAMPLE, "illustratif_base_cc_comparateur.csv"), data / "base_cc_comparateur.csv")
    shutil.copy(os.path.join(SAMPLE, "illustratif_bpe_communes.csv"), data / "bpe_ensemble.csv")
    output = tmp_path / "out"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts", "demo.py"), "--output", str(output), "--data", str(data)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Data used: your INSEE files in {data}" in result.stdout
    assert "counted per commune, domain and gamme" in result.stdout  # by centralites:aggregate_bpe
    table = result.stdout.split("Ten most central communes")[1].strip().splitlines()
    assert len(table) >= 11 and table[1].split()[0] == "1"
    for name in ("centralites.gpkg", "centralites.pdf", "centralites.png", "rapport_jointure.csv", "bpe_communes.csv"):
        assert (output / name).exists(), name
    layer = QgsVectorLayer(str(output / "centralites.gpkg"), "scores", "ogr")
    assert layer.featureCount() == 319


def test_demo_refuses_a_folder_without_the_expected_files(tmp_path):
    result = subprocess.run(
        [sys.executable, os.path.join(ROOT, "scripts", "demo.py"), "--output", str(tmp_path / "o"), "--data", str(tmp_path)],
        capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=300,
    )
    assert result.returncode != 0
    assert "expected the comparateur ('base_cc_comparateur*.csv' or '.zip')" in result.stderr
