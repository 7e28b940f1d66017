/// The value catalogues of the generated churn data: an online electronics shop's visitors,
/// their devices, the products they look at, and their CRM profiles. Weights are relative.
enum ChurnCatalog {
    static let operatingSystems = WeightedTable<String>([
        ("Windows", 38), ("Android", 27), ("iOS", 18), ("MacOS", 10), ("Linux", 4), ("ChromeOS", 3),
    ])
    static let browsers = WeightedTable<String>([
        ("Chrome", 52), ("Safari", 20), ("Firefox", 11), ("Edge", 10), ("Samsung Internet", 4), ("Opera", 3),
    ])
    /// Products with their typical page response time in milliseconds.
    static let products = WeightedTable<(name: String, path: String, baseMilliseconds: Double)>([
        (("Laptop", "laptop", 420), 14), (("Smartphone", "smartphone", 300), 20), (("Headphones", "headphones", 220), 14),
        (("Smartwatch", "smartwatch", 260), 10), (("Tablet", "tablet", 340), 9), (("Camera", "camera", 480), 6),
        (("Monitor", "monitor", 390), 8), (("Keyboard", "keyboard", 180), 10), (("Printer", "printer", 520), 5),
        (("Router", "router", 610), 4),
    ])
    static let pages = ["", "/reviews", "/specs", "/compare", "/cart", "/checkout", "/support"]

    static let sentiments = WeightedTable<String>([("positive", 45), ("neutral", 35), ("negative", 20)])
    static let personas = WeightedTable<String>([
        ("bargain hunter", 25), ("loyal", 20), ("tech enthusiast", 20), ("casual browser", 25), ("business buyer", 10),
    ])
    static let tiers = WeightedTable<String>([("bronze", 50), ("silver", 30), ("gold", 15), ("platinum", 5)])

    static let firstNames = [
        "Aarav", "Maya", "Liam", "Olivia", "Noah", "Emma", "Wei", "Sofia", "Lucas", "Isabella",
        "Arjun", "Mia", "Ethan", "Ava", "Mateo", "Chloe", "Kenji", "Zara", "Omar", "Priya",
    ]
    static let lastNames = [
        "Smith", "Garcia", "Chen", "Patel", "Johnson", "Brown", "Nguyen", "Kim", "Lopez", "Müller",
        "Rossi", "Khan", "Williams", "Silva", "Ivanova", "Okafor", "Sato", "Jones", "Martin", "Lee",
    ]
    static let streets = [
        "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Lake Rd", "Hill Rd", "Park Ave", "Sunset Blvd",
    ]
    /// Cities with their state and the first three zip digits.
    static let cities: [(city: String, state: String, zipPrefix: String)] = [
        ("San Francisco", "CA", "941"), ("Austin", "TX", "787"), ("Boston", "MA", "021"), ("Seattle", "WA", "981"),
        ("Chicago", "IL", "606"), ("Denver", "CO", "802"), ("Atlanta", "GA", "303"), ("New York", "NY", "100"),
        ("Miami", "FL", "331"), ("Portland", "OR", "972"),
    ]

    /// Churn-risk contributions of each profile trait (points on the 0–100 scale).
    static func riskPoints(sentiment: String, persona: String, tier: String?) -> Double {
        let bySentiment: Double = switch sentiment {
        case "positive": -6
        case "neutral": 4
        default: 18
        }
        let byPersona: Double = switch persona {
        case "bargain hunter": 9
        case "loyal": -7
        case "casual browser": 6
        case "business buyer": -3
        default: 0
        }
        let byTier: Double = switch tier {
        case "bronze": 2
        case "silver": -2
        case "gold": -6
        case "platinum": -9
        default: 3
        }
        return bySentiment + byPersona + byTier
    }
}
