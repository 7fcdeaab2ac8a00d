"""``python -m benchmarks.peers``: see :mod:`benchmarks.peers`."""

from benchmarks.peers.run import main

raise SystemExit(main())
