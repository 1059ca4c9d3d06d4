import CLibXML2
import Foundation
import ReadingListModel

/// What ``HTMLSAXParser`` finds, in document order. libxml2's forgiving HTML parser closes the
/// tags that bookmark files never close (`<DT>`, `<DD>`, `<p>`), so every start has its end.
protocol HTMLEventSink: AnyObject {
    /// An element starts on `line`; its attributes are readable during the call only.
    func start(_ name: String, attributes: HTMLStartTagAttributes, line: Int)
    /// An element ends (closed in the file, or by the parser).
    func end(_ name: String)
    /// Text, entities decoded, as UTF-8; readable during the call only.
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Whether the sink wants no more events: the parse then stops.
    var isSatisfied: Bool { get }
}

extension HTMLEventSink {
    var isSatisfied: Bool { false }
}

/// The attributes of a start tag, as libxml2 hands them to a callback: valid during the
/// callback only.
struct HTMLStartTagAttributes {
    fileprivate let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The attributes by lowercased name, entities decoded (the first of repeated ones; an
    /// attribute without a value is empty).
    var dictionary: [String: String] {
        var result: [String: String] = [:]
        guard var pair = pairs else { return result }
        while let name = pair.pointee {
            let key = String(cString: name).lowercased()
            if !key.isEmpty, result[key] == nil {
                result[key] = (pair + 1).pointee.map { String(cString: $0) } ?? ""
            }
            pair += 2
        }
        return result
    }
}

/// Parses an HTML file with libxml2's forgiving HTML parser without building a tree: the
/// parser reads the file as it goes and hands elements and text to a sink, so a file of any
/// size is parsed in bounded memory. Unclosed tags are recovered as a tree would have them.
enum HTMLSAXParser {
    /// How the bytes are decoded.
    enum Encoding {
        /// As UTF-8, whatever charset the file declares.
        case utf8
        /// As Windows-1252, whatever charset the file declares: how browsers read a file that
        /// declares ISO-8859-1 or ASCII, or nothing, and is not UTF-8.
        case windows1252
        /// In the charset the file declares (a byte-order mark or `<meta charset>`).
        case declared

        /// The encoding libxml2 is told, which then ignores the file's declarations.
        var forced: String? {
            switch self {
            case .utf8: "UTF-8"
            case .windows1252: "WINDOWS-1252"
            case .declared: nil
            }
        }
    }

    /// Forgiving, silent, offline. `XML_PARSE_HUGE` lifts the nesting limit of 256 elements:
    /// libxml2 nests each unclosed `<DT>` in the one before it, so a folder of thousands of
    /// bookmarks is thousands of elements deep.
    private static let parserOptions: Int32 = {
        let options: [htmlParserOption] = [HTML_PARSE_RECOVER, HTML_PARSE_NOERROR, HTML_PARSE_NOWARNING, HTML_PARSE_NONET]
        return Int32(bitPattern: options.reduce(XML_PARSE_HUGE.rawValue) { $0 | $1.rawValue })
    }()

    /// libxml2 must be initialised once before threads use it concurrently.
    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses the file at `path`, handing what it finds to `sink` and the bytes it reads, as
    /// it reads them, to `inspect`; stops early when the sink is satisfied.
    /// - Throws: ``ImportProblem`` when the file cannot be read (to its end).
    static func parse(
        path: String, encoding: Encoding, into sink: some HTMLEventSink, inspecting inspect: (UnsafeRawBufferPointer) -> Void = { _ in }
    ) throws(ImportProblem) {
        guard let file = FileHandle(forReadingAtPath: path) else { throw ImportProblem(line: 0, reason: "cannot read \(path)") }
        defer { try? file.close() }
        guard libraryInitialized, let context = htmlNewParserCtxt() else {
            throw ImportProblem(line: 0, reason: "the HTML parser could not be started")
        }
        defer { htmlFreeParserCtxt(context) }
        try withoutActuallyEscaping(inspect) { inspect throws(ImportProblem) in
            let session = Session(descriptor: file.fileDescriptor, context: context, sink: sink, inspect: inspect)
            context.pointee.sax.pointee = Session.handler
            context.pointee.userData = Unmanaged.passUnretained(session).toOpaque()
            var options = parserOptions
            if encoding.forced != nil { options |= Int32(bitPattern: HTML_PARSE_IGNORE_ENC.rawValue) }
            // The input is read by `Session.read`; the parser closes nothing (the file is ours).
            let document = htmlCtxtReadIO(
                context, { session, buffer, length in
                    guard let session, let buffer else { return -1 }
                    return Unmanaged<Session>.fromOpaque(session).takeUnretainedValue().read(into: buffer, length: length)
                }, nil, context.pointee.userData, nil, encoding.forced, options)
            if let document { xmlFreeDoc(document) }
            withExtendedLifetime(session) {}
            if let failure = session.readFailure {
                throw ImportProblem(line: 0, reason: "the file could not be read to its end (\(failure))")
            }
        }
    }

    /// One parse: the file, the sink, and the parser whose callbacks reach them.
    private final class Session {
        let descriptor: Int32
        let context: htmlParserCtxtPtr
        let sink: any HTMLEventSink
        let inspect: (UnsafeRawBufferPointer) -> Void
        /// Why reading the file failed, if it did.
        var readFailure: String?

        init(descriptor: Int32, context: htmlParserCtxtPtr, sink: any HTMLEventSink, inspect: @escaping (UnsafeRawBufferPointer) -> Void) {
            self.descriptor = descriptor
            self.context = context
            self.sink = sink
            self.inspect = inspect
        }

        /// The line the parser has reached (1-based).
        var line: Int { Int(max(1, context.pointee.input?.pointee.line ?? 1)) }

        /// Reads the next bytes of the file for the parser: their count, 0 at the end, -1 on
        /// failure.
        func read(into buffer: UnsafeMutablePointer<CChar>, length: Int32) -> Int32 {
            guard readFailure == nil, !sink.isSatisfied else { return 0 }
            while true {
                let count = Foundation.read(descriptor, buffer, Int(max(0, length)))
                if count >= 0 {
                    inspect(UnsafeRawBufferPointer(start: buffer, count: count))
                    return Int32(count)
                }
                if errno == EINTR { continue }
                readFailure = String(cString: strerror(errno))
                return -1
            }
        }

        /// Stops the parse once the sink wants no more.
        func checkSatisfied() {
            if sink.isSatisfied { xmlStopParser(context) }
        }

        static func of(_ pointer: UnsafeMutableRawPointer) -> Session {
            Unmanaged<Session>.fromOpaque(pointer).takeUnretainedValue()
        }

        /// The callbacks: each hands the event to the sink of the session in the user data.
        static var handler: htmlSAXHandler {
            var handler = htmlSAXHandler()
            handler.startElement = { pointer, name, attributes in
                guard let pointer, let name else { return }
                let session = Session.of(pointer)
                session.sink.start(String(cString: name).lowercased(), attributes: HTMLStartTagAttributes(pairs: attributes), line: session.line)
                session.checkSatisfied()
            }
            handler.endElement = { pointer, name in
                guard let pointer, let name else { return }
                let session = Session.of(pointer)
                session.sink.end(String(cString: name).lowercased())
                session.checkSatisfied()
            }
            let text: charactersSAXFunc = { pointer, characters, length in
                guard let pointer, let characters, length > 0 else { return }
                let session = Session.of(pointer)
                session.sink.text(UnsafeBufferPointer(start: characters, count: Int(length)))
                session.checkSatisfied()
            }
            handler.characters = text
            // The text of <script> and <style>, which a tree holds as text too.
            handler.cdataBlock = text
            return handler
        }
    }
}
