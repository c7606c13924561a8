/// `handoff.md` and the segment's figures (`figures.svg`, one sprite of `<view>`s).
struct MarkdownOutput: SiteOutput {
    func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile] {
        var files = [SiteFile(path: segment.folder + "handoff.md", contents: segment.document.markdown)]
        if !segment.document.figures.isEmpty {
            files.append(SiteFile(path: segment.folder + "figures.svg", contents: segment.document.figureSprite))
        }
        return files
    }
}

/// `packet.json`: every figure of the planning core.
struct PacketJSONOutput: SiteOutput {
    func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile] {
        [SiteFile(path: segment.folder + "packet.json", contents: PacketJSON(segment.plan).serialized())]
    }
}

/// The latest plan record, copied beside the segment page so the page can link to it.
struct PlanRecordCopyOutput: SiteOutput {
    func files(for segment: RenderedSegment, _ context: RenderContext) -> [SiteFile] {
        guard let record = segment.extras.latestRecord else { return [] }
        return [SiteFile(path: segment.folder + record.name, contents: record.text)]
    }
}
