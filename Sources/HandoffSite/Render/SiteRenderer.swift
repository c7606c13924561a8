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
    let siteOutputs: [any SiteOutput] = [IndexOutput(), PacketPageOutput(), AssetsOutput(), SitemapOutput()]

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

    /// `index.html`, `packet.html`, assets and, with a base URL, `sitemap.xml`.
    public func siteFiles(_ site: RenderedSite) -> [SiteFile] {
        timings.measure(.templates) { siteOutputs.flatMap { $0.files(for: site, context) } }
    }
}
