public import Foundation
import Crypto

/// Name-based UUIDs, version 5 (SHA-1), as defined by RFC 9562 §5.5.
public enum UUIDv5 {
    /// The version 5 UUID of `name` (hashed as UTF-8) in `namespace`.
    ///
    /// The result is the first 16 bytes of SHA-1(namespace bytes ‖ name bytes),
    /// with the version bits set to 5 and the variant bits to RFC 9562.
    public static func make(namespace: UUID, name: String) -> UUID {
        var sha1 = Insecure.SHA1()
        withUnsafeBytes(of: namespace.uuid) { sha1.update(bufferPointer: $0) }
        sha1.update(data: Array(name.utf8))
        var bytes = Array(sha1.finalize())
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
    }
}
