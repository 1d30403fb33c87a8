#!/usr/bin/env bash
# Refresh the vendored front-end files from npm. Only needed when bumping a version:
# the results are committed, so running the product (or its tests) never needs Node.
#
#   bash scripts/vendor-static.sh
#
# What it fetches (pinned version + pinned sha512 of the npm tarball):
#   @utrecht/component-library-css  -> zaansepas/static/vendor/utrecht/  (NL Design System CSS)
#   axe-core                        -> browser_tests/vendor/axe.min.js   (accessibility checks)
#   barcode-detector (+ zxing-wasm) -> zaansepas/static/vendor/barcode-detector/ and zxing-wasm/
#                                      (QR scanning with the camera on the till page)
#   htmx.org                        -> zaansepas/static/vendor/htmx/          (partial page updates)
# and it rewrites zaansepas/static/vendor/README.md to match.
#
# To bump: change a version below, set its sha512 to "" and run once; the script prints the
# sha512 npm published (`npm view <pkg>@<version> dist.integrity`); check it and paste it in.
#
# Not vendored on purpose: @utrecht/design-tokens. Its LICENSE.md says the tokens are
# proprietary assets of Gemeente Utrecht (the open-source licence does not apply), and they
# are Utrecht's house style anyway. Our own tokens are in zaansepas/static/zaansepas/theme.css.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

UTRECHT_CSS_VERSION=9.0.4
UTRECHT_CSS_SHA512="sha512-gVA7D6GfP9/+fzehkYLSBR+0UPUTA97PZmgvTYQE88lPQhHGMlUk8FjmCpLKRsRC9hAYd32JuF/KzG6fmBfjJA=="
AXE_VERSION=4.14.1
AXE_SHA512="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
# The QR scanner for the till camera. barcode-detector is a ponyfill of the web-standard
# BarcodeDetector API (Shape Detection API) on top of zxing-wasm, a WebAssembly build of
# zxing-cpp: MIT, actively maintained, one small ES module (no build step, no dependencies
# at run time) and reads QR codes from a <video> directly. Our code is written against the
# standard API, so it outlives this library. Passed over: qr-scanner (MIT, last release
# 2022), jsqr (Apache-2.0, last release 2021), html5-qrcode (Apache-2.0, no release since
# 2023, ships its own UI), @zxing/browser (the zxing-js port, in maintenance mode).
BARCODE_DETECTOR_VERSION=3.2.2
BARCODE_DETECTOR_SHA512="sha512-/4QOrrNrCRmDSBWiiP4aC72dnkuXUEdcFRidHgbPRXUpy82XcCMvJssI6fEs6JT42LS7DvBVZO70qasJbYKyrA=="
# The .wasm must be the build the ponyfill's JS glue was made for: the exact zxing-wasm
# version barcode-detector depends on (checked below, and its sha256 against the glue's).
ZXING_WASM_VERSION=3.1.3
ZXING_WASM_SHA512="sha512-3lC9BJk4fR5ZJxcGjb0hVnDFOW7KpLXHIebiBmVd4FDRQZVeObztoTKxRUPxlWwSgxrMRONK0u50hBD1aTYEKg=="
# htmx: server-rendered pages that update a part of themselves (the survey builder) without
# a JS build. 0BSD, one file, no dependencies; the 2.x line (4.x is a rewrite, too new).
HTMX_VERSION=2.0.11
HTMX_SHA512="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="
# zxing-cpp (compiled into the .wasm) is Apache-2.0; the npm package carries only the MIT
# licence of the wrapper, so the Apache-2.0 text comes from Debian's base-files.
APACHE_LICENSE=/usr/share/common-licenses/Apache-2.0

command -v npm >/dev/null || { echo "npm is needed to refresh vendored files" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch <package> <version> <sha512>: download the tarball with `npm pack` (no install, no
# lifecycle scripts), check its hash, unpack into $work/<name>/package.
fetch() {
    local pkg=$1 version=$2 want=$3 name tarball got
    name=$(basename "$pkg")
    mkdir -p "$work/$name"
    tarball=$(cd "$work/$name" && npm pack --silent "$pkg@$version" | tail -n 1)
    got="sha512-$(openssl dgst -sha512 -binary "$work/$name/$tarball" | base64 -w0)"
    if [ "$got" != "$want" ]; then
        echo "$pkg@$version: sha512 mismatch" >&2
        echo "  expected: ${want:-<none pinned>}" >&2
        echo "  got:      $got" >&2
        echo "  npm says: $(npm view "$pkg@$version" dist.integrity)" >&2
        exit 1
    fi
    tar -xzf "$work/$name/$tarball" -C "$work/$name"
    echo "==> $pkg@$version ($got)"
}

fetch @utrecht/component-library-css "$UTRECHT_CSS_VERSION" "$UTRECHT_CSS_SHA512"
fetch axe-core "$AXE_VERSION" "$AXE_SHA512"
fetch barcode-detector "$BARCODE_DETECTOR_VERSION" "$BARCODE_DETECTOR_SHA512"
fetch zxing-wasm "$ZXING_WASM_VERSION" "$ZXING_WASM_SHA512"
fetch htmx.org "$HTMX_VERSION" "$HTMX_SHA512"

# --- NL Design System (Utrecht) component CSS ------------------------------------------------
utrecht="$root/zaansepas/static/vendor/utrecht"
rm -rf "$utrecht"
mkdir -p "$utrecht"
# index.css: every component, class-based (utrecht-button, utrecht-textbox, ...); ~400 kB,
# ~32 kB gzipped. No HTML-element styles (html.css) and no Prince XML build: not used.
cp "$work/component-library-css/package/dist/index.css" "$utrecht/component-library.css"
cp "$work/component-library-css/package/LICENSE.md" "$utrecht/LICENSE.md"

# --- axe-core for the browser tests ----------------------------------------------------------
mkdir -p "$root/browser_tests/vendor"
cp "$work/axe-core/package/axe.min.js" "$root/browser_tests/vendor/axe.min.js"
# MPL-2.0: the licence travels with the file.
cp "$work/axe-core/package/LICENSE" "$root/browser_tests/vendor/LICENSE"

# --- QR scanner for the till camera --------------------------------------------------------
bd="$work/barcode-detector/package"
grep -q "\"zxing-wasm\": \"$ZXING_WASM_VERSION\"" "$bd/package.json" || {
    echo "barcode-detector@$BARCODE_DETECTOR_VERSION does not depend on zxing-wasm@$ZXING_WASM_VERSION:" >&2
    grep '"zxing-wasm"' "$bd/package.json" >&2
    exit 1
}
wasm="$work/zxing-wasm/package/dist/reader/zxing_reader.wasm"
wasm_sha256=$(sha256sum "$wasm" | cut -d' ' -f1)
grep -q "$wasm_sha256" "$bd/dist/es/zxing-exported.js" || {
    echo "zxing_reader.wasm ($wasm_sha256) is not the build barcode-detector's glue expects" >&2
    exit 1
}
[ -f "$APACHE_LICENSE" ] || { echo "$APACHE_LICENSE is missing (Debian's base-files)" >&2; exit 1; }
scanner="$root/zaansepas/static/vendor/barcode-detector"
rm -rf "$scanner"
mkdir -p "$scanner"
# The ES-module ponyfill: ponyfill.js imports ./zxing-exported.js (the API plus zxing-wasm's
# JS glue, bundled). It would fetch the .wasm from a CDN by default; scan.js points it at ours.
cp "$bd/dist/es/ponyfill.js" "$bd/dist/es/zxing-exported.js" "$bd/LICENSE" "$scanner/"
zxing="$root/zaansepas/static/vendor/zxing-wasm"
rm -rf "$zxing"
mkdir -p "$zxing"
# The reader-only build (no barcode writer): ~1.1 MB (~450 kB if the web server gzips it),
# fetched only when staff press "Scan met camera", then cached.
cp "$wasm" "$zxing/zxing_reader.wasm"
cp "$work/zxing-wasm/package/LICENSE" "$zxing/LICENSE"
cp "$APACHE_LICENSE" "$zxing/LICENSE.zxing-cpp"
scanner_kb=$(( ($(stat -c %s "$scanner/ponyfill.js") + $(stat -c %s "$scanner/zxing-exported.js") + 1023) / 1024 ))
wasm_kb=$(( ($(stat -c %s "$zxing/zxing_reader.wasm") + 1023) / 1024 ))

# --- htmx ---------------------------------------------------------------------------------
htmx="$root/zaansepas/static/vendor/htmx"
rm -rf "$htmx"
mkdir -p "$htmx"
cp "$work/htmx.org/package/dist/htmx.min.js" "$htmx/htmx.min.js"
cp "$work/htmx.org/package/LICENSE" "$htmx/LICENSE"
htmx_kb=$(( ($(stat -c %s "$htmx/htmx.min.js") + 1023) / 1024 ))

# --- README ----------------------------------------------------------------------------------
cat >"$root/zaansepas/static/vendor/README.md" <<EOF
# Vendored front-end files

Written by \`scripts/vendor-static.sh\`; do not edit by hand. The files are committed, so
running the Zaanse Pas needs no Node and no network. To update, change a pinned version
in the script and run it again (it checks the sha512 of each npm tarball).

| file | from | version | licence | why |
|---|---|---|---|---|
| \`utrecht/component-library.css\` | npm \`@utrecht/component-library-css\` (\`dist/index.css\`) | $UTRECHT_CSS_VERSION | EUPL-1.2 (\`utrecht/LICENSE.md\`) | NL Design System components (page, header, buttons, form fields, alerts, tables) as plain CSS classes; the shared Dutch-government standard, tested for accessibility |
| \`barcode-detector/ponyfill.js\`, \`barcode-detector/zxing-exported.js\` ($scanner_kb kB) | npm \`barcode-detector\` (\`dist/es/\`) | $BARCODE_DETECTOR_VERSION | MIT (\`barcode-detector/LICENSE\`) | reads the QR code from the camera on the till page (\`till/scan.js\`): the web-standard BarcodeDetector API as an ES module, maintained, no build step |
| \`zxing-wasm/zxing_reader.wasm\` ($wasm_kb kB) | npm \`zxing-wasm\` (\`dist/reader/\`) | $ZXING_WASM_VERSION | MIT (\`zxing-wasm/LICENSE\`); the compiled zxing-cpp is Apache-2.0 (\`zxing-wasm/LICENSE.zxing-cpp\`) | the decoder behind barcode-detector; the exact build its glue expects (sha256 checked). Served from our static files, never a CDN |
| \`htmx/htmx.min.js\` ($htmx_kb kB) | npm \`htmx.org\` (\`dist/\`) | $HTMX_VERSION | 0BSD (\`htmx/LICENSE\`) | lets server-rendered pages (the survey builder) replace one part of themselves; every page still works without it |
| \`browser_tests/vendor/axe.min.js\` (outside static/, never served) | npm \`axe-core\` | $AXE_VERSION | MPL-2.0 (\`browser_tests/vendor/LICENSE\`) | automated WCAG 2.1 AA checks in the browser tests |

The component CSS only reads \`--utrecht-*\` design tokens (CSS custom properties). The
Zaanstad values for those tokens are ours, in \`zaansepas/static/zaansepas/theme.css\`
(class \`zaanstad-theme\` on \`<body>\`).

Not vendored on purpose: \`@utrecht/design-tokens\`. Its licence file says those tokens
are proprietary assets of Gemeente Utrecht, and they are Utrecht's house style, not ours.

Why barcode-detector for the camera: MIT, actively maintained, small JS, and our code is
written against the web-standard BarcodeDetector API, so the library can be dropped once
browsers ship that API everywhere. Passed over: qr-scanner (last release 2022), jsqr (2021),
html5-qrcode (no release since 2023, brings its own UI), @zxing/browser (maintenance mode).
The .wasm is loaded only from our static files: \`till/scan.js\` overrides the library's
default CDN address, and the browser test fails on any request that leaves the site.

Sources: <https://github.com/nl-design-system/utrecht>,
<https://github.com/dequelabs/axe-core>, <https://github.com/Sec-ant/barcode-detector>,
<https://github.com/Sec-ant/zxing-wasm>, <https://github.com/zxing-cpp/zxing-cpp>,
<https://github.com/bigskysoftware/htmx>.
EOF

echo "==> vendored into zaansepas/static/vendor/ and browser_tests/vendor/"
