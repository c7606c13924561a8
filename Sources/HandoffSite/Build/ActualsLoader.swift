import Foundation
import HandoffCore

/// Reads a brief's `actuals` export (SPEC §3.8) as a stream: inside the content folder like the
/// sample, at most 256 MiB and 1,000,000 rows, a megabyte at a time, each row handed to the
/// planner's reader as it is split. A file that cannot be read at all is one located problem;
/// a bad row is the reader's to count.
enum ActualsLoader {
    static let sizeLimit = 256 << 20
    static let rowLimit = 1_000_000
    static let chunk = 1 << 20

    /// Reads the plan's brief's export and puts its figures on the plan, with the model re-run
    /// where the two disagree; the located error when the file cannot be read.
    static func attach(to plan: inout HandoffPlan, brief path: String, contentRoot: String, disk: Disk, timings: BuildTimings?)
        -> Diagnostic?
    {
        guard let actuals = plan.brief.actuals else { return nil }
        let brief = plan.brief
        let planned = plan
        let outcome = timings.measure(.actuals) { () -> Result<SLAActuals, SampleProblem> in
            Self.read(actuals, brief: brief, beside: path, contentRoot: contentRoot, disk: disk).map {
                SLAActuals.analyse($0, plan: planned)
            }
        }
        switch outcome {
        case .failure(let problem):
            var d = Diagnostic.error(problem.message, at: actuals.location)
            d.stage = .load
            return d
        case .success(var figures):
            if !figures.disagreements.isEmpty { timings.measure(.observed) { figures.rerunWithObservedInputs(plan) } }
            plan.actuals = figures
            return nil
        }
    }

    static func read(_ actuals: Brief.Actuals, brief: Brief, beside path: String, contentRoot: String, disk: Disk)
        -> Result<ActualsReader, SampleProblem>
    {
        let name = actuals.file
        let real: String
        switch BriefLoader.jailed(name, beside: path, contentRoot: contentRoot, disk: disk, what: "actuals", plural: "exports") {
        case .success(let p): real = p
        case .failure(let problem): return .failure(problem)
        }
        var csv = CSVStream()
        var reader: ActualsReader?
        var problem: SampleProblem?
        var rows = 0
        func take(_ fields: [String], _ line: Int) -> Bool {
            guard reader != nil else {
                do throws(ActualsReader.HeaderProblem) {
                    reader = try ActualsReader(brief: brief, header: fields)
                } catch {
                    problem = SampleProblem(message: message(error, file: name))
                    return false
                }
                return true
            }
            rows += 1
            guard rows <= rowLimit else {
                problem = SampleProblem(
                    message: "actuals '\(name)' has more than \(Format.count(rowLimit)) rows; an export is limited to 1,000,000 leads")
                return false
            }
            reader!.add(fields, line: line)
            return true
        }
        switch disk.stream(real, limit: sizeLimit, chunk: chunk, { csv.feed($0, row: take) }) {
        case .tooLarge(let size):
            return .failure(SampleProblem(message: "actuals '\(name)' is \(size) bytes; an export is limited to 256 MiB"))
        case .unreadable(let why):
            return .failure(SampleProblem(message: "cannot read actuals '\(name)': \(why)"))
        case .bytes:
            if problem == nil { csv.finish(row: take) }
        }
        if let problem { return .failure(problem) }
        guard let reader else { return .failure(SampleProblem(message: message(.empty, file: name))) }
        return .success(reader)
    }

    static func message(_ problem: ActualsReader.HeaderProblem, file: String) -> String {
        switch problem {
        case .empty:
            return "actuals '\(file)' is empty; an export starts with a header row naming its columns (created, first-touch, …)"
        case .missingColumn(let column, let header, let suggestion, let columns):
            let mapped = header == column ? "" : " (the brief's columns name it for \(column))"
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? "."
            let shown = columns.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (columns.count > 12 ? ", …" : "")
            let map = header == column && suggestion == nil ? "; name the export's own under `columns:` (\(column): <its name>)" : ""
            return "actuals '\(file)' has no column '\(header)'\(mapped)\(hint) Its columns: \(shown)\(map)"
        }
    }
}
