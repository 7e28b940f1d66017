import Testing
@testable import Portal

@Suite struct HTMLTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTML.escape(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("Zoë 東京 plain") == "Zoë 東京 plain")
    }

    @Test func interpolatedTextIsEscapedAndMarkupIsNot() {
        let name = "<script>alert(1)</script>"
        let cell: HTML = "<td>\(name)</td>"
        #expect(cell.rendered == "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
        let row: HTML = "<tr>\(cell)</tr>"
        #expect(row.rendered == "<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>")
    }

    @Test func aValueCannotLeaveItsAttribute() {
        let id = #"1" onmouseover="alert(1)"#
        let link: HTML = "<a href=\"/customers/\(id)\">x</a>"
        #expect(!link.rendered.contains(#"" onmouseover"#))
        #expect(link.rendered.contains("&quot; onmouseover=&quot;"))
    }

    @Test func numbersAndFragmentListsInterpolate() {
        let items: [HTML] = ["<li>\("a<b")</li>", "<li>\(2)</li>"]
        let list: HTML = "<ul>\(items)</ul>"
        #expect(list.rendered == "<ul><li>a&lt;b</li><li>2</li></ul>")
    }

    @Test func pathSegmentsArePercentEncoded() {
        #expect(URLComponentEncoding.encode("a b/é?") == "a%20b%2F%C3%A9%3F")
        #expect(URLComponentEncoding.encode("10878") == "10878")
    }
}
