"""Write resources/models/diagnostic_centralites.model3: the whole diagnosis as one model.

Run with `python scripts/build_model.py` (the model is committed; rerun after
changing the algorithms' parameters).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

MODEL_PATH = os.path.join(PLUGIN_ROOT, "resources", "models", "diagnostic_centralites.model3")


def build():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterExpression,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterFile,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("diagnostic_centralites", "Centralités", "centralites")
    model.setHelpContent({
        "ALG_DESC": "Diagnostic complet des centralités / The whole centrality diagnosis: join the INSEE "
                    "tables to the communes, score the four functions, style the map, export the PDF layout and compare the levels with the "
                    "INRAE/ANCT 2021 levels; optionally, one sheet per commune (fiches communales, PDF).",
        "ALG_CREATOR": "Centralités",
    })

    def model_input(definition, x, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)

    model_input(QgsProcessingParameterFeatureSource("communes", "Communes", [QgsProcessing.SourceType.TypeVectorPolygon]), 120, 60)
    model_input(QgsProcessingParameterField("code_field", "Champ du code INSEE", "INSEE_COM", "communes", optional=True), 120, 120)
    model_input(QgsProcessingParameterMultipleLayers("tables", "Tableaux INSEE", QgsProcessing.SourceType.TypeFile), 120, 180)
    model_input(QgsProcessingParameterFile("profile", "Profil d'indicateurs (JSON)", extension="json", optional=True), 120, 240)
    model_input(QgsProcessingParameterString("title", "Titre de la carte", "Centralités du territoire"), 120, 300)
    model_input(QgsProcessingParameterExpression(
        "sheets_filter", "Fiches communales : seulement les communes où cette expression est vraie (vide : toutes)",
        None, "communes", optional=True), 120, 360)

    def child(child_id, algorithm_id, description, x, y, sources, outputs=(), optional=()):
        step = QgsProcessingModelChildAlgorithm(algorithm_id)
        step.setChildId(child_id)
        step.setDescription(description)
        step.setPosition(QPointF(x, y))
        for name, source in sources.items():
            step.addParameterSources(name, [source])
        exposed = {}
        for output_name, child_output, label in outputs:
            output = QgsProcessingModelOutput(output_name, label)
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setPosition(QPointF(x + 200, y + 40))
            if output_name in optional:  # left empty ("Skip output"), the step makes nothing
                output.setMandatory(False)
            exposed[output_name] = output
        step.setModelOutputs(exposed)
        model.addChildAlgorithm(step)

    param = QgsProcessingModelChildParameterSource.fromModelParameter
    previous = QgsProcessingModelChildParameterSource.fromChildOutput
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    child("join", "centralites:join_tables", "Jointure des tableaux INSEE", 420, 100, {
        "INPUT": param("communes"), "CODE_FIELD": param("code_field"), "TABLES": param("tables"),
    }, [("rapport_jointure", "REPORT", "Rapport de jointure")])
    child("score", "centralites:centrality_score", "Score de centralité", 420, 220, {
        "INPUT": previous("join", "OUTPUT"), "PROFILE": param("profile"),
    }, [("communes_scorees", "OUTPUT", "Communes avec scores")])
    child("style", "centralites:apply_style", "Style de la carte", 420, 340, {
        "INPUT": previous("score", "OUTPUT"), "SAVE_AS_DEFAULT": static(True),
    })
    child("layout", "centralites:export_layout", "Mise en page PDF", 420, 460, {
        "INPUT": previous("style", "OUTPUT"), "TITLE": param("title"),
    }, [("carte_pdf", "OUTPUT", "Carte (PDF)"), ("carte_png", "OUTPUT_PNG", "Carte (PNG)")])
    child("sheets", "centralites:commune_sheets", "Fiches communales (PDF)", 720, 460, {
        "INPUT": previous("score", "OUTPUT"), "PROFILE": param("profile"), "FILTER": param("sheets_filter"),
    }, [("fiches_pdf", "OUTPUT", "Fiches communales (PDF)")], optional=("fiches_pdf",))
    child("compare", "centralites:compare_levels", "Comparaison aux niveaux INRAE/ANCT", 720, 220, {
        "INPUT": previous("score", "OUTPUT"), "CODE_FIELD": param("code_field"),
    })  # its figures in the model's log; expose its outputs in Model Builder to keep the tables

    os.makedirs(os.path.dirname(MODEL_PATH), exist_ok=True)
    if not model.toFile(MODEL_PATH):
        raise SystemExit(f"could not write {MODEL_PATH}")
    print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    app = start_qgis()
    build()
