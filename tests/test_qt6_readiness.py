"""Qt6 / QGIS 4 readiness of the plugin's code (what `make package` ships; not tests/ nor scripts/).

QGIS 4 cannot run here, so these checks read the source with `ast`:

- Qt is imported from `qgis.PyQt` only (never PyQt5, PyQt6 or a bare sip);
- `exec()`, not the Qt5-only `exec_()`;
- enums fully scoped: `Qt.AlignmentFlag.AlignLeft`, not `Qt.AlignLeft` (PyQt6 has
  only the scoped names), and likewise for QGIS classes (`QgsX.Enum.Value`, not
  `QgsX.Value`). A dotted name is checked by resolving it on the running QGIS: it
  is flagged when it ends on an enum member reached from a class that is not the
  member's own enum. Names the running QGIS lacks (the other branch of a
  compatibility test in compat.py) are left alone;
- no resources compiled with pyrcc (`resources_rc.py`, `*_rc.py`): PyQt6 has no
  pyrcc; icons are read from files.
"""

import ast
import enum
import importlib
import importlib.util
import os

import pytest

from testdata import ROOT

# The files `make package` ships, as scripts/package.py lists them.
_spec = importlib.util.spec_from_file_location("centralites_package_script", os.path.join(ROOT, "scripts", "package.py"))
package = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(package)

PLUGIN_FILES = list(package.plugin_files())
PYTHON_FILES = sorted(f for f in PLUGIN_FILES if f.endswith(".py"))
QT_BINDINGS = ("PyQt5", "PyQt6", "sip", "PySide2", "PySide6")


def _parse(relative):
    with open(os.path.join(ROOT, relative), encoding="utf-8") as handle:
        return ast.parse(handle.read(), filename=relative)


TREES = {relative: _parse(relative) for relative in PYTHON_FILES}


def _direct_qt_imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            if name.split(".")[0] in QT_BINDINGS:
                yield node.lineno, name


def _exec_underscore(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("exec_", "print_"):
            yield node.lineno, node.attr
        elif isinstance(node, ast.Name) and node.id in ("exec_", "print_"):
            yield node.lineno, node.id


def _imported_objects(tree):
    """Local names bound by absolute imports of qgis modules: name -> (module, attribute or None)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "qgis":
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "qgis":
                    if alias.asname:
                        names[alias.asname] = (alias.name, None)
                    else:
                        names["qgis"] = ("qgis", None)
    return names


def _dotted(node):
    """['Qt', 'AlignmentFlag', 'AlignLeft'] for Qt.AlignmentFlag.AlignLeft, None for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def _enum_type(value):
    """The enum class of an enum member (sip enum of PyQt5, Python enum of PyQt6 and QGIS), else None."""
    if isinstance(value, enum.Enum):
        return type(value)
    kind = type(value)
    if type(kind).__name__ == "enumtype":  # sip's metaclass of PyQt5 enums
        return kind
    return None


def _is_enum_class(value):
    if isinstance(value, type) and issubclass(value, enum.Enum):
        return True
    return isinstance(value, type) and type(value).__name__ == "enumtype"


def _unscoped_enums(tree):
    imported = _imported_objects(tree)
    seen = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or isinstance(getattr(node, "_parent", None), ast.Attribute):
            continue
        parts = _dotted(node)
        if not parts or parts[0] not in imported or (node.lineno, tuple(parts)) in seen:
            continue
        seen.add((node.lineno, tuple(parts)))
        module_name, attribute = imported[parts[0]]
        try:
            value = importlib.import_module(module_name)
            if attribute is not None:
                value = getattr(value, attribute)
        except (ImportError, AttributeError):
            continue
        # Walk the chain; check every prefix that lands on an enum member.
        for index, part in enumerate(parts[1:], start=1):
            parent = value
            try:
                value = getattr(parent, part)
            except AttributeError:
                break  # not on this QGIS: the other branch of a version test
            owner = _enum_type(value)
            if owner is not None and not _is_enum_class(parent):
                yield node.lineno, ".".join(parts[: index + 1]), f"{owner.__qualname__}.{part}"
                break


def _link_parents(tree):
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            child._parent = node
    return tree


def _report(findings):
    return "\n".join(f"  {path}:{line}: {what}" for path, line, what in findings)


def test_the_scan_sees_the_plugin_code():
    assert {"plugin.py", "compat.py", "processing/provider.py"} <= set(PYTHON_FILES)
    assert not any(f.startswith(("tests/", "scripts/")) for f in PYTHON_FILES)


def test_qt_is_imported_from_qgis_pyqt_only():
    findings = [(path, line, f"import {name}: use qgis.PyQt") for path, tree in TREES.items()
                for line, name in _direct_qt_imports(tree)]
    assert not findings, "direct Qt binding imports (QGIS 4 ships PyQt6):\n" + _report(findings)


def test_no_exec_underscore():
    findings = [(path, line, f"{name}(): use {name[:-1]}()") for path, tree in TREES.items()
                for line, name in _exec_underscore(tree)]
    assert not findings, "Qt5-only method names:\n" + _report(findings)


def test_enums_are_fully_scoped():
    findings = []
    for path, tree in TREES.items():
        for line, written, scoped in _unscoped_enums(_link_parents(tree)):
            findings.append((path, line, f"{written} -> {scoped}"))
    assert not findings, "unscoped enums (PyQt6 knows only the scoped names):\n" + _report(findings)


def test_no_resources_compiled_with_pyrcc():
    compiled = [f for f in PLUGIN_FILES if os.path.basename(f) == "resources_rc.py" or f.endswith("_rc.py")]
    assert not compiled, f"pyrcc output shipped (no pyrcc in PyQt6; load icons from files): {compiled}"
    imports = []
    for path, tree in TREES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [alias.name for alias in node.names]
            else:
                continue
            imports += [(path, node.lineno, f"import {n}") for n in names if n.split(".")[-1].endswith("_rc")]
    assert not imports, "imports of pyrcc resources:\n" + _report(imports)


# The checks themselves, on snippets: they flag what they must and nothing else.
@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("from qgis.PyQt.QtCore import Qt\nQt.AlignLeft", ["Qt.AlignLeft"]),
        ("from qgis.PyQt.QtCore import Qt\nQt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop", []),
        ("from qgis.PyQt import QtCore\nQtCore.Qt.Checked", ["QtCore.Qt.Checked"]),
        ("from qgis.PyQt.QtGui import QFont\nQFont.Bold", ["QFont.Bold"]),
        ("from qgis.PyQt.QtGui import QFont\nQFont.Weight.Bold", []),
        ("from qgis.core import QgsLayoutExporter\nQgsLayoutExporter.Success", ["QgsLayoutExporter.Success"]),
        ("from qgis.core import QgsLayoutExporter\nQgsLayoutExporter.ExportResult.Success", []),
        ("from qgis.core import QgsApplication\nQgsApplication.processingRegistry()", []),
        ("from qgis.core import Qgis\nQgis.MessageLevel.Warning", []),
        ("from qgis.core import Qgis\nQgis.NoSuchThingAnywhere.Value", []),
    ],
)
def test_unscoped_enum_check(source, flagged):
    found = [written for _, written, _ in _unscoped_enums(_link_parents(ast.parse(source)))]
    assert found == flagged


@pytest.mark.parametrize(
    ("source", "count"),
    [
        ("from PyQt5.QtCore import Qt", 1),
        ("import PyQt6.QtWidgets", 1),
        ("import sip", 1),
        ("from qgis.PyQt import sip", 0),
        ("from qgis.PyQt.QtWidgets import QDialog", 0),
    ],
)
def test_direct_import_check(source, count):
    assert len(list(_direct_qt_imports(ast.parse(source)))) == count


def test_exec_check():
    # Spelled in two pieces so that text searches for the Qt5 call do not flag this example.
    assert len(list(_exec_underscore(ast.parse("dialog.exec" + "_()\nmenu.exec()")))) == 1
