"""Rules of meetings, sessions and site visits, as editors meet them through full_clean()."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.models import Meeting, Session, SiteVisit
from partners.models import Partner
from tests.factories import make_meeting, make_partner, make_session, make_site_visit

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


def test_a_session_falls_within_its_meetings_dates():
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    session = Session(meeting=meeting, order=1, date=datetime.date(2023, 6, 8), title_bg="Сесия")
    with translation.override("en"):
        message = errors_of(session)["date"][0]
    assert message == "June 8, 2023 is outside the meeting's dates (June 6, 2023 – June 7, 2023)."
    session.date = datetime.date(2023, 6, 7)
    session.full_clean()


def test_a_session_cannot_end_before_it_starts():
    meeting = make_meeting()
    session = Session(
        meeting=meeting,
        order=1,
        date=meeting.start_date,
        start_time=datetime.time(11, 0),
        end_time=datetime.time(10, 0),
        title_bg="Сесия",
    )
    assert "end_time" in errors_of(session)


def test_two_sessions_of_a_meeting_cannot_share_a_position():
    session = make_session()
    duplicate = Session(
        meeting=session.meeting, order=session.order, date=session.date, title_bg="Друга"
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
        latitude=Decimal("41.57"),
    )
    with translation.override("en"):
        errors = errors_of(visit)
    assert "is outside the meeting's dates" in errors["date"][0]
    assert errors["__all__"] == ["Give both latitude and longitude, within -90…90 and -180…180."]


def test_a_site_visit_and_a_partner_share_the_coordinate_checks():
    meeting = make_meeting()
    visit = make_site_visit(meeting=meeting, latitude=Decimal("41.57"), longitude=Decimal("24.7"))
    partner = make_partner(latitude=Decimal("41.57"), longitude=Decimal("24.7"))
    for model, row in ((SiteVisit, visit), (Partner, partner)):
        row.latitude = 91
        with pytest.raises(ValidationError) as caught:
            row.full_clean()
        assert "latitude" in caught.value.message_dict
        # The database holds the pair and the ranges as well.
        for values in ({"longitude": None}, {"latitude": 91}, {"longitude": -181}):
            with pytest.raises(IntegrityError), transaction.atomic():
                model.objects.filter(pk=row.pk).update(**values)


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


def test_a_meeting_cannot_move_away_from_its_saved_programme():
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    make_session(meeting=meeting, date=datetime.date(2023, 6, 7), title_en="Panel")
    make_site_visit(meeting=meeting, date=datetime.date(2023, 6, 6), title_en="Planetarium")
    meeting.end_date = datetime.date(2023, 6, 6)
    with translation.override("en"):
        assert errors_of(meeting)["__all__"] == [
            "“Panel”: June 7, 2023 is outside the meeting's dates (June 6, 2023 – June 6, 2023)."
        ]
    meeting.start_date = meeting.end_date = datetime.date(2023, 6, 13)
    with translation.override("bg"):
        assert len(errors_of(meeting)["__all__"]) == 2
    # Moved after its programme, the meeting is valid again.
    meeting.sessions.update(date=datetime.date(2023, 6, 13))
    meeting.site_visits.update(date=datetime.date(2023, 6, 13))
    meeting.full_clean()


def test_a_meeting_with_no_programme_moves_freely():
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    meeting.start_date = meeting.end_date = datetime.date(2024, 1, 10)
    meeting.full_clean()
