"""The channels pages of a survey (included in surveys/urls.py, namespace "surveys")."""

from django.urls import path

from . import channel_views

BASE = "onderzoek/vragenlijsten/<int:pk>/kanalen/"
CHANNEL = BASE + "<int:channel_pk>/"

urlpatterns = [
    path(BASE, channel_views.channel_list, name="channels"),
    path(BASE + "nieuw/", channel_views.add_channel, name="channel_add"),
    path(BASE + "per-wijk/", channel_views.add_district_channels, name="channel_districts"),
    path(BASE + "papier.pdf", channel_views.paper_questionnaire, name="paper_questionnaire"),
    path(CHANNEL + "actief/", channel_views.toggle_channel, name="channel_toggle"),
    path(CHANNEL + "<str:paper>.pdf", channel_views.poster, name="channel_poster"),
    path(CHANNEL + "uitnodigingen/", channel_views.upload_invitations, name="invitations_upload"),
    path(CHANNEL + "samenvoegen.csv", channel_views.mail_merge, name="invitations_merge"),
    path(CHANNEL + "versturen/", channel_views.send, name="invitations_send"),
    path(CHANNEL + "herinneren/", channel_views.remind, name="invitations_remind"),
    path(CHANNEL + "panel/", channel_views.invite_panel, name="panel_invite"),
]
