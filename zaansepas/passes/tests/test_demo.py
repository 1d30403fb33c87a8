"""`manage.py demo` gives a working Zaanstad demo and can be run twice."""

import io

import pytest
from django.core.management import call_command

from zaansepas.accounts.models import User
from zaansepas.city.models import Area, AreaKind
from zaansepas.passes.codes import make_qr_code
from zaansepas.passes.models import Application, Household, Pass, Person
from zaansepas.passes.verification import verify_pass_code


@pytest.mark.django_db
def test_the_demo_fills_every_wijk_and_can_run_twice(client):
    out = io.StringIO()
    call_command("demo", stdout=out)
    counts = (
        Household.objects.count(),
        Person.objects.count(),
        Pass.objects.count(),
        Application.objects.count(),
    )
    call_command("demo", stdout=io.StringIO())
    assert (
        Household.objects.count(),
        Person.objects.count(),
        Pass.objects.count(),
        Application.objects.count(),
    ) == counts

    assert 250 <= Person.objects.count() <= 400
    wijken = Area.objects.filter(kind=AreaKind.DISTRICT)
    assert wijken.exists()
    assert all(Household.objects.filter(district=w).exists() for w in wijken)
    assert set(Pass.objects.values_list("tier", flat=True)) == {
        "standaard",
        "minima",
        "bijstand",
        "mantelzorg",
    }
    assert Application.objects.filter(status="ingediend").count() >= 5
    printed = out.getvalue()
    assert "inwoner@zaansepas.demo" in printed and "pasbeheer@zaansepas.demo" in printed

    assert client.login(username="pasbeheer@zaansepas.demo", password="zaanse-pas-demo")
    assert client.get("/beheer/aanvragen/").status_code == 200
    resident = User.objects.get(email="inwoner@zaansepas.demo")
    resident_pass = Pass.objects.get(holder__user=resident)
    assert verify_pass_code(make_qr_code(resident_pass)).valid
    home = client.get("/").content.decode()
    assert '<html lang="nl"' in home
