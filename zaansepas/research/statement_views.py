"""Statements: the overview with filters, recoding one (inline or on its own page), and
deleting one typed by mistake."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.lib.view_actions import submit_form

from .access import get_statement_for_staff, require_researcher
from .actions import delete_statement, recode_statement
from .forms import CodingForm, CodingOptions, StatementEditForm, StatementFilterForm
from .overview import statements_for, uncoded_count

PAGE_SIZE = 50
CODING_FIELDS = ("kind", "theme", "target_group", "district")


SELECT_CLASS = "utrecht-select utrecht-select--html-select"


def statement_rows(statements, options: CodingOptions) -> list[dict]:
    """Each statement with the selects of its inline recoding form. Rendered here from one
    set of choices: Django's widget templates took seconds for a page of 50 statements."""
    form = CodingForm(options=options)
    choices = {
        name: [(str(value), escape(str(label))) for value, label in form.fields[name].choices]
        for name in CODING_FIELDS
    }
    rows = []
    for statement in statements:
        current = {
            "kind": statement.kind,
            "theme": str(statement.theme_id or ""),
            "target_group": statement.target_group,
            "district": str(statement.district_id or ""),
        }
        selects = []
        for name in CODING_FIELDS:
            html_name = f"s{statement.pk}-{name}"
            html_id = f"id_{html_name}"
            option_html = "".join(
                f'<option value="{escape(value)}"{" selected" if value == current[name] else ""}>'
                f"{label}</option>"
                for value, label in choices[name]
            )
            selects.append(
                {
                    "id": html_id,
                    "label": form.fields[name].label,
                    "html": mark_safe(  # noqa: S308 - every value and label is escaped above
                        f'<select name="{html_name}" id="{html_id}" class="{SELECT_CLASS}">'
                        f"{option_html}</select>"
                    ),
                }
            )
        rows.append({"statement": statement, "selects": selects})
    return rows


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def source_url(statement) -> str:
    if statement.session_id:
        return reverse("research:session_detail", args=[statement.session_id])
    return reverse("research:interview_detail", args=[statement.interview_id])


@login_required
def statement_list(request):
    require_researcher(request.user)
    options = CodingOptions.load()
    form = StatementFilterForm(request.GET or None, options=options)
    rows, page, status = [], None, 200
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        filters = form.cleaned_data if form.is_bound else {}
        page = Paginator(statements_for(filters), PAGE_SIZE).get_page(request.GET.get("pagina"))
        rows = statement_rows(page.object_list, options)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "research/statement_list.html",
        {
            "tab": "statements",
            "form": form,
            "rows": rows,
            "page": page,
            "query": query.urlencode(),
            "uncoded": uncoded_count(),
            "next_url": request.get_full_path(),
        },
        status=status,
    )


@login_required
@require_POST
def statement_recode(request, pk):
    """The inline form of a list: on success back to the list, else the statement's own
    page with the errors."""
    statement = get_statement_for_staff(request.user, pk)
    options = CodingOptions.load()
    prefix = f"s{statement.pk}"
    form = CodingForm(request.POST, options=options, prefix=prefix)
    problem = None
    if form.is_valid():
        try:
            recode_statement(statement, **form.coding())
        except ValidationError as exc:
            problem = exc
        else:
            messages.success(request, _("Codering opgeslagen."))
            return redirect(safe_next(request, source_url(statement)))
    # The same values on the statement's own page, where the errors have room.
    data = {"text": statement.text}
    data.update({name: request.POST.get(f"{prefix}-{name}", "") for name in form.fields})
    edit_form = StatementEditForm(data, options=options)
    if edit_form.is_valid() and problem is not None:
        edit_form.add_error(None, problem)
    return _render_edit(request, statement, edit_form, status=400)


@login_required
def statement_edit(request, pk):
    statement = get_statement_for_staff(request.user, pk)
    options = CodingOptions.load()
    if request.method == "POST":
        form = StatementEditForm(request.POST, options=options)
        response = submit_form(
            request,
            form,
            lambda: recode_statement(statement, text=form.cleaned_data["text"], **form.coding()),
            _("Uitspraak opgeslagen."),
            safe_next(request, source_url(statement)),
        )
        if response is not None:
            return response
        return _render_edit(request, statement, form, status=400)
    return _render_edit(request, statement, StatementEditForm.for_statement(statement, options))


def _render_edit(request, statement, form, status=200):
    return render(
        request,
        "research/statement_edit.html",
        {
            "tab": "statements",
            "statement": statement,
            "form": form,
            "source_url": source_url(statement),
            "next_url": safe_next(request, source_url(statement)),
        },
        status=status,
    )


@login_required
@require_POST
def statement_delete(request, pk):
    statement = get_statement_for_staff(request.user, pk)
    back = source_url(statement)
    delete_statement(statement)
    messages.success(request, _("Uitspraak verwijderd."))
    return redirect(safe_next(request, back))
