"""Every command of the main window as a QAction: text, object name, shortcuts, icon, tip.

Menus, the toolbar and (later) a list of keyboard shortcuts are all built from these, so a
shortcut is written once. Which commands a mode offers is decided by the window's
:class:`~guide.modes.ModePolicy`; this module only describes them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

Key = QKeySequence.StandardKey
Pixmap = QStyle.StandardPixmap


def _keys(*keys: Key | str) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, str):
            sequences.append(QKeySequence(key))
        else:
            sequences.extend(QKeySequence.keyBindings(key))
    return sequences


class Commands(QObject):
    """The window's actions, created once. Connect their ``triggered`` signals to act."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.back = self._make("&Back", "backAction", _keys(Key.Back),
                               ("go-previous", Pixmap.SP_ArrowBack), "Go back")
        self.forward = self._make("&Forward", "forwardAction", _keys(Key.Forward),
                                  ("go-next", Pixmap.SP_ArrowForward), "Go forward")
        self.home = self._make("&Home", "homeAction", _keys("Alt+Home"),
                               ("go-home", Pixmap.SP_DirHomeIcon), "Go to the home page")
        self.facts = self._make("&Quick facts", "factsAction", [],
                                ("help-about", Pixmap.SP_FileDialogInfoView),
                                "Show every quick fact")
        self.print = self._make("&Print\u2026", "printAction", _keys(Key.Print),
                                ("document-print", Pixmap.SP_FileIcon),
                                "Print this article as a handout for your doctor")
        self.save_pdf = self._make("Save as P&DF\u2026", "savePdfAction", _keys(Key.SaveAs),
                                   ("document-save-as", Pixmap.SP_DialogSaveButton),
                                   "Save this article as a PDF handout")
        self.large_print = self._make("&Large print", "largePrintAction", [],
                                      tip="Print handouts half as large again")
        self.large_print.setCheckable(True)
        self.save_article = self._make("&Save this article", "saveArticleAction",
                                       _keys("Ctrl+D"), ("bookmark-new", Pixmap.SP_DialogYesButton),
                                       "Save this article to your list, or remove it")
        self.save_article.setCheckable(True)
        self.saved_list = self._make("Sa&ved articles\u2026", "savedListAction",
                                     _keys("Ctrl+Shift+O"),
                                     ("bookmarks", Pixmap.SP_DirLinkIcon), "Your saved articles")
        self.recent_list = self._make("&Recently read\u2026", "recentListAction", _keys("Ctrl+H"),
                                      ("document-open-recent", Pixmap.SP_FileDialogDetailedView),
                                      "The articles you read lately")
        self.my_questions = self._make("My &questions\u2026", "myQuestionsAction",
                                       _keys("Ctrl+Shift+M"),
                                       ("help-faq", Pixmap.SP_MessageBoxQuestion),
                                       "Your questions for the doctor")
        self.add_question = self._make("&Add a question for the doctor\u2026",
                                       "addQuestionAction", _keys("Ctrl+Shift+A"))
        self.clear_data = self._make("C&lear my data\u2026", "clearDataAction", [],
                                     tip="See what this guide keeps about your reading, and "
                                         "clear it")
        self.quit = self._make("&Quit", "quitAction", _keys(Key.Quit))
        self.larger_text = self._make("&Larger text", "largerTextAction",
                                      _keys(Key.ZoomIn, "Ctrl+="),  # "+" is Shift+= here
                                      tip="Make the text larger")
        self.smaller_text = self._make("&Smaller text", "smallerTextAction", _keys(Key.ZoomOut),
                                       tip="Make the text smaller")
        self.normal_text = self._make("&Normal text size", "normalTextAction", _keys("Ctrl+0"))
        self.themes = QActionGroup(self._window)  # one look at a time
        self.themes.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for theme, text, name in (("system", "Like the &desktop", "themeSystemAction"),
                                  ("light", "&Light", "themeLightAction"),
                                  ("dark", "&Dark", "themeDarkAction"),
                                  ("high-contrast", "&High contrast", "themeHighContrastAction")):
            action = self._make(text, name, [], tip=f"Colours: {text.replace('&', '').lower()}")
            action.setCheckable(True)
            action.setData(theme)
            self.themes.addAction(action)
            self.theme_actions[theme] = action
        self.show_contents = self._make("Show the &list of articles", "showContentsAction",
                                        _keys("F9"))
        self.show_facts = self._make("Show &quick facts", "showFactsAction",
                                     _keys("Shift+F9"))
        self.caret_browsing = self._make("&Caret browsing", "caretBrowsingAction", _keys("F7"),
                                         tip="Move a text cursor with the arrow keys")
        self.caret_browsing.setCheckable(True)
        self.next_pane = self._make("Next &pane", "nextPaneAction", _keys("F6"),
                                    tip="Move to the next part of the window")
        self.previous_pane = self._make("Previous pa&ne", "previousPaneAction",
                                        _keys("Shift+F6"))
        self.next_heading = self._make("Next &heading", "nextHeadingAction", _keys("F8"))
        self.previous_heading = self._make("Previous h&eading", "previousHeadingAction",
                                           _keys("Shift+F8"))
        self.shortcuts = self._make("&Keyboard shortcuts", "shortcutsAction",
                                    _keys("F1", "Ctrl+/"))
        self.search = self._make("&Search the guide", "searchAction", _keys(Key.Find, "Ctrl+K"),
                                 ("edit-find", Pixmap.SP_FileDialogContentsView),
                                 "Search the guide")
        self.find = self._make("&Find in this article\u2026", "findInArticleAction",
                               _keys("Ctrl+Shift+F"))
        self.find_next = self._make("Find &next", "findNextAction", _keys(Key.FindNext))
        self.find_previous = self._make("Find &previous", "findPreviousAction",
                                        _keys(Key.FindPrevious))
        self.disclaimer = self._make("Medical &disclaimer", "disclaimerAction", [])
        self.about = self._make("&About", "aboutAction", [])
        self.contact = self._make("&Contact and about this guide", "contactAction", [],
                                  ("help-contents", Pixmap.SP_MessageBoxInformation),
                                  "Who made this guide, and how to reach them")
        self.help_now = self._make("Get help &now", "helpNowAction", [],
                                   ("dialog-warning", Pixmap.SP_MessageBoxWarning),
                                   "Who to call when you need help now")
        self.start_over = self._make("Start &over", "startOverAction", [],
                                     ("view-refresh", Pixmap.SP_BrowserReload),
                                     "Start again from the home page for the next reader")
        self.take_home = self._make("&Take this page home", "takeHomeAction", [],
                                    ("phone", Pixmap.SP_DriveNetIcon),
                                    "Show a code to open this page on your phone")
        # short labels for toolbar buttons with their text under the icon
        for action, short in ((self.search, "Search"), (self.larger_text, "A+"),
                              (self.smaller_text, "A\u2212"), (self.take_home, "Take home"),
                              (self.start_over, "Start over"), (self.print, "Print"),
                              (self.help_now, "Get help now"), (self.saved_list, "Saved"),
                              (self.recent_list, "Recent"), (self.my_questions, "My questions"),
                              (self.save_article, "Save")):
            action.setIconText(short)

    def _make(self, text: str, name: str, shortcuts: list[QKeySequence],
              icon: tuple[str, QStyle.StandardPixmap] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcuts(shortcuts)
        if icon is not None:  # the desktop's icon theme when there is one, else Qt's own
            theme_name, fallback = icon
            action.setIcon(QIcon.fromTheme(theme_name, self._window.style().standardIcon(fallback)))
        native = QKeySequence.SequenceFormat.NativeText
        shortcut = shortcuts[0].toString(native) if shortcuts else ""
        tip = tip or text.replace("&", "").rstrip("\u2026")
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        return action

    def all(self) -> list[QAction]:
        """Every action, in the order they were created."""
        actions = [value for value in vars(self).values() if isinstance(value, QAction)]
        return actions + list(self.theme_actions.values())
