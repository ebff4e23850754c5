"""``python -m negotiation_records``: the same as the ``negotiation-records`` command."""

from __future__ import annotations

import sys

from negotiation_records.cli import main


sys.exit(main())
