"""Loading the chosen language's catalogues with Qt (the app and the CLI).

Japanese is the source language, so it needs no catalogue of ours, only Qt's own qtbase_ja
for the standard buttons and menus. English loads resources/translations/tsunagi_en.qm, which
pyside6-lrelease compiles from the .ts at build time (scripts/_env.sh, scripts/build-installer);
Qt's own words are English already.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import i18n
from desktop.resources import resource_path

log = logging.getLogger("tsunagi.i18n")


def catalogue_path(language: str) -> Path:
    return resource_path("translations", i18n.CATALOGUE.format(language=language) + ".qm")


def load_catalogue(language: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """The app's catalogue for ``language``, or None (Japanese, or the .qm is missing)."""
    if language == i18n.DEFAULT_LANGUAGE:
        return None
    path = catalogue_path(language)
    translator = QTranslator(parent)
    if not translator.load(str(path)):
        log.warning("translation catalogue not found: %s", path.name)
        return None
    return translator


def install_for_app(app: QCoreApplication, language: str) -> str:
    """Installs Qt's and the app's translators for ``language``; returns the language in use
    (Japanese when the English catalogue is missing, so nothing shows half translated)."""
    while _installed:  # a second call (a test, a restart of the window) replaces the first
        app.removeTranslator(_installed.pop())
    if language != "ja":
        ours = load_catalogue(language, app)
        if ours is not None:
            app.installTranslator(ours)
            _installed.append(ours)
            i18n.install(QCoreApplication.translate, language)
            return language
    qt_words = QTranslator(app)
    if qt_words.load(QLocale(QLocale.Language.Japanese), "qtbase", "_",
                     QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_words)
        _installed.append(qt_words)
    missing = QtWordsMissingInJapanese(app)
    app.installTranslator(missing)  # asked first (the last installed is asked first)
    _installed.append(missing)
    i18n.install(None)
    return "ja"


# Qt's own words that its Japanese catalogue (qtbase_ja, shipped with Qt) lacks: the file
# dialog's labels gained keyboard accelerators in Qt 6 and the catalogue kept the old texts,
# so Qt's own file dialog said "Look in:" and "Files of type:" among Japanese.
QT_JAPANESE_MISSING = {
    ("QFileDialog", "&Look in:"): "場所(&L):",
    ("QFileDialog", "Files of &type:"): "ファイルの種類(&T):",
}


class QtWordsMissingInJapanese(QTranslator):
    """The few Qt words above; every other text goes on to qtbase_ja."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None is Qt's null string, "not here": the next translator is asked.
        return QT_JAPANESE_MISSING.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_without_app(language: str) -> str:
    """The CLI: the same catalogue, looked up directly (no QCoreApplication needed)."""
    translator = load_catalogue(language)
    if translator is None:
        i18n.install(None)
        return "ja"
    _keep.append(translator)
    i18n.install(lambda context, text: translator.translate(context, text) or text, language)
    return language


_keep: list[QTranslator] = []  # a translator must outlive every lookup through it
_installed: list[QTranslator] = []
