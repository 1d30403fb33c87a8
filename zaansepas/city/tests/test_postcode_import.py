import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from zaansepas.city.cbs_import import import_kerncijfers
from zaansepas.city.lookups import district_for_postcode
from zaansepas.city.models import Area, PostcodeArea
from zaansepas.city.postcode_import import PostcodeImportError, import_postcode_areas

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "postcodes_zaanstad.csv"  # 1502, 1503 → WK047901; 1508 (by name), 1509 → WK047906
CBS_SAMPLE = DATA / "kerncijfers_zaanstad_2024.csv"


@pytest.fixture
def wijken(db):
    """Zaanstad's areas as a real install has them: from the CBS import, one wijk renamed."""
    with CBS_SAMPLE.open("rb") as fileobj:
        import_kerncijfers(fileobj, 2024, "GM0479")
    Area.objects.filter(code="WK047906").update(name="Poelenburg")
    return {code: Area.objects.get(code=code) for code in ("WK047901", "WK047906")}


def run(path, *args):
    out = io.StringIO()
    call_command("import_postcodes", str(path), *args, stdout=out)
    return out.getvalue()


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "postcodes.csv"
    path.write_bytes(text.encode(encoding))
    return path


def mapping():
    return {m.postcode4: (m.district.code, m.is_approximate) for m in PostcodeArea.objects.all()}


def test_it_imports_the_postcode_mapping_from_a_csv_file(wijken):
    output = run(SAMPLE)
    assert "Ingelezen: 4 postcodes" in output
    assert "4 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 verwijderd" in output
    assert mapping() == {
        "1502": ("WK047901", False),
        "1503": ("WK047901", False),
        "1508": ("WK047906", False),
        "1509": ("WK047906", False),
    }
    assert district_for_postcode("1503 AB") == wijken["WK047901"]


def test_it_finds_a_wijk_by_its_exact_name(wijken):
    run(SAMPLE)  # the line "1508;Poelenburg"
    assert district_for_postcode("1508 XZ") == wijken["WK047906"]


def test_a_bad_postcode_and_an_unknown_wijk_are_both_reported_and_nothing_is_written(
    wijken, tmp_path
):
    run(SAMPLE)
    before = mapping()
    text = "postcode4;wijk\n1541;WK047901\n15O8;WK047906\n1542;Westerkoog\n1543;WK047901\n"
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, text))
    message = str(error.value)
    assert "fouten op 2 regels" in message
    assert "Regel 3: '15O8' is geen postcode van 4 cijfers" in message
    assert "Regel 4: wijk 'Westerkoog' bestaat niet" in message
    assert "Regel 2" not in message and "Regel 5" not in message
    assert "Er is niets ingelezen" in message
    assert mapping() == before  # not even the good lines 2 and 5


def test_one_line_with_two_faults_reports_both(wijken, tmp_path):
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, "postcode4;wijk\n0999;WK047999\n"))
    message = str(error.value)
    assert "fouten op 1 regel:" in message
    assert "Regel 2: '0999' is geen postcode" in message
    assert "Regel 2: wijk WK047999 bestaat niet" in message
    assert not PostcodeArea.objects.exists()


@pytest.mark.parametrize(
    "line, expected",
    [
        ("1508;BU04790601", "'BU04790601' is een buurt, geen wijk"),
        ("1508;Zaanstad", "'Zaanstad' is een gemeente (GM0479), geen wijk"),
        ("1508;poelenburg", "Bedoelt u 'Poelenburg'?"),
        ("1508;", "de wijk ontbreekt"),
        (";WK047906", "de postcode ontbreekt"),
        ("1508 AB;WK047906", "'1508 AB' is geen postcode van 4 cijfers"),
        ("10000;WK047906", "'10000' is geen postcode van 4 cijfers"),
    ],
)
def test_a_wrong_row_is_refused_with_its_reason(wijken, tmp_path, line, expected):
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, f"postcode4;wijk\n{line}\n"))
    message = str(error.value)
    assert "fouten op 1 regel:" in message and "Regel 2: " in message
    assert expected in message
    assert not PostcodeArea.objects.exists()


def test_a_postcode_twice_in_the_file_is_refused(wijken, tmp_path):
    with pytest.raises(CommandError, match="postcode 1508 staat al op regel 2"):
        run(write(tmp_path, "postcode4;wijk\n1508;WK047906\n1509;WK047906\n1508;WK047906\n"))
    assert not PostcodeArea.objects.exists()


def test_a_wijk_name_shared_by_two_wijken_must_be_given_by_code(wijken, tmp_path):
    Area.objects.filter(code="WK047901").update(name="Poelenburg")
    with pytest.raises(CommandError, match=r"meer wijken met de naam 'Poelenburg'.*CBS-code"):
        run(write(tmp_path, "postcode4;wijk\n1508;Poelenburg\n"))


def test_importing_the_same_file_twice_changes_nothing(wijken):
    run(SAMPLE)
    before = list(PostcodeArea.objects.values())
    output = run(SAMPLE)
    assert list(PostcodeArea.objects.values()) == before
    assert "0 nieuw, 0 gewijzigd, 4 ongewijzigd, 0 verwijderd" in output


def test_it_replaces_a_demo_estimate_and_moves_a_postcode_to_another_wijk(wijken):
    PostcodeArea.objects.create(postcode4="1508", district=wijken["WK047906"], is_approximate=True)
    PostcodeArea.objects.create(postcode4="1509", district=wijken["WK047901"])
    output = run(SAMPLE)
    assert "2 nieuw, 2 gewijzigd, 0 ongewijzigd" in output
    assert mapping()["1508"] == ("WK047906", False)
    assert mapping()["1509"] == ("WK047906", False)


def test_without_replace_mappings_not_in_the_file_stay(wijken):
    PostcodeArea.objects.create(postcode4="1541", district=wijken["WK047901"], is_approximate=True)
    PostcodeArea.objects.create(postcode4="1560", district=wijken["WK047906"])
    output = run(SAMPLE)
    assert mapping()["1541"] == ("WK047901", True)
    assert mapping()["1560"] == ("WK047906", False)
    assert "2 postcodes in de database staan niet in dit bestand" in output
    assert "Nog benaderde postcodes (demo, niet in dit bestand): 1541" in output


def test_replace_removes_every_mapping_not_in_the_file(wijken):
    PostcodeArea.objects.create(postcode4="1541", district=wijken["WK047901"], is_approximate=True)
    PostcodeArea.objects.create(postcode4="1560", district=wijken["WK047906"])
    PostcodeArea.objects.create(postcode4="1508", district=wijken["WK047906"])
    output = run(SAMPLE, "--replace")
    assert set(mapping()) == {"1502", "1503", "1508", "1509"}
    assert "3 nieuw, 0 gewijzigd, 1 ongewijzigd, 2 verwijderd" in output


def test_a_file_without_postcodes_is_refused_even_with_replace(wijken, tmp_path):
    PostcodeArea.objects.create(postcode4="1560", district=wijken["WK047906"])
    with pytest.raises(CommandError, match="geen postcodes"):
        run(write(tmp_path, "postcode4;wijk\n\n"), "--replace")
    assert set(mapping()) == {"1560"}


def test_a_file_without_the_columns_is_refused(wijken, tmp_path):
    with pytest.raises(CommandError, match="De kolom wijk ontbreekt"):
        run(write(tmp_path, "postcode4;district\n1508;WK047906\n"))


def test_it_reads_a_comma_separated_latin1_file(wijken, tmp_path):
    Area.objects.filter(code="WK047901").update(name="Zaandam-Zuid Één")
    text = 'Wijk,Postcode4\r\nZaandam-Zuid Één,1502\r\n"WK047906",1508\r\n'
    output = run(write(tmp_path, text, encoding="latin-1"))
    assert "2 nieuw" in output
    assert mapping() == {"1502": ("WK047901", False), "1508": ("WK047906", False)}


def test_it_warns_when_a_wijk_is_a_demo_estimate(wijken):
    Area.objects.filter(code="WK047901").update(is_approximate=True)
    output = run(SAMPLE)
    assert "deze wijken zijn nog een benadering (demo), geen CBS-gegevens: WK047901" in output


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        run(tmp_path / "postcodes.csv")


def test_the_function_lists_every_problem(wijken):
    text = "postcode4;wijk\n1;WK047906\n2;WK047906\n"
    with pytest.raises(PostcodeImportError) as error:
        import_postcode_areas(io.BytesIO(text.encode()))
    assert len(error.value.problems) == 2
    assert issubclass(PostcodeImportError, ValueError)
