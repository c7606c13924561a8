/// Splits CSV bytes into rows as they arrive, chunk by chunk (RFC 4180 as CRM exports write it):
/// quoted fields with `""` for a quote, commas and line breaks inside quotes, LF or CRLF line
/// ends, a UTF-8 byte-order mark at the start, blank lines skipped. Each row comes with the line
/// it starts on, so a bad row can be listed by the line a spreadsheet shows.
struct CSVStream {
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var inQuotes = false
    /// A quote seen inside a quoted field: the end of it, or the first of `""`.
    private var quoteInQuotes = false
    /// A CR ended a row; an LF right after it belongs to the same line end.
    private var afterCR = false
    private var atStart = true
    private var bom: [UInt8] = []
    private var line = 1
    private var rowLine = 1

    /// Feeds the next bytes; `row` gets each complete row and returns false to stop. Returns false
    /// when stopped.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, row: ([String], Int) -> Bool) -> Bool {
        var i = 0
        if atStart {
            // A byte-order mark may be split across chunks, however unlikely.
            while i < bytes.count, bom.count < 3, bytes[i] == [0xEF, 0xBB, 0xBF][bom.count] {
                bom.append(bytes[i])
                i += 1
            }
            if bom.count == 3 || (i < bytes.count) {
                if bom.count < 3 { field = bom }
                atStart = false
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if inQuotes {
                if quoteInQuotes {
                    quoteInQuotes = false
                    if byte == UInt8(ascii: "\"") {
                        field.append(byte)
                        continue
                    }
                    inQuotes = false
                    // Falls through: the byte after a closing quote is read as outside quotes.
                } else if byte == UInt8(ascii: "\"") {
                    quoteInQuotes = true
                    continue
                } else {
                    if byte == 10 { line += 1 }
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case 10:
                if afterCR {
                    afterCR = false
                    continue
                }
                line += 1
                guard endRow(row) else { return false }
            case 13:
                afterCR = true
                line += 1
                guard endRow(row) else { return false }
                continue
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\"") where field.allSatisfy({ $0 == 32 }):
                field.removeAll(keepingCapacity: true)
                inQuotes = true
            default:
                field.append(byte)
            }
            afterCR = false
        }
        return true
    }

    /// The last row, when the file does not end with a line break.
    mutating func finish(row: ([String], Int) -> Bool) {
        if quoteInQuotes { inQuotes = false }
        if !field.isEmpty || !fields.isEmpty || inQuotes { _ = endRow(row) }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRow(_ row: ([String], Int) -> Bool) -> Bool {
        endField()
        defer {
            fields.removeAll(keepingCapacity: true)
            rowLine = line
        }
        // A blank line is no row.
        if fields.count == 1, fields[0].isEmpty { return true }
        return row(fields, rowLine)
    }
}
