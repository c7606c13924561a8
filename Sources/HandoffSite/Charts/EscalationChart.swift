import HandoffCore

/// The escalation tree as a picture: one box per level from the assigned rep to leadership,
/// joined by arrows labelled with what triggers the next level.
enum EscalationChart {
    static let boxH = 50.0, gap = 34.0, top = 12.0

    static func figure(_ ladder: EscalationLadder) -> Figure {
        let height = Int(top * 2 + Double(ladder.levels.count) * boxH + Double(max(0, ladder.levels.count - 1)) * gap)
        return Figure(id: "escalation", width: 640, height: height, svg: svg(ladder, height: height))
    }

    static func svg(_ ladder: EscalationLadder, height: Int) -> String {
        let width = 640
        let desc = ladder.levels.map {
            "Level \($0.number): \(EscalationText.owner($0.owner)), substitute \(EscalationText.substitute($0.substitute))"
        }.joined(separator: "; ")
        var s = SVG.open(width: width, height: height, id: "escalation", title: "Escalation tree", desc: desc)
        s +=
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3b4452\"/></marker></defs>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        let boxX = 16.0, boxW = 400.0
        for (i, level) in ladder.levels.enumerated() {
            let y = top + Double(i) * (boxH + gap)
            let isTop = i == ladder.levels.count - 1
            s +=
                "<rect x=\"\(SVG.n(boxX))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(boxW))\" height=\"\(SVG.n(boxH))\" rx=\"6\" fill=\"\(isTop ? "#eef2ff" : "#f8fafc")\" stroke=\"#3b4452\" stroke-width=\"\(isTop ? 2 : 1.2)\"/>\n"
            s +=
                "<text x=\"\(SVG.n(boxX + 12))\" y=\"\(SVG.n(y + 20))\" font-weight=\"700\" fill=\"#111827\">L\(level.number) · \(SVG.escape(EscalationText.owner(level.owner)))</text>\n"
            s +=
                "<text x=\"\(SVG.n(boxX + 12))\" y=\"\(SVG.n(y + 38))\" fill=\"#3b4452\" font-size=\"11\">substitute: \(SVG.escape(clip(EscalationText.substitute(level.substitute), 62)))</text>\n"
            if i + 1 < ladder.levels.count {
                let next = ladder.levels[i + 1]
                let y1 = y + boxH, y2 = y + boxH + gap
                s +=
                    "<line x1=\"\(SVG.n(boxX + boxW / 2))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(boxX + boxW / 2))\" y2=\"\(SVG.n(y2 - 2))\" stroke=\"#3b4452\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n"
                s +=
                    "<text x=\"\(SVG.n(boxX + boxW / 2 + 10))\" y=\"\(SVG.n(y1 + gap / 2 + 4))\" fill=\"#7c2d12\" font-size=\"11\">\(SVG.escape(clip(EscalationText.trigger(next.trigger), 68)))</text>\n"
            }
        }
        s += "</svg>\n"
        return s
    }

    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
