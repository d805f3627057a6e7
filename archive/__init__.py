"""Ground floor of Kamerwacht: the Record model and its JSON contract, the record store,
the tool vocabulary, the minister registry, NL/FR dates and settings.

Imports nothing else of the project (see ../shared/ARCHITECTURE.md)."""
