//! Values built from a schema when a document gives no example (static, or random but reproducible).
