"""Provider sign-up, and the pass office's review of sign-ups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import actions, notifications
from .forms import ProviderDecisionForm, ProviderSignupForm
from .models import Provider, ProviderStatus

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
