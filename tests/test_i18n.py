"""French ships: every tr() string translated, the .qm built by make, loaded by the plugin."""

import os
import subprocess
import sys

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from testdata import ROOT


def test_every_string_of_the_code_is_translated_to_french():
    script = os.path.join(ROOT, "scripts", "update_translations.py")
    result = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_french_catalogue_translates_algorithm_names(qgis_app):
    from centralites.i18n import CONTEXT, translation_file
    from centralites.processing.algorithms.join_tables import JoinTables

    path = translation_file("fr")
    assert os.path.exists(path), "make builds the .qm from resources/i18n/centralites_fr.ts"
    translator = QTranslator()
    assert translator.load(path)
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate(CONTEXT, "Centrality score") != "Centrality score"
        name = JoinTables().displayName()
        assert name != "Join INSEE tables to communes" and "INSEE" in name
    finally:
        QCoreApplication.removeTranslator(translator)
    assert JoinTables().displayName() == "Join INSEE tables to communes"
