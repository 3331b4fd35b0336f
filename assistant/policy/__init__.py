"""Pure readers of what mail servers write into a message (Received:, Authentication-Results:):
no I/O, bounded and linear in their input."""
