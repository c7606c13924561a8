import Testing

@testable import HandoffSite

/// The finishing pass over cmark's HTML: alignment as classes, single-token cells that never
/// wrap, tables as focusable named regions, and ids scoped for the packet.
@Suite("HTML polish")
struct HTMLPolishTests {
    @Test func cellsTakeClassesInsteadOfAlign() {
        let html = """
            <h3>Lead shares</h3>
            <table>
            <thead>
            <tr>
            <th>Pod</th>
            <th align="right">Share of leads</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>Activation UK</td>
            <td align="right">60%</td>
            <td align="center">x</td>
            <td align="left">2026-12-22</td>
            </tr>
            </tbody>
            </table>
            """
        let out = HTMLPolish.polish(html, figures: [])
        #expect(out.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Lead shares (table)\"><table>"))
        #expect(
            out.contains("<thead>") && out.contains("<th class=\"nw\">Pod</th>") && out.contains("<th class=\"num\">Share of leads</th>"))
        #expect(out.contains("<td>Activation UK</td>") && out.contains("<td class=\"num nw\">60%</td>"))
        #expect(out.contains("<td class=\"mid nw\">x</td>") && out.contains("<td class=\"nw\">2026-12-22</td>"))
        #expect(!out.contains("align="))
    }

    @Test func badgesInsideCellsArePolishedToo() {
        let out = HTMLPolish.polish("<table><tbody><tr><td><a href=\"#badge-bad\">breach</a></td></tr></tbody></table>", figures: [])
        #expect(out.contains("<td class=\"nw\"><strong class=\"badge badge-bad\">breach</strong></td>"))
    }

    @Test func idsAreScopedWithWhatPointsAtThem() {
        let html = """
            <h2 id="sla-model">SLA</h2><a href="#sla-model">up</a><a href="other.html#x">away</a>
            <svg aria-labelledby="esc-title esc-desc"><title id="esc-title">t</title><rect fill="url(#grad)"/></svg>
            """
        let out = HTMLPolish.scopingIDs(html, prefix: "smb")
        #expect(out.contains("id=\"smb-sla-model\"") && out.contains("href=\"#smb-sla-model\""))
        #expect(out.contains("href=\"other.html#x\""))
        #expect(out.contains("aria-labelledby=\"smb-esc-title smb-esc-desc\"") && out.contains("id=\"smb-esc-title\""))
        #expect(out.contains("url(#smb-grad)"))
    }
}
