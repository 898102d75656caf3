"""The plugin's words: field names, the four functions, their labels and colours, the levels.

Core, processing and the panel read them here, so a name is changed in one place.
"""

from .messages import tr

# The commune layer
CODE_FIELD = "INSEE_COM"  # INSEE commune code, the join key by default
NAME_FIELDS = ("NOM", "NOM_COM", "LIBGEO", "nom")  # the commune's name, first found
# Intercommunality, by name first: filters and outlines show what planners read.
GROUP_FIELDS = ("NOM_EPCI", "LIBEPCI", "LIB_EPCI", "EPCI", "CODE_EPCI", "SIREN_EPCI")

# The four functions of centrality, in this order everywhere (charts, fields, weights)
FUNCTIONS = ("habiter", "travailler", "consommer", "services")
# The diagrams' and charts' colours (ColorBrewer Set2), so a chart reads with the map's legend.
FUNCTION_COLOURS = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3")


def function_labels():
    """The functions' names as planners write them (translated at call time: the locale may change)."""
    return [tr("Habiter"), tr("Travailler"), tr("Consommer"), tr("Services")]


# Levels of centrality, code 1 (majeure) to 5; the INRAE/ANCT names
LEVEL_LABELS = ("majeure", "structurante", "intermédiaire", "locale", "hors centralité")

# Fields written by centrality_score
SCORE_FIELDS = tuple(f"score_{name}" for name in FUNCTIONS)
COMPOSITE_FIELD = "score_centralite"
RANK_FIELD = "rang"
LEVEL_FIELD = "niveau"
LEVEL_CODE_FIELD = "niveau_code"
MISSING_FIELD = "donnees_manquantes"
# The indicators without a value, each with what the score did: "vacance (médiane), sante (0), emplois".
MISSING_LIST_FIELD = "indicateurs_manquants"
OUTPUT_FIELDS = SCORE_FIELDS + (COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD, MISSING_FIELD,
                                MISSING_LIST_FIELD)
# Points of each indicator in score_centralite: contrib_population, contrib_emplois…
CONTRIBUTION_PREFIX = "contrib_"


def find_field(names, wanted):
    """The name among ``names`` that is ``wanted``, or else the one equal to it whatever the case
    (``insee_com`` for ``INSEE_COM``: ogr2ogr lower-cases a database table's columns by default); None
    when there is none, or several of other cases."""
    names = [str(name) for name in names]
    if wanted in names:
        return wanted
    folded = [name for name in names if name.casefold() == str(wanted).casefold()]
    return folded[0] if len(folded) == 1 else None


def name_field(names):
    """The first of NAME_FIELDS among ``names`` (whatever its case), or None."""
    return next((found for found in (find_field(names, name) for name in NAME_FIELDS) if found), None)


def group_field(names):
    """The first of GROUP_FIELDS among ``names`` (whatever its case), or None."""
    return next((found for found in (find_field(names, name) for name in GROUP_FIELDS) if found), None)
