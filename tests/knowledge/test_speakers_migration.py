"""The data migration that turns the free-text speakers of sessions into people."""

import importlib

import pytest
from django.apps import apps

from knowledge.models import Person
from publishing.models import Status
from tests.factories import make_session

pytestmark = pytest.mark.django_db

migration = importlib.import_module("knowledge.migrations.0003_speakers_as_people")


def run():
    migration.speakers_to_people(apps, None)


def test_a_line_that_plainly_names_a_person_becomes_a_draft_person():
    session = make_session(
        speakers_bg="Марин Захариев, заместник-кмет на Община Смолян\nЕкипът на Община Смолян",
        speakers_en=(
            "Marin Zahariev, Deputy Mayor of Smolyan\nThe team of the Municipality of Smolyan"
        ),
    )
    run()
    person = Person.objects.get()
    assert (person.name_bg, person.name_en) == ("Марин Захариев", "Marin Zahariev")
    assert (person.role_bg, person.role_en) == (
        "заместник-кмет на Община Смолян",
        "Deputy Mayor of Smolyan",
    )
    # No basis is guessed: the name waits for an editor to record one.
    assert (person.basis, person.status) == ("", Status.DRAFT)
    assert list(person.spoke_at.all()) == [session]
    session.refresh_from_db()
    assert session.speakers_bg == "Екипът на Община Смолян"
    assert session.speakers_en == "The team of the Municipality of Smolyan"


@pytest.mark.parametrize(
    ("bg", "en"),
    [
        # Groups, not people.
        ("Представители на Община Смолян", "Representatives of the Municipality of Smolyan"),
        # A name without a role, or a role without a name.
        ("Марин Захариев", "Marin Zahariev"),
        ("Заместник-кметът, Смолян", "The deputy mayor, Smolyan"),
        # The languages do not pair up line by line.
        ("Марин Захариев, заместник-кмет\nЕкипът", "Marin Zahariev, Deputy Mayor"),
        # Bulgarian names a person, English does not.
        ("Марин Захариев, заместник-кмет", "The deputy mayor of Smolyan"),
    ],
)
def test_a_line_that_needs_guessing_stays_text(bg, en):
    session = make_session(speakers_bg=bg, speakers_en=en)
    run()
    assert not Person.objects.exists()
    session.refresh_from_db()
    assert (session.speakers_bg, session.speakers_en) == (bg, en)


def test_the_same_person_in_two_sessions_is_one_record():
    line_bg, line_en = "Марин Захариев, заместник-кмет", "Marin Zahariev, Deputy Mayor"
    first = make_session(speakers_bg=line_bg, speakers_en=line_en)
    second = make_session(speakers_bg=line_bg, speakers_en=line_en)
    run()
    person = Person.objects.get()
    assert set(person.spoke_at.all()) == {first, second}


def test_a_session_without_english_pairs_the_bulgarian_line_alone():
    session = make_session(speakers_bg="Марин Захариев, заместник-кмет", speakers_en="")
    run()
    assert Person.objects.get().name_en == ""
    session.refresh_from_db()
    assert session.speakers_bg == ""
