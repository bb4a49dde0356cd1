"""The comment box of "Request changes" and "Approve with comment" in the
moderator's language."""

import json

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def _speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize(
    "language, label, other",
    [("en", "Comment", "Comentario"), ("es", "Comentario", ">Comment<")],
)
@pytest.mark.parametrize("action", ["reject", "approve"])
def test_the_comment_box_is_labelled_in_the_moderators_language(
    client_for, editor, moderator, make_practice, language, label, other, action
):
    """Wagtail labels the box with `gettext` when it is imported, so it kept the
    language active then, the site's Spanish: the walk's English moderator read
    "Comentario" above the box when asking for changes."""
    page = make_practice(publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    task_state = page.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=[page.pk, action, task_state.pk],
    )
    response = client_for(_speaks(moderator, language)).get(url)
    assert response.status_code == 200
    dialog = json.loads(response.content)["html"]
    assert f">{label}</label>" in dialog.replace("\n", "").replace("  ", "")
    assert other not in dialog
