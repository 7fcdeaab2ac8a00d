"""``python -m benchmarks.costs``: see :mod:`benchmarks.costs`."""

from benchmarks.costs.run import main

raise SystemExit(main())
