# Filled in by the export pages.
urlpatterns: list = []
