"""Channels: the ways a survey reaches people, each with its own short link /v/<code>/.

Adding a channel never changes the survey itself, so it is allowed while the survey is
published: a new partner or a new poster run can join halfway through a wave."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from zaansepas.city.models import Area, AreaKind

from .models import Channel, ChannelKind, Survey

# Easy to read from a poster and type on a phone: lower case only, and none of the
# characters that look alike (0/o, 1/l/i). 31 characters, 6 of them: almost 900 million
# codes, so guessing one that exists is hopeless at any realistic number of channels.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 6
NAME_MAX_LENGTH = 120


def new_channel_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def short_url(channel: Channel) -> str:
    """The absolute short link printed on posters and shared on social media."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("surveys:landing", args=[channel.code])


def short_url_for_print(channel: Channel) -> str:
    """The short link without "https://": what people type from a poster."""
    url = short_url(channel)
    return url.split("://", 1)[-1]


def _check(survey: Survey, kind: str, name: str, district: Area | None) -> list[str]:
    problems = []
    if kind not in ChannelKind.values:
        problems.append(_("Kies een soort kanaal."))
    if not name:
        problems.append(_("Geef het kanaal een naam."))
    elif len(name) > NAME_MAX_LENGTH:
        problems.append(
            _("De naam is te lang: hoogstens %(max)s tekens.") % {"max": NAME_MAX_LENGTH}
        )
    if district is not None and district.kind != AreaKind.DISTRICT:
        problems.append(_("Kies een wijk, geen buurt of gemeente."))
    if kind == ChannelKind.DISTRICT and district is None:
        problems.append(_("Kies bij een wijkkanaal de wijk."))
    return problems


def create_channel(survey: Survey, kind: str, name: str, district: Area | None = None) -> Channel:
    """A new channel with a fresh short code. Raises ValidationError (Dutch) on bad input."""
    name = (name or "").strip()
    problems = _check(survey, kind, name, district)
    if problems:
        raise ValidationError(problems)
    # A collision is very unlikely, but the unique constraint is the real check.
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return Channel.objects.create(
                    survey=survey,
                    kind=kind,
                    name=name,
                    district=district,
                    code=new_channel_code(),
                )
        except IntegrityError:
            continue
    raise ValidationError(_("Er kon geen nieuwe korte link gemaakt worden. Probeer het opnieuw."))


def city_districts():
    return Area.objects.filter(kind=AreaKind.DISTRICT).order_by("name")


@transaction.atomic
def create_district_channels(survey: Survey) -> list[Channel]:
    """One wijk channel for every wijk of the city that has none yet in this survey.
    Returns the channels made (empty when every wijk already had one)."""
    existing = set(
        Channel.objects.filter(survey=survey, kind=ChannelKind.DISTRICT).values_list(
            "district_id", flat=True
        )
    )
    return [
        create_channel(survey, ChannelKind.DISTRICT, district.name, district)
        for district in city_districts()
        if district.id not in existing
    ]


def deactivate_channel(channel: Channel) -> None:
    """The short link stops working; the responses that came through it stay."""
    if channel.is_active:
        channel.is_active = False
        channel.save(update_fields=["is_active"])


def activate_channel(channel: Channel) -> None:
    if not channel.is_active:
        channel.is_active = True
        channel.save(update_fields=["is_active"])
