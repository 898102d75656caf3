#!/usr/bin/env bash
# The core's tests (tests/core) without QGIS, in a plain virtual environment per leg:
#   oldest  Python 3.9, numpy 1.20.2, pandas 1.1.5 — QGIS 3.22 LTR's Windows installers
#   newest  this machine's Python 3, the newest numpy and pandas on PyPI — what OSGeo4W ships today
#           (numpy 2.4 and pandas 3.0 since February 2026)
# Usage: scripts/test_core.sh [oldest] [newest]; environments kept outside the checkout (other tools
# scanning it would read their site-packages as the plugin's), in $CENTRALITES_CORE_VENVS
# (default ~/.cache/centralites), so that fresh clones (CI) reuse them.
set -euo pipefail
cd "$(dirname "$0")/.."
legs=("$@")
[ ${#legs[@]} -gt 0 ] || legs=(oldest newest)
status=0
for leg in "${legs[@]}"; do
    case "$leg" in
        oldest)
            python="${CORE_PYTHON_OLDEST:-$(ls -d "$HOME"/.pyenv/versions/3.9*/bin/python3 /root/.pyenv/versions/3.9*/bin/python3 /usr/bin/python3.9 2>/dev/null | head -n 1 || true)}"
            packages=("numpy==${OLDEST_NUMPY:-1.20.2}" "pandas==${OLDEST_PANDAS:-1.1.5}")
            refresh_days=100000 ;;
        newest)
            python="${CORE_PYTHON_NEWEST:-/usr/bin/python3}"
            packages=("numpy" "pandas")
            refresh_days=7 ;;  # follow PyPI: rebuilt after a week
        *) echo "test_core.sh: unknown leg $leg (oldest, newest)" >&2; exit 2 ;;
    esac
    if [ -z "$python" ] || [ ! -x "$python" ]; then
        echo "test-core [$leg]: no suitable Python here (pyenv install 3.9, or CORE_PYTHON_OLDEST=…): NOT run."
        continue
    fi
    venv="${CENTRALITES_CORE_VENVS:-$HOME/.cache/centralites}/venv-core-$leg"
    mkdir -p "$(dirname "$venv")"
    stamp="$venv/.installed-$(echo "${packages[*]}" | tr ' =<>' '_+++')"
    if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mtime +"$refresh_days" 2>/dev/null)" ]; then
        rm -rf "$venv"
        "$python" -m venv "$venv"
        "$venv/bin/python" -m pip install -q --disable-pip-version-check "${packages[@]}" pytest hypothesis
        touch "$stamp"
    fi
    versions=$("$venv/bin/python" -c "import numpy, pandas, sys; print('Python', sys.version.split()[0], 'numpy', numpy.__version__, 'pandas', pandas.__version__)")
    echo "test-core [$leg]: $versions"
    if ! "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/core; then
        echo "test-core [$leg]: FAILED ($versions)"
        status=1
    fi
done
exit $status
