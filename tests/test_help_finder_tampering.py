"""Tampered finder addresses: a redirect to the furthest valid step or a 4xx, never a 500."""

import pytest

from help_finder.flow import OPTION_KEY


@pytest.fixture
def finder(demo_page):
    return demo_page("victims-help-finder", "fi")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("q2/?a=k9", "q1/"),  # unknown answer key
        ("q9/", "q1/"),  # unknown question key
        ("zz/", "q1/"),
        ("r2/", "q1/"),  # an outcome without the answers that lead to it
        ("q1/?a=k2", "q2/?a=k2"),  # the wrong question for the trail
        ("q3/?a=k2.k1.k1.k1.k1.k1", "r2/?a=k2.k1.k1"),  # answers after an outcome
        ("q2/?a=k2&o=k1", "q3/?a=k2.k1"),  # a normal answer
        ("q2/?a=k2&o=k99", "q2/?a=k2"),  # an answer that does not exist
        ("q2/?a=k2&o=" + "k" * 5000, "q2/?a=k2"),
        ("q2/?a=k2&utm_source=x", "q2/?a=k2"),  # stray parameters are dropped
        ("q2/?a=" + "k2." * 3400, "r5/?a=k2.k2"),  # a 10 000-character trail
        ("q2/?a=k2.<script>alert(1)</script>", "q2/?a=k2"),
        ("q2/?a=%00%ff", "q1/"),
        ("q2/?a=k1&a=k2", "q2/?a=k2"),  # a repeated parameter: the last one counts
    ],
)
def test_tampered_trail_redirects_to_the_furthest_valid_step(client, finder, path, expected):
    response = client.get(finder.url + path)
    assert response.status_code == 302, path
    assert response["Location"] == finder.url + expected
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_another_finders_keys_land_on_a_valid_step(client, demo_page, finder):
    # The referral guide's q4 exists there, not here.
    other = demo_page("referral-guide", "fi")
    response = client.get(f"{finder.url}q4/?a=k2.k2.k1")
    assert response.status_code == 302
    assert response["Location"].startswith(finder.url)
    assert not response["Location"].startswith(other.url)


@pytest.mark.django_db
def test_a_question_key_from_another_language_works_the_same(client, demo_page):
    # Keys are the same in every language: an Arabic trail on the Finnish finder is valid.
    ar = demo_page("victims-help-finder", "ar")
    fi = demo_page("victims-help-finder", "fi")
    assert client.get(f"{ar.url}q2/?a=k2").status_code == 200
    assert client.get(f"{fi.url}q2/?a=k2").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["q1/x/", "q1/../../", "%ff/", "q" * 300 + "/", "q1//"])
def test_malformed_step_paths_are_404_not_500(client, finder, path):
    response = client.get(finder.url + path)
    assert response.status_code in (301, 302, 404), path
    if response.status_code == 404:
        assert b"tel:+358295463177" in response.content


@pytest.mark.django_db
def test_trail_keys_are_neutral(finder):
    for question in finder.flow.questions:
        for option in question.options:
            assert OPTION_KEY.match(option.key)
