"""One module per area of checks; each check is a function of a Context returning a Step."""
