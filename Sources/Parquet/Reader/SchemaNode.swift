/// A node of the Parquet schema tree, rebuilt from the footer's depth-first element list.
struct SchemaNode: Sendable {
    let element: SchemaElement
    let children: [SchemaNode]
    /// For primitive nodes, the position of the leaf among all leaf columns (column chunk order).
    let leafIndex: Int?
    /// Dotted path from the root, as `path_in_schema` joins it.
    let path: [String]

    var name: String { element.name }
    var repetition: Repetition { element.repetition ?? .required }

    /// Builds the tree from the flattened list (the first element is the root).
    static func tree(_ elements: [SchemaElement]) throws(ThriftError) -> SchemaNode {
        var position = 0
        var leaves = 0
        let root = try build(elements, &position, &leaves, parentPath: [], isRoot: true)
        guard position == elements.count else {
            throw ThriftError("schema lists \(elements.count) elements but the tree uses \(position)")
        }
        return root
    }

    private static func build(
        _ elements: [SchemaElement], _ position: inout Int, _ leaves: inout Int, parentPath: [String], isRoot: Bool
    ) throws(ThriftError) -> SchemaNode {
        guard position < elements.count else { throw ThriftError("schema tree ends early") }
        let element = elements[position]
        position += 1
        let path = isRoot ? [] : parentPath + [element.name]
        let childCount = Int(element.numChildren ?? 0)
        if element.type != nil && childCount == 0 {
            defer { leaves += 1 }
            return SchemaNode(element: element, children: [], leafIndex: leaves, path: path)
        }
        guard childCount >= 0, childCount <= elements.count - position else {
            throw ThriftError("group '\(element.name)' claims \(childCount) children")
        }
        var children: [SchemaNode] = []
        for _ in 0..<childCount {
            children.append(try build(elements, &position, &leaves, parentPath: path, isRoot: false))
        }
        return SchemaNode(element: element, children: children, leafIndex: nil, path: path)
    }

    /// All leaves under this node, in column order.
    var leaves: [SchemaNode] {
        leafIndex != nil ? [self] : children.flatMap(\.leaves)
    }
}
