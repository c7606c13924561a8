/// The brief's scalar grammars as ECMA-262 regular expressions (unanchored, so they compose),
/// for the JSON Schema editors check briefs with. Each follows its parser in `Values/` as far
/// as a regular expression can; what only the parser can tell (hours that end before they
/// start, a day past the end of February) is listed where the two are compared, in the tests.
enum SchemaPatterns {
    static let durationParts = "([0-9]{1,6}d)?([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,6}s)?"
    /// `30s`, `15m`, `1h30m`, `1d`: at least one part, in order.
    static let duration = "(?=[0-9])" + durationParts
    /// A duration longer than zero.
    static let positiveDuration = "(?=[0-9])(?![0dhms]*$)" + durationParts
    /// Hours (and minutes) a week, more than zero: `40h`, `37h30m`.
    static let contractHours = "(?![0hm]*$)(?=[0-9]+[hm])([0-9]{1,6}h)?([0-9]{1,6}m)?"
    /// 0% to 100%, at most two decimals.
    static let percent = "(100(\\.0{1,2})?|0?[0-9]{1,2}(\\.[0-9]{1,2})?)%"
    /// A calendar date; months have their own lengths (February up to 29).
    static let date =
        "[0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-9]))"

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// A day name in any case: `[Mm][Oo][Nn]`.
    static func anyCase(_ word: String) -> String {
        word.map { c in c.isLetter ? "[\(c.uppercased())\(c.lowercased())]" : String(c) }.joined()
    }

    /// `Mon`, `Mon-Fri`, `Sat,Sun`: ranges never wrap past Sunday.
    static let days: String = {
        var items: [String] = []
        for (a, first) in dayNames.enumerated() {
            let later = dayNames[a...].map(anyCase).joined(separator: "|")
            items.append("\(anyCase(first))(-(\(later)))?")
        }
        let item = "(" + items.joined(separator: "|") + ")"
        return item + "(," + item + ")*"
    }()

    static let clock = "(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)"
    static let hoursPart = days + " +" + clock + "-" + clock
    /// `Mon-Fri 08:00-18:00`, parts joined by `;`.
    static let hours = "[\\s;]*" + hoursPart + "(\\s*;[\\s;]*" + hoursPart + ")*[\\s;]*"

    /// `UTC` or an `Area/Location` name; abbreviations such as `EST` are not places.
    static let timezone = "^(UTC|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)+)$"

    static let field = "[A-Za-z][A-Za-z0-9._-]*"
    static let number = "[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"
    static let list = "\\[\\s*[^,\\[\\]\\s][^,\\[\\]]*(,\\s*[^,\\[\\]\\s][^,\\[\\]]*)*\\]"
    static let atom =
        "\\s*(arrives +(during|outside) +" + hoursPart + "(\\s*;\\s*" + hoursPart + ")*" + "|" + field
        + "(\\s*(>=|<=|>|<)\\s*" + number + "|\\s*(!=|=)\\s*[^\\s=<>!].*?"
        + "| +(is +set|is +not +set|in +" + list + "|not +in +" + list + "|contains +\\S.*?|ends +with +\\S.*?)))\\s*"
    /// Atoms joined by `and`, groups by `or`.
    static let condition = atom + "( (and|or) " + atom + ")*"

    /// `account-owner`, `pod NAME`, `round-robin A, B`, `owner PERSON`, `queue NAME`.
    static let assignment = "\\s*(account-owner|pod +\\S.*|round-robin +.*[^,\\s].*|owner +\\S.*|queue +\\S.*)"
    /// `East 60%, West 40%`.
    static let weights = "\\s*[^,]*\\S +" + percent + "\\s*(,\\s*[^,]*\\S +" + percent + "\\s*)*"
    /// `2 breaches in 48h`.
    static let trigger = "0*[1-9][0-9]* +breach(es)? +in +" + positiveDuration
}
