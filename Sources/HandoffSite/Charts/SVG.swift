/// Helpers shared by the charts.
enum SVG {
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Coordinates with one decimal, so output bytes are stable.
    static func n(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Horizontal grid lines at 0, 25, 50, 75 and 100% with their labels left of the plot.
    static func percentGrid(left: Double, width: Double, y: (Double) -> Double) -> String {
        var s = ""
        for tick in stride(from: 0, through: 100, by: 25) {
            let yy = n(y(Double(tick) / 100))
            s +=
                "<line x1=\"\(n(left))\" y1=\"\(yy)\" x2=\"\(n(left + width))\" y2=\"\(yy)\" stroke=\"#d9dde3\" stroke-width=\"1\"/>\n"
            s +=
                "<text x=\"\(n(left - 8))\" y=\"\(yy)\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#3b4452\">\(tick)%</text>\n"
        }
        return s
    }

    /// The ARIA a chart carries inline in a page (the SVG sprite, checked as SVG 1.1, drops it).
    static func aria(id: String) -> String { " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\"" }

    /// The opening tag with an accessible title and description.
    static func open(width: Int, height: Int, id: String, title: String, desc: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)"\(aria(id: id)) class="chart" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">
        <title id="\(id)-title">\(escape(title))</title>
        <desc id="\(id)-desc">\(escape(desc))</desc>

        """
    }
}
