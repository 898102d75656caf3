"""The row-by-row report table of join_tables and aggregate_bpe: every row not joined or re-coded."""

from qgis.core import QgsFeature, QgsField, QgsFields

from ..compat import FIELD_INT, FIELD_STRING


def report_fields():
    fields = QgsFields()
    fields.append(QgsField("source", FIELD_STRING))
    fields.append(QgsField("ligne", FIELD_INT))
    fields.append(QgsField("code", FIELD_STRING))
    fields.append(QgsField("probleme", FIELD_STRING))
    fields.append(QgsField("action", FIELD_STRING))
    return fields


def write_report(sink, rows):
    for row in rows:
        feature = QgsFeature()
        feature.setAttributes([row["source"], row["line"], row["code"], row["problem"], row["action"]])
        sink.addFeature(feature)
