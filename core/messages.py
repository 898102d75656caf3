"""The core's user-facing messages, in the user's language when the plugin says how.

The core imports no Qt: the plugin's ``i18n.py`` installs QGIS's translation
with ``set_translator`` when it is imported (every processing algorithm and
the panel import it before they run core code). Without a translator (tests,
scripts, the core used on its own) messages stay in English, their source
language.

Write a message as ``tr("… {name} …").format(name=value)``: a plain string
literal (``"a" "b"`` pieces allowed) with named placeholders, so that
``scripts/update_translations.py`` extracts it; never an f-string inside tr().
Field names, codes and profile keys in a message stay as they are.
"""

_translator = None


def set_translator(function):
    """Install ``function(text) -> translated text`` (None: English); return the previous one."""
    global _translator
    previous, _translator = _translator, function
    return previous


def tr(text):
    """``text`` through the installed translator; the English source when none is installed."""
    translator = _translator
    return text if translator is None else translator(text)


def translated_data(text):
    """A text of the plugin's own data files in the user's language — the shipped profiles' indicator
    labels, which ``scripts/update_translations.py`` extracts into the catalogue from the JSON files
    (``tr()`` is kept for literals in the code, which the script reads there)."""
    translator = _translator
    return text if translator is None else translator(text)


def report_row(source, line, code, problem, action):
    """One row of a join or BPE report: where (source, line, code), what happened and what to do."""
    return {"source": source, "line": line, "code": code, "problem": problem, "action": action}


def translate_problems(report, labels):
    """The report's rows with their problem in the user's language: rows are built with the
    English constants the code compares, ``labels`` maps each to its translation."""
    for row in report:
        row["problem"] = labels.get(row["problem"], row["problem"])
    return report
