#!/usr/bin/python3
"""Extract the plugin's translatable strings into resources/i18n/centralites_fr.ts.

Qt's pylupdate5 cannot see ``tr("...")`` when ``tr`` is a module-level function
with a fixed context (``i18n.tr``), so this script does the extraction with the
``ast`` module instead. It finds, in every Python file of the plugin (not in
tests/, scripts/, build folders, virtual environments or hidden folders):

* ``tr("literal")`` and ``anything.tr("literal")`` (``self.tr`` in algorithms);
* ``QCoreApplication.translate("Centralites", "literal")``;
* the indicator labels of the shipped profiles (``resources/profiles/*.json``),
  which ``core.profile.load_profile`` translates (``core.messages.translated_data``);

where the literal may be written in several pieces (``"a" "b"`` or ``"a" + "b"``).
All of them go to the single context ``Centralites`` (see i18n.py).

Updating keeps what translators did: a source still in the code keeps its
translation and its state; a new source is added ``type="unfinished"`` with an
empty translation (prefilled, still unfinished and with ``<oldsource>``, when it
looks like an edit of a source that just left the code); a source gone from the
code is kept ``type="vanished"`` (``obsolete`` if it was unfinished) so that its
translation comes back if the string does, or dropped with ``--no-obsolete``.
The output depends only on the code and the previous file: same input, same
bytes; the file is not rewritten when nothing changed.

Usage (stdlib only, from anywhere):
    /usr/bin/python3 scripts/update_translations.py            # update the .ts
    /usr/bin/python3 scripts/update_translations.py --check    # CI: exit 1 when a string
        is untranslated or unfinished, a translation's placeholders differ from its
        source, or tr() is given an f-string; nothing is written.
Then translate in Qt Linguist (``linguist resources/i18n/centralites_fr.ts``, mark each
string done) or by editing the XML (fill <translation>, remove ``type="unfinished"``),
and ``make translations`` builds the .qm. Keep every placeholder ({name}, %1) as is;
the French uses a no-break space (U+00A0) before : ; ? ! and inside « », QGIS's own
French terms (couche, champ, entité, mise en page…) and keeps the four functions'
names (Habiter, Travailler, Consommer, Services).

Exit status: 0 fine, 1 --check found problems, 2 the code or the .ts could not be read.
"""

import argparse
import ast
import difflib
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXT = "Centralites"
LANGUAGE = "fr_FR"
SOURCE_LANGUAGE = "en"
TS_PATH = os.path.join(PLUGIN_ROOT, "resources", "i18n", "centralites_fr.ts")

# Folders never scanned: at the top of the plugin only, and anywhere.
SKIP_TOP_DIRS = {"tests", "scripts", "demo_output"}
SKIP_ANY_DIRS = {"__pycache__", "node_modules", "build", "dist"}

# A cheap filter before parsing a file: no "tr(" nor "translate(" means nothing to extract.
_MAY_TRANSLATE = re.compile(rb"\b(tr|translate)\s*\(")
# Placeholders that must survive translation: str.format fields and Qt's %1, %2, …
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+")
# Characters XML 1.0 cannot hold (or would normalise away): written as <byte value="x…"/>.
_BYTE_CHARS = re.compile("[\x00-\x08\x0b-\x1f]")
# Prefill a new source from a vanished one when they are at least this similar.
SIMILARITY = 0.8

FINISHED, UNFINISHED, VANISHED, OBSOLETE = "", "unfinished", "vanished", "obsolete"


class Message:
    __slots__ = ("source", "translation", "state", "locations", "oldsource", "comment",
                 "extracomment", "translatorcomment", "numerus", "numerusforms")

    def __init__(self, source, translation="", state=UNFINISHED, locations=()):
        self.source = source
        self.translation = translation
        self.state = state
        self.locations = list(locations)
        self.oldsource = None
        self.comment = None
        self.extracomment = None
        self.translatorcomment = None
        self.numerus = False
        self.numerusforms = []

    @property
    def has_translation(self):
        return bool(self.numerusforms and any(self.numerusforms)) if self.numerus else bool(self.translation)


# ---------------------------------------------------------------- extraction


def python_files(root):
    """Plugin .py files, relative paths with '/', sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        top = os.path.normpath(folder) == os.path.normpath(root)
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".")
            and d not in SKIP_ANY_DIRS
            and not d.endswith(".egg-info")
            and not (top and d in SKIP_TOP_DIRS)
            and not os.path.exists(os.path.join(folder, d, "pyvenv.cfg"))  # a venv whatever its name
        )
        for name in files:
            if name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(found)


def _literal(node):
    """The string a constant expression evaluates to, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _call_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def extract(root):
    """({source: [(file, line), …]}, [problems]) for the plugin's code.

    Problems are (file, line, text) for calls that cannot be translated as written
    (an f-string given to tr()). Raises SyntaxError for a file that does not parse.
    """
    sources, problems = {}, []
    for relative in python_files(root):
        with open(os.path.join(root, relative), "rb") as handle:
            data = handle.read()
        if not _MAY_TRANSLATE.search(data):
            continue
        tree = ast.parse(data, filename=relative)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node.func)
            if name == "tr" and node.args:
                argument = node.args[0]
            elif (name == "translate" and len(node.args) >= 2
                    and _literal(node.args[0]) == CONTEXT):
                argument = node.args[1]
            else:
                continue
            text = _literal(argument)
            if text is not None:
                if text:
                    sources.setdefault(text, []).append((relative, node.lineno))
            elif isinstance(argument, ast.JoinedStr):
                problems.append((relative, node.lineno,
                                 "f-string given to tr(): never translated; use tr(\"… {name} …\").format(name=…)"))
    for relative, line, label in profile_labels(root):
        sources.setdefault(label, []).append((relative, line))
    for locations in sources.values():
        locations.sort()
    return sources, problems


def profile_labels(root):
    """(file, line, label) of the indicator labels of the shipped profiles (resources/profiles/*.json):
    core.profile.load_profile translates them (core.messages.translated_data)."""
    import json

    folder = os.path.join(root, "resources", "profiles")
    found = []
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".json"):
            continue
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        profile = json.loads(text)
        lines = text.splitlines()
        for spec in (profile.get("functions") or {}).values():
            for indicator in spec.get("indicators") or []:
                label = indicator.get("label")
                if not label:
                    continue
                quoted = json.dumps(label, ensure_ascii=False)
                line = next((number for number, content in enumerate(lines, start=1) if quoted in content), 1)
                found.append((os.path.relpath(path, root), line, label))
    return found


# ---------------------------------------------------------------- reading a .ts


def _text(element):
    """Text of a <source>/<translation>/… element, <byte value="xN"/> decoded."""
    if element is None:
        return None
    parts = [element.text or ""]
    for child in element:
        if child.tag == "byte":
            value = child.get("value", "")
            try:
                parts.append(chr(int(value[1:], 16) if value[:1] in ("x", "X") else int(value)))
            except ValueError:
                pass
        parts.append(child.tail or "")
    return "".join(parts)


def read_ts(path):
    """{context name: {source: Message}} from an existing .ts (empty when there is none)."""
    contexts = {}
    if not os.path.exists(path):
        return contexts
    root = ET.parse(path).getroot()
    if root.tag != "TS":
        raise ValueError(f"{path}: not a Qt Linguist file (root element <{root.tag}>)")
    for context in root.iter("context"):
        name = (context.findtext("name") or "").strip()
        messages = contexts.setdefault(name, {})
        for element in context.iter("message"):
            source = _text(element.find("source"))
            if source is None:
                continue
            translation = element.find("translation")
            message = Message(source, state=FINISHED)
            if translation is not None:
                message.state = translation.get("type", FINISHED)
                if element.get("numerus") == "yes":
                    message.numerus = True
                    message.numerusforms = [_text(form) for form in translation.iter("numerusform")]
                else:
                    message.translation = _text(translation)
            else:
                message.state = UNFINISHED
            for location in element.iter("location"):
                filename, line = location.get("filename"), location.get("line", "0")
                if filename is not None:
                    message.locations.append((filename, int(line) if line.lstrip("-").isdigit() else 0))
            for field in ("oldsource", "comment", "extracomment", "translatorcomment"):
                setattr(message, field, _text(element.find(field)))
            # Disambiguated duplicates (same source, another comment) are not used by this plugin:
            # the first one wins, like QCoreApplication.translate without disambiguation.
            messages.setdefault(source, message)
    return contexts


# ---------------------------------------------------------------- merging


def merge(previous, found, ts_dir, root, keep_obsolete=True):
    """The updated messages of CONTEXT: previous translations kept, code's sources and locations."""
    messages = {}
    for source, locations in found.items():
        old = previous.get(source)
        message = old if old is not None else Message(source)
        message.locations = [(_relative_location(root, ts_dir, file), line) for file, line in locations]
        if old is None:
            message.state = UNFINISHED
        elif old.state == VANISHED:
            message.state = FINISHED if old.has_translation else UNFINISHED
        elif old.state == OBSOLETE or not old.has_translation:
            message.state = UNFINISHED
        if message.state == FINISHED:
            message.oldsource = None  # the translator has reviewed the edit
        messages[source] = message

    gone = {s: m for s, m in previous.items() if s not in found and m.has_translation}
    _carry_over_edits(messages, gone, previous)
    for source, message in gone.items():
        if keep_obsolete:
            message.locations = []
            message.oldsource = None
            message.state = OBSOLETE if message.state in (UNFINISHED, OBSOLETE) else VANISHED
            messages[source] = message
    return messages


def _carry_over_edits(messages, gone, previous):
    """A new source that looks like an edited vanished one starts from its translation."""
    if not gone:
        return
    for source in sorted(s for s in messages if s not in previous):
        message = messages[source]
        best, best_ratio = None, SIMILARITY
        for old_source in sorted(gone):
            matcher = difflib.SequenceMatcher(None, old_source, source, autojunk=False)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= best_ratio and (best is None or ratio > best_ratio):
                best, best_ratio = old_source, ratio
        if best is not None:
            old = gone.pop(best)
            message.translation, message.numerus, message.numerusforms = old.translation, old.numerus, old.numerusforms
            message.translatorcomment = old.translatorcomment
            message.oldsource = best
            message.state = UNFINISHED


def _relative_location(root, ts_dir, relative):
    return os.path.relpath(os.path.join(root, relative), ts_dir).replace(os.sep, "/")


# ---------------------------------------------------------------- writing a .ts


def _escape(text, attribute=False):
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))
    if attribute:
        return text.replace("\n", "&#xa;").replace("\t", "&#x9;")
    return _BYTE_CHARS.sub(lambda m: f'<byte value="x{ord(m.group()):x}"/>', text)


def _message_xml(message, indent="    "):
    i2, i3 = indent * 2, indent * 3
    head = f"{indent}<message numerus=\"yes\">" if message.numerus else f"{indent}<message>"
    lines = [head]
    for filename, line in sorted(message.locations):
        lines.append(f'{i2}<location filename="{_escape(filename, True)}" line="{line}"/>')
    lines.append(f"{i2}<source>{_escape(message.source)}</source>")
    for field in ("oldsource", "comment", "extracomment", "translatorcomment"):
        value = getattr(message, field)
        if value:
            lines.append(f"{i2}<{field}>{_escape(value)}</{field}>")
    state = f' type="{message.state}"' if message.state else ""
    if message.numerus:
        lines.append(f"{i2}<translation{state}>")
        for form in message.numerusforms or [""]:
            lines.append(f"{i3}<numerusform>{_escape(form or '')}</numerusform>")
        lines.append(f"{i2}</translation>")
    else:
        lines.append(f"{i2}<translation{state}>{_escape(message.translation or '')}</translation>")
    lines.append(f"{indent}</message>")
    return lines


def language_of(path):
    """The language attribute of an existing .ts, else fr_FR for *_fr.ts, else the name's suffix."""
    if os.path.exists(path):
        language = ET.parse(path).getroot().get("language")
        if language:
            return language
    suffix = os.path.splitext(os.path.basename(path))[0].rsplit("_", 1)[-1]
    return LANGUAGE if suffix in ("fr", "fr_FR") else suffix


def render_ts(contexts, language=LANGUAGE):
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="{SOURCE_LANGUAGE}">',
    ]
    # CONTEXT first, any other context (added by hand or by lupdate for .ui files) kept after it.
    for name in sorted(contexts, key=lambda n: (n != CONTEXT, n)):
        messages = contexts[name]
        if not messages:
            continue
        lines.append("<context>")
        lines.append(f"    <name>{_escape(name)}</name>")
        for source in sorted(messages):
            lines.extend(_message_xml(messages[source]))
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def write_if_changed(path, text):
    data = text.encode("utf-8")
    if os.path.exists(path):
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".centralites_ts.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise
    return True


# ---------------------------------------------------------------- checking


def placeholders(text):
    return sorted(_PLACEHOLDER.findall(text or ""))


def check(messages, found, problems):
    """Lines describing what keeps the translation from being complete."""
    report = []
    for source in sorted(found):
        message = messages[source]
        file, line = found[source][0]
        where = f"{file}:{line}"
        shown = source if len(source) <= 100 else source[:97] + "…"
        shown = shown.replace("\n", "\\n")
        if not message.has_translation:
            report.append(f"{where}: untranslated: {shown}")
            continue
        if message.state != FINISHED:
            report.append(f"{where}: unfinished (translation to review): {shown}")
        forms = message.numerusforms if message.numerus else [message.translation]
        for form in forms:
            if placeholders(form) != placeholders(source):
                report.append(f"{where}: placeholders differ — source {placeholders(source)}, "
                              f"translation {placeholders(form)}: {shown}")
    for file, line, text in problems:
        report.append(f"{file}:{line}: {text}")
    return report


# ---------------------------------------------------------------- main


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and list what is untranslated, unfinished or inconsistent")
    parser.add_argument("--no-obsolete", action="store_true",
                        help="drop the translations of strings no longer in the code instead of marking them vanished")
    parser.add_argument("--ts", default=TS_PATH, help="the .ts file (default: %(default)s)")
    args = parser.parse_args(argv)

    ts_path = os.path.abspath(args.ts)
    ts_dir = os.path.dirname(ts_path)
    try:
        found, problems = extract(PLUGIN_ROOT)
    except SyntaxError as error:
        print(f"update_translations: {error.filename}:{error.lineno}: {error.msg} — nothing written.", file=sys.stderr)
        return 2
    try:
        contexts = read_ts(ts_path)
        language = language_of(ts_path)
    except (ET.ParseError, ValueError) as error:
        print(f"update_translations: {ts_path} cannot be read ({error}) — nothing written.", file=sys.stderr)
        return 2

    contexts[CONTEXT] = merge(contexts.get(CONTEXT, {}), found, ts_dir, PLUGIN_ROOT, not args.no_obsolete)
    messages = contexts[CONTEXT]
    shown_path = os.path.relpath(ts_path, os.getcwd()) if ts_path.startswith(os.getcwd() + os.sep) else ts_path
    if args.check:
        report = check(messages, found, problems)
        if report:
            print(f"{shown_path}: {len(report)} problem(s) for {len(found)} string(s) in the code:")
            for line in report:
                print(f"  {line}")
            print("Run scripts/update_translations.py, then translate the strings listed above.")
            return 1
        print(f"{shown_path}: all {len(found)} string(s) translated.")
        return 0

    for file, line, text in problems:
        print(f"warning: {file}:{line}: {text}", file=sys.stderr)
    changed = write_if_changed(ts_path, render_ts(contexts, language))
    current = [messages[s] for s in found]
    finished = sum(1 for m in current if m.state == FINISHED and m.has_translation)
    old = sum(1 for m in messages.values() if m.state in (VANISHED, OBSOLETE))
    print(f"{shown_path}: {'updated' if changed else 'unchanged'} — {len(found)} string(s) in the code, "
          f"{finished} translated, {len(found) - finished} to translate"
          + (f", {old} no longer in the code (kept as vanished)" if old else "") + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main())
