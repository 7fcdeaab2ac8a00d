"""Neo4j Browser support files.

``style.grass`` is a Graph Style Sheet for Neo4j Browser: drop it onto the Browser window (or
paste its text after ``:style``) to colour and caption the task graph. Browser's GraSS selects
by label only, so task status shows as colour, and a task's value in its caption, once the
display labels ``Stale``, ``Done``, ``Cancelled`` and ``HasValue`` are set
(``tme query set_display_labels -w WS --browser`` prints the statement).
"""
