"""Communes merged since a table's year: INSEE's "table de passage" (old code -> today's code).

INSEE publishes it with one column per geography year (CODGEO_2013 …
CODGEO_2025); agencies keep two-column files (old, new). The columns to use
are chosen by content, for each table: the old codes are the column holding
most of the table's codes missing from the layer, the new codes the column
most wholly in the layer (the latest year on a tie).
"""

import re

from .codes import is_valid_code, normalise_code
from .messages import tr
from .tables import TableError

_YEAR = re.compile(r"(19|20)\d\d")
# A column of populations can look like codes: columns named like codes come first.
_CODE_NAME = re.compile(r"COD|COM|INSEE|GEO", re.IGNORECASE)


class Passage:
    def __init__(self, frame, source):
        self.source = source
        self.columns = {}
        for column in frame.columns:
            codes = frame[column].map(normalise_code)
            filled = codes.dropna()
            if len(filled) and filled.map(is_valid_code).mean() >= 0.9:
                self.columns[column] = list(codes)
        named = {c: codes for c, codes in self.columns.items() if _CODE_NAME.search(str(c))}
        if len(named) >= 2:
            self.columns = named
        if len(self.columns) < 2:
            raise TableError(tr(
                "{source}: a table de passage needs two columns of commune codes (old code, new code). "
                "Columns found: {columns}."
            ).format(source=source, columns=", ".join(map(str, frame.columns))))
        self._sets = {column: {c for c in codes if is_valid_code(c)} for column, codes in self.columns.items()}
        self._cache = {}

    def mapping_for(self, table_codes, layer_codes):
        """(old column, new column, {old: new}, ambiguous old codes) for one table."""
        layer = set(layer_codes)
        missing = set(table_codes) - layer
        order = {column: position for position, column in enumerate(self.columns)}
        # Today's codes: the column whose codes are most wholly in the layer (later year, later column on a tie).
        new = max(self.columns, key=lambda c: (len(self._sets[c] & layer) / max(len(self._sets[c]), 1),
                                               _year(c), order[c]))
        # The table's year: the column holding most of its codes the layer lacks (latest year, first column).
        old = max((c for c in self.columns if c != new),
                  key=lambda c: (len(self._sets[c] & missing), _year(c), -order[c]))
        if (old, new) not in self._cache:
            targets = {}
            for before, after in zip(self.columns[old], self.columns[new]):
                if is_valid_code(before) and is_valid_code(after) and before != after:
                    targets.setdefault(before, set()).add(after)
            mapping = {before: next(iter(after)) for before, after in targets.items() if len(after) == 1}
            ambiguous = sorted(before for before, after in targets.items() if len(after) > 1)
            self._cache[(old, new)] = (old, new, mapping, ambiguous)
        return self._cache[(old, new)]


def _year(column):
    found = _YEAR.search(str(column))
    return int(found.group(0)) if found else 0
