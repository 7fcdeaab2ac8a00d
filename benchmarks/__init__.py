"""Benchmarks that need more than the package itself (see ``benchmarks/peers``)."""
