import Foundation
import Testing

@testable import HandoffSite

@Suite("Markdown to HTML (cmark-gfm)")
struct MarkdownToHTMLTests {
    @Test func gfmExtensions() {
        let html = MarkdownToHTML.convert("| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n~~old~~ and https://example.com\n")
        #expect(html.contains("<table>") && html.contains("<td align=\"right\">2</td>"))
        #expect(html.contains("<del>old</del>"))
        // No autolinks: brief text never becomes a link.
        #expect(!html.contains("<a href") && html.contains("https://example.com"))
    }

    @Test func rawHTMLIsOmitted() {
        let html = MarkdownToHTML.convert("<script>alert(1)</script>\n\nText <b>bold</b> [x](javascript:alert(1))\n")
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(!html.contains("javascript:"))
    }

    @Test func concurrentConversionsAgree() async {
        let doc = (1...40).map { "| n | \($0) |\n| --- | --- |\n| x | **\($0)** |\n" }.joined(separator: "\n")
        let expected = MarkdownToHTML.convert(doc)
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 { group.addTask { MarkdownToHTML.convert(doc) } }
            var all: [String] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func polishAddsAnchorsBadgesAndFigures() {
        let markdown =
            "## SLA model\n\nStatus \(MarkdownText.badge(Badge("breach", .bad))) and **bold breach**\n\n| a |\n| - |\n| b |\n\n![Curve](figures.svg#curve)\n\n"
            + MarkdownText.badgeDefinitions
        let html = MarkdownToHTML.convert(markdown)
        let out = HTMLPolish.polish(html, figures: [Figure(id: "curve", width: 10, height: 10, svg: "<svg><title>t</title></svg>\n")])
        #expect(out.contains("<h2 id=\"sla-model\">SLA model</h2>"))
        #expect(out.contains("<strong class=\"badge badge-bad\">breach</strong>"))
        // Bold words stay bold: badges come from the presenter's choice, not from the words.
        #expect(out.contains("<strong>bold breach</strong>"))
        #expect(out.contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"SLA model (table)\"><table>"))
        #expect(out.contains("<figure class=\"figure\" tabindex=\"0\">\n<svg><title>t</title></svg>\n<figcaption>Curve</figcaption>"))
    }

    @Test func templatesInTheBinaryMatchTemplatesFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Templates")
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { name in
            var dir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &dir)
            return !dir.boolValue && !(name as NSString).lastPathComponent.hasPrefix(".")
        }
        #expect(Set(names) == Set(BuiltInTemplates.files.keys), "run `make templates`")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(BuiltInTemplates.files[name] == text, "\(name) differs from the built-in copy; run `make templates`")
        }
    }
}
