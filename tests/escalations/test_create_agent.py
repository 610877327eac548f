"""`manage.py create_agent`: groups, skills, capacity, supervisor, rerun, bad input."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from escalations.models import AgentProfile

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("create_agent", *args, stdout=out)
    return out.getvalue()


def _groups(user: User) -> list[str]:
    return sorted(user.groups.values_list("name", flat=True))


def test_creates_an_agent_with_skills_and_capacity() -> None:
    out = _run("ann", "--skills", "Crisis, billing", "--capacity", "4", "--password", "pw-ann")
    user = User.objects.get(username="ann")
    profile = AgentProfile.objects.get(user=user)
    assert _groups(user) == ["agents"]
    assert (profile.skills, profile.capacity, profile.status) == (
        ["crisis", "billing"],
        4,
        "offline",
    )
    assert user.check_password("pw-ann")
    assert user.is_staff is False
    assert out == "Created agent ann (skills: crisis, billing, capacity 4)\n"


def test_generated_password_is_printed_once() -> None:
    out = _run("ann")
    password = out.splitlines()[1].removeprefix("Password: ")
    assert User.objects.get(username="ann").check_password(password)
    assert "Password" not in _run("ann")


def test_supervisor_joins_supervisors_with_admin_permissions() -> None:
    _run("boss", "--supervisor", "--password", "pw")
    user = User.objects.get(username="boss")
    assert _groups(user) == ["agents", "supervisors"]
    assert user.is_staff is True
    assert user.has_perm("escalations.change_escalation")
    assert not user.has_perm("escalations.change_escalationevent")


def test_rerun_updates_the_same_agent() -> None:
    _run("ann", "--skills", "billing", "--capacity", "2", "--password", "first")
    out = _run("ann", "--skills", "technical,crisis", "--capacity", "6", "--status", "online")
    assert User.objects.filter(username="ann").count() == 1
    profile = AgentProfile.objects.get(user__username="ann")
    assert (profile.skills, profile.capacity, profile.status) == (
        ["technical", "crisis"],
        6,
        "online",
    )
    # No --password on the rerun: the old one still works.
    assert User.objects.get(username="ann").check_password("first")
    assert out.startswith("Updated agent ann (skills: technical, crisis, capacity 6)")


def test_unknown_skill_is_refused_with_the_known_ones() -> None:
    with pytest.raises(CommandError) as error:
        _run("ann", "--skills", "crisis,biling")
    assert str(error.value) == (
        "Unknown skill(s): biling. Known skills: billing, crisis, supervisor, technical."
    )
    assert not User.objects.filter(username="ann").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("ann", "--capacity", "0"), "--capacity must be between 1 and 100", id="cap"),
        pytest.param(("  ",), "username must not be empty", id="blank"),
    ],
)
def test_bad_arguments_are_refused(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert not AgentProfile.objects.exists()
