"""Fetch providers and offers together with the permission check. Missing and forbidden
both answer "not found", so nobody learns which offers of other providers exist."""

from django.http import Http404

from .models import MemberRole, Offer, Provider, ProviderMember, ProviderStatus


def provider_for_user(user) -> Provider | None:
    """The approved provider this user works for (owner or till staff); the first if several."""
    if not user.is_authenticated:
        return None
    return (
        Provider.objects.filter(members__user=user, status=ProviderStatus.APPROVED)
        .order_by("pk")
        .first()
    )


def is_owner(user, provider: Provider | None) -> bool:
    """May this user manage the provider's offers? Till staff may not."""
    if provider is None or not user.is_authenticated:
        return False
    return ProviderMember.objects.filter(
        provider=provider, user=user, role=MemberRole.OWNER
    ).exists()


def owned_provider_for_user(user) -> Provider:
    """The provider whose offers this user may manage, or 404."""
    provider = provider_for_user(user)
    if provider is None or not is_owner(user, provider):
        raise Http404
    return provider


def get_offer_for_provider(user, pk) -> Offer:
    """An offer of an approved provider the user is an owner of; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    offer = (
        Offer.objects.select_related("provider")
        .filter(
            pk=pk,
            provider__status=ProviderStatus.APPROVED,
            provider__members__user=user,
            provider__members__role=MemberRole.OWNER,
        )
        .first()
    )
    if offer is None:
        raise Http404
    return offer


def get_offer_for_reviewer(user, pk) -> Offer:
    """Any offer, for the pass office; 404 for everyone else and for a missing offer."""
    if not (user.is_authenticated and user.has_perm("offers.review_offer")):
        raise Http404
    offer = Offer.objects.select_related("provider", "group").filter(pk=pk).first()
    if offer is None:
        raise Http404
    return offer
