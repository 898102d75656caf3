# Centralités — every command installs what it needs on first use (Debian 12, QGIS 3.22).
#   make demo              whole diagnosis on the sample territory -> demo_output/
#   make demo DATA=folder  the same on INSEE files you downloaded
#   make test              the test suite (pytest + pytest-qgis, offscreen; a throwaway PostgreSQL + PostGIS cluster for the PostGIS tests)
#   make test-core         the core's tests without QGIS, on the oldest and the newest numpy and pandas
#   make package           the zip for "Install from ZIP" in QGIS -> dist/
#   make test-matrix       the suite on QGIS 3.22 (here), 3.40 (Debian trixie), 3.44 (Debian sid)
#   make bench             join, score and Monte Carlo on all of France, against QGIS's own chain; the panel on France;
#                          BPE equipments as points;
#                          the 319 commune sheets of the sample territory in one PDF;
#                          the console and model pipelines (memory layers, BPE long file); 35,000 against 350,000 features;
#                          France through PostGIS against GeoPackage

SHELL := /bin/bash
PYTHON_SYSTEM := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := qgis python3-qgis qgis-providers python3-pandas python3-pyqtgraph xvfb poppler-utils qttools5-dev-tools postgresql-15-postgis-3 postgis qgis-server-wms
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
STAMP_APT := .cache/apt.stamp
STAMP_VENV := $(VENV)/.installed
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
DATA ?=
# Debian's Qt 5 lrelease (qttools5-dev-tools), found without qtchooser.
LRELEASE := $(firstword $(wildcard /usr/lib/qt5/bin/lrelease) lrelease)

.PHONY: deps demo test test-core test-matrix package sample translations clean

deps: $(STAMP_VENV) translations

$(STAMP_APT): Makefile
	@mkdir -p .cache
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "Debian packages already installed."; \
	else \
		echo "Installing QGIS and tools from Debian (apt)…"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@touch $@

$(STAMP_VENV): $(STAMP_APT) requirements-dev.txt
	@test -x $(PY) || $(PYTHON_SYSTEM) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

translations: $(STAMP_APT)
	@for ts in resources/i18n/*.ts; do \
		[ -e "$$ts" ] || continue; \
		qm="$${ts%.ts}.qm"; \
		if [ ! -e "$$qm" ] || [ "$$ts" -nt "$$qm" ]; then $(LRELEASE) -silent "$$ts" -qm "$$qm"; fi; \
	done

demo: deps
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) scripts/demo.py --output demo_output $(if $(DATA),--data "$(DATA)")

test: deps
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(VENV)/bin/pytest tests

# The core without QGIS, in plain virtual environments: the oldest libraries the plugin supports (those of
# QGIS 3.22 LTR's Windows installers: Python 3.9, numpy 1.20.2, pandas 1.x — 1.1.5 the oldest with Python 3.9
# wheels) and the newest on PyPI (what OSGeo4W ships today: numpy 2.4, pandas 3). See scripts/test_core.sh.
test-core:
	scripts/test_core.sh oldest newest

# Root filesystems of the other Debian suites, built once by debootstrap (see scripts/test_matrix.sh).
MATRIX_CACHE ?= /var/cache/centralites-matrix
MATRIX_LEGS ?= host trixie sid
MATRIX_PIP_EXTRA ?=

test-matrix: deps
	@[ -x /usr/sbin/debootstrap ] || command -v debootstrap >/dev/null || { echo "Installing debootstrap (apt)…"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq debootstrap; }
	$(SUDO) env MATRIX_CACHE="$(MATRIX_CACHE)" MATRIX_PIP_EXTRA="$(MATRIX_PIP_EXTRA)" scripts/test_matrix.sh $(MATRIX_LEGS)

package: translations
	$(PYTHON_SYSTEM) scripts/package.py --output dist

sample: deps
	$(PY) scripts/build_sample_territory.py
	$(PY) scripts/build_illustrative_tables.py

.PHONY: bench
bench: deps
	$(PY) scripts/bench_join.py
	$(PY) scripts/bench_score.py
	$(PY) scripts/bench_rescore.py
	$(PY) scripts/bench_panel.py
	$(PY) scripts/bench_sensitivity.py
	$(PY) scripts/bench_bpe_points.py
	$(PY) scripts/bench_sheets.py
	$(PY) scripts/bench_console.py
	$(PY) scripts/bench_scale.py
	$(PY) scripts/bench_postgis.py

clean:
	rm -rf demo_output dist .pytest_cache .hypothesis
