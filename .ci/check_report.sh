#!/usr/bin/env bash
# Renders an HTML report of Crystallize in headless Chromium, as a reader's browser would, and
# checks what the reader sees:
#  - every verdict of every experiment (read from the version's own result.json) is a row of the
#    index and of its experiment's page, with its status;
#  - every chart is drawn: an SVG with non-empty paths, and the marks of its data;
#  - the page's script finished without error (it marks <html data-rendered="ok">, and lists
#    window errors in the page) and nothing was written to the browser console;
# then keeps screenshots at laptop (1280 px) and phone (375 px) widths under target/.
#
#   .ci/check_report.sh [report directory] [output directory]
#   defaults: samples/target/crystallize/report and samples/target/report-check
set -euo pipefail
cd "$(dirname "$0")/.."

report="${1:-samples/target/crystallize/report}"
out="${2:-samples/target/report-check}"
[ -f "$report/index.html" ] || { echo "no report at $report/index.html: run the samples first" >&2; exit 1; }
command -v chromium > /dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
report="$(cd "$report" && pwd)"

browse() { # browse <page> <width> <height> <chromium output option...>
    local page="$1" width="$2" height="$3"
    shift 3
    chromium --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars --enable-logging=stderr --v=0 \
        --window-size="$width,$height" --virtual-time-budget=5000 "$@" "file://$page"
}

pages=("$report/index.html" "$report"/experiments/*.html)
for page in "${pages[@]}"; do
    name="$(basename "$page" .html)"
    browse "$page" 1280 900 --dump-dom > "$out/$name.dom.html" 2> "$out/$name.browser.log"
    # the only console lines a page may cause are none at all: the report logs nothing
    if grep -h "CONSOLE" "$out/$name.browser.log"; then
        echo "report check FAILED: $page wrote to the browser console (above)" >&2
        exit 1
    fi
done
python3 .ci/check_report.py "$report" "$out"

# screenshots for people: the index, and the page of the experiment with the most verdicts
largest="$(grep -H -c 'class="verdict row-' "$report"/experiments/*.html | sort -t: -k2 -n | tail -1 | cut -d: -f1)"
for width in 1280 375; do
    for page in "$report/index.html" "$largest"; do
        shot="$out/$(basename "$page" .html)-$width.png"
        browse "$page" "$width" 2400 --screenshot="$shot" > /dev/null 2>&1
        [ -s "$shot" ] || { echo "report check FAILED: no screenshot $shot" >&2; exit 1; }
    done
done
echo "report check passed: ${#pages[@]} pages rendered; screenshots in $out"
