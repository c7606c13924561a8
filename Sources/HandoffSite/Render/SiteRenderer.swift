import Foundation
import HandoffCore

/// One file of the site: a path relative to the output folder and its text.
public struct SiteFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// What a segment brings to the site besides its plan: its audit trail and latest record.
public struct SegmentExtras: Sendable {
    public var trail: AuditTrail
    /// The latest plan record's file name and text, copied beside the segment page.
    public var latestRecord: (name: String, text: String)?

    public init(trail: AuditTrail, latestRecord: (name: String, text: String)?) {
        self.trail = trail
        self.latestRecord = latestRecord
    }
}

/// Renders plans into the site's files (SPEC §5). Pure: values in, file contents out.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    public var asOf: CalendarDate
    /// With a base URL, pages carry canonical links and the site a `sitemap.xml`.
    public var baseURL: String?

    public init(templates: TemplateSet, asOf: CalendarDate, baseURL: String?) {
        self.templates = templates
        self.asOf = asOf
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// A rendered segment: its files and the HTML body the packet reuses.
    public struct RenderedSegment: Sendable {
        public var files: [SiteFile]
        public var body: String
    }

    /// The segment's folder: Markdown, figures, packet.json, the page and the latest record.
    public func renderSegment(_ plan: HandoffPlan, extras: SegmentExtras, briefCount: Int) -> RenderedSegment {
        let dir = "segments/\(plan.segment)/"
        let doc = SegmentMarkdown.render(plan, trail: extras.trail)
        let html = MarkdownToHTML.convert(doc.markdown)
        let body = HTMLPolish.polish(html, figures: doc.figures)
        var files = [
            SiteFile(path: dir + "handoff.md", contents: doc.markdown),
            SiteFile(path: dir + "packet.json", contents: PacketJSON.make(plan).serialized()),
        ]
        if !doc.figures.isEmpty { files.append(SiteFile(path: dir + "figures.svg", contents: doc.figureSprite)) }
        if let record = extras.latestRecord { files.append(SiteFile(path: dir + record.name, contents: record.text)) }
        var context = PageContext.segment(plan)
        context["sections"] = SegmentMarkdown.sections.map { ["id": $0.id, "title": $0.title] }
        context["body"] = body
        if let record = extras.latestRecord { context["planRecord"] = record.name }
        context["root"] = "../../"
        let content = templates.render("segment", context)
        files.append(
            SiteFile(
                path: dir + "index.html",
                contents: page(
                    content, title: plan.brief.title, path: dir + "index.html", root: "../../", bodyClass: "segment-page",
                    briefCount: briefCount)))
        return RenderedSegment(files: files, body: body)
    }

    /// `index.html`, `packet.html`, assets and, with a base URL, `sitemap.xml`.
    public func renderSiteWide(_ plans: [HandoffPlan], bodies: [String: String]) -> [SiteFile] {
        var files: [SiteFile] = []
        let index = templates.render("index", PageContext.index(plans))
        files.append(
            SiteFile(
                path: "index.html",
                contents: page(index, title: "Portfolio", path: "index.html", root: "", bodyClass: "index-page", briefCount: plans.count)))
        var packet = PageContext.index(plans)
        packet["segments"] = plans.map { plan -> [String: Any] in
            var c = PageContext.segment(plan)
            c["body"] = bodies[plan.segment] ?? ""
            c["approvals"] = plan.approval.approvals.map { a -> [String: Any] in
                var approval: [String: Any] = ["role": a.role, "status": a.status.rawValue]
                // Absent keys, not nil values: Mustache would print an Optional as "nil".
                if let name = a.name { approval["name"] = name }
                if let date = a.date { approval["date"] = date.description }
                return approval
            }
            return c
        }
        packet["asOf"] = asOf.description
        let packetContent = templates.render("packet", packet)
        files.append(
            SiteFile(
                path: "packet.html",
                contents: page(
                    packetContent, title: "Approval packet", path: "packet.html", root: "", bodyClass: "packet-page",
                    briefCount: plans.count)))
        for asset in templates.assets { files.append(SiteFile(path: asset.path, contents: asset.text)) }
        if let baseURL {
            let paths = ["index.html", "packet.html"] + plans.map { "segments/\($0.segment)/index.html" }
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for p in paths { xml += "  <url><loc>\(SVG.escape(baseURL + p))</loc><lastmod>\(asOf)</lastmod></url>\n" }
            xml += "</urlset>\n"
            files.append(SiteFile(path: "sitemap.xml", contents: xml))
        }
        return files
    }

    func page(_ content: String, title: String, path: String, root: String, bodyClass: String, briefCount: Int) -> String {
        var context: [String: Any] = [
            "pageTitle": title, "content": content, "root": root, "bodyClass": bodyClass, "asOf": asOf.description,
            "briefCount": briefCount, "oneBrief": briefCount == 1,
        ]
        if let baseURL { context["canonical"] = baseURL + path }
        return templates.render("layout", context)
    }
}
