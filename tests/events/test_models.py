"""Rules of meetings, sessions and site visits, as editors meet them through full_clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from events.models import Meeting, Session, SiteVisit
from tests.factories import make_meeting, make_session, make_site_visit

pytestmark = pytest.mark.django_db


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_a_meeting_cannot_end_before_it_starts():
    meeting = Meeting(
        title_bg="Среща",
        summary_bg="Резюме.",
        start_date=datetime.date(2023, 6, 7),
        end_date=datetime.date(2023, 6, 6),
    )
    with translation.override("en"):
        assert "The last day is before the first day." in errors_of(meeting)["end_date"]
    with translation.override("bg"):
        assert "Последният ден е преди първия." in errors_of(meeting)["end_date"]


def test_the_database_refuses_a_meeting_ending_before_it_starts():
    meeting = make_meeting()
    meeting.end_date = meeting.start_date - datetime.timedelta(days=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(end_date=meeting.end_date)


def test_a_one_day_meeting_is_valid():
    meeting = make_meeting(start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2024, 3, 1))
    meeting.full_clean()
    assert meeting.days == [datetime.date(2024, 3, 1)]


def test_a_session_falls_within_its_meetings_dates():
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    session = Session(meeting=meeting, order=1, day=datetime.date(2023, 6, 8), title_bg="Сесия")
    with translation.override("en"):
        message = errors_of(session)["day"][0]
    assert "is outside the meeting" in message
    session.day = datetime.date(2023, 6, 7)
    session.full_clean()


def test_a_session_cannot_end_before_it_starts():
    meeting = make_meeting()
    session = Session(
        meeting=meeting,
        order=1,
        day=meeting.start_date,
        start_time=datetime.time(11, 0),
        end_time=datetime.time(10, 0),
        title_bg="Сесия",
    )
    assert "end_time" in errors_of(session)


def test_two_sessions_of_a_meeting_cannot_share_a_position():
    session = make_session()
    duplicate = Session(
        meeting=session.meeting, order=session.order, day=session.day, title_bg="Друга"
    )
    with translation.override("en"):
        messages = errors_of(duplicate)["__all__"]
    assert messages == ["Another session of this meeting has this position."]
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_sessions_of_different_meetings_may_share_a_position():
    first = make_session()
    other = make_session(order=first.order)
    assert other.order == first.order


def test_a_site_visit_falls_within_its_meetings_dates_and_pairs_its_coordinates():
    meeting = make_meeting()
    visit = SiteVisit(
        meeting=meeting,
        order=1,
        date=meeting.end_date + datetime.timedelta(days=3),
        title_bg="Посещение",
        place_bg="Смолян",
        latitude=41.57,
    )
    errors = errors_of(visit)
    assert set(errors) >= {"date", "longitude"}


def test_upcoming_and_past_meetings():
    today = timezone.localdate()
    past = make_meeting(
        start_date=today - datetime.timedelta(days=10), end_date=today - datetime.timedelta(days=9)
    )
    running = make_meeting(start_date=today - datetime.timedelta(days=1), end_date=today)
    future = make_meeting(
        start_date=today + datetime.timedelta(days=5), end_date=today + datetime.timedelta(days=6)
    )
    assert list(Meeting.objects.upcoming()) == [running, future]
    assert list(Meeting.objects.past()) == [past]


def test_session_and_visit_anchors():
    session = make_session()
    visit = make_site_visit(meeting=session.meeting)
    assert session.get_absolute_url().endswith(f"#session-{session.order}")
    assert visit.anchor == f"visit-{visit.order}"


def test_the_database_refuses_a_session_or_visit_outside_the_meetings_dates():
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    session = make_session(meeting=meeting, day=datetime.date(2023, 6, 7))
    visit = make_site_visit(meeting=meeting, date=datetime.date(2023, 6, 6))
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(day=datetime.date(2023, 6, 8))
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteVisit.objects.filter(pk=visit.pk).update(date=datetime.date(2023, 6, 5))
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.bulk_create(
            [Session(meeting=meeting, order=9, day=datetime.date(2024, 1, 1), title_bg="Друга")]
        )
    # Within the dates, writes go through.
    Session.objects.filter(pk=session.pk).update(day=datetime.date(2023, 6, 6))


def test_postgresql_refuses_meeting_dates_that_leave_the_programme_outside():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no deferred triggers; the admin's validation covers it there")
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    make_session(meeting=meeting, day=datetime.date(2023, 6, 7))
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(end_date=datetime.date(2023, 6, 6))
        # The check waits for the end of the transaction; the test's own never ends.
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_a_meeting_and_its_programme_move_together_in_one_transaction():
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    session = make_session(meeting=meeting, day=datetime.date(2023, 6, 7))
    with transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(
            start_date=datetime.date(2023, 6, 13), end_date=datetime.date(2023, 6, 14)
        )
        Session.objects.filter(pk=session.pk).update(day=datetime.date(2023, 6, 14))
        if connection.vendor == "postgresql":
            connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
    session.refresh_from_db()
    assert session.day == datetime.date(2023, 6, 14)
