import HandoffCore

/// `segments/<segment>/index.html`: the design doc in the page chrome.
struct SegmentPageOutput: SiteOutput {
    func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile] {
        let page = SegmentPage(
            summary: SegmentSummary(segment.plan), body: segment.body, planRecord: segment.extras.latestRecord?.name)
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
        let content = context.templates.render("index", IndexPage(site.segments.map(\.plan)))
        return [
            SiteFile(
                path: "index.html",
                contents: context.page(content, title: "Portfolio", path: "index.html", root: "", bodyClass: "index-page"))
        ]
    }
}

/// `packet.html`: every segment's doc and sign-off lines on one printable page.
struct PacketPageOutput: SiteOutput {
    func files(for site: RenderedSite, _ context: RenderContext) -> [SiteFile] {
        let packet = PacketPage(
            index: IndexPage(site.segments.map(\.plan)),
            // One page holds every segment: each body's ids are scoped to its segment.
            segments: site.segments.map { PacketSegment($0.plan, body: $0.packetBody) },
            asOf: context.asOf.description)
        let content = context.templates.render("packet", packet)
        return [
            SiteFile(
                path: "packet.html",
                contents: context.page(content, title: "Approval packet", path: "packet.html", root: "", bodyClass: "packet-page"))
        ]
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
        let paths = ["index.html", "packet.html"] + site.segments.map { $0.folder + "index.html" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for p in paths { xml += "  <url><loc>\(SVG.escape(baseURL + p))</loc><lastmod>\(context.asOf)</lastmod></url>\n" }
        xml += "</urlset>\n"
        return [SiteFile(path: "sitemap.xml", contents: xml)]
    }
}
