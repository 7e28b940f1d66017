import Testing
@testable import Portal

/// `application/x-www-form-urlencoded` queries, as a browser's search form sends them.
@Suite struct FormURLEncodingTests {
    @Test func plusIsASpaceAndPercentEscapesAreDecodedAfterIt() {
        #expect(FormURLEncoding.value(of: "q", in: "q=Kenji+Kim") == "Kenji Kim")
        #expect(FormURLEncoding.value(of: "q", in: "q=1%2B1") == "1+1", "an encoded plus stays a plus")
        #expect(FormURLEncoding.value(of: "q", in: "q=M%C3%BCller+%26+Co") == "Müller & Co")
        #expect(FormURLEncoding.value(of: "q", in: "token=x&q=a%20b") == "a b")
    }

    @Test func malformedEscapesStayAsTheyAreAndMissingValuesAreEmpty() {
        #expect(FormURLEncoding.value(of: "q", in: "q=100%") == "100%")
        #expect(FormURLEncoding.value(of: "q", in: "q=%zz%4") == "%zz%4")
        #expect(FormURLEncoding.value(of: "q", in: "q") == "")
        #expect(FormURLEncoding.value(of: "q", in: "other=1") == nil)
        #expect(FormURLEncoding.value(of: "q", in: nil) == nil)
        #expect(FormURLEncoding.value(of: "first name", in: "first+name=Ada") == "Ada", "names are decoded too")
    }
}
