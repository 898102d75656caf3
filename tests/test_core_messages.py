"""The core's messages go through tr(): French in a French QGIS, English without a translator."""

import ast
import os
import re
import shutil
import string
import subprocess
from xml.sax.saxutils import escape

import pandas as pd
import pytest

from centralites.core import messages
from centralites.core.join import UNMATCHED, join_tables
from centralites.core.tables import TableError, read_table
from testdata import ROOT

EMPTY_EN = "{path}: the file is empty."
EMPTY_FR = "{path}\u00a0: le fichier est vide."
FRENCH = {
    EMPTY_EN: EMPTY_FR,
    "unmatched": "non apparié",
    "row not joined: no commune with this code in the layer": "ligne non jointe\u00a0: aucune commune de la "
                                                               "couche n’a ce code",
}


@pytest.fixture()
def french():
    """A dict-based French translator for the core, the previous one put back afterwards."""
    previous = messages.set_translator(lambda text: FRENCH.get(text, text))
    yield
    messages.set_translator(previous)


def _empty_file(folder):
    path = os.path.join(folder, "vide.csv")
    open(path, "w").close()
    return path


def test_core_error_in_french_with_a_translator(french, tmp_path):
    path = _empty_file(tmp_path)
    with pytest.raises(TableError) as raised:
        read_table(path)
    assert str(raised.value) == f"{path}\u00a0: le fichier est vide."


def test_core_error_in_english_without_translator(tmp_path):
    path = _empty_file(tmp_path)
    previous = messages.set_translator(lambda text: FRENCH.get(text, text))
    try:
        assert messages.set_translator(None) is not None
        with pytest.raises(TableError) as raised:
            read_table(path)
        assert str(raised.value) == f"{path}: the file is empty."
    finally:
        messages.set_translator(previous)


def test_join_report_labels_and_actions_translated(french):
    table = pd.DataFrame({"CODGEO": ["62001", "62999"], "P18_POP": ["10", "20"]})
    result = join_tables(["62001", "62002"], [("a.csv", table)])
    unmatched = [row for row in result.report if row["code"] == "62999"]
    assert [(row["problem"], row["action"]) for row in unmatched] == [
        ("non apparié", FRENCH["row not joined: no commune with this code in the layer"])]
    # Without the translator the English constants come back, as the code and the other tests compare them.
    messages.set_translator(None)
    result = join_tables(["62001", "62002"], [("a.csv", table)])
    assert [row["problem"] for row in result.report if row["code"] == "62999"] == [UNMATCHED]


def test_i18n_installs_qgis_translation_for_the_core():
    from centralites import i18n

    previous = messages.set_translator(None)
    messages.set_translator(previous)
    assert previous is i18n.tr


def test_core_message_in_french_from_a_compiled_catalogue(qgis_app, tmp_path):
    """The plugin's path end to end: a .qm loaded in Qt, i18n.tr installed, a core error in French."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from centralites import i18n

    # As the Makefile: Debian's Qt 5 lrelease, else the one on the PATH.
    lrelease = "/usr/lib/qt5/bin/lrelease" if os.path.exists("/usr/lib/qt5/bin/lrelease") else shutil.which("lrelease")
    if lrelease is None:
        pytest.skip("lrelease (qttools5-dev-tools) is not installed")
    ts = tmp_path / "core_fr.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr_FR">\n'
        f"<context><name>{i18n.CONTEXT}</name><message><source>{escape(EMPTY_EN)}</source>"
        f"<translation>{escape(EMPTY_FR)}</translation></message></context>\n</TS>\n", encoding="utf-8")
    qm = tmp_path / "core_fr.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    previous = messages.set_translator(i18n.tr)
    QCoreApplication.installTranslator(translator)
    try:
        path = _empty_file(tmp_path)
        with pytest.raises(TableError) as raised:
            read_table(path)
        assert str(raised.value) == f"{path}\u00a0: le fichier est vide."
    finally:
        QCoreApplication.removeTranslator(translator)
        messages.set_translator(previous)


# ------------------------------------------------------------------ the rule, kept by a test

CORE = os.path.join(ROOT, "core")
NOT_CHECKED = set()  # every core module follows the rule
# Two words in a row in the literal part of an f-string: a sentence for people, which belongs in tr().
_WORDS = re.compile(r"[A-Za-z]+ [A-Za-z]+")


def _core_trees():
    for name in sorted(os.listdir(CORE)):
        if name.endswith(".py") and name not in NOT_CHECKED:
            with open(os.path.join(CORE, name), encoding="utf-8") as handle:
                yield name, ast.parse(handle.read(), filename=name)


def _is_tr(node):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"


def _literal_text(node):
    """The literal text of a string constant or f-string, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    return None


def _untranslated_text(node):
    """Nodes of an exception's argument that hold words outside tr() (separators such as ", " are fine)."""
    if _is_tr(node):
        return []
    text = _literal_text(node)
    if text is not None:
        return [node] if _WORDS.search(text) else []
    found = []
    for child in ast.iter_child_nodes(node):
        found.extend(_untranslated_text(child))
    return found


def test_core_errors_are_translatable():
    problems = []
    for name, tree in _core_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                for argument in node.exc.args:
                    for text in _untranslated_text(argument):
                        problems.append(f"core/{name}:{text.lineno}: raise with text outside tr()")
    assert problems == []


def test_core_sentences_are_not_fstrings():
    problems = []
    for name, tree in _core_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                literal = _literal_text(node)
                if _WORDS.search(literal):
                    problems.append(f"core/{name}:{node.lineno}: English f-string {literal!r}: use tr().format()")
            elif _is_tr(node) and not (node.args and isinstance(node.args[0], ast.Constant)):
                problems.append(f"core/{name}:{node.lineno}: tr() needs a plain string literal")
    assert problems == []


def test_the_rule_catches_an_english_fstring():
    tree = ast.parse('raise TableError(f"{path}: file not found.")')
    assert _untranslated_text(tree.body[0].exc.args[0])
    tree = ast.parse('raise ProfileError("a profile is a JSON object.")')
    assert _untranslated_text(tree.body[0].exc.args[0])
    tree = ast.parse('raise TableError(tr("{path}: file not found.").format(path=path, cells=", ".join(x)))')
    assert not _untranslated_text(tree.body[0].exc.args[0])


def _fields(text):
    """Names of the str.format placeholders of ``text``."""
    return {field.split(".")[0].split("[")[0].split("!")[0]
            for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _tr_literals(node):
    return [call.args[0].value for call in ast.walk(node)
            if _is_tr(call) and call.args and isinstance(call.args[0], ast.Constant)]


def test_core_messages_get_all_their_placeholders():
    """A message whose .format() misses a placeholder raises KeyError instead of telling the user what to do."""
    problems = []
    for name, tree in _core_trees():
        functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.Module))]
        for function in functions:
            assigned = {}  # name -> tr() literals assigned to it in this function
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).extend(_tr_literals(node.value))
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "format"):
                    continue
                template = node.func.value
                if _is_tr(template):
                    texts = _tr_literals(template)
                elif isinstance(template, ast.Name) and assigned.get(template.id):
                    texts = assigned[template.id]
                else:
                    continue
                given = {keyword.arg for keyword in node.keywords}
                for text in texts:
                    if _fields(text) != given:
                        problems.append(f"core/{name}:{node.lineno}: {text!r} formatted with {sorted(given)}")
    assert problems == []
