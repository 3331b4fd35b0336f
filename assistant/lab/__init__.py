"""Local servers that imitate a tenant on loopback, for tests, the demo and benchmarks."""
