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
