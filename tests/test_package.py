"""`make package`: the zip QGIS installs, then loaded by qgis_process from a scratch profile."""

import os
import subprocess
import sys
import zipfile

import pytest

from testdata import ROOT
from test_qgis_process import QGIS_PROCESS


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py"), "--output", str(folder)],
                   check=True, capture_output=True, text=True)
    (path,) = folder.glob("centralites-*.zip")
    return path


def test_zip_holds_one_centralites_folder_without_dev_files(package):
    names = zipfile.ZipFile(package).namelist()
    assert {name.split("/")[0] for name in names} == {"centralites"}
    for required in ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "core/scoring.py",
                     "processing/provider.py", "resources/profiles/aula_360.json",
                     "resources/models/diagnostic_centralites.model3", "resources/sample/territoire_aula.gpkg"):
        assert f"centralites/{required}" in names
    for name in names:
        assert not name.startswith(("centralites/tests/", "centralites/scripts/", "centralites/.ci/", "centralites/.git"))
        assert "__pycache__" not in name and not name.endswith(".pyc")
    assert "centralites/Makefile" not in names


@pytest.mark.skipif(not os.path.exists(QGIS_PROCESS), reason="qgis_process.bin is not installed")
def test_installed_zip_loads_in_qgis_process(package, tmp_path):
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(package).extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "centralites"], env=env, capture_output=True, text=True)
    assert enable.returncode == 0, enable.stderr
    listing = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True)
    assert "centralites:centrality_score" in listing.stdout
