"""The resident's wallet page: what is on the pass, from which source, until when."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from zaansepas.passes.access import passes_for_resident

from .statements import history_of, sources_of


@login_required
def wallet(request):
    passes = list(passes_for_resident(request.user).order_by("holder__role", "holder__birth_date"))
    wanted = request.GET.get("pas")
    selected = next((p for p in passes if p.number == wanted), passes[0] if passes else None)
    context = {"passes": passes, "selected": selected}
    if selected is not None:
        sources = sources_of(selected, timezone.localdate())
        context.update(
            sources=sources,
            total_cents=sum(s.balance_cents for s in sources),
            history=history_of(selected),
        )
    return render(request, "wallet/wallet.html", context)
