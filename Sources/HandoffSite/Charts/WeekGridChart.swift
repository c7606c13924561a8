import HandoffCore

/// The week grid of SPEC §3.3.4: seven days by 24 hours in the pod's zone, each hour shaded by
/// the leads that arrive in it and labelled with the productive reps on duty, today and in the
/// staffing plan. An hour in which leads arrive and nobody is on is outlined in red and marked
/// with a cross, so the gap reads without colour.
enum WeekGridChart {
    // 640 wide like the other charts, so a phone shows its 11 px labels at full size.
    static let cell = 24.0
    static let row = 22.0
    static let left = 44.0

    static func figure(_ pod: PodSLA) -> Figure {
        let id = "week-" + MarkdownText.slug(pod.name)
        let panels = pod.plan == nil ? 1 : 2
        let height = Int(76 + Double(panels) * (row * 7 + 40))
        return Figure(id: id, width: 640, height: height, svg: svg(pod, id: id, width: 640, height: height))
    }

    static func svg(_ pod: PodSLA, id: String, width: Int, height: Int) -> String {
        let grid = pod.grid
        let peak = max(grid.leadsPerHour.max() ?? 0, 0.0001)
        let uncoveredToday = uncovered(grid.leadsPerHour, grid.agentsToday)
        var desc =
            "Leads arriving each hour of the week in \(pod.name)'s time zone (\(pod.timezone)), at most \(Format.number(peak, decimals: 1)) an hour, and the productive reps on duty"
        desc +=
            uncoveredToday > 0
            ? "; today \(uncoveredToday) hours a week have leads arriving and nobody on" : "; today someone is on whenever leads arrive"
        if let plan = pod.plan {
            let gaps = uncovered(grid.leadsPerHour, grid.agentsInPlan)
            desc += "; in the plan (\(Format.fte(plan.fte)) FTE) \(gaps) such hours remain"
        }
        var s = SVG.open(width: width, height: height, id: id, title: "When leads arrive and who is on: \(pod.name)", desc: desc + ".")
        s += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        var y = 8.0
        s += panel(
            title: "Today: \(Format.reps(pod.reps)), \(Format.fte(pod.fte)) FTE", agents: grid.agentsToday, leads: grid.leadsPerHour,
            peak: peak, top: y)
        y += row * 7 + 40
        if let plan = pod.plan {
            s += panel(
                title: "In the plan: \(Format.reps(plan.headcount)), \(Format.fte(plan.fte)) FTE", agents: grid.agentsInPlan,
                leads: grid.leadsPerHour, peak: peak, top: y)
            y += row * 7 + 40
        }
        // Legend.
        s += "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 4))\" width=\"14\" height=\"14\" fill=\"\(shade(1))\"/>\n"
        s +=
            "<text x=\"\(SVG.n(left + 20))\" y=\"\(SVG.n(y + 15))\" fill=\"#1f2733\">darker: more leads arrive (up to \(Format.number(peak, decimals: 1)) an hour); number: reps on duty</text>\n"
        s +=
            "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 26))\" width=\"14\" height=\"14\" fill=\"\(shade(0.4))\" stroke=\"#b91c1c\" stroke-width=\"2\"/>\n"
        s += "<text x=\"\(SVG.n(left + 20))\" y=\"\(SVG.n(y + 37))\" fill=\"#1f2733\">×: leads arrive and nobody is on</text>\n"
        s += "</svg>\n"
        return s
    }

    static func panel(title: String, agents: [Int], leads: [Double], peak: Double, top: Double) -> String {
        var s = "<text x=\"\(SVG.n(left))\" y=\"\(SVG.n(top + 12))\" fill=\"#1f2733\" font-weight=\"600\">\(SVG.escape(title))</text>\n"
        let gridTop = top + 32
        for hour in stride(from: 0, to: 24, by: 3) {
            s +=
                "<text x=\"\(SVG.n(left + Double(hour) * cell + cell / 2))\" y=\"\(SVG.n(gridTop - 5))\" text-anchor=\"middle\" fill=\"#3b4452\" font-size=\"11\">\(hour < 10 ? "0" : "")\(hour):00</text>\n"
        }
        for day in 0..<7 {
            let yy = gridTop + Double(day) * row
            s +=
                "<text x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(yy + row / 2 + 4))\" text-anchor=\"end\" fill=\"#3b4452\">\(CalendarDate.weekdayNames[day])</text>\n"
            for hour in 0..<24 {
                let h = day * 24 + hour
                let intensity = leads[h] / peak
                let gap = leads[h] >= 0.05 && agents[h] == 0
                let x = left + Double(hour) * cell
                s +=
                    "<rect x=\"\(SVG.n(x + 1))\" y=\"\(SVG.n(yy + 1))\" width=\"\(SVG.n(cell - 2))\" height=\"\(SVG.n(row - 2))\" fill=\"\(shade(gap ? min(intensity, 0.45) : intensity))\"\(gap ? " stroke=\"#b91c1c\" stroke-width=\"2\"" : "")/>\n"
                let label = gap ? "×" : agents[h] > 0 ? "\(agents[h])" : ""
                guard !label.isEmpty else { continue }
                let ink = gap ? "#991b1b" : intensity > 0.55 ? "#ffffff" : "#111827"
                s +=
                    "<text x=\"\(SVG.n(x + cell / 2))\" y=\"\(SVG.n(yy + row / 2 + 4))\" text-anchor=\"middle\" fill=\"\(ink)\" font-size=\"11\"\(gap ? " font-weight=\"700\"" : "")>\(label)</text>\n"
            }
        }
        return s
    }

    /// Hours of the week in which leads arrive and nobody is on.
    static func uncovered(_ leads: [Double], _ agents: [Int]) -> Int {
        zip(leads, agents).filter { $0.0 >= 0.05 && $0.1 == 0 }.count
    }

    /// From near white (no leads) to deep blue (the week's busiest hour).
    static func shade(_ t: Double) -> String {
        let t = max(0, min(1, t))
        let from = (247.0, 249.0, 252.0), to = (30.0, 64.0, 175.0)
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let (r, g, b) = (channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2))
        func hex(_ v: Int) -> String { (v < 16 ? "0" : "") + String(v, radix: 16) }
        return "#" + hex(r) + hex(g) + hex(b)
    }
}
