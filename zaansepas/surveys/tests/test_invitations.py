"""Personal invitations: CSV upload, the mail-merge file, invitation and reminder e-mails,
and the pass-holder panel."""

import csv
import datetime as dt
import io
import uuid

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from zaansepas.passes import actions
from zaansepas.passes.models import MemberRole, PassKind, PassStatus, Tier
from zaansepas.passes.tests.helpers import (
    application_input,
    make_reference_data,
    make_user,
    submit,
)
from zaansepas.surveys import answering
from zaansepas.surveys.channels import create_channel
from zaansepas.surveys.invitations import (
    MAX_ROWS,
    create_invitations_from_csv,
    invitation_counts,
    invitation_url,
    invite_pass_holders,
    mail_merge_csv,
    send_invitations,
    send_reminders,
)
from zaansepas.surveys.models import ChannelKind, Invitation, SurveyStatus

from .channel_fixtures import make_city, make_researcher, make_resident, make_survey

pytestmark = pytest.mark.django_db


def upload(text: str | bytes, name="adressen.csv"):
    content = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, content, content_type="text/csv")


@pytest.fixture
def channel():
    return create_channel(make_survey(), ChannelKind.INVITATION, "Brief aan huurders")


GOOD_CSV = (
    "E-mail;Naam;Adres;Taal\n"
    "fatma@example.org;Fatma Yilmaz;Peperstraat 1;nl\n"
    "John@Example.org;John Smith;Westzijde 2;en\n"
    ";Mevrouw De Vries;Dam 3;\n"
)


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def path_of(url: str) -> str:
    assert url.startswith(settings.PUBLIC_BASE_URL.rstrip("/"))
    return url[len(settings.PUBLIC_BASE_URL.rstrip("/")) :]


# --- Upload -------------------------------------------------------------------------------


def test_each_csv_row_becomes_an_invitation_with_its_merge_fields(channel):
    made = create_invitations_from_csv(channel, upload(GOOD_CSV))
    assert len(made) == 3
    invitations = list(Invitation.objects.filter(channel=channel).order_by("id"))
    assert [i.email for i in invitations] == ["fatma@example.org", "john@example.org", ""]
    assert [i.language for i in invitations] == ["nl", "en", "nl"]
    assert invitations[0].merge_fields == {"naam": "Fatma Yilmaz", "adres": "Peperstraat 1"}
    assert len({i.public_id for i in invitations}) == 3


def test_a_comma_separated_file_with_a_byte_order_mark_is_read_too(channel):
    text = "\ufeffemail,voornaam\nali@example.org,Ali\nbea@example.org,Bea\n"
    create_invitations_from_csv(channel, upload(text))
    assert sorted(Invitation.objects.values_list("merge_fields__voornaam", flat=True)) == [
        "Ali",
        "Bea",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("email;naam\nfatma@example.org;Fatma\ngeen-adres;Piet\n", "Regel 3: 'geen-adres'"),
        (
            "email;naam\na@example.org;A\nb@example.org;B\nA@example.org;C\n",
            "Regel 4: a@example.org staat er al in (regel 2)",
        ),
        ("", "Het bestand is leeg."),
        ("email;naam\n", "Het bestand heeft geen regels onder de kolomnamen."),
        ("email;naam\na@example.org;A;extra\n", "Regel 2: meer cellen dan er kolommen zijn."),
        ("email;link\na@example.org;x\n", "Regel 1: de kolomnaam 'link'"),
        ("email;naam;naam\na@example.org;A;B\n", "Regel 1: de kolom 'naam' staat er twee keer"),
        ("email;taal\na@example.org;xx\n", "Regel 2: taal 'xx'"),
    ],
)
def test_a_bad_file_saves_nothing_and_names_the_line(channel, text, message):
    with pytest.raises(ValidationError) as refused:
        create_invitations_from_csv(channel, upload(text))
    assert any(message in m for m in refused.value.messages), refused.value.messages
    assert not Invitation.objects.exists()


def test_a_file_not_in_utf8_is_refused_with_advice(channel):
    text = "email;naam\nrene@example.org;René Müller\n".encode("cp1252")
    with pytest.raises(ValidationError) as refused:
        create_invitations_from_csv(channel, upload(text))
    assert "CSV UTF-8" in refused.value.messages[0]
    assert not Invitation.objects.exists()


def test_a_file_with_too_many_rows_is_refused(channel):
    text = "email\n" + "".join(f"p{n}@example.org\n" for n in range(MAX_ROWS + 1))
    with pytest.raises(ValidationError) as refused:
        create_invitations_from_csv(channel, upload(text))
    assert "meer dan 50.000 regels" in refused.value.messages[0]
    assert not Invitation.objects.exists()


def test_an_address_already_invited_on_this_channel_is_refused(channel):
    create_invitations_from_csv(channel, upload("email\na@example.org\n"))
    with pytest.raises(ValidationError) as refused:
        create_invitations_from_csv(channel, upload("email\nb@example.org\nA@example.org\n"))
    assert "Regel 3: a@example.org heeft bij dit kanaal al een uitnodiging." in (
        refused.value.messages
    )
    assert Invitation.objects.count() == 1


def test_only_an_invitation_channel_takes_a_file():
    wijk = create_channel(make_survey(), ChannelKind.MEDIUM, "Poster")
    with pytest.raises(ValidationError):
        create_invitations_from_csv(wijk, upload(GOOD_CSV))
    assert not Invitation.objects.exists()


def test_a_formula_stays_text_and_is_made_harmless_in_the_mail_merge_file(channel):
    text = 'email;naam\na@example.org;"=HYPERLINK(""http://evil.example"",""klik"")"\n'
    create_invitations_from_csv(channel, upload(text))
    assert Invitation.objects.get().merge_fields["naam"].startswith("=HYPERLINK(")
    row = rows_of(mail_merge_csv(channel))[0]
    assert row["naam"].startswith("'=HYPERLINK(")


def test_the_upload_page_says_what_is_wrong_and_keeps_nothing(client, channel):
    client.force_login(make_researcher())
    url = reverse("surveys:invitations_upload", args=[channel.survey.pk, channel.pk])
    field = f"upload{channel.pk}-file"
    response = client.post(url, {field: upload("email\nfout-adres\n")})
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Er is niets opgeslagen. Verbeter het bestand:" in texts
    assert any("Regel 2" in t for t in texts)
    assert not Invitation.objects.exists()
    client.post(url, {field: upload(GOOD_CSV)})
    assert Invitation.objects.count() == 3


# --- Mail merge ---------------------------------------------------------------------------


def test_the_mail_merge_file_has_the_uploaded_columns_a_link_and_a_code(channel):
    create_invitations_from_csv(channel, upload(GOOD_CSV))
    text = mail_merge_csv(channel)
    assert text.splitlines()[0] == "email;taal;naam;adres;link;code"
    rows = rows_of(text)
    assert [r["naam"] for r in rows] == ["Fatma Yilmaz", "John Smith", "Mevrouw De Vries"]
    for row in rows:
        invitation = Invitation.objects.get(public_id=row["code"])
        token = row["link"].rstrip("/").rsplit("/", 1)[-1]
        assert answering.find_invitation(channel, token) == invitation
        assert row["link"] == invitation_url(invitation)


def test_a_mail_merge_link_opens_the_survey_and_a_changed_one_does_not(client, channel):
    create_invitations_from_csv(channel, upload(GOOD_CSV))
    link = rows_of(mail_merge_csv(channel))[0]["link"]
    assert client.get(path_of(link)).status_code == 200
    started = client.post(path_of(link))
    assert started.status_code == 302
    assert f"/v/{channel.code}/p/" in started["Location"]
    tampered = path_of(link)[:-3] + ("a" if path_of(link)[-3] != "a" else "b") + "/"
    assert client.get(tampered).status_code == 404


def test_the_researcher_downloads_the_mail_merge_file(client, channel):
    create_invitations_from_csv(channel, upload(GOOD_CSV))
    client.force_login(make_researcher())
    response = client.get(
        reverse("surveys:invitations_merge", args=[channel.survey.pk, channel.pk])
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    assert len(rows_of(text)) == 3


# --- Sending ------------------------------------------------------------------------------


def test_invitations_go_once_to_everyone_with_an_address_in_their_language(channel):
    create_invitations_from_csv(channel, upload(GOOD_CSV))
    result = send_invitations(channel)
    assert (result.sent, result.failed, result.left) == (2, 0, 0)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"fatma@example.org", "john@example.org"}
    dutch, english = by_address["fatma@example.org"], by_address["john@example.org"]
    assert dutch.subject == "Uitnodiging: Wat heeft u nodig?"
    assert "Beste Fatma Yilmaz," in dutch.body
    assert english.subject == "Invitation: What do you need?"
    assert "Dear John Smith," in english.body
    for address, message in by_address.items():
        invitation = Invitation.objects.get(email=address)
        assert invitation_url(invitation) in message.body
        assert invitation.sent_at is not None
    assert send_invitations(channel).sent == 0
    assert len(mail.outbox) == 2


def test_a_language_without_a_mail_template_gets_the_dutch_one(channel):
    create_invitations_from_csv(channel, upload("email;taal\nayse@example.org;tr\n"))
    send_invitations(channel)
    assert mail.outbox[0].subject == "Uitnodiging: Wat heeft u nodig?"


def test_no_invitations_go_out_before_the_survey_is_published(channel):
    create_invitations_from_csv(channel, upload(GOOD_CSV))
    channel.survey.status = SurveyStatus.DRAFT
    channel.survey.save()
    with pytest.raises(ValidationError):
        send_invitations(channel)
    assert mail.outbox == []
    assert not Invitation.objects.filter(sent_at__isnull=False).exists()


def _answer(channel, invitation):
    """Fill in the survey with this invitation, through the real answering functions."""
    draft, token = answering.start_response(channel, "nl", invitation=invitation)
    assert answering.submit_response(channel, token).response is not None


def test_a_reminder_never_goes_to_someone_who_already_answered(channel):
    create_invitations_from_csv(
        channel, upload("email\nanswered@example.org\nsilent@example.org\nnew@example.org\n")
    )
    send_invitations(channel)
    week_ago = timezone.now() - dt.timedelta(days=8)
    Invitation.objects.exclude(email="new@example.org").update(sent_at=week_ago)
    _answer(channel, Invitation.objects.get(email="answered@example.org"))
    mail.outbox.clear()

    result = send_reminders(channel, older_than_days=7)

    assert [m.to for m in mail.outbox] == [["silent@example.org"]]
    assert result.sent == 1
    assert mail.outbox[0].subject == "Herinnering: Wat heeft u nodig?"
    silent = Invitation.objects.get(email="silent@example.org")
    assert silent.reminded_at is not None
    assert invitation_url(silent) in mail.outbox[0].body
    assert Invitation.objects.get(email="answered@example.org").reminded_at is None
    # Invited only just now: no reminder yet. And nobody gets a second one.
    assert Invitation.objects.get(email="new@example.org").reminded_at is None
    assert send_reminders(channel, older_than_days=7).sent == 0
    assert len(mail.outbox) == 1
    assert invitation_counts(channel) == {
        "invited": 3,
        "with_email": 3,
        "sent": 3,
        "answered": 1,
        "reminded": 1,
    }


def test_sending_from_the_page_reports_the_count(client, channel):
    create_invitations_from_csv(channel, upload(GOOD_CSV))
    client.force_login(make_researcher())
    response = client.post(
        reverse("surveys:invitations_send", args=[channel.survey.pk, channel.pk])
    )
    assert "2 uitnodigingen verstuurd." in [str(m) for m in get_messages(response.wsgi_request)]
    page = client.get(reverse("surveys:channels", args=[channel.survey.pk])).content.decode()
    assert "Uitnodiging verstuurd" in page
    assert len(mail.outbox) == 2


# --- Pass-holder panel --------------------------------------------------------------------


def make_holder(postcode="1503 AB", tier=Tier.LOW_INCOME, email=None):
    """An issued adult pass whose main holder has an account with an e-mail address."""
    user = make_user(email or f"holder-{uuid.uuid4().hex[:8]}@example.org")
    application = submit(user, application_input(route="bijstand", postcode=postcode))
    return actions.issue_pass(
        application.applicant, kind=PassKind.ADULT, tier=tier, application=application
    )


@pytest.fixture
def panel():
    make_reference_data()
    make_city()
    return create_channel(make_survey(), ChannelKind.PANEL, "Panel van pashouders")


def holders(n, **kwargs):
    return [make_holder(**kwargs) for _ in range(n)]


def test_a_panel_draws_the_sample_size_from_active_main_holders(panel):
    eligible = holders(5)
    blocked = make_holder(email="blocked@example.org")
    blocked.status = PassStatus.BLOCKED
    blocked.save()
    no_account = make_holder(email="gone@example.org")
    no_account.holder.user = None
    no_account.holder.save()

    made = invite_pass_holders(panel, 3, seed=1)

    assert len(made) == 3
    chosen = {i.panel_pass for i in Invitation.objects.filter(channel=panel)}
    assert chosen <= set(eligible)
    assert all(p.holder.role == MemberRole.MAIN for p in chosen)
    for invitation in Invitation.objects.filter(channel=panel):
        assert invitation.email == invitation.panel_pass.holder.user.email
        assert invitation.merge_fields == {}


def test_the_same_seed_draws_the_same_holders():
    make_reference_data()
    make_city()
    holders(6)
    first = create_channel(make_survey(series="een"), ChannelKind.PANEL, "Panel")
    second = create_channel(make_survey(series="twee"), ChannelKind.PANEL, "Panel")
    a = {i.panel_pass_id for i in invite_pass_holders(first, 3, seed=42)}
    b = {i.panel_pass_id for i in invite_pass_holders(second, 3, seed=42)}
    assert a == b


def test_panel_members_already_invited_are_skipped_and_no_pass_is_invited_twice(panel):
    holders(5)
    assert len(invite_pass_holders(panel, 3)) == 3
    # Only two are left; asking for ten gives those two.
    assert len(invite_pass_holders(panel, 10)) == 2
    assert invite_pass_holders(panel, 10) == []
    # A second panel channel of the same survey does not invite them again.
    other = create_channel(panel.survey, ChannelKind.PANEL, "Tweede panel")
    assert invite_pass_holders(other, 10) == []
    passes = list(Invitation.objects.values_list("panel_pass_id", flat=True))
    assert len(passes) == len(set(passes)) == 5
    # And the database refuses a second invitation for the same pass in a channel.
    first = Invitation.objects.first()
    with pytest.raises(IntegrityError):
        Invitation.objects.create(channel=panel, public_id="x" * 10, panel_pass=first.panel_pass)


def test_a_panel_invitation_carries_only_the_wijk_and_the_tier(panel):
    make_holder(postcode="1551 AB", tier=Tier.STANDARD, email="westzaan@example.org")
    make_holder(postcode="1503 CD", tier=Tier.SOCIAL_ASSISTANCE, email="poelenburg@example.org")
    invite_pass_holders(panel, 2)
    attributes = {i.email: i.attributes for i in Invitation.objects.filter(channel=panel)}
    assert attributes == {
        "westzaan@example.org": {"wijk": "WK047903", "tier": "standaard"},
        "poelenburg@example.org": {"wijk": "WK047901", "tier": "bijstand"},
    }


def test_a_panel_member_answers_and_the_response_carries_wijk_and_tier_only(panel):
    make_holder(postcode="1551 AB", tier=Tier.LOW_INCOME)
    invitation = invite_pass_holders(panel, 1)[0]
    _answer(panel, invitation)
    response = panel.survey.responses.get()
    assert response.attributes["wijk"] == "WK047903"
    assert response.attributes["tier"] == "minima"
    assert set(response.attributes) <= {"wijk", "tier", "wijk_bron"}
    assert response.district.code == "WK047903"


@pytest.mark.parametrize("size", [0, -3, 50_001])
def test_a_panel_of_an_impossible_size_is_refused(panel, size):
    holders(2)
    with pytest.raises(ValidationError):
        invite_pass_holders(panel, size)
    assert not Invitation.objects.exists()


def test_the_panel_form_on_the_page_invites_and_sends(client, panel):
    holders(3)
    client.force_login(make_researcher())
    client.post(
        reverse("surveys:panel_invite", args=[panel.survey.pk, panel.pk]),
        {f"panel{panel.pk}-sample_size": "2"},
    )
    assert Invitation.objects.filter(channel=panel).count() == 2
    client.post(reverse("surveys:invitations_send", args=[panel.survey.pk, panel.pk]))
    assert len(mail.outbox) == 2
    assert "Beste pashouder," in mail.outbox[0].body


def test_a_resident_cannot_invite_a_panel(client, panel):
    holders(2)
    client.force_login(make_resident("nieuwsgierig@example.org"))
    response = client.post(
        reverse("surveys:panel_invite", args=[panel.survey.pk, panel.pk]),
        {f"panel{panel.pk}-sample_size": "2"},
    )
    assert response.status_code == 404
    assert not Invitation.objects.exists()
