import pytest


@pytest.fixture(autouse=True)
def private_media_in_tmp(settings, tmp_path):
    """Uploads and letters written by a test go to a fresh folder, never to ./var."""
    settings.MEDIA_ROOT = tmp_path / "private"
