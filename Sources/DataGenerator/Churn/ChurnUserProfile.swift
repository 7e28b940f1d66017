/// What the churn generators know about one user, derived from the seed and the user id alone.
///
/// `s360 generate crm` and `s360 generate clickstream` are separate runs that must agree about
/// every user (the CRM document's churn risk and the user's slow sessions in the clickstream
/// are two views of the same person), and neither may hold a million users in memory. So a
/// profile is a pure function of `(seed, user id)`: each user has a random stream of their own
/// (``SeededRandom/init(seed:stream:entity:)``), and either generator recomputes the profile
/// whenever it needs it.
///
/// churn_risk is driven by sentiment, persona, loyalty tier and slow sessions (which the
/// clickstream shows as long response times), so a model over the joined features can learn
/// `churn_label = churn_risk >= 20`.
struct ChurnUserProfile {
    /// The first user id; ids run `firstUserID ..< firstUserID + users`.
    static let firstUserID = 10_001

    let userID: Int
    let sentiment: String
    let persona: String
    /// The loyalty tier, for about a quarter of users.
    let tier: String?
    /// Whether the user's sessions are slow (a bad network or a far region): 2.2× response times.
    let slow: Bool
    let operatingSystem: String
    let browser: String
    /// Churn risk, 0…100.
    let risk: Int
    /// Whether the user is in the CRM but never shows up in the clickstream (about 3%).
    let hasNoEvents: Bool

    /// The profile of `userID` in the data set of `seed`.
    init(seed: UInt64, userID: Int) {
        var random = SeededRandom(seed: seed, stream: 1, entity: UInt64(userID))
        self.userID = userID
        sentiment = ChurnCatalog.sentiments.draw(&random)
        persona = ChurnCatalog.personas.draw(&random)
        tier = random.chance(0.25) ? ChurnCatalog.tiers.draw(&random) : nil
        slow = random.chance(0.25)
        operatingSystem = ChurnCatalog.operatingSystems.draw(&random)
        browser = ChurnCatalog.browsers.draw(&random)
        let points = 8 + ChurnCatalog.riskPoints(sentiment: sentiment, persona: persona, tier: tier)
            + (slow ? 14 : 0) + random.gaussian(mean: 0, deviation: 7)
        risk = max(0, min(100, Int(points.rounded(.toNearestOrEven))))
        hasNoEvents = random.chance(0.03)
    }
}
