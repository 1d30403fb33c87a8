"""Personal invitations: a list of addresses uploaded as CSV, the mail-merge file with each
person's own link, invitation and reminder e-mails, and the pass-holder panel.

An invitation's link is made again from its public id whenever it is needed (see
answering.invitation_token); it is never stored. The response made with it keeps no trace
of the invitation: only `used_on` is set, so no reminder goes to someone who answered."""

import csv
import datetime as dt
import io
import logging
import random
import secrets
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zaansepas.city.models import PostcodeArea
from zaansepas.lib.spreadsheet import safe_cell
from zaansepas.passes.models import MemberRole, Pass, PassKind, PassStatus

from .answering import invitation_token, survey_state
from .channels import CODE_ALPHABET
from .models import Channel, ChannelKind, Invitation
from .texts import SOURCE_LANGUAGE, pick

logger = logging.getLogger(__name__)

MAX_ROWS = 50_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_CELL_LENGTH = 500
MAX_ERRORS_SHOWN = 20
PUBLIC_ID_LENGTH = 10
# Columns with a meaning of their own; all others are kept as mail-merge fields.
EMAIL_COLUMNS = {"email", "e-mail", "e-mailadres", "emailadres", "mail"}
LANGUAGE_COLUMNS = {"taal", "language", "lang"}
# Columns the mail-merge file adds; an upload may not use them for something else.
RESERVED_COLUMNS = {"link", "code"}
# Merge fields that hold the person's name, for "Beste <naam>" in the e-mail.
NAME_COLUMNS = ("naam", "name", "voornaam", "aanhef")
MAX_PANEL_SAMPLE = 50_000
# E-mails are sent in one go from the page; beyond this the page would time out, so the
# next press of the button goes on where this one stopped.
SEND_BATCH = 2_000


def new_public_id() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


def invitation_url(invitation: Invitation) -> str:
    path = reverse(
        "surveys:invitation", args=[invitation.channel.code, invitation_token(invitation)]
    )
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def _require_kind(channel: Channel, *kinds: str) -> None:
    if channel.kind not in kinds:
        raise ValidationError(_("Dit kan alleen bij een kanaal voor persoonlijke uitnodigingen."))


# --- Upload -------------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _(
                "Het bestand is niet in UTF-8 opgeslagen. Kies in Excel bij 'Opslaan als' "
                "het type 'CSV UTF-8 (door komma's gescheiden)' en probeer het opnieuw."
            )
        ) from exc


def _dialect(text: str):
    first_line = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        # One column only (just e-mail addresses): any delimiter will do.
        return csv.excel


def _header(row: list[str]) -> list[str]:
    columns = [cell.strip().lower() for cell in row]
    problems = []
    if not any(columns):
        problems.append(_("Regel 1: de eerste regel moet de namen van de kolommen geven."))
    for index, column in enumerate(columns, start=1):
        if not column:
            problems.append(_("Regel 1: kolom %(n)s heeft geen naam.") % {"n": index})
        elif column in RESERVED_COLUMNS:
            problems.append(
                _("Regel 1: de kolomnaam '%(name)s' is voor de link; kies een andere naam.")
                % {"name": column}
            )
    doubles = sorted({c for c in columns if c and columns.count(c) > 1})
    for column in doubles:
        problems.append(_("Regel 1: de kolom '%(name)s' staat er twee keer in.") % {"name": column})
    if len([c for c in columns if c in EMAIL_COLUMNS]) > 1:
        problems.append(_("Regel 1: er is meer dan één kolom met e-mailadressen."))
    if problems:
        raise ValidationError(problems)
    return columns


@dataclass
class _Row:
    line: int
    email: str
    language: str
    fields: dict


def _read_rows(channel: Channel, text: str) -> tuple[list[_Row], list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    try:
        columns = _header(next(reader))
    except StopIteration:
        raise ValidationError(_("Het bestand is leeg.")) from None
    languages = set(channel.survey.languages or [SOURCE_LANGUAGE])
    known = {
        email.lower(): None
        for email in Invitation.objects.filter(channel=channel)
        .exclude(email="")
        .values_list("email", flat=True)
    }
    seen: dict[str, int] = {}
    rows, problems = [], []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                _("Het bestand heeft meer dan %(max)s regels. Splits het in kleinere bestanden.")
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        if len(cells) > len(columns):
            problems.append(_("Regel %(line)s: meer cellen dan er kolommen zijn.") % {"line": line})
            continue
        email, language, fields = "", SOURCE_LANGUAGE, {}
        for column, cell in zip(columns, cells, strict=False):
            value = cell.strip()
            if len(value) > MAX_CELL_LENGTH:
                problems.append(
                    _("Regel %(line)s: de kolom '%(name)s' is te lang (hoogstens %(max)s tekens).")
                    % {"line": line, "name": column, "max": MAX_CELL_LENGTH}
                )
            elif column in EMAIL_COLUMNS:
                email = value.lower()
            elif column in LANGUAGE_COLUMNS:
                language = value.lower() or SOURCE_LANGUAGE
            else:
                # Kept exactly as given, also '=...': it only becomes safe text (safe_cell)
                # when it goes into a spreadsheet again.
                fields[column] = value
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    _("Regel %(line)s: '%(email)s' is geen goed e-mailadres.")
                    % {"line": line, "email": email}
                )
            else:
                if email in seen:
                    problems.append(
                        _("Regel %(line)s: %(email)s staat er al in (regel %(first)s).")
                        % {"line": line, "email": email, "first": seen[email]}
                    )
                elif email in known:
                    problems.append(
                        _("Regel %(line)s: %(email)s heeft bij dit kanaal al een uitnodiging.")
                        % {"line": line, "email": email}
                    )
                seen.setdefault(email, line)
        if language not in languages:
            problems.append(
                _("Regel %(line)s: taal '%(language)s' heeft deze vragenlijst niet.")
                % {"line": line, "language": language}
            )
        rows.append(_Row(line, email, language, fields))
    return rows, problems


def _summarise(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_ERRORS_SHOWN:
        return problems
    rest = len(problems) - MAX_ERRORS_SHOWN
    more = ngettext("En nog %(n)s fout.", "En nog %(n)s fouten.", rest) % {"n": rest}
    return [*problems[:MAX_ERRORS_SHOWN], more]


def create_invitations_from_csv(channel: Channel, uploaded_file) -> list[Invitation]:
    """One invitation per row of a CSV file with a header row: an e-mail column and/or any
    columns for mail merge (name, address...). All rows or none: every problem comes back
    in Dutch with its line number, and then nothing is saved."""
    _require_kind(channel, ChannelKind.INVITATION)
    if uploaded_file is None:
        raise ValidationError(_("Kies een CSV-bestand."))
    if uploaded_file.size and uploaded_file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is te groot: hoogstens 20 MB."))
    raw = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Het bestand is te groot: hoogstens 20 MB."))
    if b"\x00" in raw:
        raise ValidationError(_("Dit is geen CSV-bestand. Sla het in Excel op als CSV UTF-8."))
    text = _decode(raw)
    if not text.strip():
        raise ValidationError(_("Het bestand is leeg."))
    try:
        rows, problems = _read_rows(channel, text)
    except csv.Error as exc:
        raise ValidationError(_("Dit CSV-bestand kunnen we niet lezen.")) from exc
    if not rows and not problems:
        raise ValidationError(_("Het bestand heeft geen regels onder de kolomnamen."))
    if problems:
        raise ValidationError(_summarise(problems))
    return _save_invitations(channel, rows)


def _save_invitations(channel: Channel, rows: list[_Row]) -> list[Invitation]:
    # A public id collision is near impossible; if it happens, the whole file is retried.
    for _attempt in range(3):
        invitations = [
            Invitation(
                channel=channel,
                public_id=new_public_id(),
                email=row.email,
                language=row.language,
                merge_fields=row.fields,
            )
            for row in rows
        ]
        try:
            with transaction.atomic():
                return Invitation.objects.bulk_create(invitations, batch_size=1000)
        except IntegrityError:
            continue
    raise ValidationError(_("Het opslaan lukte niet. Probeer het opnieuw."))


# --- Mail merge ---------------------------------------------------------------------------


def merge_columns(channel: Channel) -> list[str]:
    """The uploaded columns in the order they first appear."""
    columns: dict[str, None] = {}
    for fields in channel.invitations.values_list("merge_fields", flat=True).iterator():
        columns.update(dict.fromkeys(fields or {}))
    return list(columns)


def mail_merge_csv(channel: Channel) -> str:
    """For a letter or e-mail run in another program: the uploaded columns, then each
    person's own `link` and `code` (the invitation's reference, to find it when someone
    calls). Every cell is safe to open in Excel."""
    _require_kind(channel, ChannelKind.INVITATION, ChannelKind.PANEL)
    columns = merge_columns(channel)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["email", "taal", *columns, "link", "code"])
    for invitation in channel.invitations.select_related("channel").iterator():
        fields = invitation.merge_fields or {}
        writer.writerow(
            [
                safe_cell(cell)
                for cell in (
                    invitation.email,
                    invitation.language,
                    *(fields.get(column, "") for column in columns),
                    invitation_url(invitation),
                    invitation.public_id,
                )
            ]
        )
    return out.getvalue()


# --- E-mail -------------------------------------------------------------------------------


@dataclass
class Sent:
    sent: int
    failed: int
    left: int  # still to send, beyond this batch


def _greeting_name(invitation: Invitation) -> str:
    fields = invitation.merge_fields or {}
    return next((fields[key] for key in NAME_COLUMNS if fields.get(key)), "")


def _message(invitation: Invitation, kind: str) -> EmailMessage:
    """The e-mail in the invitation's language (Dutch when there is no template for it).
    The first line of the template is the subject."""
    survey = invitation.channel.survey
    language = invitation.language or SOURCE_LANGUAGE
    try:
        template = get_template(f"surveys/email/{kind}.{language}.txt")
    except TemplateDoesNotExist:
        # The whole mail in Dutch then, title included: not a Dutch text in a Turkish frame.
        language = SOURCE_LANGUAGE
        template = get_template(f"surveys/email/{kind}.{language}.txt")
    # Month names in the date follow the mail's language where Django has it.
    with translation.override(language if language in ("nl", "en") else SOURCE_LANGUAGE):
        text = template.render(
            {
                "title": pick(survey.title, language),
                "name": _greeting_name(invitation),
                "is_panel": invitation.channel.kind == ChannelKind.PANEL,
                "link": invitation_url(invitation),
                "closes_on": (
                    timezone.localtime(survey.closes_at).date() if survey.closes_at else None
                ),
            }
        )
    subject, _sep, body = text.strip().partition("\n")
    return EmailMessage(subject.strip(), body.strip() + "\n", None, [invitation.email])


def _send(queryset, kind: str, stamp_field: str) -> Sent:
    """Send `kind` to each invitation in the queryset and stamp it when the mail server
    took it. One that fails stays unstamped, so the next press of the button retries it."""
    total = queryset.count()
    invitations = list(queryset.select_related("channel__survey")[:SEND_BATCH])
    sent, failed = 0, 0
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError):
        logger.exception("Mail server not reached for survey %s", kind)
        return Sent(sent=0, failed=len(invitations), left=max(0, total - len(invitations)))
    try:
        for invitation in invitations:
            try:
                connection.send_messages([_message(invitation, kind)])
            except (smtplib.SMTPException, OSError):
                logger.exception("Survey %s to invitation %s not sent", kind, invitation.pk)
                failed += 1
                continue
            sent += 1
            Invitation.objects.filter(pk=invitation.pk).update(**{stamp_field: timezone.now()})
    finally:
        connection.close()
    return Sent(sent=sent, failed=failed, left=max(0, total - len(invitations)))


def _require_open(channel: Channel) -> None:
    state = survey_state(channel.survey)
    if state == "not_open":
        raise ValidationError(
            _("De vragenlijst is nog niet gepubliceerd: de links werken nog niet.")
        )
    if state == "closed":
        raise ValidationError(_("De vragenlijst is gesloten."))


def send_invitations(channel: Channel) -> Sent:
    """E-mail everyone of this channel with an address who has not been sent one yet."""
    _require_kind(channel, ChannelKind.INVITATION, ChannelKind.PANEL)
    _require_open(channel)
    pending = channel.invitations.exclude(email="").filter(
        sent_at__isnull=True, used_on__isnull=True
    )
    return _send(pending, "invitation", "sent_at")


def send_reminders(channel: Channel, older_than_days: int = 7) -> Sent:
    """One reminder to each invitee who got the invitation at least `older_than_days` ago
    and has not answered. Never to someone who answered, never twice."""
    _require_kind(channel, ChannelKind.INVITATION, ChannelKind.PANEL)
    _require_open(channel)
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    pending = channel.invitations.exclude(email="").filter(
        sent_at__lte=cutoff, used_on__isnull=True, reminded_at__isnull=True
    )
    return _send(pending, "reminder", "reminded_at")


def invitation_counts(channel: Channel) -> dict[str, int]:
    return channel.invitations.aggregate(
        invited=Count("id"),
        with_email=Count("id", filter=~Q(email="")),
        sent=Count("id", filter=Q(sent_at__isnull=False)),
        answered=Count("id", filter=Q(used_on__isnull=False)),
        reminded=Count("id", filter=Q(reminded_at__isnull=False)),
    )


# --- Pass-holder panel --------------------------------------------------------------------


def panel_candidates(channel: Channel):
    """Passes whose holder may be asked: the main holder of an active adult pass, with an
    e-mail address on their account, not yet invited in any channel of this survey."""
    today = timezone.localdate()
    already = Invitation.objects.filter(
        channel__survey=channel.survey, panel_pass__isnull=False
    ).values("panel_pass_id")
    return (
        Pass.objects.filter(
            status=PassStatus.ACTIVE,
            kind=PassKind.ADULT,
            valid_from__lte=today,
            valid_until__gte=today,
            holder__role=MemberRole.MAIN,
            holder__user__isnull=False,
            holder__user__is_active=True,
        )
        .exclude(holder__user__email="")
        .exclude(pk__in=already)
    )


def _district_codes(postcodes: set[str]) -> dict[str, str]:
    return dict(
        PostcodeArea.objects.filter(postcode4__in=postcodes).values_list(
            "postcode4", "district__code"
        )
    )


def invite_pass_holders(channel: Channel, sample_size: int, seed=None) -> list[Invitation]:
    """Invite a random sample of pass holders. Each invitation carries only the wijk (CBS
    code, from the household's postcode) and the pass tier, which the response copies as
    respondent attributes; never the pass, the person or the address."""
    _require_kind(channel, ChannelKind.PANEL)
    if not isinstance(sample_size, int) or sample_size < 1:
        raise ValidationError(_("Geef een aantal van 1 of meer."))
    if sample_size > MAX_PANEL_SAMPLE:
        raise ValidationError(
            _("Hoogstens %(max)s pashouders tegelijk.")
            % {"max": f"{MAX_PANEL_SAMPLE:,}".replace(",", ".")}
        )
    with transaction.atomic():
        candidates = panel_candidates(channel)
        # One per person: a holder with more than one pass is in the draw once.
        by_holder: dict[int, int] = {}
        for pass_id, holder_id in candidates.order_by("id").values_list("id", "holder_id"):
            by_holder.setdefault(holder_id, pass_id)
        pool = sorted(by_holder.values())
        chosen = random.Random(seed).sample(pool, min(sample_size, len(pool)))
        passes = list(
            Pass.objects.filter(pk__in=chosen)
            .select_related("household__district", "holder__user")
            .order_by("id")
        )
        districts = _district_codes({p.household.postcode[:4] for p in passes})
        languages = set(channel.survey.languages or [SOURCE_LANGUAGE])
        invitations = []
        for pass_card in passes:
            attributes = {"tier": pass_card.tier}
            wijk = districts.get(pass_card.household.postcode[:4]) or (
                pass_card.household.district.code if pass_card.household.district else ""
            )
            if wijk:
                attributes["wijk"] = wijk
            user = pass_card.holder.user
            invitations.append(
                Invitation(
                    channel=channel,
                    public_id=new_public_id(),
                    email=user.email,
                    language=user.language if user.language in languages else SOURCE_LANGUAGE,
                    attributes=attributes,
                    panel_pass=pass_card,
                )
            )
        return Invitation.objects.bulk_create(invitations, batch_size=1000)
