"""Page IDs, in the order the wizard shows them (Relay, when its area is ticked, comes
between Sign-in and Run: Wizard.nextId)."""

WELCOME, TARGET, CHECKS, SIGNIN, RUN, RESULTS, EXPORT = range(7)
RELAY = 7
