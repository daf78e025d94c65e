"""The article viewer: link routing and resource loading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from guide.colours import DEFAULT_ACCENT, Colours
from guide.links import ExternalLinkPolicy, LinkPolicy
from guide.ui.article_view import ArticleView


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> ArticleView:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    (tmp_path / "articles").mkdir()
    image.save(str(tmp_path / "articles" / "dot.png"))
    widget = ArticleView(tmp_path, Colours.light(DEFAULT_ACCENT))
    qtbot.add_widget(widget)
    return widget


def test_internal_links_are_requested_not_loaded(qtbot: QtBot, view: ArticleView) -> None:
    with qtbot.wait_signal(view.location_requested) as blocker:
        view.anchorClicked.emit(QUrl("article:medicines/tramadol#risks"))
    assert blocker.args == ["medicines/tramadol", "risks"]


def test_external_links_follow_the_policy(qtbot: QtBot, view: ArticleView) -> None:
    with qtbot.wait_signal(view.external_link_requested) as blocker:
        view.anchorClicked.emit(QUrl("https://example.org/"))
    assert blocker.args == ["https://example.org/"]
    view.link_policy = LinkPolicy(ExternalLinkPolicy.BLOCK)
    with qtbot.assert_not_emitted(view.external_link_requested):
        view.anchorClicked.emit(QUrl("https://example.org/"))
    view.link_policy = LinkPolicy(ExternalLinkPolicy.SHOW_ADDRESS)
    with qtbot.assert_not_emitted(view.external_link_requested), \
            qtbot.wait_signal(view.address_requested) as shown:
        view.anchorClicked.emit(QUrl("https://example.org/"))
    assert shown.args == ["https://example.org/"]


def test_glossary_terms_open_a_popup_when_the_policy_says_so(qtbot: QtBot,
                                                             view: ArticleView) -> None:
    view.link_policy = LinkPolicy(term_popups=True)
    with qtbot.assert_not_emitted(view.location_requested), \
            qtbot.wait_signal(view.term_requested) as blocker:
        view.anchorClicked.emit(QUrl("article:glossary#off-label"))
    assert blocker.args == ["off-label"]


def test_other_schemes_do_nothing(qtbot: QtBot, view: ArticleView) -> None:
    with qtbot.assert_not_emitted(view.external_link_requested), \
            qtbot.assert_not_emitted(view.location_requested):
        view.anchorClicked.emit(QUrl("file:///etc/passwd"))
        view.anchorClicked.emit(QUrl("javascript:alert(1)"))


def test_only_pack_images_are_loaded(view: ArticleView) -> None:
    image_type = int(QTextDocument.ResourceType.ImageResource.value)
    loaded = view.loadResource(image_type, QUrl("pack:articles/dot.png"))
    assert isinstance(loaded, QImage)
    assert loaded.width() == 4
    for url in ("https://example.org/a.png", "pack:../secret.png", "pack:/etc/x.png",
                "file:///etc/passwd", "pack:articles/missing.png"):
        assert view.loadResource(image_type, QUrl(url)) is None, url


def test_long_lines_are_limited_to_a_readable_width(qtbot: QtBot, view: ArticleView) -> None:
    view.resize(1600, 600)
    view.show()
    qtbot.wait_exposed(view)
    view.show_page("<p>" + "word " * 400 + "</p>")
    assert view.viewportMargins().left() > 0
    assert view.viewport().width() <= view.fontMetrics().averageCharWidth() * 80 + 60
    view.resize(380, 600)
    assert view.viewportMargins().left() == 0, "narrow windows use the whole width"


def test_glossary_terms_report_when_highlighted(qtbot: QtBot, view: ArticleView) -> None:
    with qtbot.wait_signal(view.term_highlighted) as blocker:
        view.highlighted.emit(QUrl("article:glossary#off-label"))
    assert blocker.args == ["off-label"]
    with qtbot.wait_signal(view.term_highlighted) as blocker:
        view.highlighted.emit(QUrl("article:medicines/tramadol"))
    assert blocker.args == [""]


def test_term_links_carry_their_definition_as_tooltip(view: ArticleView) -> None:
    view.show_page('<p>It is <a class="term" href="article:glossary#off-label" '
                   'title="Off-label: Not approved.">off-label</a>.</p>')
    cursor = view.document().find("off-label")
    assert cursor.charFormat().toolTip() == "Off-label: Not approved."
    assert cursor.charFormat().isAnchor()


def test_pictures_wider_than_the_column_are_scaled_to_fit(view: ArticleView,
                                                          tmp_path: Path) -> None:
    QImage(3000, 200, QImage.Format.Format_RGB32).save(str(tmp_path / "articles" / "wide.png"))
    view.resize(800, 600)
    wide = view.loadResource(QTextDocument.ResourceType.ImageResource.value,
                             QUrl("pack:articles/wide.png"))
    assert isinstance(wide, QImage)
    assert 0 < wide.width() <= view.viewport().width()
    assert wide.height() < 200  # the proportions are kept
    small = view.loadResource(QTextDocument.ResourceType.ImageResource.value,
                              QUrl("pack:articles/dot.png"))
    assert isinstance(small, QImage)
    assert small.width() == 4  # small pictures keep their size


def test_links_to_headings_in_any_script_scroll(qtbot: QtBot, view: ArticleView) -> None:
    view.resize(600, 300)
    view.show()
    filler = "".join(f"<p>Paragraph {n}.</p>" for n in range(80))
    view.show_page(f'{filler}<h2 id="治疗方法"><a name="治疗方法"></a>治疗方法</h2>{filler}')
    assert view.verticalScrollBar().value() == 0
    view.anchorClicked.emit(QUrl("#%E6%B2%BB%E7%96%97%E6%96%B9%E6%B3%95"))
    qtbot.wait_until(lambda: view.verticalScrollBar().value() > 0)
