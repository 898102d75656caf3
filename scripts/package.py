"""Build the zip that QGIS's "Install from ZIP" accepts: dist/centralites-<version>.zip.

The archive holds one folder, `centralites/`, with the plugin's code and
resources only: no tests, scripts, CI or development files.
"""

import argparse
import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_NAME = "centralites"
INCLUDED = ("metadata.txt", "__init__.py", "plugin.py", "compat.py", "i18n.py", "LICENSE", "README.md",
            "CHANGELOG.md", "core", "processing", "ui", "resources")
SKIPPED_PARTS = {"__pycache__", ".pytest_cache", ".hypothesis"}
SKIPPED_SUFFIXES = (".pyc", ".pyo", ".ts")


def plugin_files():
    for entry in INCLUDED:
        path = os.path.join(ROOT, entry)
        if os.path.isfile(path):
            yield entry
            continue
        if not os.path.isdir(path):
            raise SystemExit(f"package: {entry} is missing from the plugin folder.")
        for folder, folders, files in os.walk(path):
            folders[:] = sorted(f for f in folders if f not in SKIPPED_PARTS)
            for name in sorted(files):
                if not name.endswith(SKIPPED_SUFFIXES):
                    yield os.path.relpath(os.path.join(folder, name), ROOT)


def version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    return parser.get("general", "version")


def build(output_folder):
    os.makedirs(output_folder, exist_ok=True)
    target = os.path.join(output_folder, f"{PLUGIN_NAME}-{version()}.zip")
    partial = target + ".partial"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in plugin_files():
            archive.write(os.path.join(ROOT, relative), f"{PLUGIN_NAME}/{relative}")
    os.replace(partial, target)
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default=os.path.join(ROOT, "dist"))
    path = build(parser.parse_args().output)
    with zipfile.ZipFile(path) as archive:
        count = len(archive.namelist())
    print(f"{path}: {count} files")
    sys.exit(0)
