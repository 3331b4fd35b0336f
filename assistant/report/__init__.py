"""Reports: the versioned JSON form (and, later, HTML, PDF and the support bundle)."""
