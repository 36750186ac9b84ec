"""The query strings of a list's filter and page links."""

from django.http import QueryDict

from publishing.lists import QueryLinks


def test_a_changed_parameter_keeps_its_place_and_a_new_one_goes_last():
    links = QueryLinks(QueryDict("year=2023&project=3&page=2"), leave_out={"page"})
    assert links.with_changes(project=5) == "year=2023&project=5"
    assert links.with_changes(partner=7) == "year=2023&project=3&partner=7"
    assert links.with_changes(year=None) == "project=3"
    assert links.with_changes(year=None, project=None) == ""


def test_repeated_values_and_any_text_are_encoded_as_a_form_would_send_them():
    query = QueryDict("q=%D0%A1%D0%BC%D0%BE%D0%BB%D1%8F%D0%BD+%26+co&tag=a&tag=b")
    links = QueryLinks(query)
    assert links.with_changes() == query.urlencode()
    assert links.with_changes(tag="c d") == "q=%D0%A1%D0%BC%D0%BE%D0%BB%D1%8F%D0%BD+%26+co&tag=c+d"
    assert QueryDict(links.with_changes(year=2024))["q"] == "Смолян & co"


def test_the_links_of_one_filter_set_its_value_in_place():
    links = QueryLinks(QueryDict("year=2023&project=3&q=a+b&page=4"), leave_out={"page"})
    assert links.setting("project")(5) == "year=2023&project=5&q=a+b"
    assert links.setting("partner")("Ä") == "year=2023&project=3&q=a+b&partner=%C3%84"
    assert QueryLinks(QueryDict("")).setting("year")(2020) == "year=2020"
    for name in ("year", "project", "q", "new"):
        assert links.setting(name)("x") == links.with_changes(**{name: "x"})
