"""Search: one engine interface (search.engine), a backend-independent query model
(search.model), the schema declared once (search.schema), the write side (search.indexer) and
one module per backend (search.embedded: tantivy, the default; Elasticsearch: a later issue).

Imports archive/ only; never crawler/ or web/."""
