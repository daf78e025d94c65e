"""``python -m guide`` runs the app."""

import sys

from guide.app import main

sys.exit(main())
