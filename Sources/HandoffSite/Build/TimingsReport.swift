import Foundation
import HandoffCore

/// The `--timings` table: each stage's work in seconds, and what it covered.
public enum TimingsReport {
    public static func text(_ timings: BuildTimings, planned: Int, unchanged: Bool = false, wallSeconds: Double) -> String {
        let simulated = timings.count(.simulate)
        var rows: [(String, Double, String)] = []
        for stage in BuildTimings.Stage.allCases {
            var seconds = timings.seconds(stage)
            var note = ""
            switch stage {
            case .plan:
                // Planning's figure includes the simulation it waited for; shown apart below.
                seconds -= timings.seconds(.simulate)
                note = unchanged ? "0 briefs" : "\(planned) brief\(planned == 1 ? "" : "s")"
            case .simulate:
                note = unchanged ? "0 simulated" : "\(simulated) simulated, \(max(0, planned - simulated)) from the cache"
            case .actuals:
                let n = timings.count(.actuals)
                note = n == 0 ? "" : "\(n) export\(n == 1 ? "" : "s") read"
            case .observed:
                let n = timings.count(.observed)
                note = n == 0 ? "" : "\(n) model\(n == 1 ? "" : "s") re-run with an export's volume"
            case .compare:
                note = unchanged ? "nothing changed since the last build: the output is kept as it is" : ""
            default: break
            }
            rows.append((stage.rawValue, max(0, seconds), note))
        }
        var text = "Stage       work (s)\n"
        for (name, seconds, note) in rows {
            let figure = String(format: "%8.3f", seconds)
            text += name.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + figure + (note.isEmpty ? "" : "  " + note) + "\n"
        }
        text += "wall       " + String(format: "%8.3f", wallSeconds) + "  (stages run in parallel: their work can exceed the wall time)"
        let work = timings.simulation
        if work.total > 0 { text += "\n\n" + simulationText(work) }
        return text
    }

    /// What the simulate stage's leads were for, against one 26-week run of every pod group:
    /// the multiple each purpose costs over a single run.
    static func simulationText(_ work: SimulationWork) -> String {
        func label(_ purpose: SimulationWork.Purpose) -> String {
            switch purpose {
            case .verdict: "today's figures, to ±1 point"
            case .newestFirst: "newest-first comparison"
            case .staffingSearch: "staffing search (reps needed)"
            case .ceiling: "ceilings (unlimited reps)"
            case .whatIfFigures: "what-if figures, to ±1 point"
            case .staffingCurve: "staffing curve, to ±2 points"
            case .staffingPlan: "staffing plans (shifts, FTE)"
            }
        }
        func row(_ name: String, _ leads: Int, _ replicas: Int?) -> String {
            let multiple = work.oneReplica > 0 ? String(format: "%.1f×", Double(leads) / Double(work.oneReplica)) : "-"
            return name.padding(toLength: 31, withPad: " ", startingAt: 0) + Self.count(leads)
                + Self.right(multiple, 12) + (replicas.map { Self.right(String($0), 10) } ?? "") + "\n"
        }
        var text =
            "Simulated".padding(toLength: 31, withPad: " ", startingAt: 0) + Self.right("leads", 8) + Self.right("× one run", 12)
            + Self.right("replicas", 10) + "\n"
        for purpose in SimulationWork.Purpose.allCases where work.leads(purpose) > 0 {
            text += row(label(purpose), work.leads(purpose), work.replicas(purpose))
        }
        text += row("all", work.total, nil)
        text +=
            "(one run: a single 26-week replica of every pod group, \(Self.count(work.oneReplica).trimmingCharacters(in: .whitespaces)) leads)\n"
        return String(text.dropLast())
    }

    /// A count of leads, in millions or thousands, right-aligned.
    static func count(_ n: Int) -> String {
        let text =
            n >= 1_000_000
            ? String(format: "%.1fM", Double(n) / 1e6) : n >= 1_000 ? String(format: "%.1fk", Double(n) / 1e3) : String(n)
        return right(text, 8)
    }

    static func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}
