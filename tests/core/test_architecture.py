"""The house's rules, read from the source with `ast` (no QGIS needed):

- `core/` imports neither QGIS nor Qt, nor anything of the plugin outside `core/`;
- an algorithm module (`processing/algorithms/`) is imported by the provider only: algorithms are
  leaves, what two of them share lives in `processing/`;
- `ui/` imports no algorithm module, and nothing below `processing/` or `core/` imports `ui/`;
- the tests in `tests/core` ask for no QGIS.
"""

import ast
import os

import pytest

from testdata import ROOT

PACKAGE = "centralites"


def _modules(folder):
    """{dotted module name: path} of the plugin's Python files under ``folder``."""
    found = {}
    for directory, _dirs, files in os.walk(os.path.join(ROOT, folder)):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(directory, name)
                relative = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
                found[relative[:-len(".__init__")] if relative.endswith(".__init__") else relative] = path
    return found


def _imports(module, path):
    """The absolute names ``module`` imports (relative imports resolved), anywhere in the file."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), filename=path)
    package = module.split(".") if path.endswith("__init__.py") else module.split(".")[:-1]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                names += [target] + [f"{target}.{alias.name}" for alias in node.names]
            else:
                names.append(node.module)
    return names


ALL = {**_modules("core"), **_modules("processing"), **_modules("ui"),
       "plugin": os.path.join(ROOT, "plugin.py"), "compat": os.path.join(ROOT, "compat.py"),
       "i18n": os.path.join(ROOT, "i18n.py")}
ALGORITHMS = {name for name in _modules("processing/algorithms") if name != "processing.algorithms"}


def test_the_tree_is_where_the_rules_look():
    assert len(ALGORITHMS) >= 8 and "processing.algorithms.centrality_score" in ALGORITHMS
    assert "core.scoring" in ALL and "ui.dock" in ALL and "processing.provider" in ALL


@pytest.mark.parametrize("module", sorted(name for name in ALL if name.startswith("core")))
def test_core_imports_neither_qgis_nor_qt_nor_the_plugin_above_it(module):
    bad = [name for name in _imports(module, ALL[module])
           if name.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip", "osgeo")
           or (name.split(".")[0] in ("processing", "ui", "plugin", "compat", "i18n") and name in ALL | {"processing", "ui"})]
    assert not bad, f"{module} imports {bad}: core/ is pure Python (pandas, numpy)"


@pytest.mark.parametrize("module", sorted(name for name in ALL if name != "processing.provider"))
def test_only_the_provider_imports_an_algorithm(module):
    if module in ALGORITHMS:
        imported = [name for name in _imports(module, ALL[module]) if name in ALGORITHMS and name != module]
    else:
        imported = [name for name in _imports(module, ALL[module]) if name in ALGORITHMS]
    assert not imported, (f"{module} imports the algorithm module(s) {imported}: algorithms are leaves; "
                          "move what is shared to a helper module of processing/")


@pytest.mark.parametrize("module", sorted(name for name in ALL if name.startswith(("core", "processing"))))
def test_nothing_below_the_panel_imports_it(module):
    assert not [name for name in _imports(module, ALL[module]) if name == "ui" or name.startswith("ui.")]


def test_the_provider_lists_every_algorithm_module():
    imported = set(_imports("processing.provider", ALL["processing.provider"]))
    assert ALGORITHMS <= imported, f"not in the provider: {sorted(ALGORITHMS - imported)}"


def test_the_rules_catch_a_breach(tmp_path):
    # The checks above must be able to fail: an algorithm importing another is seen.
    path = tmp_path / "join_tables.py"
    path.write_text("from .centrality_score import read_profile\nfrom ...qgis_free import x\n", encoding="utf-8")
    names = _imports("processing.algorithms.join_tables", str(path))
    assert "processing.algorithms.centrality_score" in names and \
        set(names) & ALGORITHMS == {"processing.algorithms.centrality_score"}


def test_core_tests_ask_for_no_qgis():
    for name, path in _modules("tests/core").items():
        imported = _imports(name, path)
        assert not [n for n in imported if n and n.split(".")[0] in ("qgis", "processing", "PyQt5")], name
