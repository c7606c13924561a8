import HandoffCore

/// A pod's weekly attainment as the CRM recorded it (SPEC §3.8), against the target and the
/// band one week's figure falls in if the model is right. Points carry the figure; the target is
/// dashed, the band shaded and labelled, so it reads without colour.
enum ActualsChart {
    static func figure(_ pod: SLAActuals.PodActuals) -> Figure {
        let id = "actuals-" + MarkdownText.slug(pod.pod)
        return Figure(id: id, width: 640, height: 280, svg: svg(pod, id: id))
    }

    static func label(_ d: CalendarDate) -> String { d.shortDescription }

    static func svg(_ pod: SLAActuals.PodActuals, id: String) -> String {
        let width = 640, height = 280
        let left = 56.0, right = 24.0, top = 20.0, bottom = 52.0
        let plotW = Double(width) - left - right
        let plotH = Double(height) - top - bottom
        let weeks = pod.weeks
        let slot = plotW / Double(max(weeks.count, 1))
        func x(_ w: Int) -> Double { left + slot * (Double(w) + 0.5) }
        func y(_ a: Double) -> Double { top + plotH * (1 - a) }
        let known = weeks.enumerated().compactMap { w, week in week.attainment.map { (w, $0) } }
        let below = known.filter { $0.1 < pod.target - SLAStatus.tolerance }.count
        var desc =
            "Share of \(pod.pod)'s leads touched in time, week by week, from the week of \(label(weeks.first?.start ?? CalendarDate(daysSinceEpoch: 0))): \(below) of \(known.count) weeks below the \(Format.percent(pod.target)) target"
        if let mean = pod.modelMean, let low = pod.weekLow, let high = pod.weekHigh {
            desc +=
                "; the model predicts \(Format.percent(mean)), and one week's figure between \(Format.percent(low)) and \(Format.percent(high))"
        }
        var s = SVG.open(width: width, height: height, id: id, title: "Actual attainment by week: \(pod.pod)", desc: desc + ".")
        s += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        s += SVG.percentGrid(left: left, width: plotW, y: y)
        // The model's band for one week, and its mean.
        if let mean = pod.modelMean, let low = pod.weekLow, let high = pod.weekHigh {
            s +=
                "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y(high)))\" width=\"\(SVG.n(plotW))\" height=\"\(SVG.n(max(1, y(low) - y(high))))\" fill=\"#dbeafe\"/>\n"
            s +=
                "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y(mean)))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(y(mean)))\" stroke=\"#1d4ed8\" stroke-width=\"1\"/>\n"
            s +=
                "<text x=\"\(SVG.n(left + 6))\" y=\"\(SVG.n(min(y(low) + 14, top + plotH - 4)))\" fill=\"#1e3a8a\">model: \(Format.percent(mean)), a week between \(Format.percent(low)) and \(Format.percent(high))</text>\n"
        }
        let ty = SVG.n(y(pod.target))
        s +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(ty)\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(ty)\" stroke=\"#9a3412\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        s +=
            "<text x=\"\(SVG.n(left + plotW - 4))\" y=\"\(SVG.n(y(pod.target) - 6))\" text-anchor=\"end\" fill=\"#9a3412\">target \(Format.percent(pod.target))</text>\n"
        // Week labels: at most about eight.
        let step = max(1, Int((Double(weeks.count) / 8).rounded(.up)))
        for w in stride(from: 0, to: weeks.count, by: step) {
            s +=
                "<text x=\"\(SVG.n(x(w)))\" y=\"\(SVG.n(top + plotH + 18))\" text-anchor=\"middle\" fill=\"#3b4452\">\(label(weeks[w].start))</text>\n"
        }
        s +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(top + plotH))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#3b4452\"/>\n"
        s += "<text x=\"\(SVG.n(left + plotW / 2))\" y=\"\(height - 10)\" text-anchor=\"middle\" fill=\"#1f2733\">Week starting</text>\n"
        s +=
            "<text transform=\"translate(14 \(SVG.n(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#1f2733\">Touched in time</text>\n"
        // The actual line: weeks with no decided lead leave a gap.
        var path = ""
        var previous: Int?
        for (w, a) in known {
            path += (previous == w - 1 ? " L" : " M") + "\(SVG.n(x(w))) \(SVG.n(y(a)))"
            previous = w
        }
        if !path.isEmpty { s += "<path d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"#111827\" stroke-width=\"2\"/>\n" }
        for (w, a) in known {
            let short = a < pod.target - SLAStatus.tolerance
            s +=
                "<circle cx=\"\(SVG.n(x(w)))\" cy=\"\(SVG.n(y(a)))\" r=\"4\" fill=\"\(short ? "#ffffff" : "#111827")\" stroke=\"#111827\" stroke-width=\"2\"><title>week of \(label(weeks[w].start)): \(Format.percent(a)) of \(weeks[w].decided) leads</title></circle>\n"
        }
        s += "</svg>\n"
        return s
    }
}
