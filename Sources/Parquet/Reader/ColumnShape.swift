import Columnar

/// How the levels of a field's leaves rebuild its values: the Dremel record-assembly plan.
///
/// Each case knows the definition level at which it is present; a list also knows the level
/// at which it has at least one element and the repetition level that continues it.
indirect enum ColumnShape: Sendable {
    /// A primitive value, present when the definition level reaches `definitionLevel`.
    case leaf(LeafDescriptor, definitionLevel: Int)
    /// A struct, present (non-null) at `definitionLevel`.
    case structure([ColumnShape], definitionLevel: Int)
    /// A list, present at `definitionLevel`, non-empty at `elementsLevel`; an entry whose
    /// repetition level equals `repetitionLevel` adds an element to the current list.
    case list(ColumnShape, definitionLevel: Int, elementsLevel: Int, repetitionLevel: Int)

    /// The first leaf under this shape, whose levels tell presence and repetition.
    var firstLeaf: LeafDescriptor {
        switch self {
        case .leaf(let leaf, _): leaf
        case .structure(let children, _): children[0].firstLeaf
        case .list(let element, _, _, _): element.firstLeaf
        }
    }

    /// Every leaf under this shape.
    var leaves: [LeafDescriptor] {
        switch self {
        case .leaf(let leaf, _): [leaf]
        case .structure(let children, _): children.flatMap(\.leaves)
        case .list(let element, _, _, _): element.leaves
        }
    }
}

/// Turns schema nodes into Stream360 fields and their assembly shapes, applying the Parquet
/// list rules (three-level lists, and the two-level and bare-repeated forms older writers use).
enum ShapeBuilder {
    static func field(_ node: SchemaNode, parentDefinition: Int, parentRepetition: Int) throws(UnsupportedFeature) -> (Field, ColumnShape) {
        try build(node, repetition: node.repetition, parentDefinition: parentDefinition, parentRepetition: parentRepetition)
    }

    private static func build(
        _ node: SchemaNode, repetition: Repetition, parentDefinition: Int, parentRepetition: Int
    ) throws(UnsupportedFeature) -> (Field, ColumnShape) {
        if repetition == .repeated {
            // A bare repeated field: a non-null list of required elements.
            let level = parentDefinition + 1
            let (element, shape) = try build(node, repetition: .required, parentDefinition: level, parentRepetition: parentRepetition + 1)
            return (Field(node.name, .array(element.type), nullable: false),
                    .list(shape, definitionLevel: parentDefinition, elementsLevel: level, repetitionLevel: parentRepetition + 1))
        }
        let nullable = repetition == .optional
        let level = parentDefinition + (nullable ? 1 : 0)
        if let leafIndex = node.leafIndex {
            let (type, conversion) = try LeafDescriptor.mapping(of: node.element).get()
            let leaf = LeafDescriptor(
                leafIndex: leafIndex, name: node.path.joined(separator: "."), physical: node.element.type ?? .byteArray,
                typeLength: Int(node.element.typeLength ?? 0), maxDefinitionLevel: level, maxRepetitionLevel: parentRepetition,
                conversion: conversion, type: type)
            return (Field(node.name, type, nullable: nullable), .leaf(leaf, definitionLevel: level))
        }
        guard !node.children.isEmpty else { throw UnsupportedFeature("an empty group '\(node.name)'") }
        let annotation = node.element.convertedType
        let isList = annotation == .list || node.element.logicalType == .list
        let isMap = annotation == .map || annotation == .mapKeyValue || node.element.logicalType == .map
        if (isList || isMap), node.children.count == 1, node.children[0].repetition == .repeated {
            let repeated = node.children[0]
            let elementsLevel = level + 1
            let repetitionLevel = parentRepetition + 1
            let element: (Field, ColumnShape)
            if isList && repeated.leafIndex == nil && repeated.children.count == 1
                && repeated.name != "array" && repeated.name != node.name + "_tuple" {
                element = try build(repeated.children[0], repetition: repeated.children[0].repetition,
                                    parentDefinition: elementsLevel, parentRepetition: repetitionLevel)
            } else {
                element = try build(repeated, repetition: .required, parentDefinition: elementsLevel, parentRepetition: repetitionLevel)
            }
            return (Field(node.name, .array(element.0.type), nullable: nullable),
                    .list(element.1, definitionLevel: level, elementsLevel: elementsLevel, repetitionLevel: repetitionLevel))
        }
        var fields: [Field] = []
        var shapes: [ColumnShape] = []
        for child in node.children {
            let (field, shape) = try build(child, repetition: child.repetition, parentDefinition: level, parentRepetition: parentRepetition)
            fields.append(field)
            shapes.append(shape)
        }
        return (Field(node.name, .structure(fields), nullable: nullable), .structure(shapes, definitionLevel: level))
    }
}
