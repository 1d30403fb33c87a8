"""The longlist pages for researchers: the list per year and kind with filters, one item
with its evidence (edit, status, offers, merge), and the gap view. Thin: parse, call
longlists.py, render. Missing and forbidden items both answer "not found"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zaansepas.lib.downloads import xlsx_download
from zaansepas.lib.view_actions import act_and_redirect, submit_form
from zaansepas.offers.models import Offer
from zaansepas.research.access import require_researcher
from zaansepas.research.models import TargetGroup

from . import longlists
from .longlist_export import longlists_workbook
from .longlist_forms import ItemForm, LonglistFilterForm, NewItemForm, StatusForm
from .models import AnswerTheme, ListKind, LonglistItem

OFFERS_FOUND = 20


def get_item_for_researcher(user, pk) -> LonglistItem:
    require_researcher(user)
    item = LonglistItem.objects.select_related("merged_into", "survey").filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


@login_required
def longlist(request):
    require_researcher(request.user)
    form = LonglistFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    year = filters.get("year") or timezone.localdate().year
    kind = filters.get("kind") or ListKind.NEED
    items = longlists.active_items(year, kind)
    if filters.get("theme"):
        items = items.filter(themes=filters["theme"])
    if filters.get("status"):
        items = items.filter(status=filters["status"])
    items = list(items)
    if filters.get("group"):
        # A JSON list: filtered here, portable across SQLite and PostgreSQL.
        items = [item for item in items if filters["group"] in item.target_groups]
    return render(
        request,
        "insights/longlists/list.html",
        {
            "form": form,
            "year": year,
            "kind": kind,
            "kind_label": ListKind(kind).label,
            "items": items,
            "group_labels": dict(TargetGroup.choices),
            "new_form": NewItemForm(initial={"kind": kind}),
            "tab": kind,
        },
    )


@login_required
def longlist_xlsx(request):
    """Both lists of a scan year and the gap view as one Excel file."""
    require_researcher(request.user)
    year = _year(request)
    return xlsx_download(longlists_workbook(year), f"groslijsten-{year}.xlsx")


@login_required
@require_POST
def longlist_build(request):
    require_researcher(request.user)
    year = _year(request)
    try:
        created = longlists.build_longlist_from_statements(year)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(n)s nieuwe items uit de uitspraken van %(year)s.")
            % {"n": len(created), "year": year},
        )
    return redirect(f"{_list_url()}?year={year}")


@login_required
@require_POST
def longlist_new(request):
    require_researcher(request.user)
    year = _year(request)
    form = NewItemForm(request.POST)
    if form.is_valid():
        try:
            item = longlists.create_item(year=year, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("insights:longlist_item", item.pk)
    else:
        messages.error(request, _("Geef het nieuwe item een lijst en een titel."))
    return redirect(f"{_list_url()}?year={year}")


@login_required
def longlist_item(request, pk):
    item = get_item_for_researcher(request.user, pk)
    if item.is_merged:
        messages.info(request, _("Dit item is samengevoegd; u ziet nu het item waarin het opging."))
        return redirect("insights:longlist_item", item.merged_into_id)
    form = ItemForm(
        initial={
            "title": item.title,
            "description": item.description,
            "themes": list(item.themes.all()),
            "target_groups": item.target_groups,
            "survey": item.survey,
            "survey_question": item.survey_question,
            "survey_option": item.survey_option,
        }
    )
    return _render_item(request, item, form)


def _render_item(request, item, form):
    query = request.GET.get("aanbod", "").strip()
    found = []
    if query:
        found = list(
            Offer.objects.filter(title__icontains=query)
            .exclude(pk__in=item.offers.values("pk"))
            .select_related("provider")[:OFFERS_FOUND]
        )
    candidates = longlists.active_items(item.year, item.kind).exclude(pk=item.pk)
    labels = dict(TargetGroup.choices)
    return render(
        request,
        "insights/longlists/item.html",
        {
            "item": item,
            "year": item.year,
            "tab": item.kind,
            "evidence": longlists.evidence_for(item),
            "form": form,
            "status_form": StatusForm(initial={"status": item.status}),
            "offers": item.offers.select_related("provider"),
            "offer_query": query,
            "found_offers": found,
            "candidates": candidates,
            "groups": [labels[g] for g in item.target_groups if g in labels],
            "merged_items": item.merged_items.all(),
            "theme_candidates": longlists.answer_theme_candidates(item),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def longlist_item_update(request, pk):
    item = get_item_for_researcher(request.user, pk)
    form = ItemForm(request.POST)
    response = submit_form(
        request,
        form,
        lambda: longlists.update_item(item, **form.cleaned_data),
        _("Het item is opgeslagen."),
        reverse("insights:longlist_item", args=[item.pk]),
    )
    if response is not None:
        return response
    item.refresh_from_db()
    return _render_item(request, item, form)


@login_required
@require_POST
def longlist_item_status(request, pk):
    item = get_item_for_researcher(request.user, pk)
    return _act(
        request,
        item,
        lambda: longlists.set_status(item, request.POST.get("status", "")),
        _("De status is aangepast."),
    )


@login_required
@require_POST
def longlist_item_offers(request, pk):
    item = get_item_for_researcher(request.user, pk)
    ids = _ids(request.POST.getlist("offers"))
    offers = list(Offer.objects.filter(pk__in=ids or []))
    if ids is None or not offers or len(offers) != len(set(ids)):
        messages.error(request, _("Kies aanbod uit de zoekresultaten; dit aanbod bestaat niet."))
        return redirect("insights:longlist_item", item.pk)
    return _act(
        request, item, lambda: longlists.link_offers(item, offers), _("Het aanbod is gekoppeld.")
    )


@login_required
@require_POST
def longlist_item_unlink(request, pk, offer_pk):
    item = get_item_for_researcher(request.user, pk)
    offer = item.offers.filter(pk=offer_pk).first()
    if offer is None:
        raise Http404
    return _act(
        request,
        item,
        lambda: longlists.unlink_offer(item, offer),
        _("De koppeling met het aanbod is verwijderd."),
    )


@login_required
@require_POST
def longlist_item_answer_theme(request, pk):
    item = get_item_for_researcher(request.user, pk)
    value = request.POST.get("thema", "")
    theme = AnswerTheme.objects.filter(pk=int(value)).first() if value.isdigit() else None
    if theme is None:
        messages.error(request, _("Kies een thema uit de lijst."))
        return redirect("insights:longlist_item", item.pk)
    return _act(
        request,
        item,
        lambda: longlists.link_answer_theme(item, theme),
        _("Het thema is gekoppeld."),
    )


@login_required
@require_POST
def longlist_item_unlink_answer_theme(request, pk, theme_pk):
    item = get_item_for_researcher(request.user, pk)
    theme = item.answer_themes.filter(pk=theme_pk).first()
    if theme is None:
        raise Http404
    return _act(
        request,
        item,
        lambda: longlists.unlink_answer_theme(item, theme),
        _("De koppeling met het thema is verwijderd."),
    )


@login_required
@require_POST
def longlist_merge(request, pk):
    item = get_item_for_researcher(request.user, pk)
    ids = _ids(request.POST.getlist("items"))
    others = list(LonglistItem.objects.filter(pk__in=ids or []))
    if ids is None or len(others) != len(set(ids)):
        messages.error(
            request, _("Een van de gekozen items bestaat niet. Er is niets samengevoegd.")
        )
        return redirect("insights:longlist_item", item.pk)
    return _act(
        request, item, lambda: longlists.merge_items(item, others), _("De items zijn samengevoegd.")
    )


@login_required
def longlist_gaps(request):
    require_researcher(request.user)
    year = _year(request)
    view = longlists.gap_view(year)
    rows = [
        {
            "theme": theme,
            "items": items,
            "counts": [
                view.counts.get((theme.pk if theme else None, code), 0) for code, _l in view.groups
            ],
        }
        for theme, items in view.themes
    ]
    return render(
        request,
        "insights/longlists/gaps.html",
        {"year": year, "view": view, "rows": rows, "tab": "gaps"},
    )


def _act(request, item, action, done: str):
    return act_and_redirect(
        request, action, done, reverse("insights:longlist_item", args=[item.pk])
    )


def _ids(values) -> list[int] | None:
    """Posted ids as integers; None when one is not a number (nothing is then done)."""
    try:
        return [int(value) for value in values]
    except ValueError:
        return None


def _list_url() -> str:
    return reverse("insights:longlist")
