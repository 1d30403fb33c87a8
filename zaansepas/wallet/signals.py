"""A pass that is issued or renewed gets the budgets it fits, right after the pass office's
decision is saved. After the commit, so a problem with a scheme never undoes the pass."""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from zaansepas.passes.models import PassEvent, PassEventKind

log = logging.getLogger(__name__)


@receiver(post_save, sender=PassEvent, dispatch_uid="wallet_grant_on_issue")
def grant_when_issued(sender, instance: PassEvent, created: bool, **kwargs):
    if not created or instance.kind not in (PassEventKind.ISSUED, PassEventKind.RENEWED):
        return
    pass_id = instance.pass_card_id

    def grant():
        from zaansepas.passes.models import Pass

        from .budgets import grant_for_new_pass

        try:
            grant_for_new_pass(Pass.objects.select_related("holder").get(pk=pass_id))
        except Exception:  # the pass stands; staff can grant in bulk later
            log.exception("granting budgets to pass %s failed", pass_id)

    transaction.on_commit(grant)
