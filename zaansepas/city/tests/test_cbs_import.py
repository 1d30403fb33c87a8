import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum

from zaansepas.city import cbs_import
from zaansepas.city.cbs_import import CbsImportError, cross_age_and_sex, import_kerncijfers
from zaansepas.city.demo_data import load_zaanstad_reference_data
from zaansepas.city.models import AgeBand, Area, AreaKind, PopulationCount

SAMPLE = Path(__file__).parent / "data" / "kerncijfers_zaanstad_2024.csv"
BANDS = ["0-14", "15-24", "25-44", "45-64", "65+"]
HEADER = (
    "WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;Mannen_6;"
    "Vrouwen_7;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;"
    "k_65JaarOfOuder_12"
)
# From the sample file: code → (inhabitants, men, women, bands)
SAMPLE_FIGURES = {
    "GM0479": (157215, 77770, 79445, (26650, 17830, 39985, 42510, 30240)),
    "WK047901": (13600, 6728, 6872, (2182, 1507, 3627, 3614, 2670)),
    "BU04790101": (6110, 3015, 3095, (1010, 690, 1640, 1610, 1160)),
    "BU04790102": (7475, 3713, 3762, (1172, 817, 1987, 2004, 1495)),
    "WK047906": (9640, 4790, 4850, (2030, 1270, 2790, 2310, 1240)),
    "BU04790601": (5020, 2500, 2520, (1070, 660, 1450, 1200, 640)),
    "BU04790602": (4620, 2290, 2330, (960, 610, 1340, 1110, 600)),
}


def run(path, *args):
    out = io.StringIO()
    call_command("import_cbs_kerncijfers", str(path), *args, stdout=out)
    return out.getvalue()


def write(tmp_path, text, name="kerncijfers.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def everything():
    return (
        sorted(map(repr, Area.objects.values())),
        sorted(map(repr, PopulationCount.objects.values())),
    )


def cells(code, year=2024):
    rows = PopulationCount.objects.filter(area__code=code, year=year)
    return {(r.age_band, r.sex): r.count for r in rows}


# --- happy path -------------------------------------------------------------------------


def test_it_imports_zaanstad_from_a_cbs_export(db):
    output = run(SAMPLE, "--year", "2024")
    assert "Ingelezen: Zaanstad, peiljaar 2024" in output
    assert "2 wijken, 5 buurten" in output
    assert "Bevolkingscellen (leeftijd × geslacht): 70" in output
    assert set(Area.objects.values_list("code", flat=True)) == {
        "GM0479",
        "WK047901",
        "WK047906",
        "BU04790101",
        "BU04790102",
        "BU04790103",
        "BU04790601",
        "BU04790602",
    }
    assert Area.objects.get(code="GM0479").name == "Zaanstad"
    # Other municipalities and the country are skipped, not imported.
    assert not Area.objects.filter(code__in=["GM0431", "WK043100", "GM1900", "NL00"]).exists()


def test_it_links_buurten_to_wijken_and_wijken_to_the_municipality_by_code(db):
    run(SAMPLE, "--year", "2024")
    kinds_and_parents = {
        a.code: (a.kind, a.parent.code if a.parent else None) for a in Area.objects.all()
    }
    assert kinds_and_parents == {
        "GM0479": (AreaKind.MUNICIPALITY, None),
        "WK047901": (AreaKind.DISTRICT, "GM0479"),
        "WK047906": (AreaKind.DISTRICT, "GM0479"),
        "BU04790101": (AreaKind.NEIGHBOURHOOD, "WK047901"),
        "BU04790102": (AreaKind.NEIGHBOURHOOD, "WK047901"),
        "BU04790103": (AreaKind.NEIGHBOURHOOD, "WK047901"),
        "BU04790601": (AreaKind.NEIGHBOURHOOD, "WK047906"),
        "BU04790602": (AreaKind.NEIGHBOURHOOD, "WK047906"),
    }


def test_imported_areas_are_not_estimates_but_say_the_crossing_is(db):
    run(SAMPLE, "--year", "2024")
    assert not Area.objects.filter(is_approximate=True).exists()
    assert not PopulationCount.objects.filter(is_approximate=True).exists()
    source = Area.objects.get(code="WK047901").source
    assert "CBS Kerncijfers wijken en buurten 2024" in source
    assert "geschat" in source


def test_each_age_band_is_split_over_men_and_women_and_sums_exactly(db):
    run(SAMPLE, "--year", "2024")
    for code, (inhabitants, men, women, bands) in SAMPLE_FIGURES.items():
        got = cells(code)
        assert len(got) == 10
        for band, count in zip(BANDS, bands, strict=True):
            assert got[(band, "m")] + got[(band, "v")] == count, (code, band)
            # Split by the area's share of men, to within rounding.
            assert abs(got[(band, "m")] - count * men / (men + women)) < 1
        assert sum(got.values()) == sum(bands) == inhabitants
        male_total = sum(n for (_, sex), n in got.items() if sex == "m")
        assert abs(male_total - men) <= 5  # rounding per band, at most ½ each


def test_the_crossing_rounds_by_largest_remainder():
    # 101 people, 1/3 men: exact 33.67 men / 67.33 women → 34 / 67.
    assert cross_age_and_sex({AgeBand.AGE_0_14: 101}, men=1, women=2) == {
        (AgeBand.AGE_0_14, "m"): 34,
        (AgeBand.AGE_0_14, "v"): 67,
    }
    # A tie (2.5 / 2.5) must still give 5 people, not 2 + 2 or 3 + 3.
    five = cross_age_and_sex({AgeBand.AGE_65_PLUS: 5}, men=10, women=10)
    assert sum(five.values()) == 5


def test_a_buurt_with_secret_figures_gets_no_population(db):
    output = run(SAMPLE, "--year", "2024")
    assert Area.objects.filter(code="BU04790103").exists()
    assert cells("BU04790103") == {}
    assert "BU04790103" in output


def test_importing_the_same_file_twice_changes_nothing(db):
    run(SAMPLE, "--year", "2024")
    before = everything()
    output = run(SAMPLE, "--year", "2024")
    assert everything() == before
    assert "0 nieuw, 8 bijgewerkt" in output


def test_it_takes_the_year_from_the_file_name(db):
    run(SAMPLE)  # kerncijfers_zaanstad_2024.csv
    assert set(PopulationCount.objects.values_list("year", flat=True)) == {2024}


def test_it_asks_for_the_year_when_the_file_name_has_none(db, tmp_path):
    path = write(tmp_path, SAMPLE.read_text(encoding="utf-8-sig"), name="kerncijfers.csv")
    with pytest.raises(CommandError, match="--year"):
        run(path)
    assert not Area.objects.exists()


def test_it_replaces_demo_estimates_for_the_areas_in_the_file(db):
    load_zaanstad_reference_data()
    demo_count = Area.objects.count()
    output = run(SAMPLE, "--year", "2024")
    wijk = Area.objects.get(code="WK047901")
    assert not wijk.is_approximate
    # The demo name belongs to our made-up code, not to CBS's: it is not kept.
    assert wijk.name == "Wijk WK047901"
    assert cells("WK047901")[("0-14", "m")] + cells("WK047901")[("0-14", "v")] == 2182
    assert PopulationCount.objects.filter(area=wijk, is_approximate=True).count() == 0
    # Estimates not in the file stay, flagged, and the report says which.
    assert Area.objects.count() == demo_count
    assert Area.objects.get(code="WK047914").is_approximate
    assert "Nog benaderde gebieden" in output and "WK047914" in output


def test_it_keeps_a_name_staff_gave_when_the_file_has_none(db):
    run(SAMPLE, "--year", "2024")
    Area.objects.filter(code="WK047906").update(name="Poelenburg")
    run(SAMPLE, "--year", "2024")
    assert Area.objects.get(code="WK047906").name == "Poelenburg"


# --- encodings and names ----------------------------------------------------------------


SUDWEST = "\r\n".join(
    [
        HEADER,
        '"Súdwest-Fryslân";"Súdwest-Fryslân";"Gemeente";"GM1900";91 000;45 700;45 300;'
        "15 000;10 500;20 000;24 500;21 000",
        '"Wijk 01 Snits";"Súdwest-Fryslân";"Wijk";"WK190001";1 000;490;510;150;120;250;260;220',
        '"Snits-Sint Maartenskerkhof";"Súdwest-Fryslân";"Buurt";"BU19000101";'
        "400;200;200;60;50;100;100;90",
        "",
    ]
)


def test_it_reads_a_latin1_file(db, tmp_path):
    path = write(tmp_path, SUDWEST, encoding="latin-1")
    run(path, "--year", "2023", "--municipality", "GM1900")
    assert Area.objects.get(code="GM1900").name == "Súdwest-Fryslân"
    assert Area.objects.get(code="BU19000101").name == "Snits-Sint Maartenskerkhof"
    assert sum(cells("GM1900", 2023).values()) == 91_000


def test_it_reads_a_utf8_file_with_a_byte_order_mark(db, tmp_path):
    # The BOM sits on the first column name, which here is a required one.
    path = write(tmp_path, SUDWEST, encoding="utf-8-sig")
    run(path, "--year", "2023", "--municipality", "GM1900")
    assert Area.objects.get(code="GM1900").name == "Súdwest-Fryslân"


def test_it_reads_a_comma_separated_file(db, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8-sig").replace(";", ",").replace("7 475", "7475")
    run(write(tmp_path, text, name="kwb-2024.csv"))
    assert Area.objects.filter(kind=AreaKind.NEIGHBOURHOOD).count() == 5


def test_the_plain_function_takes_a_binary_file_and_reports_counts(db):
    with SAMPLE.open("rb") as fileobj:
        report = import_kerncijfers(fileobj, 2024, "GM0479")
    assert (report.created, report.districts, report.neighbourhoods) == (8, 2, 5)
    assert report.population_cells == 70
    assert report.rows_ignored == 4  # Nederland, Oostzaan ×2, Súdwest-Fryslân
    assert report.without_population == ["BU04790103"]
    assert len(report.without_name) == 7  # the typed export carries codes, not names


# --- refusals: clear Dutch message, nothing written -------------------------------------


def test_a_missing_column_is_refused_and_nothing_is_written(db, tmp_path):
    load_zaanstad_reference_data()
    before = everything()
    text = SAMPLE.read_text(encoding="utf-8-sig").replace("Mannen_6", "Man_6")
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, text), "--year", "2024")
    message = str(error.value)
    assert "geen CSV-bestand met CBS Kerncijfers wijken en buurten" in message
    assert "de kolom Mannen ontbreekt" in message
    assert "Er is niets ingelezen" in message
    assert everything() == before


def test_a_file_of_another_municipality_is_refused(db, tmp_path):
    with pytest.raises(CommandError) as error:
        run(SAMPLE, "--year", "2024", "--municipality", "GM0363")
    message = str(error.value)
    assert "geen gegevens van gemeente GM0363" in message
    assert "Zaanstad" in message  # says what the file is about
    assert not Area.objects.exists()


def test_a_bad_municipality_code_is_refused(db):
    with pytest.raises(CommandError, match="geen gemeentecode"):
        run(SAMPLE, "--year", "2024", "--municipality", "0479")


def test_an_excel_file_is_refused(db, tmp_path):
    path = tmp_path / "kwb-2024.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100)
    with pytest.raises(CommandError, match="geen CSV"):
        run(path)


def test_a_binary_file_is_refused(db, tmp_path):
    path = tmp_path / "kwb-2024.csv"
    path.write_bytes(b"\x00\x01\x02garbage\x00")
    with pytest.raises(CommandError, match="geen tekstbestand"):
        run(path)


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        run(tmp_path / "kwb-2024.csv")


def test_a_figure_that_is_not_a_number_is_refused_with_its_line(db, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8-sig").replace(" 4620;", "46x0;")
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, text), "--year", "2024")
    assert "Regel 12, kolom AantalInwoners: '46x0' is geen aantal" in str(error.value)
    assert not Area.objects.exists()


def test_age_bands_in_percent_are_refused(db, tmp_path):
    text = "\r\n".join(
        [
            HEADER,
            '"GM0479";"Zaanstad";"Gemeente";"GM0479";157215;77770;79445;17;11;25;27;20',
        ]
    )
    with pytest.raises(CommandError, match="percentages"):
        run(write(tmp_path, text), "--year", "2017")
    assert not Area.objects.exists()


def test_a_buurt_without_its_wijk_is_refused(db, tmp_path):
    text = "\r\n".join(
        [
            HEADER,
            '"BU04790101";"Zaanstad";"Buurt";"BU04790101";100;50;50;20;20;20;20;20',
        ]
    )
    with pytest.raises(CommandError, match="hoort bij wijk WK047901"):
        run(write(tmp_path, text), "--year", "2024")
    assert not Area.objects.exists()


def test_a_code_that_does_not_match_its_kind_is_refused(db, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8-sig").replace(
        '"WK047906  ";"Zaanstad                                ";"Wijk      "',
        '"WK047906  ";"Zaanstad                                ";"Buurt     "',
    )
    with pytest.raises(CommandError, match="past niet bij de soort"):
        run(write(tmp_path, text), "--year", "2024")


def test_a_failure_while_writing_leaves_nothing_behind(db, monkeypatch):
    load_zaanstad_reference_data()
    before = everything()
    calls = []
    real_bulk_create = PopulationCount.objects.bulk_create

    def failing_bulk_create(objs, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real_bulk_create(objs, *args, **kwargs)

    monkeypatch.setattr(PopulationCount.objects, "bulk_create", failing_bulk_create)
    with pytest.raises(RuntimeError), SAMPLE.open("rb") as fileobj:
        import_kerncijfers(fileobj, 2024, "GM0479")
    assert len(calls) == 3
    assert everything() == before


def test_the_error_type_is_a_value_error():
    assert issubclass(CbsImportError, ValueError)
    with pytest.raises(CbsImportError, match="leeg"):
        cbs_import.import_kerncijfers(io.BytesIO(b""), 2024, "GM0479")


def test_sums_use_the_file_not_the_demo(db):
    load_zaanstad_reference_data()
    run(SAMPLE, "--year", "2024")
    total = PopulationCount.objects.filter(area__code="GM0479", year=2024).aggregate(
        n=Sum("count")
    )["n"]
    assert total == 157_215
