"""Vega-Lite charts rendered to SVG on the server."""

from zaansepas.insights.charts import render_svg, share_bars


def test_a_share_chart_renders_to_a_named_svg_with_dutch_percentages():
    spec = share_bars(
        [
            {"label": "Sport", "share": 0.425, "low": 0.39, "high": 0.46},
            {"label": "Cultuur", "share": 0.12, "low": 0.1, "high": 0.15},
            {"label": "Verborgen", "share": None, "low": None, "high": None},
        ],
        "aandeel van de inwoners",
    )
    svg = render_svg(spec, "Aandeel per thema")
    assert svg.startswith('<svg role="img" aria-label="Aandeel per thema"')
    assert "Sport" in svg and "Cultuur" in svg
    assert "Verborgen" not in svg  # a suppressed row is not drawn
    assert "40%" in svg  # an axis tick, formatted by the Dutch locale


def test_labels_from_the_public_cannot_inject_markup():
    spec = share_bars([{"label": "<script>alert(1)</script>", "share": 0.5}], "aandeel")
    svg = render_svg(spec, 'naam "met" <tekens>')
    assert "<script>" not in svg
    assert 'aria-label="naam &quot;met&quot; &lt;tekens&gt;"' in svg
