"""tme next to the memories people would pick instead, on the same Neo4j, measured side by side.

``pip install -e '.[peers]'`` installs ``mcp-neo4j-memory`` 0.4.5 and ``neo4j-agent-memory``
0.8.0 (never a runtime dependency); ``python -m benchmarks.peers`` (``--quick``, ``--json``,
``--size N``) runs on the server tme's connection rule finds and prints the table.

The same logical work for each system: tme through its Python API (``MemoryStore``), each peer
through its database layer called directly on its own async driver (no MCP transport, no model
calls). Facts come in groups of 10, a head and nine steps, each step part of its head and
depending on the step before it. Each peer writes nodes named with the run's prefix (neither
has workspaces; both read the whole database's ``:Memory`` / ``:Entity`` nodes), tme writes one
workspace per size; everything written is deleted at the end. Schema (indexes, constraints)
each system creates stays, as it would in use.

How each operation maps (tme / mcp-neo4j-memory ``Neo4jMemory`` / neo4j-agent-memory
``LongTermMemory``):

- record a fact: ``add_task(key, title, value, parents=[head], depends_on=[previous])``, one
  transaction / ``create_entities([entity])`` then ``create_relations([PART_OF, DEPENDS_ON])``,
  3 statements / ``add_entity(name, "OBJECT", description=value)`` then ``add_relationship``
  twice (``PART_OF``, ``DEPENDS_ON``), 3 transactions.
- link two facts: ``depend(step, head of another group)`` / ``create_relations([DEPENDS_ON])``
  / ``add_relationship(step_id, head_id, "DEPENDS_ON")``.
- update a fact: ``revise(key, value)``: a new revision, a change-feed entry, every transitive
  dependent marked stale / replace: ``delete_observations`` of the old value, then
  ``add_observations`` of the new (append, ``add_observations`` alone, is shown beside it) /
  overwrite: ``add_entity`` on the existing name sets the new ``description`` in place.
- an item and its neighbourhood: ``subgraph([key])``: the item, its ancestors, children,
  dependencies and dependents with their values / ``find_memories_by_name([name])``: the entity
  and the relations touching it (the neighbours' names, not their observations) /
  ``get_entity_relationships(name)``: the entity, then its related entities.
- the whole memory: ``state()`` / ``read_graph()`` /
  ``MemoryClient.get_graph(memory_types=["long_term"])``.

Where a peer's own call is broken, the table says so instead of comparing with it:
``neo4j-agent-memory``'s ``get_graph`` reads rows through ``Result.data()``, which turns a
relationship into a ``(start, type, end)`` tuple; ``dict()`` of that raises, the error is
swallowed, and the long-term graph stops after its first row: once any relationship exists it
returns 2 items, whatever the memory holds.

Two more things to know about the peers:

- ``mcp_neo4j_memory/__init__.py`` imports its MCP server, whose fastmcp 2 is built for
  mcp 1.x; tme needs mcp 2.x, so the package cannot be imported beside tme. Its database layer,
  ``neo4j_memory.py``, needs only the driver and pydantic and is loaded on its own.
- ``mcp-neo4j-memory`` finds entities by name without an index (it creates only a full-text
  index), so its writes and name lookups scan every ``:Memory`` node: they grow with the size.
"""
