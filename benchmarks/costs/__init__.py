"""Where a tme write and a ``state()`` read spend their time (``python -m benchmarks.costs``).

Three measurements, each interleaved so that every variant sees the same moment of the machine:

1. **Commit cost of indexes**: one node written on its own, five ways: a label with no index;
   under a uniqueness constraint and a range index (as a task is); in a synchronous full-text
   index; in an eventually consistent full-text index; in two TEXT indexes. And tme's whole
   ``add_task`` (a task and its first revision, one write statement).
2. **One write**: ``MemoryStore.add_task`` (with a parent and a dependency), ``revise`` (with
   dependents to mark stale) and ``depend`` (a new edge), each timed whole: one statement and
   its commit (``PROFILE`` the statement for its parts).
3. **``state()``**: the whole call; the ``get_state`` query alone through the driver (one record
   holding every task); the earlier shape (one record per task, every property); the mapping of
   records to ``Task`` models.

The probe labels (``CostPlain``, ``CostRanged``, ...) and their indexes are dropped at the end,
as is the tme workspace the run made.
"""
