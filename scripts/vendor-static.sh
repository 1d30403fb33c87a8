#!/usr/bin/env bash
# Refresh the vendored front-end files from npm. Only needed when bumping a version:
# the results are committed, so running the product (or its tests) never needs Node.
#
#   bash scripts/vendor-static.sh
#
# What it fetches (pinned version + pinned sha512 of the npm tarball):
#   @utrecht/component-library-css  -> zaansepas/static/vendor/utrecht/  (NL Design System CSS)
#   axe-core                        -> browser_tests/vendor/axe.min.js   (accessibility checks)
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

# --- README ----------------------------------------------------------------------------------
cat >"$root/zaansepas/static/vendor/README.md" <<EOF
# Vendored front-end files

Written by \`scripts/vendor-static.sh\`; do not edit by hand. The files are committed, so
running the Zaanse Pas needs no Node and no network. To update, change a pinned version
in the script and run it again (it checks the sha512 of each npm tarball).

| file | from | version | licence | why |
|---|---|---|---|---|
| \`utrecht/component-library.css\` | npm \`@utrecht/component-library-css\` (\`dist/index.css\`) | $UTRECHT_CSS_VERSION | EUPL-1.2 (\`utrecht/LICENSE.md\`) | NL Design System components (page, header, buttons, form fields, alerts, tables) as plain CSS classes; the shared Dutch-government standard, tested for accessibility |
| \`browser_tests/vendor/axe.min.js\` (outside static/, never served) | npm \`axe-core\` | $AXE_VERSION | MPL-2.0 (\`browser_tests/vendor/LICENSE\`) | automated WCAG 2.1 AA checks in the browser tests |

The component CSS only reads \`--utrecht-*\` design tokens (CSS custom properties). The
Zaanstad values for those tokens are ours, in \`zaansepas/static/zaansepas/theme.css\`
(class \`zaanstad-theme\` on \`<body>\`).

Not vendored on purpose: \`@utrecht/design-tokens\`. Its licence file says those tokens
are proprietary assets of Gemeente Utrecht, and they are Utrecht's house style, not ours.

Sources: <https://github.com/nl-design-system/utrecht>,
<https://github.com/dequelabs/axe-core>.
EOF

echo "==> vendored into zaansepas/static/vendor/ and browser_tests/vendor/"
