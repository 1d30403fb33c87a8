"""Public catalogue pages: list with search and filters, and one offer."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from zaansepas.city.models import Area, AreaKind, PolicyTheme

from .catalogue import Filters, for_you, live_offers, search
from .pricing import describe_price
from .reservation_views import booking_context

TARGET_LABELS = [
    ("kinderen", _("kinderen")),
    ("65plus", _("65-plussers")),
    ("laag-inkomen", _("mensen met een laag inkomen")),
    ("mantelzorgers", _("mantelzorgers")),
]


def catalogue(request):
    filters = Filters(
        **{name: request.GET.get(name, "")[:100] for name in Filters.__dataclass_fields__}
    )
    page = Paginator(search(filters), 20).get_page(request.GET.get("pagina"))
    show_for_you = page.number == 1 and not any(filters.__dict__.values())
    return render(
        request,
        "offers/catalogue/list.html",
        {
            "filters": filters,
            "page": page,
            "results": [(offer, describe_price(offer)) for offer in page],
            "themes": PolicyTheme.objects.filter(is_active=True),
            "wijken": Area.objects.filter(kind=AreaKind.DISTRICT).order_by("name"),
            "targets": TARGET_LABELS,
            "for_you": [(o, describe_price(o)) for o in for_you(request.user)]
            if show_for_you
            else [],
            "query_string": urlencode({k: v for k, v in filters.__dict__.items() if v}),
        },
    )


def detail_context(request, offer) -> dict:
    return {
        "offer": offer,
        "price_text": describe_price(offer),
        "locations": [loc for loc in offer.locations.all() if loc.is_active]
        or list(offer.provider.locations.filter(is_active=True).prefetch_related("opening_hours")),
        **booking_context(request.user, offer),
    }


def offer_detail(request, pk):
    offer = (
        live_offers().filter(pk=pk).prefetch_related("locations__opening_hours", "themes").first()
    )
    if offer is None:
        raise Http404
    return render(request, "offers/catalogue/detail.html", detail_context(request, offer))
