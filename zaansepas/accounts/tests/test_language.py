"""Dutch by default; English when the resident switches (and the catalogue is compiled)."""

from django.urls import reverse


def test_pages_are_dutch_by_default_and_english_after_switching(client, db):
    dutch = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="nl"' in dutch and "Stuur mij een link" in dutch
    client.post("/i18n/setlang/", {"language": "en", "next": "/inloggen/"})
    english = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en"' in english and "Send me a link" in english
