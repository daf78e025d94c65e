"""Save the README's picture of a rebranded edition next to the default guide.

Usage: python scripts/edition_screenshot.py [--out docs/edition.png]

Makes a demo edition with ``health-guide new-pack`` in a temporary folder (its own title,
app name, accent colour and logo), opens both guides offscreen and puts them side by side.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from guide.content import load_pack
from guide.leftovers import SAMPLE_MARK
from guide.locations import bundled_dir
from guide.model import Pack
from guide.newpack import write_pack
from guide.profile import MemoryBackend, Profile
from guide.ui.application import ensure_application, start

LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">'
        '<circle cx="30" cy="30" r="24" fill="#6b3fa0"/><circle cx="30" cy="30" r="11" '
        'fill="#ffffff"/><text x="66" y="40" font-family="sans-serif" font-size="26" '
        'fill="#4a2a72">Lupus Group</text></svg>')


WELCOME = ("This guide is written by members of a lupus support group, for people living "
           "with lupus and the people who care for them.\n")


def demo_edition(folder: Path) -> Path:
    """A new pack with its sample marks removed and a brand of its own."""
    root = folder / "lupus-guide"
    write_pack(root, "Living with Lupus", pack_id="org.example.lupus-guide")
    for path in root.rglob("*"):
        if path.suffix in {".md", ".yml"}:
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"\*\*\[SAMPLE\]\*\*[^\n]*\n[^\n]*\n", WELCOME, text)  # the note
            text = text.replace(f"{SAMPLE_MARK} ", "")
            path.write_text(text.replace(SAMPLE_MARK, ""), encoding="utf-8")
    (root / "brand").mkdir()
    (root / "brand" / "logo.svg").write_text(LOGO, encoding="utf-8")
    manifest = (root / "guide.yml").read_text(encoding="utf-8")
    manifest = manifest.replace('accent: "#2f6f8f"', 'accent: "#6b3fa0"')
    manifest = manifest.replace("app_name: Living with Lupus", "app_name: Lupus Guide")
    manifest = manifest.replace("# logo: brand/logo.png", "logo: brand/logo.svg")
    manifest = manifest.replace("publisher: The name of your group", "publisher: Lupus Group")
    (root / "guide.yml").write_text(manifest, encoding="utf-8")
    return root


def grab(pack: Pack, article: str) -> QImage:
    """One guide's window, as a reader sees it."""
    profile = Profile(MemoryBackend())
    profile.set_accepted_disclaimer(pack.disclaimer.version)
    window = start(pack, profile, article)
    assert window is not None
    window.resize(1100, 720)
    app = ensure_application()
    deadline = time.monotonic() + 0.3  # the panes settle after a resize (a scroll bar comes
    while time.monotonic() < deadline:  # and goes meanwhile): grab what the reader sees
        app.processEvents()
        time.sleep(0.01)
    image = window.grab().toImage()
    window.search.wait_for_index()
    window.close()
    return image


def main() -> int:
    """Render both guides and save them side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/edition.png"))
    args = parser.parse_args()
    ensure_application()
    with tempfile.TemporaryDirectory() as folder:
        lupus = load_pack(demo_edition(Path(folder)))
        images = [grab(load_pack(bundled_dir("content")), "welcome"), grab(lupus, "welcome")]
    gap = 24
    canvas = QImage(sum(i.width() for i in images) + gap, max(i.height() for i in images),
                    QImage.Format.Format_ARGB32)
    canvas.fill(QColor("#ffffff"))
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(0, 0, images[0])
    painter.drawImage(images[0].width() + gap, 0, images[1])
    painter.end()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    canvas.scaledToWidth(1600, Qt.TransformationMode.SmoothTransformation).save(str(args.out))
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
