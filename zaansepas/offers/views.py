"""Provider sign-up and the pass office's review of sign-ups; a provider's own offers and
the pass office's review of offers."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zaansepas.lib.money import format_euro_nowrap as euro

from . import actions, notifications
from .access import (
    get_offer_for_provider,
    get_offer_for_reviewer,
    is_owner,
    owned_provider_for_user,
    provider_for_user,
)
from .forms import (
    AUDIENCE_FIELDS,
    OfferDecisionForm,
    OfferForm,
    ProviderDecisionForm,
    ProviderSignupForm,
)
from .models import Offer, OfferKind, OfferStatus, Provider, ProviderStatus
from .pricing import below_discount_norm, describe_price, discount_percent, price_for

FIELD_FOR_CODE = {"kvk_taken": "kvk_number", "email_taken": "contact_email"}


def signup(request):
    logged_in = request.user.is_authenticated
    form = ProviderSignupForm(request.POST or None, needs_password=not logged_in)
    if request.method == "POST" and form.is_valid():
        try:
            provider, created = actions.register_provider(
                data=form.to_input(),
                owner_email=request.user.email if logged_in else form.cleaned_data["contact_email"],
                owner_password=None if logged_in else form.cleaned_data["password"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as exc:
            form.add_error(FIELD_FOR_CODE.get(exc.code), exc.messages[0])
        else:
            if created:
                notifications.send_signup_received(provider)
            return redirect("offers:signup_received")
    return render(request, "offers/signup.html", {"form": form, "logged_in": logged_in})


def signup_received(request):
    return render(request, "offers/signup_received.html")


reviewer_required = permission_required("offers.review_provider", raise_exception=True)


@login_required
@reviewer_required
def review_queue(request):
    providers = Provider.objects.order_by("created_at")
    status = request.GET.get("status", ProviderStatus.PENDING)
    if status in ProviderStatus.values:
        providers = providers.filter(status=status)
    return render(
        request,
        "offers/staff/queue.html",
        {"providers": providers[:200], "status": status, "statuses": ProviderStatus.choices},
    )


@login_required
@reviewer_required
def review_detail(request, pk):
    provider = Provider.objects.filter(pk=pk).first()
    if provider is None:
        raise Http404
    form = ProviderDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "approve":
                actions.approve_provider(
                    provider, actor=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Goedgekeurd. De aanbieder kan nu aanbod invoeren."))
            elif action == "reject":
                actions.reject_provider(
                    provider, actor=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Afgewezen. De aanbieder krijgt de reden te zien."))
            else:
                raise Http404
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            provider.refresh_from_db()
            notifications.send_decision(provider)
            return redirect("offers:review_detail", pk)
    return render(
        request,
        "offers/staff/review.html",
        {"provider": provider, "form": form, "members": provider.members.select_related("user")},
    )


# --- Offers: how they read ------------------------------------------------------------------


def provider_price_sentence(offer) -> str:
    """The price said to the provider: 'U vraagt € 10,00 in plaats van € 12,50.'"""
    if offer.kind == OfferKind.CATEGORY:
        return _("U geeft %(terms)s.") % {"terms": describe_price(offer)}
    price = price_for(offer)
    if price.pass_price_cents:
        return _("U vraagt %(price)s.") % {"price": describe_price(offer)}
    if price.regular_cents:
        return _("Pashouders betalen niets. De normale prijs is %(regular)s.") % {
            "regular": euro(price.regular_cents)
        }
    return _("Pashouders betalen niets.")


def _limit(count, period_label) -> str:
    if count is None:
        return _("geen maximum")
    times = ngettext("%(n)s keer", "%(n)s keer", count) % {"n": count}
    return f"{times} {period_label}"


def offer_terms(offer) -> list[tuple[str, str]]:
    """All terms of an offer as (label, text) rows, for a read-only page."""
    rows = [
        (_("Soort aanbod"), offer.get_kind_display()),
        (_("Prijs voor pashouders"), describe_price(offer)),
    ]
    money = [
        (_("Normale prijs"), offer.regular_price_cents),
        (_("Korting in euro"), offer.amount_off_cents),
        (_("Pasprijs"), offer.pass_price_cents),
        (_("Maximale korting"), offer.discount_cap_cents),
    ]
    rows += [(label, euro(cents)) for label, cents in money if cents is not None]
    if offer.percent_off is not None:
        rows.append((_("Korting in procent"), f"{offer.percent_off}%"))
    audience = [
        str(offer._meta.get_field(name).verbose_name)
        for name in AUDIENCE_FIELDS
        if getattr(offer, name)
    ]
    themes = [theme.name for theme in offer.themes.all()]
    places = [
        f"{place.name}, {place.street} {place.house_number}" for place in offer.locations.all()
    ]
    rows += [
        (_("Voor wie"), ", ".join(audience) or _("niemand gekozen")),
        (_("Thema's"), ", ".join(themes) or _("geen")),
        (_("Locaties"), "; ".join(places) or _("alle locaties")),
        (
            _("Geldig"),
            _("%(start)s tot en met %(end)s")
            % {
                "start": offer.valid_from.strftime("%d-%m-%Y"),
                "end": offer.valid_until.strftime("%d-%m-%Y"),
            },
        ),
        (_("Per pas"), _limit(offer.per_pass_limit, offer.get_per_pass_period_display())),
        (
            _("Per huishouden"),
            _limit(offer.per_household_limit, offer.get_per_household_period_display()),
        ),
        (_("In totaal"), _limit(offer.global_quota, "")),
    ]
    if offer.capacity_per_date is not None:
        rows.append((_("Plekken per dag"), str(offer.capacity_per_date)))
    if offer.group_id:
        rows.append((_("Keuzegroep"), str(offer.group)))
    return rows


# --- Offers: the provider's own pages -------------------------------------------------------

EDITABLE = actions.EDITABLE_STATUSES


@login_required
def provider_offers(request):
    provider = provider_for_user(request.user)
    if provider is None:
        raise Http404
    offers = provider.offers.order_by("-created_at", "-pk")
    return render(
        request,
        "offers/provider/offers.html",
        {
            "provider": provider,
            "owner": is_owner(request.user, provider),
            "rows": [(offer, describe_price(offer)) for offer in offers],
        },
    )


def _submission_key(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None  # the form itself says what is wrong


def _draft_fields(form) -> dict:
    return {
        "values": form.offer_values(),
        "themes": form.chosen_themes(),
        "locations": form.chosen_locations(),
    }


def _saved_message(request, offer, submitted: bool) -> None:
    if submitted:
        messages.success(
            request,
            _("Uw aanbod is naar de gemeente gestuurd."),
        )
    else:
        messages.success(
            request,
            _("Opgeslagen als concept. Pashouders zien het aanbod nog niet."),
        )


@login_required
def offer_new(request):
    provider = owned_provider_for_user(request.user)
    form = OfferForm(request.POST or None, provider=provider)
    if request.method == "POST":
        key = _submission_key(request.POST.get("submission_key", ""))
        existing = provider.offers.filter(submission_key=key).first() if key else None
        if existing is not None:
            messages.info(request, _("Dit aanbod was al opgeslagen."))
            return redirect("offers:provider_offer", existing.pk)
        if form.is_valid():
            submit = request.POST.get("action") == "submit"
            try:
                offer, created = actions.create_offer(
                    provider, submission_key=key, submit=submit, **_draft_fields(form)
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages[0])
            else:
                if created:
                    _saved_message(request, offer, submit)
                else:
                    messages.info(request, _("Dit aanbod was al opgeslagen."))
                return redirect("offers:provider_offer", offer.pk)
    return render(
        request,
        "offers/provider/offer_form.html",
        {"provider": provider, "form": form, "offer": None},
    )


@login_required
def provider_offer(request, pk):
    offer = get_offer_for_provider(request.user, pk)
    editable = offer.status in EDITABLE
    if request.method == "POST" and not editable:
        messages.error(request, actions.offer_locked_message())
        return redirect("offers:provider_offer", offer.pk)
    form = None
    if editable:
        form = OfferForm(request.POST or None, provider=offer.provider, offer=offer)
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        try:
            offer = actions.save_offer_draft(offer, submit=submit, **_draft_fields(form))
        except ValidationError as exc:
            if exc.code == "locked":
                messages.error(request, exc.messages[0])
                return redirect("offers:provider_offer", offer.pk)
            form.add_error(None, exc.messages[0])
        else:
            _saved_message(request, offer, submit)
            return redirect("offers:provider_offer", offer.pk)
    return render(
        request,
        "offers/provider/offer_form.html",
        {
            "provider": offer.provider,
            "form": form,
            "offer": offer,
            "price_sentence": provider_price_sentence(offer),
            "below_norm": editable and below_discount_norm(offer),
            "terms": None if editable else offer_terms(offer),
            "norm": settings.OFFER_MIN_DISCOUNT_PERCENT,
        },
    )


# --- Offers: the pass office's review -------------------------------------------------------

offer_reviewer_required = permission_required("offers.review_offer", raise_exception=True)


@login_required
@offer_reviewer_required
def offer_review_queue(request):
    status = request.GET.get("status", OfferStatus.SUBMITTED)
    offers = Offer.objects.select_related("provider").order_by("submitted_at", "created_at", "pk")
    if status in OfferStatus.values:
        offers = offers.filter(status=status)
    return render(
        request,
        "offers/staff/offer_queue.html",
        {
            "rows": [(offer, describe_price(offer)) for offer in offers[:200]],
            "status": status,
            "statuses": OfferStatus.choices,
        },
    )


@login_required
@offer_reviewer_required
def offer_review_detail(request, pk):
    offer = get_offer_for_reviewer(request.user, pk)
    form = OfferDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action, reason = request.POST.get("action"), form.cleaned_data["reason"]
        try:
            if action == "approve":
                actions.approve_offer(offer, actor=request.user, reason=reason)
                messages.success(request, _("Goedgekeurd. Pashouders kunnen het aanbod nu zien."))
            elif action == "reject":
                actions.reject_offer(offer, actor=request.user, reason=reason)
                messages.success(request, _("Afgewezen. De aanbieder ziet de reden."))
            else:
                raise Http404
        except ValidationError as exc:
            form.add_error("reason", exc.messages[0])
        else:
            return redirect("offers:offer_review_detail", offer.pk)
    return render(
        request,
        "offers/staff/offer_review.html",
        {
            "offer": offer,
            "form": form,
            "terms": offer_terms(offer),
            "discount": discount_percent(offer),
            "norm": settings.OFFER_MIN_DISCOUNT_PERCENT,
        },
    )
