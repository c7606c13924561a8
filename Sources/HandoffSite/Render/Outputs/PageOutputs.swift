import HandoffCore

/// `segments/<segment>/index.html`: the design doc in the page chrome.
struct SegmentPageOutput: SiteOutput {
    func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile] {
        let page = SegmentPage(
            summary: SegmentSummary(segment.plan), sections: SectionLink.all(segment.plan), body: segment.body,
            planRecord: segment.extras.latestRecord?.name)
        let path = segment.folder + "index.html"
        let content = context.templates.render("segment", page)
        return [
            SiteFile(
                path: path,
                contents: context.page(content, title: segment.plan.brief.title, path: path, root: "../../", bodyClass: "segment-page"))
        ]
    }
}

/// `index.html`: the portfolio.
struct IndexOutput: SiteOutput {
    func files(for site: RenderedSite, _ context: RenderContext) -> [SiteFile] {
        let content = context.templates.render("index", IndexPage(site.plans))
        return [
            SiteFile(
                path: "index.html",
                contents: context.page(content, title: "Portfolio", path: "index.html", root: "", bodyClass: "index-page"))
        ]
    }
}

/// `packet.html`: every segment's doc and sign-off lines on one printable page. At a thousand
/// segments it is tens of megabytes, so the build streams it: the page is rendered once with a
/// marker where each segment's body goes, cut at the markers, and each body written into its
/// place as its segment renders. A template that does not place each body once, unescaped,
/// gets the page rendered whole instead, with the same bytes.
enum PacketPageOutput {
    static let path = "packet.html"

    /// The whole page with each segment's (id-scoped) body.
    static func page(_ plans: [HandoffPlan], bodies: [String], _ context: RenderContext) -> String {
        let packet = PacketPage(
            index: IndexPage(plans), segments: zip(plans, bodies).map { PacketSegment($0, body: $1) }, asOf: context.asOf.description)
        let content = context.templates.render("packet", packet)
        return context.page(content, title: "Approval packet", path: path, root: "", bodyClass: "packet-page")
    }

    static let markerPrefix = Array("<!--handoff-packet-body-".utf8)

    /// The page cut where the bodies go: `plans.count + 1` pieces, the bodies to be written
    /// between them in order; nil when the templates do not place every body exactly once.
    static func frame(_ plans: [HandoffPlan], _ context: RenderContext) -> [ArraySlice<UInt8>]? {
        let markers = plans.indices.map { "<!--handoff-packet-body-\($0)-->" }
        let page = Array(page(plans, bodies: markers, context).utf8)
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        let first = markerPrefix[0]
        while i + markerPrefix.count <= page.count {
            guard page[i] == first, page[i..<(i + markerPrefix.count)].elementsEqual(markerPrefix) else {
                i += 1
                continue
            }
            // The marker's number, then its end.
            var j = i + markerPrefix.count
            var number = 0
            while j < page.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(page[j]), number < 1 << 40 {
                number = number * 10 + Int(page[j] - UInt8(ascii: "0"))
                j += 1
            }
            let end = Array("-->".utf8)
            guard number == pieces.count, j + end.count <= page.count, page[j..<(j + end.count)].elementsEqual(end) else { return nil }
            pieces.append(page[start..<i])
            start = j + end.count
            i = start
        }
        guard pieces.count == plans.count else { return nil }
        pieces.append(page[start...])
        return pieces
    }
}

/// The stylesheet and other assets of the templates folder.
struct AssetsOutput: SiteOutput {
    func files(for site: RenderedSite, _ context: RenderContext) -> [SiteFile] {
        context.templates.assets.map { SiteFile(path: $0.path, contents: $0.text) }
    }
}

/// `sitemap.xml`, only with a base URL.
struct SitemapOutput: SiteOutput {
    func files(for site: RenderedSite, _ context: RenderContext) -> [SiteFile] {
        guard let baseURL = context.baseURL else { return [] }
        let paths = ["index.html", PacketPageOutput.path] + site.plans.map { "segments/\($0.segment)/index.html" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for p in paths { xml += "  <url><loc>\(SVG.escape(baseURL + p))</loc><lastmod>\(context.asOf)</lastmod></url>\n" }
        xml += "</urlset>\n"
        return [SiteFile(path: "sitemap.xml", contents: xml)]
    }
}
