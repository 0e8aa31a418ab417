"""Finding what a person means by a department or objective name."""

import pytest

from orgdesign.input.names import NotFound, resolve

NAMES = {"care": "Guest Services", "mkt": "Brand Marketing", "agency": "Brightside Media", "caf": "Café Team"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("care", "care"),
        ("Guest Services", "care"),
        ("guest  SERVICES", "care"),
        ("Brightside Media", "agency"),
        ("cafe team", "caf"),
        ("brand-marketing", "mkt"),
    ],
)
def test_ids_and_names_both_resolve(typed, expected):
    assert resolve(typed, NAMES) == expected


def test_a_typo_gets_the_nearest_name():
    with pytest.raises(NotFound) as caught:
        resolve("Guest Servces", NAMES)
    assert caught.value.suggestions == ("Guest Services",)
    assert "did you mean 'Guest Services'" in caught.value.hint()


def test_a_name_two_departments_share_asks_for_the_id():
    with pytest.raises(NotFound) as caught:
        resolve("SOCIAL", {"social_eu": "Social", "social_us": "social", "x": "Other"})
    assert caught.value.ambiguous
    assert caught.value.suggestions == ("social_eu", "social_us")


def test_nothing_close_suggests_nothing():
    with pytest.raises(NotFound) as caught:
        resolve("Finance", NAMES)
    assert caught.value.hint() == ""
