"""Spreadsheets (XLSX, XLS, ODS with title lines), DBF and GeoPackage tables joined through processing.run.

The spreadsheets are written here as the office suites write them (zipped
XML, cells typed as numbers or text), because the test machine has no office
suite: the reading goes through GDAL/OGR as in QGIS.
"""

import zipfile
from xml.sax.saxutils import escape

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qgis.core import QgsProcessingException, QgsVectorLayer

from centralites.core.join import join_tables
from centralites.core.tables import TableError, table_from_rows

from testdata import SAMPLE_COMMUNES

TITLED_ROWS = {
    1: ["Base du comparateur de territoires 2021"],
    2: ["Source : Insee, RP 2018"],
    4: ["CODGEO", "LIBGEO", "P18_POP", "MED19"],
    5: ["62498", "Lens", 32157.5, 17850],
    6: [62119, "Béthune", 24931, "s"],  # a code typed as a number, a secret median
    8: ["62048", "Auchel", "10 512", ""],
    9: ["2A004", "Ajaccio", 70817, 23000],
}


def _column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(path, sheets):
    """sheets: [(name, {row number: [cells]})]; numbers stored as numbers, text inline."""
    with zipfile.ZipFile(path, "w") as archive:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            f'main+xml"/>{overrides}</Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        names = "".join(f'<sheet name="{escape(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                        for i, (name, _) in enumerate(sheets))
        archive.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships"><sheets>{names}</sheets></workbook>'))
        links = "".join(
            f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{links}</Relationships>'))
        for i, (_, rows) in enumerate(sheets):
            xml = []
            for number, cells in sorted(rows.items()):
                out = []
                for j, cell in enumerate(cells):
                    ref = f"{_column(j)}{number}"
                    if cell in (None, ""):
                        continue
                    if isinstance(cell, (int, float)):
                        out.append(f'<c r="{ref}"><v>{cell}</v></c>')
                    else:
                        out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(cell)}</t></is></c>')
                xml.append(f'<row r="{number}">{"".join(out)}</row>')
            archive.writestr(f"xl/worksheets/sheet{i + 1}.xml", (
                '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main"><sheetData>{"".join(xml)}</sheetData></worksheet>'))


def write_ods(path, sheets):
    """The same for OpenDocument: mimetype first and stored, then the content."""
    tables = []
    for name, rows in sheets:
        xml, last = [], 0
        for number, cells in sorted(rows.items()):
            if number > last + 1:
                xml.append(f'<table:table-row table:number-rows-repeated="{number - last - 1}"><table:table-cell/>'
                           '</table:table-row>')
            out = []
            for cell in cells:
                if cell in (None, ""):
                    out.append("<table:table-cell/>")
                elif isinstance(cell, (int, float)):
                    out.append(f'<table:table-cell office:value-type="float" office:value="{cell}">'
                               f"<text:p>{cell}</text:p></table:table-cell>")
                else:
                    out.append(f'<table:table-cell office:value-type="string"><text:p>{escape(cell)}</text:p>'
                               "</table:table-cell>")
            xml.append(f"<table:table-row>{''.join(out)}</table:table-row>")
            last = number
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(xml)}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
        "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
            compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def write_xls(path, sheets):
    """The same in Excel 97-2003 (.xls, BIFF8), as many older INSEE files come; needs xlwt (test tool only)."""
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets:
        sheet = workbook.add_sheet(name)
        for number, cells in rows.items():
            for j, cell in enumerate(cells):
                if cell not in (None, ""):
                    sheet.write(number - 1, j, cell)
    workbook.save(path)


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


def joined_values(run_algorithm, tmp_path, tables, **extra):
    results, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": tables, "OUTPUT": str(tmp_path / "joined.gpkg"),
        "REPORT": str(tmp_path / "report.csv"), **extra})
    output = open_layer(results["OUTPUT"])
    assert output.featureCount() == 319
    report = [(f["probleme"], f["code"], f["ligne"]) for f in open_layer(results["REPORT"]).getFeatures()]
    return {f["INSEE_COM"]: f for f in output.getFeatures()}, report, log


@pytest.mark.parametrize("suffix, writer", [(".xlsx", write_xlsx), (".xls", write_xls), (".ods", write_ods)])
def test_spreadsheet_with_title_lines_and_sheets(run_algorithm, tmp_path, suffix, writer):
    path = tmp_path / f"comparateur{suffix}"
    writer(str(path), [("Lisez-moi", {1: ["Notes sur les données"]}), ("Données", TITLED_ROWS)])
    values, report, log = joined_values(run_algorithm, tmp_path, [str(path)])
    assert values["62498"]["P18_POP"] == 32157.5
    assert values["62119"]["P18_POP"] == 24931.0  # its code was a number in the sheet
    assert values["62048"]["P18_POP"] == 10512.0  # thousands space
    assert values["62119"]["MED19"] is None or str(values["62119"]["MED19"]) == "NULL"
    assert values["62498"]["LIBGEO"] == "Lens"
    # Report lines are the sheet's own row numbers (the report is a CSV: text).
    assert ("unmatched", "2A004", "9") in report
    assert any(line.startswith(f"comparateur{suffix} [Données]:") and "3 matched, 1 unmatched" in line
               for line in log)


def test_sheet_chosen_by_name_or_number_and_a_wrong_sheet(run_algorithm, tmp_path):
    path = tmp_path / "deux.xlsx"
    other = {1: ["DEPCOM", "NB"], 2: ["62498", 5]}
    write_xlsx(str(path), [("A", TITLED_ROWS), ("B", other)])
    values, _, _ = joined_values(run_algorithm, tmp_path, [str(path)], SHEET="2")
    assert values["62498"]["NB"] == 5.0
    values, _, _ = joined_values(run_algorithm, tmp_path, [f"{path}|layername=B"])
    assert values["62498"]["NB"] == 5.0
    with pytest.raises(QgsProcessingException, match="no sheet 'C'. Sheets found: A, B"):
        joined_values(run_algorithm, tmp_path, [str(path)], SHEET="C")


def test_truncated_spreadsheet_is_a_clear_error(run_algorithm, tmp_path):
    path = tmp_path / "cut.xlsx"
    write_xlsx(str(path), [("Données", TITLED_ROWS)])
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(QgsProcessingException, match="cut.xlsx: not a spreadsheet OGR can read"):
        joined_values(run_algorithm, tmp_path, [str(path)])
    assert not (tmp_path / "joined.gpkg").exists()


def test_dbf_and_geopackage_tables(run_algorithm, tmp_path):
    from osgeo import ogr

    dbf = tmp_path / "emplois.dbf"
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(dbf))
    layer = source.CreateLayer("emplois", geom_type=ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("CODGEO", ogr.OFTInteger))  # a code stored as a number: zeros lost
    layer.CreateField(ogr.FieldDefn("EMPLOIS", ogr.OFTReal))
    for code, jobs in ((62498, 22364.0), (62119, 17961.0), (1001, 5.0)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("CODGEO", code)
        feature.SetField("EMPLOIS", jobs)
        layer.CreateFeature(feature)
    source = None

    gpkg = tmp_path / "tables.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    layer = source.CreateLayer("menages", geom_type=ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("insee_com", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("MENAGES", ogr.OFTInteger))
    for code, households in (("62498", 14000), ("62119", 11000)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("insee_com", code)
        feature.SetField("MENAGES", households)
        layer.CreateFeature(feature)
    source = None

    values, report, _ = joined_values(run_algorithm, tmp_path, [str(dbf), f"{gpkg}|layername=menages"])
    assert values["62498"]["EMPLOIS"] == 22364.0 and values["62119"]["MENAGES"] == 11000.0
    assert ("unmatched", "01001", "4") in report
    assert ("re-coded", "01001", "4") in report


def test_header_found_by_content():
    rows = [["Titre", None], [None, None], ["Code commune", "Population"], ["62498", "32157"]]
    frame = table_from_rows(rows, [1, 2, 3, 4], "t.xlsx")
    assert list(frame.columns) == ["Code commune", "Population"] and frame.attrs["line_numbers"] == [4]
    # Without a known code name: the fullest row is the header.
    rows = [["Titre"], ["ID", "POP", "EMP"], ["62498", "1", "2"]]
    assert list(table_from_rows(rows, [1, 2, 3], "t.ods").columns) == ["ID", "POP", "EMP"]
    with pytest.raises(TableError, match="no data rows"):
        table_from_rows([["Titre"], ["CODGEO", "POP"]], [1, 2], "t.xlsx")
    with pytest.raises(TableError, match="empty"):
        table_from_rows([[None, None]], [1], "t.xlsx")
    frame = table_from_rows([["CODGEO", "POP", "POP", None], ["62498", "1", "2", "x"]], [1, 2], "t.xlsx")
    assert list(frame.columns) == ["CODGEO", "POP", "POP_3", "COLUMN_4"]
    assert isinstance(frame, pd.DataFrame)


# --------------------------------------------------------------------------- property: no sheet row lost

CELLS = st.one_of(st.none(), st.sampled_from(["62498", "62119", "1001", 62001, "2A004", "abc", "", "s", 3.5]))


@settings(max_examples=100, deadline=None)
@given(
    titles=st.lists(st.sampled_from(["Titre", "Source : Insee", None]), max_size=4),
    data=st.lists(st.tuples(CELLS, CELLS), min_size=1, max_size=20),
)
def test_property_sheet_rows_all_accounted_for(titles, data):
    rows = [[t] for t in titles] + [["CODGEO", "V"]] + [list(row) for row in data]
    numbers = list(range(1, len(rows) + 1))
    header_line = len(titles) + 1
    filled = [(line, row) for line, row in zip(numbers[header_line:], data)
              if any(c not in (None, "") for c in row)]
    if not filled:
        with pytest.raises(TableError):
            table_from_rows(rows, numbers, "t.xlsx")
        return
    frame = table_from_rows(rows, numbers, "t.xlsx")
    assert frame.attrs["line_numbers"] == [line for line, _ in filled]
    try:
        result = join_tables(["62498", "62119", "01001", "62001"], [("t.xlsx", frame)])
    except TableError:
        return
    (summary,) = result.summaries
    assert summary.rows_read == len(filled)
    assert summary.matched + summary.summed + summary.unmatched + summary.duplicates + summary.invalid == len(filled)
    reported = [r["line"] for r in result.report if r["problem"] in ("unmatched", "duplicate", "invalid code")]
    assert len(reported) == len(set(reported)) == summary.unmatched + summary.duplicates + summary.invalid


def test_a_csv_loaded_in_qgis_with_detected_types_joins_like_the_file(run_algorithm, tmp_path):
    """A layer from QGIS's delimited-text provider (types detected: codes become integers, zeros lost)."""
    from qgis.core import QgsProject

    from testdata import SAMPLE_TABLES

    csv_path = tmp_path / "comparateur.csv"
    rows = open(SAMPLE_TABLES[0], encoding="utf-8").read().splitlines()
    # An extra commune whose code keeps its zero only as text: 01001 (read by QGIS as the integer 1001).
    csv_path.write_text("\n".join(rows[:1] + ["1001;776;750;15.95;400;20;50;48;20;360;30;4"] + rows[1:]) + "\n",
                        encoding="utf-8")
    uri = f"file://{csv_path}?delimiter=;&detectTypes=yes&geomType=none"
    layer = QgsVectorLayer(uri, "comparateur (couche)", "delimitedtext")
    assert layer.isValid()
    assert layer.fields().field("CODGEO").typeName().lower().startswith("int")  # QGIS read codes as numbers
    QgsProject.instance().addMapLayer(layer)
    try:
        from_layer, report, log = joined_values(run_algorithm, tmp_path, [layer.id()])
        (tmp_path / "joined.gpkg").unlink()
        (tmp_path / "report.csv").unlink()
        from_file, _report, _log = joined_values(run_algorithm, tmp_path, [str(csv_path)])
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert from_layer.keys() == from_file.keys()
    for code in ("62498", "62119", "62001"):
        assert from_layer[code]["P18_POP"] == from_file[code]["P18_POP"]
        assert from_layer[code]["SUPERF"] == pytest.approx(from_file[code]["SUPERF"])
    # 1001 came back as 01001 (re-coded and reported), then not in the layer: reported unmatched.
    assert any(problem == "re-coded" and code == "01001" for problem, code, _line in report), report
    assert any(problem == "unmatched" and code == "01001" for problem, code, _line in report)
    assert any(line.startswith("comparateur (couche):") for line in log)
