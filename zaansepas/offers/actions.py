"""Every change to providers goes through these functions; each is one transaction."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaansepas.accounts.models import Role, User
from zaansepas.accounts.roles import grant_role

from .models import MemberRole, Provider, ProviderMember, ProviderStatus


class ProviderError(ValidationError):
    """A request the rules do not allow. The message is Dutch and meant for the user."""


@dataclass(frozen=True)
class ProviderInput:
    name: str
    kind: str
    kvk_number: str
    iban: str
    account_holder: str
    street: str
    house_number: str
    postcode: str
    town: str
    contact_name: str
    contact_email: str
    contact_phone: str
    website: str = ""
    description: str = ""


def register_provider(
    *, data: ProviderInput, owner_email: str, owner_password: str | None, submission_key
) -> tuple[Provider, bool]:
    """Sign an organisation up. Its owner account is made now but gets the provider role
    only when the pass office approves. Returns (provider, created); the same form sent
    twice returns the first registration."""
    existing = Provider.objects.filter(submission_key=submission_key).first()
    if existing:
        return existing, False
    owner_email = User.objects.normalize_email(owner_email).lower()
    try:
        with transaction.atomic():
            existing = Provider.objects.filter(submission_key=submission_key).first()
            if existing:
                return existing, False
            if Provider.objects.filter(kvk_number=data.kvk_number).exists():
                raise ProviderError(
                    _(
                        "Er is al een organisatie aangemeld met dit KvK-nummer. Neem contact "
                        "op met de Zaanse Pas als u denkt dat dit niet klopt."
                    ),
                    code="kvk_taken",
                )
            owner = User.objects.filter(email=owner_email).first()
            if owner is None:
                owner = User.objects.create_user(
                    owner_email, owner_password, full_name=data.contact_name
                )
            elif owner_password is not None:
                raise ProviderError(
                    _(
                        "Er is al een account met dit e-mailadres. Log eerst in en meld uw "
                        "organisatie daarna aan."
                    ),
                    code="email_taken",
                )
            provider = Provider.objects.create(submission_key=submission_key, **data.__dict__)
            ProviderMember.objects.create(provider=provider, user=owner, role=MemberRole.OWNER)
    except IntegrityError:
        existing = Provider.objects.filter(submission_key=submission_key).first()
        if existing:
            return existing, False
        raise ProviderError(
            _("Er is al een organisatie aangemeld met dit KvK-nummer."), code="kvk_taken"
        ) from None
    return provider, True


def _lock_pending(provider: Provider) -> Provider:
    locked = Provider.objects.select_for_update().get(pk=provider.pk)
    if locked.status != ProviderStatus.PENDING:
        raise ProviderError(_("Over deze aanmelding is al een besluit genomen."), code="decided")
    return locked


def approve_provider(provider: Provider, *, actor, reason: str = "") -> Provider:
    """The organisation may now put offers on the pass; its people get the provider role."""
    with transaction.atomic():
        provider = _lock_pending(provider)
        provider.status = ProviderStatus.APPROVED
        provider.decision_reason = (reason or "").strip()
        provider.decided_by = actor
        provider.decided_at = timezone.now()
        provider.save()
        for member in provider.members.select_related("user"):
            grant_role(member.user, Role.PROVIDER)
    return provider


def reject_provider(provider: Provider, *, actor, reason: str) -> Provider:
    reason = (reason or "").strip()
    if not reason:
        raise ProviderError(
            _("Geef de reden van de afwijzing. De aanbieder krijgt die te zien."), code="reason"
        )
    with transaction.atomic():
        provider = _lock_pending(provider)
        provider.status = ProviderStatus.REJECTED
        provider.decision_reason = reason
        provider.decided_by = actor
        provider.decided_at = timezone.now()
        provider.save()
    return provider


# --- Offers ---------------------------------------------------------------------------------


EDITABLE_STATUSES = ("concept", "afgewezen")  # draft, rejected: the provider may still edit


def create_offer(provider, *, submission_key, values: dict, themes, locations, submit: bool):
    """A new offer from the provider's form, once per form: the same form sent twice gives
    the first offer. Returns (offer, created)."""
    from .models import Offer

    with transaction.atomic():
        # New offers of one provider are made one at a time, so a double click waits for
        # the first request and then finds its key.
        Provider.objects.select_for_update().filter(pk=provider.pk).first()
        if submission_key:
            existing = provider.offers.filter(submission_key=submission_key).first()
            if existing is not None:
                return existing, False
        offer = Offer(provider=provider, submission_key=submission_key)
        _write_draft(offer, values, themes, locations)
        if submit:
            submit_offer(offer)
    return offer, True


def save_offer_draft(offer, *, values: dict, themes, locations, submit: bool):
    """The provider changes a draft or a rejected offer, and may send it in again."""
    from .models import Offer

    with transaction.atomic():
        offer = Offer.objects.select_for_update().select_related("provider").get(pk=offer.pk)
        if offer.status not in EDITABLE_STATUSES:
            raise ProviderError(offer_locked_message(), code="locked")
        _write_draft(offer, values, themes, locations)
        if submit:
            submit_offer(offer)
    return offer


def offer_locked_message() -> str:
    return _("Dit aanbod is al naar de gemeente gestuurd. U kunt het niet meer wijzigen.")


def _write_draft(offer, values, themes, locations) -> None:
    for name, value in values.items():
        setattr(offer, name, value)
    offer.save()
    offer.themes.set(themes)
    offer.locations.set(locations)


def submit_offer(offer):
    """The provider sends an offer to the pass office. Checks its terms and flags it when
    it gives less discount than the norm; nothing goes live before approval."""
    from .models import OfferStatus
    from .pricing import below_discount_norm, check_offer_terms

    check_offer_terms(offer)
    with transaction.atomic():
        if offer.provider.status != ProviderStatus.APPROVED:
            raise ProviderError(_("Uw organisatie is nog niet goedgekeurd."), code="provider")
        offer.below_norm = below_discount_norm(offer)
        offer.status = OfferStatus.SUBMITTED
        offer.review_reason = ""
        offer.submitted_at = timezone.now()
        offer.save()
    return offer


def _lock_submitted_offer(offer):
    from .models import Offer, OfferStatus

    locked = Offer.objects.select_for_update().get(pk=offer.pk)
    if locked.status != OfferStatus.SUBMITTED:
        raise ProviderError(_("Dit aanbod wacht niet op beoordeling."), code="not_submitted")
    return locked


def approve_offer(offer, *, actor, reason: str = ""):
    from .models import OfferStatus

    reason = (reason or "").strip()
    with transaction.atomic():
        offer = _lock_submitted_offer(offer)
        if offer.below_norm and not reason:
            # A low discount can still be worth it (a free cup of coffee with a meal), but
            # the reviewer has to say why.
            raise ProviderError(
                _(
                    "Dit aanbod geeft minder korting dan het minimum. Geef een reden "
                    "als u het toch goedkeurt."
                ),
                code="reason",
            )
        offer.status = OfferStatus.APPROVED
        offer.review_reason = reason
        offer.reviewed_by = actor
        offer.reviewed_at = timezone.now()
        offer.save()
    return offer


def reject_offer(offer, *, actor, reason: str):
    from .models import OfferStatus

    reason = (reason or "").strip()
    if not reason:
        raise ProviderError(
            _("Geef de reden van de afwijzing. De aanbieder krijgt die te zien."), code="reason"
        )
    with transaction.atomic():
        offer = _lock_submitted_offer(offer)
        offer.status = OfferStatus.REJECTED
        offer.review_reason = reason
        offer.reviewed_by = actor
        offer.reviewed_at = timezone.now()
        offer.save()
    return offer
