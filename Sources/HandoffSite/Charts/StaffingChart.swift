import HandoffCore

/// The staffing curve of a pod (SPEC §3.3.4): simulated attainment against reps under the real
/// calendar with its 95% band, the in-hours textbook figure as a second, dashed line, the target, today's
/// staffing and the ceiling. Shapes and labels carry the meaning, not colour alone.
enum StaffingChart {
    static func figure(_ pod: PodSLA, target: Double) -> Figure {
        let id = "staffing-" + MarkdownText.slug(pod.name)
        return Figure(id: id, width: 640, height: 300, svg: svg(pod, target: target, id: id))
    }

    static func svg(_ pod: PodSLA, target: Double, id: String) -> String {
        let width = 640, height = 300
        let left = 56.0, right = 24.0, top = 20.0, bottom = 48.0
        let plotW = Double(width) - left - right
        let plotH = Double(height) - top - bottom
        let points = pod.staffingCurve
        let maxReps = max(points.last?.reps ?? 1, 2)
        func x(_ reps: Int) -> Double { left + plotW * Double(reps - 1) / Double(maxReps - 1) }
        func y(_ a: Double) -> Double { top + plotH * (1 - a) }
        let needed =
            pod.requiredRepsSimulated.map { "\(Format.reps($0)) \($0 == 1 ? "meets" : "meet") the \(Format.percent(target)) target" }
            ?? "no headcount meets the target; the ceiling is \(Format.percent(pod.bestAttainment))"
        let desc =
            "Simulated attainment for 1 to \(maxReps) reps in pod \(pod.name), with the in-hours textbook figure as a dashed line. Today \(Format.reps(pod.reps)) \(pod.reps == 1 ? "reaches" : "reach") \(Format.percent(pod.simulated.attainment)); \(needed)."
        var s = SVG.open(width: width, height: height, id: id, title: "Staffing curve: \(pod.name)", desc: desc)
        s += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        // Grid and y axis.
        s += SVG.percentGrid(left: left, width: plotW, y: y)
        // X ticks: at most about ten labels.
        let step = max(1, Int((Double(maxReps) / 10).rounded(.up)))
        for reps in stride(from: 1, through: maxReps, by: step) {
            let xx = SVG.n(x(reps))
            s += "<line x1=\"\(xx)\" y1=\"\(SVG.n(top + plotH))\" x2=\"\(xx)\" y2=\"\(SVG.n(top + plotH + 5))\" stroke=\"#3b4452\"/>\n"
            s += "<text x=\"\(xx)\" y=\"\(SVG.n(top + plotH + 18))\" text-anchor=\"middle\" fill=\"#3b4452\">\(reps)</text>\n"
        }
        s +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(top + plotH))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#3b4452\"/>\n"
        s += "<text x=\"\(SVG.n(left + plotW / 2))\" y=\"\(height - 8)\" text-anchor=\"middle\" fill=\"#1f2733\">Reps in the pod</text>\n"
        s +=
            "<text transform=\"translate(14 \(SVG.n(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#1f2733\">Attainment</text>\n"
        // Target line.
        let ty = SVG.n(y(target))
        s +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(ty)\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(ty)\" stroke=\"#9a3412\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
        s +=
            "<text x=\"\(SVG.n(left + plotW - 4))\" y=\"\(SVG.n(y(target) - 6))\" text-anchor=\"end\" fill=\"#9a3412\">target \(Format.percent(target))</text>\n"
        // Ceiling: what unlimited reps reach.
        if pod.bestAttainment < 0.999 {
            let cy = SVG.n(y(pod.bestAttainment))
            s +=
                "<line x1=\"\(SVG.n(left))\" y1=\"\(cy)\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(cy)\" stroke=\"#6b7280\" stroke-width=\"1.5\" stroke-dasharray=\"1 3\"/>\n"
            s +=
                "<text x=\"\(SVG.n(left + 6))\" y=\"\(SVG.n(y(pod.bestAttainment) - 6))\" fill=\"#374151\">ceiling \(Format.percent(pod.bestAttainment))</text>\n"
        }
        // The in-hours textbook line, then the simulated curve.
        let reference = points.map { "\(SVG.n(x($0.reps))),\(SVG.n(y($0.erlang)))" }.joined(separator: " ")
        s += "<polyline points=\"\(reference)\" fill=\"none\" stroke=\"#94a3b8\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>\n"
        // The legend sits low on the right, clear of the target line and the curves' tops.
        s +=
            "<line x1=\"\(SVG.n(left + plotW - 250))\" y1=\"\(SVG.n(top + plotH - 30))\" x2=\"\(SVG.n(left + plotW - 226))\" y2=\"\(SVG.n(top + plotH - 30))\" stroke=\"#1d4ed8\" stroke-width=\"2.5\"/>\n"
        s +=
            "<text x=\"\(SVG.n(left + plotW - 220))\" y=\"\(SVG.n(top + plotH - 26))\" fill=\"#1f2733\">simulated, real calendar (band: 95%)</text>\n"
        s +=
            "<line x1=\"\(SVG.n(left + plotW - 250))\" y1=\"\(SVG.n(top + plotH - 12))\" x2=\"\(SVG.n(left + plotW - 226))\" y2=\"\(SVG.n(top + plotH - 12))\" stroke=\"#94a3b8\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>\n"
        s +=
            "<text x=\"\(SVG.n(left + plotW - 220))\" y=\"\(SVG.n(top + plotH - 8))\" fill=\"#475569\">in-hours textbook (Erlang C)</text>\n"
        // The simulated points' 95% intervals (±2 points, SPEC §3.3.3) as a band under the line.
        if points.count > 1 {
            let upper = points.map { "\(SVG.n(x($0.reps))),\(SVG.n(y($0.high)))" }
            let lower = points.reversed().map { "\(SVG.n(x($0.reps))),\(SVG.n(y($0.low)))" }
            s += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#1d4ed8\" fill-opacity=\"0.15\" stroke=\"none\"/>\n"
        }
        let path = points.map { "\(SVG.n(x($0.reps))),\(SVG.n(y($0.simulated)))" }.joined(separator: " ")
        s += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2.5\"/>\n"
        // Required reps.
        if let required = pod.requiredRepsSimulated, required <= maxReps, required >= 1 {
            let rx = SVG.n(x(required))
            s +=
                "<line x1=\"\(rx)\" y1=\"\(SVG.n(top))\" x2=\"\(rx)\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#15803d\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n"
            s += "<text x=\"\(SVG.n(x(required) + 4))\" y=\"\(SVG.n(top + plotH / 2))\" fill=\"#15803d\">needed: \(required)</text>\n"
        }
        // Today's staffing.
        if pod.reps >= 1, pod.reps <= maxReps {
            let current = pod.simulated.attainment
            let cx = x(pod.reps), cy = y(current)
            s +=
                "<rect x=\"\(SVG.n(cx - 6))\" y=\"\(SVG.n(cy - 6))\" width=\"12\" height=\"12\" fill=\"#111827\" transform=\"rotate(45 \(SVG.n(cx)) \(SVG.n(cy)))\"/>\n"
            let anchor = cx > left + plotW * 0.7 ? "end" : "start"
            let dx = anchor == "end" ? -10.0 : 10.0
            s +=
                "<text x=\"\(SVG.n(cx + dx))\" y=\"\(SVG.n(min(cy + 18, top + plotH - 6)))\" text-anchor=\"\(anchor)\" fill=\"#111827\" font-weight=\"600\">today: \(Format.reps(pod.reps)), \(Format.percent(current))</text>\n"
        }
        s += "</svg>\n"
        return s
    }
}
