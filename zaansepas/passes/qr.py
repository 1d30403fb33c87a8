"""QR images of pass codes, as inline SVG (no network, no image files)."""

import io

import segno


def qr_svg(code: str) -> str:
    """A scalable QR: a viewBox in modules and no fixed size, so CSS decides how big it is
    (large on a phone for a quick scan, 30 mm on the printed card)."""
    # Error level M survives a scratched card or a cracked phone screen.
    qr = segno.make(code, error="m", micro=False)
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        scale=1,
        border=4,
        xmldecl=False,
        svgns=True,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="zp-qr",
    )
    svg = out.getvalue().decode()
    # omitsize gives a viewBox without width/height; the image itself is decorative here,
    # the surrounding element carries the accessible name.
    return svg.replace(
        "<svg ", '<svg shape-rendering="crispEdges" aria-hidden="true" focusable="false" ', 1
    )
