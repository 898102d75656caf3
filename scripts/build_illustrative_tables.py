#!/usr/bin/env python3
"""Build the ILLUSTRATIVE indicator tables of the sample territory.

These tables are NOT INSEE figures. They are generated, deterministically
(fixed seed), from the real population and area of the 319 communes of
``resources/sample/territoire_aula.gpkg`` (built by
``scripts/build_sample_territory.py``), with plausible orders of magnitude
(jobs per inhabitant growing with size, vacancy ~ 7 %, larger towns have
more shops and equipment, ...), in INSEE's own file layouts, so that a demo
runs on a fresh machine without the real INSEE files. Never use them in a
study.

Outputs, in ``resources/sample/`` (``;``-separated, UTF-8, ``.`` decimals,
LF line ends, commune codes as 5-character text):

- ``illustratif_base_cc_comparateur.csv``: layout of INSEE's "base du
  comparateur de territoires" (CODGEO;P18_POP;P13_POP;SUPERF;P18_LOG;
  P18_LOGVAC;P18_EMPLT;P13_EMPLT;P18_CHOM1564;P18_ACT1564;ETTOT18;ETGU18;ETGZ18),
  one row per commune; census counts other than populations are weighted,
  non-integer values as in INSEE's file;
- ``illustratif_bpe_domaines.csv``: BPE per domain
  (DEPCOM;NB_EQUIP_TOTAL;NB_EQUIP_A..G); communes with no equipment are
  absent, as in INSEE's file;
- ``illustratif_bpe_communes.csv``: BPE long layout (DEPCOM;AN;TYPEQU;NB_EQUIP),
  consistent with the domain file (same totals per commune and domain).

Running the script twice gives identical bytes. It only needs GDAL/OGR
(osgeo) to read the GeoPackage; it does not need the real INSEE files.

Usage::

    python scripts/build_illustrative_tables.py [--gpkg PATH] [--output-dir DIR]
"""

import argparse
import math
import os
import random
import sys
import tempfile
from pathlib import Path

SEED = "centralites-illustratif-v1"
BPE_YEAR = "2019"
LAYER_NAME = "communes"
EXPECTED_COMMUNES = 319

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO_ROOT / "resources" / "sample"
DEFAULT_GPKG = SAMPLE_DIR / "territoire_aula.gpkg"

COMPARATEUR_FILE = "illustratif_base_cc_comparateur.csv"
DOMAINES_FILE = "illustratif_bpe_domaines.csv"
COMMUNES_FILE = "illustratif_bpe_communes.csv"

# Columns in the order of INSEE's base_cc_comparateur (2021 edition).
COMPARATEUR_COLUMNS = ["CODGEO", "P18_POP", "P13_POP", "SUPERF", "P18_LOG",
                       "P18_LOGVAC", "P18_EMPLT", "P13_EMPLT", "P18_CHOM1564",
                       "P18_ACT1564", "ETTOT18", "ETGU18", "ETGZ18"]

DOMAINS = "ABCDEFG"

# Expected number of equipments of a domain: a * population^b (orders of
# magnitude of the BPE in Pas-de-Calais, Poisson noise added).
DOMAIN_MODEL = {
    "A": (0.0125, 1.00),   # services aux particuliers
    "B": (0.0050, 0.98),   # commerces
    "C": (0.033, 0.60),    # enseignement
    "D": (0.0028, 1.10),   # santé et action sociale
    "E": (0.0024, 0.75),   # transports et déplacements
    "F": (0.022, 0.74),    # sports, loisirs et culture
    "G": (0.065, 0.30),    # tourisme
}

# A short list of real BPE TYPEQU codes (the first letter is the domain):
# (code, relative weight, smallest population where it is drawn, label).
# Embedded so the build needs no external file.
TYPEQU = [
    ("A203", 20, 1500, "Banque, Caisse d'Epargne"),
    ("A205", 18, 1000, "Pompes funèbres"),
    ("A206", 9, 1500, "Bureau de poste"),
    ("A301", 80, 0, "Réparation automobile et de matériel agricole"),
    ("A304", 20, 1500, "Ecole de conduite"),
    ("A401", 52, 0, "Maçon"),
    ("A402", 72, 200, "Plâtrier peintre"),
    ("A403", 60, 0, "Menuisier, charpentier, serrurier"),
    ("A404", 80, 0, "Plombier, couvreur, chauffagiste"),
    ("A405", 60, 200, "Électricien"),
    ("A406", 45, 400, "Entreprise générale du bâtiment"),
    ("A501", 110, 0, "Coiffure"),
    ("A504", 120, 0, "Restaurant"),
    ("A505", 30, 400, "Agence immobilière"),
    ("A507", 40, 500, "Soins de beauté"),
    ("B101", 3, 15000, "Hypermarché"),
    ("B102", 16, 1000, "Supermarché"),
    ("B202", 22, 0, "Épicerie"),
    ("B203", 44, 0, "Boulangerie"),
    ("B204", 24, 500, "Boucherie charcuterie"),
    ("B301", 6, 2500, "Librairie papeterie journaux"),
    ("B302", 56, 2500, "Magasin de vêtements"),
    ("B304", 9, 2500, "Magasin de chaussures"),
    ("B306", 12, 1200, "Magasin de meubles"),
    ("B309", 7, 800, "Droguerie quincaillerie bricolage"),
    ("B312", 26, 700, "Fleuriste"),
    ("B313", 15, 2500, "Magasin d'optique"),
    ("C101", 19, 1500, "École maternelle"),
    ("C102", 3, 0, "Classe maternelle de RPI dispersé"),
    ("C104", 33, 0, "École élémentaire"),
    ("C105", 8, 0, "Classe élémentaire de RPI dispersé"),
    ("C201", 8, 2500, "Collège"),
    ("C301", 2, 8000, "Lycée d'enseignement général et/ou technologique"),
    ("C302", 2, 8000, "Lycée d'enseignement professionnel"),
    ("D201", 59, 800, "Médecin omnipraticien"),
    ("D221", 30, 2000, "Chirurgien dentiste"),
    ("D232", 111, 300, "Infirmier"),
    ("D233", 70, 600, "Masseur kinésithérapeute"),
    ("D235", 28, 1200, "Orthophoniste"),
    ("D237", 15, 1500, "Pédicure-podologue"),
    ("D301", 28, 1500, "Pharmacie"),
    ("D401", 11, 1500, "Personnes âgées : hébergement"),
    ("E101", 15, 0, "Taxi"),
    ("E108", 2, 5000, "Gare de voyageurs d'intérêt régional"),
    ("E109", 2, 1500, "Gare de voyageurs d'intérêt local"),
    ("F101", 2, 5000, "Bassin de natation"),
    ("F102", 28, 0, "Boulodrome"),
    ("F103", 9, 800, "Tennis"),
    ("F107", 6, 1000, "Athlétisme"),
    ("F111", 20, 400, "Plateau extérieur ou salle multisports"),
    ("F112", 9, 1000, "Salle ou terrain de petits jeux"),
    ("F113", 33, 0, "Terrains de grands jeux"),
    ("F114", 7, 2500, "Salle de combat"),
    ("F116", 10, 0, "Salle non spécialisée"),
    ("G101", 3, 4000, "Agence de voyages"),
    ("G102", 4, 800, "Hôtel homologué"),
    ("G103", 4, 0, "Camping homologué"),
    ("G104", 2, 300, "Information touristique"),
]


class BuildError(Exception):
    """A check failed or an input is missing."""


def read_communes(gpkg):
    """(code, population, area in km²) of every commune, sorted by code."""
    try:
        from osgeo import ogr
    except ImportError:
        raise BuildError("GDAL/OGR Python bindings (osgeo) are not available: run "
                         "with the system Python or a venv made with "
                         "--system-site-packages")
    ogr.UseExceptions()
    if not Path(gpkg).is_file():
        raise BuildError(f"{gpkg} not found: run scripts/build_sample_territory.py first")
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName(LAYER_NAME)
    if layer is None:
        raise BuildError(f"layer {LAYER_NAME!r} missing from {gpkg}")
    srs = layer.GetSpatialRef()
    if srs is None or srs.GetAuthorityCode(None) != "2154":
        raise BuildError(f"{gpkg}: expected EPSG:2154 (areas are computed in metres)")
    communes = []
    for feature in layer:
        code = feature.GetField("INSEE_COM")
        population = feature.GetField("POPULATION")
        area_km2 = feature.GetGeometryRef().GetArea() / 1e6
        communes.append((code, population, area_km2))
    ds = None
    communes.sort()
    codes = [c[0] for c in communes]
    if len(communes) != EXPECTED_COMMUNES or len(set(codes)) != len(codes) or \
            any(not isinstance(c, str) or len(c) != 5 for c in codes):
        raise BuildError(f"{gpkg}: expected {EXPECTED_COMMUNES} communes with unique "
                         f"5-character codes, found {len(communes)}")
    return communes


# -- random draws (Python's Mersenne Twister, seeded per commune) ----------

def commune_rng(code, what):
    # str seeds are hashed with SHA-512: stable across runs and platforms,
    # independent of PYTHONHASHSEED.
    return random.Random(f"{SEED}:{what}:{code}")


def lognormal(rng, sigma, mu=0.0):
    return math.exp(rng.gauss(mu, sigma))


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 50:  # normal approximation
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def fmt(value, decimals=6):
    """Fixed-precision decimal text without trailing zeros ('.' separator)."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# -- tables -----------------------------------------------------------------

def comparateur_row(code, population, area_km2):
    rng = commune_rng(code, "comparateur")
    # Census population 2018: close to (never equal to) the current population.
    p18 = max(1, round(population * lognormal(rng, 0.03)))
    if p18 == population:
        p18 += 1 if rng.random() < 0.5 or p18 == 1 else -1
    p13 = max(1, round(p18 * lognormal(rng, 0.04, mu=0.004)))
    size = math.log10(max(p18, 10))
    log = p18 / (2.05 + 0.25 * rng.random() - 0.08 * (size - 2)) * lognormal(rng, 0.05)
    logvac = log * min(0.25, 0.065 * lognormal(rng, 0.35))
    # Jobs per inhabitant grow with size (employment poles), noisier in villages.
    scale = max(p18, 50) / 1000
    emplt = 0.10 * p18 * scale ** 0.45 * lognormal(rng, 0.55 - 0.06 * size)
    emplt13 = emplt * lognormal(rng, 0.10, mu=0.02)
    act = p18 * 0.45 * lognormal(rng, 0.05)
    chom_rate = min(0.35, 0.040 * p18 ** 0.155 * lognormal(rng, 0.25))
    chom = act * chom_rate
    ettot = max(1, round(0.018 * p18 * scale ** 0.2 * lognormal(rng, 0.30)))
    etgz = min(ettot, poisson(rng, ettot * min(0.3, 0.08 * scale ** 0.3)))
    # Commerce, transport and services (GU) holds the trade establishments (GZ) and more.
    etgu = min(ettot, etgz + poisson(rng, (ettot - etgz) * 0.45))
    values = {
        "CODGEO": code,
        "P18_POP": str(p18),
        "P13_POP": str(p13),
        "SUPERF": fmt(area_km2, 2),
        "P18_LOG": fmt(log),
        "P18_LOGVAC": fmt(logvac),
        "P18_EMPLT": fmt(emplt),
        "P13_EMPLT": fmt(emplt13),
        "P18_CHOM1564": fmt(chom),
        "P18_ACT1564": fmt(act),
        "ETTOT18": str(ettot),
        "ETGZ18": str(etgz),
        "ETGU18": str(etgu),
    }
    return [values[c] for c in COMPARATEUR_COLUMNS]


def bpe_counts(code, population):
    """{TYPEQU: count} of one commune (only positive counts)."""
    rng = commune_rng(code, "bpe")
    attractiveness = lognormal(rng, 0.35)  # some towns are better equipped
    counts = {}
    for domain in DOMAINS:
        a, b = DOMAIN_MODEL[domain]
        total = poisson(rng, a * max(population, 1) ** b * attractiveness)
        if total == 0:
            continue
        codes = [t for t in TYPEQU if t[0][0] == domain and t[2] <= population]
        if not codes:  # smallest threshold of the domain
            smallest = min(t[2] for t in TYPEQU if t[0][0] == domain)
            codes = [t for t in TYPEQU if t[0][0] == domain and t[2] == smallest]
        drawn = rng.choices([t[0] for t in codes], weights=[t[1] for t in codes], k=total)
        for typequ in drawn:
            counts[typequ] = counts.get(typequ, 0) + 1
    return counts


def build_tables(communes):
    comparateur = [COMPARATEUR_COLUMNS]
    domaines = [["DEPCOM", "NB_EQUIP_TOTAL"] + [f"NB_EQUIP_{d}" for d in DOMAINS]]
    longues = [["DEPCOM", "AN", "TYPEQU", "NB_EQUIP"]]
    for code, population, area_km2 in communes:
        comparateur.append(comparateur_row(code, population, area_km2))
        counts = bpe_counts(code, population)
        if not counts:
            continue  # no equipment: absent, as in INSEE's files
        per_domain = [sum(n for t, n in counts.items() if t[0] == d) for d in DOMAINS]
        domaines.append([code, str(sum(per_domain))] + [str(n) for n in per_domain])
        for typequ in sorted(counts):
            longues.append([code, BPE_YEAR, typequ, str(counts[typequ])])
    return {COMPARATEUR_FILE: comparateur, DOMAINES_FILE: domaines,
            COMMUNES_FILE: longues}


def check_tables(tables, communes):
    errors = []
    codes = {c[0] for c in communes}
    comparateur = tables[COMPARATEUR_FILE]
    if len(comparateur) - 1 != len(communes):
        errors.append(f"comparateur: {len(comparateur) - 1} rows for {len(communes)} communes")
    real_population = {c[0]: c[1] for c in communes}
    for row in comparateur[1:]:
        values = dict(zip(COMPARATEUR_COLUMNS, row))
        if values["CODGEO"] not in codes:
            errors.append(f"comparateur: unknown code {values['CODGEO']}")
        if int(values["P18_POP"]) == real_population.get(values["CODGEO"]):
            errors.append(f"comparateur: P18_POP of {values['CODGEO']} equals the real population")
        if float(values["P18_LOGVAC"]) > float(values["P18_LOG"]) or \
                float(values["P18_CHOM1564"]) > float(values["P18_ACT1564"]) or \
                int(values["ETGZ18"]) > int(values["ETTOT18"]):
            errors.append(f"comparateur: inconsistent values for {values['CODGEO']}")
    long_sum = {}
    for depcom, _, typequ, n in tables[COMMUNES_FILE][1:]:
        key = (depcom, typequ[0])
        long_sum[key] = long_sum.get(key, 0) + int(n)
    domain_codes = set()
    for row in tables[DOMAINES_FILE][1:]:
        depcom, total, per_domain = row[0], int(row[1]), [int(v) for v in row[2:]]
        domain_codes.add(depcom)
        if depcom not in codes or total != sum(per_domain) or total == 0:
            errors.append(f"domaines: bad row {row}")
        for d, n in zip(DOMAINS, per_domain):
            if long_sum.get((depcom, d), 0) != n:
                errors.append(f"{depcom} domain {d}: {n} in the domain file, "
                              f"{long_sum.get((depcom, d), 0)} in the long file")
    if {k[0] for k in long_sum} != domain_codes:
        errors.append("the long and domain BPE files do not list the same communes")
    if errors:
        raise BuildError("checks failed:\n  " + "\n  ".join(errors[:20]))


def write_csv(path, rows):
    """Write atomically (temporary file then rename), LF line ends."""
    text = "".join(";".join(row) + "\n" for row in rows)
    fd, tmp = tempfile.mkstemp(prefix=".tmp_" + path.stem + "_", suffix=".csv",
                               dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gpkg", default=str(DEFAULT_GPKG),
                        help=f"sample territory GeoPackage (default: {DEFAULT_GPKG})")
    parser.add_argument("--output-dir", default=str(SAMPLE_DIR),
                        help=f"folder of the CSV files (default: {SAMPLE_DIR})")
    args = parser.parse_args(argv)
    try:
        communes = read_communes(args.gpkg)
        tables = build_tables(communes)
        check_tables(tables, communes)
        out = Path(args.output_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name, rows in tables.items():
            write_csv(out / name, rows)
            print(f"wrote {out / name} ({len(rows) - 1} rows, "
                  f"{(out / name).stat().st_size:,} bytes)")
    except (BuildError, RuntimeError) as exc:  # RuntimeError: GDAL error
        print(f"build_illustrative_tables: ERROR: {exc}", file=sys.stderr)
        return 1
    domaines = tables[DOMAINES_FILE][1:]
    totals = [sum(int(r[2 + i]) for r in domaines) for i in range(len(DOMAINS))]
    print(f"ILLUSTRATIVE values (not INSEE figures): {len(communes)} communes, "
          f"{len(domaines)} with equipment, "
          + ", ".join(f"{d}={n}" for d, n in zip(DOMAINS, totals)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
