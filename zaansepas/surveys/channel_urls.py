# Filled in by the channel pages.
urlpatterns: list = []
