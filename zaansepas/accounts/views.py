from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import LoginLinkForm, StaffLoginForm
from .login_links import MailNotSent, safe_next, send_login_link, use_login_link
from .oidc import oidc_enabled


def render_login(request, form, next_url, status=200):
    return render(
        request,
        "accounts/login.html",
        {
            "form": form,
            "next": next_url,
            "oidc_enabled": oidc_enabled(),
            "oidc_name": settings.OIDC_PROVIDER_NAME,
        },
        status=status,
    )


def login_page(request):
    next_url = safe_next(request.GET.get("next") or request.POST.get("next"))
    form = LoginLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            link = send_login_link(
                form.cleaned_data["email"], next_url, language=request.LANGUAGE_CODE
            )
        except MailNotSent:
            form.add_error(
                None,
                _(
                    "We konden de e-mail nu niet versturen. Probeer het over een "
                    "paar minuten opnieuw."
                ),
            )
            return render_login(request, form, next_url, status=503)
        return render(
            request,
            "accounts/link_sent.html",
            {
                "email": form.cleaned_data["email"],
                # Demo mode only: show the link, so a demo needs no mailbox. Relative, so
                # it works on whatever host and port the demo runs.
                "demo_link": urlsplit(link).path if settings.DEMO_MODE and link else "",
            },
        )
    return render_login(request, form, next_url)


def login_with_link(request, token):
    if request.method != "POST":
        # Mail scanners open links to check them; a GET only shows a button, the POST logs in.
        return render(request, "accounts/link_confirm.html", {"token": token})
    link = use_login_link(token)
    if link is None:
        return render(request, "accounts/link_invalid.html", status=400)
    login(request, link.user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("U bent ingelogd."))
    return redirect(link.next_url or settings.LOGIN_REDIRECT_URL)


class StaffLoginView(LoginView):
    form_class = StaffLoginForm
    template_name = "accounts/staff_login.html"
    redirect_authenticated_user = True


@require_POST
def logout_view(request):
    logout(request)
    messages.success(request, _("U bent uitgelogd."))
    return redirect("pages:home")
