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
