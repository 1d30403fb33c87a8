"""QR images of pass codes, as inline SVG (no network, no image files)."""

import io

import segno


def qr_svg(code: str, scale: int = 6) -> str:
    # Error level M survives a scratched card or a cracked phone screen.
    qr = segno.make(code, error="m", micro=False)
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        scale=scale,
        border=4,
        xmldecl=False,
        svgns=True,
        title="QR-code Zaanse Pas",
        dark="#000",
        light="#fff",
    )
    return out.getvalue().decode()
