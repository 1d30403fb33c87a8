import pytest
from django.conf import global_settings


@pytest.fixture(autouse=True)
def private_media_in_tmp(settings, tmp_path):
    """Uploads and letters written by a test go to a fresh folder, never to ./var."""
    settings.MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hash test passwords with MD5, the speed-up Django's testing docs recommend.

    The production hasher (PBKDF2, ~1M rounds) costs a good fraction of a second per
    create_user and per login on a small machine, and the fixtures make many users. No test
    here is about the strength of the hash; the default hashers stay listed after MD5, so a
    hash made outside the test process (a management command run as a subprocess) still checks.
    """
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *global_settings.PASSWORD_HASHERS,
    ]
