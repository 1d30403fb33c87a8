"""Resident pages: apply, follow the application, pay, show the pass."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from zaansepas.lib.checkdigit import format_pass_number

from . import actions, applications, payments
from .access import get_application_for_user, get_pass_for_resident, passes_for_resident
from .codes import current_step, make_qr_code
from .eligibility import explain_application
from .forms import ApplicationForm, ChildFormSet, InformationReplyForm, ResidentBlockForm
from .letters import render_card
from .models import Application, ApplicationStatus, Channel, PassStatus, Payment, Person
from .qr import qr_svg


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def children_from(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms if f.cleaned_data.get("filled")]


def add_action_error(form, exc: ValidationError) -> None:
    field = {
        "postcode": "postcode",
        "outside": "postcode",
        "income": "monthly_income",
        "evidence": "evidence",
        "partner": "partner_first_name",
        "age": "birth_date",
        "child_age": None,
    }.get(exc.code)
    form.add_error(field, exc.messages[0])


def submit_forms(request, form, children, *, channel, resident_for):
    """Validate the application form and its child rows, then submit in one transaction.

    Returns (application, created), or None with the errors put on the form.
    `resident_for(form)` gives the resident's account; it runs inside the transaction, so
    an account made for a paper application is not left behind when the rules refuse it.
    """
    if form.is_valid() and children.is_valid():
        try:
            with transaction.atomic():
                return applications.submit_application(
                    data=form.to_input(children_from(children)),
                    submitted_by=request.user,
                    submission_key=form.cleaned_data["submission_key"],
                    channel=channel,
                    resident_user=resident_for(form),
                )
        except ValidationError as exc:
            add_action_error(form, exc)
    warn_to_choose_file_again(form, request)
    return None


def warn_to_choose_file_again(form, request) -> None:
    """A browser never re-sends a file after an error page; say so, or the resident only
    finds out at the next error."""
    if request.FILES.get("evidence") and form.errors and "evidence" not in form.errors:
        form.add_error(
            "evidence", _("Kies het bestand opnieuw. Na een foutmelding moet dat nog een keer.")
        )


def initial_from_household(user) -> dict:
    person = Person.objects.filter(user=user).select_related("household").first()
    if person is None:
        return {}
    household = person.household
    partner = household.members.filter(role="partner").first()
    initial = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "birth_date": person.birth_date,
        "street": household.street,
        "house_number": household.house_number,
        "postcode": household.postcode,
        "town": household.town,
    }
    if partner:
        initial.update(
            has_partner=True,
            partner_first_name=partner.first_name,
            partner_last_name=partner.last_name,
            partner_birth_date=partner.birth_date,
        )
    return initial


@login_required
def apply(request):
    open_application = Application.objects.filter(
        applicant__user=request.user,
        status__in=[
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.INFO_REQUESTED,
            ApplicationStatus.AWAITING_PAYMENT,
        ],
    ).first()
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        children = ChildFormSet(request.POST, prefix="kind")
        result = submit_forms(
            request, form, children, channel=Channel.ONLINE, resident_for=lambda form: request.user
        )
        if result:
            application, created = result
            if created:
                messages.success(request, _("We hebben uw aanvraag ontvangen."))
            else:
                messages.info(request, _("We hadden uw aanvraag al ontvangen."))
            return redirect("passes:application_detail", application.reference)
    else:
        if open_application:
            return redirect("passes:application_detail", open_application.reference)
        form = ApplicationForm(initial=initial_from_household(request.user))
        children = ChildFormSet(prefix="kind")
    return render(request, "passes/apply.html", {"form": form, "children": children})


@login_required
def application_detail(request, reference):
    application = get_application_for_user(request.user, reference)
    reply_form = InformationReplyForm()
    if request.method == "POST":
        reply_form = InformationReplyForm(request.POST, request.FILES)
        if reply_form.is_valid():
            try:
                applications.provide_information(
                    application,
                    note=reply_form.cleaned_data["note"],
                    evidence=reply_form.cleaned_data.get("evidence"),
                    evidence_content_type=reply_form.evidence_content_type,
                )
            except ValidationError as exc:
                reply_form.add_error(None, exc.messages[0])
            else:
                messages.success(request, _("Bedankt. We kijken opnieuw naar uw aanvraag."))
                return redirect("passes:application_detail", reference)
    return render(
        request,
        "passes/application_detail.html",
        {
            "application": application,
            "reasoning_lines": explain_application(application),
            "reply_form": reply_form,
            "passes": application.passes.select_related("holder"),
        },
    )


@login_required
def application_letter(request, reference):
    application = get_application_for_user(request.user, reference)
    if not application.decision_letter:
        raise Http404
    with application.decision_letter.open("rb") as handle:
        return pdf_response(handle.read(), f"besluit-{application.reference}.pdf")


@login_required
@require_POST
def pay(request, reference):
    application = get_application_for_user(request.user, reference)
    if application.status != ApplicationStatus.AWAITING_PAYMENT:
        messages.info(request, _("U hoeft voor deze aanvraag niets te betalen."))
        return redirect("passes:application_detail", reference)
    try:
        payment = payments.start_payment(application)
    except payments.PaymentUnavailable:
        messages.error(
            request,
            _(
                "Online betalen kan nu niet. Bel 14 075 of kom langs bij "
                "het stadhuis; dan helpen we u verder."
            ),
        )
        return redirect("passes:application_detail", reference)
    return redirect(payment.checkout_url)


@login_required
def payment_return(request, reference):
    application = get_application_for_user(request.user, reference)
    payment = application.payments.first()
    if payment is not None:
        payment = payments.refresh_payment(payment)
        if payment.status == "betaald":
            messages.success(request, _("Betaling gelukt. Uw pas is klaar."))
            return redirect("passes:my_pass")
        if payment.status != "open":
            messages.error(request, _("De betaling is niet gelukt. U kunt het opnieuw proberen."))
    return redirect("passes:application_detail", reference)


@csrf_exempt
@require_POST
def payment_webhook(request):
    # Mollie posts only an id; we ask Mollie itself for the status, so a forged call
    # can at most make us look something up.
    payment = Payment.objects.filter(external_id=request.POST.get("id", "")).first()
    if payment is not None:
        # A provider no longer configured: nothing to do with its calls.
        with contextlib.suppress(payments.PaymentUnavailable):
            payments.refresh_payment(payment)
    return HttpResponse(status=200)


@login_required
def demo_checkout(request, external_id):
    if not payments.demo_payments_allowed():
        raise Http404
    payment = get_object_or_404(Payment, external_id=external_id, provider="demo")
    application = get_application_for_user(request.user, payment.application.reference)
    if request.method == "POST":
        payments.mark_demo_payment(payment, paid=request.POST.get("choice") == "pay")
        return redirect("passes:payment_return", application.reference)
    return render(
        request, "passes/demo_checkout.html", {"payment": payment, "application": application}
    )


@login_required
def my_pass(request):
    household_passes = list(
        passes_for_resident(request.user).order_by("holder__role", "holder__birth_date")
    )
    applications = Application.objects.filter(applicant__user=request.user).order_by(
        "-submitted_at"
    )[:5]
    selected = None
    if household_passes:
        wanted = request.GET.get("pas")
        selected = next((p for p in household_passes if p.number == wanted), household_passes[0])
    context = {
        "passes": household_passes,
        "selected": selected,
        "applications": applications,
        "block_form": ResidentBlockForm(),
    }
    if selected is not None:
        # What this pass was used for: the holder's own history, never shown to a till.
        context["history"] = selected.redemptions.select_related("offer", "provider").order_by(
            "-redeemed_at"
        )[:10]
    if selected is not None and selected.status == PassStatus.ACTIVE:
        context["qr"] = qr_svg(make_qr_code(selected))
        context["number"] = format_pass_number(selected.number)
    elif selected is not None:
        context["number"] = format_pass_number(selected.number)
    return render(request, "passes/my_pass.html", context)


@never_cache
@login_required
def pass_qr(request, number):
    """A fresh QR for the pass page's refresh script. Never cached: a cached QR goes stale."""
    pass_card = get_pass_for_resident(request.user, number)
    if pass_card.status != PassStatus.ACTIVE:
        return JsonResponse({"error": _("Deze pas is niet actief.")}, status=409)
    return JsonResponse({"svg": qr_svg(make_qr_code(pass_card)), "step": current_step()})


@login_required
def pass_card_pdf(request, number):
    pass_card = get_pass_for_resident(request.user, number)
    if pass_card.status != PassStatus.ACTIVE:
        raise Http404
    return pdf_response(render_card(pass_card), f"zaanse-pas-{pass_card.number}.pdf")


@login_required
@require_POST
def block_own_pass(request, number):
    pass_card = get_pass_for_resident(request.user, number)
    form = ResidentBlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies waarom u de pas wilt blokkeren."))
        return redirect(f"{_my_pass_url()}?pas={number}")
    try:
        actions.block_pass(
            pass_card,
            actor=request.user,
            reason=dict(form.fields["reason"].choices)[form.cleaned_data["reason"]],
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("De pas is geblokkeerd. Niemand kan hem nu nog gebruiken."))
    return redirect(f"{_my_pass_url()}?pas={number}")


@login_required
@require_POST
def replace_own_card(request, number):
    pass_card = get_pass_for_resident(request.user, number)
    try:
        actions.replace_card(pass_card, actor=request.user, reason=_("aangevraagd door de inwoner"))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("U heeft een nieuwe pas. De oude pas werkt niet meer."))
    return redirect(f"{_my_pass_url()}?pas={number}")


def _my_pass_url() -> str:
    from django.urls import reverse

    return reverse("passes:my_pass")
