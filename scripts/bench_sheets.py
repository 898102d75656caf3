"""Benchmark of centralites:commune_sheets: the 319 sheets of the AULA sample territory in one PDF.

Scores the sample territory (resources/sample/territoire_aula.gpkg) on the real
INSEE files of ../shared/data/insee (comparateur 2021 + BPE 2019 domains; the
illustrative sample tables when they are absent), adds the sensitivity fields
(rank bands), then times the algorithm on every commune into one PDF — charts,
layout and export, as a user runs it — and, separately, the per-commune PDFs
of one intercommunality. The target of issue 16 is 319 sheets in at most 90 s
on a 2-core machine. Prints seconds, seconds per page and the PDF's size.

QGIS has no native equivalent to compare with (a hand-made atlas would compute
none of the medians, percentiles or sentences), so the figure is the plugin's
own; the same run also times an atlas of the same number of pages of the
shipped map layout (centralites:export_layout, one page per commune), as a
yardstick of what QGIS's layout export costs by itself.

    python scripts/bench_sheets.py [--repeat 1]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

INSEE = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee"))
SAMPLE = os.path.join(PLUGIN_ROOT, "resources", "sample")
COMMUNES = os.path.join(SAMPLE, "territoire_aula.gpkg") + "|layername=communes"
TARGET_SECONDS = 90.0


def tables():
    real = [os.path.join(INSEE, "base_cc_comparateur_2021_dep62.csv"), os.path.join(INSEE, "bpe2019_domaines_dep62.csv")]
    if all(os.path.exists(path) for path in real):
        return real, "real INSEE files (comparateur 2021, BPE 2019)"
    return [os.path.join(SAMPLE, "illustratif_base_cc_comparateur.csv"),
            os.path.join(SAMPLE, "illustratif_bpe_domaines.csv")], "illustrative sample tables"


def pages(path):
    try:
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1)
    arguments = parser.parse_args()
    app = start_qgis()  # noqa: F841 — kept alive for the run
    import processing
    from qgis.core import QgsProcessingFeedback

    folder = tempfile.mkdtemp(prefix="centralites-bench-sheets-")
    sources, described = tables()
    feedback = QgsProcessingFeedback()
    print(f"Commune sheets — AULA sample territory, {described}; {os.cpu_count()} CPU(s)")
    joined = processing.run("centralites:join_tables", {
        "INPUT": COMMUNES, "CODE_FIELD": "INSEE_COM", "TABLES": sources, "OUTPUT": f"{folder}/joined.gpkg"},
        feedback=feedback)["OUTPUT"]
    scored = processing.run("centralites:centrality_score", {"INPUT": joined, "OUTPUT": f"{folder}/scored.gpkg"},
                            feedback=feedback)["OUTPUT"]
    layer = processing.run("centralites:sensitivity", {"INPUT": scored, "OUTPUT": f"{folder}/bands.gpkg"},
                           feedback=feedback)["OUTPUT"]

    best = None
    for run in range(arguments.repeat):
        pdf = f"{folder}/sheets-{run}.pdf"
        start = time.perf_counter()
        result = processing.run("centralites:commune_sheets", {"INPUT": layer, "OUTPUT": pdf}, feedback=feedback)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
        count = result["PAGES"]
        print(f"  all communes, one PDF: {count} pages in {seconds:.1f} s ({seconds / count:.3f} s a page), "
              f"pdfinfo says {pages(pdf)} pages, {os.path.getsize(pdf) / 1e6:.1f} MB")
    verdict = "within" if best <= TARGET_SECONDS else "OVER"
    print(f"  best: {best:.1f} s — {verdict} the target of {TARGET_SECONDS:.0f} s for the 319 sheets")

    start = time.perf_counter()
    result = processing.run("centralites:commune_sheets", {
        "INPUT": layer, "FILTER": "\"NOM_EPCI\" = 'Communauté de communes du Ternois'",
        "OUTPUT": f"{folder}/ternois.pdf", "FOLDER": f"{folder}/ternois"}, feedback=feedback)
    seconds = time.perf_counter() - start
    print(f"  one intercommunality, one PDF and one per commune: {result['PAGES']} communes in {seconds:.1f} s "
          f"({len(os.listdir(result['FOLDER']))} files)")

    # Yardstick: QGIS's own atlas export of the shipped map layout, one page per commune.
    start = time.perf_counter()
    processing.run("centralites:export_layout", {
        "INPUT": layer, "ATLAS_FIELD": "INSEE_COM", "CHART": False, "DPI": 150,
        "OUTPUT": f"{folder}/atlas.pdf"}, feedback=feedback)
    seconds = time.perf_counter() - start
    print(f"  yardstick, export_layout atlas of the map, one page per commune (no chart): {seconds:.1f} s "
          f"for {pages(f'{folder}/atlas.pdf')} pages")


if __name__ == "__main__":
    main()
