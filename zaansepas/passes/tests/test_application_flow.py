"""A single parent under the limit applies online, the pass office approves, the pass works."""

import datetime as dt
import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from zaansepas.accounts.models import Role
from zaansepas.passes.codes import current_step, make_qr_code
from zaansepas.passes.models import Application, Household, Pass, Person
from zaansepas.passes.verification import CheckReason, verify_pass_code

from .helpers import make_reference_data, make_user, pdf_upload


@pytest.fixture
def reference(db):
    return make_reference_data()


def years_ago(years, days=30):
    today = timezone.localdate()
    return (today - dt.timedelta(days=years * 365 + days)).isoformat()


def form_data(**overrides):
    data = {
        "submission_key": str(uuid.uuid4()),
        "first_name": "Youssef",
        "last_name": "Benali",
        "birth_date": years_ago(39),
        "street": "Peperstraat",
        "house_number": "12",
        "postcode": "1503ab",
        "town": "Zaandam",
        "route": "inkomen",
        "monthly_income": "1.450,00",
        "truthful": "on",
        "kind-TOTAL_FORMS": "6",
        "kind-INITIAL_FORMS": "0",
        "kind-MIN_NUM_FORMS": "0",
        "kind-MAX_NUM_FORMS": "10",
        "kind-0-first_name": "Amira",
        "kind-0-birth_date": years_ago(9),
        "kind-0-wants_pass": "on",
        "evidence": pdf_upload(),
    }
    data.update(overrides)
    return data


def test_single_parent_applies_staff_approve_and_the_qr_verifies(
    reference, client, django_capture_on_commit_callbacks
):
    resident = make_user("youssef@example.org")
    client.force_login(resident)
    response = client.post(reverse("passes:apply"), form_data())
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "passes:application_detail", args=[application.reference]
    )
    assert application.proposal == "gratis"
    assert application.household.household_type == "alleenstaande_ouder"
    assert application.household.postcode == "1503 AB"
    assert application.monthly_income_cents == 145000
    detail = client.get(response["Location"]).content.decode()
    assert "Voorstel: gratis pas" in detail and "€ 1.681,81" in detail

    officer = make_user("officer@example.org", Role.PASS_OFFICE, password="x")
    client.force_login(officer)
    queue = client.get(reverse("passes:review_queue")).content.decode()
    assert application.reference in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("passes:review_detail", args=[application.reference]),
            {"action": "approve", "text": ""},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "toegekend" and application.decided_by == officer
    with application.decision_letter.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    passes = Pass.objects.filter(household=application.household)
    assert sorted(p.kind for p in passes) == ["kind", "volwassene"]
    assert any("Besluit" in m.subject for m in mail.outbox)

    client.force_login(resident)
    page = client.get(reverse("passes:my_pass")).content.decode()
    assert re.search(r"id=\"pass-qr\"[^>]*>\s*<svg", page)
    parent_pass = passes.get(kind="volwassene")
    step = current_step()
    code = make_qr_code(parent_pass, step)
    assert verify_pass_code(code).valid
    later = dt.datetime.fromtimestamp((step + 1) * 30 + 1, tz=dt.UTC)
    assert verify_pass_code(code, now=later).valid
    much_later = dt.datetime.fromtimestamp((step + 2) * 30 + 1, tz=dt.UTC)
    assert verify_pass_code(code, now=much_later).reason == CheckReason.STALE
    letter = client.get(reverse("passes:application_letter", args=[application.reference]))
    assert letter["Content-Type"] == "application/pdf"


def test_sending_the_same_form_twice_makes_one_application(reference, client):
    client.force_login(make_user("twice@example.org"))
    data = form_data()
    first = client.post(reverse("passes:apply"), data)
    data["evidence"] = pdf_upload()
    second = client.post(reverse("passes:apply"), data)
    assert Application.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        ({"postcode": "15033"}, "postcode", "geldige postcode"),
        ({"postcode": "0123 AB"}, "postcode", "geldige postcode"),
        ({"postcode": "1503"}, "postcode", "twee letters"),
        ({"postcode": "9711 AB"}, "postcode", "niet in Zaanstad"),
        ({"monthly_income": "-100"}, "monthly_income", "negatief"),
        ({"monthly_income": "250000"}, "monthly_income", "te hoog"),
        ({"monthly_income": "veel"}, "monthly_income", "bedrag"),
        ({"first_name": ""}, "first_name", "verplicht"),
        ({"evidence": None}, "evidence", "bewijs"),
        ({"kind-0-birth_date": years_ago(2)}, None, "4 tot en met 17"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(
    reference, client, overrides, field, message
):
    client.force_login(make_user("bad@example.org"))
    data = form_data(**overrides)
    if data.get("evidence") is None:
        data.pop("evidence")
    response = client.post(reverse("passes:apply"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Application.objects.count() == 0
    assert Household.objects.count() == 0 and Person.objects.count() == 0


def test_a_wrong_file_type_is_refused_even_with_a_pdf_name(reference, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(make_user("exe@example.org"))
    fake = SimpleUploadedFile("loonstrook.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(reverse("passes:apply"), form_data(evidence=fake))
    assert "PDF, JPG of PNG" in response.content.decode()
    assert Application.objects.count() == 0


def test_an_oversized_upload_is_refused(reference, client, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    client.force_login(make_user("big@example.org"))
    response = client.post(reverse("passes:apply"), form_data(evidence=pdf_upload(size=4096)))
    assert "te groot" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_resident_cannot_see_someone_elses_application_or_the_queue(reference, client):
    client.force_login(make_user("a@example.org"))
    client.post(reverse("passes:apply"), form_data())
    application = Application.objects.get()
    client.force_login(make_user("b@example.org"))
    assert (
        client.get(reverse("passes:application_detail", args=[application.reference])).status_code
        == 404
    )
    assert client.get(reverse("passes:review_queue")).status_code == 403
    assert client.get(reverse("passes:evidence", args=[application.reference])).status_code == 403


def test_staff_can_ask_for_information_and_the_resident_answers(
    reference, client, django_capture_on_commit_callbacks
):
    resident = make_user("info@example.org")
    client.force_login(resident)
    client.post(reverse("passes:apply"), form_data())
    application = Application.objects.get()
    client.force_login(make_user("officer@example.org", Role.PASS_OFFICE))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("passes:review_detail", args=[application.reference]),
            {"action": "ask", "text": "Stuur ook de loonstrook van uw partner."},
        )
    application.refresh_from_db()
    assert application.status == "info_gevraagd"
    assert any("meer informatie" in m.subject for m in mail.outbox)
    client.force_login(resident)
    url = reverse("passes:application_detail", args=[application.reference])
    assert "Stuur ook de loonstrook" in client.get(url).content.decode()
    client.post(url, {"note": "Ik heb geen partner."})
    application.refresh_from_db()
    assert application.status == "ingediend" and "geen partner" in application.resident_note


def test_rejecting_needs_a_reason_and_writes_a_letter(reference, client):
    client.force_login(make_user("rej@example.org"))
    client.post(reverse("passes:apply"), form_data(monthly_income="2500"))
    application = Application.objects.get()
    assert application.proposal == "betaald"
    client.force_login(make_user("officer@example.org", Role.PASS_OFFICE))
    url = reverse("passes:review_detail", args=[application.reference])
    response = client.post(url, {"action": "reject", "text": ""})
    assert "reden" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "ingediend"
    client.post(url, {"action": "reject", "text": "Uw inkomen is hoger dan de grens."})
    application.refresh_from_db()
    assert application.status == "afgewezen" and application.decision_letter
    assert not Pass.objects.exists()


def test_staff_enter_a_paper_application_for_a_resident_without_email(reference, client):
    officer = make_user("officer@example.org", Role.PASS_OFFICE)
    client.force_login(officer)
    response = client.post(reverse("passes:staff_paper_application"), form_data())
    application = Application.objects.get()
    assert response["Location"] == reverse("passes:review_detail", args=[application.reference])
    assert application.channel == "papier" and application.submitted_by == officer
    assert application.applicant.user is None


def test_income_evidence_is_deleted_after_the_objection_period(reference, client):
    from zaansepas.passes.applications import purge_evidence

    client.force_login(make_user("purge@example.org"))
    client.post(reverse("passes:apply"), form_data())
    application = Application.objects.get()
    path = application.evidence.path
    officer = make_user("officer@example.org", Role.PASS_OFFICE)
    from zaansepas.passes.applications import approve_application

    approve_application(application, actor=officer, reason="")
    assert purge_evidence() == 0  # still within the objection period
    later = timezone.now() + dt.timedelta(days=92)
    assert purge_evidence(now=later) == 1
    application.refresh_from_db()
    import os

    assert not application.evidence and not os.path.exists(path)
    assert application.decision_letter and application.status == "toegekend"


def test_after_an_error_the_resident_is_told_to_choose_the_file_again(reference, client):
    client.force_login(make_user("again@example.org"))
    response = client.post(reverse("passes:apply"), form_data(postcode=""))
    assert "Kies het bestand opnieuw" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_refused_paper_application_leaves_no_account_behind(reference, client):
    from zaansepas.accounts.models import User

    client.force_login(make_user("officer@example.org", Role.PASS_OFFICE))
    users = User.objects.count()
    data = form_data(postcode="9711 AB", resident_email="papier@example.org")
    response = client.post(reverse("passes:staff_paper_application"), data)
    assert "niet in Zaanstad" in response.content.decode()
    assert User.objects.count() == users and Application.objects.count() == 0


def test_the_form_says_what_buying_the_pass_costs(reference, client):
    from zaansepas.passes.models import PassPrice

    PassPrice.objects.create(kind="volwassene", valid_from=dt.date(2020, 1, 1), price_cents=1750)
    client.force_login(make_user("prijs@example.org"))
    assert (
        "Ik koop de pas (€ 17,50 per jaar)" in client.get(reverse("passes:apply")).content.decode()
    )


def test_the_reasoning_is_kept_in_dutch_and_shown_in_the_readers_language(reference, client):
    client.force_login(make_user("lang@example.org"))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post(reverse("passes:apply"), form_data())
    application = Application.objects.get()
    assert "Voorstel: gratis pas" in application.proposal_reasoning  # the record is Dutch
    english = client.get(reverse("passes:application_detail", args=[application.reference]))
    assert "Proposal: free pass" in english.content.decode()


def test_an_english_reader_types_and_sees_english_amounts(reference, client):
    client.force_login(make_user("en-amount@example.org"))
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post(reverse("passes:apply"), form_data(monthly_income="1,450.00"))
    application = Application.objects.get()
    assert application.monthly_income_cents == 145000
    page = client.get(reverse("passes:application_detail", args=[application.reference]))
    assert "€1,450.00" in page.content.decode()


def test_the_decision_email_is_in_the_residents_language_not_the_reviewers(
    reference, client, django_capture_on_commit_callbacks
):
    from zaansepas.passes.applications import approve_application

    resident = make_user("mail-en@example.org")
    resident.language = "en"
    resident.save()
    client.force_login(resident)
    client.post(reverse("passes:apply"), form_data())
    application = Application.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        approve_application(
            application, actor=make_user("nl@example.org", Role.PASS_OFFICE), reason=""
        )
    application.refresh_from_db()
    assert mail.outbox[-1].subject == "Decision on your application for the Zaanse Pas"
    assert application.decision_reason.startswith("U voldoet")  # the record stays Dutch
