"""Pictures of the patient's companion for the README: a printed handout and the saved list.

Usage: python scripts/handout_screenshots.py [--content DIR] [--article ID] [--out-dir DIR]

Writes handout.png (the first page of an article's handout, normal and large print side by
side, drawn by the same code that prints them) and saved.png (the window with the "Saved"
list open). Runs offscreen; uses a throwaway profile.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from guide.content import load_pack
from guide.handout import HandoutWriter
from guide.locations import bundled_dir
from guide.model import Pack
from guide.profile import MemoryBackend, Profile
from guide.questions import Question
from guide.render import Renderer
from guide.ui.application import ensure_application, start
from guide.ui.printing import HandoutLayout, laid_out, new_pdf_printer

PAGE_DPI = 100
PRINTED = dt.date(2026, 12, 2)


def page_image(layout: HandoutLayout, page: int) -> QImage:
    """One printed page, paper and margins included, as the printer would put it on paper."""
    device = layout.device
    paper = device.pageLayout().fullRectPixels(device.logicalDpiX())
    printed = device.pageLayout().paintRectPixels(device.logicalDpiX())
    scale = PAGE_DPI / device.logicalDpiX()
    image = QImage(round(paper.width() * scale), round(paper.height() * scale),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    dots_per_metre = round(device.logicalDpiX() / 0.0254)  # fonts sized as on the printer
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.scale(scale, scale)
    painter.translate(printed.left(), printed.top())
    layout.paint_page(painter, page)
    painter.end()
    return image


def handout_picture(pack: Pack, article_id: str, folder: Path) -> QImage:
    """Page 1 of the handout in normal and in large print, side by side on a grey desk."""
    writer = HandoutWriter(pack, Renderer(pack), PRINTED)
    handout = writer.article(article_id)
    pages = []
    for large in (False, True):
        printer = new_pdf_printer(folder / f"handout-{large}.pdf")
        pages.append(page_image(laid_out(handout, pack.root, printer, large=large), 1))
    gap = 40
    width = sum(page.width() for page in pages) + gap * (len(pages) + 1)
    height = max(page.height() for page in pages) + 2 * gap
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(QColor("#d9dee2"))
    painter = QPainter(picture)
    x = gap
    for page in pages:
        painter.fillRect(QRectF(x + 4, gap + 4, page.width(), page.height()), QColor("#aab3ba"))
        painter.drawImage(x, gap, page)
        painter.setPen(QPen(QColor("#8d979f"), 1))
        painter.drawRect(QRectF(x, gap, page.width() - 1, page.height() - 1))
        x += page.width() + gap
    painter.end()
    return picture


def saved_picture(app: QApplication, pack: Pack) -> QImage:
    """The window with the "Saved" list open over it."""
    profile = Profile(MemoryBackend())
    profile.set_accepted_disclaimer(pack.disclaimer.version)
    ids = [i for i in ("medicines/tramadol", "living-with-pain/pacing-and-energy",
                       "other-treatments/sleep", "practical-help/preparing-for-appointments")
           if i in pack.articles]
    for article_id in [*ids[:2], "medicines/an-article-since-removed", *ids[2:]]:
        profile.set_saved(article_id, saved=True)
    profile.set_questions([Question(ids[0], "How will we know if it is working?")]
                          if ids else [])
    window = start(pack, profile, ids[0] if ids else pack.home)
    assert window is not None
    window.resize(1290, 820)
    app.processEvents()
    dialog = window.companion.show_reading_list(0)
    app.processEvents()
    image = window.grab().toImage()
    painter = QPainter(image)
    painter.fillRect(image.rect(), QColor(0, 0, 0, 60))
    shot = dialog.grab()
    painter.drawPixmap((image.width() - shot.width()) // 2,
                       (image.height() - shot.height()) // 2, shot)
    painter.end()
    dialog.reject()
    window.allow_close()
    window.close()
    return image


def main() -> int:
    """Draw both pictures and save them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--article", default="medicines/tramadol")
    parser.add_argument("--out-dir", type=Path, default=Path("docs"))
    args = parser.parse_args()
    pack = load_pack(args.content or bundled_dir("content"))
    app = ensure_application()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        handout_picture(pack, args.article, Path(folder)).save(str(args.out_dir / "handout.png"))
    saved_picture(app, pack).save(str(args.out_dir / "saved.png"))
    for name in ("handout.png", "saved.png"):
        print(f"saved {args.out_dir / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
