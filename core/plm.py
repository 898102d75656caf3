"""Paris, Lyon and Marseille: municipal arrondissements and their commune.

INSEE gives many figures per arrondissement (751xx, 6938x, 132xx) while a
commune layer holds the three communes (75056, 69123, 13055); a layer of
arrondissements holds the arrondissements themselves.
"""

CITIES = {
    "75056": ("Paris", tuple(f"751{n:02d}" for n in range(1, 21))),
    "69123": ("Lyon", tuple(f"6938{n}" for n in range(1, 10))),
    "13055": ("Marseille", tuple(f"132{n:02d}" for n in range(1, 17))),
}
ARRONDISSEMENT_CITY = {arrondissement: city for city, (_, arrondissements) in CITIES.items()
                       for arrondissement in arrondissements}


def city_of(code):
    """Commune code (75056, 69123, 13055) of an arrondissement code, else None."""
    return ARRONDISSEMENT_CITY.get(code)


def city_name(city_code):
    return CITIES[city_code][0]


def arrondissements_onto_cities(codes, layer_codes):
    """{arrondissement: city} for the arrondissements among ``codes`` to sum onto their commune.

    Per city: summed when the layer holds the commune and none of its
    arrondissements; kept as they are when the layer holds arrondissements.
    """
    layer = set(layer_codes)
    mapping = {}
    # In the table's order, once each; the few arrondissements picked out first (a set test per code).
    for code in [code for code in dict.fromkeys(codes) if code in ARRONDISSEMENT_CITY]:
        city = city_of(code)
        if city not in layer:
            continue
        if layer.intersection(CITIES[city][1]):
            continue  # the layer holds this city's arrondissements: keep them
        mapping[code] = city
    return mapping
