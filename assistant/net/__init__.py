"""The only place that opens sockets: DNS, TCP with connect-to, TLS, HTTP, transcripts."""
