"""Command-line front end. Each command lives in its own module, loaded only when used."""
