"""Page IDs, in the order the wizard shows them."""

WELCOME, TARGET, CHECKS, SIGNIN, RUN, RESULTS, EXPORT = range(7)
