"""Account changes that must reach open agent sockets: logout, password, deactivation, roles.

A signal, not an explicit call, on purpose: these changes come from Django itself (the admin,
`logout()`, `set_password()`, `changepassword`) where no service of ours runs. The receivers
only send a hint; each socket decides against the database (escalations.selectors
agent_session_user), and also re-checks on every push and on a timer, so a missed hint (pushes
are at most once, a queryset `update()` sends no signal) still ends the socket.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest

from escalations import events

_CLEARED_USERS = "_agent_socket_cleared_users"


def _on_logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None or not getattr(user, "pk", None):
        return
    session = getattr(request, "session", None)
    # Sent before the session is flushed: name it, so its sockets close without a lookup race.
    events.agent_revoke_on_commit(user.pk, session_key=getattr(session, "session_key", None))


def _on_user_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if not created:
        events.agent_revoke_on_commit(instance.pk)


def _on_user_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    events.agent_revoke_on_commit(instance.pk)


def _on_groups_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if isinstance(instance, Group):
        # group.user_set.remove(...) / .clear(): the users are the other side.
        if action == "pre_clear":
            setattr(instance, _CLEARED_USERS, list(instance.user_set.values_list("pk", flat=True)))
            return
        if action == "post_clear":
            user_ids = getattr(instance, _CLEARED_USERS, [])
        elif action == "post_remove":
            user_ids = list(pk_set or ())
        else:
            return
    elif action in ("post_remove", "post_clear"):
        user_ids = [instance.pk]
    else:
        return
    for user_id in user_ids:
        events.agent_revoke_on_commit(user_id)


def connect() -> None:
    user_model = get_user_model()
    uid = "escalations.agent_socket"
    user_logged_out.connect(_on_logged_out, dispatch_uid=f"{uid}.logout")
    post_save.connect(_on_user_saved, sender=user_model, dispatch_uid=f"{uid}.saved")
    post_delete.connect(_on_user_deleted, sender=user_model, dispatch_uid=f"{uid}.deleted")
    m2m_changed.connect(
        _on_groups_changed, sender=user_model.groups.through, dispatch_uid=f"{uid}.groups"
    )
