import HandoffCore

/// Renders plans into the site's files (SPEC §5). Pure: values in, file contents out. A segment
/// is rendered once (Markdown → cmark-gfm → polished HTML); every `SiteOutput` draws its files
/// from that.
public struct SiteRenderer: Sendable {
    public var context: RenderContext
    /// Where each step's time goes, when the build was asked for timings.
    public var timings: BuildTimings?
    /// Outputs written for each segment, and for the site as a whole.
    let segmentOutputs: [any SiteOutput] = [MarkdownOutput(), PacketJSONOutput(), PlanRecordCopyOutput(), SegmentPageOutput()]
    /// `packet.html` is not among them: it holds every segment's body, and is streamed.
    let siteOutputs: [any SiteOutput] = [IndexOutput(), AssetsOutput(), SitemapOutput()]

    public init(templates: TemplateSet, asOf: CalendarDate, baseURL: String?, briefCount: Int) {
        context = RenderContext(
            templates: templates, asOf: asOf, baseURL: baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }, briefCount: briefCount)
    }

    /// Markdown, then HTML, once per segment.
    public func render(_ plan: HandoffPlan, extras: SegmentExtras) -> RenderedSegment {
        let document = timings.measure(.markdown) { SegmentMarkdown.render(plan, trail: extras.trail) }
        let html = timings.measure(.cmark) { MarkdownToHTML.convert(document.markdown) }
        let body = timings.measure(.polish) { HTMLPolish.polish(html, figures: document.figures) }
        let packetBody = timings.measure(.polish) { HTMLPolish.scopingIDs(body, prefix: plan.segment) }
        return RenderedSegment(plan: plan, document: document, body: body, packetBody: packetBody, extras: extras)
    }

    /// The files of one segment's folder.
    public func segmentFiles(_ segment: RenderedSegment) -> [SiteFile] {
        timings.measure(.templates) { segmentOutputs.flatMap { $0.files(for: segment, context) } }
    }

    /// `index.html`, assets and, with a base URL, `sitemap.xml`.
    public func siteFiles(_ site: RenderedSite) -> [SiteFile] {
        timings.measure(.templates) { siteOutputs.flatMap { $0.files(for: site, context) } }
    }

    /// `packet.html` whole, from every segment's id-scoped body (`RenderedSegment.packetBody`).
    public func packetPage(_ plans: [HandoffPlan], bodies: [String]) -> SiteFile {
        timings.measure(.templates) {
            SiteFile(path: PacketPageOutput.path, contents: PacketPageOutput.page(plans, bodies: bodies, context))
        }
    }

    /// `packet.html` cut where each segment's body goes, for writing it as segments render;
    /// nil when the templates do not place every body once, unescaped (use `packetPage`).
    public func packetFrame(_ plans: [HandoffPlan]) -> [ArraySlice<UInt8>]? {
        timings.measure(.templates) { PacketPageOutput.frame(plans, context) }
    }
}
