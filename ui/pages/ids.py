"""Page IDs, in the order the wizard shows them (Integration, then Relay, when their areas
are ticked, come between Sign-in and Run: Wizard.nextId)."""

WELCOME, TARGET, CHECKS, SIGNIN, RUN, RESULTS, EXPORT = range(7)
RELAY = 7
INTEGRATION = 8
