import Foundation
import ReadingListModel
import ReadingListWire
import Testing

/// `readlist import --json` (`import-result.schema.json`).
@Suite struct ImportSummaryJSONTests {
    @Test func ignoredRecordsAreCountedApartFromSkippedOnes() throws {
        let summary = ImportSummary(
            imported: 1, skipped: [ImportProblem(line: 3, reason: "bad", file: "metadata_0_to_20.json")], ignored: 2)
        let json = try #require(
            try JSONSerialization.jsonObject(with: try WireJSON.encode(ImportSummaryJSON(summary, dryRun: false))) as? [String: Any])
        #expect(json["ignored"] as? Int == 2 && json["skippedCount"] as? Int == 1, "\(json)")
    }

    @Test func aSummaryPrintedBeforeIgnoredExistedReadsAsNoneIgnored() throws {
        let old = #"{"dryRun": false, "imported": 1, "merged": 0, "unchanged": 0, "highlights": 0, "skippedCount": 0, "skipped": []}"#
        let read = try JSONDecoder().decode(ImportSummaryJSON.self, from: Data(old.utf8))
        #expect(read.ignored == 0 && read.imported == 1)
        let again = try JSONDecoder().decode(ImportSummaryJSON.self, from: try WireJSON.encode(ImportSummaryJSON(ImportSummary(ignored: 4), dryRun: true)))
        #expect(again.ignored == 4 && again.dryRun)
    }
}
