"""The submit button in the editor's footer, in the editor's language.

Wagtail labels it "Submit to <workflow name>" and, after changes were asked for,
"Resubmit to <task name>". Those names are rows written once, in English, by
Wagtail's migration ("Moderators approval"), so the Spanish admin read "Enviar a
Moderators approval". The repertory has the one moderation workflow, so the
button says what it does in translatable words instead. (The rows now carry both
languages, practices.0010, for the places that print them as they are.)

The comment box of "Request changes" and "Approve with comment" is labelled in
the moderator's language too (`translate_comment_label`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.forms import TaskStateCommentForm


class SubmitForModerationInOwnWords(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context.get("page") and context["page"].current_workflow_state
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit for moderation")
        else:
            context["label"] = self.label  # Wagtail's own "Submit for moderation"
        return context


def translate_submit_label(menu_items, request, context) -> None:
    """`construct_page_action_menu` hook: swap Wagtail's item for ours, in place."""
    for position, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            replacement = SubmitForModerationInOwnWords(order=item.order)
            menu_items[position] = replacement


def translate_comment_label() -> None:
    """Wagtail 8 labels the workflow's comment box with `gettext` when
    `wagtail.forms` is imported, so the label kept the language active then (the
    site's Spanish): an English moderator read "Comentario". A lazy label is read
    in each request's language. Called once, from the app's `ready`."""
    TaskStateCommentForm.base_fields["comment"].label = _("Comment")
