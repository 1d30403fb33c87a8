# Filled in by the xlsform pages.
urlpatterns: list = []
