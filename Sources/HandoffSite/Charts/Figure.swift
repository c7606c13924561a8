/// One SVG picture of a segment page: inlined in the HTML, and a `<view>` of the segment's
/// `figures.svg` for the Markdown.
public struct Figure: Sendable, Hashable {
    public var id: String
    public var width: Int
    public var height: Int
    public var svg: String

    /// How the Markdown refers to it.
    public var reference: String { "figures.svg#\(id)" }

    /// Stacks figures into one SVG; `figures.svg#<id>` shows one of them (SVG `<view>` fragments).
    static func sprite(_ figures: [Figure]) -> String {
        let width = figures.map(\.width).max() ?? 0
        let height = figures.reduce(0) { $0 + $1.height }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n"
        var y = 0
        for figure in figures {
            out += "<view id=\"\(figure.id)\" viewBox=\"0 \(y) \(figure.width) \(figure.height)\"/>\n"
            // Nested <svg> elements keep each chart's own coordinates.
            // SVG 1.1 (what the file is checked as) has no ARIA; the pages inline each figure with it.
            // The attribute sits in the opening tag: only that line is searched (Foundation's search
            // over a whole chart was 8% of a re-render).
            let svg = figure.svg
            let end = svg.firstIndex(of: "\n") ?? svg.endIndex
            let tag = svg[..<end].replacingOccurrences(of: SVG.aria(id: figure.id), with: "")
            out += "<svg x=\"0\" y=\"\(y)\" width=\"\(figure.width)\" height=\"\(figure.height)\">\n"
            out += tag
            out += svg[end...]
            out += "</svg>\n"
            y += figure.height
        }
        return out + "</svg>\n"
    }
}
