"""Pass office pages: the review queue, decisions, paper applications, managing passes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.accounts.login_links import ensure_resident_account
from zaansepas.lib.checkdigit import clean_pass_number

from . import actions, applications
from .access import get_application_for_user, get_pass_for_staff
from .eligibility import explain_application
from .forms import ChildFormSet, DecisionForm, PaperApplicationForm, PassSearchForm, ReasonForm
from .models import Application, ApplicationStatus, Channel, Pass
from .views import submit_forms

reviewer_required = permission_required("passes.review_application", raise_exception=True)
manager_required = permission_required("passes.manage_pass", raise_exception=True)


@login_required
@reviewer_required
def review_queue(request):
    status = request.GET.get("status", "open")
    applications = Application.objects.select_related("applicant", "household__district")
    if status == "open":
        applications = applications.filter(
            status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.INFO_REQUESTED]
        )
    elif status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    return render(
        request,
        "passes/staff/queue.html",
        {
            "applications": applications.order_by("submitted_at")[:200],
            "status": status,
            "statuses": ApplicationStatus.choices,
        },
    )


@login_required
@reviewer_required
def review_detail(request, reference):
    application = get_application_for_user(request.user, reference)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action, text = form.cleaned_data["action"], form.cleaned_data["text"]
        try:
            if action == "approve":
                applications.approve_application(application, actor=request.user, reason=text)
                messages.success(
                    request, _("Toegekend. De pas is uitgegeven en de brief is klaar.")
                )
            elif action == "reject":
                applications.reject_application(application, actor=request.user, reason=text)
                messages.success(request, _("Afgewezen. De brief is klaar."))
            else:
                applications.request_information(application, actor=request.user, question=text)
                messages.success(request, _("De vraag is naar de aanvrager gestuurd."))
        except ValidationError as exc:
            form.add_error("text", exc.messages[0])
        else:
            return redirect("passes:review_detail", reference)
    return render(
        request,
        "passes/staff/review.html",
        {
            "application": application,
            "household": application.household,
            "members": application.household.members.all(),
            "children": application.children.all(),
            "reasoning_lines": explain_application(application),
            "form": form,
            "passes": application.passes.select_related("holder"),
        },
    )


@login_required
@reviewer_required
def evidence(request, reference):
    application = get_application_for_user(request.user, reference)
    if not application.evidence:
        raise Http404
    response = FileResponse(
        application.evidence.open("rb"),
        content_type=application.evidence_content_type or "application/octet-stream",
    )
    response["Content-Disposition"] = f'inline; filename="bewijs-{application.reference}"'
    response["Cache-Control"] = "private, no-store"
    return response


def resident_from_email(form):
    email = form.cleaned_data.get("resident_email")
    return ensure_resident_account(email) if email else None


@login_required
@permission_required("passes.enter_paper_application", raise_exception=True)
def paper_application(request):
    if request.method == "POST":
        form = PaperApplicationForm(request.POST, request.FILES)
        children = ChildFormSet(request.POST, prefix="kind")
        result = submit_forms(
            request, form, children, channel=Channel.PAPER, resident_for=resident_from_email
        )
        if result:
            application, created = result
            if created:
                messages.success(request, _("De papieren aanvraag is ingevoerd."))
            else:
                messages.info(request, _("Deze aanvraag was al ingevoerd."))
            return redirect("passes:review_detail", application.reference)
    else:
        form = PaperApplicationForm()
        children = ChildFormSet(prefix="kind")
    return render(
        request, "passes/staff/paper_application.html", {"form": form, "children": children}
    )


@login_required
@manager_required
def pass_search(request):
    form = PassSearchForm(request.GET or None)
    results = []
    if form.is_valid() and form.cleaned_data["q"]:
        q = form.cleaned_data["q"].strip()
        number = clean_pass_number(q)
        filters = Q(holder__last_name__icontains=q) | Q(holder__first_name__icontains=q)
        filters |= Q(household__postcode__iexact=q.upper())
        if number.isdigit():
            filters |= Q(number=number)
        results = Pass.objects.filter(filters).select_related("holder", "household")[:50]
    return render(request, "passes/staff/pass_search.html", {"form": form, "results": results})


@login_required
@manager_required
def pass_detail(request, number):
    pass_card = get_pass_for_staff(request.user, number)
    return render(
        request,
        "passes/staff/pass_detail.html",
        {
            "pass": pass_card,
            "events": pass_card.events.select_related("actor")[:50],
            "form": ReasonForm(),
        },
    )


STAFF_PASS_ACTIONS = {
    "block": (actions.block_pass, _("De pas is geblokkeerd.")),
    "unblock": (actions.unblock_pass, _("De blokkade is opgeheven.")),
    "replace": (
        actions.replace_card,
        _("Er is een nieuwe kaart gemaakt. De oude werkt niet meer."),
    ),
    "renew": (actions.renew_pass, _("De pas is met een jaar verlengd.")),
}


@login_required
@manager_required
@require_POST
def pass_action(request, number, action):
    pass_card = get_pass_for_staff(request.user, number)
    if action not in STAFF_PASS_ACTIONS:
        raise Http404
    function, done = STAFF_PASS_ACTIONS[action]
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden."))
        return redirect("passes:staff_pass_detail", number)
    try:
        function(pass_card, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, done)
    return redirect("passes:staff_pass_detail", number)
