"""Checks on uploaded income evidence: the type by its first bytes, not by its name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Magic numbers of the three formats we accept.
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
]
ALLOWED_EXTENSIONS = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}


def check_evidence(upload) -> str:
    """Return the content type of a valid evidence file, or raise ValidationError in Dutch."""
    max_bytes = settings.EVIDENCE_MAX_BYTES
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg. Kies een ander bestand."))
    if upload.size > max_bytes:
        raise ValidationError(
            _(
                "Het bestand is te groot. Het mag maximaal %(mb)s MB zijn. "
                "Maak bijvoorbeeld een foto met een lagere kwaliteit."
            )
            % {"mb": max_bytes // (1024 * 1024)}
        )
    name = (upload.name or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    sniffed = next((ctype for magic, ctype in SIGNATURES if head.startswith(magic)), None)
    if (
        extension not in ALLOWED_EXTENSIONS
        or sniffed is None
        or sniffed != ALLOWED_EXTENSIONS[extension]
    ):
        raise ValidationError(
            _("Dit soort bestand kunnen we niet gebruiken. Stuur een PDF, JPG of PNG.")
        )
    return sniffed
