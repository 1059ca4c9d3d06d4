import Foundation
import Testing

/// The protocol's own checks, run by an independent (Python) implementation.
@Suite struct ProtocolToolTests {
    @Test func everyVectorValidatesAndTheIdentityVectorsAgreeWithThePythonReference() throws {
        let result = try CommandRunner.execute(["/usr/bin/env", "python3", "Protocol/tools/check_vectors.py"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(" 0 failed"), "\(result)")
    }
}
