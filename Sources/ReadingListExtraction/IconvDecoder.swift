#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes legacy charsets (Shift_JIS, GB18030, KOI8-R, ISO-8859-x…) to UTF-8 with the
/// system's iconv. Bytes iconv cannot convert become U+FFFD, so the result is always valid.
enum IconvDecoder {
    private static let chunkSize = 16 * 1024

    /// The decoded text, or nil when iconv does not know the charset.
    static func decode(_ bytes: [UInt8], from charset: String) -> String? {
        guard !charset.isEmpty, let descriptor = iconv_open("UTF-8", charset),
              Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }

        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count * 2)
        var output = [CChar](repeating: 0, count: chunkSize)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { inputBuffer in
            var inputPointer = inputBuffer.baseAddress
            var inputLeft = inputBuffer.count
            while inputLeft > 0, inputPointer != nil {
                let (produced, failed) = output.withUnsafeMutableBufferPointer { outputBuffer in
                    var outputPointer = outputBuffer.baseAddress
                    var outputLeft = outputBuffer.count
                    let result = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    return (outputBuffer.count - outputLeft, result == -1 ? errno : 0)
                }
                decoded += output[0..<produced].map { UInt8(bitPattern: $0) }
                switch failed {
                case 0, E2BIG:
                    continue
                case EINVAL:  // an incomplete sequence at the end
                    decoded += replacementCharacter
                    inputLeft = 0
                default:  // EILSEQ and anything else: skip one byte
                    decoded += replacementCharacter
                    inputPointer = inputPointer.map { $0 + 1 }
                    inputLeft -= 1
                }
            }
        }
        // Return a stateful encoding (ISO-2022) to its initial state.
        output.withUnsafeMutableBufferPointer { outputBuffer in
            var outputPointer = outputBuffer.baseAddress
            var outputLeft = outputBuffer.count
            _ = iconv(descriptor, nil, nil, &outputPointer, &outputLeft)
            decoded += outputBuffer[0..<(outputBuffer.count - outputLeft)].map { UInt8(bitPattern: $0) }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]
}
