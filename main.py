"""Start Health Guide from a source checkout: ``python main.py --help``."""

import sys

from guide.app import main

if __name__ == "__main__":
    sys.exit(main())
