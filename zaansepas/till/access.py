"""Who may use the till: members (owner or till staff) of an approved provider."""

from django.http import Http404

from zaansepas.offers.models import Provider, ProviderStatus


def till_provider_for(user) -> Provider:
    if not user.is_authenticated:
        raise Http404
    provider = (
        Provider.objects.filter(members__user=user, status=ProviderStatus.APPROVED)
        .order_by("pk")
        .first()
    )
    if provider is None:
        raise Http404
    return provider


def owned_provider_for(user) -> Provider:
    """The approved provider this user is an owner of (for managing till devices)."""
    if not user.is_authenticated:
        raise Http404
    provider = (
        Provider.objects.filter(
            members__user=user, members__role="eigenaar", status=ProviderStatus.APPROVED
        )
        .order_by("pk")
        .first()
    )
    if provider is None:
        raise Http404
    return provider
