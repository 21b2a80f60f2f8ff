#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages plangraph needs that are missing; does nothing when all are there.
# Run by `make demo` and (with --test) `make test`, so that a fresh Debian machine needs nothing installed
# by hand but Swift.
set -euo pipefail

# What building and `make demo` need; `--test` adds what the tests need; other arguments are added.
packages=(
  libyaml-dev        # YAML event parser (CYAML)
  libgraphviz-dev    # Graphviz C libraries: libgvc, libcgraph (CGraphviz)
  pkg-config         # finds both for SwiftPM
  fonts-noto-cjk     # Chinese glyphs in rendered charts
  libxlsxwriter-dev  # Excel workbooks: the ledger (CXLSXWriter)
)
test_packages=(
  python3-yaml       # the plan schema checked as an editor reads YAML
  python3-jsonschema # the plan schema checked against real plans
  time               # /usr/bin/time measures the memory of hostile inputs
  chromium           # the HTML report opened in a real browser
  python3-openpyxl   # the ledger workbook read back by an independent reader
  libreoffice-calc-nogui # the ledger workbook converted to PDF by LibreOffice
  poppler-utils      # pdftotext: the text of that PDF
)
for argument in "$@"; do
  if [ "$argument" = "--test" ]; then packages+=("${test_packages[@]}"); else packages+=("$argument"); fi
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
if [ ${#missing[@]} -eq 0 ]; then
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
