"""``python -m hardware.sim scale|scanner ...``: the simulators without the Linedesk CLI."""

import sys

from hardware.sim.cli import main

sys.exit(main())
