/// How a write treats a document whose id the table already holds.
public enum DocumentWriteMode: String, Sendable, Hashable, CaseIterable {
    /// Add new documents; an existing id fails the whole call (``DocumentStoreError/duplicateID(table:id:message:)``).
    case insert
    /// Replace the stored document with the new one (or add it).
    case upsert
    /// Set the new document's top-level fields on the stored one and keep its other fields
    /// (or add it). A field set to `null` is removed; nested objects are replaced, not merged
    /// (SQLite drops nulls inside a patch's nested objects, PostgreSQL keeps them).
    case merge
}
