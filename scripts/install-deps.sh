#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages plangraph needs that are missing; does nothing when all are there.
# Run by `make demo` and (with --test) `make test`, so that a fresh Debian machine needs nothing installed
# by hand but Swift.
set -euo pipefail

# What building and `make demo` need; `--test` adds what the tests need; other arguments are added.
packages=(
  libyaml-dev        # YAML event parser (CYAML)
  libgraphviz-dev    # Graphviz C libraries: libgvc, libcgraph (CGraphviz)
  libgit2-dev        # reads plans at any revision of a repository (CGit2)
  pkg-config         # finds both for SwiftPM
  fonts-noto-cjk     # Chinese glyphs in rendered charts
  libxlsxwriter-dev  # Excel workbooks: the ledger (CXLSXWriter)
)
test_packages=(
  python3-yaml       # the plan schema checked as an editor reads YAML
  python3-jsonschema # the plan schema checked against real plans
  time               # /usr/bin/time measures the memory of hostile inputs
  chromium           # the HTML report opened in a real browser
  python3-pip        # installs the PyPI packages below
  neovim             # a real editor attached to `plangraph lsp` in those tests
  python3-openpyxl   # the ledger workbook read back by an independent reader
  libreoffice-calc-nogui # the ledger workbook converted to PDF by LibreOffice
  poppler-utils      # pdftotext: the text of that PDF
)
# PyPI packages the tests need (`--test`), as module:package.
test_pip_packages=(
  chinese_calendar:chinesecalendar  # China's official calendar, compared day by day with the embedded data
  pytest_lsp:pytest-lsp             # drives `plangraph lsp` as an editor would, in the end-to-end tests
)
pip_packages=()
for argument in "$@"; do
  if [ "$argument" = "--test" ]; then
    packages+=("${test_packages[@]}")
    pip_packages+=("${test_pip_packages[@]}")
  else
    packages+=("$argument")
  fi
done

if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: no Swift toolchain on PATH; install Swift 6 from swift.org first" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Installs the PyPI packages whose module Python cannot import, for this user.
install_pip_packages() {
  for entry in "${pip_packages[@]+"${pip_packages[@]}"}"; do
    module="${entry%%:*}"
    package="${entry#*:}"
    if ! python3 -c "import $module" 2>/dev/null; then
      echo "install-deps: pip installing $package" >&2
      # Debian marks its Python as externally managed; a --user install of a test-only package is fine.
      python3 -m pip install --quiet --user "$package" 2>/dev/null ||
        python3 -m pip install --quiet --user --break-system-packages "$package"
    fi
  done
}

if [ ${#missing[@]} -eq 0 ]; then
  install_pip_packages
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_pip_packages
