import Foundation
import ReadingListModel
import ReadingListWire
import Testing

@Suite struct SyncCodecTests {
    let replica = "6f1c2b7e-0b57-4a47-9a2b-1f6f0c9d2a11"
    let other = "0a0b0c0d-0000-4000-8000-000000000001"
    let article = "e9626f8b-1a01-586f-a214-c48a75df4c2c"

    var page: ChangePage {
        let stamp = ChangeStamp(timestamp: HybridTimestamp(milliseconds: 1_780_000_000_000, counter: 2), replicaID: replica)
        let later = ChangeStamp(timestamp: HybridTimestamp(milliseconds: 1_780_000_000_500, counter: 0), replicaID: other)
        return ChangePage(
            changes: [
                FieldChange(entity: "article", key: [article], field: "_alive", value: .bool(true), stamp: stamp),
                FieldChange(entity: "article", key: [article], field: "title", value: .text("Zeppelins \"over\" /London/"), stamp: stamp),
                FieldChange(entity: "article", key: [article], field: "readAt", value: .null, stamp: later),
                FieldChange(entity: "article", key: [article], field: "progress", value: .integer(4250), stamp: later),
            ],
            afterSequence: 12, toSequence: 9_007_199_254_740_993, hasMore: true)
    }

    @Test func everyMessageRoundTrips() throws {
        let messages: [SyncMessage] = [
            .hello(SyncMessage.Hello(replica: ReplicaIdentity(replicaID: replica, incarnation: other), schemaVersion: 1)),
            .pull(SyncMessage.Pull(after: 9_007_199_254_740_993, incarnation: other, limit: 500)),
            .changes(SyncMessage.Changes(page: page)),
            .done(SyncMessage.Done(checksum: "00ff00ff00ff00ff")),
            .done(SyncMessage.Done(checksum: nil, full: true)),
            .pull(SyncMessage.Pull(after: 0, incarnation: other, limit: 1, maxBytes: 4_096, includeOwn: true)),
            .done(SyncMessage.Done(
                checksum: "00ff00ff00ff00ff", dryRun: true, applied: 7,
                summary: ChangeSummary(articles: .init(added: 1, updated: 2, deleted: 3), highlights: .init(deleted: 1)))),
            .changes(SyncMessage.Changes(page: ChangePage(changes: [], afterSequence: 3, toSequence: 9, hasMore: false, feedEnd: 12))),
            .error(SyncFailure(.clockSkew, "too far ahead")),
        ]
        for message in messages {
            let data = SyncCodec.encode(message)
            #expect(!data.contains(0x0A), "one line")
            let decoded = try SyncCodec.decode(data)
            if case .changes = message {} else { #expect(decoded == message) }  // fields of a row come back sorted
            #expect(SyncCodec.encode(decoded) == data)
        }
    }

    @Test func changesAreGroupedByRowAndStampWithOneReplicaTable() throws {
        let text = String(decoding: SyncCodec.encode(.changes(SyncMessage.Changes(page: page))), as: UTF8.self)
        #expect(text.contains(#""after":"12""#) && text.contains(#""to":"9007199254740993""#))
        #expect(text.components(separatedBy: replica).count == 2)
        #expect(text.components(separatedBy: #""e":"article""#).count == 3)
        guard case .changes(let decoded) = try SyncCodec.decode(Data(text.utf8)) else { Issue.record("not changes"); return }
        #expect(Set(decoded.page.changes) == Set(page.changes))
        #expect(decoded.page.hasMore && decoded.page.toSequence == 9_007_199_254_740_993)
    }

    @Test(arguments: [
        "", "[]", "{}", #"{"type":"teleport"}"#, #"{"type":"pull","after":0,"incarnation":"x","limit":5}"#,
        #"{"type":"pull","after":"-1","incarnation":"0a0b0c0d-0000-4000-8000-000000000001","limit":5}"#,
        #"{"type":"pull","after":"1","incarnation":"0A0B0C0D-0000-4000-8000-000000000001","limit":5}"#,
        #"{"type":"pull","after":"1","incarnation":"0a0b0c0d-0000-4000-8000-000000000001","limit":0}"#,
        #"{"type":"hello","protocol":"readlist-sync","minVersion":2,"maxVersion":1,"replica":"0a0b0c0d-0000-4000-8000-000000000001","incarnation":"0a0b0c0d-0000-4000-8000-000000000001","schemaVersion":1,"capabilities":[]}"#,
        #"{"type":"changes","after":"5","to":"4","more":false,"replicas":[],"rows":[]}"#,
        #"{"type":"changes","after":"0","to":"4","more":false,"replicas":["0a0b0c0d-0000-4000-8000-000000000001"],"rows":[{"e":"article","k":["x"],"t":"zz","r":0,"f":{"title":"a"}}]}"#,
        #"{"type":"changes","after":"0","to":"4","more":false,"replicas":["0a0b0c0d-0000-4000-8000-000000000001"],"rows":[{"e":"article","k":["x"],"t":"0000000000000001","r":3,"f":{"title":"a"}}]}"#,
        #"{"type":"changes","after":"0","to":"4","more":false,"replicas":["0a0b0c0d-0000-4000-8000-000000000001"],"rows":[{"e":"article","k":["x"],"t":"0000000000000001","r":0,"f":{"progress":1.5}}]}"#,
    ])
    func malformedMessagesAreBadMessages(_ text: String) {
        let error = #expect(throws: SyncFailure.self) { try SyncCodec.decode(Data(text.utf8)) }
        #expect(error?.code == .badMessage)
    }

    @Test func unknownKeysAreIgnored() throws {
        let text = #"{"type":"done","checksum":"00000000000000ff","extra":{"nested":[1,2]},"future":true}"#
        #expect(try SyncCodec.decode(Data(text.utf8)) == .done(SyncMessage.Done(checksum: "00000000000000ff")))
    }

    /// A page of one row with `fields` (JSON members) and `extra` members at the top level.
    private func changesText(fields: String, extra: String = "") -> String {
        #"{"type":"changes","after":"0","to":"4","more":false,"replicas":["0a0b0c0d-0000-4000-8000-000000000001"],"rows":[{"e":"article","k":["x"],"t":"0000000000000001","r":0,"f":{"#
            + fields + "}}]" + extra + "}"
    }

    @Test(arguments: [
        (#""title":"a","title":"b""#, "a repeated field"),
        (#""title":"\ud800""#, "a lone high surrogate"),
        (#""title":"\udc00x""#, "a lone low surrogate"),
        (#""title":"a\x""#, "an unknown escape"),
        (#""title":"a"#, "an unclosed string"),
        (#""progress":1e2"#, "an exponent"),
        (#""progress":-"#, "a sign without digits"),
        (#""progress":9223372036854775808"#, "beyond 64 bits"),
        (#""archived":tru"#, "a cut literal"),
        (#""archived":truex"#, "a literal run on"),
        (#""progress":NaN"#, "NaN"),
        (#""title":{"a":1}"#, "an object value"),
    ])
    func changesMessagesAreReadStrictly(_ fields: String, _ reason: String) {
        let error = #expect(throws: SyncFailure.self, "\(reason)") { try SyncCodec.decode(Data(changesText(fields: fields).utf8)) }
        #expect(error?.code == .badMessage)
    }

    @Test func changesMessagesRefuseTrailingTextRepeatedKeysAndInvalidUTF8() {
        let valid = changesText(fields: #""title":"a""#)
        for data in [
            Data((valid + " {}").utf8), Data(changesText(fields: #""title":"a""#, extra: #","to":"5""#).utf8),
            Data(valid.utf8.map { $0 == UInt8(ascii: "a") ? 0xFF : $0 }),
            Data(changesText(fields: #""title":"a""#, extra: #","x":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8),
        ] {
            let error = #expect(throws: SyncFailure.self) { try SyncCodec.decode(data) }
            #expect(error?.code == .badMessage)
        }
    }

    @Test func changesMessagesReadEscapesWhiteSpaceAndUnknownKeys() throws {
        let fields = #""title":"q\"b\\s\/n\n\u00e9\ud83d\ude00\u2028","wordCount":-12,"byline":null,"archived":true"#
        let text = changesText(fields: fields, extra: #" , "later" : { "x" : [ 1.5e3 , null , "y" , { } ] } "#)
            .replacingOccurrences(of: ",\"rows\"", with: " ,\n\t\"rows\"")
        guard case .changes(let message) = try SyncCodec.decode(Data(text.utf8)) else { Issue.record("not changes"); return }
        let values = Dictionary(uniqueKeysWithValues: message.page.changes.map { ($0.field, $0.value) })
        #expect(values["title"] == .text("q\"b\\s/n\n\u{e9}\u{1F600}\u{2028}"))
        #expect(values["wordCount"] == .integer(-12) && values["byline"] == .null && values["archived"] == .bool(true))
        #expect(message.page.changes.map(\.field) == ["archived", "byline", "title", "wordCount"])
        // Written back, every value survives; control characters are escaped.
        let encoded = SyncCodec.encode(.changes(message))
        #expect(!encoded.contains(0x0A))
        #expect(try SyncCodec.decode(encoded) == .changes(message))
    }

    /// A first-sync page: an article with two tag memberships, then a tag, all in one save's stamp.
    var membershipPage: ChangePage {
        let stamp = ChangeStamp(timestamp: HybridTimestamp(milliseconds: 1_780_000_000_000, counter: 0), replicaID: replica)
        let later = ChangeStamp(timestamp: HybridTimestamp(milliseconds: 1_780_000_000_900, counter: 1), replicaID: other)
        let tags = ["6cbf42be-66fd-51a2-9c1e-0d2f3b4a5c6d", "7d0e53cf-77fe-52b3-8d2f-1e3a4c5b6d7e"]
        return ChangePage(
            changes: [
                FieldChange(entity: "article", key: [article], field: "_alive", value: .bool(true), stamp: stamp),
                FieldChange(entity: "article", key: [article], field: "title", value: .text("Zeppelins"), stamp: stamp),
                FieldChange(entity: "articleTag", key: [article, tags[0]], field: "_alive", value: .bool(true), stamp: stamp),
                FieldChange(entity: "articleTag", key: [article, tags[1]], field: "_alive", value: .bool(true), stamp: stamp),
                FieldChange(entity: "tag", key: [tags[1]], field: "name", value: .text("essays"), stamp: later),
                FieldChange(entity: "highlight", key: ["5f0c2d3e-8a41-4b6f-9c7d-1e2f3a4b5c6d"], field: "_alive", value: .bool(true), stamp: later),
            ],
            afterSequence: 0, toSequence: 6, hasMore: false)
    }

    @Test func compactRowsListRepeatedKeyPartsOnceAndLeaveOutWhatTheRowBeforeHas() throws {
        let compact = SyncCodec.encode(.changes(SyncMessage.Changes(page: membershipPage)), compactRows: true)
        let full = SyncCodec.encode(.changes(SyncMessage.Changes(page: membershipPage)))
        let text = String(decoding: compact, as: UTF8.self)
        // The article id and the second tag's recur: listed once in `ids`; the highlight's and
        // the first tag's occur once and stay in their keys.
        #expect(text.contains(#""ids":["\#(article)","7d0e53cf-77fe-52b3-8d2f-1e3a4c5b6d7e"]"#))
        #expect(text.components(separatedBy: article).count == 2)
        #expect(text.contains(#""k":[0,"6cbf42be-66fd-51a2-9c1e-0d2f3b4a5c6d"]"#) && text.contains(#""k":[0,1]"#) && text.contains(#""k":[1]"#))
        #expect(text.contains(#""k":["5f0c2d3e-8a41-4b6f-9c7d-1e2f3a4b5c6d"]"#))
        // e, t and r appear where they change: 4 entities, 2 stamps, 2 replicas over 5 rows.
        #expect(text.components(separatedBy: #""e":"#).count - 1 == 4)
        #expect(text.components(separatedBy: #""t":"#).count - 1 == 2)
        #expect(text.components(separatedBy: #""r":"#).count - 1 == 2)
        #expect(compact.count < full.count)
        // Both forms decode to the same page, and the compact one is written again alike.
        let fromCompact = try SyncCodec.decode(compact)
        #expect(fromCompact == (try SyncCodec.decode(full)))
        #expect(SyncCodec.encode(fromCompact, compactRows: true) == compact)
        guard case .changes(let decoded) = fromCompact else { Issue.record("not changes"); return }
        #expect(decoded.page.changes == membershipPage.changes)
    }

    @Test(arguments: [
        (#"{"ids":["x"],"rows":[{"e":"tag","k":[1],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "an index past ids"),
        (#""rows":[{"e":"tag","k":[0],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "an index without ids"),
        (#""ids":["x"],"rows":[{"e":"tag","k":[-1],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "a negative index"),
        (#""ids":["x"],"rows":[{"e":"tag","k":[0.5],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "a fractional index"),
        (#""ids":["a b"],"rows":[{"e":"tag","k":["x"],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "an id with a space"),
        (#""ids":{},"rows":[{"e":"tag","k":["x"],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "ids not an array"),
        (#""rows":[{"e":"tag","k":["x"],"r":0,"f":{"name":"a"}}]"#, "a first row without t"),
        (#""rows":[{"k":["x"],"t":"0000000000000001","r":0,"f":{"name":"a"}}]"#, "a first row without e"),
        (#""rows":[{"e":"tag","k":["x"],"t":"0000000000000001","f":{"name":"a"}}]"#, "a first row without r"),
        (#""rows":[{"e":"tag","k":["x"],"t":"0000000000000001","r":0,"f":{"name":"a"}},{"k":["y"],"t":null,"f":{"name":"b"}}]"#, "t null"),
        (#""rows":[{"e":"tag","k":["x"],"t":"0000000000000001","r":0,"f":{"name":"a"}},{"k":["y"],"r":1,"f":{"name":"b"}}]"#, "r past replicas"),
    ])
    func malformedCompactRowsAreBadMessages(_ members: String, _ reason: String) {
        let body = members.hasPrefix("{") ? String(members.dropFirst()) : members
        let text = #"{"type":"changes","after":"0","to":"4","more":false,"replicas":["0a0b0c0d-0000-4000-8000-000000000001"],"# + body + "}"
        let error = #expect(throws: SyncFailure.self, "\(reason)") { try SyncCodec.decode(Data(text.utf8)) }
        #expect(error?.code == .badMessage)
    }

    @Test func versionNegotiationPicksTheHighestCommonVersion() {
        #expect(SyncProtocol.negotiate(1...3, 2...5) == 3)
        #expect(SyncProtocol.negotiate(1...1, 1...4) == 1)
        #expect(SyncProtocol.negotiate(1...1, 2...3) == nil)
    }
}
