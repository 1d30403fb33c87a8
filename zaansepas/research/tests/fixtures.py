"""Small research data for the tests: themes, wijken, a survey with consenting and
non-consenting respondents, users with and without the right permissions."""

import datetime as dt
import secrets

from django.contrib.auth.models import Permission

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import ensure_role_groups, grant_role
from zaansepas.city.models import Area, AreaKind, PolicyTheme
from zaansepas.research.actions import add_participant, plan_session
from zaansepas.surveys.models import FollowUpConsent, Response, Survey


def make_themes():
    return [
        PolicyTheme.objects.get_or_create(code=code, defaults={"name": name, "position": position})[
            0
        ]
        for position, (code, name) in enumerate(
            [
                ("sport-bewegen", "Sport en bewegen"),
                ("geld-basisbehoeften", "Geld en basisbehoeften"),
            ],
            start=1,
        )
    ]


def make_wijk(code="WK047906", name="Poelenburg"):
    return Area.objects.get_or_create(
        code=code, defaults={"name": name, "kind": AreaKind.DISTRICT}
    )[0]


def make_session(theme=None, year=2026, date=dt.date(2026, 10, 20)):
    theme = theme or make_themes()[0]
    return plan_session(theme, year, date=date, place="Buurthuis De Kolk")


def make_participant(session, **values):
    values = {"kind": "vrager", "name": "Moeder van twee", **values}
    return add_participant(session, **values)


def make_survey():
    return Survey.objects.create(series="scan-test", title={"nl": "Behoeftescan test"})


def add_respondent(survey, wijk=None, *, consent=True, tier=None, has_pass=None, name="Fatima"):
    """A response with a reference, and (if `consent`) a FollowUpConsent sharing it."""
    reference = secrets.token_hex(8)
    answers = {"meest_helpen": "zwemles voor mijn dochter"}
    if has_pass is not None:
        answers["heeft_pas"] = has_pass
    Response.objects.create(
        survey=survey,
        submitted_on=dt.date(2026, 10, 1),
        reference=reference,
        district=wijk,
        answers=answers,
        attributes={"tier": tier} if tier else {},
    )
    if consent:
        FollowUpConsent.objects.create(
            survey=survey,
            reference=reference,
            name=name,
            phone="06-12345678",
            email="fatima@example.org",
            withdraw_token_hash=secrets.token_hex(32),
            given_on=dt.date(2026, 10, 1),
        )
    return reference


def make_user(email, role=None, *perms):
    ensure_role_groups()
    user = User.objects.create_user(email, "geheim-wachtwoord-123")
    if role:
        grant_role(user, role)
    for dotted in perms:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return User.objects.get(pk=user.pk)  # fresh: no stale permission cache


def make_researcher(email="onderzoek@example.org", *perms):
    return make_user(email, Role.RESEARCHER, *perms)
