import sys

from kliping.cli import main

sys.exit(main())
