"""The command line: the one place that wires crawler, store (and later index and site) together."""
