"""Browser-like back/forward history."""

from guide.history import History


def test_back_forward_and_new_visit_clears_forward() -> None:
    history = History()
    assert (history.back(), history.forward()) == ("", "")
    for location in ("home", "a", "b"):
        history.visit(location)
    assert history.back() == "a"
    assert history.back() == "home"
    assert not history.can_go_back()
    assert history.forward() == "a"
    history.visit("c")
    assert not history.can_go_forward()
    assert history.back() == "a"
    assert history.current == "a"


def test_revisiting_the_current_location_adds_nothing() -> None:
    history = History()
    history.visit("home")
    history.visit("home")
    assert not history.can_go_back()


def test_back_after_forward_returns_to_where_the_reader_came_from() -> None:
    history = History()
    for location in ("home", "a", "b"):
        history.visit(location)
    history.back()
    history.back()
    assert history.can_go_forward()
    assert history.forward() == "a"
    assert history.can_go_back()
    assert history.back() == "home"
    assert history.forward() == "a"
    assert history.forward() == "b"
    assert history.back() == "a"
    assert history.back() == "home"
