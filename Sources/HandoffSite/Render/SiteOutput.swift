import HandoffCore

/// A segment rendered once, for every output to draw on: its plan, the Markdown document with
/// its figures, the document as polished HTML, and the audit trail and latest record.
public struct RenderedSegment: Sendable {
    public var plan: HandoffPlan
    public var document: SegmentDocument
    /// The design doc as HTML, shared by the segment page and the packet.
    public var body: String
    /// The same HTML with its ids scoped to the segment, for the one-page packet; made with the
    /// segment, in parallel, rather than one segment after another when the packet is filled.
    public var packetBody: String
    public var extras: SegmentExtras
    /// `segments/<segment>/`.
    public var folder: String { "segments/\(plan.segment)/" }
}

/// The whole site's inputs for site-wide outputs: every segment's plan, in slug order. The
/// rendered pages are not kept for them: each is written as soon as it is rendered.
public struct RenderedSite: Sendable {
    public var plans: [HandoffPlan]
}

/// One kind of output file (SPEC §5): what it contributes for each segment and for the site.
/// The renderer runs every output; each owns its files' format and nothing else.
public protocol SiteOutput: Sendable {
    func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile]
    func files(for site: RenderedSite, _ context: RenderContext) -> [SiteFile]
}

extension SiteOutput {
    public func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile] { [] }
    public func files(for site: RenderedSite, _ context: RenderContext) -> [SiteFile] { [] }
}

/// What every output may need besides the segments: templates, build date, base URL.
public struct RenderContext: Sendable {
    public var templates: TemplateSet
    public var asOf: CalendarDate
    /// With a base URL (ending in `/`), pages carry canonical links and the site a sitemap.
    public var baseURL: String?
    public var briefCount: Int

    /// A page inside the layout.
    func page(_ content: String, title: String, path: String, root: String, bodyClass: String) -> String {
        templates.render(
            "layout",
            LayoutPage(
                pageTitle: title, content: content, root: root, bodyClass: bodyClass, asOf: asOf.description, briefCount: briefCount,
                oneBrief: briefCount == 1, canonical: baseURL.map { $0 + path }))
    }
}
