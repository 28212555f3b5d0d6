"""Built-in backends; each registers through the `inkmuse.backends` entry-point group."""
