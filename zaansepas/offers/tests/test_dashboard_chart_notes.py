"""The shared chart templates say when a chart leaves rows to its table, per chart."""

from django.template.loader import render_to_string

from zaansepas.offers.dashboard_charts import bar_chart


def test_only_the_cut_chart_says_the_table_has_more_rows():
    chart = bar_chart([("Zwemmen", 5), ("Bioscoop", 3)])
    cut = render_to_string(
        "includes/chart_bars.html",
        {"chart": chart, "name": "n", "id": "a", "legend": "L", "cut_note": "De tabel toont meer."},
    )
    whole = render_to_string(
        "includes/chart_bars.html",
        {"chart": chart, "name": "n", "id": "b", "legend": "L", "cut_note": ""},
    )
    assert "De tabel toont meer." in cut
    assert "De tabel toont meer." not in whole
    assert "Zwemmen" in whole and "L</p>" in whole
