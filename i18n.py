"""Translation of user-visible strings (source strings in English, French shipped)."""

import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .core import messages

CONTEXT = "Centralites"
_translator = None


def tr(text):
    return QCoreApplication.translate(CONTEXT, text)


# The core (no Qt there) translates its messages, errors and report labels through this same catalogue.
messages.set_translator(tr)


def translation_file(language):
    return os.path.join(os.path.dirname(__file__), "resources", "i18n", f"centralites_{language}.qm")


def install_translator(locale=None):
    """Load the .qm of ``locale`` (default: QGIS's locale), once; quietly keep English when there is none."""
    global _translator
    if _translator is not None:
        return
    locale = locale or QSettings().value("locale/userLocale", QLocale().name()) or "en"
    path = translation_file(str(locale)[:2])
    if os.path.exists(path):
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            _translator = translator
