"""relay.*: test sends for devices and applications, and proof of delivery (issue 14)."""
