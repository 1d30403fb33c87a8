"""The resident's wallet page: what is on the pass, from which source, until when; and
topping up own money through the payment provider."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from zaansepas.lib.money import english_active, parse_euro
from zaansepas.passes.access import get_pass_for_resident, passes_for_resident
from zaansepas.passes.payments import PaymentUnavailable, demo_payments_allowed

from .models import TopUp, TopUpStatus
from .statements import history_of, sources_of
from .topups import mark_demo_top_up, refresh_top_up, start_top_up

TOP_UP_CHOICES = [500, 1000, 2000, 5000]


@login_required
def wallet(request):
    passes = list(passes_for_resident(request.user).order_by("holder__role", "holder__birth_date"))
    wanted = request.GET.get("pas")
    selected = next((p for p in passes if p.number == wanted), passes[0] if passes else None)
    context = {"passes": passes, "selected": selected, "top_up_choices": TOP_UP_CHOICES}
    if selected is not None:
        _settle_open_top_ups(request, selected)
        sources = sources_of(selected, timezone.localdate())
        context.update(
            sources=sources,
            total_cents=sum(s.balance_cents for s in sources),
            history=history_of(selected),
        )
    return render(request, "wallet/wallet.html", context)


def _settle_open_top_ups(request, pass_card) -> None:
    """Back from the payment page (or later): ask the provider about open top-ups."""
    for row in TopUp.objects.filter(pass_card=pass_card, status=TopUpStatus.OPEN)[:5]:
        with contextlib.suppress(PaymentUnavailable):
            row = refresh_top_up(row)
        if row.status == TopUpStatus.PAID:
            messages.success(request, _("Opgewaardeerd. Het geld staat op de pas."))
        elif row.status != TopUpStatus.OPEN:
            messages.error(request, _("Het opwaarderen is niet gelukt. Er is niets afgeschreven."))


@login_required
@require_POST
def top_up(request, number):
    pass_card = get_pass_for_resident(request.user, number)
    back = reverse("wallet:wallet") + f"?pas={number}"
    try:
        amount = parse_euro(request.POST.get("amount", ""), english=english_active())
    except ValueError:
        messages.error(request, _("Kies een bedrag van € 5 tot en met € 150."))
        return redirect(back)
    try:
        row = start_top_up(pass_card, amount)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect(back)
    except PaymentUnavailable:
        messages.error(request, _("Opwaarderen kan nu niet. Probeer het later opnieuw."))
        return redirect(back)
    return redirect(row.checkout_url)


@csrf_exempt
@require_POST
def top_up_webhook(request):
    # The provider posts only an id; we ask the provider itself for the status, so a
    # forged call can at most make us look something up.
    row = TopUp.objects.filter(external_id=request.POST.get("id", "")).first()
    if row is not None:
        with contextlib.suppress(PaymentUnavailable):
            refresh_top_up(row)
    return HttpResponse(status=200)


@login_required
def demo_checkout(request, external_id):
    if not demo_payments_allowed():
        raise Http404
    row = get_object_or_404(TopUp, external_id=external_id, provider="demo")
    get_pass_for_resident(request.user, row.pass_card.number)
    if request.method == "POST":
        mark_demo_top_up(row, paid=request.POST.get("choice") == "pay")
        return redirect(reverse("wallet:wallet") + f"?pas={row.pass_card.number}")
    return render(request, "wallet/demo_checkout.html", {"top_up": row})
