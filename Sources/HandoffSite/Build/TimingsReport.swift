import Foundation

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
        return text
    }
}
